"""Run dbt in-process against a warehouse file, leaving no DuckDB handle open afterwards.

`run_dbt` is one dbt invocation; `DbtSession` parses the project once and reuses the manifest
for repeated invocations (one `dbt snapshot` per extract date). Not thread-safe: the warehouse
path reaches the profile through the TERPILAH_DUCKDB_PATH environment variable.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

DBT_PROJECT_DIR = Path(__file__).resolve().parent.parent / "dbt_project"
WAREHOUSE_PATH_ENV = "TERPILAH_DUCKDB_PATH"
_FAILED_STATUSES = frozenset({"error", "fail", "runtime error"})
# Console: errors only; the file log under <target_dir>/logs keeps dbt's full debug log.
_GLOBAL_FLAGS = ("--quiet", "--no-use-colors", "--no-send-anonymous-usage-stats")


class NodeResult(NamedTuple):
    unique_id: str
    status: str
    message: str | None
    execution_time: float


@dataclass(frozen=True)
class DbtRunResult:
    success: bool
    results: list[NodeResult] = field(default_factory=list)
    error: str | None = None  # set when dbt itself failed (parse/compile error, bad args)

    @property
    def failures(self) -> list[NodeResult]:
        return [r for r in self.results if r.status in _FAILED_STATUSES]


class DbtError(RuntimeError):
    """dbt could not even parse the project."""


def run_dbt(
    args: Sequence[str], *, warehouse_path: Path, target_dir: Path | None = None
) -> DbtRunResult:
    """Run one dbt command, e.g. `run_dbt(["build", "--select", "marts"], warehouse_path=p)`."""
    from dbt.cli.main import dbtRunner

    return _invoke(dbtRunner(), args, Path(warehouse_path), target_dir)


class DbtSession:
    """Parse once, invoke many times with the same manifest.

    with DbtSession(warehouse_path=p) as dbt:
        for day in dates:
            set_cursor(day)
            dbt.snapshot()
    """

    def __init__(self, *, warehouse_path: Path, target_dir: Path | None = None) -> None:
        self.warehouse_path = Path(warehouse_path)
        self.target_dir = target_dir
        self._manifest: Any = None

    def __enter__(self) -> DbtSession:
        from dbt.cli.main import dbtRunner

        with _warehouse_env(self.warehouse_path):
            try:
                res = dbtRunner().invoke(
                    [*_GLOBAL_FLAGS, "parse", *_path_args(self.warehouse_path, self.target_dir)]
                )
            finally:
                close_duckdb_connections()
        if not res.success or res.result is None:
            raise DbtError(f"dbt parse failed: {res.exception}")
        self._manifest = res.result
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._manifest = None
        close_duckdb_connections()

    def invoke(self, args: Sequence[str]) -> DbtRunResult:
        if self._manifest is None:
            raise DbtError("DbtSession used outside its `with` block")
        from dbt.cli.main import dbtRunner

        runner = dbtRunner(manifest=self._manifest)
        return _invoke(runner, args, self.warehouse_path, self.target_dir)

    def snapshot(self, *extra_args: str) -> DbtRunResult:
        return self.invoke(["snapshot", *extra_args])


def close_duckdb_connections() -> None:
    """Close the DuckDB database dbt-duckdb keeps open at class level between invocations."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    with DuckDBConnectionManager._LOCK:
        env = DuckDBConnectionManager._ENV
        DuckDBConnectionManager._ENV = None
        if env is not None:
            env.close()


def _invoke(
    runner: Any, args: Sequence[str], warehouse_path: Path, target_dir: Path | None
) -> DbtRunResult:
    cli_args = [*_GLOBAL_FLAGS, *args, *_path_args(warehouse_path, target_dir)]
    with _warehouse_env(warehouse_path):
        try:
            res = runner.invoke(cli_args)
        finally:
            close_duckdb_connections()
    results = [_node_result(r) for r in getattr(res.result, "results", None) or []]
    error = None if res.exception is None else str(res.exception)
    return DbtRunResult(success=bool(res.success), results=results, error=error)


def _path_args(warehouse_path: Path, target_dir: Path | None) -> list[str]:
    target = Path(target_dir) if target_dir else warehouse_path.resolve().parent / "dbt_target"
    return [
        "--project-dir", str(DBT_PROJECT_DIR),
        "--profiles-dir", str(DBT_PROJECT_DIR),
        "--target-path", str(target),
        "--log-path", str(target / "logs"),
    ]  # fmt: skip


def _node_result(result: Any) -> NodeResult:
    node = getattr(result, "node", None)
    status = getattr(result.status, "value", result.status)
    message = result.message
    age = getattr(result, "age", None)  # source freshness: seconds since the last load
    if message is None and age is not None:
        message = f"last loaded {age / 86400:.0f} days ago"
    return NodeResult(
        unique_id=str(getattr(node, "unique_id", "")),
        status=str(status),
        message=message,
        execution_time=float(result.execution_time or 0.0),
    )


@contextmanager
def _warehouse_env(warehouse_path: Path) -> Iterator[None]:
    previous = os.environ.get(WAREHOUSE_PATH_ENV)
    os.environ[WAREHOUSE_PATH_ENV] = str(warehouse_path.resolve())
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(WAREHOUSE_PATH_ENV, None)
        else:
            os.environ[WAREHOUSE_PATH_ENV] = previous
