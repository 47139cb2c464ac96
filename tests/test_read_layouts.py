"""Reading the layouts agencies really make: qualified headers, two- and three-row headers with
merged group headings (SIPD prints, L | P attendance columns), SEBELUM/SETELAH PERUBAHAN
pairs, column-number rows, merged cells down a grouping column, total rows anywhere,
signature blocks, and the sheet chosen by its content. Real XLSX files with real merged
cells (openpyxl), and CSV files."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from xlsx_helpers import write_csv

from ingest.extract import extract_file
from ingest.read import FileProblem, header_fit, header_fit_detail, read_table
from ingest.sources import SOURCES
from ingest.spec import normalise_header

BUDGET, ARG, TRAINING, LITERACY = (SOURCES[n] for n in ("budget", "arg", "training",
                                                         "literacy"))
Rows = Sequence[Sequence[Any]]
SIGNER_NIP = "19700512 199503 2 004"


def write_book(path: Path, sheets: dict[str, tuple[Rows, Sequence[str]]]) -> Path:
    """One worksheet per entry: its rows (``""`` or None: an empty cell) and merged ranges
    ("A6:A7"), merged after writing, as Excel keeps only the top-left value."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, (rows, merges) in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append([None if cell == "" else cell for cell in row])
        for cells in merges:
            sheet.merge_cells(cells)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


# --- header texts -------------------------------------------------------------------------

@pytest.mark.parametrize(("written", "tolerant", "qualified"), [
    ("JENIS KELAMIN (L/P)", "JENIS KELAMIN", "JENIS KELAMIN L P"),
    ("KATEGORI ARG (1/2/3)", "KATEGORI ARG", "KATEGORI ARG 1 2 3"),
    ("PAGU (Rp)", "PAGU", "PAGU RP"),
    ("NILAI (Rp.)", "NILAI", "NILAI RP"),
    ("TANGGAL LAHIR (DD-MM-YYYY)", "TANGGAL LAHIR", "TANGGAL LAHIR DD MM YYYY"),
    ("UMUR (TAHUN)", "UMUR", "UMUR TAHUN"),
    ("JENIS\nKELAMIN", "JENIS KELAMIN", "JENIS KELAMIN"),
    ("L / P", "L P", "L P"),
    ("Pagu Rp", "PAGU", "PAGU RP"),
    ("PAGU (Rp", "PAGU", "PAGU RP"),  # the closing bracket forgotten
    ("(Rp)", "RP", "RP"),  # nothing but the qualifier: kept
    ("SASARAN (LAKI-LAKI)", "SASARAN", "SASARAN LAKI LAKI"),
])
def test_header_qualifiers(written: str, tolerant: str, qualified: str) -> None:
    assert normalise_header(written) == tolerant
    assert normalise_header(written, qualifiers=True) == qualified


def test_qualified_headers_map_and_keep_their_text(tmp_path: Path) -> None:
    header = ["NO", "NAMA", "NIK", "JENIS\nKELAMIN", "TANGGAL LAHIR (DD-MM-YYYY)",
              "UMUR (TAHUN)", "DESA", "KECAMATAN", "NO. HP (WA)"]
    rows = [["DAFTAR PESERTA LITERASI DIGITAL"], [], header,
            [1, "Siti Aminah", "6107015201850001", "P", "12-01-1985", 40, "Ledo", "Ledo",
             "0812"]]
    table = read_table(write_book(tmp_path / "p.xlsx", {"Peserta": (rows, [])}), LITERACY)
    assert table.headers["jenis_kelamin"] == "JENIS\nKELAMIN"  # as written, shown to senders
    assert table.headers["tanggal_lahir"] == "TANGGAL LAHIR (DD-MM-YYYY)"
    assert table.headers["umur"] == "UMUR (TAHUN)"
    assert table.headers["nomor_hp"] == "NO. HP (WA)"
    assert table.frame[["jenis_kelamin", "umur"]].values.tolist() == [["P", "40"]]
    assert table.unmapped == ["NO"]


def test_brackets_that_carry_the_distinction_are_read(tmp_path: Path) -> None:
    header = ["KODE SUB KEGIATAN", "KATEGORI ARG (1/2/3)", "SASARAN (LAKI-LAKI)",
              "SASARAN (PEREMPUAN)", "NILAI ARG (Rp.)"]
    rows = [header, ["2.08.02.2.01.0001", 3, 10, 12, 5000]]
    table = read_table(write_csv(tmp_path / "arg.csv", rows, ";", "utf-8"), ARG)
    assert table.headers["sasaran_laki_laki"] == "SASARAN (LAKI-LAKI)"
    assert table.headers["sasaran_perempuan"] == "SASARAN (PEREMPUAN)"
    assert table.frame[["kategori_arg", "sasaran_laki_laki", "sasaran_perempuan",
                        "nilai_arg"]].values.tolist() == [["3", "10", "12", "5000"]]


# --- SIPD prints: two-row headers, amendment pairs -----------------------------------------

DINSOS = "2.08.0.00.0.00.01.0000"
DPPA_TITLE = [["PEMERINTAH KABUPATEN BENGKAYANG"],
              ["DOKUMEN PELAKSANAAN PERUBAHAN ANGGARAN (DPPA) SKPD"], ["TAHUN ANGGARAN 2025"],
              [f"Organisasi : {DINSOS} Dinas Sosial, PP dan PA"], []]


def sipd_rows() -> list[list[object]]:
    """Rows 6-7 the header (JUMLAH (Rp) over SEBELUM | SETELAH | BERTAMBAH/BERKURANG), row 8
    column numbers, rows 9-12 the lines, row 13 JUMLAH, a signature block under the amounts."""
    return [
        *DPPA_TITLE,
        ["KODE", "URAIAN", "JUMLAH (Rp)", "", ""],
        ["", "", "SEBELUM PERUBAHAN", "SETELAH PERUBAHAN", "BERTAMBAH/BERKURANG"],
        ["1", "2", "3", "4", "5=4-3"],
        ["2.08.02", "PROGRAM PUG", 300_000_000, 350_000_000, 50_000_000],
        ["2.08.02.2.01", "Pelembagaan PUG", 300_000_000, 350_000_000, 50_000_000],
        ["2.08.02.2.01.0001", "Koordinasi PUG", 100_000_000, 120_000_000, 20_000_000],
        ["2.08.02.2.01.0002", "Advokasi", 200_000_000, 230_000_000, 30_000_000],
        ["JUMLAH", "", 300_000_000, 350_000_000, 50_000_000],
        [],
        ["", "", "", "Bengkayang, 20 Mei 2025"],
        ["", "", "", "Kepala Dinas Sosial, PP dan PA"],
        [], [],
        ["", "", "", "Dra. Maria Goreti"],
        ["", "", "", f"NIP. {SIGNER_NIP}"],
    ]


SIPD_MERGES = ["A6:A7", "B6:B7", "C6:E6", "A13:B13"]


def test_sipd_two_row_header_with_sebelum_setelah(tmp_path: Path) -> None:
    path = write_book(tmp_path / "dppa.xlsx", {"DPPA": (sipd_rows(), SIPD_MERGES)})
    table = read_table(path, BUDGET)
    assert table.header_row == 7
    assert table.headers["pagu"] == "JUMLAH (Rp) / SETELAH PERUBAHAN"
    assert table.headers["pagu_sebelum"] == "JUMLAH (Rp) / SEBELUM PERUBAHAN"
    assert table.unmapped == ["JUMLAH (Rp) / BERTAMBAH/BERKURANG"]
    frame = table.frame
    assert frame["_source_row"].tolist() == [9, 10, 11, 12, 13]
    assert frame["pagu"].tolist() == ["350000000", "350000000", "120000000", "230000000",
                                      "350000000"]
    assert frame["pagu_sebelum"].tolist()[2:4] == ["100000000", "200000000"]
    # JUMLAH merged over KODE:URAIAN is a total row, not a code
    assert frame["_is_total"].tolist() == [False] * 4 + [True]
    assert frame["kode"].iloc[4] == ""
    assert table.skipped_rows == {"blank": 1, "column_numbers": 1, "signature_block": 6}
    assert table.layout[:3] == ["two-row header (rows 6-7)",
                                "SEBELUM/SETELAH PERUBAHAN: SETELAH counted",
                                "column-number row 8"]
    assert "signature block from row 15" in table.layout
    assert any("KODE" in note and "row 13" in note for note in table.layout)
    assert table.preamble[1] == "DOKUMEN PELAKSANAAN PERUBAHAN ANGGARAN (DPPA) SKPD"

    fx = extract_file(path, BUDGET, date(2025, 6, 2))
    assert fx.problem is None, fx.problem
    assert (fx.rows_read, fx.rows_rejected) == (2, 0)
    got = fx.accepted_values()
    assert got["pagu"].tolist() == ["120000000.00", "230000000.00"]
    assert got["pagu_sebelum"].tolist() == ["100000000.00", "200000000.00"]
    assert set(got["kode_skpd"]) == {DINSOS}
    assert not set(fx.issues["rule"]) & {"kode_malformed", "kode_missing"}


def test_sipd_two_row_header_in_a_csv(tmp_path: Path) -> None:
    rows = sipd_rows()
    rows[7] = ["(1)", "(2)", "(3)", "(4)", "(5)"]
    rows[12] = ["JUMLAH", "", 300_000_000, 350_000_000, 50_000_000]
    table = read_table(write_csv(tmp_path / "dppa.csv", rows, ";", "cp1252"), BUDGET)
    assert (table.header_row, table.delimiter) == (7, ";")
    assert table.headers["pagu"] == "JUMLAH (Rp) / SETELAH PERUBAHAN"
    assert table.frame["pagu"].tolist()[2:4] == ["120000000", "230000000"]
    assert table.skipped_rows["column_numbers"] == 1
    assert "column-number row 8" in table.layout


def rincian_rows() -> list[list[object]]:
    """A DPPA rincian print: three header rows (SEBELUM / SETELAH PERUBAHAN over Rincian
    Perhitungan (Koefisien, Satuan, Harga) and Jumlah, BERTAMBAH/(BERKURANG) over (Rp) and
    %), then column numbers with formulas."""
    return [
        ["DOKUMEN PELAKSANAAN PERUBAHAN ANGGARAN SATUAN KERJA PERANGKAT DAERAH"],
        ["TAHUN ANGGARAN 2025"], [],
        ["Kode Rekening", "Uraian", "Sebelum Perubahan", "", "", "", "Setelah Perubahan", "",
         "", "", "Bertambah/(Berkurang)", ""],
        ["", "", "Rincian Perhitungan", "", "", "Jumlah", "Rincian Perhitungan", "", "",
         "Jumlah", "(Rp)", "%"],
        ["", "", "Koefisien", "Satuan", "Harga", "", "Koefisien", "Satuan", "Harga", "", "",
         ""],
        ["1", "2", "3", "4", "5", "6=3x5", "7", "8", "9", "10 = 7 x 9", "11", "12"],
        ["2.08.02.2.01.0001", "Koordinasi PUG", 2, "Kegiatan", 50, 100, 3, "Kegiatan", 50,
         150, 50, "50"],
    ]


RINCIAN_MERGES = ["A4:A6", "B4:B6", "C4:F4", "G4:J4", "K4:L4", "C5:E5", "G5:I5", "F5:F6",
                  "J5:J6", "K5:K6", "L5:L6"]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_three_row_header_of_a_dppa_rincian(tmp_path: Path, kind: str) -> None:
    if kind == "xlsx":
        path = write_book(tmp_path / "r.xlsx", {"Rincian": (rincian_rows(), RINCIAN_MERGES)})
    else:  # no merges: the group headings stand over blank cells
        path = write_csv(tmp_path / "r.csv", rincian_rows(), ",", "utf-8")
    table = read_table(path, BUDGET)
    assert table.header_row == 6
    assert table.headers["kode"] == "Kode Rekening"
    assert table.headers["pagu"] == "Setelah Perubahan / Jumlah"
    assert table.headers["pagu_sebelum"] == "Sebelum Perubahan / Jumlah"
    assert table.frame[["kode", "pagu", "pagu_sebelum"]].values.tolist() == [
        ["2.08.02.2.01.0001", "150", "100"]]
    assert "Setelah Perubahan / Rincian Perhitungan / Koefisien" in table.unmapped
    assert "Bertambah/(Berkurang) / %" in table.unmapped
    assert table.layout[:3] == ["three-row header (rows 4-6)",
                                "SEBELUM/SETELAH PERUBAHAN: SETELAH counted",
                                "column-number row 7"]


def test_murni_and_perubahan_side_by_side(tmp_path: Path) -> None:
    rows = [["KODE", "URAIAN", "APBD MURNI", "APBD PERUBAHAN", "SELISIH"],
            ["2.08.02.2.01.0001", "Koordinasi", "100.000", "150.000", "50.000"]]
    table = read_table(write_csv(tmp_path / "p.csv", rows, ";", "utf-8"), BUDGET)
    assert (table.headers["pagu"], table.headers["pagu_sebelum"]) == ("APBD PERUBAHAN",
                                                                      "APBD MURNI")
    assert table.unmapped == ["SELISIH"]
    assert table.frame["pagu"].tolist() == ["150.000"]


def test_an_amount_before_the_amendment_alone_is_no_pagu(tmp_path: Path) -> None:
    rows = [["KODE", "URAIAN", "PAGU SEBELUM PERUBAHAN"], ["2.08.02.2.01.0001", "x", "100"]]
    with pytest.raises(FileProblem) as caught:
        read_table(write_csv(tmp_path / "p.csv", rows, ";", "utf-8"), BUDGET)
    assert caught.value.rule == "required_column_missing"
    assert "pagu (headed e.g." in caught.value.message


def test_a_plain_one_row_budget_says_nothing_about_amendments(tmp_path: Path) -> None:
    rows = [["KODE", "URAIAN", "SUMBER DANA", "PAGU (Rp)"],
            ["2.08.02.2.01.0001", "Koordinasi", "DAU", 100]]
    table = read_table(write_book(tmp_path / "p.xlsx", {"DPA": (rows, [])}), BUDGET)
    assert table.headers["pagu"] == "PAGU (Rp)" and "pagu_sebelum" not in table.headers
    assert table.layout == []
    assert table.unmapped == ["SUMBER DANA"]


# --- attendance lists: L | P columns and signature blocks -----------------------------------

def attendance_rows() -> list[list[object]]:
    """Title rows 1-3; header rows 5-6 (JENIS KELAMIN merged over L | P, the other headings
    merged down); column numbers row 7; participants rows 8-11; a signature block from 13."""
    return [
        ["DAFTAR HADIR"], ["PELATIHAN PERENCANAAN DAN PENGANGGARAN RESPONSIF GENDER (PPRG)"],
        ["Bengkayang, 12-14 Maret 2025"], [],
        ["NO", "NAMA", "NIP", "JABATAN", "JENIS KELAMIN", "", "TANDA TANGAN"],
        ["", "", "", "", "L", "P", ""],
        [1, 2, 3, 4, 5, 6, 7],
        [1, "Budi Santoso", "19680411 199303 1 009", "Kepala Bidang", "X", "", "1."],
        [2, "Sari Dewi", "19850112 201001 2 003", "Analis Kebijakan", "", "V", "2."],
        [3, "Andi Wijaya", "-", "Kepala Desa", 1, "", "3."],
        [4, "Rina Kartika", "-", "Staf Desa", "", "✓", "4."],
        [],
        ["", "Mengetahui,", "", "", "Bengkayang, 14 Maret 2025"],
        ["", "Kepala BKPSDM", "", "", "Ketua Panitia"],
        [], [],
        ["", "Dra. Maria Goreti", "", "", "Yohanes"],
        ["", f"NIP. {SIGNER_NIP}", "", "", "NIP. 19750101 200003 1 002"],
    ]


ATTENDANCE_MERGES = ["A1:G1", "A5:A6", "B5:B6", "C5:C6", "D5:D6", "E5:F5", "G5:G6"]


def test_sex_from_marks_under_a_merged_heading(tmp_path: Path) -> None:
    path = write_book(tmp_path / "hadir.xlsx",
                      {"Daftar Hadir": (attendance_rows(), ATTENDANCE_MERGES)})
    table = read_table(path, TRAINING)
    assert table.header_row == 6
    assert table.frame["nama"].tolist() == ["Budi Santoso", "Sari Dewi", "Andi Wijaya",
                                            "Rina Kartika"]
    assert table.frame["jenis_kelamin"].tolist() == ["L", "P", "L", "P"]
    assert table.headers["jenis_kelamin"] == "JENIS KELAMIN / L, P"
    assert table.unmapped == ["NO", "TANDA TANGAN"]
    assert table.skipped_rows == {"blank": 1, "column_numbers": 1, "signature_block": 6}
    assert table.layout == ["two-row header (rows 5-6)",
                            "sex from marks in two columns: JENIS KELAMIN / L, P",
                            "column-number row 7", "signature block from row 13"]
    assert table.preamble[:2] == ["DAFTAR HADIR", "PELATIHAN PERENCANAAN DAN PENGANGGARAN "
                                  "RESPONSIF GENDER (PPRG)"]

    fx = extract_file(path, TRAINING, date(2025, 3, 14))
    assert fx.problem is None, fx.problem
    assert (fx.rows_read, fx.rows_rejected) == (4, 0)
    shown = " ".join(fx.issues["value"].astype(str)) + " ".join(fx.issues["message"])
    assert SIGNER_NIP.replace(" ", "")[-6:] not in shown.replace(" ", "")
    assert "19750101" not in shown


def test_l_and_p_columns_without_a_heading_and_marks_in_both(tmp_path: Path) -> None:
    rows = [["SOSIALISASI PUG BAGI APARATUR DESA"], ["Bengkayang, 5 Mei 2025"], [],
            ["NO", "NAMA", "NIP", "L", "P", "UNIT KERJA"],
            [1, "Siti", "", "", "1", "Desa Sebalo"], [2, "Budi", "", "1", "", "Desa Sebalo"],
            [3, "Tono", "", "1", "1", "Desa Sebalo"], [4, "Wati", "", "0", "1", "Desa Sebalo"]]
    path = write_csv(tmp_path / "lp.csv", rows, ";", "utf-8")
    table = read_table(path, TRAINING)
    assert table.headers["jenis_kelamin"] == "L, P"
    assert table.frame["jenis_kelamin"].tolist() == ["P", "L", "L dan P", "P"]
    fx = extract_file(path, TRAINING, date(2025, 5, 5))
    flagged = fx.issues[fx.issues["rule"] == "sex_invalid"]
    assert flagged["source_row"].tolist() == [7]  # both marked: reported, not guessed
    assert flagged["column"].tolist() == ["L, P"]


def test_signature_under_a_code_column_with_names_in_two_columns(tmp_path: Path) -> None:
    # the signers' names sit under KODE and PAGU: neither is a budget line
    rows = [["RENCANA KERJA DAN ANGGARAN (RKA) SKPD"], ["TAHUN ANGGARAN 2025"],
            [f"Organisasi : {DINSOS} Dinas Sosial"], [],
            ["KODE", "URAIAN", "PAGU"],
            ["2.08.02.2.01.0001", "Koordinasi PUG", 100], ["2.08.02.2.01.0002", "Advokasi", 50],
            [None, "JUMLAH", 150], [],
            ["Mengetahui,", "", "Bengkayang, 2 Januari 2025"],
            ["Sekretaris Daerah", "", "Kepala Dinas"], [],
            ["Drs. Yakobus", "", "Maria"], [f"NIP. {SIGNER_NIP}", "", "NIP. 19750101 200003"]]
    path = write_book(tmp_path / "rka.xlsx", {"RKA": (rows, [])})
    table = read_table(path, BUDGET)
    assert table.frame["_source_row"].tolist() == [6, 7, 8]
    assert table.skipped_rows == {"blank": 1, "signature_block": 5}
    fx = extract_file(path, BUDGET, date(2025, 1, 10))
    assert fx.problem is None and fx.rows_read == 2 and fx.rows_rejected == 0


def test_a_table_of_signers_after_the_total_is_no_data(tmp_path: Path) -> None:
    # SIPD RKA prints end with the TAPD: a numbered list of names, NIPs and posts
    rows = [["KODE", "URAIAN", "PAGU"], ["2.08.02.2.01.0001", "Koordinasi PUG", 100],
            ["", "JUMLAH", 100], [], ["Tim Anggaran Pemerintah Daerah:"],
            ["1", "Drs. Yakobus", f"{SIGNER_NIP}"], ["2", "Maria, S.E.", "19750101 200003"]]
    table = read_table(write_csv(tmp_path / "rka.csv", rows, ";", "utf-8"), BUDGET)
    assert table.frame["_source_row"].tolist() == [2, 3]
    assert table.skipped_rows == {"blank": 1, "signature_block": 3}


# --- merged cells down a grouping column ------------------------------------------------------

def test_arg_list_with_perangkat_daerah_merged_down(tmp_path: Path) -> None:
    rows = [["DAFTAR SUB KEGIATAN ANGGARAN RESPONSIF GENDER"], ["TAHUN ANGGARAN 2025"], [],
            ["NO", "PERANGKAT DAERAH", "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN",
             "KATEGORI ARG (1/2/3)", "ISU GENDER", "PAGU (Rp)"],
            [1, "Dinas Sosial, PP dan PA", "2.08.02.2.01.0001", "Koordinasi PUG", 3,
             "Data terpilah belum ada", 100],
            [2, "", "2.08.02.2.01.0002", "Advokasi", 2, "Kesenjangan", 200],
            [3, "Dinas Kesehatan", "1.02.02.2.01.0001", "Pelayanan ibu hamil", 1, "AKI", 300],
            [4, "", "1.02.02.2.01.0002", "Gizi balita", 1, "Stunting", 300],
            [5, "", "1.02.02.2.01.0003", "Posyandu", 1, "Akses", 300],
            ["JUMLAH", "", "", "", "", "", 1200]]
    path = write_book(tmp_path / "arg.xlsx", {"ARG": (rows, ["B5:B6", "B7:B9", "A10:F10"])})
    table = read_table(path, ARG)
    assert table.frame["nama_skpd"].tolist() == ["Dinas Sosial, PP dan PA"] * 2 + [
        "Dinas Kesehatan"] * 3
    assert "merged PERANGKAT DAERAH filled down" in table.layout
    assert "total row 10 ends the table" in table.layout
    assert table.headers["kategori_arg"] == "KATEGORI ARG (1/2/3)"
    fx = extract_file(path, ARG, date(2025, 1, 10))
    assert fx.problem is None
    assert "skpd_missing" not in set(fx.issues["rule"])
    assert fx.rows_read == 5 and fx.rows_rejected == 0


def test_apbd_export_with_skpd_merged_and_a_heading_row(tmp_path: Path) -> None:
    rows = [["PENJABARAN APBD TAHUN ANGGARAN 2025"], [],
            ["NAMA SKPD", "KODE", "URAIAN", "PAGU"],
            ["", "URUSAN PEMERINTAHAN WAJIB", "", ""],  # a heading merged over KODE:URAIAN
            ["Dinas Sosial", "2.08.02.2.01.0001", "Koordinasi PUG", 100],
            ["", "2.08.02.2.01.0002", "Advokasi", 50],
            ["Dinas Kominfo", "2.16.02.2.01.0001", "Literasi digital", 70]]
    path = write_book(tmp_path / "apbd.xlsx", {"APBD": (rows, ["A5:A6", "B4:C4"])})
    table = read_table(path, BUDGET)
    assert table.frame["nama_skpd"].tolist() == ["Dinas Sosial", "Dinas Sosial",
                                                 "Dinas Kominfo"]
    assert table.skipped_rows == {"heading_rows": 1}
    assert "merged NAMA SKPD filled down" in table.layout
    assert "headings merged across columns: row 4" in table.layout


# --- totals, column numbers, blank columns ------------------------------------------------------

@pytest.mark.parametrize("numbers", [["1", "2", "3", "4", "5"], ["(1)", "(2)", "(3)", "(4)", "(5)"],
                                     ["1", "2", "3", "4", "5=3x4"]])
def test_column_number_rows(tmp_path: Path, numbers: list[str]) -> None:
    rows = [["KODE", "URAIAN", "VOLUME", "HARGA", "PAGU"], numbers,
            ["2.08.02.2.01.0001", "Koordinasi", 2, 50, 100]]
    table = read_table(write_csv(tmp_path / "n.csv", rows, ";", "utf-8"), BUDGET)
    assert table.frame["_source_row"].tolist() == [3]
    assert table.skipped_rows == {"column_numbers": 1}
    assert table.layout == ["column-number row 2"]


def test_subtotals_between_groups_and_totals_in_any_column(tmp_path: Path) -> None:
    rows = [["PELATIHAN PPRG"], [],
            ["NO", "NAMA", "NIP", "L/P", "UNIT KERJA", "KETERANGAN"],
            [1, "Budi", "19680411 199303 1 009", "L", "Bappeda", ""],
            ["", "", "", "", "", "SUB TOTAL 1"],  # a total in an unmapped-looking column
            [2, "Sari", "19850112 201001 2 003", "P", "Dinsos", ""],
            ["JUMLAH TOTAL", "", "", "", "", ""]]
    path = write_book(tmp_path / "t.xlsx", {"Hadir": (rows, ["A7:E7"])})
    table = read_table(path, TRAINING)
    assert table.frame["nama"].tolist() == ["Budi", "Sari"]
    assert table.skipped_rows == {"total_rows": 1, "total_row_and_below": 1}
    assert "total row 5 skipped" in table.layout
    assert "total row 7 ends the table" in table.layout


def test_unused_columns_are_the_filled_ones(tmp_path: Path) -> None:
    rows = [["NAMA", "NIP", "", "L/P", "TANDA TANGAN", ""],
            ["Budi", "19680411 199303 1 009", "", "L", "", "catatan"],
            ["Sari", "19850112 201001 2 003", "", "P", "", ""]]
    table = read_table(write_book(tmp_path / "u.xlsx", {"S": (rows, [])}), TRAINING)
    # a blank column without header is not listed; a headless one with values is
    assert table.unmapped == ["TANDA TANGAN", "column F (no header)"]


def test_a_header_cell_with_a_line_break_in_a_csv(tmp_path: Path) -> None:
    rows = [["DAFTAR PESERTA"], ["NAMA", "JENIS\nKELAMIN", "KECAMATAN"],
            ["Siti", "P", "Ledo"], ["Budi", "L", "Seluas"]]
    table = read_table(write_csv(tmp_path / "b.csv", rows, ";", "utf-8"), LITERACY)
    assert table.header_row == 2  # the spreadsheet row, not the text line
    assert table.headers["jenis_kelamin"] == "JENIS\nKELAMIN"
    assert table.frame["_source_row"].tolist() == [3, 4]


def test_a_neutral_group_heading_over_columns(tmp_path: Path) -> None:
    rows = [["DAFTAR PESERTA KELAS LITERASI DIGITAL"], [],
            ["NO", "IDENTITAS PESERTA", "", "", "ALAMAT", ""],
            ["", "NAMA", "NIK", "JENIS KELAMIN (L/P)", "DESA", "KECAMATAN"],
            [1, "Siti", "6107015201850001", "P", "Sebalo", "Bengkayang"]]
    path = write_book(tmp_path / "g.xlsx", {"S": (rows, ["A3:A4", "B3:D3", "E3:F3"])})
    table = read_table(path, LITERACY)
    assert table.header_row == 4
    assert table.headers["nama"] == "IDENTITAS PESERTA / NAMA"
    assert table.frame[["nama", "jenis_kelamin", "kecamatan"]].values.tolist() == [
        ["Siti", "P", "Bengkayang"]]
    assert table.preamble == ["DAFTAR PESERTA KELAS LITERASI DIGITAL"]


def test_a_title_merged_across_the_table_is_no_header_row(tmp_path: Path) -> None:
    rows = [["DAFTAR HADIR SOSIALISASI PUG"], ["NO", "NAMA", "NIP", "L/P", "JABATAN"],
            [1, "Budi", "19680411 199303 1 009", "L", "Staf"]]
    path = write_book(tmp_path / "t.xlsx", {"S": (rows, ["A1:E1"])})
    table = read_table(path, TRAINING)
    assert table.header_row == 2 and table.headers["nama"] == "NAMA"
    assert table.preamble == ["DAFTAR HADIR SOSIALISASI PUG"]
    assert "two-row header" not in " ".join(table.layout)


# --- the sheet chosen by its content --------------------------------------------------------------

def budget_sheet(lines: int) -> list[list[object]]:
    return [["KODE", "URAIAN", "SUMBER DANA", "PAGU"],
            *[[f"2.08.02.2.01.{i:04d}", f"Sub kegiatan {i}", "DAU", 10] for i in
              range(1, lines + 1)]]


def test_a_summary_first_sheet_loses_to_the_data_sheet(tmp_path: Path) -> None:
    ringkasan = [["RINGKASAN DPA"], ["KODE", "URAIAN", "JUMLAH"], ["5", "BELANJA", 30],
                 ["5.1", "BELANJA OPERASI", 30], ["", "JUMLAH", 30]]
    cover = [["DOKUMEN PELAKSANAAN ANGGARAN"], ["KODE"], ["URAIAN"]]
    path = write_book(tmp_path / "dpa.xlsx", {"Cover": (cover, []),
                                              "Ringkasan": (ringkasan, []),
                                              "Rincian": (budget_sheet(3), [])})
    table = read_table(path, BUDGET)
    assert table.sheet == "Rincian"
    assert table.sheet_evidence == ("best header fit (3 columns) with 3 data rows; also looked "
                                    "at: Cover (no matching header), Ringkasan (3 columns, 2 "
                                    "rows)")


def test_among_equal_fits_the_sheet_with_more_rows(tmp_path: Path) -> None:
    path = write_book(tmp_path / "two.xlsx", {"Contoh": (budget_sheet(1), []),
                                              "Data": (budget_sheet(4), []),
                                              "Kosong": (budget_sheet(0), [])})
    table = read_table(path, BUDGET)
    assert table.sheet == "Data" and len(table.frame) == 4
    assert "with 4 data rows" in table.sheet_evidence
    assert "Kosong (3 columns, 0 rows)" in table.sheet_evidence


@pytest.mark.parametrize(("sheets", "evidence"), [
    ({"DPA": budget_sheet(2)}, "the only sheet"),
    ({"Petunjuk": [["Isi kolom KODE dan PAGU"]], "DPA": budget_sheet(2)},
     "the only sheet with a matching header"),
])
def test_sheet_evidence_of_one_candidate(tmp_path: Path, sheets: dict[str, Rows],
                                         evidence: str) -> None:
    path = write_book(tmp_path / "b.xlsx", {n: (r, []) for n, r in sheets.items()})
    assert read_table(path, BUDGET).sheet_evidence == evidence


# --- telling budgets and ARG lists apart --------------------------------------------------------

def test_an_arg_list_with_a_pagu_column_fits_arg_better(tmp_path: Path) -> None:
    rows = [["DAFTAR ARG TAHUN ANGGARAN 2025"],
            ["NO", "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN", "KATEGORI ARG (1/2/3)",
             "ISU GENDER", "PAGU (Rp)"],
            [1, "2.08.02.2.01.0001", "Koordinasi PUG", 3, "Data", 100]]
    path = write_book(tmp_path / "arg.xlsx", {"ARG": (rows, [])})
    arg, budget = header_fit(path, ARG), header_fit(path, BUDGET)
    assert arg == (True, 4) and budget == (True, 3)
    detail = header_fit_detail(path, ARG)
    assert detail is not None and (detail.cells, detail.header_row) == (6, 2)
    assert detail.share == pytest.approx(4 / 6)


def test_a_dppa_fits_the_budget_over_its_whole_header(tmp_path: Path) -> None:
    path = write_book(tmp_path / "dppa.xlsx", {"DPPA": (sipd_rows(), SIPD_MERGES)})
    fit = header_fit_detail(path, BUDGET)
    assert fit is not None
    # KODE, URAIAN, SEBELUM, SETELAH, and the difference column it knows to ignore
    assert (fit.required_present, fit.explained, fit.cells) == (True, 5, 5)
    assert header_fit(path, ARG) == (False, 2)
    assert header_fit(tmp_path / "missing.xlsx", BUDGET) == (False, 0)


# --- more header shapes ------------------------------------------------------------------------

def test_a_units_row_under_the_header(tmp_path: Path) -> None:
    rows = [["KODE", "URAIAN", "PAGU"], ["", "", "(Rp)"], ["2.08.02.2.01.0001", "Koordinasi", 100]]
    table = read_table(write_csv(tmp_path / "u.csv", rows, ";", "utf-8"), BUDGET)
    assert (table.header_row, table.headers["pagu"]) == (2, "PAGU / (Rp)")
    assert table.frame["_source_row"].tolist() == [3]


def test_heading_words_finished_in_the_next_row(tmp_path: Path) -> None:
    rows = [["NO", "NAMA", "NIK", "JENIS", "TANGGAL", "KECAMATAN"],
            ["", "", "", "KELAMIN", "LAHIR", ""],
            [1, "Siti", "6107015201850001", "P", "12-01-1985", "Ledo"]]
    table = read_table(write_csv(tmp_path / "s.csv", rows, ";", "utf-8"), LITERACY)
    # TANGGAL alone would be the class date; with LAHIR under it, it is the birth date
    assert table.headers["tanggal_lahir"] == "TANGGAL / LAHIR"
    assert "class_date" not in table.headers
    assert table.frame[["jenis_kelamin", "tanggal_lahir"]].values.tolist() == [
        ["P", "12-01-1985"]]


def test_a_print_repeating_its_header_on_every_page(tmp_path: Path) -> None:
    rows = [["KODE", "URAIAN", "PAGU"], ["1", "2", "3"],
            ["2.08.02.2.01.0001", "Koordinasi", 100], ["", "Halaman 1 dari 2", ""],
            ["KODE", "URAIAN", "PAGU"], ["1", "2", "3"],
            ["2.08.02.2.01.0002", "Advokasi", 50], ["", "JUMLAH", 150]]
    table = read_table(write_csv(tmp_path / "p.csv", rows, ";", "utf-8"), BUDGET)
    assert table.frame["_source_row"].tolist() == [3, 7, 8]
    assert table.skipped_rows == {"column_numbers": 2, "repeated_header": 1, "page_lines": 1}
    assert "column-number rows 2, 6" in table.layout
    assert "the header repeated: row 5" in table.layout


def test_arg_beneficiaries_under_a_merged_heading_are_counts_not_sex(tmp_path: Path) -> None:
    rows = [["KODE SUB KEGIATAN", "KATEGORI ARG", "PENERIMA MANFAAT (ORANG)", ""],
            ["", "", "L", "P"], ["2.08.02.2.01.0001", 2, 40, 55]]
    path = write_book(tmp_path / "a.xlsx", {"GBS": (rows, ["A1:A2", "B1:B2", "C1:D1"])})
    table = read_table(path, ARG)
    assert table.headers["sasaran_laki_laki"] == "PENERIMA MANFAAT (ORANG) / L"
    assert table.frame[["sasaran_laki_laki", "sasaran_perempuan"]].values.tolist() == [
        ["40", "55"]]


def test_an_attendance_list_headed_jenis_kelamin_l_p_is_read(tmp_path: Path) -> None:
    rows = [["DAFTAR HADIR"], ["ORIENTASI GENDER CHAMPION BAGI PEJABAT ADMINISTRATOR"],
            ["Bengkayang, 14-16 April 2025"], [],
            ["NO", "NAMA", "NIP", "JABATAN", "JENIS KELAMIN (L/P)", "KETERANGAN"],
            [1, "Budi Santoso", "19680411 199303 1 009", "Kepala Bidang", "L", ""],
            [2, "Sari Dewi", "19850112 201001 2 003", "Analis", "P", ""]]
    fx = extract_file(write_book(tmp_path / "gc.xlsx", {"Daftar Hadir": (rows, [])}),
                      TRAINING, date(2025, 4, 16))
    assert fx.problem is None
    assert fx.values["jenis_kelamin"].tolist() == ["L", "P"]
    assert fx.reading is not None
    assert fx.reading.columns["jenis_kelamin"] == "JENIS KELAMIN (L/P)"


@pytest.mark.parametrize("merges", [[], ["A1:F1"], ["A1:C1", "D1:F1"]])
def test_title_cells_over_the_header_stay_title(tmp_path: Path, merges: list[str]) -> None:
    title = (["DAFTAR HADIR PESERTA", "", "", "TAHUN 2025", "", ""] if len(merges) == 2
             else ["DAFTAR HADIR SOSIALISASI PUG", "", "", "", "", "", "Lampiran II"])
    rows = [title, ["NO", "NAMA", "NIP", "L/P", "JABATAN", "UNIT KERJA"],
            [1, "Budi", "19680411 199303 1 009", "L", "Staf", "Dinsos"]]
    table = read_table(write_book(tmp_path / "t.xlsx", {"S": (rows, merges)}), TRAINING)
    assert table.header_row == 2 and table.headers["nama"] == "NAMA"
    assert table.preamble == [" ".join(c for c in title if c)]


def test_two_signers_side_by_side_under_mapped_columns(tmp_path: Path) -> None:
    rows = [["SOSIALISASI PUG"], ["Bengkayang, 14 Maret 2025"], [],
            ["NO", "NAMA", "NIP", "JABATAN", "L/P"],
            [1, "Budi Santoso", "19680411 199303 1 009", "Kepala Bidang", "L"],
            [2, "An Nisa", "", "Ketua TP PKK Desa", ""],  # narrow, but numbered: a participant
            [],
            ["", "Mengetahui,", "", "Bengkayang, 14 Maret 2025"],
            ["", "Kepala Dinas", "", "Ketua Panitia"], [],
            ["", "Dra. Maria Goreti", "", "Yohanes"],
            ["", f"NIP. {SIGNER_NIP}", "", "NIP. 19750101 200003 1 002"]]
    table = read_table(write_book(tmp_path / "h.xlsx", {"Hadir": (rows, [])}), TRAINING)
    assert table.frame["nama"].tolist() == ["Budi Santoso", "An Nisa"]
    assert table.skipped_rows == {"blank": 1, "signature_block": 5}
    assert "signature block from row 8" in table.layout


@pytest.mark.parametrize(("year", "before", "after"), [("T", "T-1", "T+1"),
                                                       ("TAHUN 2025", "TAHUN 2024", "TAHUN 2026"),
                                                       ("Tahun n", "Tahun n-1", "Tahun n+1")])
def test_the_budget_years_jumlah_among_other_years(tmp_path: Path, year: str, before: str,
                                                   after: str) -> None:
    # SIPD's recap of a DPA: the year's amounts by kind of spending, with the years around it
    rows = [["REKAPITULASI BELANJA MENURUT PROGRAM, KEGIATAN DAN SUB KEGIATAN"],
            ["TAHUN ANGGARAN 2025"], [],
            ["Kode", "Uraian", "Sumber Dana", before, year, "", "", after],
            ["", "", "", "Jumlah", "Belanja Operasi", "Belanja Modal", "Jumlah", "Jumlah"],
            ["2.08.02.2.01.0001", "Koordinasi PUG", "DAU", 90, 80, 20, 100, 110]]
    merges = ["A4:A5", "B4:B5", "C4:C5", "E4:G4"]
    table = read_table(write_book(tmp_path / "rekap.xlsx", {"S": (rows, merges)}), BUDGET)
    assert table.headers["pagu"] == f"{year} / Jumlah"
    assert table.frame["pagu"].tolist() == ["100"]
    assert f"{before} / Jumlah" in table.unmapped and f"{after} / Jumlah" in table.unmapped


def test_grouped_headings_over_the_parts_of_a_column(tmp_path: Path) -> None:
    # a Daftar Urut Kepangkatan: PANGKAT over GOL. RUANG | TMT, JABATAN over NAMA JABATAN |
    # ESELON, PENDIDIKAN over TINGKAT | JURUSAN
    rows = [["DAFTAR URUT KEPANGKATAN PEGAWAI NEGERI SIPIL"], [],
            ["NO", "NAMA", "NIP", "L/P", "PANGKAT", "", "JABATAN", "", "PENDIDIKAN", "",
             "STATUS PEGAWAI", "UNIT KERJA"],
            ["", "", "", "", "GOL. RUANG", "TMT", "NAMA JABATAN", "ESELON", "TINGKAT",
             "JURUSAN", "", ""],
            [1, "Aloysius", "196910101995031005", "L", "IV/c", "01-04-2020", "Kepala Dinas",
             "II.b", "S-2", "Teknik Sipil", "PNS", "Dinas PUPR"]]
    merges = ["A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:F3", "G3:H3", "I3:J3", "K3:K4", "L3:L4"]
    table = read_table(write_book(tmp_path / "duk.xlsx", {"DUK": (rows, merges)}), SOURCES[
        "simpeg"])
    assert table.headers["golongan"] == "PANGKAT / GOL. RUANG"
    assert table.headers["eselon"] == "JABATAN / ESELON"
    assert table.headers["jabatan_nama"] == "JABATAN / NAMA JABATAN"
    assert table.headers["tingkat_pendidikan"] == "PENDIDIKAN / TINGKAT"
    assert table.frame[["golongan", "eselon", "tingkat_pendidikan"]].values.tolist() == [
        ["IV/c", "II.b", "S-2"]]
    assert "PANGKAT / TMT" in table.unmapped


def test_a_date_under_a_birth_heading_is_no_class_date(tmp_path: Path) -> None:
    rows = [["DAFTAR PESERTA"],
            ["NAMA", "TEMPAT/TGL LAHIR", "", "KECAMATAN", "TANGGAL KEGIATAN"],
            ["", "TEMPAT", "TANGGAL", "", ""],
            ["Siti", "Ledo", "12-01-1985", "Ledo", "16-04-2025"]]
    path = write_book(tmp_path / "ttl.xlsx", {"S": (rows, ["A2:A3", "B2:C2", "D2:D3",
                                                          "E2:E3"])})
    table = read_table(path, LITERACY)
    assert table.headers["class_date"] == "TANGGAL KEGIATAN"
    assert table.frame["class_date"].tolist() == ["16-04-2025"]
    assert "TEMPAT/TGL LAHIR / TANGGAL" in table.unmapped
