"""DDL of the schemas the Python side owns: raw, restricted and audit."""

from __future__ import annotations

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

ISSUE_TABLE = """(
    batch_id VARCHAR NOT NULL, source VARCHAR NOT NULL, data_date DATE NOT NULL,
    source_file VARCHAR NOT NULL, source_sha256 VARCHAR NOT NULL, source_sheet VARCHAR,
    source_row INTEGER, "column" VARCHAR, value_masked VARCHAR, rule VARCHAR NOT NULL,
    severity VARCHAR NOT NULL, message VARCHAR NOT NULL, recorded_at TIMESTAMP NOT NULL)"""

AUDIT_DDL = [
    "CREATE SCHEMA IF NOT EXISTS raw",
    "CREATE SCHEMA IF NOT EXISTS restricted",
    "CREATE SCHEMA IF NOT EXISTS audit",
    "CREATE TABLE IF NOT EXISTS restricted.pseudonym_key "
    "(ipad {blob} NOT NULL, opad {blob} NOT NULL)",
    """CREATE TABLE IF NOT EXISTS restricted.rejected_rows (
        batch_id VARCHAR NOT NULL, source VARCHAR NOT NULL, data_date DATE NOT NULL,
        source_file VARCHAR NOT NULL, source_row INTEGER NOT NULL, row_json VARCHAR NOT NULL)""",
    "CREATE TABLE IF NOT EXISTS audit.snapshot_cursor (data_date DATE NOT NULL)",
    f"CREATE TABLE IF NOT EXISTS audit.quarantine {ISSUE_TABLE}",
    f"CREATE TABLE IF NOT EXISTS audit.findings {ISSUE_TABLE}",
    """CREATE TABLE IF NOT EXISTS audit.batches (
        batch_id VARCHAR NOT NULL, run_id VARCHAR, source VARCHAR NOT NULL,
        data_date DATE NOT NULL, fingerprint VARCHAR NOT NULL, status VARCHAR NOT NULL,
        files INTEGER NOT NULL, rows_read INTEGER NOT NULL, rows_loaded INTEGER NOT NULL,
        rows_rejected INTEGER NOT NULL, reason VARCHAR, processed_at TIMESTAMP NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS audit.files (
        batch_id VARCHAR NOT NULL, source VARCHAR NOT NULL, data_date DATE NOT NULL,
        source_file VARCHAR NOT NULL, source_sha256 VARCHAR NOT NULL, source_sheet VARCHAR,
        status VARCHAR NOT NULL, reason VARCHAR, rows_read INTEGER NOT NULL,
        rows_loaded INTEGER NOT NULL, rows_rejected INTEGER NOT NULL, warnings INTEGER NOT NULL,
        archived_path VARCHAR, processed_at TIMESTAMP NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS audit.backfill_dates (
        backfill_key VARCHAR NOT NULL, data_date DATE NOT NULL, run_id VARCHAR NOT NULL,
        status VARCHAR NOT NULL, finished_at TIMESTAMP NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS audit.runs (
        run_id VARCHAR NOT NULL, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP,
        status VARCHAR NOT NULL, files_accepted INTEGER, files_rejected INTEGER,
        rows_loaded INTEGER, rows_quarantined INTEGER, step_seconds_json VARCHAR,
        summary_json VARCHAR)""",
]


BLOB_TYPE = {"duckdb": "BLOB", "postgres": "BYTEA"}


def audit_ddl(dialect: str) -> list[str]:
    """The audit, restricted and raw-schema statements in ``dialect`` (duckdb or postgres):
    the types used are common to both but for the binary one."""
    return [ddl.replace("{blob}", BLOB_TYPE[dialect]) for ddl in AUDIT_DDL]


SQL_TYPES = {Kind.DATE: "DATE", Kind.MONEY: "DECIMAL(18, 2)", Kind.COUNT: "INTEGER"}


def sql_type(kind: Kind) -> str:
    """Money stays exact (DECIMAL, loaded from its decimal text); other values are text."""
    return SQL_TYPES.get(kind, "VARCHAR")


def raw_table_ddl(spec: SourceSpec) -> str:
    cols = [f"{name} {typ}" for name, typ in LINEAGE.items()]
    cols += [f"{c.name} {sql_type(c.kind)}" for c in spec.loaded_columns]
    return f"CREATE TABLE IF NOT EXISTS {spec.table} ({', '.join(cols)})"
