"""End to end: generated SIMPEG files -> the real Prefect flow -> DuckDB -> dbt -> the mart,
checked against an independent pandas computation from the same files."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
from flow_helpers import MART_KEYS, mart, query, run_nightly
from independent_profile import expected_profile

from terpilah.sample import SampleManifest, generate_sample

pytestmark = pytest.mark.slow


def _compare(warehouse: Path, landing: Path) -> None:
    got = mart(warehouse)
    want = expected_profile(landing)
    merged = got.merge(want, on=MART_KEYS, how="outer", suffixes=("", "_want"), indicator=True)
    assert not (merged["_merge"] == "right_only").any(), \
        merged[merged["_merge"] == "right_only"].head().to_string()
    for col in ("pria", "wanita"):
        merged[f"{col}_want"] = merged[f"{col}_want"].fillna(0).astype(int)
    diff = merged[(merged["pria"] != merged["pria_want"])
                  | (merged["wanita"] != merged["wanita_want"])]
    assert diff.empty, diff.head(20).to_string()
    # every PD and both scopes on every date
    dates = {f.data_date for f in SampleManifest.load(landing).files}
    assert {str(d) for d in got["data_date"].unique()} == dates
    pds = want[want["scope"] == "pd"].groupby("data_date")["pd_name"].nunique()
    got_pds = got[got["scope"] == "pd"].groupby("data_date")["pd_name"].nunique()
    assert got_pds.to_dict() == pds.to_dict()
    assert len(got) == 26 * (len(dates) + int(pds.sum()))


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    root = tmp_path_factory.mktemp("clean")
    landing = root / "landing"
    generate_sample(landing, scale="small", seed=3, months=3, layout="mixed", flaws=False)
    warehouse = root / "warehouse" / "terpilah.duckdb"
    result = run_nightly(landing, warehouse)
    return SimpleNamespace(landing=landing, warehouse=warehouse, result=result)


def test_mart_equals_independent_computation(clean: SimpleNamespace) -> None:
    assert clean.result.status == "success", clean.result.dbt_failures
    _compare(clean.warehouse, clean.landing)


def test_run_summary(clean: SimpleNamespace) -> None:
    manifest = SampleManifest.load(clean.landing)
    result = clean.result
    assert result.files_accepted == 3 and result.files_rejected == 0
    assert result.rows_loaded == sum(f.rows for f in manifest.files)
    assert "marts.asn_profile" in result.marts
    assert result.data_docs and Path(result.data_docs).is_file()  # GX Data Docs were built
    # built once at the end of the run, so they list this run's validations
    assert result.run_id in Path(result.data_docs).read_text()
    want = expected_profile(clean.landing)
    last = want[(want["scope"] == "kabupaten") & (want["sub_kategori"] == "Total ASN")]
    last = last.sort_values("data_date").iloc[-1]
    assert result.headline.total_asn == last["pria"] + last["wanita"]
    runs = query(clean.warehouse, "select status, files_accepted from audit.runs")
    assert ("success", 3) in set(map(tuple, runs.to_numpy()))


def test_raw_lineage_and_archive(clean: SimpleNamespace) -> None:
    raw = query(clean.warehouse, "select batch_id, source_file, source_sha256, source_row, "
                                 "loaded_at, data_date from raw.simpeg_employees")
    assert raw.notna().all().all()
    files = query(clean.warehouse, "select source_file, archived_path, source_sha256 "
                                   "from audit.files")
    for row in files.itertuples():
        archived = Path(row.archived_path)
        assert archived.exists() and archived.name.startswith(row.source_sha256[:16])


def test_marts_hold_no_personal_data(clean: SimpleNamespace) -> None:
    names: set[str] = set()
    for file in SampleManifest.load(clean.landing).files:
        path = clean.landing / file.path
        if file.layout == "siasn":
            names |= set(pd.read_excel(path, sheet_name="Data Utama", dtype=str,
                                       engine="openpyxl")["NAMA"])
        else:
            names |= set(pd.read_csv(path, sep=";", encoding="cp1252", dtype=str,
                                     skiprows=file.header_row - 1)["NAMA"].dropna())
    names.discard("JUMLAH")
    tables = query(clean.warehouse, "select table_schema, table_name from "
                   "information_schema.tables where table_schema = 'marts'")
    assert len(tables)
    id_like = re.compile(r"\d{16,18}|\d{8} \d{6} \d \d{3}")
    for schema, table in tables.itertuples(index=False):
        frame = query(clean.warehouse, f"select * from {schema}.{table}")
        for col in frame.columns:
            assert not re.search("nip|nik|nama$|email|hp|lahir", col), f"{table}.{col}"
            values = set(frame[col].dropna().astype(str))
            assert not any(id_like.search(v) for v in values), f"{table}.{col} has an ID"
            assert not values & names, f"{table}.{col} has a name"


def test_nothing_new_is_skipped(clean: SimpleNamespace) -> None:
    before = mart(clean.warehouse)
    again = run_nightly(clean.landing, clean.warehouse)
    assert again.status == "nothing_new" and again.skipped_unchanged == 3
    pd.testing.assert_frame_equal(before, mart(clean.warehouse))


def test_snapshot_history_is_dated_by_extract(clean: SimpleNamespace) -> None:
    snap = query(clean.warehouse, "select employee_key, dbt_valid_from, dbt_valid_to "
                                  "from snapshots.employees_snapshot")
    starts = {str(d.date()) for d in snap["dbt_valid_from"]}
    assert starts <= set(SampleManifest.load(clean.landing).dates)
    assert len(starts) >= 2, "changes between extracts must open new versions"
    current = snap[snap["dbt_valid_to"].isna()]
    assert current["employee_key"].is_unique


@pytest.fixture(scope="module")
def flawed(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    root = tmp_path_factory.mktemp("flawed")
    landing = root / "landing"
    generate_sample(landing, scale="small", seed=5, months=2, layout="mixed", flaws=True)
    warehouse = root / "wh.duckdb"
    return SimpleNamespace(landing=landing, warehouse=warehouse,
                           result=run_nightly(landing, warehouse))


def test_flawed_rows_are_quarantined_with_reasons(flawed: SimpleNamespace) -> None:
    manifest = SampleManifest.load(flawed.landing)
    assert any(f.flaws for f in manifest.files)
    quarantine = query(flawed.warehouse, "select source_file, source_row, rule, value_masked, "
                                         "message from audit.quarantine")
    got = set(zip(quarantine["source_file"], quarantine["source_row"], strict=True))
    want = {(Path(f.path).name, flaw.row) for f in manifest.files for flaw in f.flaws
            if flaw.expected == "rejected"}
    assert got == want
    kinds = {flaw.kind for f in manifest.files for flaw in f.flaws}
    rules = set(quarantine["rule"])
    if "nip_excel_mangled" in kinds:
        assert "nip_excel_mangled" in rules
    if "sex_conflict" in kinds:
        assert "sex_conflicts_nip" in rules
    # masked: never a whole NIP
    assert not quarantine["value_masked"].fillna("").str.contains(r"\d{10}").any()
    kept = query(flawed.warehouse, "select count(*) n from raw.simpeg_employees")["n"][0]
    assert kept == sum(f.rows for f in manifest.files) - len(want)
    rejected_rows = query(flawed.warehouse, "select count(*) n from restricted.rejected_rows")
    assert rejected_rows["n"][0] == len(want)
    # the run summary names the quarantined rows of each file and their rules
    for outcome in flawed.result.files:
        rows = sorted(row for name, row in want if name == outcome.file)
        assert outcome.quarantined_rows == rows[:20]
        assert set(outcome.quarantined_by_rule) == set(
            quarantine[quarantine["source_file"] == outcome.file]["rule"])


def test_flawed_sample_mart_equals_independent_computation(flawed: SimpleNamespace) -> None:
    assert flawed.result.status == "success", flawed.result.dbt_failures
    _compare(flawed.warehouse, flawed.landing)


def test_staging_pseudonym_is_hmac_of_nip_with_the_configured_key(clean: SimpleNamespace) -> None:
    from conftest import TEST_KEY

    from warehouse.store import pseudonym

    pairs = query(clean.warehouse, """
        select r.nip, s.employee_key from raw.simpeg_employees r
        join staging.stg_simpeg__employees s using (batch_id, source_row)
        limit 50""")
    assert len(pairs) == 50
    for nip, key in pairs.itertuples(index=False):
        assert key == pseudonym(TEST_KEY, nip)


def test_freshness_warns_when_no_extract_arrived_for_40_days(
        clean: SimpleNamespace, tmp_path: Path) -> None:
    import shutil

    import duckdb

    from terpilah.settings import load_settings
    from warehouse.build import stale_sources

    assert clean.result.stale_sources == []  # just loaded
    copy = tmp_path / "wh.duckdb"
    shutil.copy(clean.warehouse, copy)
    con = duckdb.connect(str(copy))
    con.execute("update raw.simpeg_employees set loaded_at = loaded_at - interval 45 day")
    con.close()
    stale = stale_sources(load_settings(warehouse_path=copy))
    assert len(stale) == 1
    assert stale[0].startswith("raw.simpeg_employees: warn") and "45 days ago" in stale[0]


def test_forced_rerun_is_idempotent_and_a_bi_reader_is_not_disturbed(
        clean: SimpleNamespace) -> None:
    """One forced rerun of every date (the costly part) serves both checks: the rerun changes
    no mart and duplicates no row, and a BI reader holding the published copy open meanwhile
    keeps reading the same figures."""
    import json
    import subprocess
    import sys

    from test_publish import READER, _line

    published = Path(clean.result.published)
    assert published.name == "terpilah.duckdb" and published != clean.warehouse
    tables = query(published, "select table_schema || '.' || table_name t "
                              "from information_schema.tables")
    # the marts and nothing else: nothing from raw, staging, audit
    assert set(tables["t"]) == set(clean.result.marts) and "marts.asn_profile" in clean.result.marts
    pd.testing.assert_frame_equal(mart(published), mart(clean.warehouse))
    assert (published.parent / "parquet" / "asn_profile.parquet").is_file()

    marts_before = mart(clean.warehouse)
    reader = subprocess.Popen([sys.executable, "-c", READER, str(published)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        before = json.loads(_line(reader))
        again = run_nightly(clean.landing, clean.warehouse, force=True)
        assert again.status == "success" and again.published == str(published)
        reader.stdin.write("again\n")
        reader.stdin.flush()
        assert json.loads(_line(reader)) == before  # the reader was not disturbed
    finally:
        reader.stdin.close()
        reader.wait(timeout=30)
    pd.testing.assert_frame_equal(mart(clean.warehouse), marts_before)
    pd.testing.assert_frame_equal(mart(published), mart(clean.warehouse))
    counts = query(clean.warehouse, "select data_date, count(*) n from raw.simpeg_employees "
                   "group by 1")
    manifest = SampleManifest.load(clean.landing)
    assert sorted(counts["n"]) == sorted(f.rows for f in manifest.files)


def test_docs_are_built_and_served_on_localhost(clean: SimpleNamespace, tmp_path: Path) -> None:
    import threading
    import urllib.request

    from terpilah.settings import load_settings
    from warehouse.site import build_docs, docs_server

    folder = build_docs(load_settings(warehouse_path=clean.warehouse), out=tmp_path / "docs")
    lineage = (folder / "dbt" / "index.html").read_text()
    assert "asn_profile" in lineage and "stg_simpeg__employees" in lineage
    assert (folder / "gx" / "index.html").is_file()
    server = docs_server(folder, port=0)
    assert server.server_address[0] == "127.0.0.1"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        with urllib.request.urlopen(f"{base}/", timeout=10) as page:
            index = page.read().decode()
        assert 'href="dbt/index.html"' in index and 'href="gx/index.html"' in index
        with urllib.request.urlopen(f"{base}/dbt/index.html", timeout=10) as page:
            assert page.status == 200
    finally:
        server.shutdown()
        server.server_close()
