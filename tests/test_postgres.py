"""The same pipeline on PostgreSQL: a real server started by the test, the real nightly flow and
dbt build on it, marts equal to the DuckDB ones, and a bi_reader role that reads marts only."""

from __future__ import annotations

import math
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import duckdb
import pandas as pd
import psycopg2
import psycopg2.errors
import pytest
from conftest import TEST_KEY
from flow_helpers import run_nightly
from independent_profile import expected_profile
from pg_server import PostgresServer
from shared_run import shared_run

from terpilah.settings import load_settings
from warehouse.lock import RunLocked, run_lock
from warehouse.store import pseudonym
from warehouse.target import PostgresTarget

pytestmark = pytest.mark.slow

PIPELINE_PASSWORD = "pipeline-test-password"
BI_PASSWORD = "bi-test-password"
PRIVATE_TABLES = [
    "raw.simpeg_employees", "staging.stg_simpeg__employees",
    "intermediate.int_employees_bucketed", "snapshots.employees_snapshot",
    "reference.ref_golongan", "audit.runs", "audit.quarantine", "restricted.pseudonym_key",
    "restricted.rejected_rows", "restricted.simpeg_fix_list",
    "intermediate.int_simpeg_quality_checks",
]


@pytest.fixture(scope="module")
def server() -> Iterator[PostgresServer]:
    pg = PostgresServer().start()
    try:
        # The pipeline's own login: owns its database, may create the bi_reader role.
        pg.admin(f"CREATE ROLE terpilah LOGIN CREATEROLE PASSWORD '{PIPELINE_PASSWORD}'",
                 "CREATE DATABASE terpilah OWNER terpilah")
        yield pg
    finally:
        pg.stop()


def _pg_frame(pg: PostgresServer, sql: str, user: str = "terpilah",
              password: str = PIPELINE_PASSWORD) -> pd.DataFrame:
    con = pg.connect(user, password, "terpilah")
    try:
        with con.cursor() as cur:
            cur.execute(sql)
            columns = [c.name for c in cur.description]
            return pd.DataFrame(cur.fetchall(), columns=columns)
    finally:
        con.close()


def _duck_frame(path: Path, sql: str) -> pd.DataFrame:
    """Python values as DuckDB's driver returns them (``.df()`` would turn dates into
    timestamps), so both databases are compared through their drivers' own types."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        cur = con.execute(sql)
        return pd.DataFrame(cur.fetchall(), columns=[c[0] for c in cur.description])
    finally:
        con.close()


def _plain(value: Any) -> Any:
    """One comparable Python value whichever database (and driver) produced it."""
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, pd.Timestamp | datetime):
        return pd.Timestamp(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return _plain(value.item())
    return value


def _rows(frame: pd.DataFrame) -> list[tuple[Any, ...]]:
    rows = [tuple(_plain(v) for v in row) for row in frame.itertuples(index=False)]
    return sorted(rows, key=lambda r: tuple((v is None, str(v)) for v in r))


@pytest.fixture(scope="module")
def runs(server: PostgresServer, tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    # The suite's shared DuckDB run (every source, flaws included) is the reference: the same
    # landing folder, run again here on PostgreSQL.
    shared = shared_run(tmp_path_factory)
    url = server.url("terpilah", PIPELINE_PASSWORD, "terpilah")
    pg_result = run_nightly(shared.landing, url)  # type: ignore[arg-type]
    return SimpleNamespace(server=server, url=url, landing=shared.landing,
                           duck=shared.warehouse, pg=pg_result, duck_result=shared.result,
                           manifest=shared.manifest)


def test_the_run_on_postgres_succeeds_and_is_recorded(runs: SimpleNamespace) -> None:
    result = runs.pg
    assert result.status == "success", result.dbt_failures
    assert result.marts == runs.duck_result.marts == [
        "marts.ape_scorecard", "marts.arg_by_pd", "marts.arg_summary",
        "marts.arg_unmatched_tags", "marts.asn_profile", "marts.career_cohorts",
        "marts.career_pyramid", "marts.leadership_training_gap", "marts.literacy_participants",
        "marts.literacy_summary", "marts.pprg_coverage", "marts.pug_facilitators",
        "marts.pug_internalisation", "marts.pug_training_coverage", "marts.simpeg_data_quality"]
    flawed = {Path(f.path).name for f in runs.manifest.budget if f.expect_rejected}
    assert {f.file for f in result.files if f.status == "rejected"} == flawed
    assert flawed and result.rows_quarantined > 0
    assert {f.source for f in result.files} == {"simpeg", "training", "literacy", "budget",
                                                "arg"}
    assert result.warehouse.startswith("postgresql://terpilah@127.0.0.1:")
    assert result.published == f"{result.warehouse} (schema marts, role bi_reader)"
    assert PIPELINE_PASSWORD not in str(result.to_dict())
    assert result.stale_sources == runs.duck_result.stale_sources == []  # freshness ran
    state = PostgresTarget(runs.url, load_settings().home).state_dir
    written = [p for p in state.rglob("*") if p.is_file()]
    assert any(p.name == "manifest.json" for p in written)  # dbt's artefacts and logs
    leaks = [p for p in written if PIPELINE_PASSWORD.encode() in p.read_bytes()]
    assert not leaks
    record = _pg_frame(runs.server, "select * from audit.runs")
    assert list(record["run_id"]) == [result.run_id]
    assert record.loc[0, "status"] == "success"
    assert record.loc[0, "rows_loaded"] == result.rows_loaded > 0


def test_marts_on_postgres_equal_the_duckdb_marts(runs: SimpleNamespace) -> None:
    for name in runs.duck_result.marts:
        duck = _duck_frame(runs.duck, f"select * from {name}")
        pg = _pg_frame(runs.server, f"select * from {name}")
        assert list(pg.columns) == list(duck.columns), name
        assert len(pg) == len(duck) > 0, name
        assert _rows(pg) == _rows(duck), name


def test_postgres_mart_equals_independent_computation(runs: SimpleNamespace) -> None:
    mart = _pg_frame(runs.server, "select data_date, scope, pd_name, sub_kategori, pria, wanita "
                     "from marts.asn_profile")
    expected = expected_profile(runs.landing)
    got = {(r.data_date, r.scope, _plain(r.pd_name), r.sub_kategori): (r.pria, r.wanita)
           for r in mart.itertuples()}
    want = {(r.data_date, r.scope, _plain(r.pd_name), r.sub_kategori):
            (int(r.pria), int(r.wanita)) for r in expected.itertuples()}
    assert set(want) <= set(got)  # the mart also keeps the rows nobody is in, as zeros
    assert {k: v for k, v in got.items() if k in want} == want
    assert all(v == (0, 0) for k, v in got.items() if k not in want)


def test_history_and_pseudonyms_equal_across_databases(runs: SimpleNamespace) -> None:
    columns = ("employee_key, pd_name, golongan, jenis_jabatan, birth_year, dbt_valid_from, "
               "dbt_valid_to")
    sql = f"select {columns} from snapshots.employees_snapshot"
    pg, duck = _pg_frame(runs.server, sql), _duck_frame(runs.duck, sql)
    assert len(pg) >= runs.manifest.files[0].rows // 2
    assert _rows(pg) == _rows(duck)
    nip = _pg_frame(runs.server, "select nip from raw.simpeg_employees limit 1").iloc[0, 0]
    assert pseudonym(TEST_KEY, nip) in set(pg["employee_key"])


def test_quarantine_matches_duckdb(runs: SimpleNamespace) -> None:
    sql = ("select source_file, source_row, \"column\", rule, severity from audit.quarantine")
    assert _rows(_pg_frame(runs.server, sql)) == _rows(_duck_frame(runs.duck, sql))


def test_bi_reader_reads_marts_and_nothing_else(runs: SimpleNamespace) -> None:
    runs.server.admin(f"ALTER ROLE bi_reader LOGIN PASSWORD '{BI_PASSWORD}'")
    mart = _pg_frame(runs.server, "select count(*) as n from marts.asn_profile",
                     "bi_reader", BI_PASSWORD)
    assert mart.loc[0, "n"] > 0
    con = runs.server.connect("bi_reader", BI_PASSWORD, "terpilah")
    try:
        for table in PRIVATE_TABLES:
            with con.cursor() as cur, pytest.raises(psycopg2.errors.InsufficientPrivilege):
                cur.execute(f"select * from {table} limit 1")
        for statement in ("create table marts.mine (a integer)",
                          "delete from marts.asn_profile",
                          "create schema mine"):
            with con.cursor() as cur, pytest.raises(psycopg2.errors.InsufficientPrivilege):
                cur.execute(statement)
    finally:
        con.close()


def test_rerun_on_postgres_is_idempotent_and_marts_stay_readable(
        runs: SimpleNamespace) -> None:
    before = _rows(_pg_frame(runs.server, "select * from marts.asn_profile"))
    again = run_nightly(runs.landing, runs.url, force=True)  # type: ignore[arg-type]
    assert again.status == "success", again.dbt_failures
    after = _pg_frame(runs.server, "select * from marts.asn_profile")
    assert _rows(after) == before
    counts = ("select data_date, count(*) as n, count(distinct batch_id) as batches "
              "from raw.simpeg_employees group by 1")
    assert _rows(_pg_frame(runs.server, counts)) == _rows(_duck_frame(runs.duck, counts))
    # the rebuilt mart is a new table: the role still reads it (default privileges, re-grant)
    runs.server.admin(f"ALTER ROLE bi_reader LOGIN PASSWORD '{BI_PASSWORD}'")
    readable = _pg_frame(runs.server, "select count(*) as n from marts.asn_profile",
                         "bi_reader", BI_PASSWORD)
    assert readable.loc[0, "n"] == len(after)


HOLD_ADVISORY = """
import sys, time
from warehouse.postgres import AdvisoryLock
from warehouse.target import PostgresTarget
from pathlib import Path
lock = AdvisoryLock(PostgresTarget(sys.argv[1], Path(sys.argv[2])))
assert lock.acquire(time.monotonic() + 10, 0.1)
print("locked", flush=True)
time.sleep(120)
"""


def test_a_run_on_another_machine_holds_the_server_lock(runs: SimpleNamespace,
                                                        tmp_path: Path) -> None:
    """The advisory lock is per database, not per machine: a holder with its own (local) lock
    file elsewhere still makes this run wait, and its crash frees the lock at once."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD_ADVISORY, runs.url,
                               str(tmp_path / "other-machine")],
                              stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[1])
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        target = PostgresTarget(runs.url, tmp_path / "this-machine")
        with pytest.raises(RunLocked, match="another machine"), run_lock(target, 1, 0.1):
            pass
    finally:
        holder.kill()
        holder.wait()
    deadline = time.monotonic() + 10
    while True:  # the server notices the dead connection and frees the lock
        try:
            with run_lock(PostgresTarget(runs.url, tmp_path / "this-machine"), 1, 0.1):
                break
        except RunLocked:
            assert time.monotonic() < deadline


def test_docs_build_from_the_postgres_warehouse(runs: SimpleNamespace, tmp_path: Path) -> None:
    from warehouse.site import build_docs

    folder = build_docs(load_settings(warehouse=runs.url), out=tmp_path / "docs")
    lineage = (folder / "dbt" / "index.html").read_text()
    assert "asn_profile" in lineage and '"postgres"' in lineage  # the catalog of the server
    assert PIPELINE_PASSWORD not in lineage
