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


def _pppk(i: int, golongan: str = "") -> list[str]:
    nip = f"19931228202521{2 if i % 2 else 1}{i:03d}"  # NI PPPK: birth, year, code, sex, seq
    sex = "P" if i % 2 else "L"
    return [nip, "X", sex, "28-12-1993", "PPPK", golongan, "S1", "Dinas Pendidikan"]


def _month_end(tmp_path: Path, blank_pns: int, blank_pppk: int) -> Path:
    """A month-end extract of 100 employees: 84 PNS and 16 PPPK, as a real CSV."""
    rows = [_row(f"1980010120050110{i:02d}") for i in range(84)]
    for row in rows[:blank_pns]:
        row[5] = ""
    rows += [_pppk(i, "" if i < blank_pppk else "IX") for i in range(16)]
    return write_csv(tmp_path / "simpeg 2025-12-31.csv", [HEADER, *rows])


def test_pppk_without_golongan_is_one_verdict_accepted(tmp_path: Path, judge: Judge) -> None:
    # PPPK paruh waktu have no golongan: the row rules accept the blank, so the suite must
    # too (it used to reject the file: "Column golongan: 16.0 % of the rows are blank").
    fx = extract_file(_month_end(tmp_path, blank_pns=0, blank_pppk=16), SIMPEG, DAY)
    assert fx.problem is None and fx.rows_read == 100 and fx.rows_rejected == 0
    assert fx.values is not None
    assert fx.values["golongan"].isna().sum() == 16
    verdict = decide([fx], judge, run_name="test")
    assert verdict.accepted, verdict.reasons


def test_pns_without_golongan_rejects_the_file(tmp_path: Path, judge: Judge) -> None:
    fx = extract_file(_month_end(tmp_path, blank_pns=16, blank_pppk=16), SIMPEG, DAY)
    assert fx.rows_rejected == 16
    assert set(fx.issues.loc[fx.issues["severity"] == "reject", "rule"]) == {"golongan_missing"}
    verdict = decide([fx], judge, run_name="test")
    assert not verdict.accepted
    # one reason, the rejected share: the blanks on rejected rows are not counted twice
    assert verdict.reasons == {fx.path.name: [
        "16.0 % of the rows are rejected (more than 5%): the whole file is held back. Fix the "
        "rows listed and send it again."]}


def test_a_blank_the_rules_let_through_is_caught_on_accepted_rows(tmp_path: Path,
                                                                  judge: Judge) -> None:
    # The suite's safety net: were a rule to accept a PNS without golongan, the not-null
    # expectation (restricted to accepted rows that need one) still sees it.
    fx = extract_file(_month_end(tmp_path, blank_pns=10, blank_pppk=16), SIMPEG, DAY)
    assert fx.values is not None and fx.rejected is not None
    waved_through = fx.rejected & False  # every row accepted, the 10 blank PNS rows too
    result = judge.judge(SIMPEG, fx.values, waved_through, run_name="test")
    assert not result.accepted
    assert result.reasons == ["Column golongan: 11.9 % of the accepted rows where "
                              "jenis_pegawai is PNS or CPNS are blank or not understood. Fill "
                              "it in and send the file again."]


def test_one_judge_serves_sources_in_any_order() -> None:
    """A budget folder mixes budgets and ARG lists: judging budget, arg, budget again with one
    judge must not lose the first source's checkpoint (GX re-adding the data source dropped
    its assets)."""
    import pandas as pd

    from expectations.judge import Judge
    from expectations.suites import judged_columns
    from ingest.sources import SOURCES

    judge = Judge(None, 0.05)
    for name in ("budget", "arg", "budget", "arg"):
        spec = SOURCES[name]
        frame = pd.DataFrame({c.name: [None] for c in spec.columns})
        for column in judged_columns(spec):
            frame[column] = "x"
        verdict = judge.judge(spec, frame, pd.Series([False]), "order")
        assert verdict.expectations > 0
