"""Whether the sample's lists carry the layouts of real hand-made files, or plain ones.

"real" (the default): letterheads, names over two lines, signature blocks, a regulation's
year above the budget year. "plain": the same data, cell for cell, without them. These choices
are drawn from streams of their own, so both forms hold the same people, events and amounts:
the end-to-end tests run both and expect the same marts.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

FORMS = ("real", "plain")
_FORMS: ContextVar[str] = ContextVar("sample_forms", default="real")


@contextmanager
def sample_forms(forms: str) -> Iterator[None]:
    """Write the sample's lists in ``forms`` ("real" or "plain") inside the block."""
    if forms not in FORMS:
        raise ValueError(f"unknown forms {forms!r}; expected one of {list(FORMS)}")
    token = _FORMS.set(forms)
    try:
        yield
    finally:
        _FORMS.reset(token)


def real_forms() -> bool:
    """True when the lists being written carry the layouts of real files."""
    return _FORMS.get() == "real"
