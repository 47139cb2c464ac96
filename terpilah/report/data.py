"""Read what the reports need from the marts, on DuckDB or PostgreSQL (plain SQL both
understand, ``?`` parameters). Rows come back as dicts; DECIMAL stays ``Decimal``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from warehouse.db import Db
from warehouse.publish import PUBLISHED_NAME
from warehouse.target import DuckDBTarget, WarehouseTarget

Record = dict[str, Any]


def source_target(target: WarehouseTarget, published_dir: Path | None) -> WarehouseTarget:
    """Where reports read: on DuckDB the published copy when there is one (it holds the marts
    of the last successful build and is never locked by a run), else the warehouse itself."""
    if isinstance(target, DuckDBTarget) and published_dir is not None:
        published = published_dir / PUBLISHED_NAME
        if published.exists():
            return DuckDBTarget(published)
    return target


@contextmanager
def open_marts(target: WarehouseTarget) -> Iterator[Marts]:
    with target.open(read_only=True) as db:
        yield Marts(db)


class Marts:
    """Queries over one open, read-only connection."""

    def __init__(self, db: Db) -> None:
        self.db = db
        self.tables = {r[0] for r in db.fetchall(
            "select table_name from information_schema.tables where table_schema = 'marts'")}

    def has(self, table: str) -> bool:
        return table in self.tables

    def records(self, sql: str, columns: Sequence[str], params: Sequence[Any] = ()) -> list[Record]:
        select = ", ".join(columns)
        return [dict(zip(columns, row, strict=True))
                for row in self.db.fetchall(sql.format(columns=select), params)]

    # --- Profil Statistik ASN -------------------------------------------------------------
    def profile_dates(self) -> list[date]:
        if not self.has("asn_profile"):
            return []
        return [_day(r[0]) for r in self.db.fetchall(
            "select distinct data_date from marts.asn_profile order by 1")]

    def profile(self, day: date) -> list[Record]:
        return self.records(
            "select {columns} from marts.asn_profile where data_date = ? "
            "order by scope, pd_name, urutan",
            ["scope", "pd_name", "kategori", "sub_kategori", "urutan", "pria", "wanita",
             "total", "pct_wanita"], [day])

    def trends(self, until: date) -> list[Record]:
        """Total ASN of the kabupaten on every loaded date up to ``until``."""
        rows = self.records(
            "select {columns} from marts.asn_profile where scope = 'kabupaten' "
            "and urutan = 1 and data_date <= ? order by data_date",
            ["data_date", "pria", "wanita", "total", "pct_wanita"], [until])
        for r in rows:
            r["data_date"] = _day(r["data_date"])
        return rows

    def pyramid(self, day: date) -> list[Record]:
        return self.records(
            "select {columns} from marts.career_pyramid where data_date = ? "
            "and scope = 'kabupaten' order by level_rank",
            ["level_rank", "level_code", "level_name", "pria", "wanita", "total",
             "pct_wanita"], [day])

    # --- APE scorecard --------------------------------------------------------------------
    SCORECARD_COLUMNS = ("data_date", "period_type", "scope", "pd_name", "indicator_code",
                         "indicator_name", "unit", "value", "target", "target_operator",
                         "status", "value_prev", "change", "source_mart", "urutan")

    def scorecard(self, day: date) -> list[Record]:
        """The indicators as of ``day``: the 'date' indicators of that extract date and the
        'year' indicators of its year (dated 31 December)."""
        rows = self.records(
            "select {columns} from marts.ape_scorecard where (period_type = 'date' and "
            "data_date = ?) or (period_type = 'year' and data_date = ?)",
            list(self.SCORECARD_COLUMNS), [day, date(day.year, 12, 31)])
        for r in rows:
            r["data_date"] = _day(r["data_date"])
        return sorted(rows, key=lambda r: (r["scope"] != "kabupaten", r["pd_name"] or "",
                                           r["urutan"] or 0))

    # --- Digital literacy -----------------------------------------------------------------
    LITERACY_COLUMNS = ("period_type", "period", "program", "participants_pria",
                        "participants_wanita", "participants_unknown_sex",
                        "participants_total", "attendances_total", "pct_wanita", "target_met",
                        "fallback_identified", "is_sex_disaggregated", "programs_total",
                        "programs_sex_disaggregated", "pct_programs_sex_disaggregated")

    def literacy_years(self) -> list[int]:
        if not self.has("literacy_summary"):
            return []
        return sorted(_day(r[0]).year for r in self.db.fetchall(
            "select distinct period from marts.literacy_summary where period_type = 'year'"))

    def literacy_summary(self, year: int) -> list[Record]:
        rows = self.records(
            "select {columns} from marts.literacy_summary where period >= ? and period <= ? "
            "order by period_type desc, period, program",
            list(self.LITERACY_COLUMNS), [date(year, 1, 1), date(year, 12, 31)])
        for r in rows:
            r["period"] = _day(r["period"])
        return rows

    def literacy_dimensions(self, year: int) -> list[Record]:
        return self.records(
            "select {columns} from marts.literacy_participants where period_type = 'year' "
            "and period = ? and program = 'Semua program' and dimension <> 'total' "
            "order by dimension, category",
            ["dimension", "category", "participants_pria", "participants_wanita",
             "participants_unknown_sex", "participants_total", "pct_wanita"],
            [date(year, 1, 1)])

    # --- ARG --------------------------------------------------------------------------------
    def arg_years(self) -> list[int]:
        if not self.has("arg_summary"):
            return []
        return [int(r[0]) for r in self.db.fetchall(
            "select distinct tahun_anggaran from marts.arg_summary order by 1")]

    def arg_summary(self, year: int) -> list[Record]:
        return self.records(
            "select {columns} from marts.arg_summary where tahun_anggaran = ? "
            "order by dimension, kode",
            ["dimension", "kode", "label", "pagu_total", "pagu_arg", "pct_arg",
             "sub_kegiatan_total", "sub_kegiatan_arg", "pd_total", "pd_with_arg",
             "pct_pd_with_arg", "meets_arg_target", "meets_pd_target", "pct_arg_prev",
             "change_pct_arg", "arg_increased"], [year])

    def arg_by_pd(self, year: int) -> list[Record]:
        return self.records(
            "select {columns} from marts.arg_by_pd where tahun_anggaran = ? "
            "order by pd_name, kode_skpd",
            ["kode_skpd", "pd_name", "dokumen", "pagu_total", "pagu_arg", "pct_arg",
             "sub_kegiatan_total", "sub_kegiatan_arg", "sasaran_laki_laki",
             "sasaran_perempuan", "meets_target", "pct_arg_prev", "change_pct_arg"], [year])


def _day(value: Any) -> date:
    """DuckDB and psycopg2 return ``date``; a timestamp column would come back as datetime."""
    return value.date() if hasattr(value, "date") and callable(value.date) else value
