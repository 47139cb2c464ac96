"""The one title-block reader: letterheads, titles over several lines, labels, regulations and
the precedence of the evidence, for attendance lists, participant lists, budgets and ARG lists.
The blocks follow the layouts of real forms (kop surat, SIPD RKA/DPA prints, daftar hadir)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from xlsx_helpers import write_attendance_list, write_xlsx

from ingest.extract import extract_file
from ingest.read import FileProblem
from ingest.sources import SOURCES
from ingest.title_block import HEADING, LABEL, LETTERHEAD, REGULATION, TITLE, scan, tidy
from ingest.title_budget import read_arg_title, read_budget_title
from ingest.title_literacy import read_class_title
from ingest.title_training import best_keyword, read_training_title

DAY = date(2025, 4, 30)
KOP = ["PEMERINTAH KABUPATEN BENGKAYANG",
       "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
       "Jalan Guru Haji Hamid No. 1 Bengkayang 79211 Telp. (0562) 441234",
       "Email: bkpsdm@bengkayangkab.go.id Website: www.bkpsdm.bengkayangkab.go.id"]
SIGNER_NIP = "19700512 199503 2 004"


def _rules(pairs: list[tuple[str, str]]) -> list[str]:
    return [rule for rule, _ in pairs]


# --- scanning: what each line is --------------------------------------------------------

def test_letterhead_lines_are_told_from_the_title() -> None:
    block = scan([*KOP, "KOP SURAT", "DAFTAR HADIR", "SOSIALISASI PUG", "Tempat : Aula"])
    roles = [line.role for line in block.lines]
    assert roles == [LETTERHEAD] * 5 + [HEADING, TITLE, LABEL]


def test_a_kop_row_going_on_with_a_title_is_split() -> None:
    block = scan(["PEMERINTAH KABUPATEN JEPARA RENCANA KERJA DAN ANGGARAN SATUAN KERJA "
                  "PERANGKAT DAERAH", "Pemerintah Kabupaten Bengkayang Tahun Anggaran 2024",
                  "PEMERINTAH KABUPATEN SAMPANG DINAS SOSIAL"])
    assert [(ln.text, ln.role) for ln in block.lines] == [
        ("PEMERINTAH KABUPATEN JEPARA", LETTERHEAD),
        ("RENCANA KERJA DAN ANGGARAN SATUAN KERJA PERANGKAT DAERAH", TITLE),
        ("Pemerintah Kabupaten Bengkayang", LETTERHEAD), ("Tahun Anggaran 2024", TITLE),
        ("PEMERINTAH KABUPATEN SAMPANG", LETTERHEAD), ("DINAS SOSIAL", TITLE)]


def test_an_office_continued_over_two_lines_stays_in_the_kop() -> None:
    block = scan(["PEMERINTAH KABUPATEN BENGKAYANG", "DINAS SOSIAL, PEMBERDAYAAN PEREMPUAN",
                  "DAN PERLINDUNGAN ANAK", "Jl. Basuki Rahmat No. 5 Telp. (0562) 21000",
                  "B E N G K A Y A N G", "DAFTAR HADIR", "DINAS KESEHATAN"])
    assert [ln.role for ln in block.lines] == [LETTERHEAD] * 5 + [HEADING, TITLE]
    assert block.lines[4].text == "BENGKAYANG"  # the town under the address, spaced for show


def test_regulation_lines_and_their_subject_are_not_titles() -> None:
    block = scan(["LAMPIRAN III PERATURAN BUPATI BENGKAYANG", "NOMOR : 80 TAHUN 2024",
                  "TENTANG", "PENJABARAN APBD TAHUN ANGGARAN 2025",
                  "RINGKASAN DOKUMEN PELAKSANAAN ANGGARAN"])
    assert [ln.role for ln in block.lines] == [REGULATION] * 4 + [TITLE]


def test_spaced_out_letters_are_joined_but_words_stay_apart() -> None:
    assert tidy("P E M E R I N T A H   K A B U P A T E N  ") == "PEMERINTAH KABUPATEN"
    assert tidy("  Tempat :   Aula  ") == "Tempat : Aula"


# --- attendance lists ------------------------------------------------------------------

@pytest.mark.parametrize(("lines", "title", "kind"), [
    (["DAFTAR HADIR", "KEGIATAN ORIENTASI", "GENDER CHAMPION BAGI PEJABAT ADMINISTRATOR"],
     "KEGIATAN ORIENTASI GENDER CHAMPION BAGI PEJABAT ADMINISTRATOR", "gender_champion"),
    (["DAFTAR HADIR PESERTA PELATIHAN", "TRAINING OF FACILITATOR (ToF) PUG"],
     "PELATIHAN TRAINING OF FACILITATOR (TOF) PUG", "tof"),
    (["DAFTAR HADIR", "PELATIHAN DASAR", "CPNS GOLONGAN III ANGKATAN I"],  # keyword spans lines
     "PELATIHAN DASAR CPNS GOLONGAN III ANGKATAN I", "latsar"),
    ([*KOP, "DAFTAR HADIR", "BIMBINGAN TEKNIS PPRG BAGI PERENCANA", "DAN PENGELOLA KEUANGAN"],
     "BIMBINGAN TEKNIS PPRG BAGI PERENCANA DAN PENGELOLA KEUANGAN", "pprg"),
    (["P E M E R I N T A H   K A B U P A T E N   B E N G K A Y A N G",
      "SEKRETARIAT DAERAH", "DAFTAR HADIR PESERTA", "DIKLAT PIM IV ANGKATAN II"],
     "DIKLAT PIM IV ANGKATAN II", "pkp"),
    (["PEMERINTAH KABUPATEN BENGKAYANG", "PELATIHAN KEPEMIMPINAN ADMINISTRATOR",
      "DAFTAR HADIR PESERTA"], "PELATIHAN KEPEMIMPINAN ADMINISTRATOR", "pka"),  # title on top
    (["DAFTAR HADIR", "Kegiatan : Sosialisasi Pengarusutamaan Gender",
      "Narasumber : Dr. Budi Santoso, M.Si"], "SOSIALISASI PENGARUSUTAMAAN GENDER",
     "pug_awareness"),
    (["SOSIALISASI PUG BAGI ASN TANGGAL 12 MARET 2025"], "SOSIALISASI PUG BAGI ASN",
     "pug_awareness"),
])
def test_the_training_is_the_best_keyword_over_the_whole_block(lines: list[str], title: str,
                                                              kind: str) -> None:
    reading = read_training_title(lines, DAY)
    assert (reading.values["event_title"], reading.values["training_kind"]) == (title, kind)
    keyword = best_keyword(title)
    assert keyword is not None and f"keyword '{keyword.keyword}'" in \
        reading.evidence["training_kind"]
    assert "PEMERINTAH" not in reading.evidence["event_title"]


def test_the_event_with_its_evidence() -> None:
    lines = [*KOP, "DAFTAR HADIR", "PELATIHAN PERENCANAAN DAN PENGANGGARAN RESPONSIF GENDER",
             "Hari/Tanggal : Selasa, 4 Februari 2025", "Waktu : 08.00 WIB s.d. selesai",
             "Tempat : Aula Bappeda", "Penyelenggara : Bappeda Kabupaten Bengkayang"]
    reading = read_training_title(lines, DAY)
    assert reading.values == {
        "event_title": "PELATIHAN PERENCANAAN DAN PENGANGGARAN RESPONSIF GENDER",
        "training_kind": "pprg", "event_start": date(2025, 2, 4), "event_end": date(2025, 2, 4),
        "event_place": "Aula Bappeda", "organiser": "Bappeda Kabupaten Bengkayang"}
    assert reading.evidence["event_start"] == "Hari/Tanggal : Selasa, 4 Februari 2025"
    assert reading.evidence["event_place"] == "Tempat : Aula Bappeda"
    assert reading.evidence["event_title"] == ("DAFTAR HADIR / PELATIHAN PERENCANAAN DAN "
                                               "PENGANGGARAN RESPONSIF GENDER")
    assert reading.notes == [] and reading.warnings == []


@pytest.mark.parametrize(("line", "place", "dates"), [
    ("Bengkayang, 12-14 Maret 2025", "Bengkayang", (date(2025, 3, 12), date(2025, 3, 14))),
    ("Selasa, 4 Februari 2025", None, (date(2025, 2, 4),) * 2),  # a weekday is no place
    ("Selasa-Rabu, 10-11 Maret 2025 di Aula Rapat Desa Nenu", "Aula Rapat Desa Nenu",
     (date(2025, 3, 10), date(2025, 3, 11))),
    ("Pontianak, 28 Oktober - 1 November 2024", "Pontianak",
     (date(2024, 10, 28), date(2024, 11, 1))),
])
def test_the_date_line_gives_dates_and_place(line: str, place: str | None,
                                             dates: tuple[date, date]) -> None:
    reading = read_training_title(["DAFTAR HADIR", "SOSIALISASI PUG", line], DAY)
    assert (reading.values["event_start"], reading.values["event_end"]) == dates
    assert reading.values["event_place"] == place


def test_a_place_line_under_the_title_is_no_part_of_it() -> None:
    lines = ["DAFTAR HADIR PESERTA", "SOSIALISASI KESETARAAN GENDER", "di Kecamatan Ledo",
             "Senin, 3 Maret 2025"]
    reading = read_training_title(lines, DAY)
    assert reading.values["event_title"] == "SOSIALISASI KESETARAAN GENDER"
    assert reading.values["event_place"] == "Kecamatan Ledo"
    assert read_class_title(lines, DAY).values["class_place"] == "Ledo"


def test_a_labelled_date_wins_over_a_date_line() -> None:
    lines = ["DAFTAR HADIR", "SOSIALISASI PUG", "Bengkayang, 20 Maret 2025",
             "Tanggal : 12 s.d. 14 Maret 2025"]
    reading = read_training_title(lines, DAY)
    assert reading.values["event_start"] == date(2025, 3, 12)
    assert reading.evidence["event_end"] == "Tanggal : 12 s.d. 14 Maret 2025"


def test_a_date_from_the_folder_is_a_warning_with_its_evidence() -> None:
    reading = read_training_title(["DAFTAR HADIR", "SOSIALISASI PUG"], DAY)
    assert reading.values["event_start"] == reading.values["event_end"] == DAY
    assert _rules(reading.warnings) == ["event_date_from_folder"]
    assert reading.evidence["event_start"] == f"date folder {DAY}"


def test_a_keyword_only_in_the_letterhead_is_weak() -> None:
    lines = ["PEMERINTAH PROVINSI KALIMANTAN BARAT", "BADAN PENDIDIKAN DAN PELATIHAN DAERAH",
             "DAFTAR HADIR", "RAPAT KOORDINASI", "12 Maret 2025"]
    reading = read_training_title(lines, DAY)
    assert reading.values["event_title"] == "RAPAT KOORDINASI"
    assert reading.values["training_kind"] == "other"
    assert _rules(reading.warnings) == ["training_kind_from_letterhead"]
    assert "letterhead" in reading.evidence["training_kind"]


def test_a_kop_office_never_names_the_training() -> None:
    lines = ["PEMERINTAH KABUPATEN BENGKAYANG", "DINAS PENGENDALIAN PENDUDUK, KB, PEMBERDAYAAN",
             "PEREMPUAN DAN PERLINDUNGAN ANAK", "DAFTAR HADIR", "RAPAT KOORDINASI"]
    with pytest.raises(FileProblem) as caught:
        read_training_title(lines, DAY)
    assert caught.value.rule == "training_kind_unknown"
    assert "'RAPAT KOORDINASI'" in caught.value.message


@pytest.mark.parametrize(("lines", "rule"), [
    (["PEMERINTAH KABUPATEN BENGKAYANG", f"Narasumber : Drs. Yohanes, NIP {SIGNER_NIP}",
      "12 Maret 2025"], "training_title_missing"),
    (["DAFTAR HADIR", f"RAPAT KOORDINASI NIP {SIGNER_NIP}"], "training_kind_unknown"),
])
def test_a_problem_quoting_the_block_masks_personal_numbers(lines: list[str],
                                                            rule: str) -> None:
    with pytest.raises(FileProblem) as caught:
        read_training_title(lines, DAY)
    assert caught.value.rule == rule
    assert "19700512" not in caught.value.message and "004" in caught.value.message


def test_quoted_evidence_is_masked() -> None:
    lines = ["DAFTAR HADIR", "SOSIALISASI PUG", f"Penyelenggara : Panitia, NIP {SIGNER_NIP}"]
    reading = read_training_title(lines, DAY)
    assert "19700512" not in reading.evidence["organiser"]
    assert reading.evidence["organiser"].endswith("004")


# --- participant lists -----------------------------------------------------------------

ISSUE_LITERACY = ["PEMERINTAH KABUPATEN BENGKAYANG", "DINAS KOMUNIKASI DAN INFORMATIKA",
                  "DAFTAR PESERTA SOSIALISASI DESA DIGITAL", "Kecamatan Seluas, 16 April 2025"]


def test_the_letterhead_is_never_the_program() -> None:
    reading = read_class_title(ISSUE_LITERACY, DAY)
    assert reading.values == {"program": "Desa Digital", "class_date": date(2025, 4, 16),
                              "class_place": "Seluas"}
    assert reading.evidence["program"] == "DAFTAR PESERTA SOSIALISASI DESA DIGITAL"
    assert reading.evidence["class_place"] == "Kecamatan Seluas, 16 April 2025"
    assert reading.warnings == []
    only_kop = read_class_title([*ISSUE_LITERACY[:2], "16 April 2025"], DAY)
    assert "program" not in only_kop.values


@pytest.mark.parametrize(("lines", "program", "place"), [
    (["DAFTAR PESERTA", "PELATIHAN LITERASI DIGITAL UNTUK PEREMPUAN",
      "Tanggal : 12 Maret 2025", "Tempat : Desa Sahan, Kec. Sei Raya"],
     "Literasi Digital untuk Perempuan", "Sungai Raya"),
    (["DAFTAR HADIR PESERTA", "PELATIHAN UMKM GO DIGITAL", "12 Maret 2025",
      "Tempat : Aula Kantor Camat Sanggau Ledo"], "Pelatihan UMKM Go Digital", "Sanggau Ledo"),
    (["DAFTAR PESERTA", "GERAKAN NASIONAL LITERASI DIGITAL - CAKAP DIGITAL - KEC. CAPKALA",
      "12 Maret 2025"], "Gerakan Nasional Literasi Digital - Cakap Digital", "Capkala"),
    (["DAFTAR PESERTA", "LITERASI DIGITAL PELAJAR", "KECAMATAN LEDO", "12 Maret 2025"],
     "Literasi Digital Pelajar", "Ledo"),
    (["DAFTAR PESERTA", "PELATIHAN DESA DIGITAL", "12 Maret 2025",
      "Tempat : Balai Desa, Jl. Raya Seluas No. 5 Telp. 0562 21000 Kode Pos 79285"],
     "Desa Digital", "Seluas"),
    (["DAFTAR PESERTA", "KELAS CODING ANAK", "Tempat : Hotel Dangau", "12 Maret 2025"],
     "KELAS CODING ANAK", "Hotel Dangau"),  # no kecamatan named: the place as written
    (["DAFTAR PESERTA", "Program : Cakap Digital", "Kecamatan : Teriak", "12 Maret 2025"],
     "Gerakan Nasional Literasi Digital - Cakap Digital", "Teriak"),
    (["DAFTAR PESERTA", "PELATIHAN DESA DIGITAL", "Pontianak, 12 Maret 2025"],
     "Desa Digital", None),  # a town that is no kecamatan is not the class's place
    (["DAFTAR PESERTA", "KELAS CODING ANAK", "DESA SAHAN", "12 Maret 2025"],
     "KELAS CODING ANAK", "DESA SAHAN"),  # the village under the title is no part of it
    (["DAFTAR PESERTA", "DESA DIGITAL", "DESA SAHAN KECAMATAN SELUAS", "12 Maret 2025"],
     "Desa Digital", "Seluas"),
])
def test_program_and_class_place(lines: list[str], program: str, place: str | None) -> None:
    reading = read_class_title(lines, DAY)
    assert reading.values["program"] == program
    assert reading.values.get("class_place") == place
    assert reading.values["class_date"] == date(2025, 3, 12)


def test_a_class_place_only_in_the_letterhead_is_weak() -> None:
    lines = ["PEMERINTAH KABUPATEN BENGKAYANG", "KECAMATAN SELUAS", "DAFTAR PESERTA",
             "LITERASI DIGITAL UNTUK PEREMPUAN"]
    reading = read_class_title(lines, DAY)
    assert reading.values["class_place"] == "Seluas"
    assert reading.values["class_date"] == DAY
    assert _rules(reading.warnings) == ["class_date_from_folder", "class_place_from_letterhead"]
    assert reading.evidence["class_date"] == f"date folder {DAY}"


# --- budget files ----------------------------------------------------------------------

@pytest.mark.parametrize(("lines", "year"), [
    (["LAMPIRAN PERATURAN BUPATI BENGKAYANG", "NOMOR : 12 TAHUN 2023",
      "DOKUMEN PELAKSANAAN ANGGARAN", "TAHUN ANGGARAN 2024"], "2024"),
    (["PERATURAN BUPATI BENGKAYANG NOMOR 80 TAHUN 2024 TENTANG PENJABARAN APBD TAHUN "
      "ANGGARAN 2025", "RINGKASAN DPA SKPD"], "2025"),
    (["LAMPIRAN III", "PERATURAN BUPATI BENGKAYANG", "NOMOR 80 TAHUN 2024", "TENTANG",
      "PENJABARAN APBD TAHUN ANGGARAN 2025", "DOKUMEN PELAKSANAAN ANGGARAN"], "2025"),
    (["RKA SKPD T.A. 2024"], "2024"), (["DPA-SKPD TA 2024"], "2024"),
    (["RENCANA KERJA DAN ANGGARAN", "Tahun Anggaran : 2024"], "2024"),
    (["RENCANA KERJA DAN ANGGARAN", "Pemerintah Kabupaten Bengkayang Tahun Anggaran 2024",
      "Alokasi Tahun 2023 : Rp. 0", "Alokasi Tahun 2025 : Rp. 0"], "2024"),
    (["RENCANA KERJA DAN ANGGARAN TAHUN ANGGARAN", "SATUAN KERJA PERANGKAT DAERAH 2024"],
     "2024"),  # a box: the label in one row, the year in the cell below
])
def test_tahun_anggaran_wins_over_any_other_year(lines: list[str], year: str) -> None:
    reading = read_budget_title(lines, DAY)
    assert reading.values["tahun"] == year and reading.warnings == []
    assert year in reading.evidence["tahun"]


def test_a_bare_year_is_weak_and_a_regulations_year_is_none() -> None:
    weak = read_budget_title(["DAFTAR SUB KEGIATAN", "DPA SKPD TAHUN 2024"], DAY)
    assert weak.values["tahun"] == "2024" and _rules(weak.warnings) == ["tahun_weak"]
    none = read_budget_title(["PERATURAN BUPATI NOMOR 12 TAHUN 2023", "DPA SKPD"], DAY)
    assert "tahun" not in none.values and none.warnings == []


def test_two_budget_years_warn() -> None:
    reading = read_budget_title(["DPA TAHUN ANGGARAN 2024", "TAHUN ANGGARAN 2025"], DAY)
    assert reading.values["tahun"] == "2024" and _rules(reading.warnings) == ["tahun_conflict"]


@pytest.mark.parametrize(("lines", "dokumen"), [
    (["DOKUMEN PELAKSANAAN", "PERUBAHAN ANGGARAN", "SATUAN KERJA PERANGKAT DAERAH",
      "(DPPA-SKPD)"], "DPA Perubahan"),
    (["LAMPIRAN PERATURAN BUPATI NOMOR 9 TAHUN 2025", "TENTANG",
      "PENJABARAN PERUBAHAN APBD TAHUN ANGGARAN 2025",
      "DOKUMEN PELAKSANAAN ANGGARAN SATUAN KERJA PERANGKAT DAERAH"], "DPA Murni"),
    (["RENCANA KERJA DAN ANGGARAN", "SATUAN KERJA PERANGKAT DAERAH", "(RKA-SKPD)"],
     "RKA Murni"),
    (["PEMERINTAH KABUPATEN BENGKAYANG",
      "PERUBAHAN RENCANA KERJA ANGGARAN (PRKA SKPD)", "TAHUN ANGGARAN 2024"], "RKA Perubahan"),
    (["P E M E R I N T A H RENCANA KERJA DAN PERUBAHAN ANGGARAN TAHUN",  # a SIMDA-style box
      "KABUPATEN JEPARA SATUAN KERJA PERANGKAT DAERAH 2025"], "RKA Perubahan"),
    (["DOKUMEN PELAKSANAAN ANGGARAN", "SATUAN KERJA PERANGKAT DAERAH", "(DPA-SKPD)",
      "PEMERINTAH KABUPATEN BENGKAYANG TAHUN ANGGARAN 2025",
      "Nomor DPA : DPA/A.1/2.08.2.14.0.00.01.0000/001/2025"], "DPA Murni"),
    (["LAMPIRAN PERATURAN BUPATI NOMOR 9 TAHUN 2025 TENTANG PERUBAHAN APBD"],
     "DPA Perubahan"),  # only a regulation says which stage: still better than nothing
])
def test_the_document_is_judged_over_the_whole_block(lines: list[str], dokumen: str) -> None:
    reading = read_budget_title(lines, DAY)
    assert reading.values["dokumen"] == dokumen and reading.notes == []


def test_no_document_named_is_a_note() -> None:
    reading = read_budget_title(["PEMERINTAH KABUPATEN BENGKAYANG", "TAHUN ANGGARAN 2025"], DAY)
    assert reading.values["dokumen"] == "DPA Murni"
    assert _rules(reading.notes) == ["dokumen_assumed"]


SIPD_RKA = ["RENCANA KERJA DAN ANGGARAN", "SATUAN KERJA PERANGKAT DAERAH",
            "Pemerintah Kabupaten Bengkayang Tahun Anggaran 2024",
            "Urusan Pemerintahan : 2 URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN "
            "PELAYANAN DASAR",
            "Bidang Urusan : 2.08 URUSAN PEMERINTAHAN BIDANG PEMBERDAYAAN PEREMPUAN",
            "Program : 2.08.02 PROGRAM PENGARUSUTAMAAN GENDER",
            "Organisasi : 2.08.2.14.0.00.01.0000 DINAS SOSIAL, PEMBERDAYAAN PEREMPUAN DAN "
            "PERLINDUNGAN ANAK",
            "Unit Organisasi : 2.08.2.14.0.00.01.0001 DINAS SOSIAL PPPA",
            "Alokasi Tahun 2023 : Rp. 0", "Alokasi Tahun 2025 : Rp. 125.000.000"]


def test_a_sipd_rka_print() -> None:
    reading = read_budget_title(SIPD_RKA, DAY)
    assert reading.values == {
        "tahun": "2024", "kode_skpd": "2.08.2.14.0.00.01.0000",
        "nama_skpd": "DINAS SOSIAL, PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK",
        "dokumen": "RKA Murni"}
    assert reading.evidence["kode_skpd"].startswith("Organisasi :")
    assert reading.warnings == [] and reading.notes == []


@pytest.mark.parametrize(("lines", "kode", "nama"), [
    (["SKPD : 1.02.0.00.0.00.01.0000 Dinas Kesehatan"], "1.02.0.00.0.00.01.0000",
     "Dinas Kesehatan"),
    (["Perangkat Daerah : Dinas Sosial, PP dan PA"], None, "Dinas Sosial, PP dan PA"),
    (["Organisasi : 1.02.01 - DINAS KESEHATAN", "Urusan Pemerintahan : 1.02 - KESEHATAN"],
     "1.02.01", "DINAS KESEHATAN"),
    (["Sub Unit Organisasi : 1.02.01.01 UPT PUSKESMAS LEDO"], "1.02.01.01",
     "UPT PUSKESMAS LEDO"),
    (["Kode SKPD : 1.02.0.00.0.00.01.0000", "Nama SKPD : Dinas Kesehatan"],
     "1.02.0.00.0.00.01.0000", "Dinas Kesehatan"),
    (["DAFTAR SUB KEGIATAN ARG", "DINAS KESEHATAN KABUPATEN BENGKAYANG"], None,
     "DINAS KESEHATAN"),  # an office under the title names the list's PD
])
def test_the_agency_of_an_arg_list(lines: list[str], kode: str | None, nama: str) -> None:
    reading = read_arg_title(["PEMERINTAH KABUPATEN BENGKAYANG", "BAPPEDA", *lines], DAY)
    assert reading.values.get("kode_skpd") == kode and reading.values["nama_skpd"] == nama
    assert reading.warnings == []


def test_a_letterhead_office_is_the_issuer_of_an_arg_list_and_weak_for_a_budget() -> None:
    lines = ["PEMERINTAH KABUPATEN BENGKAYANG", "DINAS SOSIAL, PEMBERDAYAAN PEREMPUAN",
             "DAN PERLINDUNGAN ANAK", "Jl. Basuki Rahmat No. 5", "DAFTAR SUB KEGIATAN ARG",
             "TAHUN ANGGARAN 2025"]
    arg = read_arg_title(lines, DAY)
    assert "nama_skpd" not in arg.values and arg.warnings == []
    budget = read_budget_title([*lines[:4], "DPA SKPD", "TAHUN ANGGARAN 2025"], DAY)
    assert budget.values["nama_skpd"] == ("DINAS SOSIAL, PEMBERDAYAAN PEREMPUAN DAN "
                                          "PERLINDUNGAN ANAK")
    assert _rules(budget.warnings) == ["skpd_from_letterhead"]
    assert budget.evidence["nama_skpd"] == ("DINAS SOSIAL, PEMBERDAYAAN PEREMPUAN / DAN "
                                            "PERLINDUNGAN ANAK")


# --- the readers behind real files ----------------------------------------------------

def test_an_attendance_list_with_kop_and_a_split_title(tmp_path: Path) -> None:
    title = [*KOP, "DAFTAR HADIR PESERTA PELATIHAN", "TRAINING OF FACILITATOR (ToF) PUG"]
    path = write_attendance_list(tmp_path / "tof.xlsx", title,
                                 ["NO", "NAMA", "NIP", "L/P", "KETERANGAN"],
                                 [[1, "Ani", "198504122010012011", "P", "Bersertifikat"]])
    fx = extract_file(path, SOURCES["training"], date(2025, 3, 14))
    assert fx.problem is None
    assert set(fx.values["training_kind"]) == {"tof"}
    kind, evidence = fx.reading.attributes["training_kind"]
    assert kind == "tof" and "TRAINING OF FACILITATOR (ToF) PUG" in evidence
    file_level = fx.issues[fx.issues["source_row"].isna()]
    assert ("event_date_from_folder", "warning") in set(
        zip(file_level["rule"], file_level["severity"], strict=True))


def test_a_participant_list_under_a_letterhead(tmp_path: Path) -> None:
    header = ["NO", "NAMA", "NIK", "JENIS KELAMIN", "KECAMATAN"]
    path = write_attendance_list(tmp_path / "desa.xlsx", ISSUE_LITERACY, header,
                                 [[1, "Ani", "", "P", "Seluas"]])
    fx = extract_file(path, SOURCES["literacy"], DAY)
    assert fx.problem is None
    assert set(fx.values["program"]) == {"Desa Digital"}
    assert fx.reading.attributes["class_place"] == ("Seluas",
                                                    "Kecamatan Seluas, 16 April 2025")


def test_a_budget_print_with_label_cells_and_a_regulation(tmp_path: Path) -> None:
    rows = [["PEMERINTAH KABUPATEN BENGKAYANG"],
            ["LAMPIRAN III PERATURAN BUPATI BENGKAYANG NOMOR : 12 TAHUN 2023"],
            ["DOKUMEN PELAKSANAAN ANGGARAN", None, "TAHUN ANGGARAN 2024"],
            ["Organisasi", ":", "2.08.0.00.0.00.01.0000 Dinas Sosial, PP dan PA"], [],
            ["KODE", "URAIAN", "PAGU"],
            ["2.08.02.2.01.0001", "Koordinasi PUG", "Rp 10.000.000,00"],
            [None, "JUMLAH", "Rp 10.000.000,00"]]
    fx = extract_file(write_xlsx(tmp_path / "dpa.xlsx", {"DPA": rows}), SOURCES["budget"],
                      DAY)
    assert fx.problem is None
    good = fx.accepted_values()
    assert good[["tahun", "kode_skpd", "dokumen"]].values.tolist() == [
        ["2024", "2.08.0.00.0.00.01.0000", "DPA Murni"]]
    assert fx.reading.attributes["tahun"][1] == "DOKUMEN PELAKSANAAN ANGGARAN TAHUN ANGGARAN 2024"
