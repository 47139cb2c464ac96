"""Which failures the flow's tasks retry: transient I/O and locks, not errors in code."""

from __future__ import annotations

import duckdb
import pytest
from prefect.states import Completed, Failed

from flows.nightly import (
    discover_task,
    extract_task,
    freshness_task,
    load_task,
    summary_task,
    transient,
)


@pytest.mark.parametrize("exc", [duckdb.IOException("Could not set lock on file"),
                                 OSError("Resource temporarily unavailable"),
                                 duckdb.TransactionException("conflict")])
def test_transient_failures_are_retried(exc: Exception) -> None:
    assert transient(None, None, Failed(data=exc)) is True


@pytest.mark.parametrize("exc", [ValueError("bug"), KeyError("nip"), TypeError("x")])
def test_errors_in_code_are_not_retried(exc: Exception) -> None:
    assert transient(None, None, Failed(data=exc)) is False


def test_completed_state_is_not_retried() -> None:
    assert transient(None, None, Completed(data=1)) is False


def test_io_tasks_carry_retries() -> None:
    for task in (discover_task, extract_task, load_task, freshness_task, summary_task):
        assert task.retries == 2 and task.retry_condition_fn is transient
