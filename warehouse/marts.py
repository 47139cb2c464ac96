"""Read-side helpers over the marts (headline figures for the run summary)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from warehouse.store import connect
from warehouse.target import WarehouseTarget, as_target


@dataclass
class Headline:
    """The figures a run summary leads with (kabupaten, latest data date)."""

    data_date: date
    total_asn: int
    pct_wanita: float | None
    pct_wanita_eselon_ii: float | None
    pct_wanita_eselon_iii: float | None
    pct_wanita_eselon_ii_iii: float | None


@dataclass
class ArgHeadline:
    """The kabupaten's ARG figures of the latest budget year (marts.arg_summary)."""

    tahun_anggaran: int
    pct_arg: float | None
    pd_with_arg: int
    pd_total: int
    pct_pd_with_arg: float | None
    tags_unmatched: int


ARG_SQL = """
select tahun_anggaran, pct_arg, pd_with_arg, pd_total, pct_pd_with_arg, tags_unmatched
from marts.arg_summary
where dimension = 'kabupaten'
    and tahun_anggaran = (select max(tahun_anggaran) from marts.arg_summary)
"""

HEADLINE_SQL = """
with k as (
    select * from marts.asn_profile
    where scope = 'kabupaten' and data_date = (select max(data_date) from marts.asn_profile)
)
select
    max(data_date),
    sum(total) filter (where sub_kategori = 'Total ASN'),
    max(pct_wanita) filter (where sub_kategori = 'Total ASN'),
    max(pct_wanita) filter (where sub_kategori = 'JPT Pratama (Eselon II)'),
    max(pct_wanita) filter (where sub_kategori = 'Administrator (Eselon III)'),
    round(100.0 * sum(wanita) filter (where sub_kategori in
            ('JPT Pratama (Eselon II)', 'Administrator (Eselon III)'))
        / nullif(sum(total) filter (where sub_kategori in
            ('JPT Pratama (Eselon II)', 'Administrator (Eselon III)')), 0), 1)
from k
"""


def list_marts(warehouse: WarehouseTarget | Path) -> list[str]:
    """``marts.<table>`` names, sorted; empty when the warehouse does not exist yet."""
    target = as_target(warehouse)
    if not target.exists():
        return []
    with connect(target, read_only=True) as con:
        rows = con.fetchall(
            "select table_schema || '.' || table_name from information_schema.tables "
            "where table_schema = 'marts' order by 1")
    return [r[0] for r in rows]


def headline(warehouse: WarehouseTarget | Path) -> Headline | None:
    """Total ASN, % women, % women in eselon II and III on the latest data date."""
    if "marts.asn_profile" not in list_marts(warehouse):
        return None
    with connect(warehouse, read_only=True) as con:
        row = con.fetchone(HEADLINE_SQL)
    if row is None or row[0] is None:
        return None
    return Headline(row[0], int(row[1] or 0), *(None if x is None else float(x) for x in row[2:]))


def arg_headline(warehouse: WarehouseTarget | Path) -> ArgHeadline | None:
    """ARG share, PD with ARG and unmatched tags of the latest budget year."""
    if "marts.arg_summary" not in list_marts(warehouse):
        return None
    with connect(warehouse, read_only=True) as con:
        row = con.fetchone(ARG_SQL)
    if row is None:
        return None
    year, pct_arg, with_arg, total, pct_pd, unmatched = row
    return ArgHeadline(int(year), None if pct_arg is None else float(pct_arg), int(with_arg),
                       int(total), None if pct_pd is None else float(pct_pd),
                       int(unmatched or 0))
