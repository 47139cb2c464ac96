"""Digital-literacy participant lists of the sample: determinism, layout, NIK digits, flaws."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from terpilah.sample import (
    LITERACY_EXPECTED,
    LITERACY_KINDS,
    MANIFEST_NAME,
    LiteracyFile,
    SampleManifest,
    generate_sample,
    month_ends,
)
from terpilah.sample.codes import BULAN as BULAN_NAMES
from terpilah.sample.literacy import write_literacy

CANONICAL = (
    (Path(__file__).resolve().parents[1] / "dbt_project" / "seeds" / "ref_kecamatan.csv")
    .read_text(encoding="utf-8")
    .splitlines()[1:]
)
BULAN = [m.lower() for m in BULAN_NAMES]
SEX = {"L": "M", "LAKI-LAKI": "M", "P": "F", "PEREMPUAN": "F"}


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, SampleManifest]:
    out = tmp_path_factory.mktemp("small")
    return out, generate_sample(out, scale="small", months=3, training=True, literacy=True)


@pytest.fixture(scope="module")
def year(tmp_path_factory) -> tuple[Path, list[LiteracyFile]]:
    """The literacy part of a scale "bengkayang" twelve-month sample (written on its own)."""
    out = tmp_path_factory.mktemp("year")
    return out, write_literacy(out, 7, 6, month_ends(date(2025, 12, 31), 12), "bengkayang")


def read_rows(out: Path, entry: LiteracyFile) -> list[list[object]]:
    """Every row (index 0 = spreadsheet row 1); XLSX values typed, CSV values text."""
    path = out / entry.path
    if entry.layout == "xlsx":
        sheet = openpyxl.load_workbook(path).active
        return [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
    raw = path.read_bytes()
    text = raw[3:].decode("utf-8") if raw.startswith(b"\xef\xbb\xbf") else raw.decode("cp1252")
    header = text.splitlines()[entry.header_row - 1]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def table(out: Path, entry: LiteracyFile) -> tuple[dict[str, int], dict[int, list[object]]]:
    rows = read_rows(out, entry)
    header = [str(v) for v in rows[entry.header_row - 1]]
    data = {i + 1: row for i, row in enumerate(rows) if i + 1 > entry.header_row}
    return {name: j for j, name in enumerate(header) if name}, data


def cell(row: list[object], cols: dict[str, int], *names: str) -> object:
    for name in names:
        if name in cols:
            return row[cols[name]] if cols[name] < len(row) else ""
    return None


def parse_date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    text = str(value).strip()
    if m := re.fullmatch(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})", text):
        return date(int(m[3]), int(m[2]), int(m[1]))
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        return date(int(m[1]), int(m[2]), int(m[3]))
    day, month, year = text.split()
    return date(int(year), BULAN.index(month.lower()) + 1, int(day))


def kecamatan(text: str) -> str | None:
    """Canonical kecamatan of a typed spelling, or None."""
    key = re.sub(r"^kec\.?\s*", "", text.strip().lower())
    key = re.sub(r"^sei\.?\s", "sungai ", key)
    key = re.sub(r"\bkep\.?$", "kepulauan", key).replace(" ", "")
    key = "tujuhbelas" if key == "17" else key
    found = [name for name in CANONICAL if name.lower().replace(" ", "") == key]
    return found[0] if found else None


def nik_facts(nik: str) -> tuple[str, date]:
    """Sex (M/F) and birth date of a 16-digit NIK."""
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    sex = "F" if day > 40 else "M"
    return sex, date(2000 + yy if yy <= 25 else 1900 + yy, month, day - 40 * (sex == "F"))


def age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def found_flaws(out: Path, entry: LiteracyFile) -> dict[int, set[str]]:
    """Flaw kinds detected by reading the file, by spreadsheet row; checks clean rows too."""
    cols, data = table(out, entry)
    on = date.fromisoformat(entry.class_date)
    found: dict[int, set[str]] = {}
    seen: set[str] = set()
    for number, row in data.items():
        kinds: set[str] = set()
        raw = cell(row, cols, "NIK")
        nik = str(raw).strip()
        sex_text = str(cell(row, cols, "JENIS KELAMIN", "L/P", "JK",
                                 "JENIS KELAMIN (L/P)")).strip().upper()
        if isinstance(raw, int | float) or re.fullmatch(r"\d\.\d+E\+15", nik):
            kinds.add("nik_excel_mangled")
        elif nik == "":
            kinds.add("nik_missing")
        elif re.fullmatch(r"\d{15}", nik):
            kinds.add("nik_short")
        else:
            assert re.fullmatch(r"\d{16}", nik), (entry.path, number, nik)
            if nik in seen:
                kinds.add("duplicate_row")
            seen.add(nik)
            if nik.startswith("6107"):
                assert 1 <= int(nik[4:6]) <= 17
            else:
                assert nik[:4] in ("6101", "6171", "6172")
                kinds.add("nik_outside")
            sex, born = nik_facts(nik)
            if sex_text == "":
                kinds.add("sex_missing")
            elif SEX[sex_text] != sex:
                kinds.add("sex_conflict")
            age = cell(row, cols, "UMUR")
            if age is None:
                assert parse_date(cell(row, cols, "TANGGAL LAHIR", "TGL LAHIR")) == born
            else:
                assert int(age) == age_on(born, on)
        if kecamatan(str(cell(row, cols, "KECAMATAN"))) is None:
            kinds.add("kecamatan_unknown")
        if "nik_excel_mangled" not in kinds and cell(row, cols, "TANGGAL") is not None:
            assert parse_date(cell(row, cols, "TANGGAL")) == on
        found[number] = kinds
    return found


def test_default_writes_no_literacy(tmp_path: Path) -> None:
    manifest = generate_sample(tmp_path, scale="small", months=1)
    assert manifest.literacy == []
    assert not (tmp_path / "literacy").exists()
    assert "literacy" not in json.loads((tmp_path / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert SampleManifest.load(tmp_path).literacy == []


def test_deterministic_and_other_files_unchanged(small, tmp_path: Path) -> None:
    out, manifest = small
    again = tmp_path / "again"
    assert generate_sample(again, scale="small", months=3, training=True, literacy=True) == manifest
    plain = tmp_path / "plain"
    without = generate_sample(plain, scale="small", months=3, training=True)
    files = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    assert any(p.parts[0] == "literacy" for p in files)
    for rel in files:
        assert (again / rel).read_bytes() == (out / rel).read_bytes(), rel
        if rel.parts[0] != "literacy" and rel.name != MANIFEST_NAME:
            assert (plain / rel).read_bytes() == (out / rel).read_bytes(), rel
    assert {p.relative_to(plain) for p in plain.rglob("*") if p.is_file()} == {
        p for p in files if p.parts[0] != "literacy"
    }
    assert without.files == manifest.files and without.training == manifest.training
    assert SampleManifest.load(out) == manifest


def test_small_sizes(small) -> None:
    _, manifest = small
    first, last = manifest.dates[0][:8] + "01", manifest.dates[-1]
    assert 1 <= len(manifest.literacy) <= 6
    for entry in manifest.literacy:
        assert first <= entry.class_date <= last
        assert entry.path == f"literacy/{entry.class_date}/{Path(entry.path).name}"


def test_layout_rows_and_flaws(year) -> None:
    out, entries = year
    assert 45 <= len(entries) <= 65
    assert 2000 <= sum(e.rows for e in entries) <= 4000
    assert {e.layout for e in entries} == {"xlsx", "csv"}
    assert {e.columns_style for e in entries} == {"columns", "title"}
    assert len({e.program for e in entries}) == 5
    kinds: Counter[str] = Counter()
    for entry in entries:
        cols, data = table(out, entry)
        assert {"NIK", "KECAMATAN", "PEKERJAAN", "DISABILITAS"} <= set(cols)
        assert (entry.header_row == 1) == (entry.columns_style == "columns")
        assert ("PROGRAM" in cols or "NAMA KELAS" in cols) == (entry.columns_style == "columns")
        assert len(data) == entry.rows and all(any(str(v) for v in row) for row in data.values())
        if entry.columns_style == "title":
            titles = [str(r[0]) for r in read_rows(out, entry)[: entry.header_row - 2]]
            letterhead = [t for t in titles if t.startswith(("PEMERINTAH", "DINAS", "Jalan"))]
            assert titles[:len(letterhead)] == letterhead  # a kop surat comes first
            assert titles[len(letterhead)].startswith(("DAFTAR PESERTA", "DAFTAR HADIR PESERTA"))
            if entry.kecamatan_hint:
                assert any(entry.kecamatan_hint in t for t in titles)
        for row in data.values():
            assert [str(v) for v in row][cols["DISABILITAS"]] in ("Ya", "Tidak")
        recorded: dict[int, set[str]] = {}
        for flaw in entry.flaws:
            assert flaw.expected == LITERACY_EXPECTED[flaw.kind]
            assert flaw.column in cols
            recorded.setdefault(flaw.row, set()).add(flaw.kind)
            kinds[flaw.kind] += 1
        found = found_flaws(out, entry)
        assert {r: k for r, k in found.items() if k} == recorded, entry.path
    assert set(kinds) == set(LITERACY_KINDS)
    # the layouts of real lists occur: a letterhead, the heading joined to the class name
    heads = [[str(r[0]) for r in read_rows(out, e)[: e.header_row - 2]] for e in entries
             if e.columns_style == "title"]
    assert sum(h[0].startswith("PEMERINTAH") for h in heads) >= 2
    assert sum(any(t.startswith("DAFTAR") and len(t) > 25 for t in h) for h in heads) >= 2


def test_people_kecamatan_and_repeats(year) -> None:
    out, entries = year
    visits: Counter[str] = Counter()
    women, known = 0, 0
    places = set()
    for entry in entries:
        cols, data = table(out, entry)
        flawed = {f.row for f in entry.flaws}
        for number, row in data.items():
            if number in flawed:
                continue
            nik = str(cell(row, cols, "NIK"))
            visits[nik] += 1
            women += nik_facts(nik)[0] == "F"
            known += 1
            places.add(kecamatan(str(cell(row, cols, "KECAMATAN"))))
    assert places == set(CANONICAL) and len(CANONICAL) == 17
    assert 0.55 <= women / known <= 0.67
    repeat = Counter(min(n, 5) for n in visits.values())
    assert max(visits.values()) <= 4
    assert repeat[2] + repeat[3] + repeat[4] >= 0.3 * len(visits)
