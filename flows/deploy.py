"""The Prefect deployments ``terpilah serve`` registers: the nightly schedule and backfills."""

from __future__ import annotations

from typing import Any

from prefect.schedules import Cron

from flows.backfill import backfill
from flows.nightly import nightly

NIGHTLY_CRON = "0 1 * * *"
TIMEZONE = "Asia/Pontianak"  # WIB, the local time of Kabupaten Bengkayang


def deployments(landing: str | None = None, warehouse: str | None = None) -> list[Any]:
    """``nightly`` at 01:00 Asia/Pontianak, and ``backfill`` (start, end, sources) on demand.

    ``landing``/``warehouse`` become the deployments' default parameters; otherwise the serving
    process's settings (``TERPILAH_*``) apply."""
    paths = {k: v for k, v in (("landing", landing), ("warehouse", warehouse)) if v}
    return [
        nightly.to_deployment(name="nightly", schedule=Cron(NIGHTLY_CRON, timezone=TIMEZONE),
                              parameters=paths, tags=["terpilah"],
                              description="Every night: new landing files -> marts."),
        backfill.to_deployment(name="backfill", parameters=paths, tags=["terpilah"],
                               description="Re-process the landing dates from start to end."),
    ]
