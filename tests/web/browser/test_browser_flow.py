"""The whole cycle in Debian's Chromium: a trưởng khóm enters figures on a phone and submits,
a lãnh đạo approves, the ward's dashboard changes; a cán bộ phường uploads the resolution,
fixes a target in review and publishes. Screenshots of the main pages go to test-artifacts/."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kehoach.services.demo import build_demo, import_demo_units

SEED = Path(__file__).parents[3] / "src" / "kehoach" / "data" / "nq-74-2023-phuong-1.txt"


def _row(page: Any, key: str) -> Any:
    """The dashboard row of target ``key``."""
    return page.locator("tbody tr").filter(
        has=page.locator("td[data-label='Mã']", has_text=re.compile(rf"^{re.escape(key)}$"))
    )


def test_enter_submit_approve_dashboard(serve: Any, browser: Any, helpers: dict[str, Any]) -> None:
    sign_in, shoot = helpers["sign_in"], helpers["shoot"]
    site = serve(build_demo)
    base = site.url

    leader = browser.new_context(viewport=helpers["DESKTOP"], locale="vi-VN")
    lp = leader.new_page()
    errors: list[str] = []
    lp.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(lp, base, "lanhdao")
    lp.goto(f"{base}/ke-hoach/1?ky=2024-07&don_vi=99001")
    before = _row(lp, "5.2").inner_text()
    assert "0/5" in before

    khom = browser.new_context(viewport=helpers["PHONE"], locale="vi-VN", is_mobile=True, has_touch=True)
    kp = khom.new_page()
    kp.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(kp, base, "khom1")
    shoot(kp, "ke-hoach")
    kp.goto(f"{base}/ke-hoach/1/nhap?ky=2024-07")
    assert kp.locator("h1").inner_text().startswith("Nhập số liệu: Khóm 1")
    value = kp.locator('input[name="gt:5.2|99001-01"]')
    value.fill("15")
    value.press("Enter")  # Enter moves to the next cell, as Tab does
    assert kp.evaluate("document.activeElement.name") == "gc:5.2|99001-01"
    numerator = kp.locator('input[name="ts:4.1|99001-01"]')
    denominator = kp.locator('input[name="ms:4.1|99001-01"]')
    numerator.fill("1.300")
    denominator.fill("1.280")
    denominator.press("Tab")
    row = kp.locator("tr", has=numerator)
    row.locator(".loi-o").filter(has_text="tử số không được lớn hơn mẫu số").wait_for()
    shoot(kp, "nhap-lieu-kiem-tra")
    numerator.fill("1.251")
    numerator.press("Tab")
    row.locator(".tot-o").wait_for()
    kp.get_by_role("button", name="Lưu và nộp để duyệt").click()
    kp.get_by_text("Đã nộp số liệu để lãnh đạo duyệt.").wait_for()
    assert "Đã nộp" in kp.locator("h1 + p").inner_text()
    shoot(kp, "nhap-lieu")
    kp.goto(f"{base}/ke-hoach/1?ky=2024-07")
    shoot(kp, "bang-dieu-khien-khom")

    lp.goto(f"{base}/ke-hoach/1/duyet?ky=2024-07")
    lp.get_by_role("button", name="Duyệt Khóm 1").click()
    lp.get_by_text("Đã duyệt và khóa sổ kỳ báo cáo.").wait_for()
    shoot(lp, "duyet")
    lp.goto(f"{base}/ke-hoach/1?ky=2024-07&don_vi=99001")
    after = _row(lp, "5.2").inner_text()
    assert after != before and "15 lao động" in after and "1/5" in after
    assert "97,73% (1.251/1.280)" in _row(lp, "4.1").inner_text()
    lp.locator("#xu-huong-noi-dung [data-chart] svg").first.wait_for()
    shoot(lp, "bang-dieu-khien")
    lp.goto(f"{base}/ke-hoach/1/chi-tieu/3.1?ky=2024-06&don_vi=99001")
    assert lp.locator("mark#doan-trich").inner_text() == "Tỷ lệ hộ nghèo giảm còn 0,2%"
    shoot(lp, "chi-tieu")
    lp.set_viewport_size(helpers["PHONE"])
    lp.goto(f"{base}/ke-hoach/1?ky=2024-06&don_vi=99001")
    shoot(lp, "bang-dieu-khien")
    assert errors == []
    leader.close()
    khom.close()


def test_upload_review_publish(serve: Any, browser: Any, helpers: dict[str, Any]) -> None:
    sign_in, shoot = helpers["sign_in"], helpers["shoot"]
    site = serve(import_demo_units)
    base = site.url
    context = browser.new_context(viewport=helpers["DESKTOP"], locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base}/dang-nhap")
    shoot(page, "dang-nhap")
    sign_in(page, base, "canbo")
    page.goto(f"{base}/tai-len")
    page.set_input_files("#tep", str(SEED))
    page.get_by_role("button", name="Đọc nghị quyết").click()
    page.get_by_text("Xem lại kế hoạch đọc từ nq-74-2023-phuong-1.txt").wait_for()
    value = page.locator('input[name="t-i2-0-value"]')
    assert value.input_value() == "0,2"
    value.click()  # the target's sentence is highlighted in the source text
    assert page.locator("mark.dang-chon").inner_text() == "Tỷ lệ hộ nghèo giảm còn 0,2%"
    value.fill("0,18")
    page.select_option('select[name="don_vi"]', "99001")
    shoot(page, "xem-lai")
    page.get_by_role("button", name="Công bố kế hoạch").click()
    page.wait_for_url(re.compile(r".*/ke-hoach/\d+\?tb=da-cong-bo"))
    page.get_by_text("Đã công bố kế hoạch.").wait_for()
    assert "≤ 0,18%" in _row(page, "3.1").inner_text()
    page.goto(f"{base}/quan-tri/nhat-ky")
    page.set_viewport_size(helpers["PHONE"])
    page.goto(f"{base}/tai-len")
    shoot(page, "tai-len")
    assert errors == []
    context.close()
