"""``terpilah sample``: write a realistic sample landing folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from terpilah.cli.display import console


def sample(
    out: Annotated[Path, typer.Option(help="Landing folder to write.")],
    scale: Annotated[str, typer.Option(
        help="bengkayang (about 5,000 ASN) or small.")] = "bengkayang",
    seed: Annotated[int, typer.Option(help="Same seed, same files.")] = 7,
    employees: Annotated[int | None, typer.Option(help="Override the number of employees.")] = None,
    months: Annotated[int, typer.Option(help="Consecutive month-end extracts.")] = 12,
    end: Annotated[str, typer.Option(help="Last month end (YYYY-MM-DD).")] = "2025-12-31",
    layout: Annotated[str, typer.Option(help="siasn (XLSX), local (CSV) or mixed.")] = "siasn",
    flaws: Annotated[bool, typer.Option(help="Inject a few realistic errors per file.")] = True,
    training: Annotated[bool, typer.Option(
        help="Also write the training attendance lists of the period.")] = True,
    literacy: Annotated[bool, typer.Option(
        help="Also write the digital-literacy participant lists of the period.")] = True,
    budget: Annotated[bool, typer.Option(
        help="Also write three years of budget files (RKA/DPA) and ARG lists.")] = True,
    forms: Annotated[str, typer.Option(
        help="real: the lists as agencies write them (letterheads, titles over several lines, "
             "(L/P) headers, signature blocks); plain: the same data in plain tables.")] = "real",
) -> None:
    """Generate SIMPEG/SIASN month-end extracts into OUT/simpeg/<date>/, the attendance lists
    of the trainings held in the period into OUT/training/<date>/ and the participant lists of
    the digital-literacy classes into OUT/literacy/<date>/, and three budget years of RKA/DPA
    exports and ARG tagging lists into OUT/budget/<date>/."""
    from terpilah.sample import generate_sample
    from terpilah.sample.forms import FORMS

    if forms not in FORMS:
        raise typer.BadParameter(f"pilih salah satu: {', '.join(FORMS)}", param_hint="--forms")
    manifest = generate_sample(out, scale=scale, seed=seed, employees=employees, months=months,
                               end_date=date.fromisoformat(end), layout=layout, flaws=flaws,
                               training=training, literacy=literacy, budget=budget,
                               forms=forms)
    console.print(f"Wrote {len(manifest.files)} employee extract(s) for "
                  f"{len(manifest.dates)} date(s), {len(manifest.training)} attendance "
                  f"list(s), {len(manifest.literacy)} participant list(s) and "
                  f"{len(manifest.budget)} budget file(s) and ARG list(s) to {out} "
                  f"(forms: {forms})")
