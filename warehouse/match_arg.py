"""Match the tags of an ARG list against the budget lines already loaded.

Findings, not verdicts: a tag whose sub kegiatan is in no loaded budget of its PD and year is
kept (the budget may arrive later, or the code is wrong) and the marts list it in
``marts.arg_unmatched_tags`` until it matches; the sender hears of it at once.
"""

from __future__ import annotations

import pandas as pd

from ingest.extract import FileExtract
from ingest.rules.collect import Severity
from warehouse.db import Db

RULES = ("budget_not_loaded", "kode_not_in_budget")


def name_key(names: pd.Series) -> pd.Series:
    """The PD-name key the marts use too: upper case, letters only."""
    return names.astype("string").str.upper().str.replace("[^A-Z]", "", regex=True)


def _budget_codes(con: Db, years: list[str]) -> pd.DataFrame:
    marks = ", ".join("?" * len(years))
    rows = con.fetchall("SELECT DISTINCT tahun, kode_skpd, nama_skpd, kode FROM "
                        f"raw.budget_lines WHERE tahun IN ({marks})", years)
    frame = pd.DataFrame(rows, columns=["tahun", "kode_skpd", "nama_skpd", "kode"])
    return frame.assign(name=name_key(frame["nama_skpd"]))


def match_tags(con: Db, files: list[FileExtract]) -> None:
    """Add the matching findings to each ARG list's issues (its accepted rows)."""
    usable = [f for f in files if f.source == "arg" and f.values is not None
              and f.rejected is not None]
    if not usable:
        return
    years = sorted({y for f in usable for y in f.values["tahun"].dropna()})  # type: ignore[index]
    budget = _budget_codes(con, years) if years else pd.DataFrame()
    for fx in usable:
        assert fx.values is not None and fx.rejected is not None
        fx.issues = fx.issues[~fx.issues["rule"].isin(RULES)]  # a retried load adds them once
        rows = fx.values[~fx.rejected]
        if rows.empty:
            continue
        by_code = budget.set_index(["tahun", "kode_skpd"]).index if len(budget) else None
        pd_budget = pd.Series(False, index=rows.index)
        in_budget = pd.Series(False, index=rows.index)
        if by_code is not None:
            key = rows["kode_skpd"].where(rows["kode_skpd"].notna(), None)
            code_pd = pd.MultiIndex.from_arrays([rows["tahun"], key])
            name_pd = pd.MultiIndex.from_arrays([rows["tahun"], name_key(rows["nama_skpd"])])
            by_name = budget.set_index(["tahun", "name"]).index
            own = rows["kode_skpd"].notna()
            pd_budget = pd.Series(((own & code_pd.isin(by_code))
                                   | (~own & name_pd.isin(by_name))).to_numpy(), rows.index)
            lines_code = budget.set_index(["tahun", "kode_skpd", "kode"]).index
            lines_name = budget.set_index(["tahun", "name", "kode"]).index
            tag_code = pd.MultiIndex.from_arrays([rows["tahun"], key, rows["kode_sub_kegiatan"]])
            tag_name = pd.MultiIndex.from_arrays([rows["tahun"], name_key(rows["nama_skpd"]),
                                                  rows["kode_sub_kegiatan"]])
            in_budget = pd.Series(((own & tag_code.isin(lines_code))
                                   | (~own & tag_name.isin(lines_name))).to_numpy(), rows.index)
        fx.issues = pd.concat([fx.issues, _finding(
            rows[~pd_budget], "budget_not_loaded", "No RKA/DPA of this PD for this year is "
            "loaded yet: the tag is kept and counted as ARG once the budget arrives (until "
            "then it is listed in marts.arg_unmatched_tags). Check the PD's name or code."),
            _finding(rows[pd_budget & ~in_budget], "kode_not_in_budget", "This sub kegiatan "
                     "is in none of the PD's loaded budgets of this year: the tag is kept but "
                     "not counted as ARG (see marts.arg_unmatched_tags). Check the code.")],
            ignore_index=True)


def _finding(rows: pd.DataFrame, rule: str, message: str) -> pd.DataFrame:
    return pd.DataFrame({"source_row": rows["_source_row"].to_numpy(),
                         "column": "KODE SUB KEGIATAN",
                         "value": rows["kode_sub_kegiatan"].astype("string").to_numpy(),
                         "rule": rule, "severity": str(Severity.WARNING), "message": message})
