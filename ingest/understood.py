"""What was understood from a file, as people and the audit see it: the masked record stored in
``audit.files.reading_json``, one line for the run summary, every item for ``validate``.

A sender can only correct an inference they can see: which sheet and header row were read,
which column was taken for which field, what was left unused, and what the title block was
read as, with the line it was read from.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from ingest.extract import Reading
from ingest.privacy import mask_tree

# The attributes of the one-line summary, in this order; others follow in their own order.
LINE_ORDER = ("training_kind", "event_title", "event_start", "program", "class_date",
              "class_place", "dokumen", "tahun", "kode_skpd", "nama_skpd", "organiser")
DATE_PAIRS = {"event_start": "event_end"}
LINE_VALUE_CHARS = 70
LINE_UNUSED = 3  # unused headers named in the one-line summary
# Row numbers: a list always has them and never needs them; the full reading still names them.
NUMBERING = re.compile(r"^\s*(?:NO|NO\s*URUT|NOMOR(?:\s*URUT)?|#)\s*\.?\s*$", re.IGNORECASE)


def reading_record(reading: Reading | None, source: str = "") -> dict[str, Any]:
    """The reading as a JSON-ready dict, every text masked by value (header texts and title
    lines are the sender's writing and may quote a name or a NIP)."""
    record = (reading or Reading(source=source)).to_dict()
    masked = mask_tree(record)
    assert isinstance(masked, dict)
    return masked


def reading_json(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=False)


def _short(text: str, limit: int = LINE_VALUE_CHARS) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def date_range(start: str, end: str | None) -> str:
    """``14-16 Apr 2025``, ``30 Apr-2 May 2025``, ``30 Dec 2024-2 Jan 2025``, ``16 Apr 2025``;
    text that is not an ISO date is shown as it is."""
    first, last = _day(start), _day(end) if end else None
    if first is None:
        return start if not end or end == start else f"{start}..{end}"
    if last is None or last == first:
        return f"{first.day} {first:%b %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}-{last.day} {last:%b %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%b}-{last.day} {last:%b %Y}"
    return f"{first.day} {first:%b %Y}-{last.day} {last:%b %Y}"


def _value(name: str, text: str) -> str:
    day = _day(text)
    if day is not None:
        return date_range(text, None)
    return f"'{_short(text)}'" if " " in text else _short(text)


def _attribute_values(record: dict[str, Any]) -> list[str]:
    attributes: dict[str, dict[str, str]] = record.get("attributes") or {}
    names = [n for n in LINE_ORDER if n in attributes]
    paired = {end for start, end in DATE_PAIRS.items() if start in attributes}
    names += [n for n in attributes if n not in names and n not in paired]
    out = []
    for name in names:
        value = str(attributes[name].get("value", ""))
        if name in DATE_PAIRS:
            end = attributes.get(DATE_PAIRS[name], {}).get("value")
            out.append(date_range(value, str(end) if end else None))
        else:
            out.append(_value(name, value))
    return out


def summary_line(record: dict[str, Any]) -> str:
    """One line: ``sheet 'Daftar Hadir', header row 8; gender_champion 'ORIENTASI ...' 14-16
    Apr 2025; not used: 'TTD'``."""
    where = []
    if record.get("sheet"):
        where.append(f"sheet '{record['sheet']}'")
    header = record.get("header_row")
    where.append(f"header row {header}" if header else "no header row found")
    parts = [", ".join(where)]
    values = _attribute_values(record)
    if values:
        parts.append(" ".join(values))
    unused = [u for u in record.get("unused") or [] if not NUMBERING.match(str(u))]
    if unused:
        named = ", ".join(f"'{_short(u, 30)}'" for u in unused[:LINE_UNUSED])
        more = f" +{len(unused) - LINE_UNUSED} more" if len(unused) > LINE_UNUSED else ""
        parts.append(f"not used: {named}{more}")
    return "; ".join(parts)


def detail_lines(record: dict[str, Any]) -> list[tuple[str, str]]:
    """Every item, as (label, text) lines: source and why, sheet and why, header row, each
    mapped column (canonical <- header as written), the columns not used, each attribute with
    its evidence, the layout notes."""
    lines: list[tuple[str, str]] = []
    why = record.get("source_evidence")
    lines.append(("source", f"{record.get('source', '')}" + (f" ({why})" if why else "")))
    if record.get("sheet") is not None:
        why = record.get("sheet_evidence")
        lines.append(("sheet", f"'{record['sheet']}'" + (f" ({why})" if why else "")))
    header = record.get("header_row")
    lines.append(("header row", str(header) if header else "not found"))
    for canonical, written in (record.get("columns") or {}).items():
        lines.append(("column", f"{canonical} <- '{written}'"))
    unused = record.get("unused") or []
    lines.append(("not used", ", ".join(f"'{u}'" for u in unused) if unused
                  else "(every filled column was used)"))
    for name, item in (record.get("attributes") or {}).items():
        evidence = item.get("evidence")
        lines.append((name, _value(name, str(item.get("value", "")))
                      + (f" (from: {evidence})" if evidence else "")))
    for note in record.get("layout") or []:
        lines.append(("layout", str(note)))
    return lines
