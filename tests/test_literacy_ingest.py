"""Digital-literacy participant lists: NIK forms and rules, kecamatan spellings, program and
class date from columns or the title block. Real XLSX and CSV files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from xlsx_helpers import write_attendance_list, write_csv

from ingest.extract import FileExtract, extract_file
from ingest.rules.literacy import canonical_kecamatan, kecamatan_in, place_of_class, program_name
from ingest.sources import SOURCES

LITERACY = SOURCES["literacy"]
TITLE = ["DAFTAR PESERTA", "LITERASI DIGITAL UNTUK PEREMPUAN", "Kecamatan Ledo, 12 Maret 2025"]
HEADER = ["NO", "NAMA", "NIK", "JENIS KELAMIN", "TANGGAL LAHIR", "DESA", "KECAMATAN",
          "PEKERJAAN", "DISABILITAS", "NO HP"]
ANI = "6107055203900001"  # woman (day 52 = 12 + 40), born 12-03-1990, registered in 6107
ROWS = [
    [1, "Ani", ANI, "P", "12-03-1990", "Sebalos", "Kec. Sei Raya", "Petani", "Tidak", "0812"],
    [2, "Budi", "6107051203900002", "", "", "Sebalos", "LEDO", "Petani", "Ya", "0813"],
    [3, "Cici", "6107055203900003", "L", "", "Sebalos", "sanggauledo", "IRT", "-", ""],
    [4, "Dedi", "", "", "", "Sebalos", "Pontianak Kota", "", "", ""],
    [5, "Eka", "6171055203900004", "P", "", "Sebalos", "Tujuh Belas", "", "tdk", ""],
    [6, "Ani", ANI, "P", "12-03-1990", "Sebalos", "Ledo", "Petani", "Tidak", "0812"],
    [7, "Fani", "610705520390", "P", "", "Sebalos", "Sungai Raya Kep.", "", "", ""],
    [8, "Gita", "", "P", "01-01-2001", "Sebalos", "Lumar", "Pelajar", "Tidak", ""],
]


def _xlsx(path: Path, title: list[str] = TITLE, header: list[str] = HEADER,
          rows: list[list[object]] = ROWS) -> Path:
    return write_attendance_list(path, title, header, rows)


def _rules(fx: FileExtract) -> set[tuple[int, str, str]]:
    return {(int(r.source_row), r.rule, r.severity) for r in fx.issues.itertuples()
            if pd.notna(r.source_row)}


@pytest.mark.parametrize(("written", "canonical"), [
    ("Kec. Sei Raya", "Sungai Raya"), ("SUNGAI RAYA", "Sungai Raya"),
    ("sungai raya kep.", "Sungai Raya Kepulauan"), ("Sei Raya Kepulauan", "Sungai Raya Kepulauan"),
    ("SANGGAULEDO", "Sanggau Ledo"), ("Kecamatan Jagoi Babang", "Jagoi Babang"),
    ("jagoibabang", "Jagoi Babang"), ("Tujuhbelas", "Tujuh Belas"), ("17", "Tujuh Belas"),
    ("Kec. 17", "Tujuh Belas"), ("S. Betung", "Sungai Betung"),
    ("Pontianak Kota", None), ("Ledo Baru", None),
])
def test_kecamatan_spellings(written: str, canonical: str | None) -> None:
    got = canonical_kecamatan(pd.Series([written], dtype="string")).iloc[0]
    assert (None if pd.isna(got) else got) == canonical


def test_participant_rows_are_judged(tmp_path: Path) -> None:
    fx = extract_file(_xlsx(tmp_path / "kelas.xlsx"), LITERACY, date(2025, 3, 31))
    assert fx.problem is None and fx.header_row == 5
    assert _rules(fx) == {
        (7, "sex_from_nik", "info"), (7, "birth_date_from_nik", "info"),
        (8, "birth_date_from_nik", "info"),
        (8, "sex_conflicts_nik", "reject"),  # L, but the NIK's day + 40 says a woman
        (9, "nik_missing", "warning"), (9, "sex_unknown", "warning"),
        (9, "kecamatan_unknown", "reject"),
        (10, "birth_date_from_nik", "info"), (10, "nik_outside_kabupaten", "warning"),
        (11, "attendance_duplicate", "reject"),  # Ani again
        (12, "nik_format", "warning"),  # 12 digits
        (13, "nik_missing", "warning"),
    }
    v = fx.values.set_index("_source_row")
    assert list(v["nik_status"]) == ["valid", "valid", "valid", "blank", "outside", "valid",
                                     "invalid", "blank"]
    assert list(v["kecamatan"].fillna("?")) == [
        "Sungai Raya", "Ledo", "Sanggau Ledo", "?", "Tujuh Belas", "Ledo",
        "Sungai Raya Kepulauan", "Lumar"]
    assert v.loc[7, "jenis_kelamin"] == "L" and v.loc[7, "tanggal_lahir"] == pd.Timestamp(
        "1990-03-12")
    assert list(v["disabilitas"].fillna("?")) == ["Tidak", "Ya", "?", "?", "Tidak", "Tidak",
                                                  "?", "Tidak"]
    assert set(v["program"]) == {"Literasi Digital untuk Perempuan"}  # seed spelling
    assert set(v["class_date"]) == {pd.Timestamp("2025-03-12")}
    assert "*************001" in set(fx.issues["value"])  # the NIK is masked


def test_program_and_date_columns_win_over_the_title(tmp_path: Path) -> None:
    header = [*HEADER, "PROGRAM", "TANGGAL", "UMUR"]
    rows = [[*ROWS[0][:4], "", *ROWS[0][5:], "Cakap Digital", "05-05-2025", "35"],
            [*ROWS[1], "", "", ""]]
    fx = extract_file(_xlsx(tmp_path / "k.xlsx", header=header, rows=rows), LITERACY,
                      date(2025, 5, 31))
    v = fx.values
    assert list(v["program"]) == ["Gerakan Nasional Literasi Digital - Cakap Digital",
                                  "Literasi Digital untuk Perempuan"]
    assert list(v["class_date"]) == [pd.Timestamp("2025-05-05"), pd.Timestamp("2025-03-12")]
    assert list(v["umur"].fillna("?")) == ["35", "?"]


@pytest.mark.parametrize(("written", "program"), [
    ("GERAKAN NASIONAL LITERASI DIGITAL - CAKAP DIGITAL - KEC. CAPKALA",
     "Gerakan Nasional Literasi Digital - Cakap Digital"),
    ("WEBINAR GERAKAN NASIONAL LITERASI DIGITAL (CAKAP DIGITAL)",
     "Gerakan Nasional Literasi Digital - Cakap Digital"),
    ("BIMTEK DESA DIGITAL", "Desa Digital"),
    ("SOSIALISASI LITERASI DIGITAL BAGI PELAJAR", "Literasi Digital Pelajar"),
    ("PELATIHAN UMKM GO DIGITAL KABUPATEN BENGKAYANG", "Pelatihan UMKM Go Digital"),
    ("Kelas Coding Anak - Kec. Ledo", "KELAS CODING ANAK"),  # not in the seed: kept
])
def test_class_names_map_to_their_program(written: str, program: str) -> None:
    assert program_name(written) == program


def test_no_program_anywhere_rejects_the_rows_saying_how_to_fix(tmp_path: Path) -> None:
    fx = extract_file(_xlsx(tmp_path / "k.xlsx", title=["12 Maret 2025"]), LITERACY,
                      date(2025, 3, 31))
    assert fx.rows_rejected == fx.rows_read
    messages = set(fx.issues.loc[fx.issues["rule"] == "program_missing", "message"])
    assert any("PROGRAM column" in m for m in messages)


def test_csv_variant_gives_the_same_judgement(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "kelas.csv", [[t] for t in TITLE] + [[], HEADER, *ROWS],
                     delimiter=",", encoding="utf-8-sig")
    fx = extract_file(path, LITERACY, date(2025, 3, 31))
    xlsx = extract_file(_xlsx(tmp_path / "kelas.xlsx"), LITERACY, date(2025, 3, 31))
    assert fx.problem is None and _rules(fx) == _rules(xlsx)


def test_missing_kecamatan_column_rejects_the_file(tmp_path: Path) -> None:
    header = [h for h in HEADER if h != "KECAMATAN"]
    rows = [[c for i, c in enumerate(r) if i != 6] for r in ROWS]
    fx = extract_file(_xlsx(tmp_path / "k.xlsx", header=header, rows=rows), LITERACY,
                      date(2025, 3, 31))
    assert fx.problem is not None and fx.problem.rule == "required_column_missing"
    assert "kecamatan" in fx.problem.message


@pytest.mark.parametrize(("cell", "rule", "status"), [
    (6107055203900001, "nik_excel_mangled", "invalid"),  # a number cell: digits are lost
    ("6.10706E+15", "nik_excel_mangled", "invalid"),
    ("610705520390001", "nik_format", "invalid"),  # 15 digits
    ("6107059903900001", "nik_digits_invalid", "invalid"),  # day 99 - 40 = 59
    ("6107 0552 0390 0001", None, "valid"),  # spaces are fine
    ("'6107055203900001", None, "valid"),  # a leading apostrophe (Excel's text mark) too
])
def test_nik_forms(tmp_path: Path, cell: object, rule: str | None, status: str) -> None:
    row = [1, "Ani", cell, "P", "", "Sebalos", "Ledo", "Petani", "Tidak", ""]
    fx = extract_file(_xlsx(tmp_path / "k.xlsx", rows=[row]), LITERACY, date(2025, 3, 31))
    assert fx.values["nik_status"].iloc[0] == status
    nik_rules = {r for r in fx.issues["rule"] if r.startswith("nik_")}
    assert nik_rules == ({rule} if rule else set())
    assert fx.rows_rejected == 0  # counted all the same (by the fallback identity if need be)


# --- the class's place: one per list ----------------------------------------------------

@pytest.mark.parametrize(("place", "kecamatan"), [
    ("Kecamatan Seluas", "Seluas"), ("Seluas", "Seluas"), ("Aula Kantor Camat Seluas", "Seluas"),
    ("Kec. Sei Raya", "Sungai Raya"), ("Desa Sahan, Kec. Sanggau Ledo", "Sanggau Ledo"),
    ("Balai Desa, Kec. Sungai Raya Kep.", "Sungai Raya Kepulauan"), ("Kec. 17", "Tujuh Belas"),
    ("SANGGAULEDO", "Sanggau Ledo"),
    ("Aula Diskominfo Kabupaten Bengkayang", None),  # the kabupaten, not kecamatan Bengkayang
    ("Hotel Dangau", None),
])
def test_the_kecamatan_a_place_names(place: str, kecamatan: str | None) -> None:
    assert kecamatan_in(place) == kecamatan


def test_the_class_place_is_one_for_the_whole_list() -> None:
    people = pd.Series(["Ledo", "Seluas", "Ledo", None, "Teriak"], dtype="string")
    assert place_of_class("Kecamatan Seluas", people) == "Seluas"  # the title block wins
    assert place_of_class("  aula  hotel dangau ", people) == "AULA HOTEL DANGAU"
    assert place_of_class(None, people) == "Ledo"  # most participants come from Ledo
    assert place_of_class("", pd.Series(["Teriak", "Ledo"], dtype="string")) == "Ledo"  # a tie
    assert place_of_class(None, pd.Series([None], dtype="string")) is None


def test_a_corrected_list_with_a_participant_from_elsewhere_keeps_its_class_place(
        tmp_path: Path) -> None:
    title = ["DAFTAR PESERTA", "LITERASI DIGITAL UNTUK PEREMPUAN", "12 Maret 2025"]
    first = [[1, "Budi", "6107051203900002", "L", "", "Sebalos", "LEDO", "", "", ""],
             [2, "Gita", "", "P", "01-01-2001", "Sebalos", "Ledo", "", "", ""],
             [3, "Dewi", "", "P", "01-01-1999", "Sebalos", "Lumar", "", "", ""]]
    again = [*first, [4, "Hana", "", "P", "02-02-2002", "Sebalos", "Seluas", "", "", ""]]
    places = []
    for name, rows in (("first.xlsx", first), ("again.xlsx", again)):
        fx = extract_file(_xlsx(tmp_path / name, title=title, rows=rows), LITERACY,
                          date(2025, 3, 31))
        assert fx.problem is None
        places.append(set(fx.values["class_place"]))
    assert places == [{"Ledo"}, {"Ledo"}]  # not the kecamatan of each participant


def test_the_title_blocks_place_is_the_class_place(tmp_path: Path) -> None:
    fx = extract_file(_xlsx(tmp_path / "k.xlsx"), LITERACY, date(2025, 3, 31))
    assert set(fx.values["class_place"]) == {"Ledo"}  # "Kecamatan Ledo, 12 Maret 2025"
