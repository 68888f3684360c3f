"""Handling units per category (hue-facts §2.4 and §7.2): commune-level work goes to the commune's
People's Committee or police, city-wide services to the utility or department that runs them."""
from __future__ import annotations

import numpy as np
import pandas as pd

from etl.demo import geo

HEPCO = "Công ty CP Môi trường và Công trình đô thị Huế"
HUEWACO = "Công ty CP Cấp nước Thừa Thiên Huế"
PROJECTS = "Ban Quản lý dự án Đầu tư xây dựng và Phát triển đô thị tỉnh"

#: Tokens resolved per commune: ``ward`` (UBND of the commune), ``police`` (its police),
#: ``urban`` (the district's urban-management office), ``land`` (the district's land office).
#: Category -> (pool for Huế city, pool elsewhere); a pool is ((token or unit name, weight), …).
POOLS: dict[str, tuple[tuple, tuple]] = {
    "TTDT": ((("ward", 75), ("Đội Quản lý trật tự đô thị thành phố Huế", 25)), (("ward", 85), ("urban", 15))),
    "VSMT": (((HEPCO, 45), ("ward", 35), ("Trung tâm Công viên cây xanh Huế", 20)),
             (("ward", 70), ("land", 30))),
    "HTDT": (((HEPCO, 40), (PROJECTS, 20), ("urban", 25), (HUEWACO, 15)),
             (("urban", 60), ("ward", 25), (PROJECTS, 15))),
    "GT": ((("Sở Giao thông vận tải", 50), ("Phòng Cảnh sát giao thông Công an tỉnh", 30), ("urban", 20)),)
    * 2,
    "DDXD": ((("ward", 50), ("urban", 30), ("land", 20)),) * 2,
    "ANTT": ((("police", 90), ("ward", 10)),) * 2,
    "DIEN": ((("Công ty Điện lực Thừa Thiên Huế", 100),),) * 2,
    "NUOC": (((HUEWACO, 100),),) * 2,
    "DTDL": ((("Trung tâm Bảo tồn Di tích Cố đô Huế", 70), ("Sở Du lịch", 30)),) * 2,
    "DVC": ((("Sở Y tế", 25), ("Sở Giáo dục và Đào tạo", 25), ("Sở Công Thương", 25),
             ("Trung tâm Phục vụ hành chính công tỉnh", 25)),) * 2,
    "KHAC": ((("Trung tâm Giám sát, điều hành đô thị thông minh tỉnh", 60), ("ward", 40)),) * 2,
}


def responsible(frame: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """One handling unit per report, from its category's pool for its commune."""
    table = geo.communes()
    commune = frame["commune_idx"].to_numpy()
    in_hue = table["district_code"].to_numpy()[commune] == "474"
    code = frame["service_code"].to_numpy()
    tokens = np.empty(len(frame), dtype=object)
    for category, pools in POOLS.items():
        for pool, where in zip(pools, (in_hue, ~in_hue)):
            rows = np.flatnonzero((code == category) & where)
            names = np.array([name for name, _ in pool], dtype=object)
            weight = np.array([w for _, w in pool], float)
            tokens[rows] = names[rng.choice(len(names), len(rows), p=weight / weight.sum())]
    return _resolve(tokens, commune)


def _resolve(tokens: np.ndarray, commune: np.ndarray) -> np.ndarray:
    table = geo.communes()
    full = table["name_full_vi"].to_numpy()[commune]
    district = table["district_code"].to_numpy()[commune]
    phrase = {code: geo.district_phrase(code) for code in np.unique(district)}
    district_name = np.array([phrase[d] for d in district], dtype=object)
    urban_office = np.where(np.isin(district, ["474", "479", "480"]), "Phòng Quản lý đô thị ",
                            "Phòng Kinh tế và Hạ tầng ") + district_name
    out = tokens.copy()
    out[tokens == "ward"] = "UBND " + full[tokens == "ward"]
    out[tokens == "police"] = "Công an " + full[tokens == "police"]
    out[tokens == "urban"] = urban_office[tokens == "urban"]
    out[tokens == "land"] = "Phòng Tài nguyên và Môi trường " + district_name[tokens == "land"]
    return out
