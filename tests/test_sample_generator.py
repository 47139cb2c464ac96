"""The sample generator: determinism, ID consistency, history, layouts and recorded flaws."""

from __future__ import annotations

import csv
import io
import re
import time
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from terpilah.sample import (
    EXPECTED,
    KINDS,
    MANIFEST_NAME,
    SampleManifest,
    generate_sample,
    month_ends,
)
from terpilah.sample.render import LOCAL_COLUMNS, SIASN_COLUMNS

BULAN = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]  # fmt: skip


def read_siasn(path: Path) -> pd.DataFrame:
    return pd.read_excel(path, sheet_name="Data Utama", engine="calamine", dtype=str).fillna("")


def read_local(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("cp1252")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def flawed_rows(entry) -> set[int]:
    return {flaw.row for flaw in entry.flaws}


@pytest.fixture(scope="module")
def year(tmp_path_factory) -> tuple[Path, SampleManifest]:
    """Small scale, twelve months, SIASN layout."""
    out = tmp_path_factory.mktemp("year")
    return out, generate_sample(out, scale="small", months=12)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> tuple[Path, SampleManifest]:
    """Small scale, three months, mixed layout (the third month is a local CSV)."""
    out = tmp_path_factory.mktemp("mixed")
    return out, generate_sample(out, scale="small", months=3, layout="mixed")


def test_same_seed_gives_identical_files_and_other_seed_differs(mixed, tmp_path):
    out, manifest = mixed
    again = generate_sample(tmp_path / "again", scale="small", months=3, layout="mixed")
    other = generate_sample(tmp_path / "other", scale="small", months=3, layout="mixed", seed=8)
    assert again == manifest
    assert [f.layout for f in manifest.files] == ["siasn", "siasn", "local"]
    for entry in manifest.files:
        assert (out / entry.path).read_bytes() == (tmp_path / "again" / entry.path).read_bytes()
        assert (out / entry.path).read_bytes() != (tmp_path / "other" / entry.path).read_bytes()
    assert other.files[0].rows == manifest.files[0].rows  # same size, other people
    saved = SampleManifest.load(out)
    assert saved == manifest
    assert (out / MANIFEST_NAME).exists()


def test_files_land_in_dated_folders(year):
    out, manifest = year
    assert manifest.dates == [d.isoformat() for d in month_ends(date(2025, 12, 31), 12)]
    assert manifest.dates[0] == "2025-01-31"
    for entry in manifest.files:
        assert entry.path == f"simpeg/{entry.data_date}/siasn_data_utama_{entry.data_date}.xlsx"
        assert (out / entry.path).is_file()


def test_xlsx_has_data_sheet_with_exact_header_and_string_cells(year):
    out, manifest = year
    entry = manifest.files[1]
    book = openpyxl.load_workbook(out / entry.path, read_only=True)
    assert book.sheetnames == ["Data Utama", "Keterangan"]
    rows = list(book["Data Utama"].iter_rows(values_only=True))
    assert rows[0] == SIASN_COLUMNS
    assert len(rows) - 1 == entry.rows
    numeric = {f.row for f in entry.flaws if f.kind == "nip_excel_mangled"}
    for number, row in enumerate(rows[1:], start=2):
        for name, value in zip(SIASN_COLUMNS, row, strict=True):
            if number in numeric and name == "NIP BARU":
                assert isinstance(value, float)
            else:
                assert value is None or isinstance(value, str)
    notes = list(book["Keterangan"].iter_rows(values_only=True))
    assert 2 <= len(notes) <= 10
    book.close()


def test_nip_agrees_with_birth_date_tmt_and_sex(year):
    out, manifest = year
    for entry in manifest.files:
        df = read_siasn(out / entry.path)
        clean = df.drop(index=[r - 2 for r in flawed_rows(entry)])
        nip = clean["NIP BARU"]
        assert nip.str.fullmatch(r"\d{18}").all()
        assert nip.is_unique
        born = clean["TANGGAL LAHIR"].str.split("-")
        assert (nip.str[:8] == born.str[2] + born.str[1] + born.str[0]).all()
        tmt = clean["TMT CPNS"].str.split("-")
        pppk = clean["JENIS PEGAWAI NAMA"] == "PPPK"
        assert (nip[~pppk].str[8:14] == (tmt.str[2] + tmt.str[1])[~pppk]).all()
        assert (nip[pppk].str[8:12] == tmt.str[2][pppk]).all()
        assert (nip[pppk].str[12:14] == "21").all()
        assert (nip.str[14] == clean["JENIS KELAMIN"].map({"M": "1", "F": "2"})).all()
        assert (clean.loc[pppk, ["TMT PNS", "STATUS CPNS PNS"]] == "").all().all()
        assert set(clean["STATUS CPNS PNS"][~pppk]) <= {"P", "C"}
        birth = pd.to_datetime(clean["TANGGAL LAHIR"], format="%d-%m-%Y")
        hired = pd.to_datetime(clean["TMT CPNS"], format="%d-%m-%Y")
        on = pd.Timestamp(entry.data_date)
        assert ((on - birth).dt.days / 365.25).between(19, 65).all()
        hire_age = (hired - birth).dt.days / 365.25
        assert hire_age[~pppk].between(19, 36).all()
        assert hire_age[pppk].between(19, 46).all()


def test_every_month_differs_and_history_happens(year):
    out, manifest = year
    tables = [read_siasn(out / entry.path) for entry in manifest.files]
    keys = ["NIP BARU", "KEDUDUKAN HUKUM NAMA", "GOL AKHIR NAMA", "JABATAN NAMA", "UNOR NAMA",
            "UNOR INDUK NAMA", "JENIS PEGAWAI NAMA"]  # fmt: skip
    states = [set(map(tuple, t[keys].to_numpy().tolist())) for t in tables]
    for before, after in pairwise(states):
        assert before != after
    statuses = set(pd.concat([t["KEDUDUKAN HUKUM NAMA"] for t in tables]))
    assert {"Aktif", "Pensiun"} <= statuses
    # A pensioner appears at most once with "Pensiun" and is gone the month after.
    for before, after in pairwise(tables):
        retired = set(before.loc[before["KEDUDUKAN HUKUM NAMA"] == "Pensiun", "NIP BARU"])
        assert not retired & set(after["NIP BARU"])
    # CPNS (TMT 1 June) and PPPK (TMT 1 March) batches arrive in their months.
    june, march = tables[5], tables[2]
    assert (june["TMT CPNS"] == "01-06-2025").sum() >= 5
    assert (june["STATUS CPNS PNS"] == "C").sum() >= 5
    assert (march["TMT CPNS"] == "01-03-2025").sum() >= 5
    # Golongan promotions with TMT 1 April and 1 October.
    for table, tmt in ((tables[3], "01-04-2025"), (tables[9], "01-10-2025")):
        assert (table["TMT GOLONGAN"] == tmt).sum() >= 5
    # Everyone listed is younger than 65 and nobody is active past BUP 58 as pelaksana.
    last = tables[-1]
    born = pd.to_datetime(last["TANGGAL LAHIR"], format="%d-%m-%Y")
    age = (pd.Timestamp("2025-12-31") - born).dt.days / 365.25
    pelaksana = (last["JENIS JABATAN ID"] == "4") & (last["KEDUDUKAN HUKUM NAMA"] == "Aktif")
    assert (age[pelaksana] < 58.1).all()


def test_women_in_eselon_posts_near_national_shares(tmp_path):
    start = time.perf_counter()
    manifest = generate_sample(tmp_path, months=1)
    df = read_siasn(tmp_path / manifest.files[0].path)
    assert time.perf_counter() - start < 20
    assert 4500 <= len(df) <= 5500
    assert 30 <= df["UNOR INDUK NAMA"].nunique() <= 40
    women = df["JENIS KELAMIN"] == "F"
    assert 0.55 <= women.mean() <= 0.62
    assert 0.20 <= (df["JENIS PEGAWAI NAMA"] == "PPPK").mean() <= 0.30
    assert 0.40 <= df["JABATAN NAMA"].str.startswith("Guru ").mean() <= 0.50
    level = df["ESELON NAMA"].str.split(".").str[0]
    shares = women.groupby(level).mean()
    assert 0.05 <= shares["II"] <= 0.30
    assert 0.15 <= shares["III"] <= 0.40
    assert 0.28 <= shares["IV"] <= 0.52
    gol = df["GOL AKHIR ID"]
    structural = df["JENIS JABATAN ID"] == "1"
    assert (df.loc[structural, "JENIS PEGAWAI NAMA"] != "PPPK").all()
    assert (gol[level == "II"] >= "41").all()
    assert (gol[level == "III"] >= "34").all()
    assert (gol[level == "IV"] >= "32").all()
    assert ((df["ESELON ID"] == "99") == ~structural).all()
    s1_plus = df["TINGKAT PENDIDIKAN ID"].isin(["35", "40", "45", "50"]).mean()
    assert 0.65 <= s1_plus <= 0.78


def test_local_layout_is_cp1252_semicolon_csv_with_titles_and_jumlah(mixed):
    out, manifest = mixed
    entry = manifest.files[2]
    raw = (out / entry.path).read_bytes()
    assert entry.path.endswith(f"simpeg_lokal_{entry.data_date}.csv")
    assert raw.count(b"\r\n") == raw.count(b"\n")
    assert re.search(rb"[\x80-\xff]", raw), "expected some cp1252 characters (e.g. accents)"
    rows = read_local(out / entry.path)
    assert rows[0][0] == "DAFTAR NOMINATIF PEGAWAI"
    assert rows[1][0] == "PEMERINTAH KABUPATEN BENGKAYANG"
    assert rows[2][0] == "KEADAAN PER 31 Desember 2025"
    assert not any(rows[3])
    assert entry.header_row == 5
    assert tuple(rows[4]) == LOCAL_COLUMNS
    data, total = rows[5:-1], rows[-1]
    assert total[0] == str(entry.rows) and total[2] == "JUMLAH" and not total[1]
    assert len(data) == entry.rows
    assert all(len(row) == len(LOCAL_COLUMNS) for row in rows)
    flawed = flawed_rows(entry)
    pattern = re.compile(r"\d{8} \d{6} \d \d{3}|\d{8} \d{4} \d{2} \d \d{3}|'\d{18}")
    for number, row in enumerate(data, start=6):
        assert row[0] == str(number - 5)
        if number not in flawed:
            assert pattern.fullmatch(row[1]), row[1]
            assert row[3] in ("L", "P")
            nip = re.sub(r"\D", "", row[1])
            assert row[3] == {"1": "L", "2": "P"}[nip[14]]
    assert any("'" in row[2] for row in data)  # names such as Nur'aini
    assert {row[7] for row in data} & {"IX", "VII"}  # PPPK golongan
    assert {row[10] for row in data} == {"Struktural", "Fungsional", "Pelaksana"}


def _birth_from_cell(cell: str) -> date:
    if "-" in cell:
        day, month, year = cell.split("-")
        return date(int(year), int(month), int(day))
    day, month, year = cell.split()
    return date(int(year), BULAN.index(month) + 1, int(day))


def _check_flaw(kind: str, row: dict[str, str], nip_col: str, sex_col: str, birth_col: str):
    nip = re.sub(r"\D", "", str(row[nip_col]))
    if kind == "nip_excel_mangled":
        assert not re.fullmatch(r"\d{18}", str(row[nip_col]).strip("' ").replace(" ", ""))
    elif kind == "sex_missing":
        assert row[sex_col] in ("", None)
    elif kind == "sex_conflict":
        assert row[sex_col] in {"1": ("F", "P"), "2": ("M", "L")}[nip[14]]
    elif kind == "birth_date_mismatch":
        from_nip = date(int(nip[:4]), int(nip[4:6]), int(nip[6:8]))
        delta = abs(_birth_from_cell(row[birth_col]) - from_nip)
        assert timedelta(days=1) <= delta <= timedelta(days=5)


def test_manifest_points_at_the_flawed_rows(mixed):
    out, manifest = mixed
    assert manifest.files[0].flaws == []
    for entry in manifest.files[1:]:
        kinds = {flaw.kind for flaw in entry.flaws}
        assert kinds == set(KINDS)
        assert all(flaw.expected == EXPECTED[flaw.kind] for flaw in entry.flaws)
        rejected = {f.row for f in entry.flaws if f.expected == "rejected"}
        assert len(rejected) < 0.02 * entry.rows
        if entry.layout == "siasn":
            book = openpyxl.load_workbook(out / entry.path, read_only=True)
            rows = list(book["Data Utama"].iter_rows(values_only=True))
            book.close()
            header, cols = rows[0], ("NIP BARU", "JENIS KELAMIN", "TANGGAL LAHIR")
        else:
            rows = read_local(out / entry.path)[4:]
            header, cols = rows[0], ("NIP", "L/P", "TGL LAHIR")
        assert entry.header_row == (1 if entry.layout == "siasn" else 5)
        for flaw in entry.flaws:
            row = dict(zip(header, rows[flaw.row - entry.header_row], strict=True))
            assert flaw.column in header
            _check_flaw(flaw.kind, row, *cols)
        dups = sorted(f.row for f in entry.flaws if f.kind == "duplicate_nip")
        assert len(dups) % 2 == 0
        for first, second in zip(dups[::2], dups[1::2], strict=True):
            assert second == first + 1
            a = dict(zip(header, rows[first - entry.header_row], strict=True))
            b = dict(zip(header, rows[second - entry.header_row], strict=True))
            assert a[cols[0]] == b[cols[0]] and a["NAMA"] != b["NAMA"]


def test_without_flaws_nothing_is_recorded_and_sizes_follow_employees(tmp_path):
    manifest = generate_sample(tmp_path, scale="small", employees=1000, months=2, flaws=False)
    assert manifest.employees == 1000
    assert manifest.files[0].rows == 1000
    assert all(not entry.flaws for entry in manifest.files)
    df = read_siasn(tmp_path / manifest.files[1].path)
    assert df["NIP BARU"].is_unique
    assert df["JENIS KELAMIN"].isin(["M", "F"]).all()


def test_bad_arguments_are_refused(tmp_path):
    with pytest.raises(ValueError, match="last day"):
        generate_sample(tmp_path, scale="small", end_date=date(2025, 12, 30))
    with pytest.raises(ValueError, match="scale"):
        generate_sample(tmp_path, scale="jakarta")
    with pytest.raises(ValueError, match="layout"):
        generate_sample(tmp_path, scale="small", layout="pdf")
