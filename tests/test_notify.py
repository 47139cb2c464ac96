"""The failure webhook: a real POST to a local HTTP server; a dead webhook never fails a run."""

from __future__ import annotations

from webhook_server import Recorder

from warehouse.notify import post_webhook


def test_posts_the_payload_as_json() -> None:
    with Recorder() as hook:
        assert post_webhook(hook.url, {"status": "failed", "files_rejected": 2})
    assert hook.bodies == [{"status": "failed", "files_rejected": 2}]


def test_unreachable_webhook_is_reported_not_raised() -> None:
    with Recorder() as hook:
        url = hook.url
    assert post_webhook(url, {"status": "failed"}, timeout=2) is False
