"""A small warehouse built by hand for the dbt tests: the real schemas and raw tables (the
loader's own DDL, so the tests cannot drift from it), the pseudonym key, and given raw rows."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ingest.sources import SOURCES
from warehouse.schema import LINEAGE
from warehouse.store import connect, write_pseudonym_key

SIMPEG_COLUMNS = [*LINEAGE, *(c.name for c in SOURCES["simpeg"].loaded_columns)]
LITERACY_COLUMNS = [c.name for c in SOURCES["literacy"].loaded_columns]
# The order the training tests write their rows in (lineage, event, participant).
TRAINING_COLUMNS = [*LINEAGE, "event_title", "training_kind", "event_start", "event_end",
                    "event_place", "organiser", "nama", "nip", "nip_status", "jabatan_nama",
                    "unit_kerja", "jenis_kelamin", "keterangan"]


def build_warehouse(path: Path, key: bytes, simpeg_rows: Sequence[Sequence[Any]],
                    training_rows: Sequence[Sequence[Any]] = ()) -> None:
    """Create the warehouse at ``path`` and insert the rows (tuples in the column orders
    above)."""
    with connect(path) as db:
        write_pseudonym_key(db, key)
        for table, columns, rows in (("raw.simpeg_employees", SIMPEG_COLUMNS, simpeg_rows),
                                     ("raw.training_attendance", TRAINING_COLUMNS,
                                      training_rows)):
            if rows:
                marks = ", ".join("?" * len(columns))
                db.con.executemany(  # type: ignore[attr-defined]
                    f"insert into {table} ({', '.join(columns)}) values ({marks})", rows)


def insert_literacy_rows(path: Path, rows: Sequence[Sequence[Any]]) -> None:
    """Insert raw.literacy_attendance rows (tuples: lineage, then ``LITERACY_COLUMNS`` in
    order) into the warehouse built by :func:`build_warehouse`."""
    columns = [*LINEAGE, *LITERACY_COLUMNS]
    with connect(path) as db:
        if rows:
            marks = ", ".join("?" * len(columns))
            db.con.executemany(  # type: ignore[attr-defined]
                f"insert into raw.literacy_attendance ({', '.join(columns)}) values ({marks})",
                rows)


def insert_budget_rows(path: Path, lines: Sequence[Sequence[Any]],
                       tags: Sequence[Sequence[Any]]) -> None:
    """Insert raw.budget_lines rows (tuples: lineage, then the budget source's loaded columns
    in order) and raw.arg_tags rows (lineage, then the arg source's loaded columns) into the
    warehouse built by :func:`build_warehouse`."""
    with connect(path) as db:
        for source, rows in (("budget", lines), ("arg", tags)):
            if rows:
                spec = SOURCES[source]
                columns = [*LINEAGE, *(c.name for c in spec.loaded_columns)]
                marks = ", ".join("?" * len(columns))
                db.con.executemany(  # type: ignore[attr-defined]
                    f"insert into {spec.table} ({', '.join(columns)}) values ({marks})", rows)
