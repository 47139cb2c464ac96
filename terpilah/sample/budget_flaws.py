"""Flaws of the sample's budget files and ARG lists, each with the outcome the pipeline owes.

Budget files (each an extra file; the good figures of that PD and year are elsewhere):

- ``pagu_negative``: a DPPA-SKPD with one line at "-Rp 5.000.000,00"; the subtotals and the
  JUMLAH include it, so the file is consistent but impossible. The whole file is rejected.
- ``year_mismatch``: a DPPA-SKPD whose TAHUN column says the year before the title's on two
  lines. The whole file is rejected.

ARG lists (at most one flawed row in a list, and only in lists of four rows, so a list never
has more than 25 % of its rows rejected and is never held back for it):

- ``kode_old_format``: the code written with a 2-digit last part (2.08.02.2.01.01); valid,
  read in the 4-digit form and matched.
- ``kode_unknown``: a well-formed code that the PD's budget of that year does not have; the
  tag loads and is reported as matching no budget line.
- ``kode_malformed``: no code of the hierarchy (2.08.2.01, 2.08.02.2.O1.0001); the row is
  rejected.
"""

from __future__ import annotations

BUDGET_KINDS: tuple[str, ...] = ("pagu_negative", "year_mismatch")
ARG_KINDS: tuple[str, ...] = ("kode_old_format", "kode_unknown", "kode_malformed")
BUDGET_EXPECTED: dict[str, str] = {
    "pagu_negative": "rejected: a sub kegiatan line with a negative pagu holds the whole file "
    "back",
    "year_mismatch": "rejected: a line whose TAHUN differs from the title's year holds the "
    "whole file back",
    "kode_old_format": "accepted: the 2-digit last part is read as the 4-digit form and the tag "
    "matches its budget line",
    "kode_unknown": "warning: the tag is loaded but matches no line of the PD's budget of that "
    "year, and is listed as unmatched",
    "kode_malformed": "rejected: the row's code is no sub kegiatan code and the tag is not "
    "loaded",
}
NEGATIVE_PAGU = "-5000000.00"
# ARG flaws at Bengkayang scale (38 PD); smaller samples get proportionally fewer, one at least.
ARG_FLAW_COUNTS: dict[str, int] = {"kode_old_format": 8, "kode_unknown": 5, "kode_malformed": 3}
ARG_FLAW_SCALE = 38


def old_format(kode: str) -> str:
    """``2.08.02.2.01.0001`` as older exports write it: ``2.08.02.2.01.01``."""
    head, _, last = kode.rpartition(".")
    return f"{head}.{int(last):02d}"


def malformed(kode: str, variant: int) -> str:
    """A typing error that leaves no code of the hierarchy (``variant`` 0, 1 or 2)."""
    parts = kode.split(".")
    if variant % 3 == 0:  # letter O typed for a zero in the kegiatan part
        parts[4] = parts[4].replace("0", "O", 1) if "0" in parts[4] else "O" + parts[4][1:]
        return ".".join(parts)
    if variant % 3 == 1:  # program unpadded, the level digit and the sub part left out
        return f"{parts[0]}.{parts[1]}.{int(parts[2])}.{parts[4]}"
    return ".".join([*parts[:5], parts[5][1:]])  # a 3-digit last part
