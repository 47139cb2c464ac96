"""One nightly run of a generated sample with every source, shared by the test modules that
only read its marts (publications: scorecard, data quality, career, reports).

The first test process that asks builds it under a file lock; the other pytest-xdist workers
wait and reuse it, so the suite pays for one generation and one dbt build. Tests must treat the
warehouse as read-only (open it with ``read_only=True``) and write their own outputs elsewhere.
"""

from __future__ import annotations

import fcntl
import os
import pickle
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from flow_helpers import run_nightly

from terpilah.sample import SampleManifest, generate_sample

# Six month ends over a year boundary (2025-08-31 ... 2026-01-31): two years for the yearly
# indicators; seed 9 has literacy rows held back for their sex (the I.3 data-terpilah count),
# an ARG tag with an unknown code and one with a malformed code.
SAMPLE = {"scale": "small", "seed": 9, "months": 6, "end_date": date(2026, 1, 31),
          "layout": "mixed", "flaws": True, "training": True, "literacy": True, "budget": True}


def _session_root(factory: pytest.TempPathFactory) -> Path:
    base = factory.getbasetemp()
    # Under xdist every worker has <session dir>/popen-gwN; without it, the session dir itself.
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def shared_run(factory: pytest.TempPathFactory) -> SimpleNamespace:
    """``landing``, ``warehouse``, ``manifest`` and ``result`` (the flow's ``RunResult``) of
    the shared run."""
    root = _session_root(factory) / "shared_full_run"
    root.mkdir(parents=True, exist_ok=True)
    landing, warehouse, done = root / "landing", root / "wh.duckdb", root / "result.pickle"
    with (root / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not done.exists():
                generate_sample(landing, **SAMPLE)  # type: ignore[arg-type]
                result = run_nightly(landing, warehouse)
                done.write_bytes(pickle.dumps(result))
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return SimpleNamespace(landing=landing, warehouse=warehouse,
                           manifest=SampleManifest.load(landing),
                           result=pickle.loads(done.read_bytes()))
