"""The source descriptions. A new source is a new module here plus its row rules."""

from __future__ import annotations

from ingest.sources.literacy import LITERACY
from ingest.sources.simpeg import SIMPEG
from ingest.sources.training import TRAINING
from ingest.spec import SourceSpec

# In processing order: training lists are matched against the employees already loaded.
SOURCES: dict[str, SourceSpec] = {SIMPEG.name: SIMPEG, TRAINING.name: TRAINING,
                                  LITERACY.name: LITERACY}

__all__ = ["LITERACY", "SIMPEG", "SOURCES", "TRAINING"]
