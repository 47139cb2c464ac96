"""Write an attendance list as XLSX (openpyxl, made byte-reproducible) or CSV.

XLSX: title block in column A (bold, some files merge it across the table width), a blank
row, the bold header, an optional column-number row ("1", "2", ... as text), data rows; NO is
a number, every other cell text (NIP with the text format "@"). CSV: the same lines, title
lines in the first column.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from terpilah.sample.stamped_xlsx import save_stamped
from terpilah.sample.training_layout import Grid

_WIDTH = {"no": 5, "name": 32, "nip": 22, "jabatan": 34, "unit": 38, "sex": 8, "sign": 14,
          "note": 14}  # fmt: skip
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def write_training_xlsx(path: Path, grid: Grid, titles: list[str], made: date,
                        signature: list[str] | tuple[()] = ()) -> None:
    """The workbook of one list; zip entries and document dates come from ``made``. The
    ``signature`` lines go under the table after a blank row, in the L/P column."""
    layout = grid.layout
    wb = Workbook()
    ws = wb.active
    ws.title = layout.sheet_name
    width = len(grid.header)
    for r, text in enumerate(titles, 1):
        cell = ws.cell(r, 1, text)
        cell.font = Font(bold=r <= 2)
        if layout.merge_title:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
            cell.alignment = Alignment(horizontal="center" if r <= 3 else "left")
    top = len(titles) + 2
    for j, text in enumerate(grid.header, 1):
        cell = ws.cell(top, j, text)
        cell.font, cell.border = Font(bold=True), _BOX
        cell.alignment = Alignment(horizontal="center", vertical="center")
    first = top + 1
    if layout.number_row:
        for j in range(1, width + 1):
            ws.cell(first, j, str(j)).alignment = Alignment(horizontal="center")
        first += 1
    roles = [role for role, _ in layout.columns]
    for i, row in enumerate(grid.rows):
        if row is None:
            continue
        for j, (role, value) in enumerate(zip(roles, row, strict=True), 1):
            cell = ws.cell(first + i, j)
            cell.border = _BOX
            if value == "":
                continue
            cell.value = int(value) if role == "no" else value
            if role == "nip":
                cell.number_format = "@"
    below = first + len(grid.rows) + 1
    for k, text in enumerate(signature):
        if text:
            ws.cell(below + k, grid.col("sex") + 1, text)
    for j, role in enumerate(roles, 1):
        ws.column_dimensions[get_column_letter(j)].width = _WIDTH[role]
    save_stamped(wb, path, made, "Admin")


def write_training_csv(path: Path, grid: Grid, titles: list[str],
                       signature: list[str] | tuple[()] = ()) -> None:
    """As Excel saves a sheet: title lines in the first column, CRLF, maybe padded."""
    layout = grid.layout
    width = len(grid.header)

    def line(*cells: str) -> list[str]:
        return [*cells, *([""] * (width - len(cells)))] if layout.pad else list(cells)

    with open(path, "w", encoding=layout.encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=layout.delimiter, lineterminator="\r\n")
        for text in titles:
            writer.writerow(line(text))
        writer.writerow(line())
        writer.writerow(grid.header)
        if layout.number_row:
            writer.writerow([str(j) for j in range(1, width + 1)])
        for row in grid.rows:
            writer.writerow([""] * width if row is None else row)
        if signature:
            writer.writerow(line())
        for text in signature:
            cells = [""] * width
            cells[grid.col("sex")] = text
            writer.writerow(cells)
