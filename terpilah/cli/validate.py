"""``terpilah validate FILE --source simpeg``: check a file before sending it; loads nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import pandas as pd
import typer
from rich.markup import escape
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


TABLE_MIN_WIDTH = 110  # narrower, the table would squeeze "what to do" to a letter a line


def print_problems(issues: pd.DataFrame) -> None:
    """A table on a wide terminal; on a narrow one (or a pipe) each problem on its own lines."""
    rows = [("" if pd.isna(r.source_row) else str(int(r.source_row)), escape(str(r.column)),
             escape(str(r.value)), r.rule, *SEVERITY[r.severity], escape(str(r.message)))
            for r in issues.itertuples(index=False)]
    if console.width < TABLE_MIN_WIDTH:
        for row, column, value, rule, label, style, message in rows:
            where = " ".join(p for p in (f"row {row}" if row else "file", column) if p)
            console.print(f"[{style}]{label:<6} {where}: {value or '-'} ({rule})[/]")
            console.print(f"       {message}", style=style)
        return
    table = Table(show_lines=False, expand=True)
    table.add_column("row", justify="right", no_wrap=True)
    table.add_column("column", max_width=16)
    table.add_column("value", no_wrap=True, max_width=22)
    table.add_column("rule", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column("what to do", ratio=1, overflow="fold")
    for row, column, value, rule, label, style, message in rows:
        table.add_row(row, column, value, rule, label, message, style=style)
    console.print(table)


def print_reading(record: dict[str, Any]) -> None:
    """Everything understood from the file, as far as reading it got: a wrong guess (sheet,
    header row, a column taken for another, the title read as another event) is seen here."""
    from ingest.understood import detail_lines

    console.print("[bold]What was understood[/]:")
    for label, text in detail_lines(record):
        console.print(f"  {label:<14} {escape(text)}")


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
    from ingest.privacy import mask_personal
    from ingest.routing import note_routing, route
    from ingest.sources import SOURCES
    from ingest.understood import reading_record

    if source not in SOURCES:
        err.print(f"[red]Unknown source '{source}'. Known: {', '.join(SOURCES)}.[/]")
        raise typer.Exit(2)
    routing = route(file, source, f"--source {source}")
    source = routing.source
    day = _data_date(file, as_of)
    settings = load_settings()
    fx = extract_file(file, SOURCES[source], day)
    note_routing(fx, routing)
    verdict = decide([fx], Judge(None, settings.max_reject_share), run_name="validate")
    issues = fx.issues.sort_values(["source_row", "severity"], kind="stable")
    for text in ("column", "value", "message"):  # by value, whatever the column
        issues[text] = issues[text].map(mask_personal, na_action="ignore")
    console.print(f"[bold]{escape(file.name)}[/] ({source}, data date {day})"
                  + (f", sheet '{escape(mask_personal(fx.sheet))}'" if fx.sheet else "")
                  + (f", header in row {fx.header_row}" if fx.header_row else ""))
    print_reading(reading_record(fx.reading, source))
    if fx.problem is None and fx.values is not None and "event_title" in fx.values:
        event = fx.values.iloc[0]
        console.print(f"Event: {escape(mask_personal(str(event['event_title'])))} "
                      f"({event['training_kind']}), "
                      f"{event['event_start']:%Y-%m-%d} .. {event['event_end']:%Y-%m-%d}")
    if fx.problem is None and fx.values is not None and source in ("budget", "arg"):
        console.print(budget_line(fx.values, source))
    if fx.problem is None:
        console.print(f"Rows read {fx.rows_read:,}: would load {fx.rows_accepted:,}, "
                      f"reject {fx.rows_rejected:,}; warnings {fx.count('warning'):,}"  # type: ignore[arg-type]
                      + (f"; skipped {fx.skipped}" if fx.skipped else ""))
    shown = issues if limit == 0 else issues.head(limit)
    if len(shown):
        print_problems(shown)
        if len(shown) < len(issues):
            console.print(f"... {len(issues) - len(shown)} more (use --limit 0 or --report).")
    if report is not None:
        columns = ["file", "sheet", "row", "column", "value", "rule", "severity", "message"]
        sheet = None if fx.sheet is None else mask_personal(fx.sheet)
        frame = issues.rename(columns={"source_row": "row"}).assign(file=file.name,
                                                                    sheet=sheet)[columns]
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
        console.print(f"  [red]-[/] {escape(mask_personal(reason))}")
    raise typer.Exit(1)
