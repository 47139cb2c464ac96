"""What a budget file or an ARG list says about itself above its table: the budget year
(``TAHUN ANGGARAN 2025``), the document (``DOKUMEN PELAKSANAAN PERUBAHAN ANGGARAN (DPPA)``)
and the SKPD (``Organisasi : 1.02.0.00.0.00.01.0000 Dinas Kesehatan``, ``Perangkat Daerah :
Dinas Kesehatan``). A filled column of the table wins over the title (see ``ingest.extract``).
"""

from __future__ import annotations

import re
from datetime import date

from ingest.parsers_budget import dokumen_name
from ingest.spec import TitleReading

_YEAR = re.compile(r"\b(?:TAHUN\s+ANGGARAN|T\.?\s*A\.?|TAHUN)\s*:?\s*((?:19|20)[0-9]{2})\b",
                   re.IGNORECASE)
_SKPD_LINE = re.compile(
    r"^\s*(?:UNIT\s+)?(?:ORGANISASI|SKPD|OPD|PERANGKAT\s+DAERAH|NAMA\s+SKPD|NAMA\s+OPD)"
    r"\s*:\s*(.+)$", re.IGNORECASE)
_SKPD_CODE = re.compile(r"^([0-9]+(?:\.[0-9]+){2,})\s*[-–]?\s*(.*)$")
DEFAULT_DOKUMEN = "DPA Murni"

Values = dict[str, object]
Notes = list[tuple[str, str]]


def _year_and_skpd(lines: list[str]) -> Values:
    values: Values = {}
    for line in lines:
        year = _YEAR.search(line)
        if year and "tahun" not in values:
            values["tahun"] = year.group(1)
        skpd = _SKPD_LINE.match(line)
        if skpd and "nama_skpd" not in values:
            text = " ".join(skpd.group(1).split())
            code = _SKPD_CODE.match(text)
            if code:
                values["kode_skpd"] = code.group(1)
                text = code.group(2)
            if text:
                values["nama_skpd"] = text
    return values


def read_budget_title(lines: list[str], data_date: date) -> TitleReading:
    """Year, document and SKPD of an RKA/DPA export. Without a document named anywhere the
    file is taken as the DPA Murni (a note says so)."""
    values = _year_and_skpd(lines)
    notes: Notes = []
    dokumen = next((d for d in map(dokumen_name, lines) if d), None)
    if dokumen is None:
        dokumen = DEFAULT_DOKUMEN
        notes.append(("dokumen_assumed", "The title block names no document (RKA or DPA, "
                      "murni or perubahan): where the TAHAPAN column is blank, the file is "
                      f"taken as the {DEFAULT_DOKUMEN}. An amended budget (DPPA) must say "
                      "PERUBAHAN in its title, or it will not supersede the original."))
    values["dokumen"] = dokumen
    return TitleReading(values=values, notes=notes)


def read_arg_title(lines: list[str], data_date: date) -> TitleReading:
    """Year and SKPD of an ARG tagging list."""
    return TitleReading(values=_year_and_skpd(lines))
