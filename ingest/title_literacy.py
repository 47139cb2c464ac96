"""The program, date and place of a digital-literacy class, from its list's title block.

Lists give program and date either in columns (PROGRAM, TANGGAL) or in the rows above the table
(``PEMERINTAH KABUPATEN BENGKAYANG`` / ``DINAS KOMUNIKASI DAN INFORMATIKA`` / ``DAFTAR PESERTA
SOSIALISASI DESA DIGITAL`` / ``Kecamatan Seluas, 16 April 2025``); a column wins where it is
filled. The letterhead never names the program. Without a date anywhere the date folder is the
class date (a warning). The class's place (its kecamatan, one of the 17 of seed
``ref_kecamatan`` where recognised) identifies the class with its program and date. Precedence:
``ingest.title_block``.
"""

from __future__ import annotations

import re
from datetime import date

from ingest.rules.literacy import kecamatan_in, program_name
from ingest.spec import TitleReading
from ingest.title_block import DATE, PLACE, Block, Found, Title, letterhead_offices, scan

_I = re.IGNORECASE
_KEC = re.compile(r"\b(?:KECAMATAN|KEC)\b\.?\s*:?\s*(17|[A-Z][A-Z .']*?)\s*(?=[,(/:;\-–]|\s\d|"
                  r"\bKAB(?:UPATEN)?\b|\bDESA\b|\bKEL(?:URAHAN)?\b|$)", _I)


def _kecamatan(text: str, explicit_only: bool = False) -> str | None:
    """The kecamatan a text names: after ``Kecamatan``/``Kec.`` (one of the 17 in its seed
    spelling, else as written), or, unless ``explicit_only``, any of the 17 by name."""
    marked = _KEC.search(text)
    if marked and marked.group(1).strip(" ."):
        written = " ".join(marked.group(1).strip(" .").split())
        return kecamatan_in(f"Kecamatan {written}") or written
    return None if explicit_only else kecamatan_in(text)


def class_place(block: Block, titles: list[Title]) -> tuple[Found | None, list[tuple[str, str]]]:
    """The class's place and any warning (see the precedence table of ``ingest.title_block``)."""
    tempat = block.first("place")
    candidates: list[tuple[str, str, bool]] = []  # (text, evidence, explicit marker only)
    labelled = block.first("kecamatan")
    if labelled:
        candidates.append((f"Kecamatan {labelled.value}", labelled.evidence, True))
    if tempat:
        candidates.append((str(tempat.value), tempat.evidence, False))
    candidates += [(ln.text, ln.evidence, False) for ln in block.of(PLACE)]
    candidates += [(ln.place or ln.text, ln.evidence, not ln.place) for ln in block.of(DATE)]
    candidates += [(t.text, t.evidence, True) for t in titles]
    for text, evidence, explicit in candidates:
        name = _kecamatan(text, explicit)
        if name:
            return Found(name, evidence), []
    if tempat:
        return tempat, []
    village = next(iter(block.of(PLACE)), None)  # "DESA SAHAN": no kecamatan, but a place
    if village is not None:
        return Found(village.text, village.evidence), []
    for office in letterhead_offices(block):
        name = _kecamatan(str(office.value), explicit_only=True)
        if name:
            return Found(name, office.evidence, True), [(
                "class_place_from_letterhead", f"The class's place is taken from the "
                f"letterhead ('{office.evidence}'): Kecamatan {name}. Write where the class was "
                "held (e.g. 'Tempat : Desa Sahan, Kec. Seluas') above the table to make it "
                "certain.")]
    return None, []


def _program(titles: list[Title]) -> tuple[str, Title] | None:
    """A title naming a program of the seed, else the form's own title, else the first."""
    named = [(program_name(t.text), t) for t in titles]
    # seed programs are written in mixed case ("Desa Digital"); a name no keyword matches
    # comes back in upper case
    for name, title in named:
        if not name.isupper():
            return name, title
    return next(((n, t) for n, t in named if t.headed), named[0]) if named else None


def read_class_title(lines: list[str], data_date: date) -> TitleReading:
    """Program, class date and class place of a participant list (see the module doc)."""
    block = scan(lines)
    reading = TitleReading()
    titles = block.titles("title")
    program = _program(titles)
    if program is not None:
        reading.values["program"], reading.evidence["program"] = program[0], program[1].evidence
    found = block.dates()
    if found is not None:
        reading.values["class_date"], reading.evidence["class_date"] = \
            found.value[0], found.evidence
    else:
        reading.values["class_date"] = data_date
        reading.evidence["class_date"] = f"date folder {data_date}"
        reading.warnings.append(("class_date_from_folder", "No class date in the title block: "
                                 "where the TANGGAL column is blank, the date folder "
                                 f"{data_date} is the class date. Write the date above the "
                                 "table (e.g. 'Kecamatan Ledo, 12 Maret 2025') or fill the "
                                 "TANGGAL column to make it certain."))
    place, warnings = class_place(block, titles)
    if place is not None:
        reading.values["class_place"], reading.evidence["class_place"] = \
            place.value, place.evidence
    reading.warnings += warnings
    return reading
