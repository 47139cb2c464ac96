"""Save an openpyxl workbook so that the same content gives the same bytes: the zip entry
times and the document dates come from a given date, not from the clock."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.xml.functions import tostring


def save_stamped(wb: Workbook, path: Path, made: date, creator: str) -> None:
    """Write ``wb`` to ``path`` as made by ``creator`` at 08:00 on ``made``."""
    stamp = datetime(made.year, made.month, made.day, 8, 0, 0)
    wb.properties.creator = creator
    wb.properties.created = stamp
    buffer = io.BytesIO()
    wb.save(buffer)
    wb.properties.modified = stamp  # openpyxl stamps "now" on save; the core part is rewritten
    core = tostring(wb.properties.to_tree())
    zip_stamp = (made.year, made.month, made.day, 8, 0, 0)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src, \
            zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            body = core if info.filename == "docProps/core.xml" else src.read(info.filename)
            entry = zipfile.ZipInfo(info.filename, date_time=zip_stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, body)
