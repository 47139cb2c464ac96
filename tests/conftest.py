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
