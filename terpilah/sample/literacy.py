"""Digital-literacy participant lists (Diskominfo) of the sample, one file per class.

``write_literacy`` plans about a year's classes (``terpilah.sample.literacy_classes``) within
the sampled months, a population of residents (``literacy_people``), and writes each class as
``out/literacy/<class date>/<slug>.xlsx`` (about 20 % ``.csv``). Its random streams are its own
(``[seed, stream, ...]``), so the other files of the sample do not depend on it.

What a reader must know:

- Style "columns" (``LiteracyFile.columns_style``): header in row 1 with PROGRAM or NAMA KELAS
  ("<program> - Kec. <kecamatan>") and TANGGAL columns. Style "title": "DAFTAR PESERTA" or
  "DAFTAR HADIR PESERTA", the program title, a date line ("Kecamatan Ledo, 12 Maret 2025",
  "Bengkayang, 12 Maret 2025", "Tanggal : 12 Maret 2025", "Hari/Tanggal : Rabu, 12 Maret 2025",
  "12 Maret 2025"), maybe "Tempat : Aula Kantor Camat Ledo"; a blank row; the header.
- Header: NO/NO. | NAMA/NAMA PESERTA | NIK | JENIS KELAMIN/L/P/JK | TANGGAL LAHIR/TGL LAHIR or
  UMUR | DESA/DESA/KELURAHAN | KECAMATAN | PEKERJAAN | DISABILITAS | NO HP/NO. HP.
- Sex L/P or Laki-laki/Perempuan; dates as date cells (XLSX), "12/03/2025", "12-03-2025",
  "2025-03-12" or "12 Maret 2025"; UMUR in whole years on the class date; Disabilitas Ya/Tidak.
- Kecamatan as typed: "Ledo", "LEDO", "ledo", "Kec. Ledo", or an alias ("Sei Raya",
  "Sanggauledo", "Sungai Raya Kep.", "Tujuhbelas"), cased the same way.
- NIK and NO HP are text cells. Flaws: see ``terpilah.sample.literacy_flaws``.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import numpy as np

from terpilah.sample.literacy_classes import (
    Attendance,
    LiteracyClass,
    make_population,
    plan_classes,
)
from terpilah.sample.literacy_flaws import inject, records
from terpilah.sample.literacy_layout import (
    build_grid,
    choose_layout,
    header_row,
    kecamatan_hint,
    number_rows,
    title_lines,
)
from terpilah.sample.literacy_render import write_literacy_csv, write_literacy_xlsx
from terpilah.sample.manifest import LiteracyFile

LITERACY_DIR = "literacy"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def write_literacy(out: Path, seed: int, stream: int, dates: list[date],
                   scale: str) -> list[LiteracyFile]:  # fmt: skip
    """Write the lists of the classes held in the months ending on ``dates``."""
    out = Path(out)
    first, last = dates[0].replace(day=1), dates[-1]
    classes = plan_classes(np.random.default_rng([seed, stream, 0]), first, last, scale)
    people = make_population(np.random.default_rng([seed, stream, 1]), classes, last)
    attendance = Attendance(people)
    paths: set[str] = set()
    written, rotation = [], 0
    for cls in classes:
        rng = np.random.default_rng([seed, stream, 2, cls.index])
        entry, used = _write(out, cls, attendance, rng, rotation, paths)
        rotation += used
        if entry is not None:
            written.append(entry)
    return written


def _path(out: Path, cls: LiteracyClass, suffix: str, paths: set[str]) -> Path:
    folder = f"{LITERACY_DIR}/{cls.on.isoformat()}"
    base = _slug(f"{cls.program.name} {cls.kecamatan}")
    name, n = f"{folder}/{base}{suffix}", 1
    while name in paths:
        n += 1
        name = f"{folder}/{base}-{n}{suffix}"
    paths.add(name)
    return out / name


def _write(out: Path, cls: LiteracyClass, attendance: Attendance, rng: np.random.Generator,
           rotation: int, paths: set[str]) -> tuple[LiteracyFile | None, int]:  # fmt: skip
    layout = choose_layout(rng, cls)
    people = attendance.pick(rng, cls)
    if not people:
        return None, 0
    grid = build_grid(people, cls, layout, rng)
    used = inject(grid, rng, rotation)
    number_rows(grid)
    titles = title_lines(cls, layout)
    top = header_row(cls, layout)
    path = _path(out, cls, f".{layout.fmt}", paths)
    path.parent.mkdir(parents=True, exist_ok=True)
    if layout.fmt == "xlsx":
        write_literacy_xlsx(path, grid, titles, cls.on)
    else:
        write_literacy_csv(path, grid, titles)
    return LiteracyFile(
        data_date=cls.on.isoformat(),
        path=path.relative_to(out).as_posix(),
        layout=layout.fmt,
        program=cls.program.name,
        class_date=cls.on.isoformat(),
        kecamatan_hint=kecamatan_hint(cls, layout),
        columns_style=layout.style,
        rows=len(grid.rows),
        header_row=top,
        flaws=records(grid, top + 1),
    ), used
