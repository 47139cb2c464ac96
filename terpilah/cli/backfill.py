"""``terpilah backfill``: re-process every landing date in a range, oldest first."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from terpilah.cli.display import console, err, flow_progress, pct
from terpilah.cli.errors import WAREHOUSE_HELP, check_warehouse, friendly, parse_day
from terpilah.settings import load_settings


def backfill(
    start: Annotated[str, typer.Option(help="First data date (YYYY-MM-DD).")],
    end: Annotated[str, typer.Option(help="Last data date (YYYY-MM-DD).")],
    source: Annotated[list[str] | None, typer.Option(
        help="Only this source (repeatable); default: all.")] = None,
    landing: Annotated[Path | None, typer.Option(help="Landing folder.")] = None,
    warehouse: Annotated[str | None, typer.Option(help=WAREHOUSE_HELP)] = None,
    restart: Annotated[bool, typer.Option(
        help="Ignore the progress of an interrupted backfill of the same range.")] = False,
) -> None:
    """Re-process every landing date from START to END as the nightly run would have.

    Interrupted, it resumes where it stopped when started again with the same range."""
    from ingest.sources import SOURCES

    first, last = parse_day(start, "--start"), parse_day(end, "--end")
    if first > last:
        err.print("[red]--start is after --end.[/]")
        raise typer.Exit(2)
    unknown = [s for s in source or [] if s not in SOURCES]
    if unknown:
        err.print(f"[red]Unknown source {', '.join(unknown)}. Known: {', '.join(SOURCES)}.[/]")
        raise typer.Exit(2)
    settings = load_settings(landing_dir=landing, warehouse=warehouse)
    with friendly():
        check_warehouse(settings)
    with friendly(), flow_progress():
        from flows.backfill import backfill as backfill_flow

        result = backfill_flow(first, last, sources=source or None,
                               landing=str(settings.landing), warehouse=warehouse,
                               restart=restart)
    colour = "green" if result.status == "success" else "red"
    console.print(f"[bold {colour}]Backfill {result.status}[/] {first} .. {last} in "
                  f"{result.seconds:.1f} s: {len(result.dates)} date(s)"
                  + (f", {len(result.resumed)} done before the interruption"
                     if result.resumed else ""))
    for run in result.runs:
        for f in run.files:
            console.print(f"  {f.data_date} {escape(f.file)}: {f.status}, {f.rows_loaded:,} "
                          f"loaded, {f.rows_rejected:,} quarantined" + (
                              f" ({escape(' '.join(f.reasons))})" if f.reasons else ""))
            if f.understood:
                console.print(f"    {escape(f.understood)}", style="dim")
    for failure in result.dbt_failures:
        console.print(f"[red]dbt:[/] {failure}")
    if result.headline:
        h = result.headline
        console.print(f"Profil ASN per {h.data_date}: total ASN {h.total_asn:,}, wanita "
                      f"{pct(h.pct_wanita)}")
    if result.status != "success" or result.files_rejected:
        raise typer.Exit(1)
