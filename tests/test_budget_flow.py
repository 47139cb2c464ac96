"""Budget files and ARG lists through the real nightly flow and dbt: lines load without their
subtotals, tags match (or are reported), a rejected budget leaves the previous version in the
marts, an amended budget supersedes the original, a rerun is safe."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
from flow_helpers import query, rows, run_nightly
from xlsx_helpers import write_xlsx

pytestmark = pytest.mark.slow

DINKES = "1.02.0.00.0.00.01.0000"
DINSOS = "2.08.0.00.0.00.01.0000"
DINKES_NAME = "Dinas Kesehatan"
DINSOS_NAME = "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak"
HEADER = ["KODE", "URAIAN", "SUMBER DANA", "PAGU (Rp)"]


def apbd(year: int, dinsos: tuple[int, int], dokumen: str = "DOKUMEN PELAKSANAAN ANGGARAN "
         "(DPA)") -> list[list[object]]:
    """The APBD of two SKPD with every subtotal; Dinsos's two lines are ``dinsos``."""
    a, b = dinsos
    return [["PEMERINTAH KABUPATEN BENGKAYANG"], [f"{dokumen} TAHUN ANGGARAN {year}"], [],
            HEADER, [1, 2, 3, 4],
            [DINKES, DINKES_NAME, None, 300_000_000],
            ["1.02", "Kesehatan", None, 300_000_000],
            ["1.02.01", "PROGRAM PENUNJANG URUSAN", None, 300_000_000],
            ["1.02.01.2.01", "Perencanaan", None, 300_000_000],
            ["1.02.01.2.01.0001", "Penyusunan Dokumen Perencanaan", "DAU", 100_000_000],
            ["1.02.01.2.01.0002", "Koordinasi", "DAU", "Rp 200.000.000,00"],
            [DINSOS, DINSOS_NAME, None, a + b],
            ["2.08", "Pemberdayaan Perempuan dan Perlindungan Anak", None, a + b],
            ["2.08.02", "PROGRAM PUG", None, a + b],
            ["2.08.02.2.01", "Pelembagaan PUG", None, a + b],
            ["2.08.02.2.01.0001", "Koordinasi PUG", "DAU", a],
            ["2.08.02.2.01.0002", "Advokasi Kebijakan", "DAU", b],
            [None, "JUMLAH", None, 300_000_000 + a + b]]


def dppa_dinsos(a: object, b: object) -> list[list[object]]:
    """Dinsos's own amended budget (text amounts, title SKPD, no SKPD rows)."""
    total = sum(Decimal(str(x).replace("Rp ", "").replace(".", "").replace(",", "."))
                for x in (a, b))
    shown = f"Rp {int(total):,}".replace(",", ".") + ",00"
    return [["DOKUMEN PELAKSANAAN PERUBAHAN ANGGARAN SATUAN KERJA PERANGKAT DAERAH (DPPA-SKPD)"],
            ["TAHUN ANGGARAN 2025"], [f"Organisasi : {DINSOS} {DINSOS_NAME}"], [],
            ["KODE", "URAIAN", "PAGU"],
            ["2.08.02", "PROGRAM PUG", shown],
            ["2.08.02.2.01.0001", "Koordinasi PUG", a],
            ["2.08.02.2.01.0002", "Advokasi Kebijakan", b],
            [None, "JUMLAH", shown]]


ARG_HEADER = ["NO", "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN", "KATEGORI ARG", "ISU GENDER",
              "SASARAN LAKI-LAKI", "SASARAN PEREMPUAN", "NILAI ARG (Rp)"]


def arg_list(pd_line: str, rows: list[list[object]]) -> list[list[object]]:
    return [["DAFTAR SUB KEGIATAN ANGGARAN RESPONSIF GENDER (ARG)"], ["TAHUN ANGGARAN 2025"],
            [pd_line], [], ARG_HEADER, *rows]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    root = tmp_path_factory.mktemp("budget_flow")
    landing = root / "landing" / "budget"
    write_xlsx(landing / "2025-01-10" / "apbd-2025.xlsx",
               {"APBD": apbd(2025, (40_000_000, 60_000_000))})
    write_xlsx(landing / "2025-02-15" / "arg-dinsos.xlsx", {"ARG": arg_list(
        f"Perangkat Daerah : {DINSOS_NAME}", [
            [1, "2.08.02.2.01.01", "Koordinasi PUG", "3", "Data terpilah", 5, 7, None],
            [2, "2.08.02.2.01.0002", "Advokasi", "Kategori 2", "Kesenjangan", 10, 30,
             "Rp 25.000.000,00"],
            [3, "2.08.02.2.01.0009", "Kode tak ada", "1", "Isu", 0, 12, None],
            [4, "2.08.2.01", "Kode rusak", "1", "Isu", 0, 12, None]])})
    write_xlsx(landing / "2025-02-15" / "arg-dinkes.xlsx", {"ARG": arg_list(
        f"SKPD : {DINKES} {DINKES_NAME}", [
            [1, "1.02.01.2.01.0001", "Penyusunan", "II", "Kesehatan ibu", 100, 300,
             40_000_000]])})
    warehouse = root / "wh.duckdb"
    result = run_nightly(landing.parent, warehouse)
    return SimpleNamespace(landing=landing, warehouse=warehouse, result=result)


def arg_by_pd(warehouse: Path) -> list[tuple[object, ...]]:
    return rows(warehouse, "select tahun_anggaran, kode_skpd, pd_name, dokumen, pagu_total, "
                 "pagu_arg, pct_arg, sub_kegiatan_total, sub_kegiatan_arg, tags_total, "
                 "tags_unmatched from marts.arg_by_pd order by kode_skpd")


def test_lines_load_and_tags_match(world: SimpleNamespace) -> None:
    assert world.result.status == "success", world.result.dbt_failures
    files = {f.file: (f.source, f.status, f.rows_loaded, f.rows_rejected)
             for f in world.result.files}
    assert files == {"apbd-2025.xlsx": ("budget", "accepted", 4, 0),
                     "arg-dinsos.xlsx": ("arg", "accepted", 3, 1),
                     "arg-dinkes.xlsx": ("arg", "accepted", 1, 0)}
    raw = query(world.warehouse, "select sum(pagu) as s, count(*) as n from raw.budget_lines")
    assert raw["s"][0] == Decimal("400000000.00") and raw["n"][0] == 4
    assert arg_by_pd(world.warehouse) == [
        (2025, DINKES, DINKES_NAME, "DPA Murni", Decimal("300000000.00"),
         Decimal("40000000.00"), Decimal("13.33"), 2, 1, 1, 0),
        (2025, DINSOS, DINSOS_NAME, "DPA Murni", Decimal("100000000.00"),
         Decimal("65000000.00"), Decimal("65.00"), 2, 2, 3, 1)]
    assert rows(world.warehouse, "select pagu_total, pagu_arg, pct_arg, pd_with_arg, pd_total, "
                "tags_unmatched from marts.arg_summary where dimension = 'kabupaten'") == [
        (Decimal("400000000.00"), Decimal("105000000.00"), Decimal("26.25"), 2, 2, 1)]


def test_unmatched_and_rejected_tags_are_reported(world: SimpleNamespace) -> None:
    unmatched = query(world.warehouse, "select kode_skpd, kode_sub_kegiatan, match_status, "
                      "source_file, source_row from marts.arg_unmatched_tags")
    assert list(unmatched.itertuples(index=False, name=None)) == [
        (DINSOS, "2.08.02.2.01.0009", "code_not_in_budget", "arg-dinsos.xlsx", 8)]
    findings = query(world.warehouse, "select source_file, source_row, rule, severity from "
                     "audit.findings where source = 'arg' and severity <> 'info' "
                     "order by all")
    assert ("arg-dinsos.xlsx", 8, "kode_not_in_budget", "warning") in list(
        findings.itertuples(index=False, name=None))
    quarantine = query(world.warehouse, "select source_file, source_row, rule from "
                       "audit.quarantine where source = 'arg'")
    assert list(quarantine.itertuples(index=False, name=None)) == [
        ("arg-dinsos.xlsx", 9, "kode_malformed")]


def _run_with(world: SimpleNamespace, day: str, name: str, rows: list[list[object]],
              keep: bool = False) -> SimpleNamespace:
    path = write_xlsx(world.landing / day / name, {"DPPA": rows})
    try:
        result = run_nightly(world.landing.parent, world.warehouse)
    finally:
        if not keep:
            path.unlink()
            path.parent.rmdir()
    return result


def test_rejected_budget_keeps_the_previous_version(world: SimpleNamespace) -> None:
    before = arg_by_pd(world.warehouse)
    raw_before = query(world.warehouse, "select * from raw.budget_lines order by all")
    result = _run_with(world, "2025-10-15", "dppa-dinsos-salah.xlsx",
                       dppa_dinsos("Rp 70.000.000,00", "-Rp 5.000.000,00"))
    outcome = next(f for f in result.files if f.file == "dppa-dinsos-salah.xlsx")
    assert outcome.status == "rejected" and outcome.quarantined_by_rule == {"pagu_negative": 1}
    assert "held back" in " ".join(outcome.reasons)
    assert arg_by_pd(world.warehouse) == before
    pd.testing.assert_frame_equal(
        query(world.warehouse, "select * from raw.budget_lines order by all"), raw_before)
    kept = query(world.warehouse, "select source_row from restricted.rejected_rows where "
                 "source_file = 'dppa-dinsos-salah.xlsx'")
    assert list(kept["source_row"]) == [8]


def test_subtotals_that_disagree_reject_the_file(world: SimpleNamespace) -> None:
    rows = dppa_dinsos("Rp 70.000.000,00", "Rp 5.000.000,00")
    rows[-1][2] = "Rp 76.000.000,00"
    result = _run_with(world, "2025-10-16", "dppa-dinsos-jumlah.xlsx", rows)
    outcome = next(f for f in result.files if f.file == "dppa-dinsos-jumlah.xlsx")
    assert outcome.status == "rejected"
    assert "row 9 (total) says Rp 76.000.000,00" in outcome.reasons[0]
    problem = query(world.warehouse, "select rule, source_row is null as whole_file from "
                    "audit.quarantine where source_file = 'dppa-dinsos-jumlah.xlsx'")
    assert list(problem.itertuples(index=False, name=None)) == [("total_mismatch", True)]


def test_year_mismatch_rejects_the_file(world: SimpleNamespace) -> None:
    rows = dppa_dinsos("Rp 70.000.000,00", "Rp 5.000.000,00")
    rows[4] = ["KODE", "URAIAN", "TAHUN", "PAGU"]
    rows[5:] = [[r[0], r[1], None, r[2]] for r in rows[5:]]
    rows[6][2], rows[7][2] = 2025, 2024
    result = _run_with(world, "2025-10-17", "dppa-dinsos-tahun.xlsx", rows)
    outcome = next(f for f in result.files if f.file == "dppa-dinsos-tahun.xlsx")
    assert outcome.status == "rejected" and outcome.quarantined_by_rule == {"year_mismatch": 1}


def test_amended_budget_supersedes_and_rerun_is_safe(world: SimpleNamespace) -> None:
    result = _run_with(world, "2025-10-20", "dppa-dinsos.xlsx",
                       dppa_dinsos("Rp 70.000.000,00", "Rp 5.000.000,00"), keep=True)
    assert result.status == "success" and not result.dbt_failures
    after = arg_by_pd(world.warehouse)
    dinsos = next(row for row in after if row[1] == DINSOS)
    # Both tags still match the amended lines: the whole 2.08.02.2.01.0001 (70 juta) and
    # 25 juta of 2.08.02.2.01.0002, whose amended pagu (5 juta) caps it.
    assert (dinsos[3], dinsos[4], dinsos[5]) == (
        "DPA Perubahan", Decimal("75000000.00"), Decimal("75000000.00"))
    raw_sql = ("select * exclude (loaded_at, batch_id) from {} order by all")
    raw = [rows(world.warehouse, raw_sql.format(t)) for t in ("raw.budget_lines", "raw.arg_tags")]
    again = run_nightly(world.landing.parent, world.warehouse, force=True, build=False)
    assert again.status == "success"  # loading again changes nothing (marts are built from raw)
    assert [rows(world.warehouse, raw_sql.format(t))
            for t in ("raw.budget_lines", "raw.arg_tags")] == raw
