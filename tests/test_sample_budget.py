"""Budget files (RKA/DPA) and ARG lists of the sample: read back with openpyxl and the csv
module (not with the pipeline) and checked against the manifest and the landing contract."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from terpilah.sample import MANIFEST_NAME, SampleManifest, generate_sample
from terpilah.sample.agencies import build_org
from terpilah.sample.budget import write_budget
from terpilah.sample.manifest import BudgetFile

SUB = re.compile(r"[0-9]\.[0-9]{2}\.[0-9]{2}\.2\.[0-9]{2}\.[0-9]{4}")
SUB_OLD = re.compile(r"[0-9]\.[0-9]{2}\.[0-9]{2}\.2\.[0-9]{2}\.[0-9]{2}")
SKPD = re.compile(r"[0-9]\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}")
SUBTOTAL = re.compile(r"[0-9]\.[0-9]{2}(\.[0-9]{2}(\.2\.[0-9]{2})?)?")
CSV_FORMAT = {"flat_csv": ("utf-8-sig", ";"), "pd_csv": ("cp1252", ","), "arg_csv": ("utf-8", ";")}
ROMAN = {"I": 1, "II": 2, "III": 3}
MURNI, PERUBAHAN = "DPA Murni", "DPA Perubahan"
DINSOS = "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak"
KOMINFO = "Dinas Komunikasi dan Informatika"
END = date(2025, 12, 31)


def org_names(scale: str) -> list[str]:
    return build_org(np.random.default_rng([7, 0]), scale, None).pd_names


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, SampleManifest]:
    out = tmp_path_factory.mktemp("small")
    return out, generate_sample(out, scale="small", months=2, budget=True)


@pytest.fixture(scope="module")
def full(tmp_path_factory) -> tuple[Path, list[BudgetFile]]:
    """The budget part of a scale "bengkayang" sample (written on its own, as generate does)."""
    out = tmp_path_factory.mktemp("full")
    return out, write_budget(out, 7, 7, END, org_names("bengkayang"))


def read_rows(out: Path, entry: BudgetFile) -> list[list[object]]:
    """Every row (index 0 = row 1); XLSX cells typed, CSV fields text; blanks are None."""
    path = out / entry.path
    if path.suffix == ".xlsx":
        sheet = openpyxl.load_workbook(path).active
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    encoding, delimiter = CSV_FORMAT[entry.layout]
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    reader = csv.reader(io.StringIO(raw.decode(encoding), newline=""), delimiter=delimiter)
    return [[v if v != "" else None for v in row] for row in reader]


def at(row: list[object], j: int) -> object:
    return row[j] if j < len(row) else None


def amount(value: object) -> Decimal:
    """A number cell, "1.250.000,00", "Rp 1.250.000,00" or "-Rp 5.000.000,00"."""
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    text = str(value).strip()
    negative = text.startswith("-")
    text = text.removeprefix("-").removeprefix("Rp").strip()
    whole, _, sen = text.partition(",")
    assert re.fullmatch(r"[0-9]{1,3}(\.[0-9]{3})*", whole) and re.fullmatch("[0-9]{2}", sen), value
    number = Decimal(whole.replace(".", "") + "." + sen)
    return -number if negative else number


def columns(rows: list[list[object]], entry: BudgetFile) -> dict[str, int]:
    return {str(v): j for j, v in enumerate(rows[entry.header_row - 1]) if v is not None}


def budgets(files: list[BudgetFile]) -> dict[tuple[int, str, str], dict[str, Decimal]]:
    """(year, dokumen, PD) -> code -> pagu, from the files the pipeline must accept."""
    out: dict[tuple[int, str, str], dict[str, Decimal]] = defaultdict(dict)
    for f in files:
        if f.kind == "budget" and not f.expect_rejected:
            for line in f.lines:
                out[(f.tahun, f.dokumen or "", line.nama_skpd)][line.kode] = Decimal(line.pagu)
    return out


def check_budget_file(out: Path, entry: BudgetFile) -> None:
    """Lines, subtotals, JUMLAH and titles as the manifest says."""
    rows = read_rows(out, entry)
    cols = columns(rows, entry)
    kode_col = cols.get("KODE", cols.get("KODE SUB KEGIATAN"))
    pagu_col = cols.get("PAGU (Rp)", cols.get("PAGU", cols.get("SETELAH PERUBAHAN")))
    before_col = cols.get("SEBELUM PERUBAHAN")  # a DPPA as SIPD prints it (real forms)
    assert kode_col is not None and pagu_col is not None
    lines = {line.row: line for line in entry.lines}
    block, found, subtotals, total = -1, [], [], None
    for number, row in enumerate(rows[entry.header_row:], entry.header_row + 1):
        kode, value = at(row, kode_col), at(row, pagu_col)
        if kode is None and "JUMLAH" in row:
            total = amount(value)
            break  # the signature block may follow
        if not isinstance(kode, str):
            if before_col is None:
                assert entry.layout == "apbd_xlsx" and row == [1, 2, 3, 4]  # column numbers
            else:  # the second header row and the column numbers
                assert number - entry.header_row in (1, 2), number
                assert row in ([None, None, "JUMLAH (Rp)", "JUMLAH (Rp)", "(Rp)", "%"],
                               [1, 2, 3, 4, 5, 6]), row
            continue
        if SKPD.fullmatch(kode):
            block += 1
        if SUB.fullmatch(kode):
            line = lines[number]
            assert (line.kode, Decimal(line.pagu)) == (kode, amount(value))
            assert str(at(row, cols.get("URAIAN", cols.get("NAMA SUB KEGIATAN", 1)))) == line.uraian
            if "TAHUN" in cols:
                assert int(str(at(row, cols["TAHUN"]))) == line.tahun
            if "KODE SKPD" in cols:
                assert (at(row, cols["KODE SKPD"]), at(row, cols["NAMA SKPD"])) == (
                    line.kode_skpd, line.nama_skpd)
            found.append((block, kode, amount(value)))
            if before_col is not None:
                change = amount(at(row, before_col + 2))  # BERTAMBAH/(BERKURANG)
                assert change == amount(value) - amount(at(row, before_col)), (entry.path, kode)
        else:
            assert SKPD.fullmatch(kode) or SUBTOTAL.fullmatch(kode), kode
            subtotals.append((block, kode, amount(value)))
    assert len(found) == len(entry.lines)
    assert len(subtotals) == entry.subtotal_rows
    for b, kode, value in subtotals:  # within its PD, the lines under its code
        under = [v for b2, k, v in found if b2 == b and (SKPD.fullmatch(kode)
                                                         or k.startswith(kode + "."))]
        assert under and value == sum(under), (entry.path, kode)
    if entry.layout == "flat_csv":
        assert total is None and entry.total is None and entry.subtotal_rows == 0
    else:
        assert total == Decimal(entry.total or "x") == sum(v for _, _, v in found)
    titles = [str(r[0]) for r in rows[: entry.header_row - 1] if any(v is not None for v in r)]
    if entry.layout == "apbd_xlsx":
        document = ("DOKUMEN PELAKSANAAN PERUBAHAN ANGGARAN (DPPA)" if entry.dokumen == PERUBAHAN
                    else "DOKUMEN PELAKSANAAN ANGGARAN (DPA)")
        assert titles[0] == "PEMERINTAH KABUPATEN BENGKAYANG"
        # the regulation's number and year come first: its TAHUN is not the budget year
        assert re.fullmatch(rf"LAMPIRAN III PERATURAN BUPATI BENGKAYANG NOMOR \d+ TAHUN "
                            rf"{entry.tahun - 1} TENTANG PENJABARAN APBD TAHUN ANGGARAN "
                            rf"{entry.tahun}", titles[1]), titles[1]
        assert titles[3] == f"{document} TAHUN ANGGARAN {entry.tahun}"
    elif entry.layout in ("pd_xlsx", "pd_csv"):
        assert entry.dokumen == PERUBAHAN and "(DPPA-SKPD)" in titles[1]
        assert titles[2] == f"TAHUN ANGGARAN {entry.tahun}"
        first = entry.lines[0]
        assert titles[3] == f"Organisasi : {first.kode_skpd} {first.nama_skpd}"
        assert {line.nama_skpd for line in entry.lines} == {first.nama_skpd}
    else:
        assert titles == [] and all(line.tahun == entry.tahun for line in entry.lines)
        assert {str(at(r, cols["TAHAPAN"])) for r in rows[1:]} == {MURNI}


def kategori(value: object) -> int:
    text = str(value).strip().removeprefix("Kategori").strip()
    return ROMAN[text] if text in ROMAN else int(text)


def check_arg_file(out: Path, entry: BudgetFile,
                   versions: dict[tuple[int, str, str], dict[str, Decimal]]) -> None:
    rows = read_rows(out, entry)
    cols = columns(rows, entry)
    first = entry.tags[0]
    assert {(t.kode_skpd, t.nama_skpd) for t in entry.tags} == {(first.kode_skpd,
                                                                 first.nama_skpd)}
    assert rows[0][0] == "DAFTAR SUB KEGIATAN ANGGARAN RESPONSIF GENDER (ARG)"
    assert rows[1][0] == f"TAHUN ANGGARAN {entry.tahun}"
    if entry.layout == "arg_xlsx":
        assert rows[2][0] in (f"Perangkat Daerah : {first.nama_skpd}",
                              f"SKPD : {first.kode_skpd} {first.nama_skpd}")
        assert "PERANGKAT DAERAH" not in cols
    assert len(rows) == entry.header_row + len(entry.tags)
    present = [versions[(entry.tahun, d, first.nama_skpd)] for d in (MURNI, PERUBAHAN)
               if (entry.tahun, d, first.nama_skpd) in versions]
    assert present, "every tagging PD has a budget that year"
    for number, tag in enumerate(entry.tags, 1):
        row = rows[tag.row - 1]
        assert int(str(at(row, cols["NO"]))) == number
        if entry.layout == "arg_csv":
            assert at(row, cols["PERANGKAT DAERAH"]) == tag.nama_skpd
        assert at(row, cols["KODE SUB KEGIATAN"]) == tag.kode_written
        assert kategori(at(row, cols["KATEGORI ARG"])) == tag.kategori
        assert at(row, cols["ISU GENDER"]) == tag.isu_gender
        men, women = (int(str(at(row, cols[c]))) for c in ("SASARAN LAKI-LAKI",
                                                             "SASARAN PEREMPUAN"))
        assert (men, women) == (tag.sasaran_laki_laki, tag.sasaran_perempuan)
        assert men + women > 0 and (tag.kategori == 1 or min(men, women) > 0)
        nilai = at(row, cols["NILAI ARG (Rp)"])
        assert (None if nilai is None else amount(nilai)) == (
            None if tag.nilai_arg is None else Decimal(tag.nilai_arg))
        if tag.kode_written == tag.kode:
            assert SUB.fullmatch(tag.kode_written)
        if tag.in_budget:
            assert tag.kode is not None
            for lines in present:
                assert tag.kode in lines
                assert tag.nilai_arg is None or 0 < Decimal(tag.nilai_arg) < lines[tag.kode]
        elif tag.kode is not None:
            assert SUB.fullmatch(tag.kode) and all(tag.kode not in lines for lines in present)


def test_files_per_layout_date_and_year(full) -> None:
    out, files = full
    assert files == sorted(files, key=lambda f: (f.data_date, f.path))
    for f in files:
        assert f.path == f"budget/{f.data_date}/{Path(f.path).name}"
        assert (out / f.path).is_file() and f.data_date <= END.isoformat()
        assert Path(f.path).suffix == (".csv" if f.layout.endswith("csv") else ".xlsx")
    count = Counter((f.layout, f.tahun, f.data_date[5:], f.dokumen, f.expect_rejected)
                    for f in files if f.kind == "budget")
    assert count == {
        ("apbd_xlsx", 2023, "01-10", MURNI, False): 1,
        ("apbd_xlsx", 2023, "10-15", PERUBAHAN, False): 1,
        ("apbd_xlsx", 2024, "01-10", MURNI, False): 1,
        ("apbd_xlsx", 2024, "10-15", PERUBAHAN, False): 1,
        ("flat_csv", 2025, "01-10", MURNI, False): 1,
        ("pd_xlsx", 2025, "10-15", PERUBAHAN, False): 4,
        ("pd_csv", 2025, "10-15", PERUBAHAN, False): 2,
        ("pd_xlsx", 2025, "11-05", PERUBAHAN, True): 1,
        ("pd_xlsx", 2024, "11-20", PERUBAHAN, True): 1,
    }
    for f in files:
        assert f.data_date[:4] == str(f.tahun)
        if f.kind == "arg":
            assert f.data_date[5:] == "02-15" and f.dokumen is None and not f.lines
    lists = Counter(f.tahun for f in files if f.kind == "arg")
    assert lists == {2023: 17, 2024: 23, 2025: 29}  # 45, 60 and 75 % of 38 PD
    csv_lists = sum(f.layout == "arg_csv" for f in files)
    assert 5 <= csv_lists <= 20


def test_budget_files_read_back(full) -> None:
    out, files = full
    for entry in files:
        if entry.kind == "budget":
            check_budget_file(out, entry)


def test_dppa_as_sipd_prints_it_shows_the_murni_before_the_amendment(full) -> None:
    out, files = full
    versions = budgets(files)
    seen = 0
    for entry in files:
        if entry.layout != "pd_xlsx" or entry.expect_rejected:
            continue
        rows = read_rows(out, entry)
        cols = columns(rows, entry)
        assert "SEBELUM PERUBAHAN" in cols and "PAGU" not in cols, entry.path
        murni = versions[(entry.tahun, MURNI, entry.lines[0].nama_skpd)]
        for line in entry.lines:
            before = amount(at(rows[line.row - 1], cols["SEBELUM PERUBAHAN"]))
            assert before == murni.get(line.kode, Decimal(0)), (entry.path, line.kode)
            seen += 1
    assert seen > 0


def test_codes_names_and_amounts(full) -> None:
    _, files = full
    names = org_names("bengkayang")
    versions = budgets(files)
    skpd: dict[str, set[str]] = defaultdict(set)
    for f in files:
        for line in [*f.lines, *f.tags]:
            skpd[line.nama_skpd].add(line.kode_skpd)
    assert set(skpd) == set(names)
    assert all(len(codes) == 1 and SKPD.fullmatch(next(iter(codes))) for codes in skpd.values())
    assert len({next(iter(codes)) for codes in skpd.values()}) == len(names)
    for year in (2023, 2024, 2025):
        assert {k[2] for k in versions if k[:2] == (year, MURNI)} == set(names)
    pagu = [v for lines in versions.values() for v in lines.values()]
    assert all(Decimal(10_000_000) <= v <= Decimal(5_000_000_000) for v in pagu)
    assert all(v == v.quantize(Decimal("0.01")) and v % 1 in (0, Decimal("0.5")) for v in pagu)
    assert 0.9 < sum(v % 1000 == 0 for v in pagu) / len(pagu) < 1
    assert any(v % 1 == Decimal("0.5") for v in pagu)
    for (_, dokumen, _), lines in versions.items():
        assert all(SUB.fullmatch(code) for code in lines)
        if dokumen == MURNI:
            assert 8 <= len(lines) <= 25
        penunjang = {code[:7] for code in lines if code[5:7] == "01"}
        assert len(penunjang) == 1 and 2 <= len({code[:7] for code in lines}) <= 4
    for year in (2023, 2024, 2025):
        dinsos = versions[(year, MURNI, DINSOS)]
        assert any(code.startswith("2.08.02.") for code in dinsos)
        assert any(code.startswith("2.16.") for code in versions[(year, MURNI, KOMINFO)])


def test_perubahan_changes_some_lines_and_removes_none(full) -> None:
    _, files = full
    versions = budgets(files)
    changed = same = added = 0
    for (year, dokumen, nama), amended in versions.items():
        if dokumen != PERUBAHAN:
            continue
        original = versions[(year, MURNI, nama)]
        assert set(original) <= set(amended)
        added += len(set(amended) - set(original))
        for code, value in original.items():
            if amended[code] == value:
                same += 1
                continue
            changed += 1
            ratio = amended[code] / value
            assert Decimal("0.79") < ratio < Decimal("1.21") and abs(ratio - 1) > Decimal(
                "0.045"), (code, value, amended[code])
    assert 0.2 < changed / (changed + same) < 0.4
    assert 3 <= added <= 60


def test_arg_lists(full) -> None:
    out, files = full
    versions = budgets(files)
    tagging: dict[int, set[str]] = defaultdict(set)
    for entry in files:
        if entry.kind != "arg":
            continue
        check_arg_file(out, entry, versions)
        assert 1 <= len(entry.tags) <= 4 and entry.tags[0].nama_skpd not in tagging[entry.tahun]
        tagging[entry.tahun].add(entry.tags[0].nama_skpd)
    assert tagging[2023] <= tagging[2024] <= tagging[2025]
    assert all({DINSOS, KOMINFO} <= pd for pd in tagging.values())
    tags = [t for f in files for t in f.tags]
    blank = sum(t.nilai_arg is None for t in tags) / len(tags)
    assert 0.45 < blank < 0.75
    assert {t.kategori for t in tags} == {1, 2, 3}


def test_arg_flaws(full) -> None:
    _, files = full
    kinds: Counter[str] = Counter()
    for entry in files:
        if entry.kind != "arg":
            continue
        assert len(entry.flaws) <= 1 and 4 * len(entry.flaws) <= len(entry.tags)
        by_row = {t.row: t for t in entry.tags}
        flawed = {f.row for f in entry.flaws}
        for flaw in entry.flaws:
            kinds[flaw.kind] += 1
            tag = by_row[flaw.row]
            assert flaw.column == "KODE SUB KEGIATAN"
            if flaw.kind == "kode_old_format":
                assert SUB_OLD.fullmatch(tag.kode_written) and tag.in_budget
                head, _, last = tag.kode_written.rpartition(".")
                assert tag.kode == f"{head}.00{last}"
            elif flaw.kind == "kode_unknown":
                assert tag.kode == tag.kode_written and not tag.in_budget
            else:
                assert flaw.kind == "kode_malformed" and tag.kode is None and not tag.in_budget
                assert not any(p.fullmatch(tag.kode_written) for p in (SUB, SUB_OLD, SUBTOTAL))
                assert flaw.expected.startswith("rejected")
        for tag in entry.tags:  # rows without a recorded flaw are clean
            if tag.row not in flawed:
                assert tag.in_budget and tag.kode == tag.kode_written
    assert kinds == {"kode_old_format": 8, "kode_unknown": 5, "kode_malformed": 3}


def test_flawed_budget_files(full) -> None:
    out, files = full
    rejected = [f for f in files if f.expect_rejected]
    assert [f.flaws[0].kind for f in rejected] == ["year_mismatch", "pagu_negative"]
    own = {f.lines[0].nama_skpd for f in files if f.layout in ("pd_xlsx", "pd_csv")
           and not f.expect_rejected}
    assert len(own) == 6
    mismatch, negative = rejected
    assert {mismatch.lines[0].nama_skpd, negative.lines[0].nama_skpd}.isdisjoint(own)
    assert mismatch.lines[0].nama_skpd != negative.lines[0].nama_skpd
    assert (mismatch.data_date, mismatch.tahun) == ("2024-11-20", 2024)
    assert Counter(line.tahun for line in mismatch.lines) == {2024: len(mismatch.lines) - 2,
                                                             2023: 2}
    assert {f.row for f in mismatch.flaws} == {ln.row for ln in mismatch.lines if ln.tahun == 2023}
    assert {f.column for f in mismatch.flaws} == {"TAHUN"}
    assert (negative.data_date, negative.tahun) == ("2025-11-05", 2025)
    bad = [line for line in negative.lines if line.pagu.startswith("-")]
    assert [line.pagu for line in bad] == ["-5000000.00"]
    assert [(f.row, f.column) for f in negative.flaws] == [(bad[0].row, "PAGU")]
    assert read_rows(out, negative)[bad[0].row - 1][2] == "-Rp 5.000.000,00"
    # Apart from the flaw, each holds that PD's amended budget of its year.
    versions = budgets(files)
    good = versions[(2024, PERUBAHAN, mismatch.lines[0].nama_skpd)]
    assert {ln.kode: Decimal(ln.pagu) for ln in mismatch.lines} == good
    original = versions[(2025, MURNI, negative.lines[0].nama_skpd)]
    assert set(original) <= {ln.kode for ln in negative.lines}


def test_small_sample_and_manifest(small) -> None:
    out, manifest = small
    names = org_names("small")
    assert len(names) == 8
    versions = budgets(manifest.budget)
    for year in (2023, 2024, 2025):
        assert {k[2] for k in versions if k[:2] == (year, MURNI)} == set(names)
    layouts = Counter(f.layout for f in manifest.budget)
    assert {"apbd_xlsx": 4, "flat_csv": 1, "pd_xlsx": 4, "pd_csv": 1}.items() <= layouts.items()
    assert layouts["arg_xlsx"] + layouts["arg_csv"] == 4 + 5 + 6  # 45, 60 and 75 % of 8 PD
    kinds = {flaw.kind for f in manifest.budget for flaw in f.flaws}
    assert kinds == {"pagu_negative", "year_mismatch", "kode_old_format", "kode_unknown",
                     "kode_malformed"}
    for entry in manifest.budget:
        if entry.kind == "budget":
            check_budget_file(out, entry)
        else:
            check_arg_file(out, entry, versions)
    assert SampleManifest.load(out) == manifest
    assert json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))["budget"]


def test_deterministic_and_other_files_unchanged(small, tmp_path: Path) -> None:
    out, manifest = small
    again = tmp_path / "again"
    assert generate_sample(again, scale="small", months=2, budget=True) == manifest
    plain = tmp_path / "plain"
    without = generate_sample(plain, scale="small", months=2)
    files = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    assert any(p.parts[0] == "budget" for p in files)
    for rel in files:
        assert (again / rel).read_bytes() == (out / rel).read_bytes(), rel
        if rel.parts[0] != "budget" and rel.name != MANIFEST_NAME:
            assert (plain / rel).read_bytes() == (out / rel).read_bytes(), rel
    assert {p.relative_to(plain) for p in plain.rglob("*") if p.is_file()} == {
        p for p in files if p.parts[0] != "budget"}
    assert without.files == manifest.files and without.budget == []
    assert "budget" not in json.loads((plain / MANIFEST_NAME).read_text(encoding="utf-8"))


def test_end_date_leaves_out_later_files(tmp_path: Path) -> None:
    files = write_budget(tmp_path, 7, 7, date(2025, 6, 30), org_names("small"))
    assert max(f.data_date for f in files) <= "2025-06-30"
    assert {f.tahun for f in files} == {2023, 2024, 2025}
    assert not any(f.layout in ("pd_xlsx", "pd_csv") and f.tahun == 2025 for f in files)
    written = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    assert written == {f.path for f in files}
