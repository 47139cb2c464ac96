"""Bad landing files through the real flow: each is rejected with its reason, nothing of it is
loaded, the previous warehouse state stands, and the rest of the run goes on."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pandas as pd
import pytest
from flow_helpers import mart, query, run_nightly
from openpyxl.worksheet.worksheet import Worksheet
from webhook_server import Recorder

from flows.result import FileOutcome
from terpilah.sample import SampleManifest, generate_sample

pytestmark = pytest.mark.slow
Edit = Callable[[Worksheet], None]


def _copy_with(src: Path, dst: Path, edit: Edit) -> Path:
    dst.parent.mkdir(parents=True, exist_ok=True)
    book = openpyxl.load_workbook(src)
    edit(book["Data Utama"])
    book.save(dst)
    return dst


def _rename_header(old: str, new: str) -> Edit:
    def edit(sheet: Worksheet) -> None:
        for cell in sheet[1]:
            if cell.value == old:
                cell.value = new
    return edit


def _mangle_nips(share: float) -> Edit:
    def edit(sheet: Worksheet) -> None:
        col = [c.value for c in sheet[1]].index("NIP BARU") + 1
        rows = sheet.max_row - 1
        for r in range(2, 2 + int(rows * share) + 1):
            cell = sheet.cell(row=r, column=col)
            cell.value = float(cell.value)
    return edit


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    root = tmp_path_factory.mktemp("bad")
    landing = root / "landing"
    generate_sample(landing, scale="small", seed=9, months=1, layout="siasn", flaws=False)
    warehouse = root / "wh.duckdb"
    first = run_nightly(landing, warehouse)
    assert first.status == "success"
    before = SimpleNamespace(
        mart=mart(warehouse),
        raw=query(warehouse, "select * exclude (loaded_at) from raw.simpeg_employees "
                             "order by data_date, source_row"))
    good = landing / SampleManifest.load(landing).files[0].path
    simpeg = landing / "simpeg"
    # a new date whose file lacks a required column
    _copy_with(good, simpeg / "2026-01-31" / "tanpa_jenis_pegawai.xlsx",
               _rename_header("JENIS PEGAWAI NAMA", "KETERANGAN"))
    # an empty file and a header-only file
    (simpeg / "2026-02-28").mkdir()
    (simpeg / "2026-02-28" / "kosong.csv").write_bytes(b"")
    (simpeg / "2026-03-31").mkdir()
    (simpeg / "2026-03-31" / "header_saja.csv").write_text(
        "NIP;NAMA;L/P;STATUS PEGAWAI;GOL;PENDIDIKAN;UNIT KERJA\r\n", encoding="cp1252")
    # a file with 10 % Excel-mangled NIPs (over the 5 % limit)
    _copy_with(good, simpeg / "2026-04-30" / "nip_rusak.xlsx", _mangle_nips(0.10))
    # a corrected file for the loaded date that is itself broken: the loaded rows must stand
    replaced = good.with_name("perbaikan.xlsx")
    _copy_with(good, replaced, _rename_header("JENIS PEGAWAI NAMA", "STATUS X"))
    good.unlink()
    # a folder that breaks the landing contract
    (simpeg / "desember").mkdir()
    shutil.copy(replaced, simpeg / "desember" / "x.xlsx")
    with Recorder() as hook, pytest.MonkeyPatch.context() as env:
        env.setenv("TERPILAH_WEBHOOK_URL", hook.url)
        second = run_nightly(landing, warehouse)
    return SimpleNamespace(landing=landing, warehouse=warehouse, before=before, result=second,
                           webhook=hook.bodies)


def _outcome(bad: SimpleNamespace, name: str) -> FileOutcome:
    return next(f for f in bad.result.files if f.file == name)


def test_missing_required_column_rejects_the_file(bad: SimpleNamespace) -> None:
    out = _outcome(bad, "tanpa_jenis_pegawai.xlsx")
    assert out.status == "rejected" and out.rows_loaded == 0
    assert any("jenis_pegawai" in r and "missing" in r for r in out.reasons)
    q = query(bad.warehouse, "select rule, source_sheet, message from audit.quarantine "
                             "where source_file = 'tanpa_jenis_pegawai.xlsx'")
    assert list(q["rule"]) == ["required_column_missing"]
    assert q["source_sheet"][0] == "Data Utama"


def test_empty_and_header_only_files_are_rejected(bad: SimpleNamespace) -> None:
    assert _outcome(bad, "kosong.csv").status == "rejected"
    assert "empty" in _outcome(bad, "kosong.csv").reasons[0]
    header_only = _outcome(bad, "header_saja.csv")
    assert header_only.status == "rejected" and "no data rows" in header_only.reasons[0]


def test_too_many_rejected_rows_rejects_the_file(bad: SimpleNamespace) -> None:
    out = _outcome(bad, "nip_rusak.xlsx")
    assert out.status == "rejected" and out.rows_rejected > 0.05 * out.rows_read
    assert any("% of the rows are rejected" in r for r in out.reasons)
    q = query(bad.warehouse, "select count(*) n, count(distinct source_row) r, "
                             "min(rule) as first_rule from audit.quarantine "
                             "where source_file = 'nip_rusak.xlsx'")
    assert q["n"][0] == q["r"][0] == out.rows_rejected
    assert q["first_rule"][0] == "nip_excel_mangled"


def test_previous_state_stands(bad: SimpleNamespace) -> None:
    assert _outcome(bad, "perbaikan.xlsx").status == "rejected"
    raw = query(bad.warehouse, "select * exclude (loaded_at) from raw.simpeg_employees "
                               "order by data_date, source_row")
    pd.testing.assert_frame_equal(raw, bad.before.raw)
    pd.testing.assert_frame_equal(mart(bad.warehouse), bad.before.mart)
    batches = query(bad.warehouse, "select status, count(*) n from audit.batches group by 1")
    assert dict(zip(batches["status"], batches["n"], strict=True)) == {"loaded": 1,
                                                                        "rejected": 5}


def test_landing_contract_problem_is_reported(bad: SimpleNamespace) -> None:
    assert any("desember" in p and "not a date" in p for p in bad.result.landing_problems)


def test_rejected_files_are_reported_to_the_webhook(bad: SimpleNamespace) -> None:
    assert len(bad.webhook) == 1
    body = bad.webhook[0]
    assert body["source"] == "terpilah" and body["run_id"] == bad.result.run_id
    assert body["files_rejected"] == 5
    rejected = {f["file"] for f in body["files"] if f["status"] == "rejected"}
    assert "tanpa_jenis_pegawai.xlsx" in rejected


def test_rejected_files_are_not_retried_until_they_change(bad: SimpleNamespace) -> None:
    again = run_nightly(bad.landing, bad.warehouse)
    assert again.status == "nothing_new" and again.files == []
