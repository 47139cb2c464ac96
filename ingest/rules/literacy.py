"""Row rules of digital-literacy participant lists.

NIK (16 digits): 1-6 region of first registration (Kabupaten Bengkayang = 6107), 7-12 birth
date DDMMYY with 40 added to the day for women, 13-16 sequence.

Reject: nobody named; the stated sex contradicts the NIK; a kecamatan that is not one of the
17; a participant already listed above in the file; no program anywhere.
Warning (counted): NIK blank, not 16 digits, Excel-mangled or with impossible digits (the
person is counted by the fallback identity); NIK registered outside the kabupaten; sex unknown
(counted, not by sex); an age or disability value that is not understood.
Info: sex or birth date taken from the NIK.
The class's place (``class_place``, one per file) identifies the class with its program and
date, so that a corrected list replaces the earlier one as a whole: the kecamatan the title
block's place names (else that place as written), or without one the kecamatan most of the
list's participants come from.
"""

from __future__ import annotations

import csv
import functools
import re
from datetime import date
from pathlib import Path

import pandas as pd

from ingest.parsers import digits_at, ymd_to_date
from ingest.rules.collect import Issues, flag_repeated, name_key
from ingest.rules.collect import Severity as S

KABUPATEN = "6107"
KECAMATAN_CSV = (Path(__file__).resolve().parents[2] / "dbt_project" / "seeds"
                 / "ref_kecamatan.csv")
_YES = {"YA", "Y", "ADA", "IYA", "DISABILITAS"}
_NO = {"TIDAK", "T", "TDK", "TIDAK ADA", "NON DISABILITAS", "BUKAN", "NORMAL"}


PROGRAMS_CSV = KECAMATAN_CSV.with_name("ref_literacy_programs.csv")
_CLASS_SUFFIX = re.compile(r"\s*(?:[-–,(]\s*)?(?:KEC(?:AMATAN)?\.?\s+.*|KABUPATEN\s+BENGKAYANG.*)$")


def program_name(text: str) -> str:
    """The program a class belongs to: the first keyword of seed ``ref_literacy_programs``
    found in the name (whole words), else the name itself in upper case without a trailing
    kecamatan ("... - Kec. Ledo") or "Kabupaten Bengkayang"."""
    name = _CLASS_SUFFIX.sub("", " ".join(text.upper().split())).strip(" -–,") or text.upper()
    words = " " + re.sub(r"[^0-9a-z]+", " ", name.lower()).strip() + " "
    for _priority, keyword, program in _programs():
        if f" {keyword} " in words:
            return program
    return name


@functools.cache
def _programs() -> tuple[tuple[int, str, str], ...]:
    with PROGRAMS_CSV.open(encoding="utf-8") as fh:
        rows = [(int(r["priority"]), r["keyword"].strip().lower(), r["program"].strip())
                for r in csv.DictReader(fh)]
    return tuple(sorted(rows, key=lambda r: (r[0], -len(r[1]))))


def _squash(name: str) -> str:
    text = name.upper()
    text = re.sub(r"^\s*(KECAMATAN|KEC)\b\.?", " ", text)
    text = re.sub(r"\bSEI\b\.?|\bS\.\s*|\bSUNGAI\b", " SUNGAI ", text)
    text = re.sub(r"\bKEP\b\.?", " KEPULAUAN ", text)
    text = re.sub(r"\b17\b", " TUJUH BELAS ", text)  # Kecamatan Tujuh Belas, often "17"
    return re.sub(r"[^A-Z]", "", text)


@functools.cache
def kecamatan_names() -> dict[str, str]:
    """Squashed spelling -> the canonical name of each of the 17 kecamatan (seed)."""
    with KECAMATAN_CSV.open(encoding="utf-8") as fh:
        names = [r["kecamatan"] for r in csv.DictReader(fh)]
    return {_squash(n): n for n in names}


def canonical_kecamatan(text: pd.Series) -> pd.Series:
    """``'Kec. Sei Raya'``, ``'SANGGAULEDO'`` -> ``'Sungai Raya'``, ``'Sanggau Ledo'``; NA
    where the spelling is none of the 17."""
    known = kecamatan_names()
    lookup = {v: known.get(_squash(v)) for v in text.dropna().unique()}
    return text.map(lookup).astype("string")


def kecamatan_in(text: str) -> str | None:
    """The kecamatan a place names: ``'Aula Kantor Camat Seluas'`` -> ``'Seluas'``, ``'Kec.
    Sei Raya'`` -> ``'Sungai Raya'``; the first one named, the longest name where two start
    there (Sanggau Ledo, not Ledo); None when it names none ("Kabupaten Bengkayang" is the
    kabupaten, not its kecamatan Bengkayang)."""
    whole = kecamatan_names().get(_squash(text))
    if whole is not None:
        return whole
    words = text.upper()
    words = re.sub(r"\bKAB(?:UPATEN)?\b\.?\s*BENGKAYANG\b", " ", words)
    words = re.sub(r"\bKEC(?:AMATAN)?\b\.?\s*17\b", " TUJUH BELAS ", words)
    words = re.sub(r"\bSEI\b\.?|\bS\.\s*", " SUNGAI ", words)
    words = re.sub(r"\bKEP\b\.?", " KEPULAUAN ", words)
    words = " " + " ".join(re.sub(r"[^A-Z]+", " ", words).split()) + " "
    names = sorted(kecamatan_names().values(), key=len, reverse=True)
    found = re.search("(?<= )(" + "|".join(re.escape(n.upper()) for n in names) + ")(?= )",
                      words)
    return None if found is None else {n.upper(): n for n in names}[found.group(1)]


def place_of_class(place: object, kecamatan: pd.Series) -> str | None:
    """One place for the whole list: the kecamatan the title block's place names, else that
    place as written (upper case), else the kecamatan most participants come from (ties: the
    first by name); None when the list names no kecamatan at all. Never a participant's own
    kecamatan row by row: a corrected list with one participant more from elsewhere is still
    the same class."""
    if isinstance(place, str) and place.strip():
        return kecamatan_in(place) or " ".join(place.upper().split())
    counts = kecamatan.dropna().value_counts()
    if counts.empty:
        return None
    return str(sorted(counts[counts == counts.max()].index)[0])


def literacy_row_rules(issues: Issues, data_date: date) -> None:
    """Judge every participant row; sets ``nip_status``-like ``nik_status``, derives sex and
    birth date from the NIK, and normalises kecamatan, program, age and disability."""
    v = issues.norm.values
    text = issues.norm.text
    usable = _nik_rules(issues, data_date)
    nobody = v["nama"].isna()
    issues.add(nobody, "nama", "participant_unnamed", S.REJECT,
               "No name: this row names no participant.")
    _sex_rules(issues, usable)
    _kecamatan_rules(issues)
    v["program"] = v["program"].map(program_name, na_action="ignore").astype("string")
    issues.add(v["program"].isna(), "program", "program_missing", S.REJECT,
               "No program: add a PROGRAM column, or write the class's name in a row above "
               "the table.")
    age = pd.to_numeric(text["umur"].str.extract("^([0-9]{1,3})", expand=False),
                        errors="coerce")
    bad_age = text["umur"].notna() & (age.isna() | (age > 120))
    issues.add(bad_age, "umur", "age_invalid", S.WARNING,
               "Umur not understood (write the age in years, e.g. 34): ignored.")
    v["umur"] = age.where(~bad_age).astype("Int64").astype("string")
    key = text["disabilitas"].str.upper()
    v["disabilitas"] = pd.Series(pd.NA, index=v.index, dtype="string").mask(
        key.isin(_YES).fillna(False).astype(bool), "Ya").mask(
        key.isin(_NO).fillna(False).astype(bool), "Tidak")
    issues.add(key.notna() & v["disabilitas"].isna(), "disabilitas", "disability_invalid",
               S.WARNING, "Disabilitas not understood: write Ya or Tidak. Counted as unknown.")
    born = v["tanggal_lahir"].dt.strftime("%Y-%m-%d").astype("string").fillna(v["umur"])
    flag_repeated(issues, "nik", usable, name_key(v["nama"], born), "name and birth date or age")
    # Of the rows that are loaded, as int_literacy_attendances does for rows without it.
    counted = v["kecamatan"].where(~issues.rejected())
    v["class_place"] = pd.Series(
        place_of_class(issues.norm.file_values.get("class_place"), counted),
        index=v.index, dtype="string")


def _nik_rules(issues: Issues, data_date: date) -> pd.Series:
    v = issues.norm.values
    nik = v["nik"]
    mangled = issues.norm.mangled["nik"]
    wrong = issues.norm.invalid["nik"]
    day = digits_at(nik, 6, 8)
    female = day > 40
    yy = digits_at(nik, 10, 12)
    year = yy + 2000 - 100 * (yy > data_date.year % 100)
    birth = ymd_to_date(year, digits_at(nik, 8, 10), day - 40 * female)
    bad_digits = nik.notna() & birth.isna()
    usable = nik.notna() & ~bad_digits
    outside = usable & (nik.str.slice(0, 4) != KABUPATEN)
    issues.add(issues.norm.text["nik"].isna(), "nik", "nik_missing", S.WARNING,
               "NIK is blank: the person is counted once by name, birth date (or age) and "
               "kecamatan. Fill in the NIK to count repeat participants reliably.")
    issues.add(mangled, "nik", "nik_excel_mangled", S.WARNING,
               "Excel turned this NIK into a number and its last digits are lost: format the "
               "column as Text and type the NIK again. Counted by name and birth date.")
    issues.add(wrong, "nik", "nik_format", S.WARNING,
               "NIK must be 16 digits: counted by name and birth date. Correct the NIK.")
    issues.add(bad_digits, "nik", "nik_digits_invalid", S.WARNING,
               "NIK digits 7-12 must be the birth date DDMMYY (women: day + 40): the NIK looks "
               "mistyped. Counted by name and birth date.")
    issues.add(outside, "nik", "nik_outside_kabupaten", S.WARNING,
               "This NIK was registered outside Kabupaten Bengkayang (digits 1-4 are not "
               "6107): counted; check that the participant lives in the kabupaten.")
    status = pd.Series("blank", index=v.index, dtype="string")
    status = status.mask(usable, "valid").mask(outside, "outside").mask(
        mangled | wrong | bad_digits, "invalid")
    v["nik_status"] = status
    v["nik"] = nik.where(usable)
    v["_nik_sex"] = female.map({True: "P", False: "L"}).where(usable)
    v["_nik_birth"] = birth.where(usable)
    return usable


def _sex_rules(issues: Issues, usable: pd.Series) -> None:
    v = issues.norm.values
    sex, nik_sex = v["jenis_kelamin"], v.pop("_nik_sex")
    invalid = issues.norm.invalid["jenis_kelamin"]
    issues.add(sex.notna() & usable & (sex != nik_sex), "jenis_kelamin", "sex_conflicts_nik",
               S.REJECT, "Jenis kelamin contradicts the NIK (women's day of birth is + 40): "
               "the person's sex is unknown. Correct whichever is wrong.")
    derive = sex.isna() & usable
    issues.add(derive, "jenis_kelamin", "sex_from_nik", S.INFO,
               "Jenis kelamin is blank: taken from the NIK.")
    unknown = sex.isna() & ~usable & v["nama"].notna()
    issues.add(unknown | invalid & ~usable, "jenis_kelamin", "sex_unknown", S.WARNING,
               "Jenis kelamin blank or not understood, and no usable NIK to take it from: "
               "counted, but not as a man or a woman. Write L or P.")
    v["jenis_kelamin"] = sex.where(~derive, nik_sex)
    birth, nik_birth = v["tanggal_lahir"], v.pop("_nik_birth")
    from_nik = birth.isna() & usable & ~issues.norm.invalid["tanggal_lahir"]
    issues.add(from_nik, "tanggal_lahir", "birth_date_from_nik", S.INFO,
               "Tanggal lahir is blank: taken from NIK digits 7-12.")
    issues.add(issues.norm.invalid["tanggal_lahir"], "tanggal_lahir", "date_invalid", S.WARNING,
               "Not a valid date (ignored): write DD-MM-YYYY.")
    v["tanggal_lahir"] = birth.where(~from_nik, nik_birth)


def _kecamatan_rules(issues: Issues) -> None:
    v = issues.norm.values
    text = issues.norm.text["kecamatan"]
    canonical = canonical_kecamatan(text)
    names = ", ".join(sorted(kecamatan_names().values()))
    issues.add(text.isna() & v["nama"].notna(), "kecamatan", "kecamatan_missing", S.REJECT,
               "Kecamatan is blank: every participant needs one of the 17 kecamatan.")
    issues.add(text.notna() & canonical.isna(), "kecamatan", "kecamatan_unknown", S.REJECT,
               f"Not a kecamatan of Kabupaten Bengkayang. Write one of: {names}.")
    v["kecamatan"] = canonical
