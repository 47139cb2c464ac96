"""The backfill flow: the nightly flow once per landing date in a range, oldest first.

Prefect has no built-in backfill: this flow calls the same dated flow as the schedule does
(``nightly(as_of=...)``), loading only, then builds the marts and replays the snapshot once.
Each finished date is recorded, so an interrupted backfill started again with the same range
resumes where it stopped and ends in the same state.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date

from prefect import flow

from flows.nightly import nightly, refresh_marts
from flows.progress import reporter
from flows.result import RunResult
from ingest.landing import discover
from ingest.sources import SOURCES
from terpilah.settings import load_settings
from warehouse import marts
from warehouse.lock import run_lock
from warehouse.store import (
    backfill_done,
    connect,
    forget_backfill,
    loaded_dates,
    record_backfill_date,
)


@dataclass
class BackfillResult:
    start: date
    end: date
    sources: list[str]
    dates: list[date] = field(default_factory=list)  # landing dates in the range
    resumed: list[date] = field(default_factory=list)  # done by an earlier, interrupted run
    runs: list[RunResult] = field(default_factory=list)
    dbt_failures: list[str] = field(default_factory=list)
    stale_sources: list[str] = field(default_factory=list)
    published: str | None = None
    headline: marts.Headline | None = None
    seconds: float = 0.0

    @property
    def status(self) -> str:
        if self.dbt_failures or any(r.status == "failed" for r in self.runs):
            return "failed"
        return "success"

    @property
    def files_rejected(self) -> int:
        return sum(r.files_rejected for r in self.runs)


def backfill_key(start: date, end: date, sources: list[str]) -> str:
    return f"{start}..{end}:{','.join(sorted(sources))}"


@flow(name="backfill", log_prints=False)
def backfill(start: date, end: date, sources: list[str] | None = None,
             landing: str | None = None, warehouse: str | None = None,
             restart: bool = False) -> BackfillResult:
    """Re-process every landing date from ``start`` to ``end`` as the nightly run would have."""
    clock = time.perf_counter()
    settings = load_settings(landing_dir=landing, warehouse=warehouse)
    chosen = sources or list(SOURCES)
    result = BackfillResult(start, end, chosen)
    key = backfill_key(start, end, chosen)
    with run_lock(settings.target, settings.lock_timeout_seconds):
        batches, _problems = discover(settings.landing, chosen, start=start, end=end)
        result.dates = sorted({b.data_date for b in batches})
        with connect(settings.target) as con:
            if restart:
                forget_backfill(con, key)
            done = backfill_done(con, key)
        result.resumed = [d for d in result.dates if d in done]
        progress = reporter()
        progress.step(f"Backfill {start} .. {end}", total=len(result.dates) + 1)
        for day in result.resumed:
            progress.advance(f"{day} (done before)")
        for day in [d for d in result.dates if d not in done]:
            # the same parameters as given (a URL's password stays out of the run records)
            run = nightly(as_of=day, landing=landing, warehouse=warehouse, sources=chosen,
                          build=False)
            result.runs.append(run)
            with connect(settings.target) as con:
                record_backfill_date(con, key, day, run.run_id, run.status)
            progress.advance(str(day))
        with connect(settings.target) as con:
            in_range = [d for d in loaded_dates(con, "simpeg") if start <= d <= end]
        refreshed = refresh_marts(settings, in_range)
        result.dbt_failures = refreshed.dbt_failures
        result.published = refreshed.published
        result.stale_sources = refreshed.stale_sources
        progress.advance("marts built")
        if not result.dbt_failures:  # the next backfill of this range starts afresh
            with connect(settings.target) as con:
                forget_backfill(con, key)
    result.headline = marts.headline(settings.target)
    result.seconds = time.perf_counter() - clock
    return result
