"""Find a table's header in the first rows of a sheet and map its columns to a source's.

A header is one to three rows (``ingest.read_grid``). Below a first row, a row belongs to the
header when its filled cells sit under group headings: a cell merged across several columns
(``JUMLAH (Rp)`` over ``SEBELUM PERUBAHAN | SETELAH PERUBAHAN | BERTAMBAH/BERKURANG``,
``JENIS KELAMIN`` over ``L | P``) or, where nothing is merged (CSV), a heading followed by
blank cells with text under them. Every band the structure allows is scored, down to the
row alone; the best fit wins (the deeper of equals). A column's name is its headings joined
from the top (``JUMLAH SETELAH PERUBAHAN``, and for two rows also the other way round:
``TINGKAT PENDIDIKAN``); else the lowest text alone may name it (``IDENTITAS PESERTA`` over
``NAMA``), unless its heading names another column of the same kind.

Amendment pairs (DPPA): the amount after the amendment (``SETELAH`` / ``SESUDAH PERUBAHAN``,
``MENJADI``) is read under the column's own name (``JUMLAH`` -> pagu); the amount before
(``SEBELUM PERUBAHAN``, ``SEMULA``) only under names ending in ``SEBELUM PERUBAHAN``; the
difference (``BERTAMBAH/BERKURANG``, ``SELISIH``) under none.

A sex given as marks in two columns (``L | P``, ``LAKI-LAKI | PEREMPUAN``) is one column of
the source, read from both (see ``ingest.read_layout``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.read_grid import MAX_HEADER_ROWS, Grid, Merge, continues, number_row, stacks
from ingest.spec import Kind, SourceSpec, normalise_header

__all__ = ["HEADER_SCAN_ROWS", "Header", "Merge", "find_header", "number_row"]

HEADER_SCAN_ROWS = 40

_DELTA = re.compile(r"\b(?:BERTAMBAH|BERKURANG|SELISIH)\b")
_BEFORE = re.compile(r"\b(?:SEBELUM(?: PERUBAHAN)?|SEMULA)\b")
_AFTER = re.compile(r"\b(?:(?:SETELAH|SESUDAH)(?: PERUBAHAN)?|MENJADI)\b")
_MURNI = re.compile(r"\bMURNI\b")  # before, when an amended column stands beside it
_PERUBAHAN = re.compile(r"\bPERUBAHAN\b")  # after, when a before column stands beside it
_PHASE_WORDS = re.compile(r"\b(?:SEBELUM|SETELAH|SESUDAH|PERUBAHAN|SEMULA|MENJADI|MURNI)\b")
BEFORE_SUFFIX = "SEBELUM PERUBAHAN"
AFTER_NAME = "SETELAH PERUBAHAN"
# Headings of columns no source reads, common in forms (a heading standing alone in its
# column marks its row as part of the header)
COMMON_HEADERS = {"NO", "NO URUT", "NOMOR", "NOMOR URUT", "KETERANGAN", "KET", "TANDA TANGAN",
                  "TTD", "PARAF"}
_MALE = {"L", "LK", "LAKI LAKI", "LAKI", "PRIA"}
_FEMALE = {"P", "PR", "PEREMPUAN", "WANITA"}
_THIS_YEAR = re.compile(r"^\s*(?:T|N|TAHUN(?:\s+ANGGARAN)?(?:\s+(?:N|[0-9]{4}))?|TAHUN BERJALAN)"
                        r"\s*$", re.IGNORECASE)
_OTHER_YEAR = re.compile(r"^\s*(?:T|N|TAHUN(?:\s+ANGGARAN)?(?:\s+N)?)\s*[-+]\s*[0-9]\s*$",
                         re.IGNORECASE)


@dataclass
class Header:
    """A header band and what its columns are."""

    top: int  # 0-based first header row
    bottom: int  # 0-based last header row
    key: str  # the spec's key column
    mapping: dict[str, int] = field(default_factory=dict)  # canonical column -> position
    names: dict[str, str] = field(default_factory=dict)  # canonical column -> as written
    texts: dict[int, str] = field(default_factory=dict)  # position -> header as written
    sex_pair: tuple[str, int, int] | None = None  # (column, position of L, position of P)
    ignored: list[int] = field(default_factory=list)  # recognised, not read (BERTAMBAH/...)
    amended: bool = False  # the amount read is the one after the amendment
    leaf: int = 0  # columns found by the lowest text of a header column alone
    # the first row heads a column of its own (NO, KODE over blank cells): it is part of
    # the header, not a title over it
    anchored: bool = True
    required_present: bool = False

    @property
    def score(self) -> int:
        """Columns of the source found."""
        return len(self.mapping) + (self.sex_pair is not None)

    @property
    def used(self) -> set[int]:
        pair = set(self.sex_pair[1:]) if self.sex_pair else set()
        return set(self.mapping.values()) | pair

    @property
    def explained(self) -> int:
        """Header cells the source explains: read, or (the difference column of an amended
        amount it reads) recognised and ignored."""
        ignored = set(self.ignored) if self.amended else set()
        return len((self.used | ignored) & set(self.texts))

    @property
    def unmapped(self) -> list[int]:
        return [p for p in sorted(self.texts) if p not in self.used]

    @property
    def rank(self) -> tuple[bool, int, int, int]:
        return (self.required_present, self.score, 0 if self.anchored else -self.leaf,
                self.explained)

    @property
    def rows_text(self) -> str:
        if self.top == self.bottom:
            return f"row {self.bottom + 1}"
        return f"rows {self.top + 1}-{self.bottom + 1}"

    def layout(self) -> list[str]:
        notes: list[str] = []
        depth = self.bottom - self.top + 1
        if depth > 1:
            notes.append(f"{('two', 'three')[depth - 2]}-row header ({self.rows_text})")
        if self.amended:
            notes.append("SEBELUM/SETELAH PERUBAHAN: SETELAH counted")
        if self.sex_pair is not None:
            notes.append(f"sex from marks in two columns: {self.names[self.sex_pair[0]]}")
        return notes


@dataclass
class _Column:
    written: str  # as written: the band's texts joined with " / "
    keys: list[str]  # normalised names it answers to, best first
    leaf_keys: list[str]  # names of its lowest text alone (see _leaf_allowed)
    parent: str  # normalised headings above its lowest text
    leaf: str  # normalised lowest text
    phase: str | None  # before | after | delta (amendment pairs)
    span: int = 1  # columns under the same heading (of a lowest text read alone)
    year: bool = False  # under the budget year's heading (T, TAHUN N)


def _forms(text: str) -> list[str]:
    forms = [normalise_header(text, qualifiers=True), normalise_header(text)]
    return [f for i, f in enumerate(forms) if f and f not in forms[:i]]


def _columns(grid: Grid, top: int, bottom: int) -> dict[int, _Column]:
    columns: dict[int, _Column] = {}
    for c in range(grid.width):
        levels: list[str] = []
        for r in range(top, bottom + 1):
            text = grid.level(r, c, spread=r < bottom)
            if text and text not in levels:
                levels.append(text)
        if not levels:
            continue
        full, above = " ".join(levels), " ".join(levels[:-1])
        leaf_keys = (_forms(levels[-1]) if len(levels) > 1 and not _OTHER_YEAR.match(above)
                     else [])
        names = _forms(full)
        if len(levels) == 2:  # PENDIDIKAN over TINGKAT: also TINGKAT PENDIDIKAN
            names += [f for f in _forms(f"{levels[1]} {levels[0]}") if f not in names]
        qualified = normalise_header(full, qualifiers=True)
        phase = ("delta" if _DELTA.search(qualified) else "before" if _BEFORE.search(qualified)
                 else "after" if _AFTER.search(qualified) else None)
        columns[c] = _Column(" / ".join(levels), names, leaf_keys, normalise_header(above),
                             normalise_header(levels[-1]), phase,
                             year=bool(_THIS_YEAR.match(above)))
    for col in columns.values():
        col.span = sum(other.parent == col.parent for other in columns.values())
    _pair_phases(columns)
    return columns


def _leaf_allowed(col: _Column, name: str, spec: SourceSpec,
                  variants: dict[str, list[str]]) -> bool:
    """May the lowest text of ``col`` alone name column ``name``? Not when its heading names
    another column of the same kind: under ``TEMPAT TGL LAHIR`` a ``TANGGAL`` is the birth
    date, not a class date (under ``JABATAN`` an ``ESELON`` is the eselon). The budget
    year's heading (``T``, ``TAHUN 2025``) names nothing; the years beside it (``T-1``)
    have no leaf names at all."""
    if col.year:
        return True
    kind = spec.column(name).kind
    padded = f" {col.parent} "
    return not any(f" {form} " in padded for other, forms in variants.items()
                   if other != name and spec.column(other).kind is kind for form in forms)


def _pair_phases(columns: dict[int, _Column]) -> None:
    """``MURNI`` beside an amended column is the amount before, a bare ``PERUBAHAN`` beside
    a before column the amount after (``APBD MURNI | APBD PERUBAHAN``). Then the names each
    phase answers to."""
    plain = [c for c in columns.values() if c.phase is None]
    murni = [c for c in plain if _MURNI.search(" ".join(c.keys))]
    bare = [c for c in plain if c not in murni and _PERUBAHAN.search(" ".join(c.keys))]
    phases = {c.phase for c in columns.values()}
    if "after" in phases or bare:
        for col in murni:
            col.phase = "before"
    if "before" in phases or murni:
        for col in bare:
            col.phase = "after"
    for col in columns.values():
        if col.phase is None:
            continue
        base = " ".join(_PHASE_WORDS.sub(" ", col.keys[-1]).split())
        col.leaf_keys = []
        if col.phase == "delta":
            col.keys = []
        elif col.phase == "before":
            col.keys = [f"{base} {BEFORE_SUFFIX}".strip(), BEFORE_SUFFIX]
        else:
            col.keys = [k for k in (base, *col.keys, AFTER_NAME) if k]


def _variants(spec: SourceSpec) -> dict[str, list[str]]:
    """Canonical column -> its header variants, normalised both ways, best first."""
    out: dict[str, list[str]] = {}
    for col in spec.columns:
        forms: list[str] = []
        for header in col.headers:
            forms += [f for f in _forms(header) if f not in forms]
        out[col.name] = forms
    return out


def _match(grid: Grid, top: int, bottom: int, spec: SourceSpec,
           variants: dict[str, list[str]]) -> Header:
    """The header made of rows ``top``..``bottom`` and the source columns it names."""
    known = {v for forms in variants.values() for v in forms}
    columns = _columns(grid, top, bottom)
    header = Header(top, bottom, spec.key_column,
                    texts={p: c.written for p, c in columns.items()})
    header.ignored = [p for p, c in columns.items() if c.phase == "delta"]
    header.anchored = top == bottom or any(
        grid.own(top, c) and (top, c) not in grid.cover
        and not any(grid.own(r, c) for r in range(top + 1, bottom + 1))
        and normalise_header(grid.own(top, c)) in known | COMMON_HEADERS
        for c in range(grid.width))
    for leaf in (False, True):
        where: dict[str, list[int]] = {}  # name -> positions, left to right
        for pos, col in columns.items():
            for key in col.leaf_keys if leaf else col.keys:
                where.setdefault(key, []).append(pos)
        if leaf:  # the widest group first: the year with its detail over the years beside it
            for positions in where.values():
                positions.sort(key=lambda p: -columns[p].span)
        for name, forms in variants.items():
            if name in header.mapping:
                continue
            used = header.used
            pos = next((p for form in forms for p in where.get(form, ()) if p not in used
                        and (not leaf or _leaf_allowed(columns[p], name, spec, variants))),
                       None)  # the best variant first; of equal names the leftmost
            if pos is not None:
                header.mapping[name] = pos
                header.names[name] = columns[pos].written
                header.leaf += leaf
    _sex_pair(header, columns, spec, variants)
    header.amended = (any(c.phase == "before" for c in columns.values())
                      and any(columns[p].phase == "after" for p in header.mapping.values()))
    required = {c.name for c in spec.required}
    found = set(header.mapping) | ({header.sex_pair[0]} if header.sex_pair else set())
    header.required_present = required <= found
    return header


def _sex_pair(header: Header, columns: dict[int, _Column], spec: SourceSpec,
              variants: dict[str, list[str]]) -> None:
    """``L | P`` mark columns (under ``JENIS KELAMIN``, or alone) for an unfound sex column."""
    sex = next((c.name for c in spec.columns if c.kind is Kind.SEX), None)
    if sex is None or sex in header.mapping:
        return
    for pos, col in columns.items():
        other = columns.get(pos + 1)
        if other is None or pos in header.used or pos + 1 in header.used:
            continue
        if col.parent != other.parent or (col.parent and col.parent not in variants[sex]):
            continue
        if col.leaf in _MALE and other.leaf in _FEMALE:
            header.sex_pair = (sex, pos, pos + 1)
        elif col.leaf in _FEMALE and other.leaf in _MALE:
            header.sex_pair = (sex, pos + 1, pos)
        else:
            continue
        parent = col.written.rsplit(" / ", 1)[0] if col.parent else ""
        marks = f"{columns[header.sex_pair[1]].written.rsplit(' / ', 1)[-1]}, " \
                f"{columns[header.sex_pair[2]].written.rsplit(' / ', 1)[-1]}"
        header.names[sex] = f"{parent} / {marks}" if parent else marks
        return


def find_header(rows: list[list[str]], merges: list[Merge], spec: SourceSpec) -> Header | None:
    """The best header in the first rows (at least two source columns named): all required
    columns first, then the most columns, then the fewest named by a lower text alone;
    the topmost of equals. ``merges``: the sheet's merged ranges (none for CSV)."""
    grid = Grid(rows[:HEADER_SCAN_ROWS], merges)
    variants = _variants(spec)
    best: Header | None = None
    for top in range(len(grid.rows)):
        if not any(grid.rows[top]):
            continue
        bottom = top
        while (bottom - top + 1 < MAX_HEADER_ROWS and bottom + 1 < len(grid.rows)
               and continues(grid, top, bottom + 1)):
            bottom += 1
        # the band its structure says, then shorter ones down to the row alone, then the row
        # with the next one finishing its words; the first of equals wins
        bottoms = list(range(bottom, top - 1, -1))
        if bottom == top and top + 1 < len(grid.rows) and stacks(grid, top, top + 1):
            bottoms.append(top + 1)
        for end in bottoms:
            header = _match(grid, top, end, spec, variants)
            if header.score >= 2 and (best is None or header.rank > best.rank):
                best = header
    return best
