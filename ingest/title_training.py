"""The event of an attendance list from its title block: which training, when, where, by whom.

Organisers write a few lines above the table, e.g.::

    PEMERINTAH KABUPATEN BENGKAYANG            <- letterhead: never the training
    DAFTAR HADIR PESERTA PELATIHAN
    TRAINING OF FACILITATOR (ToF) PUG          <- continues the line above: one title
    Bengkayang, 12-14 Maret 2025
    Tempat : Aula Bappeda
    Penyelenggara : BKDPSDM Kabupaten Bengkayang

The training kind is the best keyword (lowest priority number) of the seed
``dbt_project/seeds/ref_training_keywords.csv`` (the file dbt loads as a reference table) over
every title of the block; the precedence of the other attributes is in ``ingest.title_block``.
A block whose titles match no keyword makes the file unusable (the counts would be attributed to
no indicator). Without a date in the block the date folder is the event date (a warning).
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ingest.read import FileProblem
from ingest.spec import TitleReading
from ingest.title_block import LETTERHEAD, Block, Line, Title, masked, quote_block, scan
from ingest.title_dates import parse_event_dates

__all__ = ["KINDS", "Keyword", "best_keyword", "classify", "keywords", "parse_event_dates",
           "read_training_title"]

KEYWORDS_CSV = (Path(__file__).resolve().parents[1] / "dbt_project" / "seeds"
                / "ref_training_keywords.csv")
KINDS = ("pug_awareness", "pprg", "tof", "latsar", "pkp", "pka", "pkn", "gender_champion",
         "other")
TITLE_LABELS = ("title",)  # Kegiatan / Nama Kegiatan / Acara / Pelatihan / Judul : ...


@dataclass(frozen=True)
class Keyword:
    priority: int
    keyword: str
    kind: str


@functools.cache
def keywords() -> tuple[Keyword, ...]:
    """The keyword seed, best (lowest priority number, then longest) first."""
    with KEYWORDS_CSV.open(encoding="utf-8") as fh:
        rows = [Keyword(int(r["priority"]), r["keyword"].strip().lower(), r["training_kind"])
                for r in csv.DictReader(fh)]
    unknown = {k.kind for k in rows} - set(KINDS)
    if unknown:
        raise ValueError(f"{KEYWORDS_CSV.name}: unknown training kind(s) {sorted(unknown)}")
    return tuple(sorted(rows, key=lambda k: (k.priority, -len(k.keyword))))


def _words(text: str) -> str:
    return " " + re.sub(r"[^0-9a-z]+", " ", text.lower()).strip() + " "


def best_keyword(text: str) -> Keyword | None:
    """The best keyword of the seed in ``text`` (whole words only), or None."""
    words = _words(text)
    return next((kw for kw in keywords() if f" {kw.keyword} " in words), None)


def classify(title: str) -> str | None:
    """The training kind of a title, or None when no keyword matches (whole words only)."""
    found = best_keyword(title)
    return found.kind if found else None


def _kind_evidence(title: Title, keyword: Keyword) -> str:
    """The title line holding the keyword (the whole title when it spans lines)."""
    line = next((ln for ln in title.lines if f" {keyword.keyword} " in _words(ln.text)), None)
    shown = line.evidence if line is not None else title.evidence
    return f"{shown} [keyword '{keyword.keyword}']"


def read_training_title(lines: list[str], data_date: date) -> TitleReading:
    """File-level values of an attendance list from its title block (see module doc)."""
    block = scan(lines)
    titles = block.titles(*TITLE_LABELS)
    if not titles:
        raise FileProblem("training_title_missing", "No training name above the header (the "
                          f"title block reads: {quote_block(lines)}). Write the training's "
                          "name, e.g. 'PELATIHAN PPRG', in a row above the table and send the "
                          "file again.")
    reading = TitleReading()
    ranked = [(kw, t) for t in titles if (kw := best_keyword(t.text)) is not None]
    # best keyword first; on a tie the form's own title (under DAFTAR HADIR), then the first
    ranked.sort(key=lambda c: (c[0].priority, not c[1].headed))
    if ranked:
        keyword, title = ranked[0]
        kind_evidence = _kind_evidence(title, keyword)
    else:
        title = next((t for t in titles if t.headed), titles[0])
        keyword, kind_evidence = _letterhead_keyword(block.of(LETTERHEAD), title, reading)
    reading.values["event_title"], reading.evidence["event_title"] = title.text, title.evidence
    reading.values["training_kind"] = keyword.kind
    reading.evidence["training_kind"] = kind_evidence
    _dates(block, data_date, reading)
    for key, found in (("event_place", block.place()), ("organiser", block.first("organiser"))):
        reading.values[key] = found.value if found else None
        if found:
            reading.evidence[key] = found.evidence
    return reading


def _letterhead_keyword(kop: list[Line], title: Title,
                        reading: TitleReading) -> tuple[Keyword, str]:
    """A keyword only in the letterhead (``BADAN DIKLAT ...``): weak, the sender is warned;
    none at all: the file cannot be used."""
    for line in kop:
        keyword = best_keyword(line.text)
        if keyword is not None:
            reading.warnings.append(("training_kind_from_letterhead", f"The title '{title.text}' "
                                     "names no known training kind; it is taken from the "
                                     f"letterhead '{line.evidence}' ({keyword.kind}). Write the "
                                     "full training name in the title rows to make it certain."))
            return keyword, f"{line.evidence} [letterhead, keyword '{keyword.keyword}']"
    raise FileProblem("training_kind_unknown", f"The training '{masked(title.text)}' is not "
                      "recognised: its title names no known kind (PUG/sosialisasi gender, PPRG, "
                      "ToF fasilitator, Latsar, PKP, PKA, PKN, gender champion, pelatihan/bimtek"
                      "/workshop). Write the full training name in the title rows, or ask the "
                      "data team to add a keyword to ref_training_keywords.csv.")


def _dates(block: Block, data_date: date, reading: TitleReading) -> None:
    found = block.dates()
    if found is None:
        start = end = data_date
        reading.evidence["event_start"] = reading.evidence["event_end"] = \
            f"date folder {data_date}"
        reading.warnings.append(("event_date_from_folder", "No event date in the title block: "
                                 f"the date folder {data_date} is taken as the event date. "
                                 "Write the dates (e.g. 'Bengkayang, 12-14 Maret 2025') above "
                                 "the table to make it certain."))
    else:
        start, end = found.value
        reading.evidence["event_start"] = reading.evidence["event_end"] = found.evidence
    if end < start:
        raise FileProblem("event_dates_invalid", f"The event dates in the title block run "
                          f"backwards ({start} to {end}): correct them and send the file again.")
    if end > data_date:
        reading.notes.append(("event_after_folder_date", f"The event ends on {end}, after the "
                              f"date folder {data_date}: put the file in the folder of its last "
                              "day."))
    reading.values["event_start"], reading.values["event_end"] = start, end
