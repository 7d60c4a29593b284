"""``kehoach report-settings``: who signs a unit's reports and who receives them, the issuing
body in the header and the place in the date line (core.reportsettings)."""

from __future__ import annotations

from dataclasses import fields
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from kehoach import services
from kehoach.cli.options import ByOption, OptionalUnitOption, PlanArgument
from kehoach.cli.output import console, fail
from kehoach.core.reportsettings import FIELD_LABELS, ReportSettings


def _lines(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in values or [] if v.strip())


def report_settings(
    plan: PlanArgument,
    unit: OptionalUnitOption = None,
    plan_only: Annotated[
        bool, typer.Option("--plan-only", help="Chỉ áp dụng cho kế hoạch này (mặc định: mọi kế hoạch của đơn vị).")
    ] = False,
    issuer: Annotated[
        list[str] | None,
        typer.Option("--issuer", help="Dòng tên cơ quan ban hành ở tiêu đề, lặp lại cho mỗi dòng.", metavar="DÒNG"),
    ] = None,
    parent: Annotated[
        list[str] | None,
        typer.Option("--parent", help="Dòng tên cơ quan chủ quản (nếu có), lặp lại cho mỗi dòng.", metavar="DÒNG"),
    ] = None,
    place: Annotated[
        str | None, typer.Option("--place", help="Địa danh ở dòng ngày tháng, ví dụ 'Phường 1'.", metavar="ĐỊA_DANH")
    ] = None,
    signature: Annotated[
        list[str] | None,
        typer.Option(
            "--signature",
            help="Dòng quyền hạn, chức vụ người ký, lặp lại: --signature 'TM. ỦY BAN NHÂN DÂN' "
            "--signature 'KT. CHỦ TỊCH' --signature 'PHÓ CHỦ TỊCH'.",
            metavar="DÒNG",
        ),
    ] = None,
    signer: Annotated[str | None, typer.Option("--signer", help="Họ và tên người ký.", metavar="TÊN")] = None,
    recipient: Annotated[
        list[str] | None,
        typer.Option(
            "--recipient", help="Nơi nhận, lặp lại cho mỗi nơi (dòng cuối thường là 'Lưu: VT, VP').", metavar="NƠI"
        ),
    ] = None,
    council_issuer: Annotated[
        list[str] | None,
        typer.Option(
            "--council-issuer", help="Dòng tên cơ quan ban hành nghị quyết, lặp lại cho mỗi dòng.", metavar="DÒNG"
        ),
    ] = None,
    council_signature: Annotated[
        list[str] | None,
        typer.Option(
            "--council-signature", help="Chức vụ người ký dự thảo nghị quyết, lặp lại cho mỗi dòng.", metavar="DÒNG"
        ),
    ] = None,
    council_signer: Annotated[
        str | None, typer.Option("--council-signer", help="Họ và tên người ký nghị quyết.", metavar="TÊN")
    ] = None,
    council_recipient: Annotated[
        list[str] | None,
        typer.Option("--council-recipient", help="Nơi nhận của nghị quyết, lặp lại cho mỗi nơi.", metavar="NƠI"),
    ] = None,
    reset: Annotated[
        list[str] | None,
        typer.Option(
            "--reset",
            help="Bỏ một mục đã đặt (về mặc định): issuer, parent, place, signature, signer, recipients, "
            "council_issuer, council_signature, council_signer, council_recipients.",
            metavar="MỤC",
        ),
    ] = None,
    by: ByOption = None,
) -> None:
    """Xem hoặc đặt tiêu đề, chữ ký và nơi nhận của báo cáo và dự thảo nghị quyết của một đơn vị."""
    from kehoach.services.reportingsettings import change_report_settings
    from kehoach.services.reportingsettings import report_settings as read_settings

    changes = ReportSettings(
        issuer=_lines(issuer),
        parent=_lines(parent),
        place=(place or "").strip(),
        signature=_lines(signature),
        signer=(signer or "").strip(),
        recipients=_lines(recipient),
        council_issuer=_lines(council_issuer),
        council_signature=_lines(council_signature),
        council_signer=(council_signer or "").strip(),
        council_recipients=_lines(council_recipient),
    )
    cleared = frozenset(name.strip().replace("-", "_") for name in reset or [])
    unknown = cleared - {f.name for f in fields(ReportSettings)}
    if unknown:
        raise fail(f"--reset: không có mục {', '.join(sorted(unknown))}")
    with services.open_database() as db:
        if changes.to_dict() or cleared:
            view = change_report_settings(
                db,
                plan,
                changes,
                unit_code=unit,
                plan_only=plan_only,
                clear=cleared,
                who=by or services.default_who(),
            )
        else:
            view = read_settings(db, plan, unit_code=unit)
    table = Table(title=f"Thể thức văn bản của {view.unit.name} (kế hoạch số {view.plan_id})")
    for column in ("Mục", "Nội dung đang dùng", "Đặt ở"):
        table.add_column(column)
    effective = view.effective
    for f in fields(ReportSettings):
        value = getattr(effective, f.name)
        shown = " / ".join(value) if isinstance(value, tuple) else value
        if getattr(view.plan_only, f.name):
            where = "kế hoạch này"
        elif getattr(view.unit_wide, f.name):
            where = "đơn vị"
        else:
            where = "mặc định"
        table.add_row(f"{FIELD_LABELS[f.name]} ({f.name})", Text(shown or "(để trống)"), where)
    console().print(table)
