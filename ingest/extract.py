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
from ingest.spec import SourceSpec


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


def _file_notes(notes: list[tuple[str, str]]) -> pd.DataFrame:
    """Findings about the file as a whole (no row): what was assumed from its title block."""
    return pd.DataFrame({"source_row": pd.Series([None] * len(notes), dtype="Int64"),
                         "column": "", "value": "", "rule": [r for r, _ in notes],
                         "severity": str(Severity.INFO), "message": [m for _, m in notes]})


def extract_file(path: Path, spec: SourceSpec, data_date: date) -> FileExtract:
    """Read and judge ``path``. A file-level problem is returned in ``.problem``, not raised."""
    out = FileExtract(path=path, source=spec.name, data_date=data_date, sha256=file_sha256(path))
    try:
        table = read_table(path, spec)
    except FileProblem as problem:
        out.problem = problem
        out.sheet = problem.sheet
        return out
    out.sheet, out.header_row = table.sheet, table.header_row
    out.skipped, out.unmapped_headers = table.skipped_rows, table.unmapped
    out.rows_read = len(table.frame)
    if out.rows_read == 0:
        out.problem = FileProblem("file_empty", f"The file has a header (row {table.header_row}) "
                                  "but no data rows.", table.sheet)
        return out
    notes: list[tuple[str, str]] = []
    file_values: dict[str, object] = {}
    if spec.title_reader is not None:
        try:
            file_values, notes = spec.title_reader(table.preamble, data_date)
        except FileProblem as problem:
            problem.sheet = table.sheet
            out.problem = problem
            return out
    norm: Normalised = normalise(table, spec)
    # A note "<column>_assumed" says what the title block could not tell; moot when the
    # table's own column is filled on every row.
    notes = [(rule, message) for rule, message in notes
             if not _filled(norm, rule.removesuffix("_assumed"))]
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
    out.issues = pd.concat([_file_notes(notes), frame]).reset_index(drop=True) \
        if notes else frame.reset_index(drop=True)
    out.row_text = table.frame[(issues.rejected() & keep).to_numpy()]
    return out
