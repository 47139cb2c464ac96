"""SIMPEG row rules, run through ``ingest.extract.extract_file`` on small real files.

Extracting a file costs a few hundred milliseconds, so most cases are rows of two shared
files (one of rows that must be rejected, one of rows that must be accepted), each read once
per module; every case is still its own test.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from xlsx_helpers import write_csv, write_xlsx

from ingest.extract import FileExtract, extract_file
from ingest.rules.collect import ISSUE_COLUMNS
from ingest.sources import SIMPEG

DATA_DATE = date(2025, 12, 31)
HEADER = ["NO", "NIP", "NAMA", "L/P", "TGL LAHIR", "STATUS PEGAWAI", "KEDUDUKAN", "TMT CPNS",
          "GOL", "ESELON", "JENIS JABATAN", "PENDIDIKAN", "UNIT KERJA", "NIK"]
SARI_NIP = "198501122010012001"  # born 12-01-1985, TMT CPNS 2010-01, woman, sequence 001
BUDI_NIP = "197208151998031004"  # born 15-08-1972, TMT CPNS 1998-03, man
PPPK_NI = "19931228 2025 21 2 001"  # born 28-12-1993, PPPK since 2025, woman
DEFAULTS: dict[str, object] = {
    "NO": "1", "NIP": "19850112 201001 2 001", "NAMA": "Sari Dewi", "L/P": "P",
    "TGL LAHIR": "12-01-1985", "STATUS PEGAWAI": "PNS", "KEDUDUKAN": "Aktif",
    "TMT CPNS": "01-01-2010", "GOL": "III/b", "ESELON": "", "JENIS JABATAN": "Pelaksana",
    "PENDIDIKAN": "S1", "UNIT KERJA": "Dinas Kesehatan", "NIK": "6107015201850001",
}
BUDI: dict[str, object] = {
    "NIP": "19720815 199803 1 004", "NAMA": "Budi Santoso", "L/P": "L",
    "TGL LAHIR": "15-08-1972", "TMT CPNS": "01-03-1998", "GOL": "IV/a",
    "NIK": "6107011508720002",
}
TS = pd.Timestamp


def person(**cells: object) -> dict[str, object]:
    """Sari by default (a consistent PNS row). Keywords are headers, ``_`` for a space and
    ``LP`` for ``L/P``; header text itself works through ``**{"L/P": ...}``."""
    row = dict(DEFAULTS)
    for key, value in cells.items():
        header = "L/P" if key == "LP" else key.replace("_", " ")
        assert header in row, header
        row[header] = value
    return row


def sari(seq: int, **cells: object) -> dict[str, object]:
    """Sari's row with its own NIP sequence number (digits 16-18), so rows are not duplicates."""
    return person(**{"NIP": f"19850112 201001 2 {seq:03d}", **cells})


def pppk(**cells: object) -> dict[str, object]:
    """A PPPK woman whose sex, birth date and TMT are left blank, to come from the NI PPPK."""
    base: dict[str, object] = {
        "NIP": PPPK_NI, "NAMA": "Maria", "LP": "", "TGL_LAHIR": "", "TMT_CPNS": "",
        "STATUS_PEGAWAI": "PPPK", "GOL": "IX", "NIK": "6107016812930001"}
    return person(**{**base, **cells})


def extract(folder: Path, rows: list[dict[str, object]], header: list[str] = HEADER,
            fmt: str = "csv") -> FileExtract:
    table = [header, *[[row.get(h, "") for h in header] for row in rows]]
    if fmt == "csv":
        path = write_csv(folder / "simpeg.csv", table)
    else:
        path = write_xlsx(folder / "simpeg.xlsx", {"Data": table})
    ex = extract_file(path, SIMPEG, DATA_DATE)
    assert ex.problem is None, ex.problem and ex.problem.message
    return ex


def rules(ex: FileExtract, source_row: int) -> dict[str, str]:
    """Rule -> severity of the issues on one row."""
    hit = ex.issues[ex.issues["source_row"] == source_row]
    return dict(zip(hit["rule"], hit["severity"], strict=True))


def issue(ex: FileExtract, source_row: int, rule: str) -> pd.Series:
    hit = ex.issues[(ex.issues["source_row"] == source_row) & (ex.issues["rule"] == rule)]
    assert len(hit) == 1, f"{rule} on row {source_row}: {ex.issues.to_dict('records')}"
    return hit.iloc[0]


def accepted_rows(ex: FileExtract) -> list[int]:
    return ex.accepted_values()["_source_row"].tolist()


def row_values(ex: FileExtract, source_row: int) -> pd.Series:
    v = ex.values
    return v[v["_source_row"] == source_row].iloc[0]


def assert_no_nip_shown(ex: FileExtract, rows: list[dict[str, object]]) -> None:
    """Neither a whole NIP nor its birth-date digits appear anywhere in the issues."""
    shown = " ".join(ex.issues[c].astype(str).str.cat(sep=" ") for c in ISSUE_COLUMNS)
    compact = shown.replace(" ", "")
    for row in rows:
        nip = str(row["NIP"]).replace(" ", "")
        if len(nip) == 18 and nip.isdigit():
            assert nip not in compact
            assert nip[:8] not in compact


def assert_raw_contract(ok: pd.DataFrame) -> None:
    """The guarantees of docs/raw-contract.md on accepted rows."""
    for col in ("nip", "jenis_kelamin", "tanggal_lahir", "jenis_pegawai", "kedudukan_hukum",
                "tmt_cpns", "tingkat_pendidikan", "pd_name"):
        assert ok[col].notna().all(), col
    assert ok["nip"].str.fullmatch(r"\d{18}").all()
    assert ok["nip"].is_unique
    assert set(ok["jenis_kelamin"]) <= {"L", "P"}
    assert set(ok["jenis_pegawai"]) <= {"PNS", "CPNS", "PPPK"}
    assert ok.loc[ok["jenis_pegawai"].isin(["PNS", "CPNS"]), "golongan"].notna().all()
    assert ((ok["jenis_jabatan"] == "struktural").fillna(False) == ok["eselon"].notna()).all()


# --- rows that must be rejected -------------------------------------------------------------

REJECT_CASES: dict[str, tuple[dict[str, object], str]] = {
    "nip_blank": (sari(1, NIP=""), "nip_missing"),
    "nip_17_digits": (sari(2, NIP="19850112 201001 2 00"), "nip_format"),
    "nip_excel_mangled": (sari(3, NIP="1.98501E+17"), "nip_excel_mangled"),
    "nip_birth_month_13": (sari(4, NIP="19851312 201001 2 004"), "nip_digits_invalid"),
    "nip_tmt_month_13": (sari(5, NIP="19850112 201013 2 005"), "nip_digits_invalid"),
    "nip_sex_digit_3": (sari(6, NIP="19850112 201001 3 006"), "nip_digits_invalid"),
    "pppk_ni_year_0000": (pppk(NIP="19931228 0000 21 2 007"), "nip_digits_invalid"),
    "nip_duplicate_a": (sari(8), "nip_duplicate"),
    "nip_duplicate_b": (sari(8, NIP="198501122010012008", NAMA="Sari D."), "nip_duplicate"),
    "sex_conflicts_nip": (sari(9, LP="L"), "sex_conflicts_nip"),
    "sex_x": (sari(10, LP="X"), "sex_invalid"),
    "birth_31_feb": (sari(11, TGL_LAHIR="31-02-1985"), "date_invalid"),
    "born_after_data_date": (sari(12, TGL_LAHIR="05-01-2026"), "birth_date_impossible"),
    "born_before_1930": (sari(13, TGL_LAHIR="01-01-1920"), "birth_date_impossible"),
    "tmt_before_15th_birthday": (sari(14, TMT_CPNS="01-01-1995"), "tmt_before_working_age"),
    "tmt_invalid": (sari(15, TMT_CPNS="2010-13-01"), "date_invalid"),
    "pns_gol_ix": (sari(16, GOL="IX"), "golongan_invalid"),
    "cpns_gol_iii": (sari(17, STATUS_PEGAWAI="CPNS", GOL="III"), "golongan_invalid"),
    "pns_gol_iii_e": (sari(18, GOL="III/e"), "golongan_invalid"),
    "pns_gol_blank": (sari(19, GOL=""), "golongan_missing"),
    "pppk_gol_iii_a": (pppk(NIP="19931228 2025 21 2 020", GOL="III/a"), "golongan_invalid"),
    "struktural_without_eselon": (sari(21, JENIS_JABATAN="Struktural"),
                                  "struktural_without_eselon"),
    "eselon_i": (sari(22, ESELON="I.a"), "eselon_invalid"),
    "eselon_51": (sari(23, ESELON="51"), "eselon_invalid"),
    "status_blank": (sari(24, STATUS_PEGAWAI=""), "jenis_pegawai_missing"),
    "status_honorer": (sari(25, STATUS_PEGAWAI="Honorer"), "jenis_pegawai_invalid"),
    "pendidikan_blank": (sari(26, PENDIDIKAN=""), "pendidikan_missing"),
    "pendidikan_s4": (sari(27, PENDIDIKAN="S4"), "pendidikan_invalid"),
    "unit_kerja_blank": (sari(28, UNIT_KERJA=""), "pd_missing"),
    "jenis_jabatan_kepala": (sari(29, JENIS_JABATAN="Kepala"), "jenis_jabatan_invalid"),
    "kedudukan_cuti": (sari(30, KEDUDUKAN="Cuti"), "kedudukan_invalid"),
}
REJECT_ROW = {name: i + 2 for i, name in enumerate(REJECT_CASES)}  # the header is row 1
REJECT_ROWS = [row for row, _ in REJECT_CASES.values()]
CONTROL_ROW = len(REJECT_CASES) + 2  # Budi, below the cases


@pytest.fixture(scope="module")
def rejects(tmp_path_factory: pytest.TempPathFactory) -> FileExtract:
    return extract(tmp_path_factory.mktemp("rejects"), [*REJECT_ROWS, person(**BUDI)])


@pytest.mark.parametrize("name", list(REJECT_CASES))
def test_reject_case(rejects: FileExtract, name: str) -> None:
    rule = REJECT_CASES[name][1]
    assert issue(rejects, REJECT_ROW[name], rule)["severity"] == "reject"
    assert REJECT_ROW[name] not in accepted_rows(rejects)


def test_reject_file_counts(rejects: FileExtract) -> None:
    assert rejects.rows_read == len(REJECT_CASES) + 1
    assert (rejects.rows_rejected, rejects.rows_accepted) == (len(REJECT_CASES), 1)
    assert accepted_rows(rejects) == [CONTROL_ROW]
    assert rules(rejects, CONTROL_ROW) == {}
    assert rejects.row_text is not None and len(rejects.row_text) == len(REJECT_CASES)


def test_issue_frame_columns_and_order(rejects: FileExtract) -> None:
    issues = rejects.issues
    assert list(issues.columns) == ISSUE_COLUMNS
    assert issues["source_row"].is_monotonic_increasing
    assert set(issues["severity"]) <= {"reject", "warning", "info"}
    assert issues["message"].map(lambda m: isinstance(m, str) and len(m) > 10).all()


def test_mangled_nip_value_is_masked(rejects: FileExtract) -> None:
    found = issue(rejects, REJECT_ROW["nip_excel_mangled"], "nip_excel_mangled")
    assert found["column"] == "NIP"
    assert found["value"].endswith("E+17")
    assert "98501" not in found["value"]


def test_duplicate_nip_value_is_masked(rejects: FileExtract) -> None:
    a = issue(rejects, REJECT_ROW["nip_duplicate_a"], "nip_duplicate")
    b = issue(rejects, REJECT_ROW["nip_duplicate_b"], "nip_duplicate")
    assert a["value"] == "******** ****** * 008"  # as written, spaces kept
    assert b["value"] == "***************008"


def test_no_nip_digits_in_issues(rejects: FileExtract) -> None:
    assert_no_nip_shown(rejects, [*REJECT_ROWS, BUDI])


def test_sex_conflict_names_the_header_as_written(rejects: FileExtract) -> None:
    found = issue(rejects, REJECT_ROW["sex_conflicts_nip"], "sex_conflicts_nip")
    assert (found["column"], found["value"]) == ("L/P", "L")


def test_invalid_sex_is_not_replaced_from_nip(rejects: FileExtract) -> None:
    assert rules(rejects, REJECT_ROW["sex_x"]) == {"sex_invalid": "reject"}


def test_invalid_birth_date_is_not_replaced_from_nip(rejects: FileExtract) -> None:
    row = REJECT_ROW["birth_31_feb"]
    assert issue(rejects, row, "date_invalid")["column"] == "TGL LAHIR"
    assert "birth_date_from_nip" not in rules(rejects, row)


def test_birth_date_values_are_hidden(rejects: FileExtract) -> None:
    found = issue(rejects, REJECT_ROW["born_after_data_date"], "birth_date_impossible")
    assert found["value"] == "(hidden)"


# --- rows that must be accepted ---------------------------------------------------------------

ACCEPT_CASES: dict[str, tuple[dict[str, object], dict[str, str], dict[str, object]]] = {
    # name: (row, {rule: severity} expected on the row, canonical values expected)
    "clean_pns": (sari(1), {}, {
        "nip": SARI_NIP, "jenis_kelamin": "P", "tanggal_lahir": TS("1985-01-12"),
        "tmt_cpns": TS("2010-01-01"), "golongan": "III/b", "tingkat_pendidikan": "40",
        "kedudukan_hukum": "Aktif", "jenis_jabatan": "pelaksana", "eselon": None,
        "jenis_pegawai": "PNS", "nik": "6107015201850001", "pd_name": "Dinas Kesehatan"}),
    "clean_budi": (person(**BUDI), {}, {
        "nip": BUDI_NIP, "jenis_kelamin": "L", "tanggal_lahir": TS("1972-08-15"),
        "tmt_cpns": TS("1998-03-01"), "golongan": "IV/a"}),
    "sex_blank_woman": (sari(3, LP=""), {"sex_from_nip": "info"}, {"jenis_kelamin": "P"}),
    "sex_blank_man": (person(**{**BUDI, "NIP": "19720815 199803 1 005", "L/P": ""}),
                      {"sex_from_nip": "info"}, {"jenis_kelamin": "L"}),
    "birth_blank": (sari(5, TGL_LAHIR=""), {"birth_date_from_nip": "info"},
                    {"tanggal_lahir": TS("1985-01-12")}),
    "birth_differs": (sari(6, TGL_LAHIR="13 Januari 1985"),
                      {"birth_date_disagrees_nip": "warning"},
                      {"tanggal_lahir": TS("1985-01-13")}),  # counted as written
    "tmt_differs": (sari(7, TMT_CPNS="01-03-2011"), {"tmt_cpns_disagrees_nip": "warning"},
                    {"tmt_cpns": TS("2011-03-01")}),
    "tmt_blank": (sari(8, TMT_CPNS=""), {"tmt_from_nip": "info"},
                  {"tmt_cpns": TS("2010-01-01")}),
    "pppk_from_ni": (pppk(), {"sex_from_nip": "info", "birth_date_from_nip": "info",
                              "tmt_from_nip": "info"}, {
        "nip": "199312282025212001", "tmt_cpns": TS("2025-01-01"),
        "tanggal_lahir": TS("1993-12-28"), "jenis_kelamin": "P", "golongan": "IX",
        "jenis_pegawai": "PPPK"}),
    "pppk_year_differs": (pppk(NIP="19931228 2025 21 2 010", TMT_CPNS="01-03-2024"),
                          {"pppk_year_disagrees_nip": "warning", "sex_from_nip": "info",
                           "birth_date_from_nip": "info"}, {"tmt_cpns": TS("2024-03-01")}),
    "pppk_no_golongan": (pppk(NIP="19900101 2024 11 1 011", GOL=""),
                         {"sex_from_nip": "info", "birth_date_from_nip": "info",
                          "tmt_from_nip": "info"},
                         {"golongan": None, "jenis_kelamin": "L",
                          "tmt_cpns": TS("2024-01-01")}),
    "eselon_on_fungsional": (sari(12, JENIS_JABATAN="Fungsional", ESELON="IV.a"),
                             {"eselon_sets_struktural": "warning"},
                             {"jenis_jabatan": "struktural", "eselon": "IV.a"}),
    "eselon_blank_jenis_jabatan": (sari(13, JENIS_JABATAN="", ESELON="III.b"), {},
                                   {"jenis_jabatan": "struktural", "eselon": "III.b"}),
    "jenis_jabatan_blank": (sari(14, JENIS_JABATAN=""), {}, {"jenis_jabatan": None}),
    "eselon_non": (sari(15, ESELON="NON", JENIS_JABATAN="Fungsional Tertentu"), {},
                   {"eselon": None, "jenis_jabatan": "fungsional"}),
    "struktural_with_eselon": (sari(16, JENIS_JABATAN="Struktural", ESELON="Eselon II.b"), {},
                               {"jenis_jabatan": "struktural", "eselon": "II.b"}),
    "kedudukan_blank": (sari(17, KEDUDUKAN=""), {"kedudukan_blank": "warning"},
                        {"kedudukan_hukum": "Aktif"}),
    "kedudukan_pensiun": (sari(18, KEDUDUKAN="Pensiun"), {}, {"kedudukan_hukum": "Pensiun"}),
    "nik_short": (sari(19, NIK="61070152018500"), {"nik_invalid": "warning"}, {"nik": None}),
    "nik_mangled": (sari(20, NIK="6.10701E+15"), {"nik_invalid": "warning"}, {"nik": None}),
    "cpns_local_spellings": (sari(21, NIP="'19850112 201001 2 021", STATUS_PEGAWAI="CPNS",
                                  LP="Perempuan", TGL_LAHIR="1985-01-12", GOL="3B",
                                  PENDIDIKAN="D-III"), {},
                             {"jenis_pegawai": "CPNS", "golongan": "III/b",
                              "tingkat_pendidikan": "30", "nip": "198501122010012021"}),
}
ACCEPT_ROW = {name: i + 2 for i, name in enumerate(ACCEPT_CASES)}
ACCEPT_ROWS = [row for row, _, _ in ACCEPT_CASES.values()]


@pytest.fixture(scope="module")
def accepts(tmp_path_factory: pytest.TempPathFactory) -> FileExtract:
    return extract(tmp_path_factory.mktemp("accepts"), ACCEPT_ROWS)


@pytest.mark.parametrize("name", list(ACCEPT_CASES))
def test_accept_case(accepts: FileExtract, name: str) -> None:
    _, expected_rules, expected_values = ACCEPT_CASES[name]
    row = ACCEPT_ROW[name]
    assert row in accepted_rows(accepts)
    assert rules(accepts, row) == expected_rules
    got = row_values(accepts, row)
    for col, want in expected_values.items():
        if want is None:
            assert pd.isna(got[col]), col
        else:
            assert got[col] == want, col


def test_accept_file_counts(accepts: FileExtract) -> None:
    assert (accepts.rows_read, accepts.rows_rejected) == (len(ACCEPT_CASES), 0)
    assert accepts.rows_accepted == len(ACCEPT_CASES)
    assert accepts.row_text is not None and accepts.row_text.empty


def test_warning_details(accepts: FileExtract) -> None:
    birth = issue(accepts, ACCEPT_ROW["birth_differs"], "birth_date_disagrees_nip")
    assert (birth["column"], birth["value"]) == ("TGL LAHIR", "(hidden)")
    nik = issue(accepts, ACCEPT_ROW["nik_short"], "nik_invalid")
    assert (nik["column"], nik["value"]) == ("NIK", "***********500")
    sex = issue(accepts, ACCEPT_ROW["sex_blank_woman"], "sex_from_nip")
    assert (sex["column"], sex["value"]) == ("L/P", "(blank)")
    ese = issue(accepts, ACCEPT_ROW["eselon_on_fungsional"], "eselon_sets_struktural")
    assert ese["column"] == "JENIS JABATAN"


def test_no_nip_digits_in_warnings(accepts: FileExtract) -> None:
    assert_no_nip_shown(accepts, ACCEPT_ROWS)


def test_accepted_rows_meet_the_raw_contract(accepts: FileExtract, rejects: FileExtract) -> None:
    assert_raw_contract(accepts.accepted_values())
    assert_raw_contract(rejects.accepted_values())


# --- files of their own -----------------------------------------------------------------------

def test_nip_number_cell_in_xlsx_is_mangled_and_never_shown(tmp_path: Path) -> None:
    # an 18-digit int is stored as a number cell, as when Excel converts a typed NIP
    rows = [person(NIP=int(SARI_NIP)), person(NO="2", **BUDI)]
    ex = extract(tmp_path, rows, fmt="xlsx")
    assert rules(ex, 2) == {"nip_excel_mangled": "reject"}
    assert accepted_rows(ex) == [3]
    assert_no_nip_shown(ex, [{"NIP": SARI_NIP}, BUDI])


def test_no_kedudukan_column_means_aktif(tmp_path: Path) -> None:
    header = [h for h in HEADER if h != "KEDUDUKAN"]
    ex = extract(tmp_path, [sari(1), person(**BUDI)], header=header)
    assert ex.issues.empty
    assert list(ex.issues.columns) == ISSUE_COLUMNS
    assert ex.accepted_values()["kedudukan_hukum"].tolist() == ["Aktif", "Aktif"]


def test_numeric_code_cells_in_xlsx(tmp_path: Path) -> None:
    # codes typed as numbers: sex 2, golongan 32, eselon 99 (none), jenis jabatan 4,
    # pendidikan 40, Excel serial birth date -- understood, not read as "2.0" and rejected
    row = sari(1, LP=2, GOL=32, ESELON=99, JENIS_JABATAN=4, PENDIDIKAN=40, TGL_LAHIR=31059)
    ex = extract(tmp_path, [row], fmt="xlsx")
    assert ex.issues.empty, ex.issues.to_dict("records")
    v = ex.accepted_values().iloc[0]
    assert (v["jenis_kelamin"], v["golongan"], v["jenis_jabatan"]) == ("P", "III/b", "pelaksana")
    assert pd.isna(v["eselon"]) and v["tingkat_pendidikan"] == "40"
    assert v["tanggal_lahir"] == TS("1985-01-12")


def test_messages_use_header_as_written(tmp_path: Path) -> None:
    header = ["Nip", "Nama", "Jenis Kelamin", "Tgl. Lahir", "Status Pegawai", "Gol.",
              "Pendidikan", "OPD"]
    row: dict[str, object] = {
        "Nip": "19850112 201001 2 001", "Nama": "Sari", "Jenis Kelamin": "L",
        "Tgl. Lahir": "31-02-1985", "Status Pegawai": "PNS", "Gol.": "IX",
        "Pendidikan": "S1", "OPD": "Dinas Kesehatan"}
    ex = extract(tmp_path, [row], header=header)
    assert issue(ex, 2, "sex_conflicts_nip")["column"] == "Jenis Kelamin"
    assert issue(ex, 2, "date_invalid")["column"] == "Tgl. Lahir"
    assert issue(ex, 2, "golongan_invalid")["column"] == "Gol."
    assert ex.rows_rejected == 1
