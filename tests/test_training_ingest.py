"""Attendance lists: the title block (kind, dates), the participant rows and their rules, and
the matching of NIPs against the loaded employees. Real XLSX and CSV files."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from xlsx_helpers import write_attendance_list

from ingest.extract import FileExtract, extract_file
from ingest.read import FileProblem
from ingest.rules.training import ABSENCE_CSV, attendance, is_absent
from ingest.sources import SOURCES
from ingest.title_training import (
    KINDS,
    classify,
    keywords,
    parse_event_dates,
    read_training_title,
)
from warehouse.match import match_participants
from warehouse.store import connect

TRAINING = SOURCES["training"]
TITLE = ["DAFTAR HADIR", "PELATIHAN PERENCANAAN DAN PENGANGGARAN RESPONSIF GENDER (PPRG)",
         "Bengkayang, 12-14 Maret 2025", "Tempat : Aula Bappeda",
         "Penyelenggara : BKDPSDM Kabupaten Bengkayang"]
HEADER = ["NO", "NAMA", "NIP", "JABATAN", "UNIT KERJA / PD", "L/P", "TANDA TANGAN",
          "KETERANGAN"]
BUDI = "19680411 199303 1 009"  # male (digit 15 = 1)
ANI = "198504122010012011"  # female
ROWS = [
    [1, "Budi Santoso", BUDI, "Perencana Ahli Muda", "Bappeda", "L", "ttd", ""],
    [2, "Ani Lestari", ANI, "Kepala Sub Bagian Perencanaan dan Keuangan", "Dinas Sosial", "",
     "", ""],
    [3, "Siti Aminah", "-", "Kader PKK", "PKK Kecamatan Ledo", "P", "", ""],
    [4, "Budi Santoso", BUDI, "Perencana Ahli Muda", "Bappeda", "L", "ttd", ""],
    [5, "Joko Widodo", "1968041119930310", "Staf", "Bappeda", "L", "", ""],
    [6, "Rina", "", "Honorer", "Dinas Sosial", "", "", "Tidak Hadir"],
    [7, "Yuli", "19900101 201503 2 004", "Pengelola Keuangan", "BPKAD", "L", "", ""],
]


def _xlsx(path: Path, title: list[str] = TITLE, header: list[str] = HEADER,
          rows: list[list[object]] = ROWS) -> Path:
    return write_attendance_list(path, title, header, rows)


def _issues(fx: FileExtract) -> set[tuple[object, str, str]]:
    return {(r.source_row, r.rule, r.severity) for r in fx.issues.itertuples()}


@pytest.mark.parametrize(("line", "start", "end"), [
    ("Bengkayang, 12-14 Maret 2025", date(2025, 3, 12), date(2025, 3, 14)),
    ("Tanggal : 12 s.d. 14 Maret 2025", date(2025, 3, 12), date(2025, 3, 14)),
    ("Selasa, 4 Februari 2025", date(2025, 2, 4), date(2025, 2, 4)),
    ("Pontianak, 28 Oktober - 1 November 2025", date(2025, 10, 28), date(2025, 11, 1)),
    ("3 s/d 7 Nopember 2025", date(2025, 11, 3), date(2025, 11, 7)),
    ("29 Desember - 2 Januari 2026", date(2025, 12, 29), date(2026, 1, 2)),
    ("12/03/2025 s.d. 14/03/2025", date(2025, 3, 12), date(2025, 3, 14)),
    ("2025-03-12 00:00:00", date(2025, 3, 12), date(2025, 3, 12)),
])
def test_event_dates_as_organisers_write_them(line: str, start: date, end: date) -> None:
    assert parse_event_dates(line) == (start, end)


@pytest.mark.parametrize(("title", "kind"), [
    ("SOSIALISASI PENGARUSUTAMAAN GENDER (PUG) BAGI ASN", "pug_awareness"),
    ("INTERNALISASI PUG DI LINGKUNGAN PEMKAB BENGKAYANG", "pug_awareness"),
    ("PELATIHAN PERENCANAAN DAN PENGANGGARAN RESPONSIF GENDER (PPRG)", "pprg"),
    ("BIMTEK PENYUSUNAN GENDER BUDGET STATEMENT (GBS)", "pprg"),
    ("TRAINING OF FACILITATOR (TOF) PENGARUSUTAMAAN GENDER", "tof"),
    ("PELATIHAN DASAR CPNS GOLONGAN III ANGKATAN I", "latsar"),
    ("PELATIHAN KEPEMIMPINAN PENGAWAS (PKP) ANGKATAN II", "pkp"),
    ("Pelatihan Kepemimpinan Administrator", "pka"),
    ("PELATIHAN KEPEMIMPINAN NASIONAL TINGKAT II (PKN II)", "pkn"),
    ("ORIENTASI GENDER CHAMPION", "gender_champion"),
    ("BIMBINGAN TEKNIS PENGELOLAAN ARSIP DINAMIS", "other"),
    ("RAPAT KOORDINASI TRIWULAN", None),
    ("PELAKSANAAN APLIKASI", None),  # 'pelaksana' or 'pka' inside a word is no match
])
def test_training_kind_from_the_title(title: str, kind: str | None) -> None:
    assert classify(title) == kind


def test_keyword_seed_names_only_known_kinds_and_covers_them_all() -> None:
    assert {k.kind for k in keywords()} == set(KINDS)


def test_title_block_gives_the_event() -> None:
    reading = read_training_title(TITLE, date(2025, 3, 14))
    values, notes = reading.values, reading.notes
    assert values == {
        "event_title": "PELATIHAN PERENCANAAN DAN PENGANGGARAN RESPONSIF GENDER (PPRG)",
        "training_kind": "pprg", "event_start": date(2025, 3, 12),
        "event_end": date(2025, 3, 14), "event_place": "Aula Bappeda",
        "organiser": "BKDPSDM Kabupaten Bengkayang"}
    assert notes == []


def test_title_block_without_dates_takes_the_folder_date_and_says_so() -> None:
    reading = read_training_title(["DAFTAR HADIR SOSIALISASI PUG"], date(2025, 6, 30))
    values, notes = reading.values, reading.warnings  # a date from the folder is weak
    assert (values["event_start"], values["event_end"]) == (date(2025, 6, 30),) * 2
    assert values["training_kind"] == "pug_awareness"
    assert [rule for rule, _ in notes] == ["event_date_from_folder"]


@pytest.mark.parametrize(("lines", "rule", "says"), [
    (["DAFTAR HADIR", "RAPAT KOORDINASI", "12 Maret 2025"], "training_kind_unknown",
     "'RAPAT KOORDINASI' is not recognised"),
    (["DAFTAR HADIR", "12 Maret 2025"], "training_title_missing", "No training name"),
    (["PELATIHAN PPRG", "14 Maret 2025 - 12 Maret 2025"], "event_dates_invalid", "backwards"),
])
def test_unusable_title_blocks_are_file_problems(lines: list[str], rule: str,
                                                 says: str) -> None:
    with pytest.raises(FileProblem) as caught:
        read_training_title(lines, date(2025, 3, 31))
    assert caught.value.rule == rule and says in caught.value.message


def test_attendance_rows_are_judged(tmp_path: Path) -> None:
    fx = extract_file(_xlsx(tmp_path / "pprg.xlsx"), TRAINING, date(2025, 3, 14))
    assert fx.problem is None and fx.header_row == 7 and fx.rows_read == 7
    assert _issues(fx) == {
        (9, "sex_from_nip", "info"),
        (11, "attendance_duplicate", "reject"),  # Budi again: the first listing counts
        (12, "nip_format", "warning"),  # 16 digits: an ASN who cannot be matched
        (13, "sex_missing", "reject"),  # no L/P and no NIP to take it from
        (13, "absent_marked", "info"),  # KETERANGAN: Tidak Hadir
        (14, "sex_conflicts_nip", "warning"),  # Yuli: L, but digit 15 says female
    }
    v = fx.values.set_index("_source_row")
    assert list(v["nip_status"]) == ["valid", "valid", "blank", "valid", "invalid", "blank",
                                     "valid"]
    assert v.loc[9, "jenis_kelamin"] == "P" and pd.isna(v.loc[12, "nip"])
    assert set(v["training_kind"]) == {"pprg"} and set(v["event_end"]) == {
        pd.Timestamp("2025-03-14")}
    assert list(fx.rejected) == [False, False, False, True, False, True, False]
    # personal values are masked in what is shown to the sender
    assert "******** ****** * 009" in set(fx.issues["value"])


def test_csv_variant_semicolon_cp1252(tmp_path: Path) -> None:
    lines = [*TITLE, "", ";".join(HEADER)] + [";".join(str(c) for c in r) for r in ROWS]
    path = tmp_path / "pprg.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").replace("Lestari", "Lestarí").encode("cp1252"))
    fx = extract_file(path, TRAINING, date(2025, 3, 14))
    xlsx = extract_file(_xlsx(tmp_path / "pprg.xlsx"), TRAINING, date(2025, 3, 14))
    assert fx.problem is None and fx.header_row == 7
    assert _issues(fx) == _issues(xlsx)
    assert fx.values["nama"].iloc[1] == "Ani Lestarí"


def test_missing_nip_column_rejects_the_file_naming_it(tmp_path: Path) -> None:
    header = [h for h in HEADER if h != "NIP"]
    rows = [[c for i, c in enumerate(r) if i != 2] for r in ROWS]
    fx = extract_file(_xlsx(tmp_path / "x.xlsx", header=header, rows=rows), TRAINING,
                      date(2025, 3, 14))
    assert fx.problem is not None and fx.problem.rule == "required_column_missing"
    assert "nip" in fx.problem.message and "'NIP'" in fx.problem.message


def test_unknown_title_rejects_the_file_naming_the_title(tmp_path: Path) -> None:
    fx = extract_file(_xlsx(tmp_path / "x.xlsx", title=["DAFTAR HADIR", "RAPAT KOORDINASI",
                                                        "12 Maret 2025"]),
                      TRAINING, date(2025, 3, 14))
    assert fx.problem is not None and fx.problem.rule == "training_kind_unknown"
    assert fx.problem.sheet == "Daftar Hadir" and "RAPAT KOORDINASI" in fx.problem.message


def test_the_same_person_in_two_events_of_one_date_is_no_duplicate(tmp_path: Path) -> None:
    from expectations.batch import cross_file_duplicates

    files = [extract_file(_xlsx(tmp_path / f"{n}.xlsx"), TRAINING, date(2025, 3, 14))
             for n in ("a", "b")]
    before = [int(f.rejected.sum()) for f in files]
    cross_file_duplicates(files)
    assert [int(f.rejected.sum()) for f in files] == before == [2, 2]


def test_nips_are_matched_against_the_loaded_employees(tmp_path: Path) -> None:
    warehouse = tmp_path / "wh.duckdb"
    with connect(warehouse):
        pass
    con = duckdb.connect(str(warehouse))
    con.execute("insert into raw.simpeg_employees (batch_id, data_date, source_file, "
                "source_sha256, source_row, loaded_at, nip, jenis_kelamin) values "
                "('b', date '2025-02-28', 'f', 's', 2, now(), '196804111993031009', 'L'), "
                "('b', date '2025-02-28', 'f', 's', 3, now(), '198504122010012011', 'L'), "
                "('b', date '2025-03-31', 'f', 's', 3, now(), '198504122010012011', 'P')")
    con.close()
    fx = extract_file(_xlsx(tmp_path / "pprg.xlsx"), TRAINING, date(2025, 3, 14))
    with connect(warehouse) as db:
        match_participants(db, [fx])
        match_participants(db, [fx])  # a retried load adds its findings once
    found = {(r.source_row, r.rule) for r in fx.issues.itertuples()
             if r.rule in ("nip_not_in_simpeg", "sex_differs_from_simpeg")}
    # Ani: the February record (before the event) says L, the list P; Yuli is unknown
    assert found == {(9, "sex_differs_from_simpeg"), (14, "nip_not_in_simpeg")}


# --- absence markers and NIKs written as NIP --------------------------------------------

@pytest.mark.parametrize("remark", [
    "Tidak Hadir", "tdk hadir", "Tdk. Hadir", "TDK.HADIR", "TH", "T.H.", "t.h", "Alpa",
    "ALPHA", "Absen", "Izin", "ijin", "Sakit", "Cuti", "DL", "Dinas Luar", "Tugas Luar",
    "Berhalangan", "Berhalangan hadir", "Izin (sakit)", "Tidak hadir - sakit",
    "Tanpa Keterangan", "  cuti melahirkan ",
])
def test_absence_markers_as_organisers_write_them(remark: str) -> None:
    assert is_absent(remark)


@pytest.mark.parametrize("remark", [
    "Hadir", "hadir penuh", "HADIR", "Bersertifikat", "Belum Bersertifikat", "THL",
    "Tidak bersertifikat", "Dalam kota", "Hadir, izin pulang awal", "Datang terlambat",
    "Absensi lengkap", "Sakti", "",
])
def test_remarks_that_are_no_absence(remark: str) -> None:
    assert not is_absent(remark)


def test_every_seed_marker_is_an_absence_and_a_blank_remark_is_present() -> None:
    with ABSENCE_CSV.open(encoding="utf-8") as fh:
        markers = [row["marker"] for row in csv.DictReader(fh)]
    assert len(markers) >= 15 and all(is_absent(m) for m in markers)
    got = attendance(pd.Series(["Izin", None, "Hadir", "TH"], dtype="string"))
    assert got.tolist() == ["absent", "present", "present", "absent"]


def test_a_nik_in_the_nip_column_is_a_participant_who_is_not_an_asn(tmp_path: Path) -> None:
    rows = [
        [1, "Budi Santoso", BUDI, "Perencana Ahli Muda", "Bappeda", "L", "", "Hadir"],
        [2, "Kades Sahan", "6107014504000001", "Kepala Desa", "Desa Sahan", "", "", ""],
        [3, "Kades Ledo", "6.10701E+15", "Kepala Desa", "Desa Ledo", "L", "", "Tdk. Hadir"],
        [4, "Kades Seluas", "6107010000000000.0", "Kepala Desa", "Desa Seluas", "L", "", "DL"],
        [5, "Joko Widodo", "1968041119930310", "Staf", "Bappeda", "L", "", "TH"],
        [6, "Kades Teriak", 6107014504000001, "Kepala Desa", "Desa Teriak", "P", "", ""],
    ]
    fx = extract_file(_xlsx(tmp_path / "pprg.xlsx", rows=rows), TRAINING, date(2025, 3, 14))
    assert fx.problem is None and fx.rows_rejected == 0
    assert _issues(fx) == {
        (9, "nip_is_nik", "warning"), (9, "sex_from_nik", "info"),  # day 45: a woman
        (10, "nip_is_nik", "warning"), (10, "absent_marked", "info"),
        (11, "nip_is_nik", "warning"), (11, "absent_marked", "info"),
        (12, "nip_format", "warning"), (12, "absent_marked", "info"),  # a NIP cut short
        (13, "nip_is_nik", "warning"),  # a number cell
    }
    v = fx.values.set_index("_source_row")
    assert list(v["nip_status"]) == ["valid", "nik", "nik", "nik", "invalid", "nik"]
    assert v["nip"].notna().tolist() == [True, False, False, False, False, False]  # never kept
    assert v.loc[9, "jenis_kelamin"] == "P"
    assert list(v["attendance"]) == ["present", "present", "absent", "absent", "absent",
                                     "present"]
    shown = set(fx.issues.loc[fx.issues["rule"] == "nip_is_nik", "value"])
    assert not any("450400" in value for value in shown)  # the NIK is masked
