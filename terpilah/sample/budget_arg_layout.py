"""The cells of an ARG tagging list and the manifest's record of its tags.

``arg_xlsx``: "DAFTAR SUB KEGIATAN ANGGARAN RESPONSIF GENDER (ARG)", "TAHUN ANGGARAN 2025",
"Perangkat Daerah : <nama>" (or "SKPD : <kode> <nama>"), a blank row, the header NO | KODE SUB
KEGIATAN | NAMA SUB KEGIATAN | KATEGORI ARG | ISU GENDER | SASARAN LAKI-LAKI | SASARAN
PEREMPUAN | NILAI ARG (Rp), the tags. ``arg_csv`` (";", UTF-8): the first two title lines, a
blank line, and a PERANGKAT DAERAH column after NO instead of the PD's title line.
KATEGORI ARG as 2 (number or text), "Kategori 2" or "II"; NILAI ARG blank, a number, or text
("Rp 15.000.000,00" or "15.000.000,00").
"""

from __future__ import annotations

import numpy as np

from terpilah.sample.budget_arg import ArgList, PlannedTag
from terpilah.sample.budget_flaws import BUDGET_EXPECTED
from terpilah.sample.budget_money import exact, indonesian, number_cell, rupiah
from terpilah.sample.flaws import Flaw
from terpilah.sample.manifest import ArgTag

TITLE = "DAFTAR SUB KEGIATAN ANGGARAN RESPONSIF GENDER (ARG)"
HEADER = ("NO", "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN", "KATEGORI ARG", "ISU GENDER",
          "SASARAN LAKI-LAKI", "SASARAN PEREMPUAN", "NILAI ARG (Rp)")  # fmt: skip
PD_COLUMN = "PERANGKAT DAERAH"
KODE_COLUMN = "KODE SUB KEGIATAN"
ROMAN = {1: "I", 2: "II", 3: "III"}

Cell = str | int | float | None


def title_lines(entry: ArgList) -> list[str]:
    skpd = entry.plan.skpd
    lines = [TITLE, f"TAHUN ANGGARAN {entry.year}"]
    if not entry.csv:
        lines.append(f"SKPD : {skpd.kode} {skpd.nama}" if entry.skpd_title
                     else f"Perangkat Daerah : {skpd.nama}")  # fmt: skip
    return lines


def header(entry: ArgList) -> list[str]:
    return [HEADER[0], PD_COLUMN, *HEADER[1:]] if entry.csv else list(HEADER)


def _kategori(rng: np.random.Generator, kategori: int, csv: bool) -> Cell:
    draw = rng.random()
    if draw < 0.1:
        return f"Kategori {kategori}"
    if draw < 0.2:
        return ROMAN[kategori]
    return kategori if not csv and draw < 0.6 else str(kategori)


def _nilai(rng: np.random.Generator, tag: PlannedTag, csv: bool) -> Cell:
    if tag.nilai is None:
        return None
    if rng.random() < 0.5:
        return rupiah(tag.nilai)
    return indonesian(tag.nilai) if csv else number_cell(tag.nilai)


def arg_rows(entry: ArgList, rng: np.random.Generator
             ) -> tuple[list[list[Cell]], int, list[ArgTag], list[Flaw]]:  # fmt: skip
    """Every row of the list, its 1-based header row, its tags and its flaws."""
    skpd = entry.plan.skpd
    rows: list[list[Cell]] = [[text] for text in title_lines(entry)]
    rows += [[], header(entry)]
    header_row = len(rows)
    tags, flaws = [], []
    for number, tag in enumerate(entry.tags, 1):
        cells: list[Cell] = [number, tag.kode_written, tag.uraian,
                             _kategori(rng, tag.kategori, entry.csv), tag.isu, tag.men,
                             tag.women, _nilai(rng, tag, entry.csv)]  # fmt: skip
        if entry.csv:
            cells.insert(1, skpd.nama)
            cells = [None if v is None else str(v) for v in cells]
        rows.append(cells)
        row = len(rows)
        tags.append(ArgTag(
            kode_skpd=skpd.kode, nama_skpd=skpd.nama, kode_written=tag.kode_written,
            kode=tag.kode, kategori=tag.kategori, isu_gender=tag.isu,
            sasaran_laki_laki=tag.men, sasaran_perempuan=tag.women,
            nilai_arg=None if tag.nilai is None else exact(tag.nilai),
            in_budget=tag.in_budget, row=row,
        ))  # fmt: skip
        if tag.flaw:
            flaws.append(Flaw(row, KODE_COLUMN, tag.flaw, BUDGET_EXPECTED[tag.flaw]))
    return rows, header_row, tags, flaws
