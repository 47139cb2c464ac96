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
    letterhead: list[str] = field(default_factory=list)  # kop surat lines above the heading
    title_lines: int = 1  # the training's name over this many lines
    signature: bool = False  # a signature block (with the signer's NIP) under the table


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
class BudgetLine:
    """One sub kegiatan line of a budget file (subtotal and JUMLAH rows are not lines)."""

    kode_skpd: str
    nama_skpd: str
    kode: str  # sub kegiatan code, canonical (6 segments, 4-digit last)
    uraian: str
    pagu: str  # exact decimal text with 2 places: "1250000000.00", "-5000000.00"
    tahun: int  # the year the row says (differs from the file's only on year_mismatch rows)
    row: int  # 1-based spreadsheet row (CSV: 1-based line number)


@dataclass
class ArgTag:
    """One row of an ARG tagging list."""

    kode_skpd: str
    nama_skpd: str
    kode_written: str  # as written in the file
    kode: str | None  # canonical code; None when malformed
    kategori: int  # 1 | 2 | 3
    isu_gender: str
    sasaran_laki_laki: int
    sasaran_perempuan: int
    nilai_arg: str | None  # exact decimal text "15000000.00"; None when blank (all of it)
    in_budget: bool  # the code is in that PD's budget of that year
    row: int


@dataclass
class BudgetFile:
    """One budget export (RKA/DPA) or one PD's ARG tagging list of one year."""

    data_date: str  # the delivery date, also the folder name
    path: str  # relative to the sample root: budget/<date>/<slug>.xlsx|.csv
    layout: str  # apbd_xlsx | flat_csv | pd_xlsx | pd_csv | arg_xlsx | arg_csv
    kind: str  # "budget" | "arg"
    tahun: int  # the file's year (title, or TAHUN column)
    dokumen: str | None  # budget: "DPA Murni" | "DPA Perubahan"; arg: None
    header_row: int  # 1-based row of the header
    lines: list[BudgetLine] = field(default_factory=list)  # budget: every sub kegiatan line
    subtotal_rows: int = 0  # rows with an SKPD, bidang, program or kegiatan code
    total: str | None = None  # the JUMLAH row's amount, exact decimal text; None: no such row
    tags: list[ArgTag] = field(default_factory=list)  # arg: every tag row
    flaws: list[Flaw] = field(default_factory=list)
    expect_rejected: bool = False  # the pipeline must hold the whole file back


@dataclass
class SampleManifest:
    """What ``generate_sample`` wrote (serialised to ``<out>/_sample_manifest.json``).

    ``training``, ``literacy`` and ``budget`` are only written to the JSON when the sample has
    such files.
    """

    seed: int
    scale: str
    employees: int
    layout: str
    dates: list[str]
    files: list[SampleFile] = field(default_factory=list)
    training: list[TrainingFile] = field(default_factory=list)
    literacy: list[LiteracyFile] = field(default_factory=list)
    budget: list[BudgetFile] = field(default_factory=list)

    def to_json(self) -> str:
        data = asdict(self)
        if not self.training:
            del data["training"]
        if not self.literacy:
            del data["literacy"]
        if not self.budget:
            del data["budget"]
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
        budget = [_budget_file(entry) for entry in data.pop("budget", [])]
        return cls(**data, files=files, training=training, literacy=literacy, budget=budget)


def _budget_file(entry: dict) -> BudgetFile:
    return BudgetFile(**{
        **entry,
        "lines": [BudgetLine(**line) for line in entry["lines"]],
        "tags": [ArgTag(**tag) for tag in entry["tags"]],
        "flaws": [Flaw(**flaw) for flaw in entry["flaws"]],
    })
