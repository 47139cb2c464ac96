"""Backfills and late dates: the same marts and the same date-ordered history as a nightly run,
and an interrupted backfill resumes where it stopped."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
from flow_helpers import mart, query, run_nightly

import flows.backfill as backfill_module
from flows.backfill import backfill
from flows.result import RunResult
from terpilah.sample import SampleManifest, generate_sample

pytestmark = pytest.mark.slow


def history(warehouse: Path) -> pd.DataFrame:
    frame = query(warehouse, "select employee_key, pd_name, golongan, eselon, dbt_valid_from, "
                             "dbt_valid_to from snapshots.employees_snapshot")
    return frame.sort_values(["employee_key", "dbt_valid_from"]).reset_index(drop=True)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    root = tmp_path_factory.mktemp("backfill")
    landing = root / "landing"
    generate_sample(landing, scale="small", seed=4, months=3, flaws=False)
    warehouse = root / "nightly.duckdb"
    assert run_nightly(landing, warehouse).status == "success"
    dates = [date.fromisoformat(d) for d in SampleManifest.load(landing).dates]
    return SimpleNamespace(root=root, landing=landing, dates=dates, mart=mart(warehouse),
                           history=history(warehouse), warehouse=warehouse)


def test_backfill_over_loaded_dates_gives_the_same_marts_and_history(
        reference: SimpleNamespace) -> None:
    result = backfill(reference.dates[0], reference.dates[-1], landing=str(reference.landing),
                      warehouse=str(reference.warehouse))
    assert result.status == "success" and result.dates == reference.dates
    assert [r.status for r in result.runs] == ["success"] * 3
    pd.testing.assert_frame_equal(mart(reference.warehouse), reference.mart)
    pd.testing.assert_frame_equal(history(reference.warehouse), reference.history)


def test_dates_arriving_late_keep_history_in_date_order(reference: SimpleNamespace) -> None:
    warehouse = reference.root / "late.duckdb"
    d1, d2, d3 = reference.dates
    # The third month is loaded first; the next night finds the first two months, both older
    # than the history already built.
    assert run_nightly(reference.landing, warehouse, as_of=d3).status == "success"
    late = run_nightly(reference.landing, warehouse)
    assert late.status == "success"
    assert sorted({f.data_date for f in late.files}) == [d1, d2]
    pd.testing.assert_frame_equal(mart(warehouse), reference.mart)
    pd.testing.assert_frame_equal(history(warehouse), reference.history)


def test_interrupted_backfill_resumes_and_ends_in_the_same_state(
        reference: SimpleNamespace, monkeypatch: pytest.MonkeyPatch) -> None:
    warehouse = reference.root / "resumed.duckdb"
    real = backfill_module.nightly
    calls: list[date] = []

    def crash_on_second_date(**kwargs: object) -> RunResult:
        calls.append(kwargs["as_of"])  # type: ignore[arg-type]
        if len(calls) == 2:
            raise KeyboardInterrupt("operator pressed Ctrl-C")
        return real(**kwargs)

    monkeypatch.setattr(backfill_module, "nightly", crash_on_second_date)
    first, last = reference.dates[0], reference.dates[-1]
    with pytest.raises(KeyboardInterrupt):
        backfill(first, last, landing=str(reference.landing), warehouse=str(warehouse))
    done = query(warehouse, "select data_date from audit.backfill_dates")
    assert [d.date() for d in pd.to_datetime(done["data_date"])] == [first]
    monkeypatch.setattr(backfill_module, "nightly", real)

    resumed = backfill(first, last, landing=str(reference.landing), warehouse=str(warehouse))
    assert resumed.resumed == [first]
    assert [r.files[0].data_date for r in resumed.runs] == reference.dates[1:]
    pd.testing.assert_frame_equal(mart(warehouse), reference.mart)
    pd.testing.assert_frame_equal(history(warehouse), reference.history)
    assert query(warehouse, "select count(*) n from audit.backfill_dates")["n"][0] == 0
