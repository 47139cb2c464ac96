"""The rows under a header: which are data, and where the table ends.

Skipped: blank rows, the column-number row under the header, ``JUMLAH`` / ``TOTAL`` / ``SUB
TOTAL`` rows (a total word in any cell of a row without a key, or in the key cell itself, as
when ``JUMLAH`` is merged over ``KODE:URAIAN``), and everything from the signature block on
(``Mengetahui,`` / ``Kepala Dinas ...`` / ``Bengkayang, 20 Mei 2025`` / ``NIP. ...``): such a
block is recognised after the last data row, and a few words (``Mengetahui``, ``Tim Anggaran
Pemerintah Daerah``) end the table after its last total row whatever follows. Sources with
subtotals among their lines (``SourceSpec.totals_inside``) keep their total rows, marked.

Only the mapped columns are turned into text for every row; whole rows are looked at only
for the few rows that may be totals or signatures, so a large export costs little more than
its mapped columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from openpyxl.utils import get_column_letter

from ingest.parsers import MONTHS
from ingest.read_header import Header, Merge, number_row
from ingest.spec import normalise_header

# Arrow (RE2) regex: no \b, \s or \d, so pandas does not fall back to Python's re
TOTAL_PATTERN = "^(?:SUB ?-?(?:TOTAL|JUMLAH)|GRAND TOTAL|JUMLAH|TOTAL|JML)(?:[^A-Z]|$)"
_TOTAL = re.compile(TOTAL_PATTERN)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_SIGNATURE = re.compile(
    r"^(?:(?:mengetahui|menyetujui|disetujui|diketahui|diperiksa|dibuat|disahkan|ditetapkan|"
    r"kepala|ketua|sekretaris|pejabat|bendahara|kuasa pengguna|pengguna anggaran|pembuat|"
    r"panitia|penanggung ?jawab|tim anggaran)\b|(?:plt|plh|pj|an)\.|a\.\s?n\b|nip\s*[.:])",
    re.IGNORECASE)
_CITY_DATE = re.compile(rf"^[a-z][a-z .'-]{{1,40}},\s*(?:\d{{1,2}}\s*(?:{_MONTH})|(?:{_MONTH})\s+"
                        rf"\d{{4}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}})", re.IGNORECASE)
# Ends the table after its last total row even where rows with a key follow (the TAPD
# member list under an RKA print, a second list of signers)
_STRONG = re.compile(r"^(?:mengetahui|menyetujui|disetujui|diketahui|tim anggaran|"
                     r"tanggal pembahasan|catatan hasil pembahasan)", re.IGNORECASE)
_NIP_TEXT = re.compile(r"^nip\s*[.:]", re.IGNORECASE)
_PAGE = re.compile(r"^(?:halaman|hal\.?|page)\s*[0-9]+|^dicetak\b", re.IGNORECASE)
LOOK_BACK_ROWS = 40  # data rows looked at, from the last, for the last sure one
STRONG_SCAN_ROWS = 30  # rows after the last total looked at for an end word
_ROW_NUMBER = re.compile(r"^[0-9]{1,4}\.?$")
SPARSE_CELLS = 3  # a signature row has at most this many filled cells
NOT_A_MARK = ("", "0", "-", "–", "—", "TIDAK", "BUKAN", "N")


@dataclass
class Body:
    frame: pd.DataFrame  # the data rows: canonical columns as text + _source_row
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> count
    layout: list[str] = field(default_factory=list)
    headless: list[str] = field(default_factory=list)  # columns with data but no header


def as_text(col: pd.Series) -> pd.Series:
    """Cells to text. XLSX numbers arrive as floats: a whole number of at most 15 digits (all
    Excel keeps exactly) loses its ``.0`` (``21.0`` -> ``21``); longer numbers keep Python's
    text, so a float NIP keeps its ``e+17`` and is flagged as mangled."""
    values = col.to_numpy(dtype=object)
    if pd.api.types.infer_dtype(values, skipna=False) == "string":  # the common case: fast
        text = pd.Series(pd.array(values, dtype="string"), index=col.index)
    else:
        col = col.astype(object)
        text = col.where(col.notna(), "").astype(str).astype("string")
    if not text.str.endswith(".0").any():
        return text
    return text.str.replace("^(-?[0-9]{1,15})[.]0$", r"\1", regex=True)


def fill_down(cells: list[list[object]], merges: list[Merge], start: int) -> list[Merge]:
    """Copy the value of every vertical merge from row ``start`` on (the data rows) into the
    rows it covers, in its first column (a PERANGKAT DAERAH merged down over its lines).
    Returns the merges from row ``start`` on, with rows counted from ``start``."""
    body: list[Merge] = []
    for r0, c0, r1, c1 in merges:
        if r0 < start or r0 >= len(cells) or c0 >= len(cells[r0]):
            continue
        body.append((r0 - start, c0, r1 - start, c1))
        value = cells[r0][c0]
        if r1 <= r0 or value is None or value == "":
            continue
        for r in range(r0 + 1, min(r1, len(cells) - 1) + 1):
            if c0 < len(cells[r]):
                cells[r][c0] = value
    return body


def _row_cells(body: pd.DataFrame, i: int) -> list[str]:
    return [t for t in (_cell(v) for v in body.iloc[i].tolist()) if t]


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    text = str(value).strip()
    return text[:-2] if text.endswith(".0") and text[:-2].lstrip("-").isdigit() else text


@dataclass
class _Kinds:
    """Rows that are no data rows, by kind (masks over the body)."""

    total: np.ndarray
    numbers: np.ndarray  # column-number rows (under the header, or under a repeated one)
    repeated: np.ndarray  # the header again (printed on every page)
    page: np.ndarray  # "Halaman 2 dari 5", "Dicetak ..."


def _classify(body: pd.DataFrame, header: Header, key: pd.Series, key_blank: np.ndarray,
              key_total: np.ndarray) -> _Kinds:
    """Look closer at the few rows that may be no data: a blank key, a key like a column
    number or like the key's own header. A total word counts in any cell of a row without
    a key (``JUMLAH`` is often merged over an unmapped ``NO`` column)."""
    n = len(body)
    kinds = _Kinds(key_total.copy(), *(np.zeros(n, dtype=bool) for _ in range(3)))
    words = {normalise_header(piece) for text in header.texts.values()
             for piece in (text, *text.split(" / "))} - {""}
    key_words = {w for w in words if len(w) > 1}
    up = key.str.upper()
    looks = (key.str.contains("^[(]?[0-9]{1,3}[)]?$", regex=True).fillna(False).to_numpy(bool)
             | up.str.replace("[^0-9A-Z]+", " ", regex=True).str.strip()
             .isin(list(key_words)).to_numpy(dtype=bool))
    blank_rows = np.flatnonzero(key_blank)
    if len(blank_rows) > 200:  # many rows without a key: only their totals, column-wise
        hit = np.zeros(len(blank_rows), dtype=bool)
        for col in body.columns:
            text = as_text(body[col].iloc[blank_rows]).str.strip().str.upper()
            hit |= text.str.contains(TOTAL_PATTERN, regex=True).fillna(False).to_numpy(bool)
        kinds.total[blank_rows] = hit
        blank_rows = blank_rows[:0]
    for i in sorted({*blank_rows.tolist(), *np.flatnonzero(looks).tolist()}):
        cells = _row_cells(body, i)
        if not cells:
            continue
        if number_row(cells):
            kinds.numbers[i] = True
        elif sum(normalise_header(c) in words for c in cells) >= max(2, 0.6 * len(cells)):
            kinds.repeated[i] = True
        elif all(_PAGE.match(c) for c in cells):
            kinds.page[i] = True
        elif key_blank[i] and any(_TOTAL.match(c.upper()) for c in cells):
            kinds.total[i] = True
    return kinds


def _signature_row(cells: list[str], pattern: re.Pattern[str] = _SIGNATURE) -> bool:
    """A sparse row opening a signature block; a row starting with a row number (``5 |
    Siti | Ketua TP PKK``) is a participant, not a signer."""
    if not 0 < len(cells) <= SPARSE_CELLS or _ROW_NUMBER.match(cells[0]):
        return False
    return any(pattern.match(c) or (pattern is _SIGNATURE and _CITY_DATE.match(c))
               for c in cells)


def _marks(col: pd.Series | None, n: int) -> np.ndarray:
    if col is None:
        return np.zeros(n, dtype=bool)
    text = as_text(col).str.strip().str.upper()
    return (~text.isin(NOT_A_MARK)).to_numpy(dtype=bool)


def _sex_from_marks(body: pd.DataFrame, male: int, female: int) -> pd.Series:
    """``L`` or ``P`` from a mark (X, V, 1, ...) in one of two columns; marks in both are
    written ``L dan P`` so that the row is reported, not guessed."""
    n = len(body)
    m, f = _marks(body.get(male), n), _marks(body.get(female), n)
    value = np.select([m & ~f, f & ~m, m & f], ["L", "P", "L dan P"], "")
    return pd.Series(value, index=body.index, dtype="string")


def _rows_text(numbers: np.ndarray) -> str:
    """``row 5`` or ``rows 5, 30, 41`` (the first five)."""
    shown = ", ".join(str(int(r)) for r in numbers[:5])
    more = f" and {len(numbers) - 5} more" if len(numbers) > 5 else ""
    return f"row{'s' if len(numbers) > 1 else ''} {shown}{more}"


def table_from_rows(body: pd.DataFrame, header: Header, first_row: int, totals_inside: bool,
                    merges: list[Merge] | None = None) -> Body:
    """The data rows of ``body`` (cells under the header, any dtype; row i is spreadsheet row
    ``first_row + i``) as text of the mapped columns. ``merges``: the merged ranges among
    these rows (XLSX; rows counted in ``body``), vertical ones already filled down."""
    merges = merges or []
    n = len(body)
    blank_text = pd.Series([""] * n, index=body.index, dtype="string")
    columns = {col: as_text(body[pos]).str.strip() if pos in body.columns else blank_text
               for col, pos in header.mapping.items()}
    if header.sex_pair is not None:
        sex, male, female = header.sex_pair
        columns[sex] = _sex_from_marks(body, male, female)
    out = pd.DataFrame(columns, index=body.index).reset_index(drop=True)
    rows = np.arange(first_row, first_row + n)
    out["_source_row"] = rows
    result = Body(out)
    if n == 0:
        if totals_inside:
            out["_is_total"] = np.zeros(0, dtype=bool)
        return result
    key = out[header.key] if header.key in out else blank_text.reset_index(drop=True)
    key_blank = (key == "").to_numpy(dtype=bool)
    key_total = key.str.upper().str.contains(TOTAL_PATTERN, regex=True).fillna(False)
    key_total = key_total.to_numpy(dtype=bool)
    cells = out.drop(columns="_source_row")
    has = {c: (cells[c] != "").to_numpy(dtype=bool) for c in cells.columns}
    blank = ~np.logical_or.reduce(list(has.values())) if has else np.ones(n, dtype=bool)
    marks = header.sex_pair[0] if header.sex_pair else None  # weak evidence of a data row
    mapped_count = sum((f for c, f in has.items() if c != marks), np.zeros(n, dtype=int))
    kinds = _classify(body, header, key, key_blank, key_total)
    is_total, numbering = kinds.total, kinds.numbers
    heading = _headings(header, merges, has, is_total)
    other = numbering | kinds.repeated | kinds.page | heading
    dense, coded = _data_like(key, ~key_blank & ~key_total & ~other, mapped_count)

    end = _table_end(body, dense, coded, is_total)
    total_at = end  # with totals_inside, total rows are lines of the table
    if not totals_inside:
        totals = np.flatnonzero(is_total[:end])
        last = _last_data_row(body, dense, coded, end)
        total_at = int(totals[totals > last][0]) if (totals > last).any() else end
    keep = ~blank & ~other
    keep[total_at:] = False
    skipped = result.skipped
    for reason, mask in (("blank", blank & ~other), ("column_numbers", numbering),
                         ("repeated_header", kinds.repeated), ("page_lines", kinds.page),
                         ("heading_rows", heading & ~blank)):
        if mask[:total_at].any():
            skipped[reason] = int(mask[:total_at].sum())
    if totals_inside:
        out["_is_total"] = is_total
        out.loc[key_total, header.key] = ""  # JUMLAH merged over KODE:URAIAN is no code
    elif is_total[:total_at].any():  # a subtotal between groups of rows
        keep &= ~is_total
        skipped["total_rows"] = int(is_total[:total_at].sum())
    if total_at < end:
        skipped["total_row_and_below"] = n - total_at
    elif end < n:
        skipped["signature_block"] = n - end
    inside = is_total & (np.arange(n) < total_at)
    result.layout = _layout(header, rows, numbering, (inside, totals_inside),
                            key_total & keep, merges, total_at if total_at < end else None,
                            end if end < n else None)
    for mask, what in ((kinds.repeated, "the header repeated"),
                       (heading & ~blank, "headings merged across columns")):
        if mask[:total_at].any():
            result.layout.append(f"{what}: {_rows_text(rows[:total_at][mask[:total_at]])}")
    result.headless = _headless(body, header, keep)
    result.frame = out[keep].reset_index(drop=True)
    return result


def _headings(header: Header, merges: list[Merge], has: dict[str, np.ndarray],
              is_total: np.ndarray) -> np.ndarray:
    """Rows whose only text is a cell merged across two or more mapped columns: a group
    heading (``DINAS KESEHATAN`` over NAMA:JABATAN), not a data row."""
    heading = np.zeros(len(is_total), dtype=bool)
    for r0, c0, _r1, c1 in merges:
        if c1 <= c0 or r0 >= len(heading) or is_total[r0]:
            continue
        inside = [c for c, p in header.mapping.items() if c0 <= p <= c1]
        outside = [c for c in has if c not in inside]
        if len(inside) >= 2 and not any(has[c][r0] for c in outside):
            heading[r0] = True
    return heading


def _data_like(key: pd.Series, keyed: np.ndarray, mapped_count: np.ndarray,
               ) -> tuple[np.ndarray, bool]:
    """Rows that look like the table's data rows: a key, at least half as many filled
    columns as a typical row (at least 2), and a key of the usual shape (letters, digits),
    so that a signer's name under a code column is no data row. And whether the usual key
    holds digits (a code, a NIP: a sure sign of a data row even in a narrow row)."""
    if not keyed.any():
        return keyed, False
    typical = float(np.median(mapped_count[keyed]))
    enough = mapped_count >= max(2, int(np.ceil(typical / 2)))
    shape = (key.str.contains("[A-Za-z]", regex=True).fillna(False).to_numpy(dtype=int) * 2
             + key.str.contains("[0-9]", regex=True).fillna(False).to_numpy(dtype=int))
    counts = np.bincount(shape[keyed], minlength=4)
    sure = counts.max() >= 0.8 * keyed.sum()
    usual = shape == counts.argmax() if sure else True
    return keyed & enough & usual, sure and bool(counts.argmax() % 2)


def _table_end(body: pd.DataFrame, dense: np.ndarray, coded: bool, is_total: np.ndarray,
               ) -> int:
    """Where the table ends: at a signature block after the last data row, or at a strong
    end word (``Mengetahui``) after the last total row, whatever follows it."""
    n = len(dense)
    end = n
    totals = np.flatnonzero(is_total)
    if len(totals) and dense[:totals[-1]].any():
        after = range(int(totals[-1]) + 1, min(n, int(totals[-1]) + 1 + STRONG_SCAN_ROWS))
        end = next((i for i in after if _signature_row(_row_cells(body, i), _STRONG)), n)
    last = _last_data_row(body, dense, coded, end)
    return next((i for i in range(last + 1, end) if _signature_row(_row_cells(body, i))), end)


def _last_data_row(body: pd.DataFrame, dense: np.ndarray, coded: bool, end: int) -> int:
    """The last sure data row before ``end``: walking back over rows that may be a signer's
    (a name beside ``NIP. ...``, ``Mengetahui``, a narrow row of names: two signers side by
    side), up to a few dozen rows; a row with a code-like key, or wider than a signature
    row, is sure."""
    candidates = np.flatnonzero(dense[:end])
    for i in candidates[::-1][:LOOK_BACK_ROWS]:
        cells = _row_cells(body, int(i))
        if any(_NIP_TEXT.match(c) or _STRONG.match(c) for c in cells):
            continue
        if coded or len(cells) > SPARSE_CELLS or _ROW_NUMBER.match(cells[0]):
            return int(i)
    return int(candidates[-1]) if len(candidates) else -1


def _layout(header: Header, rows: np.ndarray, numbering: np.ndarray,
            totals: tuple[np.ndarray, bool], key_totals: np.ndarray,
            merges: list[Merge], total_end: int | None,
            signature: int | None) -> list[str]:
    """What was recognised, in short phrases. ``totals``: the total rows inside the table
    and whether they are kept (as subtotals to check) or skipped."""
    notes = [f"column-number {_rows_text(rows[numbering])}"] if numbering.any() else []
    shown: set[int] = set()
    limit = min(x for x in (total_end, signature, len(rows)) if x is not None)
    for first, pos, last, _c1 in merges:
        if last > first and pos in header.mapping.values() and first < limit and pos not in shown:
            shown.add(pos)
            name = header.texts.get(pos, get_column_letter(int(pos) + 1))
            notes.append(f"merged {name} filled down")
    inside, kept = totals
    if inside.any():
        notes.append(f"total {_rows_text(rows[inside])}" + ("" if kept else " skipped"))
    if key_totals.any():
        notes.append(f"a total written in the {header.names.get(header.key, header.key)} "
                     f"column ({_rows_text(rows[key_totals])}) read as a total, not a code")
    if total_end is not None:
        notes.append(f"total row {int(rows[total_end])} ends the table")
    if signature is not None:
        notes.append(f"signature block from row {int(rows[signature])}")
    return notes


def _headless(body: pd.DataFrame, header: Header, keep: np.ndarray) -> list[str]:
    """Columns without header text that hold values on data rows (not read: say so)."""
    out = []
    used = header.used
    for pos in body.columns:
        if pos in header.texts or pos in used:
            continue
        values = body[pos][keep]
        if values.astype(bool).any() and (as_text(values).str.strip() != "").any():
            out.append(f"column {get_column_letter(int(pos) + 1)} (no header)")
    return out

