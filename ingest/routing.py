"""Which source a file belongs to, and why: the decision and its evidence, kept for the sender.

Most sources have a landing folder of their own: the folder decides. Budget exports (RKA/DPA)
and ARG tagging lists share ``budget/``; a file there goes to the source whose header it fits,
with this precedence:

1. a source whose required columns are all in the header wins over one whose are not;
2. then the better fit of the whole header (``ingest.read.header_fit``);
3. on equal fits, a *guest* of the folder (a source whose description names another's folder:
   ``arg`` in ``budget/``) wins over the folder's own source. A guest is told by its own
   required columns (KATEGORI ARG), which the folder's own files never carry, while the
   folder's own columns also occur in guest files (an ARG list with the sub kegiatan's PAGU);
4. a header that fits no source at all (none found, an unreadable file) goes to the folder's
   own source, whose read then reports the problem.

A decision is *close* when the runner-up also has all its required columns and fits about as
well (a header cell or less apart): the file is read, and the sender gets a warning saying how it
was read and how to make the header say what it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ingest.extract import FileExtract
from ingest.read import header_fit
from ingest.rules.collect import Severity
from ingest.sources import SOURCES
from ingest.spec import normalise_header

# How a source is named to a sender; the source's name where none is given here.
LABELS = {"simpeg": "a SIMPEG/SIASN employee export", "training": "an attendance list",
          "literacy": "a digital-literacy participant list",
          "budget": "a budget export (RKA/DPA)", "arg": "an ARG tagging list"}
CLOSE_COLUMNS = 1  # fits at most this many header cells apart are a close call
CLOSE_SHARE = 0.1  # ... or, for fits scored as a share, this far apart


@dataclass(frozen=True)
class Routing:
    """The source of one file, the evidence shown to the sender (``Reading.source_evidence``)
    and whether the decision was close (then ``runner_up`` fitted almost as well)."""

    source: str
    evidence: str
    close: bool = False
    runner_up: str | None = None


def sharing(folder: str) -> list[str]:
    """The sources whose files arrive in landing folder ``folder``, the folder's own first."""
    names = [n for n, s in SOURCES.items() if s.landing_folder == folder]
    return sorted(names, key=lambda n: n != folder)


def label(source: str) -> str:
    return LABELS.get(source, f"a {source} file")


def route(path: Path, name: str, how: str | None = None) -> Routing:
    """The source of ``path`` given as ``name``: a source, or a landing folder. A source that
    has its folder to itself, or a guest source asked for by name (``--source arg``), is
    taken as given; the own source of a shared folder (``budget``), or the folder, is decided
    by the header. ``how`` says where ``name`` came from ("landing folder Budget/",
    "--source budget"), for the evidence."""
    how = how or f"source {name}"
    folder = SOURCES[name].landing_folder if name in SOURCES else name
    candidates = sharing(folder)
    if not candidates:
        raise KeyError(name)
    if len(candidates) == 1 or (name in SOURCES and name != folder):
        return Routing(name if name in SOURCES else candidates[0], how)
    return _by_header(path, candidates, how)


def source_for(path: Path, source: str) -> str:
    """The source of ``path`` when it is given as ``source`` (see :func:`route`)."""
    return route(path, source).source


def note_routing(fx: FileExtract, routing: Routing) -> None:
    """Put the routing on the file's record: its evidence into ``Reading.source_evidence``
    and, for a close call, a file-level warning the sender sees (summary and validate)."""
    if fx.reading is not None:
        fx.reading.source_evidence = routing.evidence
    if not routing.close or routing.runner_up is None:
        return
    other = routing.runner_up
    # what told the winner: its required columns the runner-up has no header for
    known = set(SOURCES[other].header_index())
    decisive = [c.headers[0] for c in SOURCES[routing.source].required
                if not any(normalise_header(h) in known for h in c.headers)]
    shown = ", ".join(f"'{h}'" for h in decisive)
    message = (f"The header fits {label(routing.source)} and {label(other)} almost equally: "
               f"the file is read as {label(routing.source)}"
               + (f", for its column {shown}. If it is {label(other)}, it has no such column: "
                  "remove it and send the file again." if decisive else
                  f". If it is {label(other)}, head its columns as that template does and "
                  "send it again."))
    note = pd.DataFrame({"source_row": pd.Series([None], dtype="Int64"), "column": [""],
                         "value": [""], "rule": ["source_close_call"],
                         "severity": [str(Severity.WARNING)], "message": [message]})
    fx.issues = note if fx.issues.empty else pd.concat([note, fx.issues], ignore_index=True)


# --- deciding by the header ---------------------------------------------------------------

def _parts(fit: Any) -> tuple[bool, float]:
    """(all required columns present, score) of a ``header_fit`` result: a tuple
    ``(complete, score, ...)``, an object with ``complete``/``score``, or a bare score."""
    if isinstance(fit, tuple) and fit and isinstance(fit[0], bool):
        score = fit[1] if len(fit) > 1 and isinstance(fit[1], int | float) else 0
        return fit[0], float(score)
    if hasattr(fit, "complete") and hasattr(fit, "score"):
        return bool(fit.complete), float(fit.score)
    return bool(fit), float(fit) if isinstance(fit, int | float) else 0.0


def _fit_text(fit: Any) -> str:
    if isinstance(fit, tuple) and len(fit) == 2 and isinstance(fit[0], bool):
        complete, score = fit
        what = "all required columns" if complete else "required columns missing"
        return f"{what}, {score} header cell{'s' if score != 1 else ''} understood"
    return str(fit)


def _close(best: Any, runner: Any) -> bool:
    (best_ok, best_score), (runner_ok, runner_score) = _parts(best), _parts(runner)
    if not (best_ok and runner_ok):
        return False
    integral = float(best_score).is_integer() and float(runner_score).is_integer()
    margin = CLOSE_COLUMNS if integral and best_score > 1 else CLOSE_SHARE * best_score
    return best_score - runner_score <= margin


def _by_header(path: Path, candidates: list[str], how: str) -> Routing:
    folder = candidates[0]
    fits = {name: header_fit(path, SOURCES[name]) for name in candidates}
    if not any(_parts(f)[1] for f in fits.values()):
        return Routing(folder, f"{how}; no header of {', '.join(candidates)} found: read as "
                               f"{folder}, the folder's own source")
    # precedence: the fit (required columns first), then a complete guest over the
    # folder's own source; an incomplete tie stays with the folder's own (its read says why)
    ranked = sorted(candidates, key=lambda n: (fits[n], _parts(fits[n])[0] and n != folder),
                    reverse=True)
    best, runner = ranked[0], ranked[1]
    tie = fits[best] == fits[runner] and best != folder
    evidence = (f"{how}; header fits {best} best ({_fit_text(fits[best])}; {runner}: "
                f"{_fit_text(fits[runner])})"
                + (f"; a tie, so {best} wins: its own required columns are in the header"
                   if tie else ""))
    close = _close(fits[best], fits[runner])
    return Routing(best, evidence, close, runner if close else None)
