"""Event dates as organisers write them in a title block (``12-14 Maret 2025``, ``Selasa, 4
Februari 2025``, ``28 Oktober - 1 November 2025``, ``12/03/2025 s.d. 14/03/2025``)."""

from __future__ import annotations

import re
from datetime import date

from ingest.parsers import MONTHS

WEEKDAY = r"SENIN|SELASA|RABU|KAMIS|JUM'?AT|SABTU|MINGGU|AHAD"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_TO = r"\s*(?:-|–|—|s\.?\s*/?\s*d\.?|sampai(?:\s+dengan)?|hingga|sd)\s*"
_NAMED_RANGE = re.compile(
    rf"(?P<d1>\d{{1,2}})(?:\s+(?P<m1>{_MONTH})\.?(?:\s+(?P<y1>\d{{4}}))?)?{_TO}"
    rf"(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})\.?\s+(?P<y2>\d{{4}})", re.IGNORECASE)
_NAMED_DAY = re.compile(rf"(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})\.?\s+(?P<y>\d{{4}})",
                        re.IGNORECASE)
_NUMERIC = r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})"
_NUMERIC_RANGE = re.compile(rf"(?<![\d.]){_NUMERIC}(?:{_TO}{_NUMERIC})?")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


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
    found = find_event_dates(line)
    return found[0] if found else None


def find_event_dates(line: str) -> tuple[tuple[date, date], int, int] | None:
    """The event dates of ``line`` (see ``parse_event_dates``) and where they are written."""
    if found := _NAMED_RANGE.search(line):
        y2, m2 = int(found["y2"]), _month(found["m2"])
        m1 = _month(found["m1"]) or m2
        y1 = int(found["y1"]) if found["y1"] else (y2 - 1 if m1 and m2 and m1 > m2 else y2)
        start, end = _day(y1, m1, int(found["d1"])), _day(y2, m2, int(found["d2"]))
    elif found := _NAMED_DAY.search(line):
        start = end = _day(int(found["y"]), _month(found["m"]), int(found["d"]))
    elif found := _NUMERIC_RANGE.search(line):
        g = found.groups()
        start = _day(int(g[2]), int(g[1]), int(g[0]))
        end = _day(int(g[5]), int(g[4]), int(g[3])) if g[3] else start
    elif found := _ISO.search(line):
        start = end = _day(int(found[1]), int(found[2]), int(found[3]))
    else:
        return None
    return ((start, end), found.start(), found.end()) if start and end else None
