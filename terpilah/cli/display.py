"""Rich output shared by the commands."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from flows.result import RunResult
from terpilah.settings import load_settings

console = Console()
err = Console(stderr=True)


@contextmanager
def flow_progress() -> Iterator[None]:
    """Prefect set up for an in-process run (import flows inside), with a progress display."""
    from flows.progress import set_reporter
    from flows.runtime import configure_prefect

    configure_prefect(load_settings())
    with RichReporter() as reporter:
        set_reporter(reporter)
        try:
            yield
        finally:
            set_reporter(None)


def pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} %"


class RichReporter:
    """Progress of a run, fed by the flow (see ``flows.progress``)."""

    def __init__(self) -> None:
        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                 MofNCompleteColumn(), TextColumn("{task.fields[detail]}"),
                                 console=err, transient=True)
        self.task: int | None = None

    def __enter__(self) -> RichReporter:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def step(self, message: str, total: int | None = None) -> None:
        if self.task is not None:
            self.progress.remove_task(self.task)
        self.task = self.progress.add_task(message, total=total, detail="")

    def advance(self, message: str | None = None) -> None:
        if self.task is not None:
            self.progress.update(self.task, advance=1, detail=message or "")


def print_quarantined(result: RunResult) -> None:
    """Per file: which rows were held back and why; all of them are in audit.quarantine."""
    listed = [f for f in result.files if f.quarantined_rows]
    if not listed:
        return
    console.print("[bold]Quarantined rows[/] (all with what to do: table audit.quarantine, "
                  "or `terpilah validate FILE`):")
    for f in listed:
        rows = ", ".join(map(str, f.quarantined_rows))
        more = f" and {f.rows_rejected - len(f.quarantined_rows)} more" \
            if f.rows_rejected > len(f.quarantined_rows) else ""
        rules = ", ".join(f"{rule} x{n}" for rule, n in f.quarantined_by_rule.items())
        console.print(f"  {f.file}: rows {rows}{more} ({rules})")


def print_understood(result: RunResult) -> None:
    """One line per file: what was read (sheet, header row, the title block's attributes,
    columns not used), so a wrong inference is seen the night it is made."""
    if not any(f.understood for f in result.files):
        return
    console.print("[bold]Understood[/] (all of it: table audit.files, or `terpilah validate "
                  "FILE`):")
    for f in result.files:
        if f.understood:
            console.print(f"  {escape(f.path or f.file)}: {escape(f.understood)}")


def print_landing_problems(result: RunResult) -> None:
    """What was found in the landing folder but not read, each with what to do."""
    if not result.landing_problems:
        return
    console.print(f"[bold yellow]Not read from the landing folder[/] "
                  f"({len(result.landing_problems)}; fix and they are read on the next run):")
    for problem in result.landing_problems:
        console.print(f"  [yellow]-[/] {escape(problem)}")


def print_summary(result: RunResult) -> None:
    """The short summary a run ends with."""
    colour = {"success": "green", "nothing_new": "yellow"}.get(result.status, "red")
    console.print(f"[bold {colour}]Run {result.status}[/] in {result.seconds:.1f} s "
                  f"(run id {result.run_id})")
    if result.files:
        table = Table(title="Files", show_lines=False, expand=True)
        table.add_column("date", no_wrap=True, min_width=10)
        table.add_column("status", no_wrap=True)
        for col in ("read", "loaded", "quarantined", "warnings"):
            table.add_column(col, justify="right", no_wrap=True)
        table.add_column("file", ratio=1, overflow="fold")
        for f in result.files:
            style = "" if f.status == "accepted" else "red"
            table.add_row(str(f.data_date), f.status, f"{f.rows_read:,}", f"{f.rows_loaded:,}",
                          f"{f.rows_rejected:,}", f"{f.warnings:,}", f.file, style=style)
        console.print(table)
        print_understood(result)
        for f in result.files:
            for reason in f.reasons:
                console.print(f"[red]  {escape(f.file)}[/]: {escape(reason)}")
        print_quarantined(result)
    console.print(f"Files accepted {result.files_accepted}, rejected {result.files_rejected}; "
                  f"rows loaded {result.rows_loaded:,}, quarantined {result.rows_quarantined:,}"
                  + (f"; {result.skipped_unchanged} unchanged date(s) skipped"
                     if result.skipped_unchanged else ""))
    print_landing_problems(result)
    if result.marts:
        console.print("Marts: " + ", ".join(result.marts))
    for failure in result.dbt_failures:
        console.print(f"[red]dbt:[/] {failure}")
    for stale in result.stale_sources:
        console.print(f"[yellow]Data not fresh:[/] {stale}")
    h = result.headline
    if h is not None:
        console.print(f"[bold]Profil ASN per {h.data_date}[/]: total ASN {h.total_asn:,}, "
                      f"wanita {pct(h.pct_wanita)}; wanita di eselon II "
                      f"{pct(h.pct_wanita_eselon_ii)}"
                      f", eselon III {pct(h.pct_wanita_eselon_iii)}, eselon II+III "
                      f"{pct(h.pct_wanita_eselon_ii_iii)}")
    a = result.arg
    if a is not None:
        console.print(f"[bold]ARG tahun anggaran {a.tahun_anggaran}[/]: {pct(a.pct_arg)} of the "
                      f"budget (target > 5 %); PD with ARG {a.pd_with_arg}/{a.pd_total} "
                      f"({pct(a.pct_pd_with_arg)}, target > 80 %)"
                      + (f"; {a.tags_unmatched} tag(s) match no budget line "
                         "(marts.arg_unmatched_tags)" if a.tags_unmatched else ""))
    console.print(f"Warehouse (working copy): {result.warehouse}")
    if result.published:
        console.print(f"For BI tools (read-only copy, swapped in after each run): "
                      f"{result.published}; Parquet: {Path(result.published).parent / 'parquet'}")
    if result.data_docs:
        console.print(f"Validation reports (GX Data Docs): {result.data_docs}")
    if result.reports_dir and Path(result.reports_dir).is_dir():
        console.print(f"Reports folder: {result.reports_dir}")
