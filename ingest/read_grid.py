"""The structure of a header over several rows: merged cells, group headings, column numbers.

A sheet's first rows as text (:class:`Grid`) with its merged ranges; whether a row continues
the header above it (:func:`continues`: its cells stand under group headings, or are units);
whether it finishes the words of the row above (:func:`stacks`); the column-number row
(:func:`number_row`). Naming the columns is ``ingest.read_header``'s.
"""

from __future__ import annotations

import re
from itertools import pairwise

MAX_HEADER_ROWS = 3
Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (0-based)

_UNITS = re.compile(r"^(?:\(.*\)|\[.*\]|rp\.?|rupiah|%|orang|jiwa|tahun|thn|unit|paket)$",
                    re.IGNORECASE)
_NUMBER_CELL = re.compile(r"^\(?[0-9]{1,3}\)?(?:\s*=\s*[0-9xX×*+/() .-]+)?$")
_DIGIT = re.compile(r"[0-9]")


class Grid:
    """The first rows of a sheet as text, with the merged ranges that cross them."""

    def __init__(self, rows: list[list[str]], merges: list[Merge]) -> None:
        self.rows = [[str(c).strip() for c in row] for row in rows]
        self.width = max((len(r) for r in self.rows), default=0)
        self.cover: dict[tuple[int, int], tuple[int, int]] = {}  # cell -> merge's top-left
        self.inside: set[tuple[int, int]] = set()  # merged cells but the top-left one
        for r0, c0, r1, c1 in merges:
            if r0 >= len(self.rows):
                continue
            for r in range(r0, min(r1, len(self.rows) - 1) + 1):
                for c in range(c0, c1 + 1):
                    if c1 > c0:
                        self.cover[(r, c)] = (r0, c0)
                    if (r, c) != (r0, c0):
                        self.inside.add((r, c))
        self._groups: dict[int, dict[int, int]] = {}

    def own(self, r: int, c: int) -> str:
        row = self.rows[r]
        return row[c] if c < len(row) else ""

    def _spread(self, r: int) -> dict[int, int]:
        """Unmerged group headings of row ``r`` (CSV, or a heading centred across cells
        without a merge): a filled cell heading text in the next row, with the blank cells
        after it that have text in the next rows of a header (column -> heading's column)."""
        if r not in self._groups:
            groups: dict[int, int] = {}
            lower = range(r + 1, min(r + MAX_HEADER_ROWS, len(self.rows)))
            c = 0
            while lower and c < self.width:
                if self.own(r, c) and (r, c) not in self.cover:
                    end = c + 1
                    while (end < self.width and not self.own(r, end)
                           and (r, end) not in self.cover and (r, end) not in self.inside
                           and any(self.own(k, end) for k in lower)):
                        end += 1
                    heads = any(self.own(r + 1, k) for k in range(c, end))
                    if end > c + 1 and heads:
                        groups.update({k: c for k in range(c, end)})
                    c = end
                else:
                    c += 1
            self._groups[r] = groups
        return self._groups[r]

    def grouped(self, r: int, c: int) -> bool:
        """Cell (r, c) lies under a heading spanning several columns."""
        return (r, c) in self.cover or c in self._spread(r)

    def level(self, r: int, c: int, spread: bool = True) -> str:
        """The header text of column c at row r: its own, or its group heading's (an
        unmerged heading spreads only over a next row that belongs to the header)."""
        text = self.own(r, c)
        if text:
            return text
        top_left = self.cover.get((r, c))
        if top_left is not None:
            return self.own(*top_left) if top_left[0] == r else ""
        source = self._spread(r).get(c) if spread else None
        return self.own(r, source) if source is not None else ""


def number_row(cells: list[str]) -> bool:
    """The row of column numbers many templates put under the header: ``1 | 2 | 3``,
    ``(1) | (2)``, ``1 | 2 | 3=1x2``: at least three numbers, increasing."""
    filled = [c for c in (str(x).strip() for x in cells) if c]
    if len(filled) < 3 or not all(_NUMBER_CELL.match(c) for c in filled):
        return False
    lead = [int(c.lstrip("(").split(")")[0].split("=")[0]) for c in filled]
    return all(a < b for a, b in pairwise(lead))


def continues(grid: Grid, top: int, row: int) -> bool:
    """Row ``row`` is a lower header row of the band starting at ``top``: some of its cells
    stand under group headings, or all are units of the headings above (``(Rp)`` under
    ``PAGU``)."""
    filled = [c for c in range(grid.width) if grid.own(row, c)]
    if not filled or number_row(grid.rows[row]):
        return False
    if all(_UNITS.match(grid.own(row, c)) and grid.level(row - 1, c) for c in filled):
        return True
    above = {(r, c) for r in range(top, row) for c in range(grid.width) if grid.own(r, c)}
    if len({grid.own(r, c) for r, c in above}) < 2:  # a title line over the table
        return False
    under_group = [c for c in filled if grid.grouped(row - 1, c)]
    headless = [c for c in filled if not any(grid.level(r, c) for r in range(top, row))]
    # beside cells under a group heading, a word under a single heading (T-1 over Jumlah);
    # a data row has digits somewhere (row number, NIP, date, amount)
    others = [c for c in filled if c not in under_group and c not in headless]
    return bool(under_group) and not any(_DIGIT.search(grid.own(row, c)) for c in others)


def stacks(grid: Grid, top: int, row: int) -> bool:
    """Row ``row`` may finish the words of the headings above it (``TANGGAL`` over
    ``LAHIR``, ``JENIS`` over ``KELAMIN``): words only, each under a heading."""
    filled = [c for c in range(grid.width) if grid.own(row, c)]
    return bool(filled) and all(grid.own(top, c) and not _DIGIT.search(grid.own(row, c))
                                for c in filled)
