"""How one attendance list looks: title block, header spelling, cell conventions, and its grid.

The grid is the table part of the file as strings: the header, then one list per data row
(``None`` for a blank row), each row tagged with the flaws it carries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from terpilah.sample.training_events import DATE_STYLES, Event, date_line
from terpilah.sample.training_people import Participant

CSV_SHARE = 0.15
ROLE_HEADERS: dict[str, tuple[str, ...]] = {
    "no": ("NO", "NO."),
    "name": ("NAMA", "NAMA PESERTA"),
    "nip": ("NIP", "NIP."),
    "jabatan": ("JABATAN",),
    "unit": ("UNIT KERJA", "UNIT KERJA / PD", "INSTANSI", "ASAL INSTANSI"),
    "sex": ("L/P", "JENIS KELAMIN", "JK"),
    "sign": ("TANDA TANGAN", "TTD"),
    "note": ("KETERANGAN", "KET"),
}


@dataclass(frozen=True)
class Layout:
    """The choices an organiser made for one file."""

    fmt: str  # xlsx | csv
    heading: str
    date_style: str
    place: bool
    organiser_label: str | None  # "Penyelenggara", "Diselenggarakan oleh" or None
    columns: tuple[tuple[str, str], ...]  # (role, header text as written)
    nip_grouped: bool
    sex_words: tuple[str, str]  # (male, female)
    upper_names: bool
    non_asn_nip: str  # "" or "-"
    sign_filled: bool
    number_row: bool
    blank_row: bool
    merge_title: bool
    sheet_name: str
    delimiter: str
    encoding: str
    pad: bool

    def header(self, role: str) -> str | None:
        return dict(self.columns).get(role)


def _one(rng: np.random.Generator, options: tuple) -> str:
    return str(options[int(rng.integers(len(options)))])


def choose_layout(rng: np.random.Generator, event: Event) -> Layout:
    roles = ["no", "name", "nip", "jabatan", "unit", "sex"]
    if rng.random() < 0.25:
        roles = ["no", "name", "nip", "sex", "jabatan", "unit"]
    if rng.random() < 0.6:
        roles.append("sign")
    if event.kind == "tof" or rng.random() < 0.65:
        roles.append("note")
    style = _one(rng, DATE_STYLES)
    if style == "hari" and event.start != event.end:
        style = "tanggal"
    label = rng.choice(3, p=[0.45, 0.25, 0.3])
    return Layout(
        fmt="csv" if rng.random() < CSV_SHARE else "xlsx",
        heading=_one(rng, ("DAFTAR HADIR", "DAFTAR HADIR PESERTA")),
        date_style=style,
        place=bool(rng.random() < 0.7),
        organiser_label=(None, "Penyelenggara", "Diselenggarakan oleh")[int(label)],
        columns=tuple((role, _one(rng, ROLE_HEADERS[role])) for role in roles),
        nip_grouped=bool(rng.random() < 0.4),
        sex_words=("Laki-laki", "Perempuan") if rng.random() < 0.2 else ("L", "P"),
        upper_names=bool(rng.random() < 0.3),
        non_asn_nip=_one(rng, ("", "-")),
        sign_filled=bool(rng.random() < 0.3),
        number_row=bool(rng.random() < 0.3),
        blank_row=bool(rng.random() < 0.2),
        merge_title=bool(rng.random() < 0.5),
        sheet_name=_one(rng, ("Daftar Hadir", "Sheet1", "DH")),
        delimiter=";" if rng.random() < 0.7 else ",",
        encoding=_one(rng, ("utf-8-sig", "cp1252")),
        pad=bool(rng.random() < 0.6),
    )  # fmt: skip


def title_lines(event: Event, layout: Layout) -> list[str]:
    lines = [layout.heading, event.title, date_line(event, layout.date_style)]
    if layout.place:
        lines.append(f"Tempat : {event.place}")
    if layout.organiser_label:
        lines.append(f"{layout.organiser_label} : {event.organiser}")
    return lines


def header_row(event: Event, layout: Layout) -> int:
    """1-based row of the header: the title block, then one blank row."""
    return len(title_lines(event, layout)) + 2


def nip_text(nip: str, grouped: bool) -> str:
    """NIP as written: "198504122010012011" or "19850412 201001 2 011" (NI PPPK
    "19931228 2025 21 2 001")."""
    if not grouped or len(nip) != 18:
        return nip
    if nip[12:14] == "21":  # NI PPPK: digits 13-14 are the code, never a month
        return f"{nip[:8]} {nip[8:12]} {nip[12:14]} {nip[14]} {nip[15:]}"
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


@dataclass
class Grid:
    """Header and data rows as strings; ``tags[i]`` = flaws of row i as (role, kind)."""

    layout: Layout
    header: list[str]
    rows: list[list[str] | None]
    asn: list[bool]
    tags: list[list[tuple[str, str]]] = field(default_factory=list)

    def col(self, role: str) -> int:
        return [r for r, _ in self.layout.columns].index(role)

    def has(self, role: str) -> bool:
        return role in [r for r, _ in self.layout.columns]


def participant_cells(p: Participant, layout: Layout) -> list[str]:
    male, female = layout.sex_words
    cells = {
        "no": "",
        "name": p.name.upper() if layout.upper_names else p.name,
        "nip": nip_text(p.nip, layout.nip_grouped) if p.nip else layout.non_asn_nip,
        "jabatan": p.jabatan,
        "unit": p.unit,
        "sex": female if p.female else male,
        "sign": "ttd" if layout.sign_filled else "",
        "note": p.note,
    }
    return [cells[role] for role, _ in layout.columns]


def build_grid(participants: list[Participant], layout: Layout) -> Grid:
    rows: list[list[str] | None] = [participant_cells(p, layout) for p in participants]
    return Grid(layout, [text for _, text in layout.columns], rows,
                [bool(p.nip) for p in participants], [[] for _ in participants])  # fmt: skip


def finish(grid: Grid, rng: np.random.Generator) -> None:
    """Number the rows (NO), clear the signature of absentees, maybe leave one blank row."""
    no = grid.col("no")
    for i, row in enumerate(r for r in grid.rows if r is not None):
        row[no] = str(i + 1)
    if grid.has("sign") and grid.has("note"):
        sign, note = grid.col("sign"), grid.col("note")
        for row in grid.rows:
            if row is not None and row[note] in ("Tidak Hadir", "Izin", "Sakit"):
                row[sign] = ""
    if grid.layout.blank_row and len(grid.rows) >= 6:
        at = int(rng.integers(2, len(grid.rows) - 2))
        grid.rows.insert(at, None)
        grid.asn.insert(at, False)
        grid.tags.insert(at, [])
