"""Plans list, dashboard, trend fragment and target page: status codes, Vietnamese content,
numbers the Vietnamese way, and nothing outside the signed-in user's scope."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.web.pages.conftest import Login, csrf_of


def test_anonymous_is_sent_to_the_login_page(anonymous: TestClient) -> None:
    answer = anonymous.get("/ke-hoach/1?ky=2024-06", follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/dang-nhap?next=%2Fke-hoach%2F1")
    page = anonymous.get("/dang-nhap")
    assert page.status_code == 200
    assert "Đăng nhập" in page.text and 'name="csrf_token"' in page.text and 'lang="vi"' in page.text


def test_home_goes_to_the_plans(login: Login) -> None:
    answer = login("canbo").get("/", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/ke-hoach"


def test_plan_list_shows_the_plans_in_scope(login: Login) -> None:
    page = login("canbo").get("/ke-hoach")
    assert page.status_code == 200
    assert "Về kế hoạch phát triển kinh tế - xã hội năm 2024" in page.text
    assert "74/NQ-HĐND" in page.text and "Tải nghị quyết mới" in page.text
    khom = login("khom1").get("/ke-hoach")
    assert "Xem đánh giá Khóm 1" in khom.text and "Tải nghị quyết mới" not in khom.text
    other = login("canbo2").get("/ke-hoach")
    assert other.status_code == 200
    assert "74/NQ-HĐND" not in other.text and "Chưa có kế hoạch nào" in other.text


def test_dashboard_of_the_ward(login: Login) -> None:
    page = login("canbo").get("/ke-hoach/1?ky=2024-06&don_vi=99001")
    assert page.status_code == 200
    text = page.text
    assert re.search(r"\d+/\d+ chỉ tiêu đạt hoặc đúng tiến độ, \d+ có nguy cơ, \d+ chưa có số liệu", text)
    for group in ("Kinh tế", "Văn hóa - xã hội", "Xây dựng chính quyền", "Quốc phòng - an ninh", "Nhiệm vụ trọng tâm"):
        assert f"<h2>{group}</h2>" in text
    assert "97,81% (6.304/6.445)" in text  # health insurance, ratio of sums, Vietnamese notation
    assert "≥ 97,5%" in text and "Có nguy cơ không đạt" in text and "Đúng tiến độ" in text
    assert "huy-hieu--nguy-co" in text and "5/5" in text
    assert text.count("data-chart=") >= 2  # status by group, units side by side
    assert 'href="/ke-hoach/1?ky=2024-06&don_vi=99001-03"' in text  # drill down to a khóm
    assert '<option value="2024-H1"' in text  # period switch


def test_dashboard_period_and_unit_switch(login: Login) -> None:
    client = login("canbo")
    half = client.get("/ke-hoach/1?ky=2024-H1&don_vi=99001")
    assert "đánh giá 6 tháng đầu năm 2024" in half.text
    khom = client.get("/ke-hoach/1?ky=2024-06&don_vi=99001-02")
    assert khom.status_code == 200 and "Khóm 2: đánh giá tháng 6 năm 2024" in khom.text
    assert "Thu ngân sách" not in khom.text  # the ward's own figures are not a khóm's
    assert client.get("/ke-hoach/1?ky=2031-01").status_code == 400
    assert client.get("/ke-hoach/99").status_code == 404


def test_default_period_is_the_latest_month_with_figures(login: Login) -> None:
    page = login("lanhdao").get("/ke-hoach/1")
    assert page.status_code == 200 and "đánh giá tháng 6 năm 2024" in page.text


def test_khom_head_sees_only_the_khom(login: Login) -> None:
    client = login("khom1")
    own = client.get("/ke-hoach/1?ky=2024-06")
    assert own.status_code == 200 and "Khóm 1: đánh giá" in own.text
    assert "Khóm 2" not in own.text
    for path in ("/ke-hoach/1?ky=2024-06&don_vi=99001", "/ke-hoach/1?ky=2024-06&don_vi=99001-02"):
        refused = client.get(path)
        assert refused.status_code == 403 and "Không có quyền" in refused.text


def test_another_ward_sees_nothing(login: Login) -> None:
    client = login("canbo2")
    for path in ("/ke-hoach/1", "/ke-hoach/1/chi-tieu/3.1", "/ke-hoach/1/nhap", "/ke-hoach/1/duyet"):
        answer = client.get(path)
        assert answer.status_code in (403, 404), path
        assert "Tỷ lệ hộ nghèo" not in answer.text


def test_trend_fragment(login: Login) -> None:
    answer = login("canbo").get("/ke-hoach/1/xu-huong?chi_tieu=5.2&ky=2024-06&don_vi=99001")
    assert answer.status_code == 200
    assert "<html" not in answer.text and "data-chart=" in answer.text
    assert "Tháng 3 năm 2024" in answer.text and "Chi tiết chỉ tiêu 5.2" in answer.text
    refused = login("khom1").get(
        "/ke-hoach/1/xu-huong?chi_tieu=5.2&ky=2024-06&don_vi=99001", headers={"HX-Request": "true"}
    )
    assert refused.status_code == 403 and "<html" not in refused.text


def test_target_page_highlights_the_sentence(login: Login) -> None:
    page = login("canbo").get("/ke-hoach/1/chi-tieu/3.1?ky=2024-06&don_vi=99001")
    assert page.status_code == 200
    assert '<mark id="doan-trich">Tỷ lệ hộ nghèo giảm còn 0,2%</mark>' in page.text
    assert "≤ 0,2%" in page.text and "Càng thấp càng tốt" in page.text
    assert "Tỷ lệ: cộng tử số và mẫu số rồi chia" in page.text
    assert "Khóm 5" in page.text and "Lịch sử thay đổi số liệu" in page.text and "Nhập mới" in page.text
    assert "Đổi cách tính" in page.text  # a ward officer manages the plan
    assert "Đổi cách tính" not in login("daibieu").get("/ke-hoach/1/chi-tieu/3.1?ky=2024-06").text


def test_changing_a_rule(login: Login) -> None:
    client = login("canbo")
    data = {
        "csrf_token": csrf_of(client),
        "over_units": "sum",
        "over_time": "cumulative",
        "ky": "2024-06",
        "don_vi": "99001",
    }
    answer = client.post("/ke-hoach/1/chi-tieu/12.1/quy-tac", data=data, follow_redirects=False)
    assert answer.status_code == 303 and "tb=da-doi-quy-tac" in answer.headers["location"]
    page = client.get(answer.headers["location"])
    assert "Đã đổi cách tính chỉ tiêu." in page.text
    council = login("daibieu")
    refused = council.post("/ke-hoach/1/chi-tieu/12.1/quy-tac", data={**data, "csrf_token": csrf_of(council)})
    assert refused.status_code == 403


def test_static_files(anonymous: TestClient) -> None:
    css = anonymous.get("/static/kehoach.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert anonymous.get("/static/kehoach.js").status_code == 200
    for bad in (
        "/static/../pages/render.py",
        "/static/%2e%2e/pages/render.py",
        "/static/vendor/.installed",
        "/static/nothing.js",
    ):
        assert anonymous.get(bad).status_code == 404, bad
