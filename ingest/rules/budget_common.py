"""Row rules shared by budget exports and ARG lists: the budget year and the SKPD."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ingest.rules.collect import Issues
from ingest.rules.collect import Severity as S

# A budget is prepared a year ahead and files of past years are sent late, but a year far
# from the delivery date is a typing error.
YEARS_BACK = 10


def year_rules(issues: Issues, data_date: date, lines: pd.Series) -> None:
    """Set ``tahun`` on the ``lines`` rows: the row's own TAHUN, else the title's. Rejects a
    line whose year is missing, not a year, far from the delivery date, or different from
    the year in the title."""
    v = issues.norm.values
    text = issues.norm.text["tahun"].str.replace(r"\.0$", "", regex=True)
    title = issues.norm.file_values.get("tahun")
    own = text.where(text.str.fullmatch("(?:19|20)[0-9]{2}").fillna(False).astype(bool))
    issues.add(lines & text.notna() & own.isna(), "tahun", "year_invalid", S.REJECT,
               "Tahun must be a year like 2025.")
    if title is not None:
        issues.add(lines & own.notna() & (own != title), "tahun", "year_mismatch", S.REJECT,
                   f"This row's year differs from the file's (the title says TAHUN ANGGARAN "
                   f"{title}): one file holds one budget year. Correct the row or the title.")
    year = own.fillna(title) if title is not None else own
    issues.add(lines & text.isna() & year.isna(), "tahun", "year_missing", S.REJECT,
               "No budget year: add 'TAHUN ANGGARAN 2025' to the title or a TAHUN column.")
    number = pd.to_numeric(year, errors="coerce")
    far = (number < data_date.year - YEARS_BACK) | (number > data_date.year + 1)
    issues.add(lines & far, "tahun", "year_implausible", S.REJECT,
               f"Budget year is far from the delivery date {data_date}: a typing error?")
    v["tahun"] = year.astype("string")


def skpd_columns(issues: Issues, code: pd.Series, name: pd.Series) -> None:
    """Set ``kode_skpd`` and ``nama_skpd`` (spaces tidied) from the per-row values given."""
    v = issues.norm.values
    v["kode_skpd"] = code.str.replace(" ", "", regex=False).astype("string")
    v["nama_skpd"] = name.str.split().str.join(" ").astype("string")
