"""Prefect's environment, set before Prefect is imported: a project-local home, no telemetry,
and an in-process temporary API when no server is configured."""

from __future__ import annotations

import os
from pathlib import Path

from terpilah.settings import Settings

DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "GX_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    # the temporary server of an in-process run needs no task-run history: without this
    # service it also shuts down without noise
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
}


def configure_prefect(settings: Settings) -> None:
    """Idempotent; explicit environment values win over these defaults."""
    home = Path(settings.home) / "prefect"
    home.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PREFECT_HOME", str(home))
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
