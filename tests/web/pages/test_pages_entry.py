"""Data entry: the grid, inline checks (htmx fragment), save as draft, submit, locked rows,
and the Excel entry form downloaded and loaded back."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl

from kehoach import services
from tests.web.pages.conftest import Login, csrf_of


def test_grid_of_a_khom_head(login: Login) -> None:
    page = login("khom1").get("/ke-hoach/1/nhap?ky=2024-07")
    assert page.status_code == 200
    text = page.text
    assert "Nhập số liệu: Khóm 1, tháng 7 năm 2024" in text
    assert 'name="gt:5.2|99001-01"' in text and 'name="ts:4.1|99001-01"' in text and 'name="ms:4.1|99001-01"' in text
    assert "99001-02" not in text  # only their khóm
    assert 'name="xl:6.1|99001-01"' in text and "<option>Đạt</option>" in text  # grade of a units-meeting target
    assert 'inputmode="decimal"' in text and 'hx-post="/ke-hoach/1/nhap/kiem-tra"' in text
    assert "Lưu và nộp để duyệt" in text


def test_ward_officer_grid_has_every_khom_and_the_ward(login: Login) -> None:
    text = login("canbo").get("/ke-hoach/1/nhap?ky=2024-07&don_vi=99001").text
    for code in ("99001-01", "99001-05"):
        assert f'|{code}"' in text
    assert 'name="xh:T1.1.1|99001"' in text  # the ward's rank
    assert 'name="gt:1.1|99001"' in text


def test_council_member_and_leader_cannot_enter(login: Login) -> None:
    for user in ("daibieu", "lanhdao"):
        assert login(user).get("/ke-hoach/1/nhap?ky=2024-07").status_code == 403


def test_inline_check_fragment(login: Login) -> None:
    client = login("khom1")
    rid = "4.1|99001-01"
    bad = client.post(
        "/ke-hoach/1/nhap/kiem-tra",
        data={"dong": rid, f"loai:{rid}": "ratio", f"ts:{rid}": "500", f"ms:{rid}": "460"},
        headers={"HX-Request": "true", "X-CSRF-Token": csrf_of(client)},
    )
    assert bad.status_code == 200 and "<html" not in bad.text
    assert "tử số không được lớn hơn mẫu số" in bad.text
    wrong = client.post(
        "/ke-hoach/1/nhap/kiem-tra",
        data={"dong": "5.2|99001-01", "loai:5.2|99001-01": "value", "gt:5.2|99001-01": "1,2,3"},
        headers={"X-CSRF-Token": csrf_of(client)},
    )
    assert "không phải là số hợp lệ" in wrong.text
    good = client.post(
        "/ke-hoach/1/nhap/kiem-tra",
        data={"dong": rid, f"loai:{rid}": "ratio", f"ts:{rid}": "451", f"ms:{rid}": "1.460"},
        headers={"X-CSRF-Token": csrf_of(client)},
    )
    assert "hợp lệ" in good.text and "loi-o" not in good.text


def test_save_draft_then_submit(login: Login, demo_db: services.Database) -> None:
    client = login("khom1")
    form = {
        "csrf_token": csrf_of(client),
        "ky": "2024-07",
        "don_vi": "99001-01",
        "dong": ["5.2|99001-01", "4.1|99001-01"],
        "loai:5.2|99001-01": "value",
        "gt:5.2|99001-01": "12",
        "loai:4.1|99001-01": "ratio",
        "ts:4.1|99001-01": "1.251",
        "ms:4.1|99001-01": "1.280",
        "gc:4.1|99001-01": "theo danh sách BHXH",
        "hanh_dong": "luu",
    }
    saved = client.post("/ke-hoach/1/nhap", data=form, follow_redirects=False)
    assert saved.status_code == 303 and "tb=da-luu" in saved.headers["location"]
    page = client.get(saved.headers["location"])
    assert "Đã lưu số liệu." in page.text and 'value="1.251"' in page.text and 'value="1.280"' in page.text
    history = services.figure_history(demo_db, 1, "4.1", "99001-01", "2024-07")
    assert history.revisions[-1].new is not None and history.revisions[-1].new.numerator == Decimal(1251)
    assert history.revisions[-1].who == "khom1"
    submitted = client.post("/ke-hoach/1/nhap", data={**form, "hanh_dong": "nop"}, follow_redirects=False)
    assert submitted.status_code == 303 and "tb=da-gui" in submitted.headers["location"]
    assert "Đã nộp" in client.get(submitted.headers["location"]).text


def test_save_refuses_bad_figures_next_to_the_cell(login: Login) -> None:
    client = login("khom1")
    form = {
        "csrf_token": csrf_of(client),
        "ky": "2024-08",
        "don_vi": "99001-01",
        "dong": ["5.2|99001-01", "4.1|99001-01"],
        "loai:5.2|99001-01": "value",
        "gt:5.2|99001-01": "mười",
        "loai:4.1|99001-01": "ratio",
        "ts:4.1|99001-01": "9",
    }
    answer = client.post("/ke-hoach/1/nhap", data=form)
    assert answer.status_code == 400
    assert (
        "Chưa lưu" in answer.text
        and "không phải là số hợp lệ" in answer.text
        and "cần nhập cả tử số và mẫu số" in answer.text
    )
    assert 'value="mười"' in answer.text  # what was typed stays


def test_a_khom_head_cannot_write_another_khom(login: Login) -> None:
    client = login("khom1")
    form = {
        "csrf_token": csrf_of(client),
        "ky": "2024-07",
        "don_vi": "99001-01",
        "dong": "5.2|99001-02",
        "loai:5.2|99001-02": "value",
        "gt:5.2|99001-02": "99",
    }
    assert client.post("/ke-hoach/1/nhap", data=form).status_code == 403


def test_locked_rows_are_read_only(login: Login) -> None:
    page = login("khom1").get("/ke-hoach/1/nhap?ky=2024-H1")  # Khóm 1's H1 is approved in the demo
    assert "đã được duyệt và khóa sổ" in page.text and 'class="khoa"' in page.text
    assert 'name="dong"' not in page.text


def test_csrf_is_required(login: Login) -> None:
    client = login("khom1")
    answer = client.post("/ke-hoach/1/nhap", data={"ky": "2024-07", "don_vi": "99001-01"})
    assert answer.status_code == 403


def test_excel_template_round_trip(login: Login) -> None:
    client = login("canbo")
    answer = client.get("/ke-hoach/1/bieu-mau?ky=2024-09&don_vi=99001-03")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/vnd.openxmlformats")
    book = openpyxl.load_workbook(io.BytesIO(answer.content))
    sheet = book["Nhập liệu"]
    header = next(row for row in sheet.iter_rows() if any(cell.value == "Mã chỉ tiêu" for cell in row))
    columns = {cell.value: cell.column for cell in header}
    for row in sheet.iter_rows(min_row=header[0].row + 1):
        if row[columns["Mã chỉ tiêu"] - 1].value == "5.2":
            sheet.cell(row=row[0].row, column=columns["Giá trị"], value=7)
    filled = io.BytesIO()
    book.save(filled)
    token = csrf_of(client)
    files = {"tep": ("bieu.xlsx", filled.getvalue(), "application/octet-stream")}
    loaded = client.post(
        "/ke-hoach/1/nap-bieu", data={"csrf_token": token, "ky": "2024-09", "don_vi": "99001-03"}, files=files
    )
    assert loaded.status_code == 200 and "Đã nạp bieu.xlsx" in loaded.text and "1 mới" in loaded.text
    csv = client.get("/ke-hoach/1/bieu-mau?ky=2024-09&don_vi=99001-03&dang=csv")
    assert csv.status_code == 200 and "Mã chỉ tiêu" in csv.content.decode("utf-8-sig")


def test_excel_upload_lists_every_error(login: Login) -> None:
    client = login("canbo")
    text = "Mã kế hoạch;1\nMã kỳ;2024-09\nMã chỉ tiêu;Mã đơn vị;Kỳ;Giá trị\n5.2;99001-03;2024-09;abc\n9.9;99001-03;2024-09;1\n"
    files = {"tep": ("sai.csv", text.encode("utf-8"), "text/csv")}
    answer = client.post(
        "/ke-hoach/1/nap-bieu", data={"csrf_token": csrf_of(client), "ky": "2024-09", "don_vi": "99001"}, files=files
    )
    assert answer.status_code == 400
    assert "Không nạp được sai.csv" in answer.text
    assert answer.text.count("<li>") >= 2
    wrong_kind = client.post(
        "/ke-hoach/1/nap-bieu",
        data={"csrf_token": csrf_of(client), "ky": "2024-09", "don_vi": "99001"},
        files={"tep": ("a.pdf", b"%PDF", "application/pdf")},
    )
    assert wrong_kind.status_code == 400 and "chỉ nạp được tệp .xlsx hoặc .csv" in wrong_kind.text


def test_a_khom_head_cannot_load_a_sheet_with_another_khom(login: Login, demo_db: services.Database) -> None:
    client = login("khom1")
    text = (
        "Mã kế hoạch;1\nMã kỳ;2024-10\nMã chỉ tiêu;Mã đơn vị;Kỳ;Giá trị\n"
        "5.2;99001-01;2024-10;3\n5.2;99001-02;2024-10;8\n"
    )
    files = {"tep": ("bieu.csv", text.encode("utf-8"), "text/csv")}
    answer = client.post(
        "/ke-hoach/1/nap-bieu", data={"csrf_token": csrf_of(client), "ky": "2024-10", "don_vi": "99001-01"}, files=files
    )
    assert answer.status_code == 400
    assert "dòng 5, cột B (Mã đơn vị)" in answer.text
    assert "không có quyền nhập số liệu tại Khóm 2 (99001-02)" in answer.text
    assert services.history(demo_db, 1, "5.2", "99001-01", "2024-10") == []  # the whole file refused
