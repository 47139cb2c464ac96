"""The batch verdict: files of one date are judged together (GX on an ephemeral context)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from xlsx_helpers import write_csv, write_xlsx

from expectations.batch import decide
from expectations.judge import Judge
from ingest.extract import extract_file
from ingest.sources import SIMPEG

DAY = date(2025, 12, 31)
HEADER = ["NIP", "NAMA", "L/P", "TGL LAHIR", "STATUS PEGAWAI", "GOL", "PENDIDIKAN", "UNIT KERJA"]


def _row(nip: str, sex: str = "L") -> list[str]:
    birth = f"{nip[6:8]}-{nip[4:6]}-{nip[:4]}"
    return [nip, "X", sex, birth, "PNS", "III/a", "S1", "Dinas Sosial"]


@pytest.fixture(scope="module")
def judge() -> Judge:
    return Judge(None, max_reject_share=0.05)


def test_nip_in_two_files_of_a_date_rejects_both_rows(tmp_path: Path, judge: Judge) -> None:
    shared = "198001012005011003"
    a = write_xlsx(tmp_path / "a.xlsx", {"Data": [HEADER, _row(shared)] + [
        _row(f"1980010120050110{i:02d}") for i in range(10, 40)]})
    b = write_csv(tmp_path / "b.csv", [HEADER, _row(shared)] + [
        _row(f"1981010120050110{i:02d}") for i in range(10, 40)])
    files = [extract_file(p, SIMPEG, DAY) for p in (a, b)]
    verdict = decide(files, judge, run_name="test")
    assert verdict.accepted  # 1 of 31 rows (3.2 %) per file: under the 5 % limit
    for fx in files:
        dup = fx.issues[fx.issues["rule"] == "nip_duplicate_across_files"]
        assert list(dup["source_row"]) == [2]
        assert fx.rows_rejected == 1 and fx.rows_accepted == 30


def test_one_rejected_file_rejects_the_batch_with_its_reason(tmp_path: Path,
                                                             judge: Judge) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", {"Data": [HEADER, _row("198001012005011003")]})
    bad_rows = [HEADER] + [_row(f"1980010120050110{i:02d}", sex="P") for i in range(10, 20)]
    bad = write_xlsx(tmp_path / "bad.xlsx", {"Data": bad_rows})  # sex contradicts every NIP
    files = [extract_file(p, SIMPEG, DAY) for p in (good, bad)]
    verdict = decide(files, judge, run_name="test")
    assert not verdict.accepted
    assert set(verdict.reasons) == {"bad.xlsx"}
    assert "100.0 % of the rows are rejected" in verdict.reasons["bad.xlsx"][0]
