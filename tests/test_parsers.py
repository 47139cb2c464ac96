"""Unit tests of the vectorised cell parsers in ``ingest.parsers``."""

from __future__ import annotations

import pandas as pd
import pytest

from ingest import parsers as P

NIP = "196804111993031009"


def one(parsed: P.Parsed) -> tuple[object, bool]:
    """The single parsed cell as (value or None, invalid)."""
    value = parsed.value.iloc[0]
    return (None if pd.isna(value) else value), bool(parsed.invalid.iloc[0])


def cell(text: object) -> pd.Series:
    return pd.Series([text], dtype=object)


# --- clean_text ---------------------------------------------------------------------------

def test_clean_text_trims_collapses_and_blanks() -> None:
    out = P.clean_text(pd.Series(["  Dinas   Kesehatan ", "", "-", "  ", None, "nan"],
                                 dtype=object))
    assert out.iloc[0] == "Dinas Kesehatan"
    assert out.iloc[1:].isna().all()


# --- parse_id -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "value", "mangled", "wrong"),
    [
        ("19680411 199303 1 009", NIP, False, False),
        ("'196804111993031009", NIP, False, False),
        ("' 19680411 199303 1 009 ", NIP, False, False),
        ("19680411.199303.1.009", NIP, False, False),
        (NIP, NIP, False, False),
        ("1.98504E+17", None, True, False),
        ("1.9680411199303101e+17", None, True, False),
        ("196804111993031009.0", None, True, False),
        ("1,98504E+17", None, True, False),
        ("19680411199303100", None, False, True),  # 17 digits
        ("1968041119930310091", None, False, True),  # 19 digits
        ("NIP 19680411", None, False, True),
        ("", None, False, False),
        (None, None, False, False),
    ],
)
def test_parse_id_nip(text: object, value: str | None, mangled: bool, wrong: bool) -> None:
    parsed = P.parse_id(cell(text), 18)
    got = parsed.value.iloc[0]
    assert (None if pd.isna(got) else got) == value
    assert bool(parsed.mangled.iloc[0]) is mangled
    assert bool(parsed.wrong.iloc[0]) is wrong


def test_parse_id_length_is_the_parameter() -> None:
    nik = "6107015201850001"
    as_nik = P.parse_id(cell(nik), 16)
    as_nip = P.parse_id(cell(nik), 18)
    assert as_nik.value.iloc[0] == nik and not as_nik.wrong.iloc[0]
    assert pd.isna(as_nip.value.iloc[0]) and as_nip.wrong.iloc[0]


def test_parse_id_float_nik_is_mangled() -> None:
    # a 16-digit NIK in a number cell, as Python writes the float
    parsed = P.parse_id(cell("6107015201850000.0"), 16)
    assert parsed.mangled.iloc[0] and not parsed.wrong.iloc[0]
    assert pd.isna(parsed.value.iloc[0])


# --- parse_date ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12-01-1985", "1985-01-12"),
        ("12/01/1985", "1985-01-12"),
        ("2-1-1985", "1985-01-02"),
        ("1985-01-12", "1985-01-12"),
        ("1985-01-12 00:00:00", "1985-01-12"),
        ("12 Januari 1985", "1985-01-12"),
        ("12 JANUARI 1985", "1985-01-12"),
        ("3 Agt 1990", "1990-08-03"),
        ("3 Agustus 1990", "1990-08-03"),
        ("1 Mei 2000", "2000-05-01"),
        ("17 Des 1975", "1975-12-17"),
        ("31048", "1985-01-01"),  # Excel serial
        ("45657.0", "2024-12-31"),
        ("29-02-2024", "2024-02-29"),
    ],
)
def test_parse_date_valid(text: str, expected: str) -> None:
    parsed = P.parse_date(cell(text))
    assert parsed.value.iloc[0] == pd.Timestamp(expected)
    assert not parsed.invalid.iloc[0]


@pytest.mark.parametrize(
    "text", ["31-02-1985", "29-02-2023", "12-13-1985", "32-01-1985", "kemarin", "12 Foo 1985",
             "01-01-1850", "1985"],
)
def test_parse_date_invalid(text: str) -> None:
    parsed = P.parse_date(cell(text))
    assert pd.isna(parsed.value.iloc[0])
    assert parsed.invalid.iloc[0]


@pytest.mark.parametrize("text", ["", "   ", None, "-"])
def test_parse_date_blank_is_missing_not_invalid(text: object) -> None:
    parsed = P.parse_date(cell(text))
    assert pd.isna(parsed.value.iloc[0])
    assert not parsed.invalid.iloc[0]


def test_parse_date_keeps_index_and_order() -> None:
    s = pd.Series(["12-01-1985", "", "1 Mei 2000", "31048"], index=[10, 11, 12, 13],
                  dtype=object)
    parsed = P.parse_date(s)
    assert list(parsed.value.index) == [10, 11, 12, 13]
    assert parsed.value[10] == pd.Timestamp("1985-01-12")
    assert pd.isna(parsed.value[11])
    assert parsed.value[12] == pd.Timestamp("2000-05-01")
    assert parsed.value[13] == pd.Timestamp("1985-01-01")
    assert str(parsed.value.dtype).startswith("datetime64")


# --- code lists ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [("L", "L"), ("P", "P"), ("Laki-laki", "L"), ("Perempuan", "P"), ("Pria", "L"),
     ("Wanita", "P"), ("M", "L"), ("F", "P"), ("1", "L"), ("2", "P"), ("l", "L"), ("p", "P"),
     ("laki - laki", "L"), ("PEREMPUAN", "P"), (" wanita ", "P")],
)
def test_parse_sex(text: str, expected: str) -> None:
    assert one(P.parse_sex(cell(text))) == (expected, False)


@pytest.mark.parametrize("text", ["X", "3", "LP", "Lelaki"])
def test_parse_sex_invalid(text: str) -> None:
    assert one(P.parse_sex(cell(text))) == (None, True)


def test_parse_sex_blank_not_invalid() -> None:
    assert one(P.parse_sex(cell(""))) == (None, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("III/a", "III/a"), ("IIIa", "III/a"), ("III-a", "III/a"), ("3A", "III/a"),
     ("3a", "III/a"), ("III/A", "III/a"), ("31", "III/a"), ("III / a", "III/a"),
     ("Gol. II/b", "II/b"), ("Golongan IV/c", "IV/c"), ("11", "I/a"), ("24", "II/d"),
     ("45", "IV/e"), ("IV/e", "IV/e"), ("IX", "IX"), ("XVII", "XVII"), ("I", "I"), ("V", "V")],
)
def test_parse_golongan(text: str, expected: str) -> None:
    assert one(P.parse_golongan(cell(text))) == (expected, False)


@pytest.mark.parametrize("text", ["III/e", "V/a", "XVIII", "35", "15", "II/f", "Gol. IV/f"])
def test_parse_golongan_invalid(text: str) -> None:
    assert one(P.parse_golongan(cell(text))) == (None, True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("II.a", "II.a"), ("21", "II.a"), ("22", "II.b"), ("IIIb", "III.b"), ("III.a", "III.a"),
     ("Eselon IV.a", "IV.a"), ("eselon iv.b", "IV.b"), ("42", "IV.b"), ("II/b", "II.b")],
)
def test_parse_eselon(text: str, expected: str) -> None:
    assert one(P.parse_eselon(cell(text))) == (expected, False)


@pytest.mark.parametrize("text", ["NON", "Non Eselon", "non-eselon", "99", "", None, "-"])
def test_parse_eselon_none_is_na_not_invalid(text: object) -> None:
    assert one(P.parse_eselon(cell(text))) == (None, False)


@pytest.mark.parametrize("text", ["I.a", "11", "51", "V.a", "IV.c", "Kepala Dinas"])
def test_parse_eselon_invalid(text: str) -> None:
    assert one(P.parse_eselon(cell(text))) == (None, True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("05", "05"), ("5", "05"), ("12", "12"), ("18", "18"), ("40", "40"), ("40.0", "40"),
     ("S1", "40"), ("S-1", "40"), ("Sarjana", "40"), ("S-1/Sarjana", "40"), ("D-III", "30"),
     ("D3", "30"), ("Diploma IV", "35"), ("D-IV", "35"), ("SMA", "15"), ("SMK", "15"),
     ("SLTA", "15"), ("SMP", "10"), ("SD", "05"), ("S-2", "45"), ("Magister", "45"),
     ("S-3", "50"), ("Doktor", "50")],
)
def test_parse_pendidikan(text: str, expected: str) -> None:
    assert one(P.parse_pendidikan(cell(text))) == (expected, False)


@pytest.mark.parametrize("text", ["xyz", "S4", "41", "Sekolah"])
def test_parse_pendidikan_invalid(text: str) -> None:
    assert one(P.parse_pendidikan(cell(text))) == (None, True)


def test_parse_pendidikan_blank_not_invalid() -> None:
    assert one(P.parse_pendidikan(cell(""))) == (None, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("PNS", "PNS"), ("pns", "PNS"), ("PNS Daerah Kabupaten/Kota", "PNS"),
     ("Pegawai Negeri Sipil", "PNS"), ("CPNS", "CPNS"), ("Calon PNS", "CPNS"),
     ("CPNS Daerah Kabupaten/Kota", "CPNS"), ("PPPK", "PPPK"), ("P3K", "PPPK"),
     ("Pegawai Pemerintah dengan Perjanjian Kerja", "PPPK")],
)
def test_parse_jenis_pegawai(text: str, expected: str) -> None:
    assert one(P.parse_jenis_pegawai(cell(text))) == (expected, False)


@pytest.mark.parametrize(("text", "invalid"), [("Honorer", True), ("TKK", True), ("", False)])
def test_parse_jenis_pegawai_unknown(text: str, invalid: bool) -> None:
    assert one(P.parse_jenis_pegawai(cell(text))) == (None, invalid)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Aktif", "Aktif"), ("AKTIF", "Aktif"), ("CLTN", "CLTN"),
     ("Cuti Di Luar Tanggungan Negara", "CLTN"), ("Tugas Belajar", "Tugas Belajar"),
     ("Pemberhentian Sementara", "Pemberhentian Sementara"), ("MPP", "Masa Persiapan Pensiun"),
     ("Masa Persiapan Pensiun", "Masa Persiapan Pensiun"), ("Pensiun", "Pensiun"),
     ("Meninggal Dunia", "Meninggal"), ("Wafat", "Meninggal"), ("Diberhentikan", "Diberhentikan"),
     ("71", "Aktif"), ("01", "Aktif")],
)
def test_parse_kedudukan(text: str, expected: str) -> None:
    assert one(P.parse_kedudukan(cell(text))) == (expected, False)


@pytest.mark.parametrize(("text", "invalid"), [("Cuti", True), ("Mutasi", True), ("", False)])
def test_parse_kedudukan_unknown(text: str, invalid: bool) -> None:
    assert one(P.parse_kedudukan(cell(text))) == (None, invalid)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Struktural", "struktural"), ("1", "struktural"), ("Jabatan Struktural", "struktural"),
     ("Fungsional Tertentu", "fungsional"), ("2", "fungsional"), ("JFT", "fungsional"),
     ("Fungsional", "fungsional"), ("Fungsional Umum", "pelaksana"), ("4", "pelaksana"),
     ("Pelaksana", "pelaksana"), ("JFU", "pelaksana")],
)
def test_parse_jenis_jabatan(text: str, expected: str) -> None:
    assert one(P.parse_jenis_jabatan(cell(text))) == (expected, False)


@pytest.mark.parametrize(("text", "invalid"), [("3", True), ("Kepala", True), ("", False)])
def test_parse_jenis_jabatan_unknown(text: str, invalid: bool) -> None:
    assert one(P.parse_jenis_jabatan(cell(text))) == (None, invalid)


def test_lookup_parsers_work_on_whole_columns() -> None:
    s = pd.Series(["L", "", "X", "Perempuan"], index=[3, 4, 5, 6], dtype=object)
    parsed = P.parse_sex(s)
    assert list(parsed.value.index) == [3, 4, 5, 6]
    assert parsed.value.tolist()[0] == "L" and parsed.value.tolist()[3] == "P"
    assert parsed.invalid.tolist() == [False, False, True, False]


# --- a NIK where a NIP belongs ------------------------------------------------------------

@pytest.mark.parametrize(("text", "digits", "sex"), [
    ("6107014504000001", "6107014504000001", "P"),  # day 45 = 5 + 40: a woman
    ("6107 0111 0360 0002", "6107011103600002", "L"),  # spaces as on a KTP
    ("'6107011103600002", "6107011103600002", "L"),  # Excel's text mark
    ("6107012902000003", "6107012902000003", "L"),  # 29 February is a birth date
])
def test_parse_nik_in_nip_recognises_a_nik(text: str, digits: str, sex: str) -> None:
    found = P.parse_nik_in_nip(cell(text))
    assert found.digits.iloc[0] == digits and found.sex.iloc[0] == sex
    assert not found.mangled.iloc[0]


@pytest.mark.parametrize("text", [
    "6.10701E+15", "6,10701E+15", "6107010101900000.0",  # a 16-digit number, rounded by Excel
])
def test_parse_nik_in_nip_recognises_a_nik_excel_made_a_number(text: str) -> None:
    found = P.parse_nik_in_nip(cell(text))
    assert found.mangled.iloc[0] and pd.isna(found.digits.iloc[0]) and pd.isna(found.sex.iloc[0])


@pytest.mark.parametrize("text", [
    NIP,  # a NIP
    "1968041119930310",  # a NIP with its last two digits lost: digits 9-10 are "19", no month
    "6107019999000001",  # 16 digits, but no birth date at digits 7-12
    "1.96804111993031e+17",  # a NIP Excel made a number
    "610701450400001",  # 15 digits
    "", None, "-",
])
def test_parse_nik_in_nip_is_not_fooled(text: object) -> None:
    found = P.parse_nik_in_nip(cell(text))
    assert pd.isna(found.digits.iloc[0]) and not found.mangled.iloc[0]
