"""The landing folder contract: ``<landing>/<source>/<YYYY-MM-DD>/<file>.xlsx|.csv``.

Nothing in the landing folder is skipped silently: whatever is not read (a file in the wrong
place, a type that cannot be read, an Excel lock file, a folder that is no source or no date,
a link to outside the landing folder) is a :class:`LandingProblem` saying what to do, listed
in the run summary. Source folders are matched whatever their case (``Training/``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ingest.extract import file_sha256
from ingest.landing_files import not_read
from ingest.routing import Routing, note_routing, route, sharing, source_for
from ingest.sources import SOURCES

# .xls is a data file here: its read rejects it with what to do, so the summary lists it
# among the rejected files.
DATA_SUFFIXES = {".xlsx", ".xlsm", ".csv", ".txt", ".xls"}

__all__ = ["DATA_SUFFIXES", "LandingBatch", "LandingProblem", "Routing", "discover",
           "note_routing", "route", "source_for"]

HIDDEN_FOLDER = "A hidden folder: its files were not read. Rename it without the leading dot."
# Words in a folder name that say which source folder was meant.
_FOLDER_HINTS = (("pelatihan", "training"), ("diklat", "training"), ("hadir", "training"),
                 ("bimtek", "training"), ("literasi", "literacy"), ("digital", "literacy"),
                 ("anggaran", "budget"), ("apbd", "budget"), ("dpa", "budget"),
                 ("rka", "budget"), ("arg", "budget"), ("gbs", "budget"),
                 ("pegawai", "simpeg"), ("asn", "simpeg"), ("siasn", "simpeg"))


@dataclass(frozen=True)
class LandingBatch:
    """All files of one source and data date: they are judged and loaded together.
    ``routes`` says, file by file, why it belongs to this source (see ``ingest.routing``)."""

    source: str
    data_date: date
    files: tuple[Path, ...]
    routes: tuple[Routing, ...] = ()

    def fingerprint(self) -> str:
        """Changes when any file of the date is added, removed or changed."""
        lines = sorted(f"{p.name}\t{file_sha256(p)}" for p in self.files)
        return hashlib.sha256("\n".join(lines).encode()).hexdigest()

    def routing(self, path: Path) -> Routing:
        """How ``path`` came to this batch (for ``note_routing`` after its extract)."""
        for file, routing in zip(self.files, self.routes, strict=False):
            if file == path:
                return routing
        return Routing(self.source, f"landing folder {SOURCES[self.source].landing_folder}/")


@dataclass(frozen=True)
class LandingProblem:
    path: Path
    message: str


def _folder_names() -> list[str]:
    return list(dict.fromkeys(s.landing_folder for s in SOURCES.values()))


def _key(name: str) -> str:
    return name.strip().casefold()


def _outside(path: Path, root: Path) -> str | None:
    """Why a link cannot be followed (its target outside the landing folder, or none)."""
    if not path.is_symlink():
        return None
    if not path.exists():
        return "A broken link (its target is gone): not read. Copy the file itself here."
    target = path.resolve()
    if not target.is_relative_to(root):
        return ("A link to a place outside the landing folder: not read. Copy the file or "
                "folder itself into the landing folder.")
    return None


def _unknown_folder(name: str) -> str:
    names = _folder_names()
    known = ", ".join(names)
    try:
        date.fromisoformat(name.strip())
        return (f"Folder '{name}' is a date folder outside a source folder: its files were "
                f"not read. Move it into its source folder ({known}), e.g. "
                f"{names[0]}/{name.strip()}/.")
    except ValueError:
        pass
    words = re.findall("[a-z]+", _key(name))
    hint = next((f" ({source}/ perhaps?)" for word, source in _FOLDER_HINTS
                 if any(w.startswith(word) for w in words)), "")
    return (f"Folder '{name}' is not a source: its files were not read. Use one of "
            f"{known}{hint}.")


def _root_entries(landing: Path, root: Path, problems: list[LandingProblem],
                  ) -> dict[str, list[Path]]:
    """The source folders of the landing folder, by the folder name they stand for (any
    case); everything else in the landing folder is reported."""
    folders: dict[str, list[Path]] = {}
    names = {_key(n): n for n in _folder_names()}
    for entry in sorted(landing.iterdir()):
        if why := _outside(entry, root):
            problems.append(LandingProblem(entry, why))
        elif entry.is_dir() and _key(entry.name) in names:
            folders.setdefault(names[_key(entry.name)], []).append(entry)
        elif entry.is_dir() and entry.name.startswith("."):
            problems.append(LandingProblem(entry, HIDDEN_FOLDER))
        elif entry.is_dir():
            problems.append(LandingProblem(entry, _unknown_folder(entry.name)))
        else:
            problem = not_read(entry, DATA_SUFFIXES)
            if problem is None or problem.about_type:
                where = (f"Files belong in a source folder and a date folder: "
                         f"<source>/YYYY-MM-DD/{entry.name}, <source> one of "
                         f"{', '.join(_folder_names())}.")
                problems.append(LandingProblem(entry, where + (
                    f" Besides, {problem.message[0].lower()}{problem.message[1:]}"
                    if problem else "")))
            else:
                problems.append(LandingProblem(entry, problem.message))
    for name, dirs in folders.items():
        if len(dirs) > 1:
            spelled = ", ".join(f"'{d.name}'" for d in dirs)
            problems.append(LandingProblem(dirs[0], f"Folders {spelled} all stand for {name}: "
                                           f"all are read. Move their files into {name}/."))
    return folders


def _date_folders(source_dirs: list[Path], folder_name: str, root: Path,
                  problems: list[LandingProblem]) -> dict[date, list[Path]]:
    """The date folders of one source folder (of each spelling of it), by date."""
    days: dict[date, list[Path]] = {}
    for source_dir in source_dirs:
        for entry in sorted(source_dir.iterdir()):
            if why := _outside(entry, root):
                problems.append(LandingProblem(entry, why))
                continue
            if not entry.is_dir():
                problem = not_read(entry, DATA_SUFFIXES)
                if problem is None or problem.about_type:
                    problems.append(LandingProblem(entry, "Files belong in a date folder: "
                                                   f"{folder_name}/YYYY-MM-DD/{entry.name}"))
                else:
                    problems.append(LandingProblem(entry, problem.message))
                continue
            if entry.name.startswith("."):
                problems.append(LandingProblem(entry, HIDDEN_FOLDER))
                continue
            try:
                day = date.fromisoformat(entry.name.strip())
            except ValueError:
                problems.append(LandingProblem(entry, f"Folder name '{entry.name}' is not a "
                                               "date (YYYY-MM-DD): its files were not read."))
                continue
            days.setdefault(day, []).append(entry)
    return days


def _data_files(folder: Path, folder_name: str, root: Path,
                problems: list[LandingProblem]) -> list[Path]:
    files = []
    for entry in sorted(folder.iterdir()):
        if why := _outside(entry, root):
            problems.append(LandingProblem(entry, why))
        elif entry.is_dir():
            problems.append(LandingProblem(entry, "A folder inside a date folder is not read: "
                                           f"put its files directly in {folder_name}/"
                                           f"{folder.name}/."))
        elif (problem := not_read(entry, DATA_SUFFIXES)) is not None:
            problems.append(LandingProblem(entry, problem.message))
        else:
            files.append(entry)
    return files


def discover(landing: Path, sources: list[str], as_of: date | None = None,
             start: date | None = None, end: date | None = None,
             ) -> tuple[list[LandingBatch], list[LandingProblem]]:
    """Every (source, date) folder with data files, source by source in the order given and
    oldest first within a source, optionally one date or a range; whatever is not read is
    reported (see the module doc). Where sources share a folder (budget exports and ARG
    lists), each file goes to the source its header fits best (``ingest.routing``)."""
    batches: list[LandingBatch] = []
    problems: list[LandingProblem] = []
    if not landing.is_dir():
        return batches, problems
    root = landing.resolve()
    wanted: dict[str, list[str]] = {}
    for source in sources:
        wanted.setdefault(SOURCES[source].landing_folder, []).append(source)
    for folder_name, dirs in _root_entries(landing, root, problems).items():
        if folder_name not in wanted:
            continue
        shared = len(sharing(folder_name)) > 1
        for day, folders in sorted(_date_folders(dirs, folder_name, root, problems).items()):
            if (as_of and day != as_of) or (start and day < start) or (end and day > end):
                continue
            routed: list[tuple[Path, Routing]] = []
            for folder in folders:
                how = f"landing folder {folder.parent.name}/"
                for path in _data_files(folder, folder_name, root, problems):
                    routing = (route(path, folder_name, how) if shared
                               else Routing(wanted[folder_name][0], how))
                    routed.append((path, routing))
            routed.sort(key=lambda pr: (pr[0].name, str(pr[0])))
            for source in wanted[folder_name]:
                mine = [(p, r) for p, r in routed if r.source == source]
                if mine:
                    batches.append(LandingBatch(source, day, tuple(p for p, _ in mine),
                                                tuple(r for _, r in mine)))
    # Source by source in the given order (a source may refer to one before it, as training
    # lists refer to the employees), each oldest first.
    batches.sort(key=lambda b: (sources.index(b.source), b.data_date))
    return batches, problems
