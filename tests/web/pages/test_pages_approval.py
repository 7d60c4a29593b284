"""The approval view: states of every unit, approve, reopen with a reason; who may do it."""

from __future__ import annotations

from tests.web.pages.conftest import Login, csrf_of


def test_approval_view_lists_the_states(login: Login) -> None:
    page = login("lanhdao").get("/ke-hoach/1/duyet?ky=2024-H1")
    assert page.status_code == 200
    text = page.text
    assert "Duyệt số liệu 6 tháng đầu năm 2024" in text
    assert "Đã duyệt (khóa sổ)" in text and "Đã nộp" in text and "Đang nhập" in text
    assert "Duyệt Khóm 2" in text  # submitted in the demo
    assert "Duyệt Khóm 3" not in text  # a draft cannot be approved
    assert "Lý do mở lại" in text
    ward = login("canbo").get("/ke-hoach/1/duyet?ky=2024-H1")
    assert ward.status_code == 200 and "Duyệt Khóm 2" not in ward.text


def test_approve_then_reopen(login: Login) -> None:
    client = login("lanhdao")
    token = csrf_of(client)
    approved = client.post(
        "/ke-hoach/1/duyet", data={"csrf_token": token, "don_vi": "99001-02", "ky": "2024-H1"}, follow_redirects=False
    )
    assert approved.status_code == 303 and "tb=da-duyet" in approved.headers["location"]
    page = client.get(approved.headers["location"])
    assert "Đã duyệt và khóa sổ kỳ báo cáo." in page.text and "Duyệt Khóm 2" not in page.text
    again = client.post("/ke-hoach/1/duyet", data={"csrf_token": token, "don_vi": "99001-02", "ky": "2024-H1"})
    assert again.status_code == 400 and "không duyệt được" in again.text
    no_reason = client.post(
        "/ke-hoach/1/mo-lai", data={"csrf_token": token, "don_vi": "99001-02", "ky": "2024-H1", "ly_do": " "}
    )
    assert no_reason.status_code == 400 and "lý do" in no_reason.text
    reopened = client.post(
        "/ke-hoach/1/mo-lai",
        data={"csrf_token": token, "don_vi": "99001-02", "ky": "2024-H1", "ly_do": "Khóm 2 báo cáo lại"},
        follow_redirects=False,
    )
    assert reopened.status_code == 303
    assert "Khóm 2 báo cáo lại" in client.get(reopened.headers["location"]).text


def test_only_leaders_approve(login: Login) -> None:
    for user in ("khom1", "canbo", "daibieu"):
        client = login(user)
        answer = client.post(
            "/ke-hoach/1/duyet", data={"csrf_token": csrf_of(client), "don_vi": "99001-01", "ky": "2024-07"}
        )
        assert answer.status_code == 403, user
