"""Run dbt in-process against a warehouse, leaving no DuckDB handle open afterwards.

`run_dbt` is one dbt invocation; `DbtSession` parses the project once and reuses the manifest
for repeated invocations (one `dbt snapshot` per extract date). The warehouse picks the dbt
target (``duckdb`` or ``postgres``) and reaches the profile through environment variables (the
DuckDB path; the PostgreSQL host, port, user, database and password, the last one as a
``DBT_ENV_SECRET_`` variable that dbt keeps out of its logs). Not thread-safe for that reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

from warehouse.target import WarehouseTarget, as_target

DBT_PROJECT_DIR = Path(__file__).resolve().parent.parent / "dbt_project"
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
    args: Sequence[str], *, warehouse: WarehouseTarget | Path, target_dir: Path | None = None
) -> DbtRunResult:
    """Run one dbt command, e.g. `run_dbt(["build", "--select", "marts"], warehouse=path)`;
    ``warehouse`` is a DuckDB file path or a :mod:`warehouse.target` target."""
    from dbt.cli.main import dbtRunner

    return _invoke(dbtRunner(), args, as_target(warehouse), target_dir)


class DbtSession:
    """Parse once, invoke many times with the same manifest.

    with DbtSession(warehouse=p) as dbt:
        for day in dates:
            set_cursor(day)
            dbt.snapshot()
    """

    def __init__(
        self, *, warehouse: WarehouseTarget | Path, target_dir: Path | None = None
    ) -> None:
        self.warehouse = as_target(warehouse)
        self.target_dir = target_dir
        self._manifest: Any = None

    def __enter__(self) -> DbtSession:
        from dbt.cli.main import dbtRunner

        with _warehouse_env(self.warehouse):
            try:
                res = dbtRunner().invoke(
                    [*_GLOBAL_FLAGS, "parse", *_path_args(self.warehouse, self.target_dir)]
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
        return _invoke(runner, args, self.warehouse, self.target_dir)

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
    runner: Any, args: Sequence[str], warehouse: WarehouseTarget, target_dir: Path | None
) -> DbtRunResult:
    cli_args = [*_GLOBAL_FLAGS, *args, *_path_args(warehouse, target_dir)]
    with _warehouse_env(warehouse):
        try:
            res = runner.invoke(cli_args)
        finally:
            close_duckdb_connections()
    results = [_node_result(r) for r in getattr(res.result, "results", None) or []]
    error = None if res.exception is None else str(res.exception)
    return DbtRunResult(success=bool(res.success), results=results, error=error)


def target_dir_of(warehouse: WarehouseTarget) -> Path:
    """Where dbt writes its manifest, compiled SQL, docs and logs for this warehouse."""
    return warehouse.state_dir / "dbt_target"


def _path_args(warehouse: WarehouseTarget, target_dir: Path | None) -> list[str]:
    target = Path(target_dir) if target_dir else target_dir_of(warehouse)
    return [
        "--target", warehouse.kind,
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
def _warehouse_env(warehouse: WarehouseTarget) -> Iterator[None]:
    values = warehouse.dbt_env()
    previous = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
