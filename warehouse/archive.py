"""Keep every processed landing file, named by its checksum, so any row can be traced back."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path


def archive_file(path: Path, sha256: str, archive_dir: Path, source: str, data_date: date) -> Path:
    """Copy ``path`` to ``<archive>/<source>/<date>/<sha256[:16]>_<name>`` (once)."""
    target = archive_dir / source / data_date.isoformat() / f"{sha256[:16]}_{path.name}"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(target.suffix + ".part")
        shutil.copy2(path, tmp)
        tmp.replace(target)
    return target
