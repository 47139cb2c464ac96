"""A hook the CLI sets to show progress; flows report steps to it (no-op by default)."""

from __future__ import annotations

from typing import Protocol


class Reporter(Protocol):
    def step(self, message: str, total: int | None = None) -> None: ...

    def advance(self, message: str | None = None) -> None: ...


class _Silent:
    def step(self, message: str, total: int | None = None) -> None:
        pass

    def advance(self, message: str | None = None) -> None:
        pass


_reporter: Reporter = _Silent()


def set_reporter(reporter: Reporter | None) -> None:
    global _reporter
    _reporter = reporter or _Silent()


def reporter() -> Reporter:
    return _reporter
