"""How one literacy participant list looks, and its grid of cells.

Style "columns": the header in row 1, the program (PROGRAM or NAMA KELAS) and the class date
(TANGGAL) repeated on every row. Style "title": a title block ("DAFTAR PESERTA", the program
title, a date line, maybe "Tempat : ..."), a blank row, then the header.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np

from terpilah.sample.codes import BULAN
from terpilah.sample.forms import real_forms
from terpilah.sample.literacy_classes import LiteracyClass
from terpilah.sample.literacy_people import Resident, age_on
from terpilah.sample.training_events import HARI

CSV_SHARE = 0.2
COLUMNS_SHARE = 0.45
ROLE_HEADERS: dict[str, tuple[str, ...]] = {
    "no": ("NO", "NO."),
    "program": ("PROGRAM", "NAMA KELAS"),
    "date": ("TANGGAL",),
    "name": ("NAMA", "NAMA PESERTA"),
    "nik": ("NIK",),
    "sex": ("JENIS KELAMIN", "L/P", "JK", "JENIS KELAMIN (L/P)"),
    "birth": ("TANGGAL LAHIR", "TGL LAHIR"),
    "age": ("UMUR",),
    "desa": ("DESA", "DESA/KELURAHAN"),
    "kec": ("KECAMATAN",),
    "job": ("PEKERJAAN",),
    "dis": ("DISABILITAS",),
    "hp": ("NO HP", "NO. HP"),
}
DATE_FORMS: tuple[str, ...] = ("cell", "dmy_slash", "dmy_dash", "iso", "long")
DATE_LINE_STYLES: tuple[str, ...] = ("kecamatan", "city", "tanggal", "hari", "plain")
KEC_STYLES: tuple[str, ...] = ("plain", "upper", "kec", "lower")
ALIASES: dict[str, tuple[str, ...]] = {
    "Sungai Raya": ("Sei Raya", "Sei. Raya"),
    "Sungai Betung": ("Sei Betung",),
    "Sanggau Ledo": ("Sanggauledo",),
    "Sungai Raya Kepulauan": ("Sungai Raya Kep.", "Sei Raya Kepulauan", "Sungai Raya Kep"),
    "Jagoi Babang": ("Jagoibabang",),
    "Tujuh Belas": ("Tujuhbelas", "17"),
}
ALIAS_SHARE = 0.3

Cell = str | int | date


@dataclass(frozen=True)
class LiteracyLayout:
    fmt: str  # xlsx | csv
    style: str  # columns | title
    heading: str
    date_line: str  # one of DATE_LINE_STYLES
    place: bool
    columns: tuple[tuple[str, str], ...]  # (role, header text as written)
    date_form: str  # one of DATE_FORMS ("cell" only in xlsx)
    sex_words: tuple[str, str]  # (male, female)
    upper: bool  # names, desa and pekerjaan in capitals
    kec_style: str
    desa_prefix: bool
    merge_title: bool
    sheet_name: str
    delimiter: str
    encoding: str
    # Diskominfo's letterhead above the heading (a "title" file only), and the heading and the
    # class name written on one line ("DAFTAR PESERTA SOSIALISASI DESA DIGITAL").
    letterhead: tuple[str, ...] = ()
    heading_joined: bool = False

    @property
    def roles(self) -> list[str]:
        return [role for role, _ in self.columns]


def _one(rng: np.random.Generator, options: tuple) -> str:
    return str(options[int(rng.integers(len(options)))])


LETTERHEAD: tuple[str, ...] = (
    "PEMERINTAH KABUPATEN BENGKAYANG", "DINAS KOMUNIKASI DAN INFORMATIKA",
    "Jalan Stadion No. 3 Bengkayang Telp. (0562) 442100 Kode Pos 79211")


def choose_layout(rng: np.random.Generator, cls: LiteracyClass | None = None) -> LiteracyLayout:
    """The sender's choices; the letterhead and the joined heading come from a stream of their
    own (seeded by the class), so adding them left every other choice as it was."""
    layout = _choose_basic(rng)
    if cls is None or layout.style != "title" or not real_forms():
        return layout
    own = np.random.default_rng(zlib.crc32(f"{cls.title}|{cls.on}|{cls.kecamatan}".encode()))
    return replace(layout, letterhead=LETTERHEAD[:2 + int(own.integers(2))]
                   if own.random() < 0.4 else (), heading_joined=bool(own.random() < 0.3))


def _choose_basic(rng: np.random.Generator) -> LiteracyLayout:
    fmt = "csv" if rng.random() < CSV_SHARE else "xlsx"
    style = "columns" if rng.random() < COLUMNS_SHARE else "title"
    roles = ["no", "name", "nik", "sex", "age" if rng.random() < 0.25 else "birth",
             "desa", "kec", "job", "dis", "hp"]  # fmt: skip
    if style == "columns":
        roles[1:1] = ["program", "date"] if rng.random() < 0.6 else []
        if "program" not in roles:
            roles += ["program", "date"]
    forms = DATE_FORMS if fmt == "xlsx" else DATE_FORMS[1:]
    return LiteracyLayout(
        fmt=fmt,
        style=style,
        heading=_one(rng, ("DAFTAR PESERTA", "DAFTAR HADIR PESERTA")),
        date_line=_one(rng, DATE_LINE_STYLES),
        place=bool(rng.random() < 0.5),
        columns=tuple((role, _one(rng, ROLE_HEADERS[role])) for role in roles),
        date_form=_one(rng, forms),
        sex_words=("Laki-laki", "Perempuan") if rng.random() < 0.3 else ("L", "P"),
        upper=bool(rng.random() < 0.3),
        kec_style=_one(rng, KEC_STYLES),
        desa_prefix=bool(rng.random() < 0.3),
        merge_title=bool(rng.random() < 0.5),
        sheet_name=_one(rng, ("Sheet1", "Peserta", "Daftar Peserta")),
        delimiter=";" if rng.random() < 0.7 else ",",
        encoding=_one(rng, ("utf-8-sig", "cp1252")),
    )  # fmt: skip


def long_date(on: date) -> str:
    return f"{on.day} {BULAN[on.month - 1]} {on.year}"


def title_lines(cls: LiteracyClass, layout: LiteracyLayout) -> list[str]:
    """The title block of a "title" file (empty for a "columns" file)."""
    if layout.style != "title":
        return []
    when = long_date(cls.on)
    line = {
        "kecamatan": f"Kecamatan {cls.kecamatan}, {when}",
        "city": f"Bengkayang, {when}",
        "tanggal": f"Tanggal : {when}",
        "hari": f"Hari/Tanggal : {HARI[cls.on.weekday()]}, {when}",
        "plain": when,
    }[layout.date_line]
    named = [f"{layout.heading} {cls.title}"] if layout.heading_joined else [layout.heading,
                                                                           cls.title]
    lines = [*layout.letterhead, *named, line]
    if layout.place:
        lines.append(f"Tempat : Aula Kantor Camat {cls.kecamatan}")
    return lines


def kecamatan_hint(cls: LiteracyClass, layout: LiteracyLayout) -> str | None:
    """The host kecamatan when the title block names it, else None."""
    named = layout.place or layout.date_line == "kecamatan"
    return cls.kecamatan if layout.style == "title" and named else None


def header_row(cls: LiteracyClass, layout: LiteracyLayout) -> int:
    lines = title_lines(cls, layout)
    return len(lines) + 2 if lines else 1


def date_cell(on: date, form: str) -> Cell:
    if form == "cell":
        return on
    if form == "dmy_slash":
        return f"{on:%d/%m/%Y}"
    if form == "dmy_dash":
        return f"{on:%d-%m-%Y}"
    if form == "iso":
        return on.isoformat()
    return long_date(on)


def kecamatan_text(name: str, style: str, rng: np.random.Generator) -> str:
    """A kecamatan as a clerk types it: alias, "Kec." prefix, case."""
    if name in ALIASES and rng.random() < ALIAS_SHARE:
        name = _one(rng, ALIASES[name])
    if style == "upper":
        return name.upper()
    if style == "lower":
        return name.lower()
    return f"Kec. {name}" if style == "kec" else name


@dataclass
class Grid:
    """Header and data rows; ``tags[i]`` = flaws of row i as (role, kind)."""

    layout: LiteracyLayout
    header: list[str]
    rows: list[list[Cell]]
    people: list[Resident]
    tags: list[list[tuple[str, str]]] = field(default_factory=list)

    def col(self, role: str) -> int:
        return self.layout.roles.index(role)


def resident_cells(p: Resident, cls: LiteracyClass, layout: LiteracyLayout,
                   rng: np.random.Generator) -> list[Cell]:  # fmt: skip
    male, female = layout.sex_words
    desa = f"Desa {p.desa}" if layout.desa_prefix else p.desa
    program = cls.program.name
    if dict(layout.columns).get("program") == "NAMA KELAS":
        program = f"{program} - Kec. {cls.kecamatan}"
    cells: dict[str, Cell] = {
        "no": "",
        "program": program,
        "date": date_cell(cls.on, layout.date_form),
        "name": p.name.upper() if layout.upper else p.name,
        "nik": p.nik,
        "sex": female if p.female else male,
        "birth": date_cell(p.born, layout.date_form),
        "age": age_on(p.born, cls.on),
        "desa": desa.upper() if layout.upper else desa,
        "kec": kecamatan_text(p.kecamatan, layout.kec_style, rng),
        "job": p.pekerjaan.upper() if layout.upper else p.pekerjaan,
        "dis": "Ya" if p.disabilitas else "Tidak",
        "hp": p.hp,
    }
    return [cells[role] for role in layout.roles]


def build_grid(people: list[Resident], cls: LiteracyClass, layout: LiteracyLayout,
               rng: np.random.Generator) -> Grid:  # fmt: skip
    rows = [resident_cells(p, cls, layout, rng) for p in people]
    return Grid(layout, [text for _, text in layout.columns], rows, list(people),
                [[] for _ in people])  # fmt: skip


def number_rows(grid: Grid) -> None:
    no = grid.col("no")
    for i, row in enumerate(grid.rows):
        row[no] = i + 1
