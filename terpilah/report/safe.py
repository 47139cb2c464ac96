"""Formula neutralisation: text from the data (a PD name, a program, a label) must never turn
into a formula when a workbook or CSV is opened in Excel or LibreOffice ("CSV/formula
injection": ``=HYPERLINK(...)``, ``+cmd|...``, ``@SUM(...)``)."""

from __future__ import annotations

from openpyxl.cell.cell import Cell

# Spreadsheets read a cell starting with one of these as a formula (tab and CR: some
# importers strip them and then see the next character).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def csv_safe(text: str) -> str:
    """For CSV: a leading apostrophe makes spreadsheets show the value as text."""
    return "'" + text if looks_like_formula(text) else text


def set_text(cell: Cell, text: str) -> None:
    """Write ``text`` into an openpyxl cell as a string, whatever it starts with.

    openpyxl stores a value starting with ``=`` as a formula; forcing the type to string
    writes it as text, and the quote prefix (the style Excel gives a value typed with a
    leading ``'``) keeps it text when someone edits the cell."""
    cell.value = text
    cell.data_type = "s"
    if looks_like_formula(text):
        cell.quotePrefix = True
