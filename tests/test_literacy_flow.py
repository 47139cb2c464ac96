"""Participant lists through the real nightly flow: a good list loads with its class, bad rows
are explained and kept, a rejected list leaves the previous state, a rerun is safe."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
from flow_helpers import query, run_nightly
from xlsx_helpers import write_attendance_list, write_csv

pytestmark = pytest.mark.slow

HEADER = ["NO", "NAMA", "NIK", "L/P", "UMUR", "DESA", "KECAMATAN", "PEKERJAAN",
          "DISABILITAS"]
GOOD = [
    [1, "Ani", "6107055203900001", "P", "35", "Sebalos", "Sei Raya", "Petani", "Tidak"],
    [2, "Budi", "6107051203900002", "L", "35", "Sebalos", "Ledo", "Petani", "Ya"],
    [3, "Cici", "", "P", "17", "Lumar", "LUMAR", "Pelajar", "Tidak"],
    [4, "Cici", "", "P", "17", "Lumar", "LUMAR", "Pelajar", "Tidak"],  # repeated row
    [5, "Dedi", "6107051203900003", "P", "40", "Sebalos", "Ledo", "Petani", "Tidak"],  # sex
] + [[6 + i, f"Warga {i}", f"61070{i % 10}5203900{i:03d}", "P", "30", "Desa", "Seluas",
      "IRT", "Tidak"] for i in range(20)]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    root = tmp_path_factory.mktemp("literacy_flow")
    landing = root / "landing"
    day = landing / "literacy" / "2025-03-12"
    write_attendance_list(day / "kelas-ledo.xlsx", ["DAFTAR PESERTA", "CAKAP DIGITAL",
                                                    "Ledo, 12 Maret 2025"], HEADER, GOOD)
    write_csv(day / "kelas-seluas.csv", [["LITERASI DIGITAL UNTUK PEREMPUAN"],
                                         ["Tanggal : 12 Maret 2025"], [], HEADER, *GOOD[:3]],
              delimiter=";", encoding="cp1252")
    warehouse = root / "wh.duckdb"
    # The tests here read what loading wrote (raw, audit, restricted); the literacy marts are
    # checked end to end in test_literacy_e2e.py: load only, no dbt build.
    result = run_nightly(landing, warehouse, build=False)
    return SimpleNamespace(landing=landing, warehouse=warehouse, result=result)


def test_lists_load_with_their_program(world: SimpleNamespace) -> None:
    assert world.result.status == "success", world.result.dbt_failures
    files = {f.file: f for f in world.result.files}
    assert {n: f.status for n, f in files.items()} == {"kelas-ledo.xlsx": "accepted",
                                                       "kelas-seluas.csv": "accepted"}
    raw = query(world.warehouse, "select source_file, program, class_date, count(*) as n "
                "from raw.literacy_attendance group by all order by all")
    assert list(raw.itertuples(index=False, name=None)) == [
        ("kelas-ledo.xlsx", "Gerakan Nasional Literasi Digital - Cakap Digital",
         pd.Timestamp("2025-03-12"), 23),
        ("kelas-seluas.csv", "Literasi Digital untuk Perempuan", pd.Timestamp("2025-03-12"), 3)]


def test_bad_rows_are_explained_and_kept(world: SimpleNamespace) -> None:
    quarantine = query(world.warehouse, "select source_file, source_row, rule from "
                       "audit.quarantine where source = 'literacy' order by all")
    assert list(quarantine.itertuples(index=False, name=None)) == [
        ("kelas-ledo.xlsx", 9, "attendance_duplicate"),
        ("kelas-ledo.xlsx", 10, "sex_conflicts_nik")]
    kept = query(world.warehouse, "select source_row from restricted.rejected_rows "
                 "where source = 'literacy' order by 1")
    assert list(kept["source_row"]) == [9, 10]
    findings = query(world.warehouse, "select distinct rule from audit.findings "
                     "where source = 'literacy' and severity = 'warning' order by 1")
    assert list(findings["rule"]) == ["nik_missing"]


def test_unknown_kecamatan_everywhere_rejects_the_list(world: SimpleNamespace,
                                                       tmp_path: Path) -> None:
    before = query(world.warehouse, "select * from raw.literacy_attendance order by all")
    rows = [[r[0], r[1], r[2], r[3], r[4], r[5], "Pontianak Kota", r[7], r[8]] for r in GOOD]
    path = write_attendance_list(world.landing / "literacy" / "2025-03-20" / "bad.xlsx",
                                 ["DAFTAR PESERTA", "CAKAP DIGITAL", "20 Maret 2025"],
                                 HEADER, rows)
    try:
        result = run_nightly(world.landing, world.warehouse, build=False)
    finally:
        path.unlink()
        path.parent.rmdir()
    [bad] = [f for f in result.files if f.file == "bad.xlsx"]
    assert bad.status == "rejected" and "kecamatan_unknown" in bad.quarantined_by_rule
    assert any("rejected" in r for r in bad.reasons)
    after = query(world.warehouse, "select * from raw.literacy_attendance order by all")
    assert after.equals(before)


def test_rerun_is_safe(world: SimpleNamespace) -> None:
    columns = "* exclude (loaded_at)"
    before = query(world.warehouse, f"select {columns} from raw.literacy_attendance order by all")
    # Loading is what a rerun could break (marts are rebuilt from raw; their rerun is checked
    # end to end): load only, no dbt build.
    again = run_nightly(world.landing, world.warehouse, force=True, build=False)
    assert again.status == "success", again.dbt_failures
    after = query(world.warehouse, f"select {columns} from raw.literacy_attendance order by all")
    assert after.equals(before)
