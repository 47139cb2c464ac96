"""The source descriptions. A new source is a new module here plus its row rules."""

from __future__ import annotations

from ingest.sources.simpeg import SIMPEG
from ingest.spec import SourceSpec

SOURCES: dict[str, SourceSpec] = {SIMPEG.name: SIMPEG}

__all__ = ["SIMPEG", "SOURCES"]
