"""Write a literacy participant list as XLSX (byte-reproducible openpyxl) or CSV.

XLSX: the title block in column A (bold, maybe merged across the table), a blank row, the bold
header, data rows. NO and UMUR are numbers, dates are date cells or text as the layout says,
NIK and NO HP are text cells (format "@") except a ``nik_excel_mangled`` NIK, a number.
CSV: the same lines (";" or ",", utf-8-sig or cp1252, CRLF), title lines in the first column.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from terpilah.sample.literacy_layout import Grid
from terpilah.sample.stamped_xlsx import save_stamped

_WIDTH = {"no": 5, "program": 40, "date": 14, "name": 30, "nik": 20, "sex": 10, "birth": 14,
          "age": 7, "desa": 20, "kec": 20, "job": 20, "dis": 12, "hp": 16}  # fmt: skip
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TEXT_ROLES = frozenset({"nik", "hp"})


def write_literacy_xlsx(path: Path, grid: Grid, titles: list[str], made: date) -> None:
    """The workbook of one list; zip entries and document dates come from ``made``."""
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
            cell.alignment = Alignment(horizontal="center")
    top = len(titles) + 2 if titles else 1
    for j, text in enumerate(grid.header, 1):
        cell = ws.cell(top, j, text)
        cell.font, cell.border = Font(bold=True), _BOX
        cell.alignment = Alignment(horizontal="center", vertical="center")
    roles = layout.roles
    for i, row in enumerate(grid.rows):
        for j, (role, value) in enumerate(zip(roles, row, strict=True), 1):
            cell = ws.cell(top + 1 + i, j)
            cell.border = _BOX
            if value == "":
                continue
            if isinstance(value, date):
                cell.value = datetime(value.year, value.month, value.day)
                cell.number_format = "DD/MM/YYYY"
                continue
            cell.value = value
            if role in _TEXT_ROLES and isinstance(value, str):
                cell.number_format = "@"
    for j, role in enumerate(roles, 1):
        ws.column_dimensions[get_column_letter(j)].width = _WIDTH[role]
    save_stamped(wb, path, made, "Diskominfo")


def write_literacy_csv(path: Path, grid: Grid, titles: list[str]) -> None:
    """As Excel saves a sheet: title lines in the first column, a blank line, the table."""
    layout = grid.layout
    with open(path, "w", encoding=layout.encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=layout.delimiter, lineterminator="\r\n")
        for text in titles:
            writer.writerow([text])
        if titles:
            writer.writerow([])
        writer.writerow(grid.header)
        for row in grid.rows:
            writer.writerow([str(value) for value in row])
