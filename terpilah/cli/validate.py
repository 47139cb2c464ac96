"""``terpilah validate FILE --source simpeg``: check a file before sending it; loads nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from rich.table import Table

from ingest.parsers_budget import rupiah
from terpilah.cli.display import console, err
from terpilah.cli.errors import parse_day
from terpilah.report.safe import csv_safe
from terpilah.settings import load_settings

SEVERITY = {"reject": ("REJECT", "red"), "warning": ("warn", "yellow"), "info": ("info", "dim")}


def _data_date(path: Path, as_of: str | None) -> date:
    if as_of:
        return parse_day(as_of, "--as-of")
    try:  # a file already in its landing folder: <source>/<YYYY-MM-DD>/<file>
        return date.fromisoformat(path.resolve().parent.name)
    except ValueError:
        return date.today()


def budget_line(values: pd.DataFrame, source: str) -> str:
    """What a budget file or an ARG list was read as: year(s), document, SKPD, sums."""
    years = ", ".join(sorted(values["tahun"].dropna().unique()))
    pds = values["kode_skpd"].fillna(values["nama_skpd"]).nunique()
    if source == "arg":
        return f"ARG list, tahun {years}, {pds} PD, {len(values)} tag(s)"
    docs = ", ".join(sorted(values["dokumen"].dropna().unique()))
    total = sum(Decimal(p) for p in values["pagu"].dropna())
    return (f"Budget ({docs}), tahun {years}, {pds} SKPD, {len(values)} sub kegiatan, "
            f"pagu {rupiah(total)}")


def validate(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True,
                                         help="The .xlsx or .csv file to check.")],
    source: Annotated[str, typer.Option(
        help="Which kind of file: simpeg (employee export), training (attendance list), "
             "literacy (participant list), budget (RKA/DPA export or ARG list: told apart by "
             "the header) or arg (ARG list).")
    ] = "simpeg",
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="The date the file describes (default: its folder name, else today).")
    ] = None,
    limit: Annotated[int, typer.Option(help="Show at most this many problems (0: all).")] = 200,
    report: Annotated[Path | None, typer.Option(
        help="Also write every problem to this CSV.")] = None,
) -> None:
    """List every problem in FILE (sheet, row, column, value, rule, what to do).

    Exit status 1 when the file would be rejected, 0 when it would be accepted."""
    from expectations.batch import decide
    from expectations.judge import Judge
    from ingest.extract import extract_file
    from ingest.landing import source_for
    from ingest.sources import SOURCES

    if source not in SOURCES:
        err.print(f"[red]Unknown source '{source}'. Known: {', '.join(SOURCES)}.[/]")
        raise typer.Exit(2)
    source = source_for(file, source)
    day = _data_date(file, as_of)
    settings = load_settings()
    fx = extract_file(file, SOURCES[source], day)
    verdict = decide([fx], Judge(None, settings.max_reject_share), run_name="validate")
    issues = fx.issues.sort_values(["source_row", "severity"], kind="stable")
    console.print(f"[bold]{file.name}[/] ({source}, data date {day})"
                  + (f", sheet '{fx.sheet}'" if fx.sheet else "")
                  + (f", header in row {fx.header_row}" if fx.header_row else ""))
    if fx.problem is None and fx.values is not None and "event_title" in fx.values:
        event = fx.values.iloc[0]
        console.print(f"Event: {event['event_title']} ({event['training_kind']}), "
                      f"{event['event_start']:%Y-%m-%d} .. {event['event_end']:%Y-%m-%d}")
    if fx.problem is None and fx.values is not None and source in ("budget", "arg"):
        console.print(budget_line(fx.values, source))
    if fx.problem is None:
        console.print(f"Rows read {fx.rows_read:,}: would load {fx.rows_accepted:,}, "
                      f"reject {fx.rows_rejected:,}; warnings {fx.count('warning'):,}"  # type: ignore[arg-type]
                      + (f"; skipped {fx.skipped}" if fx.skipped else ""))
    shown = issues if limit == 0 else issues.head(limit)
    if len(shown):
        table = Table(show_lines=False, expand=True)
        table.add_column("row", justify="right", no_wrap=True)
        table.add_column("column", max_width=16)
        table.add_column("value", no_wrap=True, max_width=22)
        table.add_column("rule", no_wrap=True)
        table.add_column("", no_wrap=True)
        table.add_column("what to do", ratio=1, overflow="fold")
        for r in shown.itertuples(index=False):
            label, style = SEVERITY[r.severity]
            row = "" if pd.isna(r.source_row) else str(int(r.source_row))
            table.add_row(row, r.column, r.value, r.rule, label, r.message, style=style)
        console.print(table)
        if len(shown) < len(issues):
            console.print(f"... {len(issues) - len(shown)} more (use --limit 0 or --report).")
    if report is not None:
        columns = ["file", "sheet", "row", "column", "value", "rule", "severity", "message"]
        frame = issues.rename(columns={"source_row": "row"}).assign(file=file.name,
                                                                    sheet=fx.sheet)[columns]
        for text in ("file", "sheet", "column", "value", "message"):  # never a formula
            frame[text] = frame[text].map(csv_safe, na_action="ignore")
        frame.to_csv(report, index=False)
        console.print(f"All {len(issues)} problems written to {report}")
    if verdict.accepted:
        console.print("[bold green]ACCEPTED[/]: the file would be loaded"
                      + (" (rejected rows are held back)." if fx.rows_rejected else "."))
        return
    console.print("[bold red]REJECTED[/]: nothing of this file would be loaded.")
    for reason in verdict.reasons.get(file.name, []):
        console.print(f"  [red]-[/] {reason}")
    raise typer.Exit(1)
