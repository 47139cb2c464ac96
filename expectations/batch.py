"""Decide a batch: every file is judged (file problems, then the GX suite); a batch is loaded
only when all its files are accepted."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from expectations.judge import Judge
from ingest.extract import FileExtract
from ingest.rules.collect import Severity
from ingest.sources import SOURCES


@dataclass
class BatchVerdict:
    accepted: bool
    reasons: dict[str, list[str]] = field(default_factory=dict)  # file -> why rejected


def cross_file_duplicates(files: list[FileExtract]) -> None:
    """A NIP in two files of one date: both rows are rejected, as within one file."""
    usable = [f for f in files if f.values is not None and f.rejected is not None]
    if len(usable) < 2 or not SOURCES[usable[0].source].key_unique_per_date:
        return
    key = SOURCES[usable[0].source].key_column
    keys = pd.concat([f.values[key][~f.rejected] for f in usable], keys=range(len(usable)))
    dup = keys[keys.notna() & keys.duplicated(keep=False)]
    for i, fx in enumerate(usable):
        if i not in dup.index.get_level_values(0):
            continue
        rows = dup.xs(i, level=0).index
        assert fx.values is not None and fx.rejected is not None
        extra = pd.DataFrame({
            "source_row": fx.values.loc[rows, "_source_row"].to_numpy(), "column": key,
            "value": "", "rule": "nip_duplicate_across_files", "severity": str(Severity.REJECT),
            "message": "This NIP is also in another file of the same date; both rows are held "
                       "back. Send each employee once per date."})
        fx.issues = pd.concat([fx.issues, extra], ignore_index=True)
        fx.rejected.loc[rows] = True


def decide(files: list[FileExtract], judge: Judge, run_name: str) -> BatchVerdict:
    cross_file_duplicates(files)
    verdict = BatchVerdict(accepted=True)
    for fx in files:
        if fx.problem is not None:
            verdict.reasons[fx.path.name] = [fx.problem.message]
            continue
        assert fx.values is not None and fx.rejected is not None
        result = judge.judge(SOURCES[fx.source], fx.values, fx.rejected, run_name)
        if not result.accepted:
            verdict.reasons[fx.path.name] = result.reasons
    verdict.accepted = not verdict.reasons
    return verdict
