"""Write small real XLSX and CSV files for the ingest tests (no fixtures, plain functions)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl

Rows = Sequence[Sequence[Any]]


def write_xlsx(path: Path, sheets: dict[str, Rows]) -> Path:
    """One worksheet per entry, in order; ``None`` or ``""`` leaves a cell empty."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append([None if cell == "" else cell for cell in row])
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def csv_bytes(rows: Rows, delimiter: str = ";", encoding: str = "cp1252") -> bytes:
    """CSV text as Excel writes it (CRLF); ``encoding="utf-8-sig"`` adds the BOM."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([["" if cell is None else cell for cell in row] for row in rows])
    return buffer.getvalue().encode(encoding)


def write_csv(path: Path, rows: Rows, delimiter: str = ";", encoding: str = "cp1252") -> Path:
    path.write_bytes(csv_bytes(rows, delimiter, encoding))
    return path


def write_attendance_list(path: Path, title: Sequence[str], header: Sequence[str],
                          rows: Rows) -> Path:
    """An attendance list as organisers make it: title lines, a blank row, the table."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_xlsx(path, {"Daftar Hadir": [[line] for line in title] + [[], header, *rows]})
