"""The nightly flow: discover -> extract -> validate -> load per batch, then dbt, then summary."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pandas as pd
import psycopg2
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from expectations.batch import decide
from expectations.judge import Judge
from flows.progress import reporter
from flows.result import FileOutcome, RunResult
from ingest.extract import FileExtract, extract_file
from ingest.landing import LandingBatch, LandingProblem, discover
from ingest.privacy import mask_personal
from ingest.routing import Routing, note_routing
from ingest.sources import SOURCES
from ingest.understood import reading_record, summary_line
from terpilah.settings import Settings, load_settings
from warehouse import marts
from warehouse.archive import archive_file
from warehouse.build import build_marts, stale_sources
from warehouse.lock import run_lock
from warehouse.match import match_participants
from warehouse.match_arg import match_tags
from warehouse.notify import post_webhook
from warehouse.postgres import grant_bi_reader
from warehouse.publish import publish
from warehouse.store import BatchLoad, connect, last_fingerprints, record_batch, record_run
from warehouse.target import PostgresTarget


def transient(_task: object, _run: object, state: object) -> bool:
    """Retry only what may pass on its own: I/O and a warehouse lock held by another writer;
    never a programming error (a user's bad file is a result, not an exception)."""
    try:
        state.result()  # type: ignore[attr-defined]
    except (OSError, duckdb.IOException, duckdb.TransactionException, psycopg2.OperationalError):
        return True
    except Exception:
        return False
    return False


TASK = {"cache_policy": NO_CACHE, "retries": 2, "retry_delay_seconds": 2,
        "retry_condition_fn": transient}


@task(name="discover", **TASK)
def discover_task(settings: Settings, sources: list[str], as_of: date | None,
                  force: bool) -> tuple[list[LandingBatch], list[str], int]:
    batches, problems = discover(settings.landing, sources, as_of=as_of)
    if as_of is None and not force:
        with connect(settings.target) as con:
            seen = last_fingerprints(con)
        new = [b for b in batches if seen.get((b.source, b.data_date)) != b.fingerprint()]
    else:
        new = batches
    return new, [landing_problem(settings.landing, p) for p in problems], len(batches) - len(new)


def landing_problem(landing: Path, problem: LandingProblem) -> str:
    """``<path in the landing folder>: <what is wrong and what to do>``, masked by value (a
    file name may carry a name or a NIP)."""
    return mask_personal(f"{_in_landing(landing, problem.path)}: {problem.message}")


def _in_landing(landing: Path, path: Path) -> str:
    try:
        return path.relative_to(landing).as_posix()
    except ValueError:
        return str(path)


@task(name="extract", **TASK)
def extract_task(path: Path, routing: Routing, data_date: date) -> FileExtract:
    fx = extract_file(path, SOURCES[routing.source], data_date)
    note_routing(fx, routing)  # why this source (and a warning when the header fit was close)
    return fx


@task(name="validate", cache_policy=NO_CACHE)
def validate_task(landing: LandingBatch, files: list[FileExtract], judge: Judge,
                  run_id: str) -> BatchLoad:
    verdict = decide(files, judge, run_name=run_id)
    fingerprint = landing.fingerprint()
    return BatchLoad(
        batch_id=f"{landing.source}:{landing.data_date}:{fingerprint[:12]}", run_id=run_id,
        source=landing.source, data_date=landing.data_date, fingerprint=fingerprint,
        files=files, accepted=verdict.accepted, reasons=verdict.reasons, archived={})


@task(name="load", **TASK)
def load_task(settings: Settings, batch: BatchLoad) -> BatchLoad:
    assert settings.archive_dir is not None
    archived = {fx.path.name: str(archive_file(fx.path, fx.sha256, settings.archive_dir,
                                               batch.source, batch.data_date))
                for fx in batch.files}
    batch = replace(batch, archived=archived)
    with connect(settings.target) as con:
        match_participants(con, batch.files)
        match_tags(con, batch.files)
        record_batch(con, batch)
    return batch


@task(name="dbt build", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=5,
      retry_condition_fn=transient)
def dbt_task(settings: Settings, loaded: list[date]) -> list[str]:
    return build_marts(settings, loaded)


SUMMARY_ROWS = 20  # quarantined rows named per file in the summary; all are in audit.quarantine


@task(name="freshness", **TASK)
def freshness_task(settings: Settings) -> list[str]:
    return stale_sources(settings)


@task(name="publish", **TASK)
def publish_task(settings: Settings) -> str:
    """DuckDB: the marts as a read-only file (and Parquet) for BI, swapped in atomically.
    PostgreSQL: BI reads the marts schema itself, through the read-only role."""
    target = settings.target
    if isinstance(target, PostgresTarget):
        for note in grant_bi_reader(target, settings.bi_role):
            get_run_logger().warning(note)
        return f"{target.label} (schema marts, role {settings.bi_role})"
    assert settings.published_dir is not None
    return str(publish(target.path, settings.published_dir).database)


@dataclass
class Refreshed:
    dbt_failures: list[str]
    published: str | None  # None when nothing was built, or the build failed
    stale_sources: list[str]


def refresh_marts(settings: Settings, loaded: list[date], rebuild: bool = True) -> Refreshed:
    """dbt build and snapshot replay (when ``rebuild``); the published copy only when that
    passed, so readers keep the last good one; then source freshness. Runs inside a flow."""
    failures: list[str] = []
    published = None
    if rebuild:
        failures = dbt_task(settings, loaded)
        if not failures:
            published = publish_task(settings)
    return Refreshed(failures, published, freshness_task(settings))


@task(name="summary", **TASK)
def summary_task(settings: Settings, result: RunResult, started: datetime) -> RunResult:
    """Headline figures from the marts, and the run record in audit.runs."""
    result.marts = marts.list_marts(settings.target)
    result.headline = marts.headline(settings.target)
    result.arg = marts.arg_headline(settings.target)
    with connect(settings.target) as con:
        record_run(con, result.run_id, started, result.status, result.to_dict())
    return result


def _outcomes(batch: BatchLoad, landing: Path) -> list[FileOutcome]:
    return [FileOutcome(
        source=batch.source, data_date=batch.data_date, file=fx.path.name,
        status="accepted" if batch.accepted else "rejected", rows_read=fx.rows_read,
        rows_loaded=fx.rows_accepted if batch.accepted else 0, rows_rejected=fx.rows_rejected,
        warnings=fx.count("warning"),  # type: ignore[arg-type]
        reasons=[mask_personal(r) for r in batch.reasons.get(fx.path.name, [])]
        or (["rejected with the other files of its date"] if not batch.accepted else []),
        quarantined_rows=sorted({int(r) for r in _rejects(fx)["source_row"].dropna()})[
            :SUMMARY_ROWS],
        quarantined_by_rule={str(k): int(v) for k, v in
                             _rejects(fx)["rule"].value_counts().sort_index().items()},
        path=_in_landing(landing, fx.path),
        understood=summary_line(reading_record(fx.reading, fx.source)),
    ) for fx in batch.files]


def _rejects(fx: FileExtract) -> pd.DataFrame:
    return fx.issues[fx.issues["severity"] == "reject"]


@flow(name="nightly", log_prints=False)
def nightly(as_of: date | None = None, landing: str | None = None,
            warehouse: str | None = None, sources: list[str] | None = None,
            force: bool = False, build: bool = True) -> RunResult:
    """Process what is new in the landing folder (or one data date) and rebuild the marts
    (``build=False``: load only; a backfill builds once after its last date).

    One run at a time per warehouse (a second one waits, then stops with a clear message); a
    run that fails or rejects a file is reported to the webhook, if one is set."""
    settings = load_settings(landing_dir=landing, warehouse=warehouse)
    run_id = str(flow_run.get_id() or uuid.uuid4())
    with run_lock(settings.target, settings.lock_timeout_seconds):
        try:
            result = _run(settings, run_id, as_of, sources, force, build)
        except Exception as exc:
            _notify(settings, {"run_id": run_id, "status": "crashed",
                               "error": mask_personal(f"{type(exc).__name__}: {exc}")[:1000]})
            raise
    if result.status == "failed" or result.files_rejected:
        _notify(settings, result.to_dict())
    return result


def _notify(settings: Settings, payload: dict[str, object]) -> None:
    if settings.webhook_url:
        post_webhook(settings.webhook_url, {"source": "terpilah", **payload})


def _run(settings: Settings, run_id: str, as_of: date | None, sources: list[str] | None,
         force: bool, build: bool) -> RunResult:
    started = datetime.now(UTC).replace(tzinfo=None)
    clock = time.perf_counter()
    log = get_run_logger()
    result = RunResult(run_id=run_id, status="success", warehouse=settings.target.label,
                       reports_dir=str(settings.reports_dir))
    progress = reporter()

    with result.timed("discover"):
        batches, result.landing_problems, result.skipped_unchanged = discover_task(
            settings, sources or list(SOURCES), as_of, force)
    log.info("%d new batch(es), %d unchanged", len(batches), result.skipped_unchanged)

    loaded: list[date] = []
    accepted_any = False
    if batches:
        with result.timed("validate"):
            judge = Judge(settings.gx_dir, settings.max_reject_share)
        progress.step("Processing files", total=sum(len(b.files) for b in batches))
        for landing_batch in batches:
            files = []
            for path in landing_batch.files:
                with result.timed("extract"):
                    files.append(extract_task(path, landing_batch.routing(path),
                                              landing_batch.data_date))
                progress.advance(f"{landing_batch.source}/{landing_batch.data_date}/{path.name}")
            with result.timed("validate"):
                batch = validate_task(landing_batch, files, judge, run_id)
            with result.timed("load"):
                batch = load_task(settings, batch)
            result.files.extend(_outcomes(batch, settings.landing))
            if batch.accepted:
                accepted_any = True
                if batch.source == "simpeg":  # the employee history is replayed by date
                    loaded.append(batch.data_date)
        if judge.docs and settings.gx_dir is not None:
            with result.timed("validate"):
                judge.publish_docs()
            result.data_docs = str(settings.gx_dir / "gx" / "uncommitted" / "data_docs"
                                   / "local_site" / "index.html")

    if build:
        has_marts = bool(marts.list_marts(settings.target))
        progress.step("Building marts (dbt)")
        with result.timed("dbt"):
            refreshed = refresh_marts(settings, loaded,
                                      rebuild=accepted_any or force or not has_marts)
        progress.advance()
        result.dbt_failures = [mask_personal(f) for f in refreshed.dbt_failures]
        result.published = refreshed.published
        result.stale_sources = refreshed.stale_sources
    if result.dbt_failures:
        result.status = "failed"
    elif not batches:
        result.status = "nothing_new"
    result.seconds = time.perf_counter() - clock
    return summary_task(settings, result, started)
