"""A minimal, fast and byte-reproducible XLSX writer for string tables.

openpyxl's write-only mode needs about a minute for 100,000 rows of 53 columns; the sample must
write that in seconds. The format needed here is small: inline-string cells (the encoding
openpyxl's write-only mode uses too), a few numeric cells (the Excel-mangled NIP flaw), no
styles beyond the default. Cells are built column by column with Arrow string kernels and
streamed into the zip member in chunks; zip entry times come from the data date, so the same
table gives the same bytes.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

CHUNK_ROWS = 20_000
COMPRESS_LEVEL = 1
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


@dataclass
class Sheet:
    """One worksheet: a header row and string rows ("" = empty cell)."""

    name: str
    table: pd.DataFrame
    header: bool = True
    numeric: dict[tuple[int, str], float] = field(default_factory=dict)  # (row pos, column)


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _text(values: pa.Array) -> pa.Array:
    """Inline-string cell content: XML-escaped, whitespace kept where it matters."""
    for raw, escaped in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        values = pc.replace_substring(values, raw, escaped)
    padded = pc.or_(pc.starts_with(values, " "), pc.ends_with(values, " "))
    return pc.if_else(padded, pc.binary_join_element_wise('<t xml:space="preserve">', values, ""),
                      pc.binary_join_element_wise("<t>", values, ""))  # fmt: skip


def _rows_xml(sheet: Sheet, start: int, stop: int, first_row: int) -> bytes:
    """XML of table rows [start, stop) placed at spreadsheet row ``first_row`` onwards."""
    chunk = sheet.table.iloc[start:stop]
    numbers = pa.array(np.arange(first_row, first_row + len(chunk)).astype(str))
    cells = []
    for j, name in enumerate(chunk.columns):
        letter = column_letter(j)
        values = pa.array(chunk[name].to_numpy(dtype=object), type=pa.string()).fill_null("")
        ref = pc.binary_join_element_wise(letter, numbers, "")
        cell = pc.binary_join_element_wise(
            '<c r="', ref, '" t="inlineStr"><is>', _text(values), "</t></is></c>", ""
        )
        cell = pc.if_else(pc.equal(values, ""), "", cell)
        numeric = {pos - start: v for (pos, col), v in sheet.numeric.items()
                   if col == name and start <= pos < stop}  # fmt: skip
        if numeric:
            patched = cell.to_pylist()
            for pos, number in numeric.items():
                patched[pos] = f'<c r="{letter}{first_row + pos}"><v>{number!r}</v></c>'
            cell = pa.array(patched, type=pa.string())
        cells.append(cell)
    rows = pc.binary_join_element_wise('<row r="', numbers, '">', *cells, "</row>", "")
    # The rows are contiguous in the array's data buffer: take them without a Python join.
    offsets = np.frombuffer(rows.buffers()[1], dtype=np.int32)
    low, high = offsets[rows.offset], offsets[rows.offset + len(rows)]
    return memoryview(rows.buffers()[2])[low:high].tobytes()


def _sheet_parts(sheet: Sheet) -> Iterator[str | bytes]:
    rows, cols = sheet.table.shape
    last = f"{column_letter(max(cols, 1) - 1)}{rows + int(sheet.header)}"
    yield f'{_HEAD}<worksheet xmlns="{_NS}"><dimension ref="A1:{last}"/><sheetData>'
    if sheet.header:
        head = pd.DataFrame([list(sheet.table.columns)], columns=sheet.table.columns)
        yield _rows_xml(Sheet(sheet.name, head), 0, 1, 1)
    first = 1 + int(sheet.header)
    for start in range(0, rows, CHUNK_ROWS):
        stop = min(start + CHUNK_ROWS, rows)
        yield _rows_xml(sheet, start, stop, first + start)
    yield "</sheetData></worksheet>"


def _package_parts(names: Sequence[str], created: date) -> dict[str, str]:
    sheet_types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        f'ContentType="{_CT}.spreadsheetml.worksheet+xml"/>'
        for i in range(1, len(names) + 1)
    )
    stamp = f"{created.isoformat()}T00:00:00Z"
    sheets = "".join(
        f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>' for i, name in enumerate(names, 1)
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(names) + 1)
    )
    styles_id = len(names) + 1
    return {
        "[Content_Types].xml": (
            f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            f'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.spreadsheetml.sheet.'
            f'main+xml"/>{sheet_types}<Override PartName="/xl/styles.xml" '
            f'ContentType="{_CT}.spreadsheetml.styles+xml"/><Override '
            f'PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.'
            f'core-properties+xml"/><Override PartName="/docProps/app.xml" '
            f'ContentType="{_CT}.extended-properties+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'{_HEAD}<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
            f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" '
            f'Type="{_PKG}/metadata/core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{_REL}/extended-properties" '
            f'Target="docProps/app.xml"/></Relationships>'
        ),
        "docProps/app.xml": (
            f'{_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'extended-properties"><Application>Microsoft Excel</Application></Properties>'
        ),
        "docProps/core.xml": (
            f'{_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            f'metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/" '
            f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
            f"</cp:coreProperties>"
        ),
        "xl/workbook.xml": (
            f'{_HEAD}<workbook xmlns="{_NS}" xmlns:r="{_REL}"><sheets>{sheets}</sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'{_HEAD}<Relationships xmlns="{_PKG}">{rels}<Relationship Id="rId{styles_id}" '
            f'Type="{_REL}/styles" Target="styles.xml"/></Relationships>'
        ),
        "xl/styles.xml": (
            f'{_HEAD}<styleSheet xmlns="{_NS}"><fonts count="1"><font><sz val="11"/>'
            f'<name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill '
            f'patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
            f'</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/>'
            f'</border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" '
            f'fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" '
            f'fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1">'
            f'<cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
        ),
    }


def write_xlsx(path: Path, sheets: Sequence[Sheet], created: date) -> None:
    """Write ``sheets`` to ``path``; the same input always gives the same bytes."""
    stamp = (created.year, created.month, created.day, 0, 0, 0)

    def info(name: str) -> zipfile.ZipInfo:
        entry = zipfile.ZipInfo(name, date_time=stamp)
        entry.compress_type = zipfile.ZIP_DEFLATED
        # Fast deflate: the sheets are large and repetitive (Python 3.13 renamed the attribute).
        setattr(entry, "compress_level" if hasattr(entry, "compress_level") else "_compresslevel",
                COMPRESS_LEVEL)  # fmt: skip
        entry.external_attr = 0o644 << 16
        return entry

    parts = _package_parts([sheet.name for sheet in sheets], created)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in ("[Content_Types].xml", "_rels/.rels", "docProps/app.xml",
                     "docProps/core.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                     "xl/styles.xml"):  # fmt: skip
            archive.writestr(info(name), parts[name])
        for i, sheet in enumerate(sheets, 1):
            with archive.open(info(f"xl/worksheets/sheet{i}.xml"), "w", force_zip64=True) as out:
                for piece in _sheet_parts(sheet):
                    out.write(piece if isinstance(piece, bytes) else piece.encode("utf-8"))
