"""Collect row issues from boolean masks into one frame, without a loop over rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import pandas as pd

from ingest.normalise import Normalised, mask_values
from ingest.privacy import mask_cells, mask_personal
from ingest.spec import Pii, SourceSpec

ISSUE_COLUMNS = ["source_row", "column", "value", "rule", "severity", "message"]


class Severity(StrEnum):
    REJECT = "reject"  # the row is not loaded
    WARNING = "warning"  # loaded; a data-quality finding for the sender to fix
    INFO = "info"  # loaded; a value was derived (e.g. sex from the NIP)


@dataclass
class Issues:
    """Accumulates issues for one normalised table."""

    spec: SourceSpec
    norm: Normalised
    parts: list[pd.DataFrame] = field(default_factory=list)
    # reason -> rows that are not data rows (e.g. a budget's subtotal rows): dropped
    skips: dict[str, pd.Series] = field(default_factory=dict)

    def add(self, mask: pd.Series, column: str | None, rule: str, severity: Severity,
            message: str) -> None:
        """Record ``rule`` for every row where ``mask`` is True. ``column`` is canonical."""
        mask = mask.fillna(False).astype(bool)
        if not mask.any():
            return
        rows = self.norm.values.loc[mask, "_source_row"]
        if column is None:
            header, shown = "", pd.Series("", index=rows.index)
        else:
            header = mask_personal(self.norm.headers.get(column, column))
            text = self.norm.text.loc[mask, column]
            spec = self.spec.column(column)
            # Masked by column class, and by value whatever the column: a signature block
            # puts a name and NIP into the L/P column.
            shown = (mask_values(text, spec.pii) if spec.pii is not Pii.NONE
                     else mask_cells(text, spec)).fillna("(blank)")
        self.parts.append(pd.DataFrame({
            "source_row": rows.to_numpy(), "column": header, "value": shown.to_numpy(),
            "rule": rule, "severity": str(severity), "message": mask_personal(message),
        }, index=rows.index))

    def skip(self, mask: pd.Series, reason: str) -> None:
        """Drop the rows of ``mask`` as not data (they are counted under ``reason``): neither
        loaded nor rejected, like a blank row."""
        mask = mask.fillna(False).astype(bool)
        if mask.any():
            self.skips[reason] = self.skips.get(reason, False) | mask

    def skipped(self) -> pd.Series:
        """Row mask of the rows dropped by :meth:`skip`."""
        out = pd.Series(False, index=self.norm.values.index)
        for mask in self.skips.values():
            out |= mask
        return out

    def frame(self) -> pd.DataFrame:
        if not self.parts:
            return pd.DataFrame({c: pd.Series(dtype="object") for c in ISSUE_COLUMNS})
        return pd.concat(self.parts).sort_values(["source_row", "rule"], kind="stable")

    def rejected(self) -> pd.Series:
        """Row mask (index of the values frame): rows with at least one reject issue."""
        out = pd.Series(False, index=self.norm.values.index)
        for part in self.parts:
            hit = part.index[part["severity"] == Severity.REJECT]
            out.loc[hit] = True
        return out


def name_key(names: pd.Series, *parts: pd.Series) -> pd.Series:
    """A person key from a name and other values: lower case, letters and digits only."""
    key = names.str.lower().str.replace("[^a-z0-9]", "", regex=True)
    for part in parts:
        key = key + "|" + part.astype("string").fillna("").str.lower().str.replace(
            "[^a-z0-9-]", "", regex=True)
    return key


def flag_repeated(issues: Issues, id_column: str, usable: pd.Series, person: pd.Series,
                  what: str) -> None:
    """Reject a participant listed again further down one file: by the usable ID, else (rows
    without one) by ``person``; the first listing counts. ``what`` says what the key is."""
    ids = issues.norm.values[id_column]
    label = issues.norm.headers.get(id_column, id_column.upper())
    without = person.where(~usable & issues.norm.values["nama"].notna())
    issues.add(usable & ids.duplicated(keep="first"), id_column, "attendance_duplicate",
               Severity.REJECT, f"This {label} is already listed above in this file: the "
               "repeated row is not counted. Remove it and resend if it is a copy error.")
    issues.add(without.notna() & without.duplicated(keep="first"), "nama",
               "attendance_duplicate", Severity.REJECT,
               f"This participant (same {what}, no {label}) is already listed above in this "
               "file: the repeated row is not counted.")


def value_missing(issues: Issues, column: str) -> pd.Series:
    """Rows on which ``column`` needs a value (``ColumnSpec.value_required``: every row, or
    those its ``required_when`` names) and has none, though nothing unreadable was written
    (that is the column's own "not understood" rule). The GX suite expects the value on the
    same rows (``expectations.suites``), so a blank the rules accept the suite accepts too."""
    values = issues.norm.values
    needed = issues.spec.column(column).value_required(values)
    invalid = issues.norm.invalid.get(column)
    blank = values[column].isna()
    if invalid is not None:
        blank &= ~invalid
    return (needed & blank).fillna(False).astype(bool)
