"""``terpilah demo``: sample data into the landing folder (once), a nightly run, the reports."""

from __future__ import annotations

from datetime import date

import typer

from terpilah.cli.display import console, print_summary
from terpilah.cli.errors import friendly
from terpilah.cli.run import start_nightly
from terpilah.settings import Settings, load_settings


def demo(
    seed: int = typer.Option(7, help="Seed of the sample data."),
    scale: str = typer.Option("bengkayang", help="bengkayang or small."),
) -> None:
    """Generate the Bengkayang sample (12 month-end SIMPEG extracts, the year's training
    attendance lists and digital-literacy participant lists, three budget years with their ARG
    lists), run the nightly flow and write the reports."""
    from terpilah.sample import generate_sample

    settings = load_settings()
    if not all(any((settings.landing / folder).glob("*/*")) for folder in ("simpeg", "budget")):
        console.print(f"Generating sample landing folder in {settings.landing} ...")
        generate_sample(settings.landing, scale=scale, seed=seed, end_date=date(2025, 12, 31),
                        training=True, literacy=True, budget=True)
    with friendly():
        result = start_nightly(settings.landing, settings.warehouse)
    print_summary(result)
    if result.status == "failed":
        raise typer.Exit(1)
    _reports(settings)


def _reports(settings: Settings) -> None:
    from terpilah.report import ReportError, build_reports

    assert settings.reports_dir is not None
    try:
        written = build_reports(settings.target, settings.reports_dir,
                                min_count=settings.report_min_count,
                                published_dir=settings.published_dir)
    except ReportError as exc:
        console.print(f"[yellow]No reports: {exc}[/]")
        return
    pages = [p for p in written.files if p.suffix == ".html"]
    console.print(f"Reports as of {written.as_of.isoformat()}: {len(written.files)} files in "
                  f"{settings.reports_dir} (open {pages[0].name} in a browser)" if pages else
                  "No reports written.", soft_wrap=True)
