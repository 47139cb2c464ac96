"""The manifest of a generated sample: what was written where, and which rows are flawed."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from terpilah.sample.flaws import Flaw

MANIFEST_NAME = "_sample_manifest.json"


@dataclass
class SampleFile:
    """One extract: its data date, path relative to the sample root, layout and flaws."""

    data_date: str
    path: str
    layout: str
    rows: int  # data rows written (no title, header or JUMLAH rows)
    header_row: int  # 1-based row of the header as a spreadsheet shows it
    flaws: list[Flaw] = field(default_factory=list)


@dataclass
class TrainingFile:
    """One attendance list (daftar hadir) of a training event."""

    data_date: str  # the event's end date, also the folder name
    path: str  # relative to the sample root: training/<end date>/<slug>.xlsx|.csv
    layout: str  # "xlsx" | "csv"
    title: str  # as written in the title block
    kind: str  # pug_awareness, pprg, tof, latsar, pkp, pka, pkn, gender_champion, other
    start: str
    end: str
    place: str | None  # the "Tempat" line's value, None when the file has no such line
    organiser: str | None  # the "Penyelenggara"/"Diselenggarakan oleh" value, or None
    rows: int  # participant rows incl. duplicates (no title, header, number or blank rows)
    header_row: int  # 1-based row of the header
    flaws: list[Flaw] = field(default_factory=list)


@dataclass
class LiteracyFile:
    """One digital-literacy participant list (Diskominfo), one class."""

    data_date: str  # the class date, also the folder name
    path: str  # relative to the sample root: literacy/<class date>/<slug>.xlsx|.csv
    layout: str  # "xlsx" | "csv"
    program: str  # canonical program name
    class_date: str
    kecamatan_hint: str | None  # host kecamatan (canonical) when the title block names it
    columns_style: str  # "columns" (PROGRAM/NAMA KELAS and TANGGAL columns) | "title"
    rows: int  # participant rows incl. duplicates (no title or header rows)
    header_row: int  # 1-based row of the header
    flaws: list[Flaw] = field(default_factory=list)


@dataclass
class SampleManifest:
    """What ``generate_sample`` wrote (serialised to ``<out>/_sample_manifest.json``).

    ``training`` and ``literacy`` are only written to the JSON when the sample has such lists.
    """

    seed: int
    scale: str
    employees: int
    layout: str
    dates: list[str]
    files: list[SampleFile] = field(default_factory=list)
    training: list[TrainingFile] = field(default_factory=list)
    literacy: list[LiteracyFile] = field(default_factory=list)

    def to_json(self) -> str:
        data = asdict(self)
        if not self.training:
            del data["training"]
        if not self.literacy:
            del data["literacy"]
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def write(self, out: Path) -> Path:
        path = Path(out) / MANIFEST_NAME
        path.write_text(self.to_json(), encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: Path) -> SampleManifest:
        """Read a manifest file (or the manifest inside a sample directory)."""
        path = Path(path)
        if path.is_dir():
            path = path / MANIFEST_NAME
        data = json.loads(path.read_text(encoding="utf-8"))
        files = [
            SampleFile(**{**f, "flaws": [Flaw(**flaw) for flaw in f["flaws"]]})
            for f in data.pop("files")
        ]
        training = [
            TrainingFile(**{**t, "flaws": [Flaw(**flaw) for flaw in t["flaws"]]})
            for t in data.pop("training", [])
        ]
        literacy = [
            LiteracyFile(**{**entry, "flaws": [Flaw(**flaw) for flaw in entry["flaws"]]})
            for entry in data.pop("literacy", [])
        ]
        return cls(**data, files=files, training=training, literacy=literacy)
