"""``terpilah report``: write the reports (XLSX and HTML) of one as-of date."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from terpilah.cli.display import console, err
from terpilah.cli.errors import WAREHOUSE_HELP, check_warehouse, friendly, parse_day
from terpilah.settings import load_settings


def report(
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Data date of the reports (YYYY-MM-DD; default: the latest in "
                        "marts.asn_profile). The yearly reports take its year.")] = None,
    out: Annotated[Path | None, typer.Option(
        help="Folder to write the reports to (default: TERPILAH_REPORTS_DIR, "
             "$TERPILAH_HOME/reports).")] = None,
    warehouse: Annotated[str | None, typer.Option(help=WAREHOUSE_HELP)] = None,
    min_count: Annotated[int | None, typer.Option(
        "--min-count", min=0,
        help="Hide per-PD counts below this, with complementary cells (default: "
             "TERPILAH_REPORT_MIN_COUNT, 3; 0 hides nothing).")] = None,
) -> None:
    """Write the Profil Statistik ASN, the APE scorecard, the digital-literacy and the ARG
    reports as XLSX workbooks and self-contained HTML pages; print the files written."""
    from terpilah.report import ReportError, build_reports

    day = None if as_of is None else parse_day(as_of, "--as-of")
    settings = load_settings(warehouse=warehouse)
    folder = out or settings.reports_dir
    assert folder is not None
    threshold = settings.report_min_count if min_count is None else min_count
    with friendly():
        check_warehouse(settings)
        try:
            written = build_reports(settings.target, folder, as_of=day, min_count=threshold,
                                    published_dir=settings.published_dir)
        except ReportError as exc:
            err.print(f"[red]{exc}[/]")
            raise typer.Exit(2) from None
    for note in written.notes:
        console.print(f"[yellow]{note}[/]")
    console.print(f"Reports as of {written.as_of.isoformat()} (small counts hidden below "
                  f"{threshold}):" if threshold > 1 else
                  f"Reports as of {written.as_of.isoformat()} (no small-count hiding):")
    for path in written.files:
        console.print(f"  {path}", soft_wrap=True)
