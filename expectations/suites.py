"""Build the GX suite of a source from its description, and the frame the suite judges.

The suite judges the *normalised* batch after the row rules. Values are validated as
canonical codes and row outcomes as flags, so GX results and Data Docs never carry a NIP, a
name or a birth date.

One verdict. The row rules and the suite read the same description (``ingest.spec``), so they
cannot disagree:

- A file is rejected for its rows by one expectation only: the share of rows the row rules
  rejected (``row_accepted``) against the source's limit.
- The not-null expectations look at the rows the row rules *accepted*, only: a blank on a
  rejected row is already counted in the rejected share, and counting it again would reject a
  file whose rejected share is within the limit. (The code lists look at every row: a coded
  column holds a canonical code or nothing, whatever the row's outcome.)
- A required column's value is expected where ``ColumnSpec.value_required`` says so: on every
  row, or, for a conditional requirement (``required_when``: golongan only for PNS and CPNS),
  on the rows it names. The judged frame carries that row mask, computed by
  ``value_required`` itself, as ``<column>_required``; the not-null expectation is restricted
  to it with a GX row condition, so the condition is the row rules' own, not a copy.
- Where the row rules are complete, these expectations never fail; they are the safety net
  for a rule that lets a blank through, with the same tolerance as rejected rows (``mostly``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from ingest.spec import ColumnSpec, Kind, Pii, SourceSpec

if TYPE_CHECKING:
    import great_expectations as gx

ROW_ACCEPTED = "row_accepted"

VALUE_SETS: dict[Kind, list[str]] = {
    Kind.SEX: ["L", "P"],
    Kind.JENIS_PEGAWAI: ["PNS", "CPNS", "PPPK"],
    Kind.KEDUDUKAN: ["Aktif", "CLTN", "Tugas Belajar", "Pemberhentian Sementara",
                     "Masa Persiapan Pensiun", "Pensiun", "Meninggal", "Diberhentikan"],
    Kind.ESELON: ["II.a", "II.b", "III.a", "III.b", "IV.a", "IV.b"],
    Kind.JENIS_JABATAN: ["struktural", "fungsional", "pelaksana"],
    Kind.PENDIDIKAN: ["05", "10", "12", "15", "17", "18", "20", "25", "30", "35", "40", "45", "50"],
}


def judged_columns(spec: SourceSpec) -> list[str]:
    """Columns handed to GX: coded, non-personal ones (plus the row outcome flag)."""
    return [c.name for c in spec.columns
            if c.pii is Pii.NONE and (c.kind in VALUE_SETS or c.required)]


def required_flag(column: str) -> str:
    """The judged frame's column that marks the rows on which ``column`` needs a value."""
    return f"{column}_required"


def _conditional(spec: SourceSpec) -> list[ColumnSpec]:
    judged = judged_columns(spec)
    return [c for c in spec.columns
            if c.name in judged and c.required and c.required_when is not None]


def judged_frame(spec: SourceSpec, values: pd.DataFrame, rejected: pd.Series) -> pd.DataFrame:
    """What GX sees of one file: the judged columns (None for blank), ``row_accepted`` and,
    per conditionally required column, its ``value_required`` row mask."""
    columns = judged_columns(spec)
    frame = values[columns].astype(object).where(values[columns].notna(), None)
    frame[ROW_ACCEPTED] = ~rejected.to_numpy(dtype=bool)
    for col in _conditional(spec):
        frame[required_flag(col.name)] = col.value_required(values).to_numpy(dtype=bool)
    return frame


def condition_text(col: ColumnSpec) -> str:
    """``'where jenis_pegawai is PNS or CPNS'`` for a conditional requirement, else ``''``."""
    if col.required_when is None:
        return ""
    other, wanted = col.required_when
    return f"where {other} is {' or '.join(wanted)}"


def build_suite(spec: SourceSpec, max_reject_share: float) -> gx.ExpectationSuite:
    import great_expectations as gx
    from great_expectations import expectations as E
    from great_expectations.expectations.row_conditions import Column

    mostly = round(1.0 - max_reject_share, 6)
    # A GX condition object (rendered as a query), not a Python comparison.
    accepted = Column(ROW_ACCEPTED) == True  # noqa: E712
    suite = gx.ExpectationSuite(name=f"{spec.name}_batch")
    suite.add_expectation(E.ExpectTableRowCountToBeBetween(min_value=1))
    suite.add_expectation(E.ExpectColumnValuesToBeInSet(
        column=ROW_ACCEPTED, value_set=[True], mostly=mostly,
        meta={"why": f"a file with more than {max_reject_share:.0%} rejected rows is rejected"}))
    judged = judged_columns(spec)
    for col in spec.columns:
        if col.name not in judged:
            continue
        if col.required:
            condition: Any = accepted
            why = f"{col.name} is required on every row the row rules accepted"
            if col.required_when is not None:
                condition = accepted & (Column(required_flag(col.name)) == True)  # noqa: E712
                why = (f"{col.name} is required {condition_text(col)} (ColumnSpec."
                       "required_when), on the rows the row rules accepted")
            suite.add_expectation(E.ExpectColumnValuesToNotBeNull(
                column=col.name, mostly=mostly, row_condition=condition, meta={"why": why}))
        if col.kind in VALUE_SETS:
            # Every row, with no row condition (each costs a query per metric): a coded
            # column holds its parser's canonical code or nothing, rejected rows included,
            # so a value outside the set is a fault of the code, never of the sender's rows.
            suite.add_expectation(E.ExpectColumnValuesToBeInSet(
                column=col.name, value_set=VALUE_SETS[col.kind]))
    return suite
