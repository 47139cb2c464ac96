"""``terpilah demo``: sample data into the landing folder (once), then a nightly run."""

from __future__ import annotations

from datetime import date

import typer

from terpilah.cli.display import console, print_summary
from terpilah.cli.errors import friendly
from terpilah.cli.run import start_nightly
from terpilah.settings import load_settings


def demo(
    seed: int = typer.Option(7, help="Seed of the sample data."),
    scale: str = typer.Option("bengkayang", help="bengkayang or small."),
) -> None:
    """Generate the Bengkayang sample (12 month-end SIMPEG extracts, the year's training
    attendance lists and digital-literacy participant lists, three budget years with their ARG
    lists) and run the nightly flow."""
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
