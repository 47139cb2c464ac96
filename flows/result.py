"""The structured result a run returns (the CLI prints it; audit.runs stores it)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date

from warehouse.marts import ArgHeadline, Headline


@dataclass
class FileOutcome:
    source: str
    data_date: date
    file: str
    status: str  # accepted | rejected
    rows_read: int
    rows_loaded: int
    rows_rejected: int
    warnings: int
    reasons: list[str] = field(default_factory=list)  # masked by value
    quarantined_rows: list[int] = field(default_factory=list)  # the first rows held back
    quarantined_by_rule: dict[str, int] = field(default_factory=dict)
    path: str = ""  # in the landing folder: <folder>/<date>/<file>
    # What was understood, in one line (sheet, header row, title-block attributes, columns not
    # used; masked by value); everything is in audit.files.reading_json
    understood: str = ""


@dataclass
class RunResult:
    run_id: str
    status: str  # success | failed | nothing_new
    warehouse: str
    files: list[FileOutcome] = field(default_factory=list)
    landing_problems: list[str] = field(default_factory=list)
    skipped_unchanged: int = 0
    marts: list[str] = field(default_factory=list)
    dbt_failures: list[str] = field(default_factory=list)
    stale_sources: list[str] = field(default_factory=list)  # past dbt's freshness warn_after
    headline: Headline | None = None
    arg: ArgHeadline | None = None
    published: str | None = None  # the read-only copy of the marts for BI tools
    data_docs: str | None = None
    reports_dir: str | None = None
    seconds: float = 0.0
    step_seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def timed(self, step: str) -> Iterator[None]:
        """Add the time spent in the block to ``step_seconds[step]``."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.step_seconds[step] = (self.step_seconds.get(step, 0.0)
                                       + time.perf_counter() - start)

    @property
    def files_accepted(self) -> int:
        return sum(f.status == "accepted" for f in self.files)

    @property
    def files_rejected(self) -> int:
        return sum(f.status == "rejected" for f in self.files)

    @property
    def rows_loaded(self) -> int:
        return sum(f.rows_loaded for f in self.files)

    @property
    def rows_quarantined(self) -> int:
        return sum(f.rows_rejected for f in self.files)

    def to_dict(self) -> dict[str, object]:
        out = asdict(self)
        out.update(files_accepted=self.files_accepted, files_rejected=self.files_rejected,
                   rows_loaded=self.rows_loaded, rows_quarantined=self.rows_quarantined)
        return out
