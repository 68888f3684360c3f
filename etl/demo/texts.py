"""Made-up Vietnamese text for demo reports: reporter names, places and report descriptions.

Names are random combinations of common family, middle and given names; none is taken from a real
report.
"""
from __future__ import annotations

import numpy as np

FAMILY = {
    "Nguyễn": 31, "Trần": 11, "Lê": 9.5, "Phạm": 6, "Phan": 4.5, "Hoàng": 4, "Võ": 4, "Huỳnh": 3,
    "Hồ": 2.5, "Đặng": 2, "Bùi": 2, "Trương": 1.5, "Ngô": 1.5, "Đỗ": 1.5, "Dương": 1, "Đoàn": 1,
    "Tôn Thất": 1, "Lý": 0.5, "Mai": 0.5, "Cao": 0.5,
}
MIDDLE = (
    ("Văn", "Hữu", "Đức", "Minh", "Quang", "Xuân", "Công", "Thanh", "Đình", "Ngọc"),
    ("Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Diệu", "Hoài", "Phương"),
)
GIVEN = (
    ("An", "Bảo", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hòa", "Hùng", "Huy", "Khánh",
     "Khoa", "Lâm", "Long", "Lộc", "Minh", "Nam", "Nhân", "Phong", "Phúc", "Quân", "Sơn", "Tài",
     "Thắng", "Thành", "Thịnh", "Trung", "Tuấn", "Việt", "Vinh", "Vũ"),
    ("Anh", "Châu", "Diệp", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hương", "Lan",
     "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Nhi", "Nhung", "Oanh", "Phương", "Quyên", "Tâm",
     "Thảo", "Thủy", "Trang", "Trâm", "Uyên", "Vân", "Vy", "Yến"),
)

#: Streets of Huế city used for reports in its wards.
HUE_STREETS = (
    "Hùng Vương", "Lê Lợi", "Trần Hưng Đạo", "Điện Biên Phủ", "Bà Triệu", "Nguyễn Huệ", "Lê Duẩn",
    "Đinh Tiên Hoàng", "Phan Đình Phùng", "Nguyễn Trãi", "Chi Lăng", "Nguyễn Sinh Cung", "Võ Nguyên Giáp",
    "Tố Hữu", "Phạm Văn Đồng", "Trần Phú", "Hai Bà Trưng", "Đống Đa", "Nguyễn Lộ Trạch", "Bùi Thị Xuân",
    "Lý Thường Kiệt", "Mai Thúc Loan", "Ngô Đức Kế", "Nhật Lệ", "Kim Long", "Huỳnh Thúc Kháng",
    "Nguyễn Chí Thanh", "Phan Bội Châu", "Trường Chinh", "Ngự Bình", "Tôn Đức Thắng",
    "Nguyễn Văn Linh", "Lý Nam Đế", "Đào Duy Anh", "Tăng Bạt Hổ", "Xuân 68", "Văn Tiến Dũng",
)

#: Description templates per category; ``{}`` is the place phrase ("trên đường Lê Lợi", "tại thôn 3").
TEMPLATES: dict[str, tuple[str, ...]] = {
    "TTDT": ("Lấn chiếm vỉa hè để kinh doanh {}", "Đỗ xe ô tô dưới lòng đường {} gây cản trở giao thông",
             "Quảng cáo rao vặt dán tràn lan trên cột điện {}",
             "Tập kết vật liệu xây dựng lấn chiếm lòng đường {}"),
    "VSMT": ("Rác thải tồn đọng nhiều ngày chưa được thu gom {}",
             "Nước thải chảy tràn ra đường, bốc mùi hôi {}",
             "Kênh thoát nước bị ô nhiễm, rác ứ đọng {}", "Đốt rác gây khói bụi ảnh hưởng khu dân cư {}"),
    "HTDT": ("Đèn chiếu sáng không hoạt động {}", "Mặt đường hư hỏng, nhiều ổ gà {}",
             "Cống thoát nước bị tắc, ngập úng khi mưa {}",
             "Nắp hố ga bị vỡ, nguy hiểm cho người đi đường {}"),
    "GT": ("Đèn tín hiệu giao thông không hoạt động {}", "Biển báo giao thông bị cây che khuất {}",
           "Ùn tắc giao thông vào giờ cao điểm {}", "Xe tải chạy quá tốc độ {}"),
    "DDXD": ("Công trình xây dựng không phép {}", "Xây dựng lấn chiếm đất công {}",
             "Công trình xây dựng để vật liệu rơi vãi ra đường {}"),
    "ANTT": ("Hát karaoke gây ồn ào đến khuya {}", "Nhóm thanh niên tụ tập gây mất trật tự {}",
             "Xảy ra trộm cắp tài sản {}"),
    "DIEN": ("Mất điện kéo dài không thông báo trước {}", "Dây điện võng thấp, nguy hiểm {}",
             "Cột điện nghiêng có nguy cơ đổ {}"),
    "NUOC": ("Mất nước sinh hoạt nhiều ngày {}", "Đường ống cấp nước bị vỡ, nước chảy lãng phí {}",
             "Nước máy có màu đục {}"),
    "DTDL": ("Nhà vệ sinh công cộng khu di tích xuống cấp {}", "Chèo kéo, đeo bám du khách {}",
             "Rác thải tại khu vực di tích chưa được dọn {}"),
    "DVC": ("Hồ sơ hành chính bị trễ hẹn, đề nghị kiểm tra {}", "Cửa hàng không niêm yết giá {}",
            "Cơ sở kinh doanh thực phẩm không đảm bảo vệ sinh {}"),
    "KHAC": ("Đề nghị trồng bổ sung cây xanh {}", "Kiến nghị lắp thêm ghế đá ở khu vui chơi {}"),
}


def person_names(rng: np.random.Generator, n: int) -> np.ndarray:
    """n random full names ('Nguyễn Thị Hương'), about half of them women."""
    family = np.array(list(FAMILY), dtype=object)
    weight = np.array(list(FAMILY.values()))
    woman = rng.random(n) < 0.5
    parts = [family[rng.choice(len(family), n, p=weight / weight.sum())]]
    for pool in (MIDDLE, GIVEN):
        men, women = (np.array(p, dtype=object) for p in pool)
        pick = rng.integers(0, 10_000, n)
        parts.append(np.where(woman, women[pick % len(women)], men[pick % len(men)]))
    return parts[0] + " " + parts[1] + " " + parts[2]


def phone_numbers(rng: np.random.Generator, n: int) -> np.ndarray:
    """n distinct mobile numbers of the form 09xxxxxxxx."""
    digits = rng.choice(100_000_000, size=n, replace=False)
    return np.char.add("09", np.char.zfill(digits.astype(str), 8)).astype(object)


def places(rng: np.random.Generator, unit_type: np.ndarray, in_hue: np.ndarray):
    """(address part, description phrase) per report: a Huế street, else a residential group or hamlet."""
    n = len(unit_type)
    street = np.array(HUE_STREETS, dtype=object)[rng.integers(0, len(HUE_STREETS), n)]
    number = rng.integers(1, 13, n).astype(str).astype(object)
    urban = unit_type != "Xã"
    addr = np.where(in_hue, street, np.where(urban, "Tổ dân phố " + number, "Thôn " + number))
    local = np.where(urban, "tại tổ dân phố " + number, "tại thôn " + number)
    phrase = np.where(in_hue, "trên đường " + street, local)
    return addr, phrase


def descriptions(rng: np.random.Generator, codes: np.ndarray, phrase: np.ndarray) -> np.ndarray:
    """A templated description per report, for its category code and place phrase."""
    out = np.empty(len(codes), dtype=object)
    for code, templates in TEMPLATES.items():
        rows = np.flatnonzero(codes == code)
        pick = rng.integers(0, len(templates), len(rows))
        for k, template in enumerate(templates):
            sel = rows[pick == k]
            head, tail = template.split("{}")
            out[sel] = head + phrase[sel] + tail
    return out
