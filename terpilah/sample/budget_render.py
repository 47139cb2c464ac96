"""Write budget exports and ARG lists, given their rows, as XLSX (byte-reproducible) or CSV.

XLSX: one sheet; the title rows bold in column A; the bold header; codes and text amounts are
string cells, amounts in PAGU/NILAI columns shown with thousands separators. CSV: as Excel
saves a sheet (CRLF), title lines in the first field, a blank line as an empty line.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from terpilah.sample.stamped_xlsx import save_stamped

Cell = str | int | float | None
_WIDTH = {"KODE": 24, "URAIAN": 70, "NAMA SUB KEGIATAN": 60, "KODE SUB KEGIATAN": 22,
          "ISU GENDER": 50, "NAMA SKPD": 45, "PERANGKAT DAERAH": 45, "NO": 5}  # fmt: skip
_AMOUNT_WORDS = ("PAGU", "NILAI")


def write_sheet_xlsx(path: Path, rows: Sequence[Sequence[Cell]], header_row: int, made: date,
                     sheet_name: str, creator: str, header_rows: int = 1,
                     merged: Sequence[str] = ()) -> None:  # fmt: skip
    """Row ``header_row`` (1-based) is the header, ``header_rows`` rows deep (a sub-header, a
    column-number row); rows above it are titles; ``merged`` ranges are merged as printed."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_name
    header = [str(v) for v in rows[header_row - 1]]
    amounts = {j for j, name in enumerate(header, 1) if any(w in name for w in _AMOUNT_WORDS)}
    last_header = header_row + header_rows - 1
    for r, row in enumerate(rows, 1):
        for j, value in enumerate(row, 1):
            if value is None:
                continue
            cell = ws.cell(r, j, value)
            if r <= last_header:
                cell.font = Font(bold=True)
            elif j in amounts and isinstance(value, int | float):
                cell.number_format = "#,##0.00"
            elif isinstance(value, str):
                cell.number_format = "@"  # codes like 2.08 stay text when edited
    for j, name in enumerate(header, 1):
        ws.column_dimensions[get_column_letter(j)].width = _WIDTH.get(name, 18)
    for cells in merged:
        ws.merge_cells(cells)
    save_stamped(wb, path, made, creator)


def write_sheet_csv(path: Path, rows: Sequence[Sequence[Cell]], delimiter: str,
                    encoding: str) -> None:  # fmt: skip
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        for row in rows:
            writer.writerow(["" if v is None else str(v) for v in row])
