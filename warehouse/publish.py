"""Publish the marts as a read-only copy for BI tools, swapped in atomically.

DuckDB lets one process write a database file or many processes read it, never both at once.
BI tools (Superset, Metabase via duckdb-engine, the DuckDB CLI) hold their file open all day, so
they must never open the working warehouse the nightly run writes. After a successful run,
:func:`publish` copies the allowed schemas into a brand-new file beside the published one and
renames it over it. ``rename(2)`` is atomic on POSIX: whoever opens the path gets the old file or
the new one, never half of one, and a reader that already has the old file open keeps reading
the old inode undisturbed, so it cannot make the publish fail.

Only an allow-list of schemas is copied (``marts`` by default): raw, staging, intermediate,
snapshots, audit and restricted hold personal data (NIPs, pseudonym keys) and are refused even
if asked for. Views are not copied (they would point at schemas that are not published).

The new file is written in DuckDB storage format ``v1.0.0`` so that every DuckDB 1.x reader
(the 1.5 CLI, the duckdb bundled in a BI tool's driver) can open it even when the writer is a
newer DuckDB whose default format those readers refuse.

A long-lived reader sees the new data only once it reconnects: DuckDB keeps one database
instance per path per process, so while *any* connection of a process to the published path
stays open, that process's new connections also see the old file (recycle BI connection pools).
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import duckdb

PUBLISHED_NAME = "terpilah.duckdb"
PARQUET_DIR = "parquet"
STORAGE_VERSION = "v1.0.0"
PRIVATE_SCHEMAS = frozenset({"raw", "staging", "intermediate", "snapshots", "audit",
                             "restricted"})


@dataclass(frozen=True)
class Published:
    """What :func:`publish` put in place."""

    database: Path  # the published .duckdb file
    parquet_dir: Path  # one Parquet file per table: <parquet_dir>/<table>.parquet
    tables: list[str]  # "schema.table", e.g. "marts.asn_profile"
    rows: dict[str, int]  # "schema.table" -> row count


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(value: str | Path) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def _fsync(path: Path) -> None:
    """Flush a file (or a directory's entries) to disk so a crash cannot undo a rename."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _tables_to_publish(con: duckdb.DuckDBPyConnection,
                       schemas: tuple[str, ...]) -> list[tuple[str, str, str | None]]:
    """(schema, table, comment) of every base table of ``schemas`` in the attached ``work``."""
    present = {r[0] for r in con.execute(
        "SELECT schema_name FROM duckdb_schemas() WHERE database_name = 'work'").fetchall()}
    missing = [s for s in schemas if s not in present]
    if missing:
        raise ValueError(f"schema(s) {missing} not in the working warehouse; nothing published")
    tables = con.execute(
        "SELECT schema_name, table_name, comment FROM duckdb_tables() "
        "WHERE database_name = 'work' AND list_contains(?, schema_name) AND NOT temporary "
        "ORDER BY schema_name, table_name", [list(schemas)]).fetchall()
    if not tables:
        raise ValueError(f"no tables in schema(s) {list(schemas)}; refusing to publish an empty "
                         "warehouse over the current one")
    names = [t for _, t, _ in tables]
    clashes = sorted({n for n in names if names.count(n) > 1})
    if clashes:
        raise ValueError(f"table name(s) {clashes} occur in several schemas; their Parquet "
                         "files would collide")
    return tables


def _copy_table(con: duckdb.DuckDBPyConnection, schema: str, table: str,
                comment: str | None) -> int:
    """Copy one table from ``work`` to ``pub`` with its types and comments; return its rows."""
    src = f"work.{_ident(schema)}.{_ident(table)}"
    dst = f"pub.{_ident(schema)}.{_ident(table)}"
    con.execute(f"CREATE SCHEMA IF NOT EXISTS pub.{_ident(schema)}")
    con.execute(f"CREATE TABLE {dst} AS SELECT * FROM {src}")  # keeps DECIMAL(p,s), DATE, ...
    if comment:
        con.execute(f"COMMENT ON TABLE {dst} IS {_lit(comment)}")
    for column, col_comment in con.execute(
            "SELECT column_name, comment FROM duckdb_columns() WHERE database_name = 'work' "
            "AND schema_name = ? AND table_name = ? AND comment IS NOT NULL AND comment <> ''",
            [schema, table]).fetchall():
        con.execute(f"COMMENT ON COLUMN {dst}.{_ident(column)} IS {_lit(col_comment)}")
    return con.execute(f"SELECT count(*) FROM {dst}").fetchone()[0]


def publish(working: Path, published_dir: Path,
            schemas: tuple[str, ...] = ("marts",)) -> Published:
    """Copy ``schemas`` of the working warehouse into ``published_dir`` for BI, atomically.

    The working file is opened read-only (the caller must have closed its own read-write
    connections). Everything is first written to temporary names inside ``published_dir`` (same
    file system, so the rename is atomic), then ``os.replace``d onto ``terpilah.duckdb`` and
    ``parquet/<table>.parquet``; Parquet files of tables no longer published are removed. On any
    failure the previous published files are left as they were, and temporary files are removed
    either way.

    Raises FileNotFoundError if ``working`` does not exist, ValueError for a schema that is
    private, missing, or holds no tables, and duckdb.IOException if another process is writing
    the working file.
    """
    working, published_dir, schemas = Path(working), Path(published_dir), tuple(schemas)
    if not schemas:
        raise ValueError("no schema to publish")
    private = sorted(set(schemas) & PRIVATE_SCHEMAS)
    if private:
        raise ValueError(f"schema(s) {private} hold personal data and are never published")
    if not working.is_file():
        raise FileNotFoundError(f"working warehouse {working} does not exist; nothing published")

    parquet_dir = published_dir / PARQUET_DIR
    parquet_dir.mkdir(parents=True, exist_ok=True)
    token = secrets.token_hex(8)
    tmp_db = published_dir / f".{PUBLISHED_NAME}.{token}.tmp"
    temps = [tmp_db, tmp_db.with_name(tmp_db.name + ".wal")]
    renames: list[tuple[Path, Path]] = []  # (temporary, final)
    rows: dict[str, int] = {}
    try:
        con = duckdb.connect()  # in-memory: both files are attached, neither is the default
        try:
            con.execute(f"ATTACH {_lit(working)} AS work (READ_ONLY)")
            tables = _tables_to_publish(con, schemas)
            con.execute(f"ATTACH {_lit(tmp_db)} AS pub (STORAGE_VERSION {_lit(STORAGE_VERSION)})")
            for schema, table, comment in tables:
                rows[f"{schema}.{table}"] = _copy_table(con, schema, table, comment)
                tmp_parquet = parquet_dir / f".{table}.parquet.{token}.tmp"
                temps.append(tmp_parquet)
                con.execute(f"COPY pub.{_ident(schema)}.{_ident(table)} "
                            f"TO {_lit(tmp_parquet)} (FORMAT parquet)")
                renames.append((tmp_parquet, parquet_dir / f"{table}.parquet"))
            con.execute("CHECKPOINT pub")
            con.execute("DETACH pub")
            con.execute("DETACH work")
        finally:
            con.close()

        database = published_dir / PUBLISHED_NAME
        renames.insert(0, (tmp_db, database))
        for tmp, _ in renames:
            _fsync(tmp)
        for tmp, final in renames:
            os.replace(tmp, final)
        keep = {final.name for _, final in renames}
        for old in parquet_dir.glob("*.parquet"):
            if old.name not in keep:
                old.unlink(missing_ok=True)
        _fsync(published_dir)
        _fsync(parquet_dir)
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)
    return Published(database=database, parquet_dir=parquet_dir, tables=list(rows), rows=rows)
