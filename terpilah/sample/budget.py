"""Budget files (RKA/DPA exports of SIPD) and ARG tagging lists of the sample.

``write_budget`` plans three budget years Y-2, Y-1, Y (Y = the sample's last year) of every PD
(``terpilah.sample.budget_plan``) and writes, under ``out/budget/<delivery date>/``:

- ``apbd_xlsx``: the APBD of all PD for Y-2 and Y-1, murni on <T>-01-10 and perubahan on
  <T>-10-15 (``apbd-<T>-murni.xlsx``, ``apbd-<T>-perubahan.xlsx``);
- ``flat_csv``: the murni of Y for all PD on <Y>-01-10 (``dpa-murni-<Y>.csv``);
- ``pd_xlsx``/``pd_csv``: the perubahan of Y of about 6 PD, one file each, on <Y>-10-15;
- two flawed DPPA-SKPD the pipeline must reject (``expect_rejected``): a negative line in Y
  (<Y>-11-05) and a TAHUN column contradicting the title in Y-1 (<Y-1>-11-20);
- ``arg_xlsx``/``arg_csv``: one ARG list per tagging PD and year on <T>-02-15.

Files dated after ``end_date`` are not written. The random streams are ``[seed, stream, ...]``,
so the rest of the sample does not depend on them. Layouts: ``budget_layout`` and
``budget_arg_layout``; flaws: ``budget_flaws``; codes: ``budget_codes`` and ``budget_catalog``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

import numpy as np

from terpilah.sample.budget_arg import ArgList, plan_arg
from terpilah.sample.budget_arg_layout import arg_rows
from terpilah.sample.budget_flaws import BUDGET_EXPECTED, NEGATIVE_PAGU
from terpilah.sample.budget_layout import (
    MURNI,
    PERUBAHAN,
    Sheet,
    apbd_sheet,
    dppa_sheet,
    flat_sheet,
    pd_sheet,
)
from terpilah.sample.budget_plan import PdPlan, plan_budgets
from terpilah.sample.budget_render import write_sheet_csv, write_sheet_xlsx
from terpilah.sample.flaws import Flaw
from terpilah.sample.forms import real_forms
from terpilah.sample.manifest import BudgetFile

BUDGET_DIR = "budget"
OWN_FILES_MAX = 6  # PD sending their own DPPA-SKPD of the last year
CSV = {"flat_csv": (";", "utf-8-sig"), "pd_csv": (",", "cp1252"), "arg_csv": (";", "utf-8")}


def budget_years(end_date: date) -> list[int]:
    return [end_date.year - 2, end_date.year - 1, end_date.year]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass
class _Writer:
    """Writes files dated up to ``end_date`` and collects their manifest entries."""

    out: Path
    end_date: date
    written: list[BudgetFile] = field(default_factory=list)

    def _path(self, made: date, name: str) -> Path | None:
        if made > self.end_date:
            return None
        path = self.out / BUDGET_DIR / made.isoformat() / name
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def _save(self, path: Path, layout: str, sheet: Sheet, made: date, sheet_name: str,
              creator: str) -> None:  # fmt: skip
        if layout in CSV:
            write_sheet_csv(path, sheet.rows, *CSV[layout])
        else:
            write_sheet_xlsx(path, sheet.rows, sheet.header_row, made, sheet_name, creator,
                             sheet.header_rows, sheet.merged)

    def budget(self, made: date, name: str, layout: str, year: int, dokumen: str,
               sheet: Sheet, rejected: bool = False) -> None:  # fmt: skip
        path = self._path(made, name)
        if path is None:
            return
        sheet_name = "APBD" if layout == "apbd_xlsx" else "DPPA-SKPD"
        self._save(path, layout, sheet, made, sheet_name, "SIPD")
        self.written.append(BudgetFile(
            data_date=made.isoformat(), path=path.relative_to(self.out).as_posix(),
            layout=layout, kind="budget", tahun=year, dokumen=dokumen,
            header_row=sheet.header_row, lines=sheet.lines, subtotal_rows=sheet.subtotal_rows,
            total=sheet.total, flaws=sheet.flaws, expect_rejected=rejected,
        ))  # fmt: skip

    def arg(self, entry: ArgList, rng: np.random.Generator) -> None:
        made = date(entry.year, 2, 15)
        layout = "arg_csv" if entry.csv else "arg_xlsx"
        suffix = ".csv" if entry.csv else ".xlsx"
        path = self._path(made, f"arg-{entry.year}-{_slug(entry.plan.skpd.nama)}{suffix}")
        if path is None:
            return
        rows, header_row, tags, flaws = arg_rows(entry, rng)
        self._save(path, layout, Sheet(rows, header_row), made, "ARG", "Bappeda")
        self.written.append(BudgetFile(
            data_date=made.isoformat(), path=path.relative_to(self.out).as_posix(),
            layout=layout, kind="arg", tahun=entry.year, dokumen=None, header_row=header_row,
            tags=tags, flaws=flaws,
        ))  # fmt: skip


def _own_files(writer: _Writer, plans: list[PdPlan], picks: list[int], year: int) -> None:
    """The perubahan of ``year`` sent by a few PD themselves, one or two as CSV."""
    n_csv = 2 if len(plans) >= 20 else 1
    for rank, i in enumerate(picks):
        plan = plans[i]
        layout = "pd_csv" if rank < n_csv else "pd_xlsx"
        suffix = ".csv" if layout == "pd_csv" else ".xlsx"
        # As SIPD prints a DPPA (real forms): the amounts before and after the amendment.
        sheet = (dppa_sheet(plan, year) if layout == "pd_xlsx" and real_forms()
                 else pd_sheet(plan, year, plan.perubahan[year]))
        writer.budget(date(year, 10, 15), f"dppa-{year}-{_slug(plan.skpd.nama)}{suffix}",
                      layout, year, PERUBAHAN, sheet)  # fmt: skip


def _negative(writer: _Writer, plan: PdPlan, year: int, rng: np.random.Generator) -> None:
    lines = dict(plan.perubahan[year])
    codes = sorted(lines)
    code = codes[int(rng.integers(len(codes)))]
    lines[code] = Decimal(NEGATIVE_PAGU)
    sheet = pd_sheet(plan, year, lines)
    sheet.flaws = [Flaw(sheet.row_of(code), "PAGU", "pagu_negative",
                        BUDGET_EXPECTED["pagu_negative"])]  # fmt: skip
    writer.budget(date(year, 11, 5), f"dppa-{year}-{_slug(plan.skpd.nama)}.xlsx", "pd_xlsx",
                  year, PERUBAHAN, sheet, rejected=True)  # fmt: skip


def _year_mismatch(writer: _Writer, plan: PdPlan, year: int, rng: np.random.Generator) -> None:
    codes = sorted(plan.perubahan[year])
    wrong = sorted(codes[i] for i in rng.permutation(len(codes))[:2].tolist())
    sheet = pd_sheet(plan, year, plan.perubahan[year], {code: year - 1 for code in wrong})
    sheet.flaws = [Flaw(sheet.row_of(code), "TAHUN", "year_mismatch",
                        BUDGET_EXPECTED["year_mismatch"]) for code in wrong]  # fmt: skip
    writer.budget(date(year, 11, 20), f"dppa-{year}-{_slug(plan.skpd.nama)}.xlsx", "pd_xlsx",
                  year, PERUBAHAN, sheet, rejected=True)  # fmt: skip


def write_budget(out: Path, seed: int, stream: int, end_date: date,
                 org_pd_names: list[str]) -> list[BudgetFile]:  # fmt: skip
    """Write the budget files and ARG lists of the three years ending in ``end_date``'s year
    for the PD ``org_pd_names`` (the sample organisation's names); returns their entries."""
    years = budget_years(end_date)
    first, previous, last = years
    plans = plan_budgets(seed, stream, org_pd_names, years)
    writer = _Writer(Path(out), end_date)
    for year in (first, previous):
        writer.budget(date(year, 1, 10), f"apbd-{year}-murni.xlsx", "apbd_xlsx", year, MURNI,
                      apbd_sheet(plans, year, MURNI))  # fmt: skip
        writer.budget(date(year, 10, 15), f"apbd-{year}-perubahan.xlsx", "apbd_xlsx", year,
                      PERUBAHAN, apbd_sheet(plans, year, PERUBAHAN))  # fmt: skip
    writer.budget(date(last, 1, 10), f"dpa-murni-{last}.csv", "flat_csv", last, MURNI,
                  flat_sheet(plans, last))  # fmt: skip
    rng = np.random.default_rng([seed, stream, 5])
    order = rng.permutation(len(plans)).tolist()
    own = min(OWN_FILES_MAX, max(3, len(plans) // 4), len(plans) - 2)
    _own_files(writer, plans, order[:own], last)
    _negative(writer, plans[order[own]], last, rng)
    _year_mismatch(writer, plans[order[own + 1]], previous, rng)
    for entry in plan_arg(seed, stream, plans, years):
        index = next(i for i, plan in enumerate(plans) if plan is entry.plan)
        writer.arg(entry, np.random.default_rng([seed, stream, 4, entry.year, index]))
    return sorted(writer.written, key=lambda f: (f.data_date, f.path))
