"""Row rules shared by budget exports and ARG lists: the budget year, the SKPD and amounts."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ingest.parsers_budget import Problem, amount_problems, written_as_dash
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


def dash_zero(issues: Issues, column: str) -> pd.Series:
    """Rows whose amount cell holds only a dash (``-``, ``Rp -``), read as zero. The cleaned
    text of a lone ``-`` is blank, so such a row is a zero amount with no text, or text that
    is a dash."""
    text = issues.norm.text[column]
    zero = issues.norm.values[column] == "0.00"
    return (zero & (text.isna() | written_as_dash(text.fillna("")))).fillna(False).astype(bool)


def amount_invalid(issues: Issues, column: str, rows: pd.Series, rule: str,
                   example: str) -> None:
    """Reject the ``rows`` whose amount in ``column`` is written but not an amount, saying why:
    too many decimals, too large, or not a number at all. ``example`` shows a good value."""
    text = issues.norm.text[column]
    problem = amount_problems(text)
    label = issues.norm.headers.get(column, column.upper())
    bad = rows & issues.norm.invalid[column]
    issues.add(bad & (problem == Problem.DECIMALS), column, rule, S.REJECT,
               f"{label}: at most 2 decimals (sen). This amount has a third decimal that is "
               "not rounding noise of a formula: round it to the sen (e.g. 1250000.13) and "
               "send the file again.")
    issues.add(bad & (problem == Problem.TOO_LARGE), column, rule, S.REJECT,
               f"{label}: the amount is larger than any budget (over Rp 10.000 trillion): a "
               "formula error or a cell in the wrong column? Correct the amount.")
    issues.add(bad & ~problem.isin([Problem.DECIMALS, Problem.TOO_LARGE]).fillna(False),
               column, rule, S.REJECT,
               f"{label}: not an amount. Write e.g. {example}.")
