"""Extract one landing file: read, normalise, judge rows. Nothing here touches the warehouse."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from ingest.normalise import Normalised, normalise
from ingest.read import FileProblem, read_table
from ingest.rules.collect import ISSUE_COLUMNS, Issues, Severity
from ingest.spec import SourceSpec, TitleReading


@dataclass
class Reading:
    """What the project understood from one file, shown to the sender (``validate`` in full,
    the run summary in one line) and stored in ``audit.files.reading_json``. Nothing here is
    personal data: header texts, sheet names, title-block lines are masked by value."""

    source: str
    source_evidence: str = ""  # why this source: the folder, --source, the header's fit
    sheet: str | None = None
    sheet_evidence: str = ""  # why this sheet (the best header fit with data rows, ...)
    header_row: int | None = None  # 1-based, the (last) header row
    columns: dict[str, str] = field(default_factory=dict)  # canonical -> header as written
    unused: list[str] = field(default_factory=list)  # non-empty columns not used
    # attribute (event_title, training_kind, program, class_date, tahun, dokumen, nama_skpd,
    # ...) -> (value as text, evidence: the title line, "column PROGRAM", "date folder ...")
    attributes: dict[str, tuple[str, str]] = field(default_factory=dict)
    layout: list[str] = field(default_factory=list)  # e.g. "two-row header", "JUMLAH row 40"

    def to_dict(self) -> dict[str, object]:
        return {"source": self.source, "source_evidence": self.source_evidence,
                "sheet": self.sheet, "sheet_evidence": self.sheet_evidence,
                "header_row": self.header_row, "columns": dict(self.columns),
                "unused": list(self.unused),
                "attributes": {k: {"value": v, "evidence": e}
                               for k, (v, e) in self.attributes.items()},
                "layout": list(self.layout)}


@dataclass
class FileExtract:
    """What one file holds, judged row by row (the file-level verdict comes later)."""

    path: Path
    source: str
    data_date: date
    sha256: str
    sheet: str | None = None
    header_row: int | None = None
    rows_read: int = 0
    values: pd.DataFrame | None = None  # canonical values of every data row
    rejected: pd.Series | None = None  # row mask of rejected rows
    issues: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ISSUE_COLUMNS))
    row_text: pd.DataFrame | None = None  # the text as read, for the restricted reject store
    problem: FileProblem | None = None
    skipped: dict[str, int] = field(default_factory=dict)
    unmapped_headers: list[str] = field(default_factory=list)
    reading: Reading | None = None  # what was understood (set even for a rejected file)

    @property
    def rows_rejected(self) -> int:
        return int(self.rejected.sum()) if self.rejected is not None else 0

    @property
    def rows_accepted(self) -> int:
        return self.rows_read - self.rows_rejected

    def accepted_values(self) -> pd.DataFrame:
        assert self.values is not None and self.rejected is not None
        return self.values[~self.rejected]

    def count(self, severity: Severity) -> int:
        return int((self.issues["severity"] == severity).sum()) if len(self.issues) else 0


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _filled(norm: Normalised, column: str) -> bool:
    return column in norm.present and bool(norm.values[column].notna().all())


def _file_notes(notes: list[tuple[str, str]], severity: Severity) -> pd.DataFrame:
    """Findings about the file as a whole (no row): what was assumed from its title block."""
    return pd.DataFrame({"source_row": pd.Series([None] * len(notes), dtype="Int64"),
                         "column": "", "value": "", "rule": [r for r, _ in notes],
                         "severity": str(severity), "message": [m for _, m in notes]})


# title rule -> the table column whose values make it moot when filled on every row
_RULE_COLUMN = {"class_date_from_folder": "class_date", "tahun_weak": "tahun",
                "tahun_conflict": "tahun", "skpd_from_letterhead": "nama_skpd"}


def _moot_column(rule: str) -> str:
    """``dokumen_assumed`` -> ``dokumen``; the mapped column of other rules; else the rule."""
    return _RULE_COLUMN.get(rule, rule.removesuffix("_assumed"))


def _attributes(title: TitleReading) -> dict[str, tuple[str, str]]:
    """The title block's values as text with their evidence (dates as YYYY-MM-DD)."""
    out: dict[str, tuple[str, str]] = {}
    for name, value in title.values.items():
        if value is None:
            continue
        text = value.isoformat() if isinstance(value, date) else str(value)
        out[name] = (text, title.evidence.get(name, "title block"))
    return out


def extract_file(path: Path, spec: SourceSpec, data_date: date) -> FileExtract:
    """Read and judge ``path``. A file-level problem is returned in ``.problem``, not raised."""
    out = FileExtract(path=path, source=spec.name, data_date=data_date, sha256=file_sha256(path))
    try:
        table = read_table(path, spec)
    except FileProblem as problem:
        out.problem = problem
        out.sheet = problem.sheet
        out.reading = Reading(source=spec.name, sheet=problem.sheet)
        return out
    out.sheet, out.header_row = table.sheet, table.header_row
    out.reading = Reading(source=spec.name, sheet=table.sheet,
                          sheet_evidence=table.sheet_evidence, header_row=table.header_row,
                          columns=dict(table.headers), unused=list(table.unmapped),
                          layout=list(table.layout))
    out.skipped, out.unmapped_headers = table.skipped_rows, table.unmapped
    out.rows_read = len(table.frame)
    if out.rows_read == 0:
        out.problem = FileProblem("file_empty", f"The file has a header (row {table.header_row}) "
                                  "but no data rows.", table.sheet)
        return out
    title = TitleReading()
    if spec.title_reader is not None:
        try:
            title = spec.title_reader(table.preamble, data_date)
        except FileProblem as problem:
            problem.sheet = table.sheet
            out.problem = problem
            return out
    file_values = title.values
    out.reading.attributes = _attributes(title)
    norm: Normalised = normalise(table, spec)
    # A title note or warning on a file-level value is moot when the table's own column of
    # that value is filled on every row (a TANGGAL column beside "no date in the title").
    notes = [(r, m) for r, m in title.notes if not _filled(norm, _moot_column(r))]
    warnings = [(r, m) for r, m in title.warnings if not _filled(norm, _moot_column(r))]
    for name, value in file_values.items():  # the file's value, where a row has none
        value = pd.Timestamp(value) if isinstance(value, date) else value
        if name in norm.present:
            norm.values[name] = norm.values[name].where(norm.values[name].notna(), value)
        else:
            norm.values[name] = value
    norm.file_values = file_values
    issues = Issues(spec, norm)
    if spec.row_rules is not None:
        try:
            spec.row_rules(issues, data_date)
        except FileProblem as problem:  # e.g. a budget whose totals do not add up
            problem.sheet = table.sheet
            out.problem = problem
            return out
    keep = ~issues.skipped()
    for reason, mask in issues.skips.items():
        out.skipped[reason] = int(mask.sum())
    out.rows_read = int(keep.sum())
    out.values = norm.values[keep]
    out.rejected = issues.rejected()[keep]
    frame = issues.frame()
    file_level = [_file_notes(n, sev) for n, sev in ((warnings, Severity.WARNING),
                                                      (notes, Severity.INFO)) if n]
    out.issues = pd.concat([*file_level, frame]).reset_index(drop=True)
    out.row_text = table.frame[(issues.rejected() & keep).to_numpy()]
    return out
