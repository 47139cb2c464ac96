"""Realistic errors in literacy participant lists, each recorded with its expected outcome.

- ``nik_missing`` (warning): NIK blank; the participant counts through the fallback.
- ``nik_short`` (warning): one digit dropped (15 digits).
- ``nik_excel_mangled`` (warning): typed as a number; XLSX holds the number with the 16th
  digit lost (shown as 6.10701E+15), CSV the text "6.10701E+15".
- ``nik_outside`` (warning): a valid NIK registered outside Kabupaten Bengkayang (region not
  6107); every row of such a resident carries it.
- ``sex_conflict`` (rejected): sex contradicting the NIK (day + 40 for women).
- ``sex_missing`` (accepted): sex blank, NIK valid; the sex is derived from the NIK.
- ``kecamatan_unknown`` (rejected): a kecamatan outside the kabupaten ("Pontianak Kota").
- ``duplicate_row`` (rejected): the same person typed twice in one class; the second
  occurrence, right after the first, is the flaw.
"""

from __future__ import annotations

import numpy as np

from terpilah.sample.flaws import Flaw
from terpilah.sample.literacy_layout import Grid

LITERACY_KINDS: tuple[str, ...] = (
    "nik_missing", "nik_short", "nik_excel_mangled", "nik_outside", "sex_conflict",
    "sex_missing", "kecamatan_unknown", "duplicate_row",
)  # fmt: skip
LITERACY_EXPECTED: dict[str, str] = {
    "nik_missing": "warning",
    "nik_short": "warning",
    "nik_excel_mangled": "warning",
    "nik_outside": "warning",
    "sex_conflict": "rejected",
    "sex_missing": "accepted",
    "kecamatan_unknown": "rejected",
    "duplicate_row": "rejected",
}
INJECTED: tuple[str, ...] = tuple(k for k in LITERACY_KINDS if k != "nik_outside")
FLAWED_FILE_SHARE = 0.6
MAX_PER_FILE = 4
UNKNOWN_KECAMATAN: tuple[str, ...] = (
    "Pontianak Kota", "Singkawang Barat", "Mempawah Hilir", "Sambas", "Pemangkat",
)  # fmt: skip
_ROLE = {"nik_missing": "nik", "nik_short": "nik", "nik_excel_mangled": "nik",
         "nik_outside": "nik", "sex_conflict": "sex", "sex_missing": "sex",
         "kecamatan_unknown": "kec", "duplicate_row": "nik"}  # fmt: skip


def mangled_number(nik: str) -> int:
    """The value Excel keeps of a 16-digit number: 15 significant digits."""
    return int(nik[:15] + "0")


def mangled_text(nik: str) -> str:
    """How Excel shows it and saves it to CSV: "6.10701E+15" (General format)."""
    mantissa, exponent = f"{int(nik):.5E}".split("E")
    return f"{mantissa.rstrip('0').rstrip('.')}E{exponent}"


def inject(grid: Grid, rng: np.random.Generator, start: int) -> int:
    """Tag every outside resident's row; maybe add flaws of kinds ``INJECTED[start:...]``.

    Returns how many injected kinds were used, so kinds rotate over the files of a sample.
    """
    for i, person in enumerate(grid.people):
        if person.outside:
            grid.tags[i].append(("nik", "nik_outside"))
    if rng.random() >= FLAWED_FILE_SHARE:
        return 0
    free = [i for i, person in enumerate(grid.people) if not person.outside]
    count = min(int(rng.integers(1, MAX_PER_FILE + 1)), len(free))
    picked = rng.choice(free, size=count, replace=False).tolist() if count else []
    kinds = [INJECTED[(start + j) % len(INJECTED)] for j in range(count)]
    duplicates = []
    for i, kind in zip(picked, kinds, strict=True):
        if kind == "duplicate_row":
            duplicates.append(i)
        else:
            _flaw_cell(grid, i, kind, rng)
    for i in sorted(duplicates, reverse=True):
        grid.rows.insert(i + 1, list(grid.rows[i]))
        grid.people.insert(i + 1, grid.people[i])
        grid.tags.insert(i + 1, [("nik", "duplicate_row")])
    return count


def _flaw_cell(grid: Grid, i: int, kind: str, rng: np.random.Generator) -> None:
    row, person = grid.rows[i], grid.people[i]
    male, female = grid.layout.sex_words
    nik, sex, kec = grid.col("nik"), grid.col("sex"), grid.col("kec")
    if kind == "nik_missing":
        row[nik] = ""
    elif kind == "nik_short":
        drop = int(rng.integers(6, 16))
        row[nik] = person.nik[:drop] + person.nik[drop + 1 :]
    elif kind == "nik_excel_mangled":
        fmt = grid.layout.fmt
        row[nik] = mangled_number(person.nik) if fmt == "xlsx" else mangled_text(person.nik)
    elif kind == "sex_conflict":
        row[sex] = male if person.female else female
    elif kind == "sex_missing":
        row[sex] = ""
    elif kind == "kecamatan_unknown":
        row[kec] = UNKNOWN_KECAMATAN[int(rng.integers(len(UNKNOWN_KECAMATAN)))]
    grid.tags[i].append((_ROLE[kind], kind))


def records(grid: Grid, first_data_row: int) -> list[Flaw]:
    out = []
    for i, tags in enumerate(grid.tags):
        for role, kind in tags:
            out.append(Flaw(first_data_row + i, grid.header[grid.col(role)], kind,
                            LITERACY_EXPECTED[kind]))  # fmt: skip
    return out
