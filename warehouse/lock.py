"""One run at a time per warehouse: an advisory lock on ``<warehouse>.lock``.

``flock`` locks belong to the open file: the operating system releases them when the holding
process ends, so a crashed run never leaves a stale lock behind. The lock is re-entrant inside
one process (a backfill runs the nightly flow once per date). On PostgreSQL the run also holds a
server-side advisory lock, so runs started on different machines against one database wait
for each other too; the server drops it when the holder's connection ends.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from warehouse.postgres import AdvisoryLock
from warehouse.target import PostgresTarget, WarehouseTarget, as_target

_held: dict[Path, tuple[int, int]] = {}  # lock path -> (fd, depth)


class RunLocked(RuntimeError):
    """Another run holds the warehouse; ``str()`` says who and since when."""


def _holder(path: Path) -> str:
    try:
        info = json.loads(path.read_text() or "{}")
    except (OSError, ValueError):
        return "another run"
    return f"another run (pid {info.get('pid', '?')}, started {info.get('started', '?')} UTC)"


@contextmanager
def run_lock(warehouse: WarehouseTarget | Path, timeout: float,
             poll: float = 0.5) -> Iterator[None]:
    """Hold the warehouse's run lock; wait at most ``timeout`` seconds for it."""
    target = as_target(warehouse)
    path = target.lock_path
    if path in _held:
        fd, depth = _held[path]
        _held[path] = (fd, depth + 1)
        try:
            yield
        finally:
            fd, depth = _held[path]
            _held[path] = (fd, depth - 1)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise RunLocked(
                        f"The warehouse {target.label} is in use by {_holder(path)}; waited "
                        f"{timeout:.0f} s. Run again when it has finished.") from None
                time.sleep(poll)
        server_lock = _server_lock(target, deadline, poll, timeout)
        stamp = {"pid": os.getpid(), "started": datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(stamp).encode(), 0)
        _held[path] = (fd, 1)
        try:
            yield
        finally:
            del _held[path]
            if server_lock is not None:
                server_lock.release()
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _server_lock(target: WarehouseTarget, deadline: float, poll: float,
                 timeout: float) -> AdvisoryLock | None:
    if not isinstance(target, PostgresTarget):
        return None
    lock = AdvisoryLock(target)
    if not lock.acquire(deadline, poll):
        raise RunLocked(f"The warehouse {target.label} is in use by a run on another machine "
                        f"(PostgreSQL advisory lock); waited {timeout:.0f} s. Run again when "
                        "it has finished.")
    return lock
