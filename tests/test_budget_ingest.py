"""Budget exports (RKA/DPA) and ARG lists: amounts, codes, subtotals, totals, years, SKPD and
the routing of the shared ``budget/`` folder. Real XLSX and CSV files."""

from __future__ import annotations

import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from xlsx_helpers import write_csv, write_xlsx

from ingest.extract import FileExtract, extract_file
from ingest.landing import discover, source_for
from ingest.parsers_budget import (
    Problem,
    amount,
    dokumen_name,
    parse_count,
    parse_kategori,
    parse_kode,
    parse_money,
    read_amount,
)
from ingest.sources import SOURCES

DAY = date(2025, 1, 10)
TITLE = [["PEMERINTAH KABUPATEN BENGKAYANG"],
         ["DOKUMEN PELAKSANAAN ANGGARAN (DPA) TAHUN ANGGARAN 2025"], []]
HEADER = ["KODE", "URAIAN", "SUMBER DANA", "PAGU (Rp)"]
DINKES = "1.02.0.00.0.00.01.0000"
DINSOS = "2.08.0.00.0.00.01.0000"


def apbd_rows() -> list[list[object]]:
    """Two SKPD, each with its bidang, program and kegiatan subtotals, and the JUMLAH row."""
    return [
        HEADER, [1, 2, 3, 4],
        [DINKES, "Dinas Kesehatan", None, 300_000_000],
        ["1.02", "Urusan Kesehatan", None, 300_000_000],
        ["1.02.01", "PROGRAM PENUNJANG URUSAN", None, 300_000_000],
        ["1.02.01.2.01", "Perencanaan", None, 300_000_000],
        ["1.02.01.2.01.0001", "Penyusunan Dokumen Perencanaan", "DAU", 100_000_000],
        ["1.02.01.2.01.02", "Koordinasi Penyusunan", "DAU", "Rp 200.000.000,00"],
        [DINSOS, "Dinas Sosial, PP dan PA", None, 50_000_000.5],
        ["2.08", "Pemberdayaan Perempuan", None, 50_000_000.5],
        ["2.08.02", "PROGRAM PUG", None, 50_000_000.5],
        ["2.08.02.2.01", "Pelembagaan PUG", None, 50_000_000.5],
        ["2.08.02.2.01.0001", "Koordinasi PUG", "DAU", 50_000_000.5],
        [None, "JUMLAH", None, 350_000_000.5],
    ]


def _budget(tmp_path: Path, rows: list[list[object]], title: list[list[object]] = TITLE,
            name: str = "apbd.xlsx") -> FileExtract:
    path = write_xlsx(tmp_path / name, {"DPA": [*title, *rows]})
    return extract_file(path, SOURCES["budget"], DAY)


def _rules(fx: FileExtract) -> set[tuple[int, str, str]]:
    return {(int(r.source_row), r.rule, r.severity) for r in fx.issues.itertuples()
            if not pd.isna(r.source_row)}


# --- parsers ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Rp 50.000.000,00", "50000000.00"), ("Rp. 1.250.000", "1250000.00"),
    ("50.000.000", "50000000.00"), ("50,000,000.00", "50000000.00"), ("50000000", "50000000.00"),
    ("1250000.5", "1250000.50"), ("2.500", "2500.00"), ("2.5", "2.50"), ("-Rp 5.000.000,00",
    "-5000000.00"), ("(5.000.000)", "-5000000.00"), ("Rp 5.000,-", "5000.00"),
    ("1,50", "1.50"), ("IDR 12.345,67", "12345.67"), ("1.5E+9", "1500000000.00"),
    ("0", "0.00"),
])
def test_amounts_are_exact(text: str, expected: str) -> None:
    assert amount(text) == Decimal(expected)
    assert str(amount(text)) == expected


@pytest.mark.parametrize("text", ["Rp", "lima juta", "1.2.3", "12,345,67", "1.234,567",
                                  "1234.567", "50.000.00,0", "--5"])
def test_not_amounts(text: str) -> None:
    assert amount(text) is None


def test_count_and_kategori_parsers() -> None:
    counts = parse_count(pd.Series(["12", "1.250", "40 orang", "banyak", None, "3,5"]))
    assert counts.value.tolist()[:3] == ["12", "1250", "40"]
    assert counts.invalid.tolist() == [False, False, False, True, False, True]
    kat = parse_kategori(pd.Series(["1", "II", "Kategori 3", "Kat. 2", "2.0", "Pelembagaan PUG",
                                    "4", None]))
    assert kat.value.tolist()[:6] == ["1", "2", "3", "2", "2", "3"]
    assert kat.invalid.tolist() == [False] * 6 + [True, False]


def test_codes_of_the_hierarchy() -> None:
    kode = parse_kode(pd.Series([
        "2.08.02.2.01.0001", "2.08.02.2.01.01", " 2.08.02.2.01.0001. ", "2.08.02.2.01",
        "2.08.02", "2.08", "2.1", "2", DINKES, "2.08.2.01", "2.08.02.2.O1.0001",
        "2.08.02.3.01.0001", None]))
    assert kode.code.tolist()[:9] == [
        "2.08.02.2.01.0001", "2.08.02.2.01.0001", "2.08.02.2.01.0001", "2.08.02.2.01",
        "2.08.02", "2.08", "2.10", "2", DINKES]
    assert kode.level.tolist()[:9] == [
        "sub_kegiatan", "sub_kegiatan", "sub_kegiatan", "kegiatan", "program",
        "bidang_urusan", "bidang_urusan", "urusan", "skpd"]
    assert kode.old_format.tolist() == [False, True] + [False] * 11
    assert kode.malformed.tolist() == [False] * 9 + [True, True, True, False]


@pytest.mark.parametrize(("title", "expected"), [
    ("DOKUMEN PELAKSANAAN ANGGARAN (DPA) TAHUN ANGGARAN 2024", "DPA Murni"),
    ("DOKUMEN PELAKSANAAN PERUBAHAN ANGGARAN (DPPA) TAHUN 2024", "DPA Perubahan"),
    ("DPPA-SKPD", "DPA Perubahan"), ("RKA-SKPD 2025", "RKA Murni"),
    ("RENCANA KERJA DAN ANGGARAN PERUBAHAN", "RKA Perubahan"), ("DPA Murni", "DPA Murni"),
    ("PEMERINTAH KABUPATEN BENGKAYANG", None),
])
def test_document_names(title: str, expected: str | None) -> None:
    assert dokumen_name(title) == expected


# --- budget files -----------------------------------------------------------------------

def test_apbd_export_loads_lines_and_skips_subtotals(tmp_path: Path) -> None:
    fx = _budget(tmp_path, apbd_rows())
    assert fx.problem is None
    assert fx.rows_read == 3 and fx.rows_rejected == 0
    assert fx.skipped == {"column_numbers": 1, "subtotal rows": 8, "total rows": 1}
    got = fx.accepted_values()
    assert got["kode"].tolist() == ["1.02.01.2.01.0001", "1.02.01.2.01.0002",
                                    "2.08.02.2.01.0001"]
    assert got["pagu"].tolist() == ["100000000.00", "200000000.00", "50000000.50"]
    assert got["kode_skpd"].tolist() == [DINKES, DINKES, DINSOS]
    assert got["nama_skpd"].tolist() == ["Dinas Kesehatan"] * 2 + ["Dinas Sosial, PP dan PA"]
    assert set(got["tahun"]) == {"2025"} and set(got["dokumen"]) == {"DPA Murni"}
    assert (11, "kode_old_format", "info") in _rules(fx)


# Spreadsheet rows of apbd_rows() under TITLE: header 4, numbers 5, Dinkes SKPD 6, bidang 7,
# program 8, kegiatan 9, lines 10-11, Dinsos SKPD 12, bidang 13, program 14, kegiatan 15,
# line 16, JUMLAH 17. Index in apbd_rows() = spreadsheet row - 4.
@pytest.mark.parametrize(("row", "says"), [(9, "row 9 (kegiatan 1.02.01.2.01)"),
                                           (17, "row 17 (total)"),
                                           (12, f"row 12 (SKPD {DINSOS})"),
                                           (13, "row 13 (bidang urusan 2.08)")])
def test_a_subtotal_that_does_not_add_up_rejects_the_file(tmp_path: Path, row: int,
                                                         says: str) -> None:
    rows = apbd_rows()
    rows[row - 4][3] = Decimal(str(rows[row - 4][3])) + 1
    rows[row - 4][3] = float(rows[row - 4][3])
    fx = _budget(tmp_path, rows)
    assert fx.problem is not None and fx.problem.rule == "total_mismatch"
    assert says in fx.problem.message
    assert "but the sub kegiatan lines under it add up to Rp " in fx.problem.message
    assert fx.problem.message.count("row ") == 1


def test_a_line_missing_from_its_subtotals(tmp_path: Path) -> None:
    rows = apbd_rows()
    del rows[7]  # row 11: Dinkes's kegiatan, program, bidang, SKPD and the total disagree
    fx = _budget(tmp_path, rows)
    assert fx.problem is not None
    assert fx.problem.message.count("row ") == 5 and "and 1 more" not in fx.problem.message


def test_rejected_lines(tmp_path: Path) -> None:
    rows = apbd_rows()
    rows[6][3] = "-Rp 100.000.000,00"  # row 10: negative pagu
    rows[7][0] = "1.02.01.2.O1.0002"  # row 11: malformed code
    rows[12][3] = "lima puluh juta"  # row 16: not an amount
    rows.insert(13, ["2.08.02.2.01.0001", "Koordinasi PUG lagi", "DAU", 1])  # row 17
    rows.insert(14, [None, "Belanja lain", None, 5])  # row 18: amount without code
    fx = _budget(tmp_path, rows)
    assert fx.problem is None  # the subtotals are not checked once lines are rejected
    found = _rules(fx)
    assert {(10, "pagu_negative", "reject"), (11, "kode_malformed", "reject"),
            (16, "pagu_invalid", "reject"), (17, "kode_duplicate", "reject"),
            (18, "kode_missing", "reject")} <= found
    assert fx.rows_rejected == 5 and fx.rows_read == 5


def test_year_and_skpd_from_the_title_and_year_mismatch(tmp_path: Path) -> None:
    title = [["DOKUMEN PELAKSANAAN PERUBAHAN ANGGARAN SATUAN KERJA PERANGKAT DAERAH (DPPA-SKPD)"],
             ["TAHUN ANGGARAN 2024"], [f"Organisasi : {DINSOS} Dinas Sosial, PP dan PA"], []]
    rows = [["KODE", "URAIAN", "TAHUN", "PAGU"],
            ["2.08.02", "PROGRAM PUG", None, "Rp 30.000.000,00"],
            ["2.08.02.2.01.0001", "Koordinasi PUG", 2024, "Rp 10.000.000,00"],
            ["2.08.02.2.01.0002", "Advokasi", 2023, "Rp 20.000.000,00"],
            [None, "JUMLAH", None, "Rp 30.000.000,00"]]
    fx = _budget(tmp_path, rows, title, "dppa.xlsx")
    assert fx.problem is None
    assert (8, "year_mismatch", "reject") in _rules(fx)
    good = fx.accepted_values()
    assert good[["kode", "tahun", "kode_skpd", "nama_skpd", "dokumen"]].values.tolist() == [
        ["2.08.02.2.01.0001", "2024", DINSOS, "Dinas Sosial, PP dan PA", "DPA Perubahan"]]


def test_flat_csv_export_with_tahapan_column(tmp_path: Path) -> None:
    rows = [["TAHUN", "KODE SKPD", "NAMA SKPD", "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN",
             "TAHAPAN", "PAGU"],
            [2025, DINKES, "Dinas Kesehatan", "1.02.01.2.01.0001", "Penyusunan", "DPA Murni",
             "1.250.000.000,00"],
            [2025, DINSOS, "Dinas Sosial", "2.08.02.2.01.0001", "Koordinasi", "DPPA",
             "50.000.000,50"],
            [2025, DINSOS, "Dinas Sosial", "2.08.02.2.01.0002", "Advokasi", "APBD", "1"]]
    path = write_csv(tmp_path / "flat.csv", rows, ";", "utf-8-sig")
    fx = extract_file(path, SOURCES["budget"], DAY)
    assert fx.problem is None and fx.rows_read == 3
    assert fx.values["dokumen"].tolist()[:2] == ["DPA Murni", "DPA Perubahan"]
    assert (4, "dokumen_invalid", "reject") in _rules(fx)
    assert fx.values["pagu"].tolist()[:2] == ["1250000000.00", "50000000.50"]
    assert not any(r.rule == "dokumen_assumed" for r in fx.issues.itertuples())
    rows[1][5] = None  # one blank TAHAPAN: that line takes the assumed document
    fx = extract_file(write_csv(tmp_path / "blank.csv", rows, ";", "utf-8-sig"),
                      SOURCES["budget"], DAY)
    assert fx.values["dokumen"].tolist()[:2] == ["DPA Murni", "DPA Perubahan"]
    assert any(r.rule == "dokumen_assumed" for r in fx.issues.itertuples())


def test_no_year_and_no_skpd_anywhere(tmp_path: Path) -> None:
    rows = [["KODE", "URAIAN", "PAGU"], ["2.08.02.2.01.0001", "Koordinasi", 5]]
    fx = _budget(tmp_path, rows, [["RKA"], []])
    assert {(4, "year_missing", "reject"), (4, "skpd_missing", "reject")} <= _rules(fx)


# --- ARG lists --------------------------------------------------------------------------

ARG_TITLE = [["DAFTAR SUB KEGIATAN ANGGARAN RESPONSIF GENDER (ARG)"], ["TAHUN ANGGARAN 2025"],
             ["Perangkat Daerah : Dinas Sosial, PP dan PA"], []]
ARG_HEADER = ["NO", "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN", "KATEGORI ARG", "ISU GENDER",
              "SASARAN LAKI-LAKI", "SASARAN PEREMPUAN", "NILAI ARG (Rp)"]


def _arg(tmp_path: Path, rows: list[list[object]], title: list[list[object]] = ARG_TITLE,
         ) -> FileExtract:
    path = write_xlsx(tmp_path / "arg.xlsx", {"ARG": [*title, ARG_HEADER, *rows]})
    return extract_file(path, SOURCES["arg"], DAY)


def test_arg_list_rules(tmp_path: Path) -> None:
    fx = _arg(tmp_path, [
        [1, "2.08.02.2.01.01", "Koordinasi PUG", "Kategori 3", "Data terpilah belum ada", 10,
         12, None],
        [2, "2.08.02.2.01.0002", "Advokasi", "II", "Kesenjangan", "1.200", "1.500",
         "Rp 10.000.000,00"],
        [3, "2.08.2.01", "Salah kode", "1", "isu", 1, 1, None],
        [4, "2.08.02.2.01", "Kode kegiatan", "1", "isu", 1, 1, None],
        [5, "2.08.02.2.01.0001", "Lagi", "1", "isu", 1, 1, None],
        [6, "2.08.02.2.01.0003", "Tanpa kategori", None, "isu", 1, 1, None],
        [7, "2.08.02.2.01.0004", "Nilai nol", "1", "isu", 1, 1, 0],
        [8, "2.08.02.2.01.0005", "Tanpa isu", "1", None, None, None, "5.000.000"],
        [9, "2.08.02.2.01.0006", "Kategori aneh", "4", "isu", "banyak", 1, None],
    ])
    found = _rules(fx)
    assert {(6, "kode_old_format", "info"), (8, "kode_malformed", "reject"),
            (9, "kode_not_sub_kegiatan", "reject"), (10, "tag_duplicate", "reject"),
            (11, "kategori_missing", "reject"), (12, "nilai_arg_not_positive", "reject"),
            (13, "isu_gender_missing", "warning"), (13, "sasaran_missing", "warning"),
            (14, "kategori_invalid", "reject"), (14, "sasaran_invalid", "warning")} <= found
    good = fx.accepted_values()
    assert good["kode_sub_kegiatan"].tolist() == ["2.08.02.2.01.0001", "2.08.02.2.01.0002",
                                                  "2.08.02.2.01.0005"]
    assert good["kategori_arg"].tolist() == ["3", "2", "1"]
    assert good["sasaran_perempuan"].tolist()[:2] == ["12", "1500"]
    assert good["nilai_arg"].tolist()[1:] == ["10000000.00", "5000000.00"]
    assert set(good["nama_skpd"]) == {"Dinas Sosial, PP dan PA"} and set(good["tahun"]) == {
        "2025"}


def test_arg_list_without_pd(tmp_path: Path) -> None:
    fx = _arg(tmp_path, [[1, "2.08.02.2.01.0001", "x", "1", "isu", 1, 1, None]],
              [["DAFTAR ARG"], ["TAHUN ANGGARAN 2025"], []])
    assert (5, "skpd_missing", "reject") in _rules(fx)


# --- the shared folder ------------------------------------------------------------------

def test_budget_folder_holds_both_kinds(tmp_path: Path) -> None:
    folder = tmp_path / "budget" / "2025-01-10"
    folder.mkdir(parents=True)
    write_xlsx(folder / "apbd.xlsx", {"DPA": [*TITLE, *apbd_rows()]})
    write_xlsx(folder / "gbs dinsos.xlsx", {"ARG": [*ARG_TITLE, ARG_HEADER,
                                                    [1, "2.08.02.2.01.0001", "x", 1, "i", 1, 1]]})
    write_csv(folder / "arg rekap.csv", [["KODE SUB KEGIATAN", "KATEGORI", "PERANGKAT DAERAH"],
                                         ["2.08.02.2.01.0001", "2", "Dinas Sosial"]])
    (folder / "notes.xlsx").write_bytes(b"not a workbook")
    batches, problems = discover(tmp_path, ["budget", "arg"])
    assert not problems
    assert [(b.source, [p.name for p in b.files]) for b in batches] == [
        ("budget", ["apbd.xlsx", "notes.xlsx"]), ("arg", ["arg rekap.csv", "gbs dinsos.xlsx"])]
    only_arg, _ = discover(tmp_path, ["arg"])
    assert [b.source for b in only_arg] == ["arg"]
    assert source_for(folder / "gbs dinsos.xlsx", "budget") == "arg"
    assert source_for(folder / "apbd.xlsx", "budget") == "budget"
    assert source_for(folder / "apbd.xlsx", "arg") == "arg"  # asked for explicitly


# --- amounts as people write them -------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("2337873999.9900002", "2337873999.99"),  # a SUM formula's binary noise
    ("1249999.9999999998", "1250000.00"),
    ("0.30000000000000004", "0.30"),
    ("5.0000000001E7", "50000000.00"),  # a part in 10^10 of the amount: display rounding
    ("50000000.000", "50000000.00"),
    ("-1249999.9999999998", "-1250000.00"),
    ("-0.0000001", "0.00"),  # never "-0.00"
])
def test_float_noise_of_formulas_is_rounded_to_the_sen(text: str, expected: str) -> None:
    assert str(amount(text)) == expected


@pytest.mark.parametrize(("text", "problem"), [
    ("1250000.125", Problem.DECIMALS),  # a third decimal someone could mean
    ("1234.567", Problem.DECIMALS),
    ("12.3456", Problem.DECIMALS),  # 0.0044 off the sen: more than a hundredth of a sen
    ("1e+308", Problem.TOO_LARGE),  # what str() makes of a float cell of 1E308
    ("10000000000000000", Problem.TOO_LARGE),
    ("nan", Problem.NOT_AMOUNT), ("NaN", Problem.NOT_AMOUNT), ("inf", Problem.NOT_AMOUNT),
    ("1E+99999", Problem.NOT_AMOUNT),
])
def test_not_amounts_say_why(text: str, problem: Problem) -> None:
    assert read_amount(text) == (None, problem)


@pytest.mark.parametrize("text", ["-", "- ", " - ", "Rp -", "Rp. -", "RP-", "IDR -", "–",
                                  "Rp 0,-", "Rp0"])
def test_a_dash_is_zero(text: str) -> None:
    assert str(amount(text)) == "0.00"


def test_money_columns_keep_blank_blank_and_every_bad_cell_a_cell_problem() -> None:
    cells = pd.Series(["-", "Rp -", None, "", "  ", float("nan"), 1e308, float("inf"), "nan",
                       2337873999.9900002, "1250000.125"], dtype=object)
    parsed = parse_money(cells)
    assert parsed.value.tolist()[:2] == ["0.00", "0.00"]
    assert parsed.value.isna().tolist()[2:9] == [True] * 7
    assert parsed.value.tolist()[9] == "2337873999.99"
    assert parsed.invalid.tolist() == [False, False, False, False, False, False, True, True,
                                       True, False, True]


def _with_excel_precision(path: Path, exact: dict[str, str]) -> Path:
    """Excel stores a formula's result with 17 significant digits (``2337873999.9900002``);
    openpyxl writes 15 (``2337873999.99``): put the stored digits back into the sheet XML."""
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    for name, data in parts.items():
        if name.startswith("xl/worksheets/"):
            xml = data.decode()
            for short, full in exact.items():
                xml = xml.replace(f"<v>{short}</v>", f"<v>{full}</v>")
            parts[name] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return path


NOISE = {"2337873999.99": "2337873999.9900002", "1250000": "1249999.9999999998",
         "2337873999.98": "2337873999.9800002"}


def _noisy_budget(tmp_path: Path, kegiatan: float = 2337873999.99) -> FileExtract:
    """One SKPD whose subtotals and one line come from formulas with binary noise."""
    total = 2337873999.99
    rows = [
        HEADER,
        [DINSOS, "Dinas Sosial, PP dan PA", None, total],
        ["2.08", "Pemberdayaan Perempuan", None, total],
        ["2.08.02", "PROGRAM PUG", None, total],
        ["2.08.02.2.01", "Pelembagaan PUG", None, kegiatan],
        ["2.08.02.2.01.0001", "Koordinasi PUG", "DAU", 1250000],
        ["2.08.02.2.01.0002", "Advokasi", "DAU", 2336623999.99],
        ["2.08.02.2.01.0003", "Sosialisasi", "DAU", "Rp -"],
        ["2.08.02.2.01.0004", "Pendampingan", "DAU", "-"],
        [None, "Sub kegiatan baru (belum dianggarkan)", None, "-"],  # a heading with a dash
        [None, "JUMLAH", None, total],
    ]
    path = write_xlsx(tmp_path / "noisy.xlsx", {"DPA": [*TITLE, *rows]})
    return extract_file(_with_excel_precision(path, NOISE), SOURCES["budget"], DAY)


def test_subtotals_with_float_noise_are_reconciled_to_the_sen(tmp_path: Path) -> None:
    fx = _noisy_budget(tmp_path)
    assert fx.problem is None and fx.rows_rejected == 0
    assert fx.values["pagu"].tolist() == ["1250000.00", "2336623999.99", "0.00", "0.00"]
    assert fx.skipped.get("heading rows") == 1


def test_float_noise_does_not_hide_a_real_difference(tmp_path: Path) -> None:
    fx = _noisy_budget(tmp_path, kegiatan=2337873999.98)
    assert fx.problem is not None and fx.problem.rule == "total_mismatch"
    assert "row 8 (kegiatan 2.08.02.2.01) says Rp 2.337.873.999,98" in fx.problem.message


def test_amounts_not_understood_are_rejected_cell_by_cell(tmp_path: Path) -> None:
    rows = [["KODE", "URAIAN", "PAGU (Rp)"],
            ["2.08.02.2.01.0001", "Koordinasi", None],  # row 5: blank
            ["2.08.02.2.01.0002", "Advokasi", "1250000.125"],  # row 6: a third decimal
            ["2.08.02.2.01.0003", "Sosialisasi", 1e308],  # row 7: no budget is that large
            ["2.08.02.2.01.0004", "Pendampingan", "nan"],  # row 8
            ["2.08.02.2.01.0005", "Pelatihan", "-"]]  # row 9: a dash is Rp 0
    fx = _budget(tmp_path, rows, [["DPA TAHUN ANGGARAN 2025"],
                                  [f"Organisasi : {DINSOS} Dinas Sosial"], []])
    assert fx.problem is None
    issues = fx.issues.set_index("source_row")
    assert {(5, "pagu_missing"), (6, "pagu_invalid"), (7, "pagu_invalid"),
            (8, "pagu_invalid")} == {(int(r), rule) for r, rule in issues["rule"].items()}
    assert "at most 2 decimals" in issues.loc[6, "message"]
    assert "larger than any budget" in issues.loc[7, "message"]
    assert "not an amount" in issues.loc[8, "message"]
    assert fx.accepted_values()["pagu"].tolist() == ["0.00"]


def test_a_dash_as_arg_amount_is_the_whole_sub_kegiatan(tmp_path: Path) -> None:
    fx = _arg(tmp_path, [
        [1, "2.08.02.2.01.0001", "Koordinasi PUG", "3", "isu", 1, 1, "-"],
        [2, "2.08.02.2.01.0002", "Advokasi", "2", "isu", 1, 1, "Rp -"],
        [3, "2.08.02.2.01.0003", "Sosialisasi", "2", "isu", 1, 1, "Rp 0,-"],  # a written 0
        [4, "2.08.02.2.01.0004", "Pendampingan", "2", "isu", 1, 1, 2337873999.9900002],
    ])
    found = _rules(fx)
    assert {(6, "nilai_arg_dash", "info"), (7, "nilai_arg_dash", "info"),
            (8, "nilai_arg_not_positive", "reject")} <= found
    assert not any(rule == "nilai_arg_dash" for row, rule, _ in found if row in (8, 9))
    good = fx.accepted_values()
    assert good["nilai_arg"].isna().tolist()[:2] == [True, True]
    assert good["nilai_arg"].tolist()[2] == "2337873999.99"
