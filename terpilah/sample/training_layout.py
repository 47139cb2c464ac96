"""How one attendance list looks: title block, header spelling, cell conventions, and its grid.

The grid is the table part of the file as strings: the header, then one list per data row
(``None`` for a blank row), each row tagged with the flaws it carries.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field, replace

import numpy as np

from terpilah.sample.forms import real_forms
from terpilah.sample.training_events import BULAN, DATE_STYLES, Event, date_line
from terpilah.sample.training_people import Participant

CSV_SHARE = 0.15
# What organisers write in KETERANGAN for someone listed who did not attend (DL: dinas luar).
ABSENT_NOTES: tuple[str, ...] = ("Tidak Hadir", "Izin", "Sakit", "Tdk Hadir", "TH", "DL")
ROLE_HEADERS: dict[str, tuple[str, ...]] = {
    "no": ("NO", "NO."),
    "name": ("NAMA", "NAMA PESERTA"),
    "nip": ("NIP", "NIP."),
    "jabatan": ("JABATAN",),
    "unit": ("UNIT KERJA", "UNIT KERJA / PD", "INSTANSI", "ASAL INSTANSI"),
    "sex": ("L/P", "JENIS KELAMIN", "JK", "JENIS KELAMIN (L/P)", "JENIS\nKELAMIN"),
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
    # The organiser's letterhead above the heading (kop surat: government, office, address).
    letterhead: tuple[str, ...] = ()
    # The training's name broken over two title lines, as long names are in a narrow merge.
    split_title: bool = False
    # A signature block under the table (city and date, role, name, NIP), right-aligned: its
    # lines sit in the L/P column and to its right.
    signature: bool = False

    def header(self, role: str) -> str | None:
        return dict(self.columns).get(role)


def _one(rng: np.random.Generator, options: tuple) -> str:
    return str(options[int(rng.integers(len(options)))])


def _choose_basic(rng: np.random.Generator, event: Event) -> Layout:
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


LETTERHEADS: tuple[tuple[str, ...], ...] = (
    ("PEMERINTAH KABUPATEN BENGKAYANG",
     "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
     "Jalan Guru Haji Hamid No. 1 Bengkayang 79211 Telp. (0562) 441234"),
    ("PEMERINTAH KABUPATEN BENGKAYANG",
     "DINAS SOSIAL, PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK",
     "Jl. Basuki Rahmat No. 5, Bengkayang, Kalimantan Barat, email: dinsos@bengkayangkab.go.id"),
)
SIGNERS: tuple[tuple[str, str], ...] = (
    ("Drs. YOHANES ATET, M.Si", "19700512 199503 1 004"),
    ("MARIA GORETTI, S.Sos", "19781103 200604 2 011"),
)


def choose_layout(rng: np.random.Generator, event: Event) -> Layout:
    """The organiser's choices; letterhead, split title and signature come from a stream of
    their own (seeded by the event), so adding them left every other choice as it was."""
    layout = _choose_basic(rng, event)
    if not real_forms():
        return layout
    own = np.random.default_rng(zlib.crc32(f"{event.title}|{event.start}".encode()))
    return replace(
        layout,
        letterhead=LETTERHEADS[int(own.integers(len(LETTERHEADS)))] if own.random() < 0.35
        else (),
        split_title=bool(own.random() < 0.3) and len(event.title.split()) >= 4,
        signature=bool(own.random() < 0.35),
    )


def signature_lines(event: Event, layout: Layout) -> list[str]:
    """The signature block under the table, top to bottom ('' for the space to sign in)."""
    if not layout.signature:
        return []
    name, nip = SIGNERS[zlib.crc32(event.title.encode()) % len(SIGNERS)]
    end = event.end
    return [f"Bengkayang, {end.day} {BULAN[end.month - 1]} {end.year}", "Ketua Panitia,", "",
            name, f"NIP. {nip}"]


def title_lines(event: Event, layout: Layout) -> list[str]:
    words = event.title.split()
    cut = len(words) // 2
    name = ([" ".join(words[:cut]), " ".join(words[cut:])] if layout.split_title
            else [event.title])
    lines = [*layout.letterhead, layout.heading, *name, date_line(event, layout.date_style)]
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
            if row is not None and row[note] in ABSENT_NOTES:
                row[sign] = ""
    if grid.layout.blank_row and len(grid.rows) >= 6:
        at = int(rng.integers(2, len(grid.rows) - 2))
        grid.rows.insert(at, None)
        grid.asn.insert(at, False)
        grid.tags.insert(at, [])
