"""End to end: generated budget files and ARG lists -> the real nightly flow -> dbt -> the ARG
marts, checked against an independent computation from the generator's manifest, and
reconciled with the totals printed in the budget files themselves."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest
from flow_helpers import records, rows
from independent_budget import expected_arg_by_pd, expected_kabupaten
from shared_run import shared_run

pytestmark = pytest.mark.slow

SKPD_CODE = re.compile(r"^\d\.\d{2}\.\d\.\d{2}\.\d\.\d{2}\.\d{2}\.\d{4}$")
BY_PD = ["dokumen", "budget_source_file", "pagu_total", "pagu_arg", "pct_arg",
         "sub_kegiatan_total", "sub_kegiatan_arg", "pagu_arg_kategori_1", "pagu_arg_kategori_2",
         "pagu_arg_kategori_3", "sasaran_laki_laki", "sasaran_perempuan", "sasaran_total",
         "tags_total", "tags_unmatched", "has_arg", "pagu_arg_prev", "change_pagu_arg"]
KABUPATEN = ["pagu_total", "pagu_arg", "pct_arg", "pd_total", "pd_with_arg", "pct_pd_with_arg",
             "sub_kegiatan_total", "sub_kegiatan_arg", "tags_unmatched"]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    return shared_run(tmp_path_factory)


def test_every_file_gets_the_verdict_the_generator_planned(run: SimpleNamespace) -> None:
    assert run.result.status == "success", run.result.dbt_failures
    outcomes = {f.file: f for f in run.result.files if f.source in ("budget", "arg")}
    assert len(outcomes) == len(run.manifest.budget)
    assert sum(f.expect_rejected for f in run.manifest.budget) >= 1
    for file in run.manifest.budget:
        outcome = outcomes[Path(file.path).name]
        assert outcome.source == file.kind, file.path
        want = "rejected" if file.expect_rejected else "accepted"
        assert outcome.status == want, (file.path, outcome.reasons)
        if file.kind == "budget" and not file.expect_rejected:
            assert outcome.rows_loaded == len(file.lines), file.path


def test_arg_by_pd_equals_independent_computation(run: SimpleNamespace) -> None:
    want = expected_arg_by_pd(run.manifest.budget)
    got = {(r["tahun_anggaran"], r["kode_skpd"]): r
           for r in records(run.warehouse, "select * from marts.arg_by_pd")}
    assert set(got) == set(want)
    assert len({k[0] for k in want}) == 3  # three budget years
    for key, expected in want.items():
        for column in BY_PD:
            assert got[key][column] == expected[column], (key, column)
        assert isinstance(got[key]["pagu_total"], Decimal)  # exact, never float
    assert any(r["change_pagu_arg"] is not None for r in got.values())


def test_arg_summary_equals_independent_computation(run: SimpleNamespace) -> None:
    want = expected_kabupaten(run.manifest.budget)
    summary = records(run.warehouse, "select * from marts.arg_summary")
    for tahun, expected in want.items():
        mine = [r for r in summary if r["tahun_anggaran"] == tahun]
        kabupaten = [r for r in mine if r["dimension"] == "kabupaten"]
        assert len(kabupaten) == 1
        for column in KABUPATEN:
            assert kabupaten[0][column] == expected[column], (tahun, column)
        kategori = {r["kode"]: r["pagu_arg"] for r in mine if r["dimension"] == "kategori"}
        assert kategori == {k: expected["kategori"].get(k, Decimal(0)) for k in ("1", "2", "3")}
        bidang = {r["kode"]: (r["pagu_total"], r["pagu_arg"])
                  for r in mine if r["dimension"] == "bidang_urusan"}
        assert bidang == expected["bidang"], tahun


def test_unmatched_tags_are_listed_never_dropped(run: SimpleNamespace) -> None:
    listed = rows(run.warehouse, "select tahun_anggaran, kode_sub_kegiatan from "
                  "marts.arg_unmatched_tags")
    total = sum(r["tags_unmatched"] for r in expected_kabupaten(run.manifest.budget).values())
    assert len(listed) == total >= 1
    written = {(f.tahun, t.kode) for f in run.manifest.budget for t in f.tags
               if t.kode is not None and not t.in_budget}
    assert set(listed) <= written


# --- reconciliation with the files' own totals, read without the pipeline's parsers --------

def money(cell: object) -> Decimal | None:
    """A cell as the file shows it: a number, or Indonesian text with an optional Rp."""
    if cell is None or cell == "":
        return None
    if isinstance(cell, int | float):
        return Decimal(str(cell)).quantize(Decimal("0.01"))
    text = str(cell).replace("Rp", "").replace(" ", "")
    return Decimal(text.replace(".", "").replace(",", "."))


def sheet_rows(path: Path) -> list[list[object]]:
    if path.suffix == ".csv":
        text = path.read_text(encoding="utf-8-sig")
        dialect = csv.Sniffer().sniff(text[:2000], delimiters=",;")
        return [list(r) for r in csv.reader(text.splitlines(), dialect)]
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return [list(r) for r in book.active.iter_rows(values_only=True)]
    finally:
        book.close()


def file_totals(path: Path) -> tuple[Decimal, dict[str, Decimal]]:
    """The file's grand total and each SKPD's total: as printed (an SKPD row, or the JUMLAH
    of a one-SKPD file named in its title) or, in a flat export, summed from its rows."""
    sheet = sheet_rows(path)
    header = sheet[0]
    if "KODE SKPD" in header:  # flat export: no printed totals, one line per row
        per_skpd: dict[str, Decimal] = defaultdict(Decimal)
        skpd, pagu = header.index("KODE SKPD"), header.index("PAGU")
        for line in sheet[1:]:
            per_skpd[str(line[skpd])] += money(line[pagu]) or Decimal(0)
        return sum(per_skpd.values(), Decimal(0)), dict(per_skpd)
    per_skpd, total, title_skpd = {}, None, None
    for cells in sheet:
        texts = [str(c).strip() for c in cells if c not in (None, "")]
        named = re.match(r"Organisasi\s*:\s*(\S+)", texts[0]) if texts else None
        if named and SKPD_CODE.match(named.group(1)):
            title_skpd = named.group(1)
        amounts = [money(c) for c in cells[1:] if isinstance(c, int | float)
                   or (isinstance(c, str) and re.fullmatch(r"-?(Rp ?)?[\d.]+,\d\d", c.strip()))]
        if texts and SKPD_CODE.match(texts[0]) and amounts:
            per_skpd[texts[0]] = amounts[-1]
        if any(t.upper() == "JUMLAH" for t in texts) and amounts:
            total = amounts[-1]
    assert total is not None, path
    if title_skpd is not None:
        per_skpd[title_skpd] = total
    return total, per_skpd


def test_loaded_lines_reconcile_with_the_files_totals(run: SimpleNamespace) -> None:
    loaded = dict(rows(run.warehouse, "select source_file, sum(pagu) from raw.budget_lines "
                       "group by 1"))
    by_pd = records(run.warehouse, "select * from marts.arg_by_pd")
    checked = 0
    for file in run.manifest.budget:
        if file.kind != "budget" or file.expect_rejected:
            continue
        path = run.landing / file.path
        total, per_skpd = file_totals(path)
        assert loaded[path.name] == total, file.path
        for row in by_pd:
            if row["budget_source_file"] == path.name and per_skpd:
                assert row["pagu_total"] == per_skpd[row["kode_skpd"]], (file.path, row)
                checked += 1
    assert checked >= 10
    kabupaten = rows(run.warehouse, "select tahun_anggaran, pagu_total from marts.arg_summary "
                     "where dimension = 'kabupaten'")
    for tahun, pagu in kabupaten:
        assert pagu == sum((r["pagu_total"] for r in by_pd if r["tahun_anggaran"] == tahun),
                           Decimal(0))


def test_rejected_files_keep_the_previous_version(run: SimpleNamespace) -> None:
    rejected = [f for f in run.manifest.budget if f.kind == "budget" and f.expect_rejected]
    winners = {r["budget_source_file"] for r in records(run.warehouse,
                                                        "select * from marts.arg_by_pd")}
    assert rejected and not winners & {Path(f.path).name for f in rejected}
    quarantined = rows(run.warehouse, "select distinct source_file from audit.quarantine")
    assert {Path(f.path).name for f in rejected} <= {r[0] for r in quarantined}
