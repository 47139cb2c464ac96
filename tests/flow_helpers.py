"""Helpers for tests that run the real nightly flow on a real DuckDB file."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from flows.result import RunResult

MART_KEYS = ["data_date", "scope", "pd_name", "sub_kategori"]


def run_nightly(landing: Path, warehouse: Path, **kwargs: object) -> RunResult:
    from flows.nightly import nightly

    return nightly(landing=str(landing), warehouse=str(warehouse), **kwargs)


def query(warehouse: Path, sql: str) -> pd.DataFrame:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).df()
    finally:
        con.close()


def rows(warehouse: Path, sql: str) -> list[tuple[object, ...]]:
    """Python values as the driver returns them (DECIMAL stays ``Decimal``; ``.df()`` would
    turn it into float)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def records(warehouse: Path, sql: str) -> list[dict[str, object]]:
    """Rows as dicts of column name -> Python value (DECIMAL stays ``Decimal``)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        cursor = con.execute(sql)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    finally:
        con.close()


def mart(warehouse: Path) -> pd.DataFrame:
    frame = query(warehouse, "select * from marts.asn_profile")
    frame["data_date"] = pd.to_datetime(frame["data_date"]).dt.date
    return frame.sort_values(MART_KEYS, na_position="first").reset_index(drop=True)
