"""generate_sample: month-end SIMPEG/SIASN extracts of a synthetic Kabupaten Bengkayang."""

from __future__ import annotations

import calendar
from datetime import date
from pathlib import Path

import numpy as np

from terpilah.sample.agencies import SCALES, build_org
from terpilah.sample.budget import write_budget
from terpilah.sample.evolve import World, step
from terpilah.sample.flaws import Flawed, inject
from terpilah.sample.forms import sample_forms
from terpilah.sample.ids import Registry
from terpilah.sample.literacy import write_literacy
from terpilah.sample.manifest import SampleFile, SampleManifest
from terpilah.sample.population import initial_people
from terpilah.sample.render import local_table, siasn_table
from terpilah.sample.training import TrainingRun, clean_nips
from terpilah.sample.writers import (
    LOCAL_HEADER_ROW,
    SIASN_HEADER_ROW,
    file_name,
    write_local,
    write_siasn,
)

LAYOUTS = ("siasn", "local", "mixed")
# Independent random streams, so that e.g. turning flaws off leaves the people unchanged.
_ORG, _PEOPLE, _MONTH, _FORMAT, _FLAWS, _TRAINING, _LITERACY, _BUDGET = range(8)


def month_ends(end_date: date, months: int) -> list[date]:
    """``months`` consecutive month ends, the last one ``end_date``."""
    if end_date.day != calendar.monthrange(end_date.year, end_date.month)[1]:
        raise ValueError(f"end_date {end_date} is not the last day of a month")
    if months < 1:
        raise ValueError("months must be at least 1")
    out = []
    for back in range(months - 1, -1, -1):
        index = end_date.year * 12 + end_date.month - 1 - back
        year, month = divmod(index, 12)
        out.append(date(year, month + 1, calendar.monthrange(year, month + 1)[1]))
    return out


def file_layout(layout: str, index: int) -> str:
    """Layout of the ``index``-th extract: "mixed" writes every third month in local layout."""
    if layout == "mixed":
        return "local" if index % 3 == 2 else "siasn"
    return layout


def generate_sample(
    out: Path,
    *,
    scale: str = "bengkayang",
    seed: int = 7,
    employees: int | None = None,
    months: int = 12,
    end_date: date = date(2025, 12, 31),
    layout: str = "siasn",
    flaws: bool = True,
    training: bool = False,
    literacy: bool = False,
    budget: bool = False,
    forms: str = "real",
) -> SampleManifest:
    """Write ``months`` month-end employee extracts under ``out/simpeg/<date>/`` and a manifest.

    Deterministic in its arguments: the same call writes byte-identical files. With ``flaws``,
    every extract but the first carries a few recorded errors (see ``terpilah.sample.flaws``).
    With ``training``, also one attendance list per training event under
    ``out/training/<end date>/`` (see ``terpilah.sample.training``); the extracts stay the same.
    With ``literacy``, also one digital-literacy participant list per class under
    ``out/literacy/<class date>/`` (see ``terpilah.sample.literacy``); nothing else changes.
    With ``budget``, also the budget files (RKA/DPA) and ARG lists of ``end_date``'s year and
    the two before under ``out/budget/<delivery date>/`` (see ``terpilah.sample.budget``),
    for the same PD as the extracts; nothing else changes. ``forms="plain"`` writes the same
    data without the layouts of real files (see ``terpilah.sample.forms``).
    """
    with sample_forms(forms):
        return _generate(out, scale, seed, employees, months, end_date, layout, flaws,
                         training, literacy, budget)


def _generate(out: Path, scale: str, seed: int, employees: int | None, months: int,
              end_date: date, layout: str, flaws: bool, training: bool, literacy: bool,
              budget: bool) -> SampleManifest:
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}; expected one of {sorted(SCALES)}")
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; expected one of {list(LAYOUTS)}")
    dates = month_ends(end_date, months)
    out = Path(out)
    org = build_org(np.random.default_rng([seed, _ORG]), scale, employees)
    registry = Registry()
    people = initial_people(np.random.default_rng([seed, _PEOPLE]), org, registry, dates[0])
    world = World(org, people, registry)
    manifest = SampleManifest(seed, scale, len(people), layout, [d.isoformat() for d in dates])
    trainer = TrainingRun(out, seed, _TRAINING, dates, len(people), registry) if training else None

    for index, on in enumerate(dates):
        if index:
            step(world, on, np.random.default_rng([seed, _MONTH, index]))
        kind = file_layout(layout, index)
        if kind == "siasn":
            table = siasn_table(org, world.people, on)
        else:
            style = np.random.default_rng([seed, _FORMAT, index])
            table = local_table(org, world.people, on, style)
        if flaws and index:
            flawed = inject(table, kind, np.random.default_rng([seed, _FLAWS, index]))
        else:
            flawed = Flawed(table)
        folder = out / "simpeg" / on.isoformat()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / file_name(kind, on)
        header_row = SIASN_HEADER_ROW if kind == "siasn" else LOCAL_HEADER_ROW
        if kind == "siasn":
            write_siasn(path, flawed, on)
        else:
            write_local(path, flawed, on)
        manifest.files.append(SampleFile(
            data_date=on.isoformat(),
            path=path.relative_to(out).as_posix(),
            layout=kind,
            rows=len(flawed.table),
            header_row=header_row,
            flaws=flawed.records(header_row + 1),
        ))  # fmt: skip
        if trainer is not None and trainer.has_events(index):
            source = table if kind == "siasn" else siasn_table(org, world.people, on)
            manifest.training += trainer.write_month(index, source, world.people,
                                                     clean_nips(flawed, kind))  # fmt: skip
    if literacy:
        manifest.literacy = write_literacy(out, seed, _LITERACY, dates, scale)
    if budget:
        manifest.budget = write_budget(out, seed, _BUDGET, end_date, org.pd_names)
    manifest.write(out)
    return manifest
