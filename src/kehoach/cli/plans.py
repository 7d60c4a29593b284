"""Commands on stored plans: plans, show, export."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kehoach import services
from kehoach.cli.output import console, fail, print_raw, say
from kehoach.cli.plantable import plans_table
from kehoach.cli.plantree import plan_tree
from kehoach.core.planjson import plan_to_json

PlanArgument = Annotated[
    str,
    typer.Argument(
        help="Số thứ tự kế hoạch (xem lệnh plans) hoặc số văn bản, ví dụ 74/NQ-HĐND.",
        show_default=False,
        metavar="KẾ_HOẠCH",
    ),
]


def plans() -> None:
    """Liệt kê các kế hoạch đã nhập."""
    with services.open_database() as db:
        found = services.list_plans(db)
        location = db.url
    if not found:
        say("Chưa có kế hoạch nào. Nhập bằng lệnh: kehoach import TỆP (hoặc thử kehoach demo).")
        return
    console().print(plans_table(found, location))


def show(
    plan: PlanArgument,
    as_json: Annotated[bool, typer.Option("--json", help="In dạng JSON kehoach.plan/1.")] = False,
) -> None:
    """Hiển thị một kế hoạch đã nhập."""
    with services.open_database() as db:
        stored = services.get_plan(db, plan)
    if as_json:
        print_raw(plan_to_json(stored.plan))
    else:
        console().print(plan_tree(stored.plan, stored.plan_id))


def export(
    plan: PlanArgument,
    as_json: Annotated[
        bool, typer.Option("--json", help="Xuất dạng JSON kehoach.plan/1 (định dạng duy nhất hiện có).")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Ghi vào tệp này thay vì in ra màn hình.", metavar="TỆP"),
    ] = None,
) -> None:
    """Xuất một kế hoạch đã nhập."""
    if not as_json:
        raise fail("hãy chọn định dạng xuất: --json")
    with services.open_database() as db:
        text = services.export_plan_json(db, plan)
    if output is None:
        print_raw(text)
        return
    services.write_text_file(output, text + "\n")
    say(f"Đã xuất kế hoạch {plan} ra {output}")
