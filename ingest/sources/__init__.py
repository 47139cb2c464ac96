"""The source descriptions. A new source is a new module here plus its row rules."""

from __future__ import annotations

from ingest.sources.arg import ARG
from ingest.sources.budget import BUDGET
from ingest.sources.literacy import LITERACY
from ingest.sources.simpeg import SIMPEG
from ingest.sources.training import TRAINING
from ingest.spec import SourceSpec

# In processing order: training lists are matched against the employees already loaded, ARG
# tags against the budget lines.
SOURCES: dict[str, SourceSpec] = {s.name: s for s in (SIMPEG, TRAINING, LITERACY, BUDGET, ARG)}

__all__ = ["ARG", "BUDGET", "LITERACY", "SIMPEG", "SOURCES", "TRAINING"]
