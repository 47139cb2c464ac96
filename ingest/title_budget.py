"""What an RKA/DPA export or an ARG list says about itself above its table: the budget year,
the document and its stage, and the agency (SKPD). The precedence of the evidence is in
``ingest.title_block``; a filled column of the table wins over the title (``ingest.extract``).
"""

from __future__ import annotations

import re
from datetime import date

from ingest.parsers_budget import dokumen_name
from ingest.spec import TitleReading
from ingest.title_block import LETTERHEAD, Block, Found, letterhead_offices, masked, scan

DEFAULT_DOKUMEN = "DPA Murni"
_I = re.IGNORECASE
_YEAR = r"((?:19|20)\d{2})\b"
_STRONG = re.compile(rf"\b(?:TAHUN\s+ANGGARAN|T\.\s?A\b\.?|TA\b\.?)\s*[:.]?\s*{_YEAR}", _I)
_STRONG_END = re.compile(r"\b(?:TAHUN\s+ANGGARAN|T\.\s?A\.?)\s*[:.]?\s*$", _I)
_BARE = re.compile(rf"\bTAHUN\s*[:.]?\s*{_YEAR}", _I)
_BARE_END = re.compile(r"\bTAHUN\s*[:.]?\s*$", _I)
_DOC_YEAR = re.compile(rf"\b(?:R?APBD(?:[- ]?P)?|P[- ]?APBD|P?RKA|DPP?A|RKPA)(?:[- ]SKPD)?"
                       rf"\s*[:.]?\s*{_YEAR}", _I)
_YEAR_ALONE = re.compile(rf"(?:^|\s){_YEAR}\s*$")
# "NOMOR 12 TAHUN 2023" names a regulation; SIPD's "Alokasi Tahun 2023" is another year's pagu
_NOT_BUDGET_YEAR = re.compile(r"(?:\bNOMOR\s*[:.]?\s*[\w./-]+|\bNO\.?\s*[\w./-]+|\bALOKASI)\s*$",
                              _I)
_NAMES_DOC = re.compile(r"\b(?:P?RKA|RKAP|DPP?A|DPAL|RKPA|RENCANA KERJA|DOKUMEN PELAKSANAAN)\b")
_CODE = re.compile(r"^([0-9]+(?:\s*\.\s*[0-9]+){2,})\s*[-–:]?\s*(.*)$")
_KABUPATEN_TAIL = re.compile(r"\s+(?:KABUPATEN|KAB\.?|KOTA)\s+[A-Z]+\s*$", _I)

Values = dict[str, object]
Notes = list[tuple[str, str]]


def _years(block: Block) -> tuple[list[tuple[str, Found]], list[tuple[str, Found]]]:
    """(strong, weak) year candidates: (year, Found with ``weak`` = on a regulation line)."""
    strong: list[tuple[str, Found]] = []
    weak: list[tuple[str, Found]] = []
    lines = block.lines
    for i, line in enumerate(lines):
        text, ev = line.text, line.evidence
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        below = _YEAR_ALONE.search(nxt.text) if nxt is not None else None
        for found in _STRONG.finditer(text):
            strong.append((found.group(1), Found(found.group(1), ev, line.regulation)))
        if below and nxt is not None and _STRONG_END.search(text):
            # SIPD-like boxes: "TAHUN ANGGARAN" over the year in the next row
            strong.append((below.group(1), Found(below.group(1), masked(text, nxt.text),
                                                 line.regulation)))
        for pattern in (_BARE, _DOC_YEAR):
            for found in pattern.finditer(text):
                if not _NOT_BUDGET_YEAR.search(text[:found.start()]):
                    weak.append((found.group(1), Found(found.group(1), ev, line.regulation)))
        if below and nxt is not None and _BARE_END.search(text) \
                and not _STRONG_END.search(text):
            weak.append((below.group(1), Found(below.group(1), masked(text, nxt.text),
                                               line.regulation)))
    return strong, weak


def budget_year(block: Block) -> tuple[Found | None, Notes]:
    """The budget year and any warning about it (see the precedence table)."""
    strong, weak = _years(block)
    warnings: Notes = []
    for candidates, is_weak in ((strong, False), (weak, True)):
        ranked = sorted(candidates, key=lambda c: c[1].weak)  # regulation lines last
        if not ranked:
            continue
        year, found = ranked[0]
        others = {y for y, f in ranked if not f.weak and y != year} if not found.weak else set()
        if others and not is_weak:
            warnings.append(("tahun_conflict", f"The title block names more than one budget "
                             f"year ({year}, {', '.join(sorted(others))}): {year} from "
                             f"'{found.evidence}' is taken. If it is another, correct the "
                             "title (or fill the TAHUN column) and send the file again."))
        if is_weak:
            warnings.append(("tahun_weak", f"No 'TAHUN ANGGARAN' in the title block: the "
                             f"budget year {year} is read from '{found.evidence}'. Write "
                             f"'TAHUN ANGGARAN {year}' in the title (or fill a TAHUN column) "
                             "to make it certain."))
        return Found(year, found.evidence, is_weak), warnings
    return None, warnings


def document(block: Block) -> Found | None:
    """The document and stage (RKA/DPA, Murni/Perubahan) from the line that names it best."""
    candidates: list[tuple[tuple[bool, bool, bool], int, str, str]] = []
    for order, group in enumerate(block.groups()):
        text = " ".join(line.text for line in group.lines)
        candidates.append(((_names(text), True, True), order, text, group.evidence))
    for line in block.labelled("dokumen"):
        candidates.append(((_names(line.value), True, False), 1000, line.value, line.evidence))
    for order, group in enumerate(block.groups("regulation")):
        text = " ".join(line.text for line in group.lines)
        candidates.append(((_names(text), False, False), 2000 + order, text, group.evidence))
    for score, _, text, evidence in sorted(candidates, key=lambda c: (
            tuple(not s for s in c[0]), c[1])):
        name = dokumen_name(text)
        if name is not None:
            return Found(name, evidence, not score[0])
    return None


def _names(text: str) -> bool:
    return bool(_NAMES_DOC.search(" ".join(re.sub(r"[^A-Z]+", " ", text.upper()).split())))


def _code_and_name(value: str) -> tuple[str | None, str | None]:
    text = " ".join(value.split())
    code = _CODE.match(text)
    if code:
        return code.group(1).replace(" ", ""), code.group(2).strip(" -–") or None
    return None, text or None


def agency(block: Block, letterhead_is_agency: bool) -> tuple[dict[str, Found], Notes]:
    """kode_skpd / nama_skpd from the labels by precedence, else an office line below the title;
    a letterhead's office only when ``letterhead_is_agency`` (weak: a warning)."""
    out: dict[str, Found] = {}
    for labels in (("skpd1", "skpd2", "kode_skpd"), ("skpd3",), ("skpd4",), ("skpd5",)):
        for line in block.labelled(*labels):
            code, name = _code_and_name(line.value)
            if code and "kode_skpd" not in out:
                out["kode_skpd"] = Found(code, line.evidence)
            if name and line.label != "kode_skpd" and "nama_skpd" not in out:
                out["nama_skpd"] = Found(name, line.evidence)
        if out:
            return out, []
    for line in block.lines:
        if line.office and line.role != LETTERHEAD:
            out["nama_skpd"] = Found(_KABUPATEN_TAIL.sub("", line.text), line.evidence)
            return out, []
    offices = letterhead_offices(block)
    if not letterhead_is_agency or not offices:
        return out, []
    office = offices[0]  # a kop runs from the PD down to its unit (DINAS X / UPT Y)
    name = _KABUPATEN_TAIL.sub("", str(office.value))
    out["nama_skpd"] = Found(name, office.evidence, True)
    return out, [("skpd_from_letterhead", f"Only the letterhead names the agency ('{name}'): "
                  "where no SKPD column or SKPD row names one, the lines are taken as its "
                  "budget. Write 'Organisasi : <kode SKPD> <nama SKPD>' under the title to make "
                  "it certain.")]


def _reading(lines: list[str], letterhead_is_agency: bool) -> tuple[Block, TitleReading]:
    block = scan(lines)
    reading = TitleReading()
    year, warnings = budget_year(block)
    if year is not None:
        reading.values["tahun"], reading.evidence["tahun"] = year.value, year.evidence
    found, more = agency(block, letterhead_is_agency)
    for key, item in found.items():
        reading.values[key], reading.evidence[key] = item.value, item.evidence
    reading.warnings = [*warnings, *more]
    return block, reading


def read_budget_title(lines: list[str], data_date: date) -> TitleReading:
    """Year, document and SKPD of an RKA/DPA export. Without a document named anywhere the
    file is taken as the DPA Murni (a note says so)."""
    block, reading = _reading(lines, letterhead_is_agency=True)
    found = document(block)
    if found is None:
        reading.values["dokumen"] = DEFAULT_DOKUMEN
        reading.evidence["dokumen"] = "assumed: the title block names no document"
        reading.notes.append(("dokumen_assumed", "The title block names no document (RKA or "
                              "DPA, murni or perubahan): where the TAHAPAN column is blank, the "
                              f"file is taken as the {DEFAULT_DOKUMEN}. An amended budget (DPPA) "
                              "must say PERUBAHAN in its title, or it will not supersede the "
                              "original."))
    else:
        reading.values["dokumen"], reading.evidence["dokumen"] = found.value, found.evidence
    return reading


def read_arg_title(lines: list[str], data_date: date) -> TitleReading:
    """Year and SKPD of an ARG tagging list; a letterhead names the list's issuer, not its PD."""
    return _reading(lines, letterhead_is_agency=False)[1]
