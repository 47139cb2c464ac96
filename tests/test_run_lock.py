"""One run at a time: a second run waits a bounded time, then stops with a clear message; a
crashed run leaves no stale lock."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from warehouse.lock import RunLocked, run_lock

HOLDER = """
import sys, time
from pathlib import Path
from warehouse.lock import run_lock
with run_lock(Path(sys.argv[1]), timeout=5):
    print("locked", flush=True)
    time.sleep(120)
"""


def _hold(warehouse: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(warehouse)],
                            stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[1])
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def test_second_run_waits_then_says_who_holds_the_lock(tmp_path: Path) -> None:
    warehouse = tmp_path / "wh.duckdb"
    holder = _hold(warehouse)
    try:
        start = time.monotonic()
        with pytest.raises(RunLocked) as caught, run_lock(warehouse, timeout=1.0, poll=0.1):
            pass
        assert time.monotonic() - start >= 1.0
        message = str(caught.value)
        assert f"pid {holder.pid}" in message and "waited 1 s" in message
    finally:
        holder.kill()
        holder.wait()


def test_a_crashed_run_leaves_no_stale_lock(tmp_path: Path) -> None:
    warehouse = tmp_path / "wh.duckdb"
    holder = _hold(warehouse)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    with run_lock(warehouse, timeout=2.0, poll=0.1):
        assert (tmp_path / "wh.duckdb.lock").exists()


def test_the_lock_is_reentrant_in_one_process(tmp_path: Path) -> None:
    warehouse = tmp_path / "wh.duckdb"
    with run_lock(warehouse, timeout=1), run_lock(warehouse, timeout=0):
        pass
    with run_lock(warehouse, timeout=0):  # released after the outer block
        pass
