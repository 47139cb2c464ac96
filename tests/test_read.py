"""Reading landing files: sheet and header detection, skipped rows, encodings, file problems."""

from __future__ import annotations

import os
import zipfile
from datetime import date
from pathlib import Path

import pytest
from xlsx_helpers import csv_bytes, write_csv, write_xlsx

from ingest.extract import extract_file
from ingest.read import FileProblem, header_fit, read_table
from ingest.sources import SIMPEG

DATA_DATE = date(2025, 12, 31)
HEADER = ["NO", "NIP", "NAMA", "L/P", "TGL LAHIR", "STATUS PEGAWAI", "GOL", "ESELON",
          "JENIS JABATAN", "PENDIDIKAN", "UNIT KERJA"]
BUDI = [1, "19680411 199303 1 009", "Budi Santoso", "L", "11-04-1968", "PNS", "IV/a", "",
        "Pelaksana", "S1", "Dinas Kesehatan"]
SARI = [2, "19850112 201001 2 003", "Sari Dewi", "P", "12-01-1985", "PNS", "III/b", "IV.a",
        "Struktural", "S2", "Dinas Kesehatan"]
TITLE = [["DAFTAR NOMINATIF PEGAWAI NEGERI SIPIL"], ["PEMERINTAH KABUPATEN BENGKAYANG"],
         ["KEADAAN 31 DESEMBER 2025"]]


def numbers_row(width: int) -> list[int]:
    return list(range(1, width + 1))


def template_rows(total_row: list[object]) -> list[list[object]]:
    """Title block (rows 1-3), blank row 4, header row 5, column numbers row 6, data rows 7-8,
    a blank row 9, the total row 10 and a signature block below it."""
    return [
        *TITLE,
        [],
        HEADER,
        numbers_row(len(HEADER)),
        BUDI,
        SARI,
        [],
        total_row,
        [],
        ["", "", "", "", "", "", "", "", "Bengkayang, 31 Desember 2025"],
        ["", "", "", "", "", "", "", "", "Kepala BKPSDM"],
        ["", "", "Budi Santoso", "", "", "", "", "", ""],
        ["", "NIP. 19680411 199303 1 009", "", "", "", "", "", "", ""],
    ]


# --- XLSX layout ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "total_row",
    [
        ["JUMLAH", "", "", "1", "", "", "", "", "", "", ""],  # label merged over the NO column
        ["", "", "JUMLAH PEGAWAI", "", "", "", "", "", "", "", ""],  # label in a mapped column
        ["", "", "", "", "", "", "", "", "", "Total", ""],
    ],
)
def test_xlsx_template_layout(tmp_path: Path, total_row: list[object]) -> None:
    path = write_xlsx(tmp_path / "pegawai.xlsx", {"Pegawai": template_rows(total_row)})
    table = read_table(path, SIMPEG)
    assert table.sheet == "Pegawai"
    assert table.header_row == 5
    assert table.frame["_source_row"].tolist() == [7, 8]
    assert table.frame["nip"].tolist() == ["19680411 199303 1 009", "19850112 201001 2 003"]
    assert table.frame["nama"].tolist() == ["Budi Santoso", "Sari Dewi"]
    assert table.skipped_rows == {"column_numbers": 1, "blank": 1, "total_row_and_below": 6}
    assert table.headers["jenis_kelamin"] == "L/P"
    assert "NO" in table.unmapped


def test_xlsx_template_extracts_without_rejects(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "pegawai.xlsx",
                      {"Pegawai": template_rows(["JUMLAH", "", "", "", "", "", "", "", "", "",
                                                 ""])})
    ex = extract_file(path, SIMPEG, DATA_DATE)
    assert ex.problem is None
    assert (ex.rows_read, ex.rows_rejected, ex.rows_accepted) == (2, 0, 2)
    assert ex.values["_source_row"].tolist() == [7, 8]
    assert set(ex.issues["rule"]) == {"tmt_from_nip"}  # the file has no TMT column


def test_xlsx_numeric_cells_lose_float_suffix(tmp_path: Path) -> None:
    # SIASN ID columns opened and saved in Excel hold numbers, not text
    row = [1, "19850112 201001 2 003", "Sari", 2, 31048, "PNS", 31, 42, 1, 40, "Dinas Kesehatan"]
    path = write_xlsx(tmp_path / "ids.xlsx", {"Data": [HEADER, row]})
    frame = read_table(path, SIMPEG).frame
    got = frame.iloc[0]
    assert (got["jenis_kelamin"], got["golongan"], got["eselon"]) == ("2", "31", "42")
    assert (got["jenis_jabatan"], got["tingkat_pendidikan"]) == ("1", "40")
    assert got["tanggal_lahir"] == "31048"


def test_xlsx_real_date_cell_is_read(tmp_path: Path) -> None:
    from datetime import datetime

    row = [*BUDI[:4], datetime(1968, 4, 11), *BUDI[5:]]
    path = write_xlsx(tmp_path / "dates.xlsx", {"Data": [HEADER, row]})
    ex = extract_file(path, SIMPEG, DATA_DATE)
    assert ex.rows_accepted == 1
    assert str(ex.values["tanggal_lahir"].iloc[0].date()) == "1968-04-11"
    assert "birth_date_disagrees_nip" not in set(ex.issues["rule"])


def test_xlsx_data_sheet_chosen_after_notes_sheet(tmp_path: Path) -> None:
    notes = [["Catatan pengisian"], ["1. NIP ditulis sebagai teks, 18 digit"],
             ["2. Kolom L/P diisi L atau P"], ["Nama", "Keterangan"]]
    path = write_xlsx(tmp_path / "two.xlsx", {"Petunjuk": notes,
                                              "Data ASN": [*TITLE, HEADER, BUDI, SARI]})
    table = read_table(path, SIMPEG)
    assert table.sheet == "Data ASN"
    assert table.header_row == 4
    assert table.frame["_source_row"].tolist() == [5, 6]


def test_xlsx_best_of_two_candidate_sheets(tmp_path: Path) -> None:
    # a summary sheet with two matching headers loses to the full list
    summary = [["UNIT KERJA", "STATUS PEGAWAI", "JUMLAH"], ["Dinas Kesehatan", "PNS", 2]]
    path = write_xlsx(tmp_path / "two.xlsx", {"Rekap": summary, "Daftar": [HEADER, BUDI]})
    assert read_table(path, SIMPEG).sheet == "Daftar"


def test_xlsx_nip_number_cell_reaches_frame_with_exponent(tmp_path: Path) -> None:
    row = [1, 196804111993031009, *BUDI[2:]]
    path = write_xlsx(tmp_path / "num.xlsx", {"Data": [HEADER, row]})
    nip = read_table(path, SIMPEG).frame["nip"].iloc[0]
    assert "e+" in nip.lower()
    ex = extract_file(path, SIMPEG, DATA_DATE)
    assert ex.issues.loc[ex.issues["rule"] == "nip_excel_mangled", "source_row"].tolist() == [2]
    assert ex.rows_rejected == 1


def test_header_variants_are_matched(tmp_path: Path) -> None:
    header = ["No.", " Nip ", "Nama Pegawai", "l/p", "Tgl. Lahir", "Status  Pegawai",
              "Pangkat/Gol", "Eselon", "Jenis Jabatan", "Pendidikan Terakhir", "OPD"]
    path = write_xlsx(tmp_path / "v.xlsx", {"Data": [header, BUDI]})
    table = read_table(path, SIMPEG)
    assert table.headers["jenis_kelamin"] == "l/p"
    assert table.headers["tanggal_lahir"] == "Tgl. Lahir"
    assert table.headers["golongan"] == "Pangkat/Gol"
    assert table.headers["pd_name"] == "OPD"
    assert table.frame["golongan"].iloc[0] == "IV/a"


# --- CSV ----------------------------------------------------------------------------------

def test_csv_semicolon_cp1252_with_title_and_total(tmp_path: Path) -> None:
    rows = [
        ["DAFTAR PEGAWAI DINAS KESEHATAN"], ["Per 31-12-2025"], [],
        HEADER,
        [1, "19680411 199303 1 009", "André Situmorang", "L", "11-04-1968", "PNS", "IV/a", "",
         "Pelaksana", "S1", "Dinas Kesehatan"],
        [2, "19850112 201001 2 003", "Désirée Anggraini", "P", "12-01-1985", "PNS", "III/b",
         "", "Fungsional", "S1", "Dinas Kesehatan"],
        ["JUMLAH", "", "", "", "", "", "", "", "", "", ""],
        ["", "", "Bengkayang, 31 Desember 2025"],
    ]
    data = csv_bytes(rows, ";", "cp1252")
    assert b"Andr\xe9" in data  # really cp1252, not UTF-8
    path = tmp_path / "pegawai.csv"
    path.write_bytes(data)
    table = read_table(path, SIMPEG)
    assert (table.encoding, table.delimiter, table.sheet) == ("cp1252", ";", None)
    assert table.header_row == 4
    assert table.frame["nama"].tolist() == ["André Situmorang", "Désirée Anggraini"]
    assert table.frame["_source_row"].tolist() == [5, 6]
    assert table.skipped_rows["total_row_and_below"] == 2
    ex = extract_file(path, SIMPEG, DATA_DATE)
    assert (ex.rows_read, ex.rows_rejected) == (2, 0)


def test_csv_utf8_bom_comma(tmp_path: Path) -> None:
    header = ["NIP", "NAMA", "JENIS KELAMIN", "STATUS PEGAWAI", "GOL", "PENDIDIKAN", "OPD"]
    rows = [header,
            ["196804111993031009", "Budi, S.Kom", "L", "PNS", "IV/a", "S1", "Dinas Kesehatan"],
            ["198501122010012003", "Sari Dewi", "P", "PNS", "III/b", "S2", "Dinas Sosial"]]
    path = write_csv(tmp_path / "bom.csv", rows, ",", "utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbfNIP,")
    table = read_table(path, SIMPEG)
    assert (table.encoding, table.delimiter) == ("utf-8-sig", ",")
    assert table.headers["nip"] == "NIP"  # the BOM is not part of the first header
    assert table.frame["nama"].tolist() == ["Budi, S.Kom", "Sari Dewi"]
    assert table.frame["pd_name"].tolist() == ["Dinas Kesehatan", "Dinas Sosial"]
    assert table.frame["_source_row"].tolist() == [2, 3]


def test_csv_row_numbers_count_blank_lines(tmp_path: Path) -> None:
    rows = [["Judul"], HEADER, BUDI, [], [], SARI]
    path = write_csv(tmp_path / "gaps.csv", rows)
    table = read_table(path, SIMPEG)
    assert table.frame["_source_row"].tolist() == [3, 6]
    assert table.skipped_rows == {"blank": 2}


# --- file problems ------------------------------------------------------------------------

def test_missing_required_column_names_it(tmp_path: Path) -> None:
    header = [h for h in HEADER if h != "STATUS PEGAWAI"]
    row = [c for h, c in zip(HEADER, BUDI, strict=True) if h != "STATUS PEGAWAI"]
    path = write_xlsx(tmp_path / "no_jp.xlsx", {"Data": [*TITLE, header, row]})
    with pytest.raises(FileProblem) as caught:
        read_table(path, SIMPEG)
    problem = caught.value
    assert problem.rule == "required_column_missing"
    assert "jenis_pegawai" in problem.message
    assert "STATUS PEGAWAI" in problem.message
    assert "header row 4" in problem.message
    assert problem.sheet == "Data"
    for present in ("golongan", "pd_name", "nip"):
        assert present not in problem.message
    ex = extract_file(path, SIMPEG, DATA_DATE)
    assert ex.problem is not None and ex.problem.rule == "required_column_missing"
    assert ex.values is None and ex.rows_read == 0


def test_no_header_at_all(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", [["a", "b", "c"], ["1", "2", "3"]])
    ex = extract_file(path, SIMPEG, DATA_DATE)
    assert ex.problem is not None and ex.problem.rule == "header_not_found"


def test_header_only_xlsx_is_empty(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "h.xlsx", {"Data": [*TITLE, HEADER, numbers_row(11),
                                                     ["JUMLAH"]]})
    ex = extract_file(path, SIMPEG, DATA_DATE)
    assert ex.problem is not None and ex.problem.rule == "file_empty"
    assert "row 4" in ex.problem.message
    assert ex.rows_read == 0 and ex.rows_rejected == 0


def test_zero_byte_csv_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    ex = extract_file(path, SIMPEG, DATA_DATE)
    assert ex.problem is not None and ex.problem.rule == "file_empty"


def test_xls_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    ex = extract_file(path, SIMPEG, DATA_DATE)
    assert ex.problem is not None and ex.problem.rule == "file_format"
    assert ".xlsx" in ex.problem.message


def test_unknown_extension_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "data.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(FileProblem) as caught:
        read_table(path, SIMPEG)
    assert caught.value.rule == "file_format"


def test_random_bytes_xlsx_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.xlsx"
    path.write_bytes(os.urandom(4096))
    ex = extract_file(path, SIMPEG, DATA_DATE)
    assert ex.problem is not None and ex.problem.rule == "file_unreadable"
    assert len(ex.sha256) == 64


def test_corrupt_sheet_inside_valid_zip_is_unreadable(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", {"Data": [HEADER, BUDI]})
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name.startswith("xl/worksheets/"):
                data = b"<worksheet><sheetData><row><c r='A1' t='s'><v>99"
            dst.writestr(name, data)
    ex = extract_file(bad, SIMPEG, DATA_DATE)
    assert ex.problem is not None and ex.problem.rule == "file_unreadable"


# --- SIASN export headers -----------------------------------------------------------------

SIASN_HEADER = [
    "PNS ID", "NIP BARU", "NIP LAMA", "NAMA", "TANGGAL LAHIR", "JENIS KELAMIN", "NIK",
    "JENIS PEGAWAI ID", "JENIS PEGAWAI NAMA", "KEDUDUKAN HUKUM ID", "KEDUDUKAN HUKUM NAMA",
    "TMT CPNS", "TMT PNS", "GOL AWAL ID", "GOL AWAL NAMA", "GOL AKHIR ID", "GOL AKHIR NAMA",
    "JENIS JABATAN ID", "JENIS JABATAN NAMA", "TINGKAT PENDIDIKAN ID", "TINGKAT PENDIDIKAN NAMA",
    "SATUAN KERJA NAMA", "UNOR ID", "UNOR NAMA", "UNOR INDUK NAMA",
]
SIASN_ROW = [
    "8ae4828", "198501122010012003", "", "SARI DEWI", "12-01-1985", "F", "6107015201850001",
    "4", "PNS Daerah Kabupaten/Kota", "01", "Aktif", "01-01-2010", "01-01-2011", "31",
    "III/a", "32", "III/b", "2", "Fungsional Tertentu", "40", "S-1/Sarjana",
    "Pemerintah Kabupaten Bengkayang", "A8ACA", "Puskesmas Bengkayang", "Dinas Kesehatan",
]


def test_siasn_headers_map_by_priority(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "siasn.xlsx", {"Sheet1": [SIASN_HEADER, SIASN_ROW]})
    table = read_table(path, SIMPEG)
    h = table.headers
    assert h["nip"] == "NIP BARU"
    assert h["jenis_kelamin"] == "JENIS KELAMIN"
    assert h["golongan"] == "GOL AKHIR NAMA"  # preferred over GOL AKHIR ID, left of it
    assert h["pd_name"] == "UNOR INDUK NAMA"  # preferred over SATUAN KERJA NAMA, left of it
    assert h["unor_nama"] == "UNOR NAMA"
    assert h["jenis_pegawai"] == "JENIS PEGAWAI NAMA"
    assert h["kedudukan_hukum"] == "KEDUDUKAN HUKUM NAMA"
    assert h["tingkat_pendidikan"] == "TINGKAT PENDIDIKAN ID"
    for other in ("PNS ID", "NIP LAMA", "GOL AKHIR ID", "GOL AWAL NAMA", "SATUAN KERJA NAMA"):
        assert other in table.unmapped
    got = table.frame.iloc[0]
    assert (got["golongan"], got["pd_name"], got["unor_nama"]) == (
        "III/b", "Dinas Kesehatan", "Puskesmas Bengkayang")

    ex = extract_file(path, SIMPEG, DATA_DATE)
    assert (ex.rows_accepted, ex.rows_rejected) == (1, 0)
    v = ex.values.iloc[0]
    assert (v["jenis_kelamin"], v["golongan"], v["jenis_pegawai"]) == ("P", "III/b", "PNS")
    assert (v["jenis_jabatan"], v["tingkat_pendidikan"], v["nik"]) == (
        "fungsional", "40", "6107015201850001")


# --- what the reader says about a file --------------------------------------------------------

def test_a_missing_column_under_a_two_row_header_names_both_rows(tmp_path: Path) -> None:
    rows = [*TITLE, ["NIP", "NAMA", "JENIS KELAMIN", "", "GOL"], ["", "", "L", "P", ""],
            ["19680411 199303 1 009", "Budi", "X", "", "IV/a"]]
    path = write_xlsx(tmp_path / "two.xlsx", {"Data": rows})
    with pytest.raises(FileProblem) as caught:
        read_table(path, SIMPEG)
    message = caught.value.message
    assert "header rows 4-5" in message and "jenis_pegawai" in message
    assert "jenis_kelamin" not in message  # found in the L | P columns


def test_header_fit_keeps_its_pair_form(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "p.xlsx", {"Pegawai": template_rows(["JUMLAH"])})
    fit = header_fit(path, SIMPEG)
    assert isinstance(fit, tuple) and fit == (True, 10)  # every header cell but NO
    assert header_fit(tmp_path / "none.xlsx", SIMPEG) == (False, 0)


def test_the_reading_records_sheet_and_layout(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "pegawai.xlsx",
                      {"Catatan": [["Petunjuk pengisian"]],
                       "Pegawai": template_rows(["JUMLAH", *[""] * 10])})
    ex = extract_file(path, SIMPEG, DATA_DATE)
    assert ex.reading is not None
    assert ex.reading.sheet == "Pegawai"
    assert ex.reading.sheet_evidence == "the only sheet with a matching header"
    assert ex.reading.layout == ["column-number row 6", "total row 10 ends the table",
                                 "signature block from row 12"]
    assert ex.reading.unused == ["NO"]
