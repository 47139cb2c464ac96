"""Training attendance lists (daftar hadir) of the sample, written month by month.

``TrainingRun`` plans the events of the whole sample up front, then, inside the month loop of
``generate_sample``, writes each event of a month as ``out/training/<end date>/<slug>.xlsx``
(about 15 % ``.csv``), drawing participants from that month's employees. Its random streams
are its own (``[seed, stream, ...]``), so the SIMPEG files do not depend on it.

What a reader must know:

- Title block in column A from row 1: "DAFTAR HADIR" or "DAFTAR HADIR PESERTA", the title
  (upper case), a date line ("Bengkayang, 12-14 Maret 2025", "Tanggal : 12 s.d. 14 Maret 2025",
  "Hari/Tanggal : Selasa, 4 Februari 2025", "Pontianak, 28 Oktober - 1 November 2025",
  "3 s/d 7 November 2025"), optionally "Tempat : ..." and "Penyelenggara : ..." or
  "Diselenggarakan oleh : ...". Then a blank row and the header (``TrainingFile.header_row``).
- Header spellings: NO/NO., NAMA/NAMA PESERTA, NIP/NIP., JABATAN, UNIT KERJA/UNIT KERJA / PD/
  INSTANSI/ASAL INSTANSI, L/P/JENIS KELAMIN/JK, optional TANDA TANGAN/TTD and KETERANGAN/KET.
  Some files have a column-number row ("1", "2", ...) under the header and a blank data row.
- NIP is text, plain or grouped ("19850412 201001 2 011"); non-ASN rows have "" or "-". Sex is
  L/P or Laki-laki/Perempuan. KETERANGAN: "Bersertifikat"/"Belum Bersertifikat" (ToF), or
  "Tidak Hadir"/"Izin"/"Sakit" (absent: listed, did not attend).
- CSV: the same lines; ";" or ",", utf-8-sig or cp1252, CRLF, title lines in the first column.
- Every participant with an 18-digit NIP not flagged ``nip_unknown`` or ``nip_mistyped`` is an
  active employee in the SIMPEG extract of the month of the event's end date, on a row without
  a SIMPEG flaw. Flaws: see ``terpilah.sample.training_flaws``.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from terpilah.sample.flaws import Flawed, digits
from terpilah.sample.ids import Registry
from terpilah.sample.manifest import TrainingFile
from terpilah.sample.training_events import Event, plan_events
from terpilah.sample.training_flaws import inject, records
from terpilah.sample.training_layout import (
    build_grid,
    choose_layout,
    finish,
    header_row,
    signature_lines,
    title_lines,
)
from terpilah.sample.training_people import Attendance, employee_frame, participants
from terpilah.sample.training_render import write_training_csv, write_training_xlsx

TRAINING_DIR = "training"
_NIP_COLUMN = {"siasn": "NIP BARU", "local": "NIP"}


def clean_nips(flawed: Flawed, layout: str) -> set[str]:
    """NIPs of the month's SIMPEG file whose rows carry no flaw (they match as written)."""
    column = flawed.table[_NIP_COLUMN[layout]].astype(str).map(digits).to_numpy()
    bad = {pos for pos, _, _ in flawed.flaws} | {pos for pos, _ in flawed.numeric}
    return {nip for pos, nip in enumerate(column) if pos not in bad and len(nip) == 18}


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:80].rstrip("-")


class TrainingRun:
    """The training part of one sample: plan, attendance history, files written so far."""

    def __init__(self, out: Path, seed: int, stream: int, dates: list[date], employees: int,
                 registry: Registry) -> None:  # fmt: skip
        self.out, self.seed, self.stream = Path(out), seed, stream
        self.first = dates[0].replace(day=1)
        self.events = plan_events(np.random.default_rng([seed, stream, 0]), dates, employees)
        self.registry = registry
        self.seen = Attendance()
        self.paths: set[str] = set()

    def has_events(self, month: int) -> bool:
        return any(event.month == month for event in self.events)

    def write_month(self, month: int, table: pd.DataFrame, people: pd.DataFrame,
                    clean: set[str]) -> list[TrainingFile]:  # fmt: skip
        """Write the events of sampled month ``month``; ``table`` is its SIASN table."""
        frame = employee_frame(table, people, clean)
        written = [self._write(event, frame) for event in self.events if event.month == month]
        return [entry for entry in written if entry is not None]

    def _path(self, event: Event, suffix: str) -> Path:
        folder = f"{TRAINING_DIR}/{event.end.isoformat()}"
        base, n = slug(event.title), 1
        name = f"{folder}/{base}{suffix}"
        while name in self.paths:
            n += 1
            name = f"{folder}/{base}-{n}{suffix}"
        self.paths.add(name)
        return self.out / name

    def _write(self, event: Event, frame: pd.DataFrame) -> TrainingFile | None:
        rng = np.random.default_rng([self.seed, self.stream, 1, event.index])
        rows = participants(rng, event, frame, self.seen)
        if not rows:  # nobody eligible this month (e.g. no CPNS left for a latsar)
            return None
        layout = choose_layout(rng, event)
        grid = build_grid(rows, layout)
        inject(grid, rng, self.registry, self.first)
        finish(grid, rng)
        titles = title_lines(event, layout)
        top = header_row(event, layout)
        path = self._path(event, f".{layout.fmt}")
        path.parent.mkdir(parents=True, exist_ok=True)
        signature = signature_lines(event, layout)
        if layout.fmt == "xlsx":
            write_training_xlsx(path, grid, titles, event.end, signature)
        else:
            write_training_csv(path, grid, titles, signature)
        first_data_row = top + 1 + int(layout.number_row)
        return TrainingFile(
            data_date=event.end.isoformat(),
            path=path.relative_to(self.out).as_posix(),
            layout=layout.fmt,
            title=event.title,
            kind=event.kind,
            start=event.start.isoformat(),
            end=event.end.isoformat(),
            place=event.place if layout.place else None,
            organiser=event.organiser if layout.organiser_label else None,
            rows=sum(row is not None for row in grid.rows),
            header_row=top,
            flaws=records(grid, first_data_row),
            letterhead=list(layout.letterhead),
            title_lines=2 if layout.split_title else 1,
            signature=layout.signature,
        )
