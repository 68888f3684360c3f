"""Strings of the sign-in form (auth.py) and of the header's sign-in marks."""

STRINGS: dict[str, tuple[str, str]] = {
    "auth.title": ("Đăng nhập", "Sign in"),
    "auth.username": ("Tên đăng nhập", "Username"),
    "auth.password": ("Mật khẩu", "Password"),
    "auth.submit": ("Đăng nhập", "Sign in"),
    "auth.failed": ("Sai tên đăng nhập hoặc mật khẩu.", "Wrong username or password."),
    "auth.expired_form": (
        "Biểu mẫu đã hết hạn. Vui lòng đăng nhập lại.",
        "The form has expired. Please sign in again.",
    ),
    "auth.other_lang": ("English", "Tiếng Việt"),
    "auth.logout": ("Đăng xuất", "Sign out"),
    "auth.signed_in_as": ("Đăng nhập: {name} ({role})", "Signed in: {name} ({role})"),
    "auth.off_badge": ("KHÔNG CẦN ĐĂNG NHẬP", "NO SIGN-IN"),
    "auth.no_users_title": ("Chưa cấu hình người dùng", "No users configured"),
    "auth.no_users_body": (
        (
            "Ứng dụng yêu cầu đăng nhập nhưng chưa có tệp người dùng {path}. Quản trị viên chạy "
            "python -m auth add-user TÊN VAI_TRÒ để tạo tài khoản."
        ),
        (
            "Sign-in is required but there is no users file at {path}. An administrator runs "
            "python -m auth add-user NAME ROLE to create an account."
        ),
    ),
    "auth.forbidden": (
        "Chỉ vai trò phân tích viên (analyst) được tải dữ liệu theo từng bản ghi.",
        "Only the analyst role may download record-level data.",
    ),
    "role.leader": ("lãnh đạo", "leader"),
    "role.planner": ("quy hoạch", "planner"),
    "role.analyst": ("phân tích viên", "analyst"),
}
