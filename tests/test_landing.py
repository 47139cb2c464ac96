"""The landing folder: source folders in any case, nothing skipped silently (files in the
wrong place, unreadable types, lock and temporary files, links to outside), and the routing
of budget exports and ARG lists in the shared ``budget/`` folder. Real folders and files."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from xlsx_helpers import write_csv, write_xlsx

from ingest.extract import extract_file
from ingest.landing import LandingProblem, discover, note_routing, route, source_for
from ingest.sources import SOURCES

DAY = date(2025, 3, 31)
ALL = ["simpeg", "training", "literacy", "budget", "arg"]
SIMPEG_ROWS = [["NIP", "NAMA", "L/P", "STATUS PEGAWAI", "GOL", "PENDIDIKAN", "UNIT KERJA"],
               ["198001012005011003", "X", "L", "PNS", "III/a", "S1", "Dinas Sosial"]]
ARG_TITLE = [["DAFTAR SUB KEGIATAN ANGGARAN RESPONSIF GENDER (ARG)"], ["TAHUN ANGGARAN 2025"],
             ["Perangkat Daerah : Dinas Sosial, PP dan PA"], []]
BUDGET_TITLE = [["DOKUMEN PELAKSANAAN ANGGARAN (DPA) TAHUN ANGGARAN 2025"],
                ["Organisasi : 2.08.0.00.0.00.01.0000 Dinas Sosial"], []]


def _simpeg(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_csv(path, SIMPEG_ROWS)


def _messages(problems: list[LandingProblem]) -> dict[str, str]:
    return {p.path.name: p.message for p in problems}


def test_source_folders_in_any_case(tmp_path: Path) -> None:
    _simpeg(tmp_path / "SIMPEG" / "2025-03-31" / "pegawai.csv")
    write_xlsx(tmp_path / "Training" / "2025-03-14" / "daftar hadir.xlsx",
               {"DH": [["PELATIHAN PPRG"], ["NAMA", "NIP", "L/P"], ["A", "", "P"]]})
    write_xlsx(tmp_path / " Budget" / "2025-01-10" / "dpa.xlsx",
               {"DPA": [*BUDGET_TITLE, ["KODE", "URAIAN", "PAGU"],
                        ["2.08.02.2.01.0001", "Koordinasi PUG", 5_000_000]]})
    batches, problems = discover(tmp_path, ALL)
    assert problems == []
    found = {(b.source, b.data_date, tuple(p.name for p in b.files)) for b in batches}
    assert found == {("simpeg", DAY, ("pegawai.csv",)),
                     ("training", date(2025, 3, 14), ("daftar hadir.xlsx",)),
                     ("budget", date(2025, 1, 10), ("dpa.xlsx",))}
    training = next(b for b in batches if b.source == "training")
    assert training.routing(training.files[0]).evidence == "landing folder Training/"


def test_two_spellings_of_one_folder_are_both_read(tmp_path: Path) -> None:
    _simpeg(tmp_path / "simpeg" / "2025-03-31" / "a.csv")
    _simpeg(tmp_path / "SIMPEG" / "2025-03-31" / "b.csv")
    batches, problems = discover(tmp_path, ["simpeg"])
    assert [(b.source, [p.name for p in b.files]) for b in batches] == [
        ("simpeg", ["a.csv", "b.csv"])]
    assert [p.message for p in problems] == [
        "Folders 'SIMPEG', 'simpeg' all stand for simpeg: all are read. Move their files "
        "into simpeg/."]


def test_what_is_in_the_landing_root_is_reported(tmp_path: Path) -> None:
    _simpeg(tmp_path / "simpeg" / "2025-03-31" / "a.csv")
    _simpeg(tmp_path / "pegawai maret.csv")
    (tmp_path / "rekap.ods").write_bytes(b"PK")
    (tmp_path / "~$pegawai maret.csv").write_bytes(b"")
    (tmp_path / "Pelatihan" / "2025-03-14").mkdir(parents=True)
    (tmp_path / "2025-03-31").mkdir()
    (tmp_path / "Arsip lama").mkdir()
    (tmp_path / "DPA 2025").mkdir()
    (tmp_path / ".Trash").mkdir()
    batches, problems = discover(tmp_path, ALL)
    assert [b.source for b in batches] == ["simpeg"]
    said = _messages(problems)
    assert set(said) == {"pegawai maret.csv", "rekap.ods", "~$pegawai maret.csv", "Pelatihan",
                         "2025-03-31", "Arsip lama", "DPA 2025", ".Trash"}
    assert said["pegawai maret.csv"] == (
        "Files belong in a source folder and a date folder: <source>/YYYY-MM-DD/pegawai "
        "maret.csv, <source> one of simpeg, training, literacy, budget.")
    assert said["rekap.ods"].startswith("Files belong in a source folder")
    assert said["rekap.ods"].endswith("Besides, .ods is not read: open it in LibreOffice and "
                                      "save it as .xlsx into the same folder.")
    assert "Excel still has 'pegawai maret.csv' open" in said["~$pegawai maret.csv"]
    assert said["Pelatihan"] == ("Folder 'Pelatihan' is not a source: its files were not read. "
                                 "Use one of simpeg, training, literacy, budget (training/ "
                                 "perhaps?).")
    assert said["Arsip lama"].endswith("Use one of simpeg, training, literacy, budget.")
    assert said["DPA 2025"].endswith("(budget/ perhaps?).")
    assert said[".Trash"].startswith("A hidden folder")
    assert "date folder outside a source folder" in said["2025-03-31"]
    assert "simpeg/2025-03-31/" in said["2025-03-31"]


def test_what_a_date_folder_holds_besides_data_is_reported(tmp_path: Path) -> None:
    day = tmp_path / "literacy" / "2025-04-16"
    write_xlsx(day / "seluas.xlsx", {"Peserta": [["NAMA", "KECAMATAN"], ["A", "Seluas"]]})
    (day / "seluas.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    for name in ("seluas.ods", "undangan.pdf", "laporan.docx", "kiriman.zip", "foto.JPG",
                 "~$seluas.xlsx", "~$hilang.xlsx", ".~lock.seluas.xlsx#", ".seluas.csv",
                 "unduhan.xlsx.crdownload", "Thumbs.db", "catatan", "data.json"):
        (day / name).write_bytes(b"x")
    (day / "lampiran").mkdir()
    batches, problems = discover(tmp_path, ["literacy"])
    # the .xls is a data file: its read rejects it with what to do (a rejected file)
    assert [(b.source, [p.name for p in b.files]) for b in batches] == [
        ("literacy", ["seluas.xls", "seluas.xlsx"])]
    fx = extract_file(day / "seluas.xls", SOURCES["literacy"], date(2025, 4, 16))
    assert fx.problem is not None and "save it as .xlsx" in fx.problem.message
    said = _messages(problems)
    assert set(said) == {"seluas.ods", "undangan.pdf", "laporan.docx", "kiriman.zip",
                         "foto.JPG", "~$seluas.xlsx", "~$hilang.xlsx", ".~lock.seluas.xlsx#",
                         ".seluas.csv", "unduhan.xlsx.crdownload", "Thumbs.db", "catatan",
                         "data.json", "lampiran"}
    assert said["seluas.ods"] == (".ods is not read: open it in LibreOffice and save it as "
                                  ".xlsx into the same folder.")
    assert said["undangan.pdf"].startswith(".pdf is not read: a PDF is a printout")
    assert "copy its table into a spreadsheet" in said["laporan.docx"]
    assert "unpack it" in said["kiriman.zip"]
    assert "a picture" in said["foto.JPG"]
    assert said["~$seluas.xlsx"] == ("A lock file: Excel still has 'seluas.xlsx' open. Close "
                                     "it: the file is read as last saved, and again next "
                                     "night once closed.")
    assert "'hilang.xlsx' is not in this folder" in said["~$hilang.xlsx"]
    assert "LibreOffice still has 'seluas.xlsx' open" in said[".~lock.seluas.xlsx#"]
    assert said[".seluas.csv"].startswith("A hidden file")
    assert said["unduhan.xlsx.crdownload"].startswith("A temporary file")
    assert said["Thumbs.db"].startswith("A system file")
    assert said["catatan"].startswith("A file without a type")
    assert said["data.json"] == (".json files are not read: save the table as .xlsx or .csv "
                                 "into the same folder.")
    assert said["lampiran"] == ("A folder inside a date folder is not read: put its files "
                                "directly in literacy/2025-04-16/.")


def test_source_folder_level_problems_and_date_window(tmp_path: Path) -> None:
    _simpeg(tmp_path / "simpeg" / "2025-03-31" / "a.csv")
    (tmp_path / "simpeg" / "2025-02-28").mkdir()
    (tmp_path / "simpeg" / "2025-02-28" / "old.ods").write_bytes(b"x")
    _simpeg(tmp_path / "simpeg" / "maret.csv")
    (tmp_path / "simpeg" / "Maret 2025").mkdir()
    (tmp_path / "simpeg" / ".sync").mkdir()
    batches, problems = discover(tmp_path, ["simpeg"], as_of=DAY)
    assert [b.data_date for b in batches] == [DAY]
    said = _messages(problems)
    # the folder of another date is not looked into on a run for one date
    assert set(said) == {"maret.csv", "Maret 2025", ".sync"}
    assert said["maret.csv"] == "Files belong in a date folder: simpeg/YYYY-MM-DD/maret.csv"
    assert said["Maret 2025"] == ("Folder name 'Maret 2025' is not a date (YYYY-MM-DD): its "
                                  "files were not read.")
    assert said[".sync"].startswith("A hidden folder")
    _, every_date = discover(tmp_path, ["simpeg"])
    assert "old.ods" in _messages(every_date)


def test_links_outside_the_landing_folder_are_reported_not_followed(tmp_path: Path) -> None:
    landing, elsewhere = tmp_path / "landing", tmp_path / "elsewhere"
    inside = _simpeg(landing / "simpeg" / "2025-03-31" / "a.csv")
    secret = _simpeg(elsewhere / "2025-03-31" / "b.csv")
    day = inside.parent
    os.symlink(secret, day / "b.csv")
    os.symlink(inside, day / "c.csv")  # a link within the landing folder is read
    os.symlink(elsewhere / "gone.csv", day / "d.csv")
    os.symlink(elsewhere, landing / "training")
    (landing / "literacy").mkdir()
    os.symlink(elsewhere / "2025-03-31", landing / "literacy" / "2025-03-31")
    batches, problems = discover(landing, ALL)
    assert [(b.source, [p.name for p in b.files]) for b in batches] == [
        ("simpeg", ["a.csv", "c.csv"])]
    said = _messages(problems)
    assert set(said) == {"b.csv", "d.csv", "training", "2025-03-31"}
    outside = ("A link to a place outside the landing folder: not read. Copy the file or "
               "folder itself into the landing folder.")
    assert said["b.csv"] == said["training"] == said["2025-03-31"] == outside
    assert said["d.csv"].startswith("A broken link")


# --- routing in the shared budget/ folder -----------------------------------------------

def _arg_with_pagu(path: Path, kategori: str = "KATEGORI ARG") -> Path:
    """A short ARG list that also gives each sub kegiatan's PAGU: its header names as many
    budget columns as ARG ones."""
    return write_xlsx(path, {"ARG": [*ARG_TITLE,
                                     ["NO", "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN", kategori,
                                      "PAGU", "PERANGKAT DAERAH"],
                                     [1, "2.08.02.2.01.0001", "Koordinasi PUG", 3, 50_000_000,
                                      "Dinas Sosial"],
                                     [2, "2.08.02.2.01.0002", "Data Terpilah", 3, 20_000_000,
                                      "Dinas Sosial"]]})


def _budget(path: Path) -> Path:
    return write_xlsx(path, {"DPA": [*BUDGET_TITLE,
                                     ["KODE", "URAIAN", "SUMBER DANA", "PAGU (Rp)"],
                                     ["2.08.02.2.01.0001", "Koordinasi PUG", "DAU", 50_000_000],
                                     ["2.08.02.2.01.0002", "Data Terpilah", "DAU", 20_000_000],
                                     [None, "JUMLAH", None, 70_000_000]]})


def _full_arg(path: Path) -> Path:
    return write_xlsx(path, {"ARG": [*ARG_TITLE,
                                     ["NO", "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN",
                                      "KATEGORI ARG", "ISU GENDER", "SASARAN LAKI-LAKI",
                                      "SASARAN PEREMPUAN", "NILAI ARG"],
                                     [1, "2.08.02.2.01.0001", "Koordinasi PUG", 3, "Data", 5,
                                      5, 10_000_000]]})


def test_arg_list_with_a_pagu_column_is_an_arg_list_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "budget" / "2025-01-10"
    arg = _arg_with_pagu(folder / "arg dinsos.xlsx")
    dpa = _budget(folder / "dpa dinsos.xlsx")
    full = _full_arg(folder / "gbs dinsos.xlsx")
    batches, problems = discover(tmp_path, ["budget", "arg"])
    assert problems == []
    assert [(b.source, [p.name for p in b.files]) for b in batches] == [
        ("budget", ["dpa dinsos.xlsx"]), ("arg", ["arg dinsos.xlsx", "gbs dinsos.xlsx"])]
    arg_batch = batches[1]
    close = arg_batch.routing(arg)
    assert close.source == "arg" and close.close and close.runner_up == "budget"
    assert close.evidence.startswith("landing folder budget/; header fits arg best")
    assert not arg_batch.routing(full).close
    assert not batches[0].routing(dpa).close
    assert batches[0].routing(dpa).evidence.startswith(
        "landing folder budget/; header fits budget best")

    fx = extract_file(arg, SOURCES["arg"], date(2025, 1, 10))
    note_routing(fx, close)
    assert fx.problem is None and fx.rows_rejected == 0 and fx.rows_read == 2
    assert fx.reading is not None and fx.reading.source_evidence == close.evidence
    warning = fx.issues[fx.issues["rule"] == "source_close_call"]
    assert list(warning["severity"]) == ["warning"]
    assert warning["message"].iloc[0].startswith(
        "The header fits an ARG tagging list and a budget export (RKA/DPA) almost equally")
    assert warning["message"].iloc[0].endswith(
        "the file is read as an ARG tagging list, for its column 'KATEGORI ARG'. If it is a "
        "budget export (RKA/DPA), it has no such column: remove it and send the file again.")

    quiet = extract_file(full, SOURCES["arg"], date(2025, 1, 10))
    before = len(quiet.issues)
    note_routing(quiet, arg_batch.routing(full))
    assert len(quiet.issues) == before  # a clear decision adds no warning


def test_arg_category_with_its_code_list_in_the_header(tmp_path: Path) -> None:
    # 'KATEGORI ARG (1/2/3)': the qualifier is read away by the header matching
    arg = _arg_with_pagu(tmp_path / "arg.xlsx", kategori="KATEGORI ARG (1/2/3)")
    assert route(arg, "budget").source == "arg"


def test_route_and_source_for_as_validate_asks(tmp_path: Path) -> None:
    arg = _arg_with_pagu(tmp_path / "arg.xlsx")
    dpa = _budget(tmp_path / "dpa.xlsx")
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"not a workbook")
    assert source_for(arg, "budget") == "arg"
    assert source_for(dpa, "budget") == "budget"
    assert source_for(dpa, "arg") == "arg"  # asked for explicitly
    assert route(dpa, "arg", "--source arg").evidence == "--source arg"
    assert route(broken, "budget").source == "budget"  # its read says what is wrong
    assert "no header" in route(broken, "budget").evidence
    simpeg = _simpeg(tmp_path / "x.csv")
    assert route(simpeg, "simpeg") == route(simpeg, "simpeg")
    assert route(simpeg, "simpeg").source == "simpeg" and not route(simpeg, "simpeg").close
    with pytest.raises(KeyError):
        route(simpeg, "nothing")
