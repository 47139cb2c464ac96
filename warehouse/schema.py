"""DDL of the schemas the Python side owns: raw, restricted and audit.

Tables are created with ``CREATE TABLE IF NOT EXISTS``, so a warehouse made by an older
version keeps its old columns: :func:`migrations` adds the columns that are missing (audit
columns added here, raw columns added to a source description), the same on DuckDB and
PostgreSQL. Columns added later are nullable: old rows have no value for them.
"""

from __future__ import annotations

from collections.abc import Iterable

from ingest.spec import Kind, SourceSpec

LINEAGE = {
    "batch_id": "VARCHAR NOT NULL",
    "data_date": "DATE NOT NULL",
    "source_file": "VARCHAR NOT NULL",
    "source_sha256": "VARCHAR NOT NULL",
    "source_sheet": "VARCHAR",
    "source_row": "INTEGER NOT NULL",
    "loaded_at": "TIMESTAMP NOT NULL",
}

_ISSUE_COLUMNS = {
    "batch_id": "VARCHAR NOT NULL", "source": "VARCHAR NOT NULL", "data_date": "DATE NOT NULL",
    "source_file": "VARCHAR NOT NULL", "source_sha256": "VARCHAR NOT NULL",
    "source_sheet": "VARCHAR", "source_row": "INTEGER", "column": "VARCHAR",
    "value_masked": "VARCHAR", "rule": "VARCHAR NOT NULL", "severity": "VARCHAR NOT NULL",
    "message": "VARCHAR NOT NULL", "recorded_at": "TIMESTAMP NOT NULL",
}

# table -> column -> type, in column order; new columns go at the end (and nullable)
TABLES: dict[str, dict[str, str]] = {
    "restricted.pseudonym_key": {"ipad": "{blob} NOT NULL", "opad": "{blob} NOT NULL"},
    "restricted.rejected_rows": {
        "batch_id": "VARCHAR NOT NULL", "source": "VARCHAR NOT NULL",
        "data_date": "DATE NOT NULL", "source_file": "VARCHAR NOT NULL",
        "source_row": "INTEGER NOT NULL", "row_json": "VARCHAR NOT NULL"},
    "audit.snapshot_cursor": {"data_date": "DATE NOT NULL"},
    "audit.quarantine": _ISSUE_COLUMNS,
    "audit.findings": _ISSUE_COLUMNS,
    "audit.batches": {
        "batch_id": "VARCHAR NOT NULL", "run_id": "VARCHAR", "source": "VARCHAR NOT NULL",
        "data_date": "DATE NOT NULL", "fingerprint": "VARCHAR NOT NULL",
        "status": "VARCHAR NOT NULL", "files": "INTEGER NOT NULL",
        "rows_read": "INTEGER NOT NULL", "rows_loaded": "INTEGER NOT NULL",
        "rows_rejected": "INTEGER NOT NULL", "reason": "VARCHAR",
        "processed_at": "TIMESTAMP NOT NULL"},
    "audit.files": {
        "batch_id": "VARCHAR NOT NULL", "source": "VARCHAR NOT NULL",
        "data_date": "DATE NOT NULL", "source_file": "VARCHAR NOT NULL",
        "source_sha256": "VARCHAR NOT NULL", "source_sheet": "VARCHAR",
        "status": "VARCHAR NOT NULL", "reason": "VARCHAR", "rows_read": "INTEGER NOT NULL",
        "rows_loaded": "INTEGER NOT NULL", "rows_rejected": "INTEGER NOT NULL",
        "warnings": "INTEGER NOT NULL", "archived_path": "VARCHAR",
        "processed_at": "TIMESTAMP NOT NULL",
        # What was understood from the file (ingest.extract.Reading), masked by value:
        # the key items as plain columns, everything in reading_json.
        "source_evidence": "VARCHAR", "sheet_evidence": "VARCHAR", "header_row": "INTEGER",
        "columns_mapped": "INTEGER", "unused_columns": "VARCHAR", "understood": "VARCHAR",
        "reading_json": "VARCHAR"},
    "audit.backfill_dates": {
        "backfill_key": "VARCHAR NOT NULL", "data_date": "DATE NOT NULL",
        "run_id": "VARCHAR NOT NULL", "status": "VARCHAR NOT NULL",
        "finished_at": "TIMESTAMP NOT NULL"},
    "audit.runs": {
        "run_id": "VARCHAR NOT NULL", "started_at": "TIMESTAMP NOT NULL",
        "finished_at": "TIMESTAMP", "status": "VARCHAR NOT NULL", "files_accepted": "INTEGER",
        "files_rejected": "INTEGER", "rows_loaded": "INTEGER", "rows_quarantined": "INTEGER",
        "step_seconds_json": "VARCHAR", "summary_json": "VARCHAR"},
}
SCHEMAS = ("raw", "restricted", "audit")
BLOB_TYPE = {"duckdb": "BLOB", "postgres": "BYTEA"}


def _quote(name: str) -> str:
    return f'"{name}"' if name == "column" else name  # the only reserved word used


def _create(table: str, columns: dict[str, str]) -> str:
    cols = ", ".join(f"{_quote(name)} {typ}" for name, typ in columns.items())
    return f"CREATE TABLE IF NOT EXISTS {table} ({cols})"


def audit_ddl(dialect: str) -> list[str]:
    """The audit, restricted and raw-schema statements in ``dialect`` (duckdb or postgres):
    the types used are common to both but for the binary one."""
    ddl = [f"CREATE SCHEMA IF NOT EXISTS {schema}" for schema in SCHEMAS]
    ddl += [_create(table, columns) for table, columns in TABLES.items()]
    return [s.replace("{blob}", BLOB_TYPE[dialect]) for s in ddl]


SQL_TYPES = {Kind.DATE: "DATE", Kind.MONEY: "DECIMAL(18, 2)", Kind.COUNT: "INTEGER"}


def sql_type(kind: Kind) -> str:
    """Money stays exact (DECIMAL, loaded from its decimal text); other values are text."""
    return SQL_TYPES.get(kind, "VARCHAR")


def raw_columns(spec: SourceSpec) -> dict[str, str]:
    """Column -> type of a source's raw table: the lineage, then every loaded column."""
    return {**LINEAGE, **{c.name: sql_type(c.kind) for c in spec.loaded_columns}}


def raw_table_ddl(spec: SourceSpec) -> str:
    return _create(spec.table, raw_columns(spec))


def expected_columns(specs: Iterable[SourceSpec]) -> dict[str, dict[str, str]]:
    """Every table the Python side owns -> its columns and types."""
    return {**TABLES, **{spec.table: raw_columns(spec) for spec in specs}}


EXISTING_COLUMNS_SQL = ("SELECT table_schema, table_name, column_name FROM "
                        "information_schema.columns WHERE table_schema IN ('raw', 'restricted', "
                        "'audit')")


def migrations(existing: Iterable[tuple[str, str, str]], specs: Iterable[SourceSpec],
               dialect: str) -> list[str]:
    """``ALTER TABLE ... ADD COLUMN`` for every column a table lacks. ``existing``: (schema,
    table, column) rows of the warehouse (:data:`EXISTING_COLUMNS_SQL`). A column added to a
    table with rows cannot be NOT NULL: old rows have no value."""
    have: dict[str, set[str]] = {}
    for schema, table, column in existing:
        have.setdefault(f"{schema}.{table}".lower(), set()).add(column.lower())
    out = []
    for table, columns in expected_columns(specs).items():
        present = have.get(table.lower())
        if present is None:  # not created yet: CREATE TABLE makes it whole
            continue
        for name, typ in columns.items():
            if name.lower() not in present:
                nullable = typ.replace(" NOT NULL", "").replace("{blob}", BLOB_TYPE[dialect])
                out.append(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {_quote(name)} "
                           f"{nullable}")
    return out
