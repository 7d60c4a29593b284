"""The report page: downloads of the report, annex and draft, the officers' text form, who may write."""

from __future__ import annotations

import io

from docx import Document
from openpyxl import load_workbook

from tests.web.pages.conftest import Login, csrf_of


def test_the_dashboard_links_to_the_report_page(login: Login) -> None:
    text = login("canbo").get("/ke-hoach/1?ky=2024-06").text
    assert 'href="/ke-hoach/1/bao-cao?ky=2024-H1&don_vi=99001"' in text and "Lập báo cáo" in text


def test_the_page_offers_downloads_and_the_form(login: Login) -> None:
    page = login("canbo").get("/ke-hoach/1/bao-cao?ky=2024-H1")
    assert page.status_code == 200
    text = page.text
    assert "Báo cáo tình hình thực hiện nghị quyết: Phường 1, 6 tháng đầu năm 2024" in text
    for fmt in ("docx", "pdf", "xlsx"):
        assert f"dinh_dang={fmt}" in text
    assert "Dự thảo nghị quyết năm 2025" in text
    assert 'name="muc__phuong-huong"' in text and 'name="muc__ket-qua:nv-1.1"' in text
    assert "Lưu nội dung" in text


def test_downloads(login: Login) -> None:
    client = login("canbo")
    answer = client.get("/ke-hoach/1/bao-cao/tai-ve?ky=2024-H1&don_vi=99001&dinh_dang=docx")
    assert answer.status_code == 200
    assert answer.headers["content-disposition"].startswith('attachment; filename="bao-cao-99001-2024-H1.docx"')
    assert "BÁO CÁO" in [p.text for p in Document(io.BytesIO(answer.content)).paragraphs]
    annex = client.get("/ke-hoach/1/bao-cao/tai-ve?ky=2024-H1&don_vi=99001&dinh_dang=xlsx")
    sheet = load_workbook(io.BytesIO(annex.content)).active
    assert sheet is not None and sheet.title == "Phụ lục"
    draft = client.get("/ke-hoach/1/du-thao-nghi-quyet?nam=2025")
    assert draft.status_code == 200 and Document(io.BytesIO(draft.content)).paragraphs[0].text == "DỰ THẢO"


def test_saving_the_text_then_it_is_in_the_report(login: Login) -> None:
    client = login("canbo")
    token = csrf_of(client, "/ke-hoach/1/bao-cao?ky=2024-H1")
    answer = client.post(
        "/ke-hoach/1/bao-cao",
        data={
            "csrf_token": token,
            "ky": "2024-H1",
            "don_vi": "99001",
            "muc__phuong-huong": "Tập trung thu ngân sách.",
            "muc__nguyen-nhan": "",
        },
        follow_redirects=False,
    )
    assert answer.status_code == 303 and "da_luu=1" in answer.headers["location"]
    page = client.get(answer.headers["location"]).text
    assert "Đã lưu nội dung báo cáo (1 mục thay đổi)." in page and "Tập trung thu ngân sách.</textarea>" in page
    report = client.get("/ke-hoach/1/bao-cao/tai-ve?ky=2024-H1&don_vi=99001&dinh_dang=docx")
    assert "Tập trung thu ngân sách." in [p.text for p in Document(io.BytesIO(report.content)).paragraphs]


def test_a_council_member_reads_but_cannot_write(login: Login) -> None:
    client = login("daibieu")
    page = client.get("/ke-hoach/1/bao-cao?ky=2024-H1").text
    assert "readonly" in page and "Lưu nội dung" not in page
    token = csrf_of(client, "/ke-hoach/1/bao-cao?ky=2024-H1")
    refused = client.post(
        "/ke-hoach/1/bao-cao", data={"csrf_token": token, "ky": "2024-H1", "don_vi": "99001", "muc__kien-nghi": "x"}
    )
    assert refused.status_code == 403 and "không có quyền viết nội dung báo cáo" in refused.text


def test_a_khom_head_sees_only_their_khom(login: Login) -> None:
    client = login("khom1")
    assert client.get("/ke-hoach/1/bao-cao?ky=2024-H1&don_vi=99001-02").status_code == 403
    page = client.get("/ke-hoach/1/bao-cao?ky=2024-H1")
    assert page.status_code == 200 and "Khóm 1, 6 tháng đầu năm 2024" in page.text
