"""Failure notifications: a JSON POST to the webhook URL from the settings, if any."""

from __future__ import annotations

import json
import logging
import urllib.request
from typing import Any

log = logging.getLogger(__name__)


def post_webhook(url: str, payload: dict[str, Any], timeout: float = 10.0) -> bool:
    """Best effort: a failing webhook is logged, never allowed to fail the run itself."""
    body = json.dumps(payload, default=str).encode()
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return 200 <= response.status < 300
    except OSError as exc:
        log.warning("webhook %s failed: %s", url, exc)
        return False
