"""Build the marts with dbt: replay the employee snapshot in date order, then ``dbt build``."""

from __future__ import annotations

from datetime import date

from terpilah.settings import Settings
from warehouse.dbt import DbtRunResult, DbtSession, run_dbt
from warehouse.store import connect, loaded_dates, set_snapshot_cursor, write_pseudonym_key

SNAPSHOT = "snapshots.employees_snapshot"


def _snapshot_dates(settings: Settings, loaded: list[date]) -> list[date]:
    """Dates to feed the snapshot. Dates after the last snapshotted one are appended; a date at
    or before it (a late or corrected file) replays the whole history in order."""
    with connect(settings.target) as con:
        write_pseudonym_key(con, settings.key_bytes())
        all_dates = loaded_dates(con, "simpeg")
        exists = con.fetchone(
            "select count(*) from information_schema.tables "
            "where table_schema = 'snapshots' and table_name = 'employees_snapshot'")
        last = None
        if exists and exists[0]:
            row = con.fetchone(f"select max(dbt_valid_from) from {SNAPSHOT}")
            last = row[0].date() if row and row[0] is not None else None
        if last is None or any(d <= last for d in loaded):
            con.execute(f"drop table if exists {SNAPSHOT}")
            return all_dates
    return sorted(d for d in loaded if d > last)


def describe_failures(result: DbtRunResult) -> list[str]:
    """One line per failed node (dbt test messages carry counts, never row values)."""
    lines = [f"{f.unique_id}: {f.status} {f.message or ''}".strip() for f in result.failures]
    if result.error:
        lines.append(f"dbt: {result.error}")
    return lines


def stale_sources(settings: Settings) -> list[str]:
    """``dbt source freshness`` on the loaded sources: one line per source past its
    ``warn_after`` (SIMPEG: 40 days without a new extract), empty when all are fresh."""
    with connect(settings.target) as con:
        row = con.fetchone("select count(*) from raw.simpeg_employees")
    if not row or not row[0]:
        return []
    result = run_dbt(["source", "freshness"], warehouse=settings.target)
    return [f"{r.unique_id.removeprefix('source.terpilah.')}: {r.status}, {r.message}"
            for r in result.results if r.status != "pass"] + (
        [f"dbt: {result.error}"] if result.error else [])


AFTER_SNAPSHOT = "tag:after_snapshot"  # models that read the employee history


def build_marts(settings: Settings, loaded: list[date]) -> list[str]:
    """Returns the failures (empty when every model, snapshot and test passed). ``loaded``:
    the SIMPEG dates this run loaded. Models and tests first (the snapshot reads the
    intermediate models), then the snapshot replay, then the models that read the history."""
    dates = _snapshot_dates(settings, loaded)
    build = run_dbt(["build", "--exclude", "resource_type:snapshot", AFTER_SNAPSHOT],
                    warehouse=settings.target)
    failures = describe_failures(build)
    if not build.success:
        return failures
    with DbtSession(warehouse=settings.target) as session:
        for day in dates:
            with connect(settings.target) as con:
                set_snapshot_cursor(con, day)
            outcome = session.invoke(["snapshot"])
            failures += describe_failures(outcome)
            if not outcome.success:
                return failures
        if _has_history(settings):
            after = session.invoke(["build", "--select", AFTER_SNAPSHOT,
                                    "--exclude", "resource_type:snapshot"])
            failures += describe_failures(after)
    return failures


def _has_history(settings: Settings) -> bool:
    with connect(settings.target) as con:
        row = con.fetchone("select count(*) from information_schema.tables where "
                           "table_schema = 'snapshots' and table_name = 'employees_snapshot'")
    return bool(row and row[0])
