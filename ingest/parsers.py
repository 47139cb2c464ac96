"""Vectorised parsers: one text column in, canonical values plus an ``invalid`` mask out.

Every parser works on whole pandas columns (string operations, regex extraction, dictionary
lookups), never a Python loop per row. ``invalid`` is True where the cell had text that could
not be understood; a blank cell is missing, not invalid.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# Patterns avoid \s, \d and \b: pandas then runs them in pyarrow (RE2, vectorised C++)
# instead of falling back to Python's re row by row.
WS = "[ \t\r\n\x0b\x0c\xa0]"
D = "[0-9]"


class Parsed(NamedTuple):
    value: pd.Series
    invalid: pd.Series


def clean_text(s: pd.Series) -> pd.Series:
    """Trim, collapse inner whitespace, blank -> NA (string dtype)."""
    out = s.astype("string").str.replace(f"{WS}+", " ", regex=True).str.strip()
    return out.mask(out.isin(["", "nan", "NaN", "None", "-"]))


def _key(s: pd.Series) -> pd.Series:
    """Upper case with everything but letters and digits removed: 'D-III' -> 'DIII'."""
    return clean_text(s).str.upper().str.replace(r"[^0-9A-Z]", "", regex=True)


def _lookup(s: pd.Series, table: dict[str, str]) -> Parsed:
    text = clean_text(s)
    value = _key(text).map(table).astype("string")
    return Parsed(value, text.notna() & value.isna())


# --- identifiers --------------------------------------------------------------------------

_MANGLED = f"^{D}+(?:[.,]{D}+)?(?:[eE][+-]?{D}+)$|^{D}+[.,]0+$"


class IdParsed(NamedTuple):
    value: pd.Series  # digits only, NA when not exactly the expected length
    mangled: pd.Series  # Excel turned the ID into a number (digits lost)
    wrong: pd.Series  # text that is not the expected number of digits


def parse_id(s: pd.Series, digits: int) -> IdParsed:
    """NIP/NIK as text: spaces, dots and a leading apostrophe are removed."""
    text = clean_text(s).str.lstrip("'`’ ").str.strip()
    mangled = text.str.contains(_MANGLED, regex=True).fillna(False).astype(bool)
    compact = text.str.replace(f"{WS}|[.-]", "", regex=True)
    ok = compact.str.fullmatch(f"{D}{{{digits}}}").fillna(False).astype(bool)
    value = compact.where(ok).astype("string")
    wrong = text.notna() & ~ok & ~mangled
    return IdParsed(value, mangled, wrong)


class NikInNip(NamedTuple):
    digits: pd.Series  # the 16 digits where the text is a NIK (a birth date at digits 7-12)
    mangled: pd.Series  # a 16-digit number Excel rounded or wrote as 6.10701E+15
    sex: pd.Series  # L/P from the NIK digits (day of birth + 40 for women); NA elsewhere


# A NIP stored as a number arrives as a float near 2 * 10^17; a NIK's 16 digits lie between
# 10^15 and 10^16.
_NIK_RANGE = (1e15, 1e16)


def parse_nik_in_nip(s: pd.Series) -> NikInNip:
    """A NIK (16 digits) written where a NIP (18) belongs. A NIP with two digits lost is not
    taken for one: its digits 9-10 are the century of its TMT year (19, 20), never the month
    a NIK has there."""
    text = clean_text(s).str.lstrip("'`’ ").str.strip()
    compact = text.str.replace(f"{WS}|[.-]", "", regex=True)
    sixteen = compact.where(compact.str.fullmatch(f"{D}{{16}}").fillna(False).astype(bool))
    day = digits_at(sixteen, 6, 8)
    female = day > 40
    born = ymd_to_date(pd.Series(2000.0, index=s.index), digits_at(sixteen, 8, 10),
                       day - 40 * female)  # 2000: a leap year, 29-02 is a date
    digits = sixteen.where(born.notna()).astype("string")
    number = pd.to_numeric(text.where(text.str.contains(_MANGLED, regex=True).fillna(False))
                           .str.replace(",", ".", regex=False), errors="coerce")
    mangled = number.between(*_NIK_RANGE, inclusive="left").fillna(False).astype(bool)
    sex = female.map({True: "P", False: "L"}).where(digits.notna()).astype("string")
    return NikInNip(digits, mangled & digits.isna(), sex)


# --- dates --------------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    "JANUARI": 1, "JAN": 1, "JANUARY": 1,
    "FEBRUARI": 2, "PEBRUARI": 2, "FEB": 2, "PEB": 2, "FEBRUARY": 2,
    "MARET": 3, "MAR": 3, "MARCH": 3,
    "APRIL": 4, "APR": 4,
    "MEI": 5, "MAY": 5,
    "JUNI": 6, "JUN": 6, "JUNE": 6,
    "JULI": 7, "JUL": 7, "JULY": 7,
    "AGUSTUS": 8, "AGU": 8, "AGT": 8, "AGS": 8, "AUG": 8, "AUGUST": 8,
    "SEPTEMBER": 9, "SEP": 9, "SEPT": 9,
    "OKTOBER": 10, "OKT": 10, "OCT": 10, "OCTOBER": 10,
    "NOVEMBER": 11, "NOPEMBER": 11, "NOV": 11, "NOP": 11,
    "DESEMBER": 12, "DES": 12, "DEC": 12, "DECEMBER": 12,
}
_DMY = f"^(?P<d>{D}{{1,2}})[-/.](?P<m>{D}{{1,2}})[-/.](?P<y>{D}{{4}})$"
_YMD = (f"^(?P<y>{D}{{4}})-(?P<m>{D}{{1,2}})-(?P<d>{D}{{1,2}})"
        f"(?:[ T]{D}{{2}}:{D}{{2}}(?::{D}{{2}}(?:[.]{D}+)?)?)?$")
_D_MONTH_Y = f"^(?P<d>{D}{{1,2}})(?:{WS}|-)+(?P<mon>[A-Za-z]+)[.]?(?:{WS}|-)+(?P<y>{D}{{4}})$"
_SERIAL = f"^(?P<n>{D}{{5}})(?:[.]0+)?$"  # 10000-73050: 1927-05-18 .. 2099
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")


def _extract(text: pd.Series, pattern: str) -> pd.DataFrame:
    """``str.extract`` run by pyarrow (RE2) instead of pandas' Python fallback."""
    arr = pa.chunked_array([pa.array(text.array, type=pa.string())])
    found = pc.extract_regex(arr, pattern)
    names = [f.name for f in found.type]
    return pd.DataFrame({n: pd.Series(pc.struct_field(found, n).to_numpy(zero_copy_only=False),
                                      index=text.index, dtype="string") for n in names},
                        index=text.index)


def parse_date(s: pd.Series) -> Parsed:
    """Dates as ``12-01-1985``, ``12/01/1985``, ``1985-01-12``, ``12 Januari 1985`` or an
    Excel serial number (5 digits; a bare year is invalid). Impossible dates (31-02-1985) are
    invalid."""
    text = clean_text(s)
    y = pd.Series(np.nan, index=s.index)
    m = y.copy()
    d = y.copy()
    for pattern in (_DMY, _YMD):
        parts = _extract(text, pattern)
        hit = parts["y"].notna() & y.isna()
        y = y.where(~hit, pd.to_numeric(parts["y"], errors="coerce"))
        m = m.where(~hit, pd.to_numeric(parts["m"], errors="coerce"))
        d = d.where(~hit, pd.to_numeric(parts["d"], errors="coerce"))
    parts = _extract(text, _D_MONTH_Y)
    month = parts["mon"].str.upper().map(MONTHS)
    hit = parts["y"].notna() & month.notna() & y.isna()
    y = y.where(~hit, pd.to_numeric(parts["y"], errors="coerce"))
    m = m.where(~hit, month.astype(float))
    d = d.where(~hit, pd.to_numeric(parts["d"], errors="coerce"))
    value = ymd_to_date(y, m, d)
    serial = pd.to_numeric(_extract(text, _SERIAL)["n"], errors="coerce")
    serial_ok = serial.between(1, 73050) & value.isna() & y.isna()
    value = value.where(~serial_ok, _EXCEL_EPOCH + pd.to_timedelta(serial, unit="D"))
    return Parsed(value, text.notna() & value.isna())


def ymd_to_date(y: pd.Series, m: pd.Series, d: pd.Series) -> pd.Series:
    """Year/month/day columns -> datetime64 column, NaT where the date does not exist."""
    ok = y.between(1900, 2100) & m.between(1, 12) & d.between(1, 31)
    frame = pd.DataFrame({"year": y.where(ok, 2000), "month": m.where(ok, 1),
                          "day": d.where(ok, 1)})
    value = pd.to_datetime(frame, errors="coerce")
    return value.where(ok).astype("datetime64[us]")


def digits_at(s: pd.Series, start: int, stop: int) -> pd.Series:
    """The number written in characters ``start:stop`` of an ID (NaN where not digits)."""
    return pd.to_numeric(s.str.slice(start, stop), errors="coerce")


def nip_birth_and_sex(nip: pd.Series) -> tuple[pd.Series, pd.Series]:
    """What an 18-digit NIP says of its holder: the birth date (digits 1-8, YYYYMMDD; NaT when
    not a date) and the sex (digit 15: 1 -> L, 2 -> P; NA otherwise)."""
    birth = ymd_to_date(digits_at(nip, 0, 4), digits_at(nip, 4, 6), digits_at(nip, 6, 8))
    return birth, nip.str.slice(14, 15).map({"1": "L", "2": "P"})


# --- code lists ---------------------------------------------------------------------------

_SEX = {
    "L": "L", "LK": "L", "LAKILAKI": "L", "LAKI": "L", "PRIA": "L", "M": "L", "MALE": "L",
    "1": "L", "P": "P", "PR": "P", "PEREMPUAN": "P", "WANITA": "P", "F": "P", "FEMALE": "P",
    "2": "P",
}


def parse_sex(s: pd.Series) -> Parsed:
    """``L``/``P``, ``Laki-laki``/``Perempuan``, ``Pria``/``Wanita``, ``M``/``F``, ``1``/``2``."""
    return _lookup(s, _SEX)


def parse_jenis_pegawai(s: pd.Series) -> Parsed:
    """``PNS``, ``CPNS`` or ``PPPK`` from SIASN names (``PNS Daerah Kabupaten/Kota``) or codes."""
    text = clean_text(s)
    up = text.str.upper()
    value = pd.Series(pd.NA, index=s.index, dtype="string")
    edge = "(?:^|[^A-Z])"
    pns = f"{edge}PNS(?:$|[^A-Z])|PEGAWAI NEGERI"
    value = value.mask(up.str.contains(pns, regex=True).fillna(False), "PNS")
    cpns = f"{edge}CPNS(?:$|[^A-Z])|CALON"
    value = value.mask(up.str.contains(cpns, regex=True).fillna(False), "CPNS")
    pppk = r"PPPK|P3K|PERJANJIAN KERJA"
    value = value.mask(up.str.contains(pppk, regex=True).fillna(False), "PPPK")
    return Parsed(value, text.notna() & value.isna())


_KEDUDUKAN = {
    "AKTIF": "Aktif", "01": "Aktif", "1": "Aktif", "71": "Aktif", "PPPKAKTIF": "Aktif",
    "CLTN": "CLTN", "CUTIDILUARTANGGUNGANNEGARA": "CLTN", "02": "CLTN",
    "TUGASBELAJAR": "Tugas Belajar", "03": "Tugas Belajar",
    "PEMBERHENTIANSEMENTARA": "Pemberhentian Sementara", "04": "Pemberhentian Sementara",
    "MASAPERSIAPANPENSIUN": "Masa Persiapan Pensiun", "MPP": "Masa Persiapan Pensiun",
    "PENSIUN": "Pensiun", "PURNATUGAS": "Pensiun",
    "MENINGGAL": "Meninggal", "MENINGGALDUNIA": "Meninggal", "WAFAT": "Meninggal",
    "DIBERHENTIKAN": "Diberhentikan", "BERHENTI": "Diberhentikan",
    "DIBERHENTIKANTIDAKDENGANHORMAT": "Diberhentikan", "72": "Diberhentikan",
}


def parse_kedudukan(s: pd.Series) -> Parsed:
    """Kedudukan hukum to one of the eight canonical labels (codes 71/72: PPPK statuses)."""
    return _lookup(s, _KEDUDUKAN)


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
          "XIV", "XV", "XVI", "XVII")
_PNS_RUANG = {1: "abcd", 2: "abcd", 3: "abcd", 4: "abcde"}


def _golongan_table() -> dict[str, str]:
    table = {roman: roman for roman in _ROMAN}  # PPPK I-XVII
    for group, letters in _PNS_RUANG.items():
        roman = _ROMAN[group - 1]
        for n, letter in enumerate(letters, start=1):
            label = f"{roman}/{letter}"
            for key in (f"{group}{n}", f"{roman}{letter}", f"{group}{letter}"):
                table[key.upper()] = label
    return table


_GOLONGAN = _golongan_table()


def parse_golongan(s: pd.Series) -> Parsed:
    """PNS ``III/a`` in every spelling (``31``, ``IIIa``, ``III-a``, ``3A``, ``III/A``) ->
    ``III/a``; PPPK ``I``-``XVII`` -> the roman numeral. Which of the two a person may have is
    a row rule."""
    text = clean_text(s).str.replace(f"^(?i:gol(?:ongan)?[.]?){WS}*", "", regex=True)
    return _lookup(text, _GOLONGAN)


_ESELON_NONE = {"NON", "NONESELON", "99", "0", "00", "TIDAKADA"}
_ESELON = {
    f"{key}": f"{roman}.{letter}"
    for g, roman in ((2, "II"), (3, "III"), (4, "IV"))
    for n, letter in ((1, "a"), (2, "b"))
    for key in (f"{g}{n}", f"{roman}{letter.upper()}", f"{g}{letter.upper()}")
}


def parse_eselon(s: pd.Series) -> Parsed:
    """``II.a``/``21``/``IIa``/``Eselon II.a`` -> ``II.a``; blank, ``NON``, ``99`` -> NA (not
    structural). Eselon I and V are invalid for a kabupaten's Tabel 4.1."""
    text = clean_text(s).str.replace(f"^(?i:eselon){WS}*", "", regex=True)
    text = text.mask(_key(text).isin(_ESELON_NONE))
    return _lookup(text, _ESELON)


_JENIS_JABATAN = {
    "1": "struktural", "STRUKTURAL": "struktural", "JABATANSTRUKTURAL": "struktural",
    "2": "fungsional", "FUNGSIONAL": "fungsional", "FUNGSIONALTERTENTU": "fungsional",
    "JABATANFUNGSIONALTERTENTU": "fungsional", "JABATANFUNGSIONAL": "fungsional",
    "JFT": "fungsional", "JF": "fungsional",
    "4": "pelaksana", "PELAKSANA": "pelaksana", "FUNGSIONALUMUM": "pelaksana",
    "JABATANFUNGSIONALUMUM": "pelaksana", "JFU": "pelaksana", "JABATANPELAKSANA": "pelaksana",
}


def parse_jenis_jabatan(s: pd.Series) -> Parsed:
    """SIASN jenis jabatan (1 Struktural, 2 Fungsional Tertentu, 4 Fungsional Umum =
    Pelaksana) by code or name -> ``struktural``/``fungsional``/``pelaksana``."""
    return _lookup(s, _JENIS_JABATAN)


_PENDIDIKAN_NAMES = {
    "05": ("SD", "SEKOLAHDASAR", "5"),
    "10": ("SLTP", "SMP", "MTS", "SLTPSEDERAJAT", "SMPSEDERAJAT"),
    "15": ("SLTA", "SMA", "SMK", "SMU", "SMEA", "STM", "MA", "SPK", "SLTASEDERAJAT",
           "SMASEDERAJAT", "SLTAKEJURUAN"),
    "20": ("DI", "D1", "DIPLOMAI", "DIPLOMA1"),
    "25": ("DII", "D2", "DIPLOMAII", "DIPLOMA2"),
    "30": ("DIII", "D3", "DIPLOMAIII", "DIPLOMA3", "AKADEMI", "SARJANAMUDA"),
    "35": ("DIV", "D4", "DIPLOMAIV", "DIPLOMA4", "SARJANATERAPAN"),
    "40": ("S1", "SARJANA", "S1SARJANA", "STRATA1", "STRATAI", "SARJANAS1"),
    "45": ("S2", "MAGISTER", "S2MAGISTER", "STRATA2", "STRATAII", "PASCASARJANA", "MAGISTERS2"),
    "50": ("S3", "DOKTOR", "S3DOKTOR", "STRATA3", "STRATAIII", "DOKTORS3"),
}
_PENDIDIKAN = {name: code for code, names in _PENDIDIKAN_NAMES.items() for name in names}
_PENDIDIKAN.update({c: c for c in ("05", "10", "12", "15", "17", "18", "20", "25", "30", "35",
                                   "40", "45", "50")})


def parse_pendidikan(s: pd.Series) -> Parsed:
    """Tingkat pendidikan as SIASN code (``40``) or name (``S1``, ``S-1/Sarjana``, ``D-III``,
    ``SMA``) -> the SIASN code."""
    return _lookup(clean_text(s).str.replace(r"\.0+$", "", regex=True), _PENDIDIKAN)
