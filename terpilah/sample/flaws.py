"""Realistic errors injected into a rendered extract, each recorded with its expected outcome.

Kinds (the reader must reject or accept the row as noted):

- ``nip_excel_mangled`` (rejected): the NIP stored as a number (XLSX) or as Excel's
  scientific text "1.96804E+17" (CSV); the digits are lost.
- ``sex_missing`` (accepted): sex left empty; the reader derives it from NIP digit 15.
- ``sex_conflict`` (rejected): sex contradicting NIP digit 15.
- ``duplicate_nip`` (rejected, both rows): a second row with the same NIP and another name,
  right after the first.
- ``birth_date_mismatch`` (accepted): birth date a few days off the NIP's digits 1-8.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import pandas as pd

from terpilah.sample.codes import AKTIF, BULAN
from terpilah.sample.identity import person_names
from terpilah.sample.ids import make_pns_id

KINDS: tuple[str, ...] = (
    "nip_excel_mangled", "sex_missing", "sex_conflict", "duplicate_nip", "birth_date_mismatch",
)  # fmt: skip
EXPECTED: dict[str, str] = {
    "nip_excel_mangled": "rejected",
    "sex_missing": "accepted",
    "sex_conflict": "rejected",
    "duplicate_nip": "rejected",
    "birth_date_mismatch": "accepted",
}
RATE = 0.003  # flaws per data row: at least one of each kind in files of 400 rows or more
MAX_PER_FILE = 100
ROWS_PER_FLAW = 80  # small files get fewer flaws, the accepted kinds first
_SMALL_FILE_ORDER = (
    "sex_missing", "birth_date_mismatch", "nip_excel_mangled", "sex_conflict", "duplicate_nip",
)  # fmt: skip

# Column names by layout: NIP, sex, birth date, name, kedudukan.
_COLUMNS = {
    "siasn": ("NIP BARU", "JENIS KELAMIN", "TANGGAL LAHIR", "NAMA", "KEDUDUKAN HUKUM NAMA"),
    "local": ("NIP", "L/P", "TGL LAHIR", "NAMA", "KEDUDUKAN"),
}
_SEX = {"siasn": ("M", "F"), "local": ("L", "P")}


@dataclass
class Flaw:
    """One flawed cell: 1-based row as the file shows it, header text of the column."""

    row: int
    column: str
    kind: str
    expected: str


@dataclass
class Flawed:
    """A table after injection, its numeric cells (XLSX) and the flaws by table position."""

    table: pd.DataFrame
    numeric: dict[tuple[int, str], float] = field(default_factory=dict)
    flaws: list[tuple[int, str, str]] = field(default_factory=list)  # (position, column, kind)

    def records(self, first_data_row: int) -> list[Flaw]:
        return [Flaw(first_data_row + pos, col, kind, EXPECTED[kind])
                for pos, col, kind in sorted(self.flaws)]  # fmt: skip


def digits(nip_cell: str) -> str:
    return "".join(ch for ch in nip_cell if ch.isdigit())


def excel_number(nip: str) -> float:
    """What Excel keeps of an 18-digit NIP typed as a number: 15 significant digits."""
    return float(f"{int(nip):.14e}")


def _shifted_birth(nip: str, cell: str, shift: int) -> str:
    born = date(int(nip[:4]), int(nip[4:6]), int(nip[6:8])) + timedelta(days=shift)
    if "-" in cell:
        return f"{born.day:02d}-{born.month:02d}-{born.year:04d}"
    return f"{born.day} {BULAN[born.month - 1]} {born.year}"


def inject(table: pd.DataFrame, layout: str, rng: np.random.Generator) -> Flawed:
    """Flaw a few rows of ``table``: about 0.3 %, one of each kind at least from 400 rows on."""
    nip_col, sex_col, birth_col, name_col, status_col = _COLUMNS[layout]
    male, female = _SEX[layout]
    wanted = min(MAX_PER_FILE, max(len(KINDS), round(RATE * len(table))))
    candidates = np.flatnonzero(table[status_col].to_numpy() == AKTIF)
    count = min(wanted, max(1, len(table) // ROWS_PER_FLAW), len(candidates))
    targets = np.sort(rng.choice(candidates, size=count, replace=False))
    if count < len(KINDS):
        kinds = list(_SMALL_FILE_ORDER[:count])
    else:
        offset = int(rng.integers(len(KINDS)))
        kinds = [KINDS[(offset + i) % len(KINDS)] for i in range(count)]
    kinds = [kinds[i] for i in rng.permutation(count)]

    table = table.copy()
    numeric_rows: list[int] = []
    duplicates: list[int] = []
    cells: list[tuple[int, str, str]] = []  # by original position
    for pos, kind in zip(targets.tolist(), kinds, strict=True):
        nip = digits(str(table.at[pos, nip_col]))
        if kind == "nip_excel_mangled":
            if layout == "siasn":
                numeric_rows.append(pos)
            else:
                table.at[pos, nip_col] = f"{excel_number(nip):.5E}"  # as Excel shows it
            cells.append((pos, nip_col, kind))
        elif kind == "sex_missing":
            table.at[pos, sex_col] = ""
            cells.append((pos, sex_col, kind))
        elif kind == "sex_conflict":
            table.at[pos, sex_col] = male if nip[14] == "2" else female
            cells.append((pos, sex_col, kind))
        elif kind == "birth_date_mismatch":
            shift = int(rng.integers(1, 6)) * (1 if rng.random() < 0.5 else -1)
            table.at[pos, birth_col] = _shifted_birth(nip, str(table.at[pos, birth_col]), shift)
            cells.append((pos, birth_col, kind))
        else:
            duplicates.append(pos)

    # Insert the duplicate rows, then translate positions to the final table.
    order = np.arange(len(table), dtype=float)
    extra = table.iloc[duplicates].copy()
    if len(extra):
        female_nip = np.array([digits(str(v))[14] == "2" for v in extra[nip_col]])
        extra[name_col] = person_names(rng, female_nip)[0]
        if "PNS ID" in extra.columns:
            extra["PNS ID"] = make_pns_id(rng, len(extra))
    final = pd.concat([table, extra], ignore_index=True)
    keys = np.concatenate([order, np.array(duplicates, dtype=float) + 0.5])
    permutation = np.argsort(keys, kind="stable")
    final = final.iloc[permutation].reset_index(drop=True)
    new_pos = np.empty(len(permutation), dtype=np.int64)
    new_pos[permutation] = np.arange(len(permutation))

    out = Flawed(final)
    for pos, col, kind in cells:
        out.flaws.append((int(new_pos[pos]), col, kind))
    for pos in numeric_rows:
        nip = digits(str(table.at[pos, nip_col]))
        out.numeric[(int(new_pos[pos]), nip_col)] = excel_number(nip)
    for i, pos in enumerate(duplicates):
        out.flaws.append((int(new_pos[pos]), nip_col, "duplicate_nip"))
        out.flaws.append((int(new_pos[len(table) + i]), nip_col, "duplicate_nip"))
    return out
