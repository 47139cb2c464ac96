"""Match the NIPs of an attendance list against the employees already loaded (SIMPEG).

Findings, not verdicts: a participant whose NIP is in no SIMPEG extract is still counted as an
ASN participant (of the event), just not as a trained employee; where the list's L/P differs
from the employee record, the record is used in the marts. Both are warnings for the sender.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

import pandas as pd

from ingest.extract import FileExtract
from ingest.normalise import mask_values
from ingest.rules.collect import Severity
from ingest.spec import Pii
from warehouse.db import Db

CHUNK = 500
SOURCES_MATCHED = ("training",)
RULES = ("nip_not_in_simpeg", "sex_differs_from_simpeg")


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def employee_sex(con: Db, nips: Sequence[str]) -> pd.DataFrame:
    """(nip, data_date, jenis_kelamin) of every SIMPEG row of these NIPs."""
    rows: list[tuple[object, ...]] = []
    for part in _chunks(sorted(set(nips))):
        marks = ", ".join("?" * len(part))
        rows += con.fetchall("SELECT nip, data_date, jenis_kelamin FROM raw.simpeg_employees "
                             f"WHERE nip IN ({marks})", list(part))
    return pd.DataFrame(rows, columns=["nip", "data_date", "sex"])


def _record_sex(known: pd.DataFrame, on: date) -> dict[str, str]:
    """Per NIP: the sex in the latest extract on or before ``on``, else the earliest after."""
    if known.empty:
        return {}
    frame = known.assign(after=known["data_date"] > on,
                         gap=[abs((d - on).days) for d in known["data_date"]])
    best = frame.sort_values(["nip", "after", "gap"]).drop_duplicates("nip")
    return dict(zip(best["nip"], best["sex"], strict=True))


def match_participants(con: Db, files: list[FileExtract]) -> None:
    """Add the matching findings to each file's issues (accepted rows with a valid NIP)."""
    usable = [f for f in files if f.source in SOURCES_MATCHED and f.values is not None
              and f.rejected is not None]
    nips = [n for f in usable for n in f.values["nip"][~f.rejected].dropna()]  # type: ignore[index]
    if not nips:
        return
    known = employee_sex(con, nips)
    for fx in usable:
        assert fx.values is not None and fx.rejected is not None
        fx.issues = fx.issues[~fx.issues["rule"].isin(RULES)]  # a retried load adds them once
        rows = fx.values[~fx.rejected & fx.values["nip"].notna()]
        if rows.empty:
            continue
        end = pd.Timestamp(rows["event_end"].iloc[0]).date()
        record = _record_sex(known, end)
        missing = rows[~rows["nip"].isin(record.keys())]
        differs = rows[rows["nip"].isin(record.keys())
                       & (rows["jenis_kelamin"] != rows["nip"].map(record))]
        fx.issues = pd.concat([fx.issues, _finding(
            missing, "nip_not_in_simpeg", "This NIP is in no SIMPEG extract loaded so far: "
            "check it. The person is counted as an ASN participant of the event, but not as a "
            "trained employee of any PD."), _finding(
            differs, "sex_differs_from_simpeg", "L/P differs from the employee record in "
            "SIMPEG: the record is used in the indicators. Correct the list (or SIMPEG).",
            column="L/P")], ignore_index=True)


def _finding(rows: pd.DataFrame, rule: str, message: str, column: str = "NIP") -> pd.DataFrame:
    shown = (mask_values(rows["nip"].astype("string"), Pii.NIP) if column == "NIP"
             else rows["jenis_kelamin"].astype("string"))
    return pd.DataFrame({"source_row": rows["_source_row"].to_numpy(), "column": column,
                         "value": shown.to_numpy(), "rule": rule,
                         "severity": str(Severity.WARNING), "message": message})
