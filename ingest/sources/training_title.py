"""The title block of an attendance list: which training it is, when and where it took place.

Organisers write a few lines above the table, e.g.::

    DAFTAR HADIR
    PELATIHAN PERENCANAAN DAN PENGANGGARAN RESPONSIF GENDER (PPRG)
    Bengkayang, 12-14 Maret 2025
    Tempat : Aula Bappeda
    Penyelenggara : BKDPSDM Kabupaten Bengkayang

The training kind comes from the title through the keyword seed
``dbt_project/seeds/ref_training_keywords.csv`` (the same file dbt loads as a reference table):
the matching keyword with the lowest priority number wins. A title that matches no keyword makes
the file unusable (the counts would be attributed to no indicator). Dates come from the title
block; without one, the date folder is taken as the event date (and a note says so).
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ingest.parsers import MONTHS
from ingest.read import FileProblem
from ingest.spec import TitleReading

KEYWORDS_CSV = (Path(__file__).resolve().parents[2] / "dbt_project" / "seeds"
                / "ref_training_keywords.csv")
KINDS = ("pug_awareness", "pprg", "tof", "latsar", "pkp", "pka", "pkn", "gender_champion",
         "other")

_LABEL = re.compile(r"^(?P<label>hari\s*/?\s*,?\s*tanggal|tanggal|tgl|waktu|tempat|lokasi|"
                    r"penyelenggara|diselenggarakan\s+oleh|pelaksana(?:\s+kegiatan)?)\b\s*[:.]?\s*",
                    re.IGNORECASE)
_ROLE = {"tempat": "place", "lokasi": "place", "penyelenggara": "organiser",
         "diselenggarakan": "organiser", "pelaksana": "organiser"}
_HEADING = re.compile(r"^daftar\s+(?:hadir(?:\s+peserta)?|peserta|nama\s+peserta)\b[\s:.-]*",
                      re.IGNORECASE)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_TO = r"\s*(?:-|–|—|s\.?\s*/?\s*d\.?|sampai(?:\s+dengan)?|hingga|sd)\s*"
_NAMED_RANGE = re.compile(
    rf"(?P<d1>\d{{1,2}})(?:\s+(?P<m1>{_MONTH})\.?(?:\s+(?P<y1>\d{{4}}))?)?{_TO}"
    rf"(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})\.?\s+(?P<y2>\d{{4}})", re.IGNORECASE)
_NAMED_DAY = re.compile(rf"(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})\.?\s+(?P<y>\d{{4}})",
                        re.IGNORECASE)
_NUMERIC = r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})"
_NUMERIC_RANGE = re.compile(rf"{_NUMERIC}(?:{_TO}{_NUMERIC})?")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class Keyword:
    priority: int
    keyword: str
    kind: str


@functools.cache
def keywords() -> tuple[Keyword, ...]:
    """The keyword seed, best (lowest priority number) first."""
    with KEYWORDS_CSV.open(encoding="utf-8") as fh:
        rows = [Keyword(int(r["priority"]), r["keyword"].strip().lower(), r["training_kind"])
                for r in csv.DictReader(fh)]
    unknown = {k.kind for k in rows} - set(KINDS)
    if unknown:
        raise ValueError(f"{KEYWORDS_CSV.name}: unknown training kind(s) {sorted(unknown)}")
    return tuple(sorted(rows, key=lambda k: (k.priority, -len(k.keyword))))


def _words(text: str) -> str:
    return " " + re.sub(r"[^0-9a-z]+", " ", text.lower()).strip() + " "


def classify(title: str) -> str | None:
    """The training kind of a title, or None when no keyword matches (whole words only)."""
    words = _words(title)
    for kw in keywords():
        if f" {kw.keyword} " in words:
            return kw.kind
    return None


def _month(name: str | None) -> int | None:
    return None if name is None else MONTHS.get(name.upper().rstrip("."))


def _day(y: int, m: int | None, d: int) -> date | None:
    try:
        return date(y, m, d) if m else None
    except ValueError:
        return None


def parse_event_dates(line: str) -> tuple[date, date] | None:
    """``12-14 Maret 2025``, ``28 Oktober - 1 November 2025``, ``Selasa, 4 Februari 2025``,
    ``12/03/2025 s.d. 14/03/2025``, ``2025-03-12``: (start, end), or None."""
    if found := _NAMED_RANGE.search(line):
        y2, m2 = int(found["y2"]), _month(found["m2"])
        m1 = _month(found["m1"]) or m2
        y1 = int(found["y1"]) if found["y1"] else (y2 - 1 if m1 and m2 and m1 > m2 else y2)
        start, end = _day(y1, m1, int(found["d1"])), _day(y2, m2, int(found["d2"]))
        return (start, end) if start and end else None
    if found := _NAMED_DAY.search(line):
        day = _day(int(found["y"]), _month(found["m"]), int(found["d"]))
        return (day, day) if day else None
    if found := _NUMERIC_RANGE.search(line):
        g = found.groups()
        start = _day(int(g[2]), int(g[1]), int(g[0]))
        end = _day(int(g[5]), int(g[4]), int(g[3])) if g[3] else start
        return (start, end) if start and end else None
    if found := _ISO.search(line):
        day = _day(int(found[1]), int(found[2]), int(found[3]))
        return (day, day) if day else None
    return None


@dataclass
class TitleBlock:
    """What the lines above a table say: title lines, dates, place, organiser."""

    titles: list[str]
    dates: tuple[date, date] | None = None
    place: str | None = None
    organiser: str | None = None


def scan_title_block(lines: list[str]) -> TitleBlock:
    """Sort the title-block lines of a form (attendance or participant list) by what they are."""
    block = TitleBlock(titles=[])
    city = None
    for raw in lines:
        line = _HEADING.sub("", raw.strip()).strip()
        if not line:
            continue
        labelled = _LABEL.match(line)
        if labelled:
            role = _ROLE.get(labelled["label"].split()[0].lower().split("/")[0])
            rest = line[labelled.end():].strip()
            if role == "place":
                block.place = block.place or rest or None
            elif role == "organiser":
                block.organiser = block.organiser or rest or None
            elif block.dates is None:
                block.dates = parse_event_dates(rest)
            continue
        found = parse_event_dates(line)
        if found and block.dates is None:
            block.dates = found
            before_comma = line.split(",", 1)[0].strip() if "," in line else ""
            if before_comma and not any(ch.isdigit() for ch in before_comma):
                city = before_comma  # "Bengkayang, 12-14 Maret 2025"
            continue
        if found is None:
            block.titles.append(line)
    block.place = block.place or city
    return block


def read_title(lines: list[str], data_date: date) -> TitleReading:
    """File-level values of an attendance list from its title block (see module doc)."""
    notes: list[tuple[str, str]] = []
    block = scan_title_block(lines)
    title_lines, dates = block.titles, block.dates
    shown = " / ".join(lines) or "(nothing above the header)"
    if not title_lines:
        raise FileProblem("training_title_missing", "No training name above the header (the "
                          f"title block reads: {shown}). Write the training's name, e.g. "
                          "'PELATIHAN PPRG', in a row above the table and send the file again.")
    kind = None
    title = title_lines[0]
    for candidate in title_lines:
        kind = classify(candidate)
        if kind is not None:
            title = candidate
            break
    if kind is None:
        raise FileProblem("training_kind_unknown", f"The training '{title}' is not recognised: "
                          "its title names no known kind (PUG/sosialisasi gender, PPRG, ToF "
                          "fasilitator, Latsar, PKP, PKA, PKN, gender champion, pelatihan/bimtek"
                          "/workshop). Write the full training name in the title rows, or ask "
                          "the data team to add a keyword to ref_training_keywords.csv.")
    if dates is None:
        dates = (data_date, data_date)
        notes.append(("event_date_from_folder", "No event date in the title block: the date "
                      f"folder {data_date} is taken as the event date."))
    start, end = dates
    if end < start:
        raise FileProblem("event_dates_invalid", f"The event dates in the title block run "
                          f"backwards ({start} to {end}): correct them and send the file again.")
    if end > data_date:
        notes.append(("event_after_folder_date", f"The event ends on {end}, after the date "
                      f"folder {data_date}: put the file in the folder of its last day."))
    return TitleReading(values={"event_title": " ".join(title.upper().split()),
                                "training_kind": kind, "event_start": start, "event_end": end,
                                "event_place": block.place, "organiser": block.organiser},
                        notes=notes)
