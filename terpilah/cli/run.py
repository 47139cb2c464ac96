"""``terpilah run``: process what is new in the landing folder (or one date)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from flows.result import RunResult
from terpilah.cli.display import err, flow_progress, print_summary
from terpilah.cli.errors import WAREHOUSE_HELP, check_warehouse, friendly, parse_day
from terpilah.settings import load_settings


def run(
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Process only this data date (YYYY-MM-DD), even if unchanged.")] = None,
    landing: Annotated[Path | None, typer.Option(help="Landing folder for this run.")] = None,
    warehouse: Annotated[str | None, typer.Option(help=WAREHOUSE_HELP)] = None,
    force: Annotated[bool, typer.Option(help="Reprocess every date, changed or not.")] = False,
) -> None:
    """Process new landing files, rebuild the marts and print a summary."""
    day = None if as_of is None else parse_day(as_of, "--as-of")
    settings = load_settings(landing_dir=landing, warehouse=warehouse)
    if not settings.landing.is_dir():
        err.print(f"[red]Landing folder not found: {settings.landing}[/] "
                  "(create it, set TERPILAH_LANDING_DIR, or pass --landing).")
        raise typer.Exit(2)
    with friendly():
        check_warehouse(settings)
        result = start_nightly(settings.landing, warehouse, as_of=day, force=force)
    print_summary(result)
    if result.status == "failed" or result.files_rejected:
        raise typer.Exit(1)


def start_nightly(landing: Path, warehouse: str | Path | None, as_of: date | None = None,
                  force: bool = False) -> RunResult:
    """Start the nightly flow in-process, with a progress display. ``warehouse``: a file,
    a URL, or None for the configured one."""
    with flow_progress():
        from flows.nightly import nightly

        return nightly(as_of=as_of, landing=str(landing),
                       warehouse=None if warehouse is None else str(warehouse), force=force)
