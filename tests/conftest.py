"""Shared test setup: Prefect and GX run offline with a per-process home; helpers for runs."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

_HOME = Path(tempfile.mkdtemp(prefix="terpilah-test-"))
os.environ["TERPILAH_HOME"] = str(_HOME / "var")
os.environ.setdefault("PREFECT_HOME", str(_HOME / "prefect"))
os.environ["TERPILAH_PSEUDONYM_KEY"] = "test-key-not-secret"

from flows.runtime import DEFAULTS  # noqa: E402  (the environment must be set first)

for _key, _value in DEFAULTS.items():
    os.environ.setdefault(_key, _value)

TEST_KEY = b"test-key-not-secret"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh TERPILAH_HOME (landing, warehouse, archive, GX) for one test."""
    root = tmp_path / "var"
    monkeypatch.setenv("TERPILAH_HOME", str(root))
    return root


# The slowest modules first (each runs whole nightly flows): pytest-xdist hands out whole files
# in collection order (--dist loadfile), so starting the long ones early keeps both workers
# busy to the end instead of leaving one module running alone. The first one also builds the
# shared run (shared_run.py) that the later end-to-end modules read.
SLOW_FIRST = ("test_simpeg_quality.py", "test_postgres.py", "test_backfill.py",
              "test_training_flow.py", "test_e2e.py", "test_forms_e2e.py", "test_career.py",
              "test_budget_flow.py",
              "test_literacy_flow.py", "test_dbt_training.py", "test_report.py",
              "test_dbt_budget.py", "test_dbt_models.py", "test_serve.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: i for i, name in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable within a file
