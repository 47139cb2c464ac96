"""The published BI copy: only the marts, typed and commented as built, swapped in atomically
while another process reads the old copy, and readable by the DuckDB 1.x CLI and duckdb-engine."""

from __future__ import annotations

import hashlib
import json
import os
import select
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from warehouse import publish as publish_module
from warehouse.publish import PUBLISHED_NAME, publish

FIRST = [("2024-06-30", "kabupaten", "Dinas Kesehatan", 40, 60, 100, Decimal("60.0")),
         ("2024-06-30", "kabupaten", "Dinas Pendidikan", 30, 20, 50, Decimal("40.0")),
         ("2024-06-30", "pd", "Sekretariat Daerah", 1, 2, 3, Decimal("66.7"))]
SECOND = [("2024-07-31", "kabupaten", "Dinas Kesehatan", 41, 61, 102, Decimal("59.8")),
          ("2024-07-31", "kabupaten", "Dinas Sosial", 5, 5, 10, Decimal("50.0"))]
TYPES = {"data_date": "DATE", "scope": "VARCHAR", "pd_name": "VARCHAR", "pria": "INTEGER",
         "wanita": "INTEGER", "total": "INTEGER", "pct_wanita": "DECIMAL(4,1)"}
QUERY = "SELECT * FROM marts.asn_profile ORDER BY pd_name"


def make_working(path: Path, rows: list[tuple]) -> Path:
    """A working warehouse with personal data beside the marts, as the nightly run leaves it."""
    path.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    try:
        con.execute("CREATE SCHEMA raw; CREATE SCHEMA marts; CREATE SCHEMA audit")
        con.execute("CREATE TABLE raw.employees (nip VARCHAR, nama VARCHAR)")
        con.execute("INSERT INTO raw.employees VALUES ('198001012005011001', 'Budi')")
        con.execute("CREATE TABLE audit.load_log (batch_id VARCHAR, rows_in INTEGER)")
        con.execute("INSERT INTO audit.load_log VALUES ('b1', 1)")
        cols = ", ".join(f"{c} {t}" for c, t in TYPES.items())
        con.execute(f"CREATE TABLE marts.asn_profile ({cols})")
        con.executemany("INSERT INTO marts.asn_profile VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        con.execute("COMMENT ON TABLE marts.asn_profile IS 'Profil ASN per PD, menurut jenis "
                    "kelamin'")
        con.execute("COMMENT ON COLUMN marts.asn_profile.pct_wanita IS 'Persen perempuan (%)'")
    finally:
        con.close()
    return path


def expected(rows: list[tuple]) -> list[tuple]:
    return sorted(((pd.Timestamp(r[0]).date(), *r[1:]) for r in rows), key=lambda r: r[2])


def read(path: Path, sql: str = QUERY) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_publishes_only_the_marts_with_types_comments_and_parquet(tmp_path: Path) -> None:
    working = make_working(tmp_path / "work.duckdb", FIRST)
    out = publish(working, tmp_path / "published")

    assert out.database == tmp_path / "published" / PUBLISHED_NAME
    assert out.parquet_dir == tmp_path / "published" / "parquet"
    assert out.tables == ["marts.asn_profile"]
    assert out.rows == {"marts.asn_profile": 3}

    con = duckdb.connect(str(out.database), read_only=True)
    try:
        tables = con.execute("SELECT schema_name, table_name FROM duckdb_tables()").fetchall()
        assert tables == [("marts", "asn_profile")]
        schemas = {r[0] for r in con.execute(
            "SELECT schema_name FROM duckdb_schemas() WHERE NOT internal").fetchall()}
        assert not schemas & {"raw", "audit"}
        types = dict(con.execute(
            "SELECT column_name, data_type FROM duckdb_columns() "
            "WHERE table_name = 'asn_profile' ORDER BY column_index").fetchall())
        assert types == TYPES
        assert con.execute(QUERY).fetchall() == expected(FIRST)
        assert con.execute("SELECT comment FROM duckdb_tables()").fetchone()[0] == (
            "Profil ASN per PD, menurut jenis kelamin")
        assert con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = "
                           "'asn_profile' AND column_name = 'pct_wanita'").fetchone()[0] == (
            "Persen perempuan (%)")
        # Pinned storage format: DuckDB 1.0 and later can read it, whatever wrote it.
        tags = con.execute("SELECT tags FROM duckdb_databases() "
                           "WHERE database_name = 'terpilah'").fetchone()[0]
        assert tags["storage_version"] == "v1.0.0+"
        table = con.execute(QUERY).to_arrow_table()
        frame = con.execute(QUERY).df()
    finally:
        con.close()

    parquet = out.parquet_dir / "asn_profile.parquet"
    assert sorted(p.name for p in out.parquet_dir.iterdir()) == ["asn_profile.parquet"]
    from_parquet = pq.read_table(parquet).sort_by("pd_name")
    assert from_parquet.schema == table.schema  # date32, decimal128(4, 1), int32, string
    assert from_parquet.equals(table)
    back = duckdb.sql(f"SELECT * FROM '{parquet}' ORDER BY pd_name").df()
    pd.testing.assert_frame_equal(back, frame)


READER = r"""
import json, sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
def answer():
    rows = con.execute("SELECT pd_name, total FROM marts.asn_profile ORDER BY pd_name").fetchall()
    print(json.dumps(rows), flush=True)
answer()
for _ in sys.stdin:
    answer()
"""


def _line(proc: subprocess.Popen[str], timeout: float = 15.0) -> str:
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    if not ready:
        pytest.fail(f"the reader gave no answer in {timeout}s")
    line = proc.stdout.readline()
    assert line, f"reader ended: {proc.stderr.read()}"
    return line


def test_reader_in_another_process_keeps_old_data_and_does_not_block(tmp_path: Path) -> None:
    published_dir = tmp_path / "published"
    first = publish(make_working(tmp_path / "work.duckdb", FIRST), published_dir)
    old_inode = first.database.stat().st_ino
    old = [[r[2], r[5]] for r in expected(FIRST)]

    reader = subprocess.Popen([sys.executable, "-c", READER, str(first.database)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        assert json.loads(_line(reader)) == old  # it has the file open now

        second = publish(make_working(tmp_path / "work.duckdb", SECOND), published_dir)
        assert second.rows == {"marts.asn_profile": 2}
        assert second.database.stat().st_ino != old_inode

        reader.stdin.write("again\n")
        reader.stdin.flush()
        assert json.loads(_line(reader)) == old  # still the whole old file, not a mix

        new = [(r[2], r[5]) for r in expected(SECOND)]
        assert read(second.database, "SELECT pd_name, total FROM marts.asn_profile "
                    "ORDER BY pd_name") == new
    finally:
        reader.stdin.close()
        try:
            reader.wait(timeout=10)
        except subprocess.TimeoutExpired:
            reader.kill()
            reader.wait()
        reader.stdout.close()
        reader.stderr.close()
    assert reader.returncode == 0


def _duckdb_cli() -> str | None:
    beside_python = Path(sys.executable).parent / "duckdb"
    return str(beside_python) if beside_python.exists() else shutil.which("duckdb")


def test_duckdb_1x_cli_reads_the_published_file(tmp_path: Path) -> None:
    cli = _duckdb_cli()
    if cli is None:
        pytest.skip("no `duckdb` executable (pip install duckdb-cli, a dev dependency)")
    version = subprocess.run([cli, "-version"], capture_output=True, text=True, timeout=30)
    if not version.stdout.startswith("v1."):
        pytest.skip(f"need a DuckDB 1.x CLI to check compatibility, found {version.stdout!r}")

    out = publish(make_working(tmp_path / "work.duckdb", FIRST), tmp_path / "published")
    done = subprocess.run(
        [cli, "-readonly", "-no-init", "-csv", "-noheader", str(out.database),
         "-c", "SELECT count(*), sum(total) FROM marts.asn_profile"],
        capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "3,153"


def test_sqlalchemy_duckdb_engine_reads_the_published_file(tmp_path: Path) -> None:
    pytest.importorskip("duckdb_engine", reason="duckdb-engine is not installed")
    sqlalchemy = pytest.importorskip("sqlalchemy")

    out = publish(make_working(tmp_path / "work.duckdb", FIRST), tmp_path / "published")
    engine = sqlalchemy.create_engine(f"duckdb:///{out.database}",
                                      connect_args={"read_only": True})
    try:
        with engine.connect() as con:
            total = con.execute(sqlalchemy.text(
                "SELECT sum(total) FROM marts.asn_profile")).scalar_one()
    finally:
        engine.dispose()
    assert total == 153


def _listing(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def test_no_temp_files_and_failures_leave_the_previous_copy(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    working = make_working(tmp_path / "work.duckdb", FIRST)
    published_dir = tmp_path / "published"
    out = publish(working, published_dir)
    assert _listing(published_dir) == ["parquet", "parquet/asn_profile.parquet", PUBLISHED_NAME]
    before = digest(out.database), digest(out.parquet_dir / "asn_profile.parquet")

    with pytest.raises(FileNotFoundError, match="does not exist"):
        publish(tmp_path / "missing.duckdb", published_dir)
    with pytest.raises(ValueError, match="not in the working warehouse"):
        publish(working, published_dir, schemas=("marts", "reporting"))
    with pytest.raises(ValueError, match="personal data"):
        publish(working, published_dir, schemas=("marts", "raw"))

    # A failure after the new files were written, at the swap itself.
    make_working(working, SECOND)

    def refuse(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        raise OSError("disk said no")

    monkeypatch.setattr(publish_module.os, "replace", refuse)
    with pytest.raises(OSError, match="disk said no"):
        publish(working, published_dir)
    monkeypatch.undo()

    assert _listing(published_dir) == ["parquet", "parquet/asn_profile.parquet", PUBLISHED_NAME]
    assert (digest(out.database), digest(out.parquet_dir / "asn_profile.parquet")) == before
    assert read(out.database) == expected(FIRST)

    assert publish(working, published_dir).rows == {"marts.asn_profile": 2}
    assert _listing(published_dir) == ["parquet", "parquet/asn_profile.parquet", PUBLISHED_NAME]
