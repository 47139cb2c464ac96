"""The landing folder contract: ``<landing>/<source>/<YYYY-MM-DD>/<file>.xlsx|.csv``."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ingest.extract import file_sha256

DATA_SUFFIXES = {".xlsx", ".xlsm", ".csv", ".txt", ".xls"}


@dataclass(frozen=True)
class LandingBatch:
    """All files of one source and data date: they are judged and loaded together."""

    source: str
    data_date: date
    files: tuple[Path, ...]

    def fingerprint(self) -> str:
        """Changes when any file of the date is added, removed or changed."""
        lines = sorted(f"{p.name}\t{file_sha256(p)}" for p in self.files)
        return hashlib.sha256("\n".join(lines).encode()).hexdigest()


@dataclass(frozen=True)
class LandingProblem:
    path: Path
    message: str


def _is_data_file(path: Path) -> bool:
    return (path.is_file() and path.suffix.lower() in DATA_SUFFIXES
            and not path.name.startswith(("~$", ".")))


def discover(landing: Path, sources: list[str], as_of: date | None = None,
             start: date | None = None, end: date | None = None,
             ) -> tuple[list[LandingBatch], list[LandingProblem]]:
    """Every (source, date) folder with data files, source by source in the order given and
    oldest first within a source, optionally one date or a range; folders that break the
    contract are reported, not skipped silently."""
    batches: list[LandingBatch] = []
    problems: list[LandingProblem] = []
    for source in sources:
        root = landing / source
        if not root.is_dir():
            continue
        for folder in sorted(root.iterdir()):
            if folder.name.startswith("."):
                continue
            if not folder.is_dir():
                problems.append(LandingProblem(folder, f"Files belong in a date folder: "
                                               f"{source}/YYYY-MM-DD/{folder.name}"))
                continue
            try:
                day = date.fromisoformat(folder.name)
            except ValueError:
                problems.append(LandingProblem(folder, f"Folder name '{folder.name}' is not a "
                                               "date (YYYY-MM-DD): its files were not read."))
                continue
            if (as_of and day != as_of) or (start and day < start) or (end and day > end):
                continue
            files = tuple(sorted(p for p in folder.iterdir() if _is_data_file(p)))
            if files:
                batches.append(LandingBatch(source, day, files))
    # Source by source in the given order (a source may refer to one before it, as training
    # lists refer to the employees), each oldest first.
    batches.sort(key=lambda b: (sources.index(b.source), b.data_date))
    return batches, problems
