"""Resolution upload → review beside the source text → edits (fields, add, split, merge,
remove) → publish. A database with the demo units and no plan yet."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from kehoach import services
from kehoach.services.demo import import_demo_units
from tests.web.pages.conftest import Login, csrf_of


@pytest.fixture(scope="module")
def demo_db(
    tmp_path_factory: pytest.TempPathFactory, accounts_adder: Callable[[services.Database], None]
) -> Iterator[services.Database]:
    folder = tmp_path_factory.mktemp("tai-len")
    db = services.open_database(f"sqlite:///{folder / 'units.db'}")
    import_demo_units(db)
    accounts_adder(db)
    yield db
    db.close()


def form_of(page: str) -> dict[str, str]:
    """The review form's fields as a browser would send them (selected options, textareas)."""
    form: dict[str, str] = {}
    for match in re.finditer(r'<input[^>]*?name="([^"]+)"[^>]*?value="([^"]*)"', page):
        form.setdefault(html.unescape(match.group(1)), html.unescape(match.group(2)))
    for match in re.finditer(r'<select name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected', match.group(2))
        first = re.search(r'<option value="([^"]*)"', match.group(2))
        form[html.unescape(match.group(1))] = html.unescape((chosen or first).group(1)) if (chosen or first) else ""
    for match in re.finditer(r'<textarea name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S):
        form[html.unescape(match.group(1))] = html.unescape(match.group(2))
    return form


def test_only_plan_managers_upload(login: Login) -> None:
    for user in ("khom1", "lanhdao", "daibieu"):
        assert login(user).get("/tai-len").status_code == 403
    page = login("canbo").get("/tai-len")
    assert (
        page.status_code == 200 and "Tải nghị quyết của HĐND" in page.text and 'accept=".docx,.pdf,.txt"' in page.text
    )


def test_upload_review_edit_publish(login: Login, demo_db: services.Database, seed_file: Path) -> None:
    client = login("canbo")
    token = csrf_of(client, "/tai-len")
    review = client.post(
        "/tai-len", data={"csrf_token": token}, files={"tep": (seed_file.name, seed_file.read_bytes(), "text/plain")}
    )
    assert review.status_code == 200
    text = review.text
    assert "Xem lại kế hoạch đọc từ nq-74-2023-phuong-1.txt" in text
    assert '<mark id="m-t-i2-0">Tỷ lệ hộ nghèo giảm còn 0,2%</mark>' in text  # indicator 3 is the third holder
    assert 'name="t-i2-0-value" value="0,2"' in text
    count = text.count('class="chi-tieu-sua"')
    assert count >= 25
    form = form_of(text)
    assert form["vb-number"] == "74/NQ-HĐND" and form["vb-plan_year"] == "2024"

    split = client.post("/tai-len/xem-lai", data={**form, "thao_tac": "tach:i4:1"})
    assert split.status_code == 200 and split.text.count('class="chi-tieu-sua"') == count + 1
    form = form_of(split.text)
    merged = client.post("/tai-len/xem-lai", data={**form, "thao_tac": "gop:i4:2"})
    assert merged.text.count('class="chi-tieu-sua"') == count
    form = form_of(merged.text)
    added = client.post("/tai-len/xem-lai", data={**form, "thao_tac": "them:i11"})
    assert added.text.count('class="chi-tieu-sua"') == count + 1 and "autofocus" in added.text
    form = form_of(added.text)
    removed = client.post("/tai-len/xem-lai", data={**form, "thao_tac": "xoa:i11:1"})
    assert removed.text.count('class="chi-tieu-sua"') == count
    form = form_of(removed.text)

    bad = client.post("/tai-len/xem-lai", data={**form, "t-i2-0-value": "không phẩy hai", "thao_tac": "cong-bo"})
    assert bad.status_code == 400 and "Chưa công bố" in bad.text and "không phải là số hợp lệ" in bad.text

    fixed = {
        **form,
        "t-i2-0-value": "0,18",
        "t-i2-0-name": "Tỷ lệ hộ nghèo (sửa)",
        "don_vi": "99001",
        "thao_tac": "cong-bo",
    }
    published = client.post("/tai-len/xem-lai", data=fixed, follow_redirects=False)
    assert published.status_code == 303 and published.headers["location"].endswith("?tb=da-cong-bo")
    plan_id = int(published.headers["location"].split("/")[2].split("?")[0])
    stored = services.get_plan(demo_db, plan_id)
    assert stored.unit_code == "99001"
    target = stored.plan.target("3.1")
    assert target.value == Decimal("0.18") and target.name == "Tỷ lệ hộ nghèo (sửa)"
    page = client.get(published.headers["location"])
    assert "Đã công bố kế hoạch." in page.text and "≤ 0,18%" in page.text
    again = client.post("/tai-len/xem-lai", data=fixed, follow_redirects=False)
    assert again.headers["location"].endswith("?tb=da-co")
    target_page = client.get(f"/ke-hoach/{plan_id}/chi-tieu/3.1")
    assert "<mark" in target_page.text  # the source text was kept with the plan


def test_pasted_text_and_bad_files(login: Login, seed_file: Path) -> None:
    client = login("canbo")
    token = csrf_of(client, "/tai-len")
    pasted = client.post("/tai-len", data={"csrf_token": token, "van_ban_dan": seed_file.read_text(encoding="utf-8")})
    assert pasted.status_code == 200 and "văn bản dán vào" in pasted.text
    nothing = client.post("/tai-len", data={"csrf_token": token})
    assert nothing.status_code == 400 and "Chọn tệp nghị quyết" in nothing.text
    wrong = client.post(
        "/tai-len", data={"csrf_token": token}, files={"tep": ("a.exe", b"MZ", "application/octet-stream")}
    )
    assert wrong.status_code == 400 and "chỉ đọc được tệp .docx, .pdf hoặc .txt" in wrong.text
    broken = client.post("/tai-len/xem-lai", data={"csrf_token": token, "ban_thao": "{", "thao_tac": ""})
    assert broken.status_code == 400
