"""What a report is, independent of its format: titled tables and charts. The XLSX and HTML
writers render the same objects, so both show the same (suppressed) figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

HIDDEN_MARK = "*"  # a suppressed cell, in every format


@dataclass(frozen=True)
class Column:
    """``kind``: ``text``, ``int``, ``pct`` (one decimal), ``pct2`` (two decimals),
    ``dec`` (two decimals) or ``money`` (Rupiah, two decimals)."""

    label: str
    kind: str = "int"
    width: float = 12


@dataclass
class Cell:
    value: Any = None
    hidden: bool = False
    status: str | None = None  # 'tercapai' | 'belum': coloured
    kind: str | None = None  # overrides the column's kind (a column of mixed units)
    prefix: str = ""  # shown before a number, e.g. '> ' before a target


@dataclass
class Row:
    """``kind``: ``data``, ``total`` (bold) or ``group`` (a heading: first cell only)."""

    cells: list[Cell]
    kind: str = "data"
    indent: int = 0


@dataclass
class Table:
    name: str  # full name (e.g. the PD's); the workbook derives a valid sheet name from it
    title: list[str]  # lines above the header
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # footnotes under the table
    collapsed: bool = False  # HTML: folded under its name (long series of per-PD tables)


@dataclass
class Chart:
    """Drawn in the HTML page by inline JavaScript from ``data`` (``kind``: ``pyramid``,
    ``line``, ``bars`` (value against target) or ``hbars``)."""

    chart_id: str  # the stable data-chart attribute
    title: str
    kind: str
    data: dict[str, Any]


@dataclass
class Report:
    stem: str  # file name without extension
    title: str
    subtitle: list[str]
    tables: list[Table]
    charts: list[Chart] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. a section that could not be built
    index_after: int | None = None  # workbook: an index sheet after this many tables
    index_label: str = "Perangkat Daerah"


def whole(value: Any) -> int | None:
    """A count as an int (PostgreSQL returns sums as Decimal); None stays None."""
    return None if value is None else int(value)
