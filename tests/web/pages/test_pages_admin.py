"""Administration pages: units (tree, CSV import), accounts and roles, the audit log."""

from __future__ import annotations

from tests.web.pages.conftest import Login, csrf_of


def test_only_administrators(login: Login) -> None:
    for user in ("canbo", "khom1", "lanhdao", "daibieu"):
        for path in ("/quan-tri/don-vi", "/quan-tri/tai-khoan"):
            assert login(user).get(path).status_code == 403, (user, path)


def test_unit_tree_and_csv_import(login: Login) -> None:
    client = login("quantri2")
    page = client.get("/quan-tri/don-vi")
    assert page.status_code == 200 and "Khóm 5" in page.text and "<code>99001-05</code>" in page.text
    csv = "code,name,level,parent_code,valid_from\n99001-06,Khóm 6,khóm,99001,2024-01-01\n".encode()
    done = client.post(
        "/quan-tri/don-vi", data={"csrf_token": csrf_of(client)}, files={"tep": ("don-vi.csv", csv, "text/csv")}
    )
    assert done.status_code == 200 and "1 đơn vị mới" in done.text and "Khóm 6" in done.text
    bad = "code,name,level,parent_code\n99001-07,Khóm 7,khóm,99999\n".encode()
    refused = client.post(
        "/quan-tri/don-vi", data={"csrf_token": csrf_of(client)}, files={"tep": ("sai.csv", bad, "text/csv")}
    )
    assert refused.status_code == 400 and "Không nhập được sai.csv" in refused.text


def test_accounts_and_roles(login: Login) -> None:
    client = login("quantri2")
    page = client.get("/quan-tri/tai-khoan")
    assert page.status_code == 200 and "<code>khom1</code>" in page.text and "Trưởng khóm" in page.text
    created = client.post(
        "/quan-tri/tai-khoan",
        data={
            "csrf_token": csrf_of(client),
            "thao_tac": "tao",
            "ten": "khom3",
            "ho_ten": "Trưởng Khóm 3",
            "vai_tro": "truong_khom",
            "don_vi": "99001-03",
        },
    )
    assert created.status_code == 200 and "Đã tạo tài khoản khom3" in created.text
    assert "Chỉ hiện một lần" in created.text
    role = client.post(
        "/quan-tri/tai-khoan",
        data={
            "csrf_token": csrf_of(client),
            "thao_tac": "vai-tro",
            "ten": "khom3",
            "vai_tro": "dai_bieu_hdnd",
            "don_vi": "99001",
        },
    )
    assert role.status_code == 200 and "Đại biểu HĐND" in role.text
    duplicate = client.post(
        "/quan-tri/tai-khoan",
        data={
            "csrf_token": csrf_of(client),
            "thao_tac": "tao",
            "ten": "khom3",
            "vai_tro": "truong_khom",
            "don_vi": "99001-03",
        },
    )
    assert duplicate.status_code == 400 and "đã có người dùng" in duplicate.text


def test_audit_log_filters(login: Login) -> None:
    client = login("quantri2")
    page = client.get("/quan-tri/nhat-ky")
    assert page.status_code == 200 and "Nhật ký thay đổi" in page.text
    by_user = client.get("/quan-tri/nhat-ky?nguoi=quantri2")
    assert "quantri2" in by_user.text
    fragment = client.get("/quan-tri/nhat-ky?don_vi=99001-01&ky=2024-H1", headers={"HX-Request": "true"})
    assert fragment.status_code == 200 and "<html" not in fragment.text
    assert client.get("/quan-tri/nhat-ky?ky=abc").status_code == 400
    khom = login("khom1").get("/quan-tri/nhat-ky")
    assert khom.status_code == 200 and "99001-02" not in khom.text
