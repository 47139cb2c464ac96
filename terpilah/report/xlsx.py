"""Write a report as an XLSX workbook (openpyxl): one sheet per table, laid out like Tabel 4.1
(title rows, a header row, group rows, footnotes), numbers as numbers, and printable:
landscape A4, fitted to one page wide, the header rows repeated on every page."""

from __future__ import annotations

import math
import re
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as XlCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from terpilah.report.model import HIDDEN_MARK, Cell, Column, Report, Row, Table
from terpilah.report.safe import set_text

NUMBER_FORMATS = {"int": "#,##0", "pct": "0.0", "pct2": "0.00", "dec": "#,##0.00",
                  "money": "#,##0.00"}
STATUS_FILLS = {"tercapai": "C6EFCE", "belum": "FFC7CE"}
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
GROUP_FILL = PatternFill("solid", fgColor="F2F2F2")
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
SHEET_NAME_MAX = 31
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
A4 = 9


def sheet_names(names: list[str]) -> list[str]:
    """Valid, unique (Excel compares case-insensitively) sheet names of at most 31 characters
    for the given full names, in order."""
    taken: set[str] = set()
    result = []
    for name in names:
        base = re.sub(r"\s+", " ", _SHEET_FORBIDDEN.sub(" ", name)).strip().strip("'").strip()
        if not base or base.lower() == "history":  # "History" is reserved by Excel
            base = f"{base or 'Sheet'} 1"
        candidate = base[:SHEET_NAME_MAX].rstrip()
        number = 2
        while candidate.lower() in taken:
            suffix = f" ({number})"
            candidate = base[:SHEET_NAME_MAX - len(suffix)].rstrip() + suffix
            number += 1
        taken.add(candidate.lower())
        result.append(candidate)
    return result


def write_workbook(report: Report, path: Path) -> Path:
    workbook = Workbook()
    default = workbook.active
    names = sheet_names([t.name for t in report.tables])
    for number, (table, name) in enumerate(zip(report.tables, names, strict=True)):
        if report.index_after is not None and number == report.index_after:
            _index_sheet(workbook, report, names)
        _table_sheet(workbook.create_sheet(name), table)
    if report.index_after is not None and report.index_after >= len(report.tables):
        _index_sheet(workbook, report, names)
    if default is not None:
        workbook.remove(default)
    workbook.active = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def _index_sheet(workbook: Workbook, report: Report, names: list[str]) -> None:
    """The list of sheets with the full names they stand for (sheet names are cut to 31)."""
    start = report.index_after or 0
    table = Table(
        name="Daftar Sheet", title=[report.title, *report.subtitle, "Daftar sheet"],
        columns=[Column("No", "int", 6), Column("Sheet", "text", 34),
                 Column(report.index_label, "text", 70)],
        rows=[Row([Cell(i), Cell(name), Cell(t.name)]) for i, (t, name) in
              enumerate(zip(report.tables[start:], names[start:], strict=True), start=1)],
        notes=["Nama sheet dibatasi 31 karakter; kolom terakhir memuat nama lengkap."])
    sheet = workbook.create_sheet(sheet_names([*names, table.name])[-1])
    first = _table_sheet(sheet, table)
    for offset, name in enumerate(names[start:]):
        link = sheet.cell(row=first + offset, column=2)
        link.hyperlink = "#'" + name.replace("'", "''") + "'!A1"
        link.font = Font(color="0563C1", underline="single")


def _table_sheet(sheet: Worksheet, table: Table) -> int:
    """Lay the table out on the sheet; returns the row number of the first data row."""
    ncols = len(table.columns)
    for index, column in enumerate(table.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    width = sum(c.width for c in table.columns)
    row = 1
    for number, line in enumerate(table.title):
        cell = sheet.cell(row=row, column=1)
        set_text(cell, line)
        cell.font = Font(bold=True, size=14 if number == 0 else 11)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
        row += 1
    row += 1
    header = row
    for index, column in enumerate(table.columns, start=1):
        cell = sheet.cell(row=header, column=index)
        set_text(cell, column.label)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[header].height = 30
    first = header + 1
    row = first
    for data in table.rows:
        _write_row(sheet, row, data, table.columns)
        row += 1
    row += 1
    for note in table.notes:
        cell = sheet.cell(row=row, column=1)
        set_text(cell, note)
        cell.font = Font(italic=True, size=9)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
        sheet.row_dimensions[row].height = 12.5 * max(1, math.ceil(len(note) / (width * 1.15)))
        row += 1
    sheet.freeze_panes = sheet.cell(row=first, column=1)
    _print_setup(sheet, header)
    return first


def _write_row(sheet: Worksheet, row: int, data: Row, columns: list[Column]) -> None:
    bold = data.kind in ("total", "group")
    for index, (cell_data, column) in enumerate(zip(data.cells, columns, strict=False),
                                                start=1):
        cell = sheet.cell(row=row, column=index)
        cell.border = BOX
        if data.kind == "group":
            cell.fill = GROUP_FILL
        _write_value(cell, cell_data, column)
        horizontal = "left" if column.kind == "text" else "right"
        indent = data.indent * 2 if index == 1 else 0
        cell.alignment = Alignment(horizontal=horizontal, vertical="center", indent=indent,
                                   wrap_text=column.kind == "text")
        cell.font = Font(bold=bold)
        if cell_data.status in STATUS_FILLS:
            cell.fill = PatternFill("solid", fgColor=STATUS_FILLS[cell_data.status])
    for index in range(len(data.cells) + 1, len(columns) + 1):
        sheet.cell(row=row, column=index).border = BOX
        if data.kind == "group":
            sheet.cell(row=row, column=index).fill = GROUP_FILL


def _write_value(cell: XlCell, data: Cell, column: Column) -> None:
    value = data.value
    if data.hidden:
        set_text(cell, HIDDEN_MARK)
    elif value is None:
        return
    elif isinstance(value, str):
        set_text(cell, value)
    elif isinstance(value, bool):
        set_text(cell, "Ya" if value else "Tidak")
    elif isinstance(value, int | float | Decimal):
        cell.value = value
        number_format = NUMBER_FORMATS.get(data.kind or column.kind, "General")
        if data.prefix:
            number_format = '"' + data.prefix.replace('"', "") + '"' + number_format
        cell.number_format = number_format
    else:
        set_text(cell, str(value))


def _print_setup(sheet: Worksheet, header: int) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = f"1:{header}"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
