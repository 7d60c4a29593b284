"""The ``kehoach`` command: thin Typer commands over the services."""

from __future__ import annotations

import typer

from kehoach.cli import (
    approval,
    demo,
    documents,
    narratives,
    plans,
    recording,
    reports,
    reportsettings,
    serve,
    settings,
    sheets,
    status,
    targets,
    tokens,
    units,
    users,
)
from kehoach.cli.group import KehoachCommand, KehoachGroup
from kehoach.cli.localization import localize_help

localize_help()

OPTIONS = "[TÙY_CHỌN]"

app = typer.Typer(
    cls=KehoachGroup,
    help="kehoach: đọc nghị quyết HĐND về kế hoạch phát triển kinh tế - xã hội và theo dõi kế hoạch.",
    no_args_is_help=True,
    options_metavar=OPTIONS,
    subcommand_metavar="LỆNH [THAM_SỐ]...",
    add_completion=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

app.command("parse", cls=KehoachCommand, options_metavar=OPTIONS)(documents.parse)
app.command("import", cls=KehoachCommand, options_metavar=OPTIONS)(documents.import_)
app.command("plans", cls=KehoachCommand, options_metavar=OPTIONS)(plans.plans)
app.command("show", cls=KehoachCommand, options_metavar=OPTIONS)(plans.show)
app.command("export", cls=KehoachCommand, options_metavar=OPTIONS)(plans.export)
app.command("demo", cls=KehoachCommand, options_metavar=OPTIONS)(demo.demo)
app.command("settings", cls=KehoachCommand, options_metavar=OPTIONS)(settings.settings)
app.add_typer(units.app, name="units")
app.add_typer(targets.app, name="target")
app.command("record", cls=KehoachCommand, options_metavar=OPTIONS)(recording.record)
app.command("history", cls=KehoachCommand, options_metavar=OPTIONS)(recording.history)
app.command("submit", cls=KehoachCommand, options_metavar=OPTIONS)(approval.submit)
app.command("approve", cls=KehoachCommand, options_metavar=OPTIONS)(approval.approve)
app.command("reopen", cls=KehoachCommand, options_metavar=OPTIONS)(approval.reopen)
app.command("status", cls=KehoachCommand, options_metavar=OPTIONS)(status.status)
app.command("template", cls=KehoachCommand, options_metavar=OPTIONS)(sheets.template)
app.command("load", cls=KehoachCommand, options_metavar=OPTIONS)(sheets.load)
app.command("report", cls=KehoachCommand, options_metavar=OPTIONS)(reports.report)
app.command("draft-resolution", cls=KehoachCommand, options_metavar=OPTIONS)(reports.draft_resolution)
app.command("report-settings", cls=KehoachCommand, options_metavar=OPTIONS)(reportsettings.report_settings)
app.add_typer(narratives.app, name="narrative")
app.add_typer(users.app, name="users")
app.add_typer(tokens.app, name="tokens")
app.command("serve", cls=KehoachCommand, options_metavar=OPTIONS)(serve.serve)


def main() -> None:
    app(prog_name="kehoach")
