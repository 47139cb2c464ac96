"""An independent count of digital-literacy participants from the generated sample files, in
plain pandas: rows the manifest says are rejected are dropped, a person is their NIK when it is
16 digits with a real birth date in it, else their name, birth date (or age) and kecamatan; sex
from the list, else from the NIK (day of birth + 40 for women). Shares no code with ingest/.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import pandas as pd

from terpilah.sample import SampleManifest

PROGRAMS = {  # keyword (in upper case) -> program, most specific first
    "CAKAP DIGITAL": "Gerakan Nasional Literasi Digital - Cakap Digital",
    "PEREMPUAN": "Literasi Digital untuk Perempuan",
    "PELAJAR": "Literasi Digital Pelajar",
    "UMKM": "Pelatihan UMKM Go Digital",
    "DESA DIGITAL": "Desa Digital",
}


def _rows(path: Path) -> list[list[str]]:
    if path.suffix == ".csv":
        data = path.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252")
        delimiter = ";" if text.splitlines()[-1].count(";") > 2 else ","
        return [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    import openpyxl

    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    # a number cell is shown as Excel keeps it (a float: a 16-digit NIK loses its last digit)
    return [["" if c is None else str(float(c)) if isinstance(c, int | float) else str(c)
             for c in row] for row in sheet.iter_rows(values_only=True)]


def _nik(text: str) -> tuple[str, str | None]:
    """(identity, sex from the NIK) for a usable NIK, else ('', None)."""
    digits = text.strip().lstrip("'")
    if not re.fullmatch(r"\d{16}", digits):
        return "", None
    day, month = int(digits[6:8]), int(digits[8:10])
    female = day > 40
    try:
        date(2000, month, day - 40 if female else day)
    except ValueError:
        return "", None
    return digits, "P" if female else "L"


MONTHS = ["JANUARI", "FEBRUARI", "MARET", "APRIL", "MEI", "JUNI", "JULI", "AGUSTUS",
          "SEPTEMBER", "OKTOBER", "NOVEMBER", "DESEMBER"]


def _iso(text: str) -> str:
    """A birth date as written (date cell, 12/03/1990, 12-03-1990, 1990-03-12, 12 Maret 1990)
    as YYYY-MM-DD; '' when blank."""
    text = text.strip()
    if m := re.match(r"(\d{4})-(\d{2})-(\d{2})", text):
        return f"{m[1]}-{m[2]}-{m[3]}"
    if m := re.fullmatch(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})", text):
        return f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"
    if m := re.fullmatch(r"(\d{1,2}) ([A-Za-z]+) (\d{4})", text):
        return f"{m[3]}-{MONTHS.index(m[2].upper()) + 1:02d}-{int(m[1]):02d}"
    return text


def _kecamatan(text: str) -> str:
    squashed = re.sub(r"[^A-Z0-9]", "", text.upper().replace("KEC.", "").replace("SEI", "SUNGAI"))
    squashed = "TUJUHBELAS" if squashed == "17" else squashed
    return squashed.replace("KEP", "KEPULAUAN").replace("KEPULAUANULAUAN", "KEPULAUAN")


def attendances(root: Path) -> pd.DataFrame:
    """One row per counted attendance: program, year, person, sex ('' unknown)."""
    manifest = SampleManifest.load(root)
    records = []
    for file in manifest.literacy:
        rows = _rows(root / file.path)
        header = [h.strip().upper() for h in rows[file.header_row - 1]]
        rejected = {f.row for f in file.flaws if f.expected == "rejected"}
        program = next((p for k, p in PROGRAMS.items() if k in file.program.upper()),
                       file.program)
        for number, row in enumerate(rows[file.header_row:], start=file.header_row + 1):
            cells = dict(zip(header, [c.strip() for c in row], strict=False))
            name = cells.get("NAMA") or cells.get("NAMA PESERTA") or ""
            if number in rejected or not name:
                continue
            nik, nik_sex = _nik(cells.get("NIK", ""))
            stated = next((cells[h] for h in ("JENIS KELAMIN", "L/P", "JK", "JENIS KELAMIN (L/P)")
                       if h in cells), "")
            sex = {"L": "L", "LAKI-LAKI": "L", "P": "P", "PEREMPUAN": "P"}.get(
                stated.upper(), nik_sex or "")
            born = next((cells[h] for h in ("TANGGAL LAHIR", "TGL LAHIR") if h in cells), "")
            age = cells.get("UMUR", "")
            person = nik or "|".join([re.sub(r"[^a-z0-9]", "", name.lower()),
                                      _iso(born) or "umur:" + age.removesuffix(".0"),
                                      _kecamatan(cells.get("KECAMATAN", ""))])
            records.append({"program": program, "year": int(file.class_date[:4]),
                            "person": person, "sex": sex, "fallback": not nik})
    return pd.DataFrame(records)


def expected_summary(root: Path) -> pd.DataFrame:
    """Per year and program (and 'Semua program'): unique participants and attendances by sex."""
    seen = attendances(root)
    parts = []
    for program, rows in [("Semua program", seen), *seen.groupby("program")]:
        for year, group in rows.groupby("year"):
            people = group.drop_duplicates("person", keep="last")
            parts.append({
                "program": program, "year": year,
                "participants_pria": int((people["sex"] == "L").sum()),
                "participants_wanita": int((people["sex"] == "P").sum()),
                "participants_total": len(people),
                "attendances_total": len(group),
                "fallback_identified": int(people["fallback"].sum()),
            })
    return pd.DataFrame(parts)
