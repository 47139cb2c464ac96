"""The landing folder contract: ``<landing>/<source>/<YYYY-MM-DD>/<file>.xlsx|.csv``."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ingest.extract import file_sha256
from ingest.read import header_fit
from ingest.sources import SOURCES

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
    contract are reported, not skipped silently. Where sources share a folder (budget
    exports and ARG lists), each file goes to the source its header fits best."""
    batches: list[LandingBatch] = []
    problems: list[LandingProblem] = []
    folders: dict[str, list[str]] = {}
    for source in sources:
        folders.setdefault(SOURCES[source].landing_folder, []).append(source)
    for folder_name, wanted in folders.items():
        root = landing / folder_name
        if not root.is_dir():
            continue
        sharing = [n for n, s in SOURCES.items() if s.landing_folder == folder_name]
        for folder in sorted(root.iterdir()):
            if folder.name.startswith("."):
                continue
            if not folder.is_dir():
                problems.append(LandingProblem(folder, f"Files belong in a date folder: "
                                               f"{folder_name}/YYYY-MM-DD/{folder.name}"))
                continue
            try:
                day = date.fromisoformat(folder.name)
            except ValueError:
                problems.append(LandingProblem(folder, f"Folder name '{folder.name}' is not a "
                                               "date (YYYY-MM-DD): its files were not read."))
                continue
            if (as_of and day != as_of) or (start and day < start) or (end and day > end):
                continue
            files = sorted(p for p in folder.iterdir() if _is_data_file(p))
            for source in wanted:
                mine = tuple(p for p in files if _source_of(p, sharing) == source)
                if mine:
                    batches.append(LandingBatch(source, day, mine))
    # Source by source in the given order (a source may refer to one before it, as training
    # lists refer to the employees), each oldest first.
    batches.sort(key=lambda b: (sources.index(b.source), b.data_date))
    return batches, problems


def source_for(path: Path, source: str) -> str:
    """The source of ``path`` when it is given as ``source``: itself, unless ``source`` shares
    its landing folder with others (``budget``: RKA/DPA exports and ARG lists)."""
    folder = SOURCES[source].landing_folder
    sharing = [n for n, s in SOURCES.items() if s.landing_folder == folder]
    return _source_of(path, sharing) if source == folder else source


def _source_of(path: Path, sharing: list[str]) -> str:
    """The source among those sharing a folder whose header ``path`` fits best: all required
    columns present first, then the most columns named; a tie (or an unreadable file, which
    its read reports) goes to the first source of the folder."""
    if len(sharing) == 1:
        return sharing[0]
    fits = [(header_fit(path, SOURCES[name]), -i, name) for i, name in enumerate(sharing)]
    return max(fits)[2]
