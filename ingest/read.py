"""Read a landing file into a table of text cells with its header found.

Government spreadsheets carry title rows above the header, headers over two or three rows
with merged group headings, a column-number row under them, merged cells down a grouping
column, blank rows, ``JUMLAH`` rows, a signature block and several sheets. This module picks
the sheet whose header fits the source best and that has data rows, finds the header
(``ingest.read_header``), maps it to canonical columns and returns every data row as text
with the row number a person sees in the spreadsheet (``ingest.read_layout``). What was
recognised is said in ``RawTable.sheet_evidence`` and ``RawTable.layout``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import pandas as pd

from ingest.read_header import HEADER_SCAN_ROWS, Header, Merge, find_header
from ingest.read_layout import TOTAL_PATTERN, fill_down, table_from_rows
from ingest.spec import SourceSpec

DELIMITERS = (";", ",", "\t", "|")
_TOTAL = re.compile(TOTAL_PATTERN)
SHOWN_SHEETS = 4


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
    header_row: int  # 1-based; the last row of a header over several rows
    headers: dict[str, str]  # canonical column -> header text as written in the file
    unmapped: list[str] = field(default_factory=list)  # non-empty columns not read
    skipped_rows: dict[str, int] = field(default_factory=dict)  # reason -> count
    encoding: str | None = None
    delimiter: str | None = None
    preamble: list[str] = field(default_factory=list)  # the filled rows above the header
    sheet_evidence: str = ""  # why this sheet was read (shown to the sender)
    layout: list[str] = field(default_factory=list)  # what was recognised: "two-row header"


@dataclass(frozen=True)
class HeaderFit:
    """How well a file's header fits a source, over the whole header."""

    required_present: bool  # every required column of the source is there
    explained: int  # the header's non-empty cells the source reads (or knows to ignore)
    cells: int  # the header's non-empty cells
    sheet: str | None = None
    header_row: int | None = None  # 1-based, the last header row

    @property
    def share(self) -> float:
        """The part of the header the source explains (0 to 1)."""
        return self.explained / self.cells if self.cells else 0.0

    def as_tuple(self) -> tuple[bool, int]:
        return self.required_present, self.explained


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


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _preamble(rows: Sequence[Sequence[object]]) -> list[str]:
    """Each filled row above the header as one line (its non-empty cells joined by a space):
    the title block of a form (e.g. an attendance list's training name and dates)."""
    lines = [" ".join(_cell_text(c).strip() for c in row if _cell_text(c).strip())
             for row in rows]
    return [line for line in lines if line]


def _require_columns(header: Header | None, spec: SourceSpec, sheet: str | None) -> Header:
    if header is None:
        expected = ", ".join(c.headers[0] for c in spec.required)
        raise FileProblem("header_not_found", "No header row found in the first "
                          f"{HEADER_SCAN_ROWS} rows. Expected columns such as: {expected}.", sheet)
    if not header.required_present:
        found = set(header.mapping) | ({header.sex_pair[0]} if header.sex_pair else set())
        missing = [c for c in spec.required if c.name not in found]
        parts = [f"{c.name} (headed e.g. {' / '.join(repr(h) for h in c.headers[:4])})"
                 for c in missing]
        raise FileProblem("required_column_missing", f"Required column(s) missing in header "
                          f"{header.rows_text}: " + "; ".join(parts) + ". Add the column(s) "
                          "and send the file again.", sheet)
    return header


def _raw_table(cells: pd.DataFrame, header: Header, spec: SourceSpec,
               above: Sequence[Sequence[object]],
               merges: list[Merge] | None = None, sheet: str | None = None,
               sheet_evidence: str = "", encoding: str | None = None,
               delimiter: str | None = None) -> RawTable:
    """The table under ``header`` (``cells``: the rows below it; ``above``: the rows above)."""
    body = table_from_rows(cells, header, header.bottom + 2, spec.totals_inside, merges)
    unmapped = [header.texts[p] for p in header.unmapped] + body.headless
    return RawTable(body.frame, sheet, header.bottom + 1, dict(header.names), unmapped,
                    body.skipped, encoding, delimiter, _preamble(above), sheet_evidence,
                    header.layout() + body.layout)


# --- XLSX -------------------------------------------------------------------------------

@dataclass
class _Sheet:
    name: str
    cells: list[list[object]]
    merges: list[Merge]
    header: Header | None = None
    data_rows: int = 0

    @property
    def rank(self) -> tuple[object, ...]:
        h = self.header
        assert h is not None
        return h.required_present, self.data_rows > 0, h.score, self.data_rows, h.rank


def _load_xlsx(path: Path) -> list[_Sheet]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        sheets = []
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            merges = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or ()]
            sheets.append(_Sheet(name, sheet.to_python(skip_empty_area=False), merges))
    except Exception as exc:  # calamine raises its own error types for corrupt files/sheets
        raise FileProblem("file_unreadable", f"The file cannot be opened as XLSX ({exc}). "
                          "Open it in Excel, save it as .xlsx and send it again.") from exc
    return sheets


def _data_rows(sheet: _Sheet) -> int:
    """Rows under the header with a key that is no total: enough to compare sheets."""
    header = sheet.header
    assert header is not None
    pos = header.mapping.get(header.key)
    if pos is None:
        return 0
    count = 0
    for row in sheet.cells[header.bottom + 1:]:
        text = _cell_text(row[pos]).strip().upper() if pos < len(row) else ""
        count += bool(text) and not _TOTAL.match(text)
    return count


def _fit(sheet: _Sheet) -> str:
    if sheet.header is None:
        return "no matching header"
    rows = "row" if sheet.data_rows == 1 else "rows"
    return f"{sheet.header.score} columns, {sheet.data_rows} {rows}"


def _choose_sheet(sheets: list[_Sheet], spec: SourceSpec) -> tuple[_Sheet, str] | None:
    """The sheet with the best header fit that has data rows; among equal fits the one with
    the most data rows. None when no sheet has a header of the source."""
    for sheet in sheets:
        head = [[_cell_text(v) for v in row] for row in sheet.cells[:HEADER_SCAN_ROWS]]
        sheet.header = find_header(head, sheet.merges, spec)
    found = [s for s in sheets if s.header is not None]
    if not found:
        return None
    if len(found) == 1:
        why = "the only sheet" if len(sheets) == 1 else "the only sheet with a matching header"
        return found[0], why
    for sheet in found:
        sheet.data_rows = _data_rows(sheet)
    best = max(found, key=lambda s: s.rank)  # the first of equals
    others = [f"{s.name} ({_fit(s)})" for s in sheets if s is not best]
    shown = others[:SHOWN_SHEETS] + ([f"{len(others) - SHOWN_SHEETS} more"]
                                     if len(others) > SHOWN_SHEETS else [])
    assert best.header is not None
    return best, (f"best header fit ({best.header.score} columns) with {best.data_rows} data "
                  f"rows; also looked at: {', '.join(shown)}")


def _read_xlsx(path: Path, spec: SourceSpec) -> RawTable:
    sheets = _load_xlsx(path)
    chosen = _choose_sheet(sheets, spec)
    if chosen is None:
        _require_columns(None, spec, sheets[0].name if sheets else None)
    assert chosen is not None
    sheet, evidence = chosen
    header = _require_columns(sheet.header, spec, sheet.name)
    merges = fill_down(sheet.cells, sheet.merges, header.bottom + 1)
    body = pd.DataFrame(sheet.cells[header.bottom + 1:], dtype=object)
    return _raw_table(body, header, spec, sheet.cells[:header.top], merges, sheet.name,
                      evidence)


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


def _csv_header(text: str, spec: SourceSpec) -> tuple[Header, str, list[list[str]]] | None:
    """The best header over the delimiters, with its delimiter and the first records (a
    quoted header cell may hold a line break: records, not lines)."""
    best: tuple[Header, str, list[list[str]]] | None = None
    end = -1
    for _ in range(HEADER_SCAN_ROWS * 5):  # room for quoted cells over several lines
        end = text.find("\n", end + 1)
        if end < 0:
            break
    head = text if end < 0 else text[:end + 1]  # not a copy of a large file per delimiter
    for delimiter in DELIMITERS:
        try:
            rows = list(islice(csv.reader(io.StringIO(head), delimiter=delimiter),
                               HEADER_SCAN_ROWS))
        except csv.Error:
            continue
        header = find_header(rows, [], spec)
        if header is not None and (best is None or header.rank > best[0].rank):
            best = (header, delimiter, rows)
    return best


def _read_csv(path: Path, spec: SourceSpec) -> RawTable:
    text, encoding = _decode(path.read_bytes())
    if not text.strip():
        raise FileProblem("file_empty", "The file is empty: no header and no rows.")
    found = _csv_header(text, spec)
    if found is None:
        _require_columns(None, spec, None)
    assert found is not None
    header, delimiter, rows = found
    header = _require_columns(header, spec, None)
    # wide enough for the longest line, so no row is ever dropped as "bad"
    width = max(max(header.used | set(header.texts)) + 1,
                max(line.count(delimiter) for line in text.splitlines()) + 1)
    body = pd.read_csv(io.StringIO(text), sep=delimiter, header=None, dtype=str,
                       skiprows=header.bottom + 1, keep_default_na=False, skip_blank_lines=False,
                       engine="c", names=range(width), index_col=False)
    return _raw_table(body, header, spec, rows[:header.top], encoding=encoding,
                      delimiter=delimiter)


# --- telling sources apart --------------------------------------------------------------

def header_fit_detail(path: Path, spec: SourceSpec) -> HeaderFit | None:
    """How well the header that ``read_table`` would read in ``path`` fits ``spec``, over the
    whole header; None when the file cannot be read or has no header of the source."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            chosen = _choose_sheet(_load_xlsx(path), spec)
            if chosen is None:
                return None
            header, sheet = chosen[0].header, chosen[0].name
        elif suffix in (".csv", ".txt"):
            found = _csv_header(_decode(path.read_bytes())[0], spec)
            if found is None:
                return None
            header, sheet = found[0], None
        else:
            return None
    except Exception:  # an unreadable file is reported by the full read later
        return None
    assert header is not None
    return HeaderFit(header.required_present, header.explained, len(header.texts), sheet,
                     header.bottom + 1)


def header_fit(path: Path, spec: SourceSpec) -> tuple[bool, int]:
    """How well ``path``'s header fits ``spec``: (all required columns present, number of the
    header's non-empty cells the source explains). (False, 0) when the file cannot be read.
    Sources that share a landing folder (budget exports and ARG lists) are told apart by
    this; see :func:`header_fit_detail` for the share of the header explained."""
    fit = header_fit_detail(path, spec)
    return fit.as_tuple() if fit is not None else (False, 0)
