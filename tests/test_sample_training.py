"""Training attendance lists of the sample: determinism, layout, participants and flaws."""

from __future__ import annotations

import calendar
import csv
import io
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from terpilah.sample import MANIFEST_NAME, SampleManifest, TrainingFile, generate_sample
from terpilah.sample.training_events import KINDS, PKN_CITY, REQUIRED
from terpilah.sample.training_flaws import ABSENT_NOTES, TRAINING_EXPECTED

BULAN = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"
MONTHS = BULAN.split("|")
DATE_PREFIX = re.compile(
    r"^(?:(?:Bengkayang|Pontianak|Jakarta), |Tanggal : |Hari/Tanggal : \w+, |\d)"
)
SEX = {"L": "M", "Laki-laki": "M", "P": "F", "Perempuan": "F"}


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, SampleManifest]:
    """Small scale, three months, mixed layout (month three is a local CSV), with training."""
    out = tmp_path_factory.mktemp("small")
    return out, generate_sample(out, scale="small", months=3, layout="mixed", training=True)


@pytest.fixture(scope="module")
def year(tmp_path_factory) -> tuple[Path, SampleManifest]:
    """Scale bengkayang, twelve months, with training (a few seconds)."""
    out = tmp_path_factory.mktemp("year")
    return out, generate_sample(out, scale="bengkayang", months=12, training=True)


def read_grid(out: Path, entry: TrainingFile) -> list[list[str]]:
    """Every row of the file as strings (index 0 = spreadsheet row 1), padded to one width."""
    path = out / entry.path
    if entry.layout == "xlsx":
        sheet = openpyxl.load_workbook(path).active
        rows = [
            ["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)
        ]
    else:
        raw = path.read_bytes()
        text = raw[3:].decode("utf-8") if raw.startswith(b"\xef\xbb\xbf") else raw.decode("cp1252")
        header = text.splitlines()[entry.header_row - 1]
        delimiter = ";" if header.count(";") > header.count(",") else ","
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    width = max(len(r) for r in rows)
    return [r + [""] * (width - len(r)) for r in rows]


SEX_HEADERS = ("L/P", "JENIS KELAMIN", "JK", "JENIS KELAMIN (L/P)", "JENIS\nKELAMIN")


def column(grid: list[list[str]], entry: TrainingFile, *names: str) -> int | None:
    header = grid[entry.header_row - 1]
    found = [i for i, text in enumerate(header) if text in names]
    return found[0] if found else None


def data_rows(grid: list[list[str]], entry: TrainingFile) -> dict[int, list[str]]:
    """Participant rows by spreadsheet row number (no column-number row, no blank rows)."""
    first = entry.header_row + 1
    if grid[first - 1][:3] == ["1", "2", "3"]:
        first += 1
    name = column(grid, entry, "NAMA", "NAMA PESERTA")
    # a signature block under the table has no name (its lines sit in the L/P column)
    return {i + 1: row for i, row in enumerate(grid)
            if i + 1 >= first and any(row) and (name is None or row[name])}


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def month_end(iso: str) -> str:
    d = date.fromisoformat(iso)
    return d.replace(day=calendar.monthrange(d.year, d.month)[1]).isoformat()


_SIMPEG: dict[tuple[Path, str], dict[str, str]] = {}
_SIASN: dict[tuple[Path, str], pd.DataFrame] = {}
SIASN_USED = ["NIP BARU", "JENIS KELAMIN", "JENIS PEGAWAI NAMA", "STATUS CPNS PNS",
              "GOL AKHIR NAMA", "JABATAN NAMA", "ESELON NAMA"]  # fmt: skip


def siasn(out: Path, manifest: SampleManifest, on: str) -> pd.DataFrame:
    """The columns the tests use of the SIASN file of date ``on``, all read as text."""
    if (out, on) not in _SIASN:
        entry = next(f for f in manifest.files if f.data_date == on)
        _SIASN[(out, on)] = pd.read_excel(out / entry.path, sheet_name="Data Utama",
                                          engine="calamine", dtype=str,
                                          usecols=SIASN_USED).fillna("")  # fmt: skip
    return _SIASN[(out, on)]


def simpeg_sex(out: Path, manifest: SampleManifest, on: str) -> dict[str, str]:
    """NIP -> "M"/"F" of the SIMPEG file of date ``on`` (NIP read as text)."""
    if (out, on) not in _SIMPEG:
        entry = next(f for f in manifest.files if f.data_date == on)
        path = out / entry.path
        if entry.layout == "siasn":
            table = siasn(out, manifest, on)
            pairs = zip(table["NIP BARU"], table["JENIS KELAMIN"], strict=True)
        else:
            lines = list(csv.reader(io.StringIO(path.read_bytes().decode("cp1252")), delimiter=";"))
            head = lines[entry.header_row - 1]
            nip, sex = head.index("NIP"), head.index("L/P")
            pairs = ((digits(r[nip]), SEX.get(r[sex], "")) for r in lines[entry.header_row :])
        _SIMPEG[(out, on)] = {n: s for n, s in pairs if len(n) == 18}
    return _SIMPEG[(out, on)]


def all_simpeg_nips(out: Path, manifest: SampleManifest) -> set[str]:
    return set().union(*(simpeg_sex(out, manifest, f.data_date) for f in manifest.files))


def test_same_arguments_same_bytes_and_simpeg_unchanged(small, tmp_path):
    out, manifest = small
    assert manifest.training, "a three-month sample has training events"
    again = generate_sample(tmp_path / "again", scale="small", months=3, layout="mixed",
                            training=True)  # fmt: skip
    assert again == manifest
    for entry in manifest.training:
        assert (out / entry.path).read_bytes() == (tmp_path / "again" / entry.path).read_bytes()
    off = generate_sample(tmp_path / "off", scale="small", months=3, layout="mixed")
    assert off.training == [] and off.files == manifest.files
    for entry in manifest.files:
        assert (out / entry.path).read_bytes() == (tmp_path / "off" / entry.path).read_bytes()
    assert not (tmp_path / "off" / "training").exists()
    assert "training" not in json.loads((tmp_path / "off" / MANIFEST_NAME).read_text())
    assert SampleManifest.load(tmp_path / "off").training == []
    other = generate_sample(tmp_path / "other", scale="small", months=3, layout="mixed",
                            training=True, seed=8)  # fmt: skip
    assert [e.title for e in other.training] != [e.title for e in manifest.training]


def test_manifest_round_trip_and_fields(small):
    out, manifest = small
    assert SampleManifest.load(out) == manifest
    assert {entry.kind for entry in manifest.training} >= set(REQUIRED)
    first, last = date.fromisoformat(manifest.dates[0]).replace(day=1), manifest.dates[-1]
    for entry in manifest.training:
        assert entry.kind in KINDS
        assert entry.layout == Path(entry.path).suffix.lstrip(".")
        assert entry.path.startswith(f"training/{entry.end}/")
        assert entry.data_date == entry.end
        assert first.isoformat() <= entry.start <= entry.end <= last
        for flaw in entry.flaws:
            assert flaw.expected == TRAINING_EXPECTED[flaw.kind]


@pytest.mark.parametrize("which", ["small", "year"])
def test_title_block_header_and_row_count(which, request):
    out, manifest = request.getfixturevalue(which)
    for entry in manifest.training:
        assert (out / entry.path).exists()
        grid = read_grid(out, entry)
        top = len(entry.letterhead)  # the kop surat, then the heading, the name, the dates
        assert [row[0] for row in grid[:top]] == entry.letterhead
        assert grid[top][0] in ("DAFTAR HADIR", "DAFTAR HADIR PESERTA")
        name = [row[0] for row in grid[top + 1:top + 1 + entry.title_lines]]
        assert " ".join(name) == entry.title and entry.title == entry.title.upper()
        start, end = date.fromisoformat(entry.start), date.fromisoformat(entry.end)
        line = grid[top + 1 + entry.title_lines][0]
        assert DATE_PREFIX.match(line), line
        assert re.search(rf"(?<!\d){end.day} {MONTHS[end.month - 1]} {end.year}$", line), line
        assert re.search(rf"(?<!\d){start.day}(?!\d)", line) and (
            start.month == end.month or MONTHS[start.month - 1] in line), line  # fmt: skip
        if start == end:
            assert not re.search(r" - |-\d| s\.d\. | s/d ", line), line
        block = [row[0] for row in grid[: entry.header_row - 2]]
        assert (f"Tempat : {entry.place}" in block) == (entry.place is not None)
        labels = (f"Penyelenggara : {entry.organiser}", f"Diselenggarakan oleh : {entry.organiser}")
        assert any(label in block for label in labels) == (entry.organiser is not None)
        assert not any(grid[entry.header_row - 2])  # the blank row above the header
        assert column(grid, entry, "NAMA", "NAMA PESERTA") is not None
        assert column(grid, entry, "NIP", "NIP.") is not None
        assert column(grid, entry, *SEX_HEADERS) is not None
        rows = data_rows(grid, entry)
        assert len(rows) == entry.rows > 0
        no = column(grid, entry, "NO", "NO.")
        assert [row[no] for row in rows.values()] == [str(i) for i in range(1, entry.rows + 1)]


def test_nip_cells_are_text_in_xlsx(year):
    out, manifest = year
    for entry in manifest.training:
        if entry.layout != "xlsx":
            continue
        sheet = openpyxl.load_workbook(out / entry.path).active
        header = [c.value for c in sheet[entry.header_row]]
        nip = next(i for i, text in enumerate(header) if text in ("NIP", "NIP.")) + 1
        for r in range(entry.header_row + 1, sheet.max_row + 1):
            cell = sheet.cell(r, nip)
            assert cell.value is None or cell.data_type == "s", (entry.path, r)


@pytest.mark.parametrize("which", ["small", "year"])
def test_participants_are_that_months_employees(which, request):
    out, manifest = request.getfixturevalue(which)
    everyone = all_simpeg_nips(out, manifest)
    matched = 0
    for entry in manifest.training:
        staff = simpeg_sex(out, manifest, month_end(entry.end))
        grid = read_grid(out, entry)
        nip = column(grid, entry, "NIP", "NIP.")
        sex = column(grid, entry, *SEX_HEADERS)
        flawed = {(f.row, f.kind) for f in entry.flaws}
        for row_no, row in data_rows(grid, entry).items():
            number = digits(row[nip])
            if (row_no, "nip_unknown") in flawed:
                assert len(number) == 18 and number not in everyone
                continue
            if (row_no, "nip_mistyped") in flawed or row[nip] in ("", "-"):
                assert number not in everyone
                continue
            assert len(number) == 18 and number in staff, (entry.path, row_no)
            matched += 1
            if (row_no, "sex_missing") in flawed:
                assert row[sex] == ""
            elif (row_no, "sex_conflict") in flawed:
                assert SEX[row[sex]] != staff[number]
            else:
                assert SEX[row[sex]] == staff[number], (entry.path, row_no)
    assert matched > 0


@pytest.mark.parametrize("which", ["small", "year"])
def test_flaws_are_where_recorded(which, request):
    out, manifest = request.getfixturevalue(which)
    kinds = Counter()
    for entry in manifest.training:
        grid = read_grid(out, entry)
        header = grid[entry.header_row - 1]
        rows = data_rows(grid, entry)
        note = column(grid, entry, "KETERANGAN", "KET")
        for flaw in entry.flaws:
            kinds[flaw.kind] += 1
            assert flaw.column in header and flaw.row in rows, (entry.path, flaw)
            cell = rows[flaw.row][header.index(flaw.column)]
            if flaw.kind == "nip_mistyped":
                assert len(digits(cell)) != 18 or "O" in cell
            elif flaw.kind in ("nip_unknown", "duplicate_row"):
                assert len(digits(cell)) == 18
            elif flaw.kind == "sex_missing":
                assert cell == ""
            elif flaw.kind == "sex_conflict":
                assert cell in SEX
            elif flaw.kind == "absent":
                assert cell in ABSENT_NOTES and header.index(flaw.column) == note
            if flaw.kind == "duplicate_row":
                no = column(grid, entry, "NO", "NO.")
                strip = [v for i, v in enumerate(rows[flaw.row]) if i != no]
                earlier = [[v for i, v in enumerate(r) if i != no]
                           for n, r in rows.items() if n < flaw.row]  # fmt: skip
                assert strip in earlier
        # Conversely: every absence note and every repeated NIP is a recorded flaw.
        recorded = {(f.row, f.kind) for f in entry.flaws}
        nip = column(grid, entry, "NIP", "NIP.")
        seen: set[str] = set()
        for row_no, row in rows.items():
            if note is not None and row[note] in ABSENT_NOTES:
                assert (row_no, "absent") in recorded
            number = digits(row[nip])
            if len(number) == 18 and number in seen:
                assert (row_no, "duplicate_row") in recorded
            seen.add(number)
    if which == "year":
        assert set(kinds) == set(TRAINING_EXPECTED), kinds
        flawed_files = sum(bool(entry.flaws) for entry in manifest.training)
        assert 0.25 <= flawed_files / len(manifest.training) <= 0.75


def test_every_kind_and_who_attends_at_bengkayang(year):
    out, manifest = year
    counts = Counter(entry.kind for entry in manifest.training)
    assert set(counts) == set(KINDS)
    assert (
        counts["pug_awareness"] >= 6 and counts["other"] >= 4 and 20 <= sum(counts.values()) <= 30
    )
    assert {entry.layout for entry in manifest.training} == {"xlsx", "csv"}
    attended: Counter[str] = Counter()
    for entry in manifest.training:
        grid = read_grid(out, entry)
        rows = list(data_rows(grid, entry).values())
        nip = column(grid, entry, "NIP", "NIP.")
        jabatan = column(grid, entry, "JABATAN")
        non_asn = sum(row[nip] in ("", "-") for row in rows)
        if entry.kind == "pug_awareness":
            assert 0.15 <= non_asn / len(rows) <= 0.45, entry.path
        else:
            assert non_asn == 0, entry.path
        outside = {f.row for f in entry.flaws if f.kind == "nip_unknown"}
        asn = [row for n, row in data_rows(grid, entry).items()
               if len(digits(row[nip])) == 18 and n not in outside]  # fmt: skip
        attended.update({digits(row[nip]) for row in asn})
        titles = [row[jabatan] for row in asn]
        if entry.kind == "pprg":
            share = sum(bool(re.search("Perencana|Keuangan", t)) for t in titles) / len(titles)
            assert share >= 0.6, entry.path
        if entry.kind == "gender_champion":
            assert all(re.match("Kepala|Sekretaris|Camat|Asisten|Direktur|Inspektur", t)
                       for t in titles if t), titles  # fmt: skip
        if entry.kind == "tof":
            note = column(grid, entry, "KETERANGAN", "KET")
            marks = Counter(row[note] for row in asn)
            assert set(marks) <= {"Bersertifikat", "Belum Bersertifikat"}
            assert marks["Bersertifikat"] > marks["Belum Bersertifikat"]
        if entry.kind == "pkn":
            assert entry.place is None or entry.place in PKN_CITY
    assert sum(n >= 2 for n in attended.values()) >= 20  # people attend several events


ELIGIBLE = {
    "latsar": lambda r: r["STATUS CPNS PNS"] == "C",
    "pkp": lambda r: (
        r["JENIS PEGAWAI NAMA"].startswith("PNS")
        and (r["ESELON NAMA"].startswith("IV") or r["GOL AKHIR NAMA"].startswith("III/"))
    ),
    "pka": lambda r: r["ESELON NAMA"].startswith(("III", "IV")),
    "pkn": lambda r: r["ESELON NAMA"].startswith(("II.", "III")),
    "gender_champion": lambda r: (
        r["ESELON NAMA"].startswith("II.")
        or r["JABATAN NAMA"]
        in ("Sekretaris", "Sekretaris Kecamatan", "Kepala Bagian Tata Usaha", "Camat")
    ),
}


def test_latsar_and_leadership_participants_are_eligible(year):
    out, manifest = year
    for entry in (e for e in manifest.training if e.kind in ELIGIBLE):
        table = siasn(out, manifest, month_end(entry.end))
        by_nip = table.drop_duplicates("NIP BARU").set_index("NIP BARU", drop=False)
        grid = read_grid(out, entry)
        nip = column(grid, entry, "NIP", "NIP.")
        unknown = {f.row for f in entry.flaws if f.kind in ("nip_unknown", "nip_mistyped")}
        numbers = [
            digits(row[nip]) for n, row in data_rows(grid, entry).items() if n not in unknown
        ]
        assert numbers and all(ELIGIBLE[entry.kind](by_nip.loc[n]) for n in numbers), entry.path
        assert "{" not in entry.title
        if entry.kind == "latsar":
            assert "CPNS" in entry.title or "CALON PEGAWAI NEGERI SIPIL" in entry.title


def test_two_months_have_the_required_kinds(tmp_path):
    manifest = generate_sample(tmp_path, scale="small", months=2, training=True, seed=3)
    assert {entry.kind for entry in manifest.training} >= set(REQUIRED)
    assert all(entry.end <= manifest.dates[-1] for entry in manifest.training)


def test_year_has_the_layouts_of_real_lists(year):
    """Letterheads, names over two lines, (L/P) headers and signature blocks under the L/P
    column all occur, so the end-to-end runs read them."""
    out, manifest = year
    entries = manifest.training
    assert sum(bool(e.letterhead) for e in entries) >= 3
    assert sum(e.title_lines == 2 for e in entries) >= 3
    signed = [e for e in entries if e.signature]
    assert len(signed) >= 3
    for entry in signed:
        grid = read_grid(out, entry)
        sex = column(grid, entry, *SEX_HEADERS)
        below = [row[sex] for row in grid[entry.header_row:] if row and len(row) > sex]
        assert any(cell.startswith("NIP. ") for cell in below), entry.path
