"""The warehouse's Python side: open it, load a judged batch in one transaction, record the
audit. The same statements run on DuckDB and PostgreSQL (see :mod:`warehouse.db`)."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd

from ingest.extract import FileExtract
from ingest.privacy import mask_personal
from ingest.rules.collect import Severity
from ingest.sources import SOURCES
from ingest.spec import Kind, SourceSpec
from ingest.understood import reading_json, reading_record, summary_line
from warehouse.db import Db
from warehouse.schema import EXISTING_COLUMNS_SQL, audit_ddl, migrations, raw_table_ddl
from warehouse.target import WarehouseTarget, as_target

HMAC_BLOCK = 64


@contextmanager
def connect(target: WarehouseTarget | Path, read_only: bool = False) -> Iterator[Db]:
    """Open the warehouse (creating the schemas the Python side owns on a writable open) and
    always close it. ``target``: a DuckDB file path or a :mod:`warehouse.target` target."""
    with as_target(target).open(read_only=read_only) as db:
        if not read_only:
            for ddl in [*audit_ddl(db.dialect), *(raw_table_ddl(s) for s in SOURCES.values())]:
                db.execute(ddl)
            # a warehouse made by an older version: add the columns it lacks
            for ddl in migrations(db.fetchall(EXISTING_COLUMNS_SQL), SOURCES.values(),
                                  db.dialect):
                db.execute(ddl)
        yield db


def write_pseudonym_key(con: Db, key: bytes) -> None:
    """Store the HMAC key as its inner/outer padded blocks for the staging macro."""
    if len(key) > HMAC_BLOCK:
        key = hashlib.sha256(key).digest()
    block = key.ljust(HMAC_BLOCK, b"\0")
    ipad = bytes(b ^ 0x36 for b in block)
    opad = bytes(b ^ 0x5C for b in block)
    con.execute("DELETE FROM restricted.pseudonym_key")
    con.execute("INSERT INTO restricted.pseudonym_key VALUES (?, ?)", [ipad, opad])


def pseudonym(key: bytes, nip: str) -> str:
    """The same keyed hash the staging model computes (for tests and the restricted fix list)."""
    return hmac.new(key, nip.encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class BatchLoad:
    """A (source, data date) batch: all files of one date folder, judged."""

    batch_id: str
    run_id: str
    source: str
    data_date: date
    fingerprint: str
    files: list[FileExtract]
    accepted: bool
    reasons: dict[str, list[str]]  # file name -> reasons it was rejected
    archived: dict[str, str]  # file name -> archive path


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _masked(text: pd.Series) -> pd.Series:
    """Masked by value once more on the way into the audit: issues added outside
    ``Issues.add`` (file-level notes, cross-file checks) pass here too."""
    return text.map(mask_personal, na_action="ignore")


def _sheet(fx: FileExtract) -> str | None:
    return None if fx.sheet is None else mask_personal(fx.sheet)


def _issue_frame(batch: BatchLoad, fx: FileExtract, severities: Iterable[Severity],
                 now: datetime) -> pd.DataFrame:
    issues = fx.issues[fx.issues["severity"].isin([str(s) for s in severities])]
    return pd.DataFrame({
        "batch_id": batch.batch_id, "source": batch.source, "data_date": batch.data_date,
        "source_file": fx.path.name, "source_sha256": fx.sha256, "source_sheet": _sheet(fx),
        "source_row": issues["source_row"].astype("Int64"),
        "column": _masked(issues["column"]), "value_masked": _masked(issues["value"]),
        "rule": issues["rule"], "severity": issues["severity"],
        "message": _masked(issues["message"]), "recorded_at": now,
    })


def _file_problem_frame(batch: BatchLoad, fx: FileExtract, now: datetime) -> pd.DataFrame:
    assert fx.problem is not None
    return pd.DataFrame([{
        "batch_id": batch.batch_id, "source": batch.source, "data_date": batch.data_date,
        "source_file": fx.path.name, "source_sha256": fx.sha256, "source_sheet": _sheet(fx),
        "source_row": None, "column": None, "value_masked": None, "rule": fx.problem.rule,
        "severity": str(Severity.REJECT), "message": mask_personal(fx.problem.message),
        "recorded_at": now,
    }])


def _raw_frame(spec: SourceSpec, batch: BatchLoad, fx: FileExtract, now: datetime) -> pd.DataFrame:
    values = fx.accepted_values()
    out = pd.DataFrame({
        "batch_id": batch.batch_id, "data_date": batch.data_date, "source_file": fx.path.name,
        "source_sha256": fx.sha256, "source_sheet": fx.sheet,
        "source_row": values["_source_row"].astype("int32"), "loaded_at": now,
    }, index=values.index)
    for col in spec.loaded_columns:
        series = values[col.name]
        out[col.name] = series.dt.date if col.kind is Kind.DATE else series.astype("string")
    return out


def _rejected_frame(batch: BatchLoad, fx: FileExtract) -> pd.DataFrame:
    text = fx.row_text
    if text is None or text.empty:
        return pd.DataFrame()
    cells = text.drop(columns="_source_row")
    lines = cells.to_json(orient="records", lines=True, force_ascii=False).splitlines()
    return pd.DataFrame({
        "batch_id": batch.batch_id, "source": batch.source, "data_date": batch.data_date,
        "source_file": fx.path.name, "source_row": text["_source_row"].astype("int32").to_numpy(),
        "row_json": lines,
    })


def record_batch(con: Db, batch: BatchLoad) -> None:
    """Write one judged batch in ONE transaction. An accepted batch replaces the rows of its
    (source, data date); a rejected batch touches only the audit tables, so the previous
    warehouse state stands. Re-recording the same batch id replaces its audit rows."""
    spec = SOURCES[batch.source]
    now = _now()
    with con.transaction():
        for table in ("audit.quarantine", "audit.findings", "audit.files", "audit.batches",
                      "restricted.rejected_rows"):
            con.execute(f"DELETE FROM {table} WHERE batch_id = ?", [batch.batch_id])
        for fx in batch.files:
            if fx.problem is not None:
                con.insert_frame("audit.quarantine", _file_problem_frame(batch, fx, now))
            else:
                con.insert_frame("audit.quarantine",
                                 _issue_frame(batch, fx, [Severity.REJECT], now))
                con.insert_frame("audit.findings",
                                 _issue_frame(batch, fx, [Severity.WARNING, Severity.INFO], now))
                con.insert_frame("restricted.rejected_rows", _rejected_frame(batch, fx))
        if batch.accepted:
            con.execute(f"DELETE FROM {spec.table} WHERE data_date = ?", [batch.data_date])
            for fx in batch.files:
                con.insert_frame(spec.table, _raw_frame(spec, batch, fx, now))
            con.execute("UPDATE audit.batches SET status = 'superseded' WHERE source = ? AND "
                        "data_date = ? AND status = 'loaded'", [batch.source, batch.data_date])
        _record_audit(con, batch, now)


def _record_audit(con: Db, batch: BatchLoad, now: datetime) -> None:
    rows_read = sum(f.rows_read for f in batch.files)
    rejected = sum(f.rows_rejected for f in batch.files)
    loaded = rows_read - rejected if batch.accepted else 0
    reasons = {name: mask_personal(" ".join(r)) for name, r in batch.reasons.items()}
    reason = "; ".join(f"{name}: {r}" for name, r in reasons.items()) or None
    con.execute(
        "INSERT INTO audit.batches VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [batch.batch_id, batch.run_id, batch.source, batch.data_date, batch.fingerprint,
         "loaded" if batch.accepted else "rejected", len(batch.files), rows_read, loaded,
         rows_read - loaded, reason, now])
    for fx in batch.files:
        name = fx.path.name
        file_ok = name not in batch.reasons
        record = reading_record(fx.reading, fx.source)
        unused = [str(u) for u in record.get("unused") or []]
        row = {
            "batch_id": batch.batch_id, "source": batch.source, "data_date": batch.data_date,
            "source_file": name, "source_sha256": fx.sha256, "source_sheet": _sheet(fx),
            "status": "accepted" if file_ok else "rejected",
            "reason": reasons.get(name) or None, "rows_read": fx.rows_read,
            "rows_loaded": fx.rows_accepted if batch.accepted else 0,
            "rows_rejected": fx.rows_rejected, "warnings": fx.count(Severity.WARNING),
            "archived_path": batch.archived.get(name), "processed_at": now,
            "source_evidence": record.get("source_evidence") or None,
            "sheet_evidence": record.get("sheet_evidence") or None,
            "header_row": record.get("header_row"),
            "columns_mapped": len(record.get("columns") or {}),
            "unused_columns": "; ".join(unused) or None, "understood": summary_line(record),
            "reading_json": reading_json(record)}
        columns = ", ".join(row)
        con.execute(f"INSERT INTO audit.files ({columns}) VALUES "
                    f"({', '.join('?' for _ in row)})", list(row.values()))


def last_fingerprints(con: Db) -> dict[tuple[str, date], str]:
    """(source, data date) -> fingerprint of the last batch processed for it."""
    rows = con.fetchall(
        "SELECT source, data_date, fingerprint FROM (SELECT source, data_date, fingerprint, "
        "row_number() OVER (PARTITION BY source, data_date ORDER BY processed_at DESC) AS n "
        "FROM audit.batches) AS latest WHERE n = 1")
    return {(s, d): f for s, d, f in rows}


def set_snapshot_cursor(con: Db, data_date: date) -> None:
    con.execute("DELETE FROM audit.snapshot_cursor")
    con.execute("INSERT INTO audit.snapshot_cursor VALUES (?)", [data_date])


def loaded_dates(con: Db, source: str) -> list[date]:
    spec = SOURCES[source]
    return [r[0] for r in con.fetchall(f"SELECT DISTINCT data_date FROM {spec.table} ORDER BY 1")]


def backfill_done(con: Db, key: str) -> set[date]:
    """Dates a backfill (identified by its range and sources) has already processed."""
    rows = con.fetchall("SELECT data_date FROM audit.backfill_dates WHERE backfill_key = ?",
                        [key])
    return {r[0] for r in rows}


def record_backfill_date(con: Db, key: str, data_date: date,
                         run_id: str, status: str) -> None:
    con.execute("DELETE FROM audit.backfill_dates WHERE backfill_key = ? AND data_date = ?",
                [key, data_date])
    con.execute("INSERT INTO audit.backfill_dates VALUES (?, ?, ?, ?, ?)",
                [key, data_date, run_id, status, _now()])


def forget_backfill(con: Db, key: str) -> None:
    con.execute("DELETE FROM audit.backfill_dates WHERE backfill_key = ?", [key])


def record_run(con: Db, run_id: str, started: datetime, status: str,
               summary: dict[str, object]) -> None:
    con.execute("DELETE FROM audit.runs WHERE run_id = ?", [run_id])
    con.execute("INSERT INTO audit.runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
        run_id, started, _now(), status, summary.get("files_accepted"),
        summary.get("files_rejected"), summary.get("rows_loaded"),
        summary.get("rows_quarantined"), json.dumps(summary.get("step_seconds"), default=str),
        json.dumps(summary, default=str)])
