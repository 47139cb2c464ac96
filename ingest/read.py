"""Read a landing file into a table of text cells with its header found.

Government spreadsheets carry title rows above the header, a column-number row under it,
blank rows, a trailing ``JUMLAH`` row and several sheets. This module finds the sheet and the
header row that best match the source description, maps headers to canonical columns and
returns every data row as text, with the row number a person sees in the spreadsheet.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ingest.spec import SourceSpec, normalise_header

HEADER_SCAN_ROWS = 40
TOTAL_WORDS = ("JUMLAH", "TOTAL", "GRAND TOTAL", "JML")
DELIMITERS = (";", ",", "\t", "|")


class FileProblem(Exception):
    """The file as a whole cannot be used; ``str()`` is a message for the sender."""

    def __init__(self, rule: str, message: str, sheet: str | None = None) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message
        self.sheet = sheet


@dataclass
class RawTable:
    """Text cells of the data rows, with canonical column names."""

    frame: pd.DataFrame  # canonical columns (strings) + ``_source_row``
    sheet: str | None
    header_row: int  # 1-based
    headers: dict[str, str]  # canonical column -> header text as written in the file
    unmapped: list[str] = field(default_factory=list)
    skipped_rows: dict[str, int] = field(default_factory=dict)  # reason -> count
    encoding: str | None = None
    delimiter: str | None = None
    preamble: list[str] = field(default_factory=list)  # the filled rows above the header
    sheet_evidence: str = ""  # why this sheet was read (shown to the sender)
    layout: list[str] = field(default_factory=list)  # what was recognised: "two-row header"


def _preamble(rows: list[list[object]]) -> list[str]:
    """Each filled row above the header as one line (its non-empty cells joined by a space):
    the title block of a form (e.g. an attendance list's training name and dates)."""
    lines = [" ".join(str(c).strip() for c in row if c is not None and str(c).strip())
             for row in rows]
    return [line for line in lines if line]


def read_table(path: Path, spec: SourceSpec) -> RawTable:
    """Read ``path`` (.xlsx or .csv) for ``spec``; raises :class:`FileProblem`."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, spec)
    if suffix in (".csv", ".txt"):
        return _read_csv(path, spec)
    if suffix == ".xls":
        raise FileProblem("file_format", "Old .xls files are not accepted: save it as .xlsx "
                          "(Excel: File > Save As > Excel Workbook) and send it again.")
    raise FileProblem("file_format", f"Unsupported file type '{suffix}': send .xlsx or .csv.")


# --- header detection ---------------------------------------------------------------------

@dataclass
class _Header:
    row: int  # 0-based index in the rows list
    mapping: dict[str, int]  # canonical column -> column position
    names: dict[str, str]  # canonical column -> header text
    unmapped: list[str]
    score: int
    key: str


def _find_header(rows: list[list[str]], spec: SourceSpec) -> _Header | None:
    index = spec.header_index()
    priority = {c.name: [normalise_header(h) for h in c.headers] for c in spec.columns}
    best: _Header | None = None
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        cells = [normalise_header(c) for c in row]
        present = {cell: pos for pos, cell in reversed(list(enumerate(cells))) if cell}
        matched = {index[cell] for cell in present if cell in index}
        if len(matched) < 2 or (best is not None and len(matched) <= best.score):
            continue
        mapping: dict[str, int] = {}
        names: dict[str, str] = {}
        for col, variants in priority.items():
            for variant in variants:
                if variant in present:
                    mapping[col] = present[variant]
                    names[col] = str(row[present[variant]]).strip()
                    break
        used = set(mapping.values())
        unmapped = [str(row[p]).strip() for p, c in enumerate(cells) if c and p not in used]
        best = _Header(i, mapping, names, unmapped, len(matched), spec.key_column)
    return best


def _require_columns(header: _Header | None, spec: SourceSpec, sheet: str | None) -> _Header:
    if header is None:
        expected = ", ".join(c.headers[0] for c in spec.required)
        raise FileProblem("header_not_found", "No header row found in the first "
                          f"{HEADER_SCAN_ROWS} rows. Expected columns such as: {expected}.", sheet)
    missing = [c for c in spec.required if c.name not in header.mapping]
    if missing:
        parts = [f"{c.name} (headed e.g. {' / '.join(repr(h) for h in c.headers[:4])})"
                 for c in missing]
        raise FileProblem("required_column_missing", f"Required column(s) missing in header row "
                          f"{header.row + 1}: " + "; ".join(parts) + ". Add the column(s) "
                          "and send the file again.", sheet)
    return header


def _table_from_rows(body: pd.DataFrame, header: _Header, first_row_number: int,
                     totals_inside: bool = False) -> tuple[pd.DataFrame, dict[str, int]]:
    """Data rows (``body``: cells under the header, any dtype) as a text frame of the mapped
    columns; drops blank rows, the column-number row and a total row with all below it. A
    total row has a blank key and starts with a total word in a mapped cell or in the first
    filled cell of the whole row (``JUMLAH`` is often merged over an unmapped ``NO`` column).
    With ``totals_inside`` (sheets with subtotal rows) total rows are kept, marked in
    ``_is_total``, and the table goes on below them."""
    n = len(body)
    out = pd.DataFrame(
        {col: _as_text(body[pos]) if pos in body.columns else pd.Series([""] * n, dtype="string")
         for col, pos in header.mapping.items()}, index=body.index,
    ).reset_index(drop=True)
    out["_source_row"] = range(first_row_number, first_row_number + n)
    skipped: dict[str, int] = {}
    if n == 0:
        if totals_inside:
            out["_is_total"] = np.zeros(0, dtype=bool)
        return out, skipped
    cells = out.drop(columns="_source_row").apply(lambda c: c.str.strip()).fillna("")
    # blank and total rows have a blank key: look closer only at those (few) rows
    key_blank = (cells[header.key] == "").to_numpy() if header.key in cells else np.ones(n, bool)
    candidates = cells[key_blank]
    blank = np.zeros(n, dtype=bool)
    blank[key_blank] = (candidates == "").all(axis=1).to_numpy()
    numbering = np.zeros(n, dtype=bool)
    head = min(n, 3)  # the column-number row sits right under the header
    numbering[:head] = _column_number_row(cells.iloc[:head])
    is_total = np.zeros(n, dtype=bool)
    if key_blank.any():
        is_total[key_blank] = _says_total(body[key_blank], candidates)
    if totals_inside:
        out["_is_total"] = is_total
        is_total = np.zeros(n, dtype=bool)
    total_at = int(is_total.argmax()) if is_total.any() else n
    keep = ~blank & ~numbering
    keep[total_at:] = False
    for reason, mask in (("blank", blank), ("column_numbers", numbering)):
        if mask[:total_at].any():
            skipped[reason] = int(mask[:total_at].sum())
    if total_at < n:
        skipped["total_row_and_below"] = n - total_at
    return out[keep].reset_index(drop=True), skipped


def _says_total(rows: pd.DataFrame, mapped: pd.DataFrame) -> np.ndarray:
    """A total word in a mapped cell, or in the first filled cell of the whole row."""
    pattern = rf"^(?:{'|'.join(TOTAL_WORDS)})\b"
    in_mapped = np.zeros(len(rows), dtype=bool)
    for col in mapped.columns:
        in_mapped |= mapped[col].str.upper().str.contains(pattern, regex=True).to_numpy(bool)
    text = rows.apply(_as_text).apply(lambda c: c.str.strip())
    first = text.astype(object).where(text != "").bfill(axis=1).iloc[:, 0].fillna("")
    return in_mapped | first.astype(str).str.upper().str.contains(pattern).to_numpy(bool)


def _as_text(col: pd.Series) -> pd.Series:
    """Cells to text. XLSX numbers arrive as floats: a whole number of at most 15 digits (all
    Excel keeps exactly) loses its ``.0`` (``21.0`` -> ``21``); longer numbers keep Python's
    text, so a float NIP keeps its ``e+17`` and is flagged as mangled."""
    col = col.astype(object)
    text = col.where(col.notna(), "").astype(str).astype("string")
    return text.str.replace("^(-?[0-9]{1,15})[.]0$", r"\1", regex=True)


def _column_number_row(cells: pd.DataFrame) -> np.ndarray:
    """The row of column numbers (1, 2, 3, ...) that many templates put under the header."""
    numeric = cells.apply(lambda c: c.str.fullmatch("[0-9]{1,3}").fillna(False))
    values = cells.apply(lambda c: pd.to_numeric(c, errors="coerce"))
    distinct = values.nunique(axis=1) == values.notna().sum(axis=1)
    return (numeric.all(axis=1) & distinct & (values.notna().sum(axis=1) >= 3)).to_numpy()


# --- XLSX -------------------------------------------------------------------------------

def _read_xlsx(path: Path, spec: SourceSpec) -> RawTable:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        sheets = [(name, book.get_sheet_by_name(name).to_python(skip_empty_area=False))
                  for name in book.sheet_names]
    except Exception as exc:  # calamine raises its own error types for corrupt files/sheets
        raise FileProblem("file_unreadable", f"The file cannot be opened as XLSX ({exc}). "
                          "Open it in Excel, save it as .xlsx and send it again.") from exc
    candidates: list[tuple[_Header, str, list[list[str]]]] = []
    for name, cells in sheets:
        head = [[_cell_text(v) for v in row] for row in cells[:HEADER_SCAN_ROWS]]
        header = _find_header(head, spec)
        if header is not None:
            candidates.append((header, name, cells))
    if not candidates:
        first = book.sheet_names[0] if book.sheet_names else None
        _require_columns(None, spec, first)
    header, sheet, cells = max(candidates, key=lambda c: c[0].score)
    header = _require_columns(header, spec, sheet)
    body = pd.DataFrame(cells[header.row + 1:], dtype=object)
    frame, skipped = _table_from_rows(body, header, header.row + 2, spec.totals_inside)
    return RawTable(frame, sheet, header.row + 1, header.names, header.unmapped, skipped,
                    preamble=_preamble(cells[:header.row]))


def _cell_text(value: object) -> str:
    return "" if value is None else str(value)


# --- CSV --------------------------------------------------------------------------------

def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _read_csv(path: Path, spec: SourceSpec) -> RawTable:
    text, encoding = _decode(path.read_bytes())
    if not text.strip():
        raise FileProblem("file_empty", "The file is empty: no header and no rows.")
    head_lines = text.splitlines()[:HEADER_SCAN_ROWS]
    best: tuple[_Header, str] | None = None
    for delimiter in DELIMITERS:
        rows = list(csv.reader(head_lines, delimiter=delimiter))
        header = _find_header(rows, spec)
        if header is not None and (best is None or header.score > best[0].score):
            best = (header, delimiter)
    if best is None:
        _require_columns(None, spec, None)
    assert best is not None
    header, delimiter = best
    header = _require_columns(header, spec, None)
    # wide enough for the longest line, so no row is ever dropped as "bad"
    width = max(max(header.mapping.values()) + 1,
                max(line.count(delimiter) for line in text.splitlines()) + 1)
    body = pd.read_csv(io.StringIO(text), sep=delimiter, header=None, dtype=str,
                       skiprows=header.row + 1, keep_default_na=False, skip_blank_lines=False,
                       engine="c", names=range(width), index_col=False)
    frame, skipped = _table_from_rows(body, header, header.row + 2, spec.totals_inside)
    title_rows = list(csv.reader(text.splitlines()[:header.row], delimiter=delimiter))
    return RawTable(frame, None, header.row + 1, header.names, header.unmapped, skipped,
                    encoding=encoding, delimiter=delimiter, preamble=_preamble(title_rows))


# --- telling sources apart --------------------------------------------------------------

def header_fit(path: Path, spec: SourceSpec) -> tuple[bool, int]:
    """How well ``path``'s best header row fits ``spec``: (all required columns present,
    number of columns named). (False, 0) when the file cannot be read. Sources that share a
    landing folder (budget exports and ARG lists) are told apart by this."""
    try:
        heads = _head_rows(path)
    except Exception:  # an unreadable file is reported by the full read later
        return False, 0
    best = (False, 0)
    for rows in heads:
        header = _find_header(rows, spec)
        if header is not None:
            fit = (all(c.name in header.mapping for c in spec.required), header.score)
            best = max(best, fit)
    return best


def _head_rows(path: Path) -> list[list[list[str]]]:
    """The first rows of every sheet (XLSX) or of every delimiter's reading (CSV), as text."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_path(str(path))
        return [[[_cell_text(v) for v in row] for row in
                 book.get_sheet_by_name(name).to_python(skip_empty_area=False)[
                     :HEADER_SCAN_ROWS]] for name in book.sheet_names]
    if suffix in (".csv", ".txt"):
        text, _ = _decode(path.read_bytes())
        lines = text.splitlines()[:HEADER_SCAN_ROWS]
        return [list(csv.reader(lines, delimiter=d)) for d in DELIMITERS]
    return []
