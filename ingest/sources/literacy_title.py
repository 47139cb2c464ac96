"""The program and date of a digital-literacy class, from its list's title block.

Lists give them either in columns (PROGRAM, TANGGAL) or in the rows above the table
(``DAFTAR PESERTA`` / ``PELATIHAN LITERASI DIGITAL UNTUK PEREMPUAN`` / ``Kecamatan Ledo, 12
Maret 2025``); a column wins where it is filled. Without a date anywhere, the date folder is
the class date (a note says so). Without a program anywhere, the rows are rejected (see the row
rules), since unique participants are counted per program.
"""

from __future__ import annotations

from datetime import date

from ingest.rules.literacy import program_name
from ingest.sources.training_title import scan_title_block
from ingest.spec import TitleReading


def read_class_title(lines: list[str], data_date: date) -> TitleReading:
    block = scan_title_block(lines)
    titles = [t for t in block.titles if not t.upper().startswith(("KECAMATAN", "DESA"))]
    values: dict[str, object] = {"class_date": block.dates[0] if block.dates else data_date}
    notes = [] if block.dates else [("class_date_from_folder", "No class date in the title "
                                     f"block: where the TANGGAL column is blank, the date "
                                     f"folder {data_date} is the class date.")]
    if titles:
        values["program"] = program_name(titles[0])
    return TitleReading(values=values, notes=notes)
