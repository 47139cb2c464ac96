"""Build the GX suite of a source from its description.

The suite judges the *normalised* batch. Values are validated as canonical codes and row
outcomes as flags, so GX results and Data Docs never carry a NIP, a name or a birth date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ingest.spec import Kind, Pii, SourceSpec

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


def build_suite(spec: SourceSpec, max_reject_share: float) -> gx.ExpectationSuite:
    import great_expectations as gx
    from great_expectations import expectations as E

    mostly = round(1.0 - max_reject_share, 6)
    suite = gx.ExpectationSuite(name=f"{spec.name}_batch")
    suite.add_expectation(E.ExpectTableRowCountToBeBetween(min_value=1))
    suite.add_expectation(E.ExpectColumnValuesToBeInSet(
        column=ROW_ACCEPTED, value_set=[True], mostly=mostly,
        meta={"why": f"a file with more than {max_reject_share:.0%} rejected rows is rejected"}))
    for col in spec.columns:
        if col.name not in judged_columns(spec):
            continue
        if col.required:
            suite.add_expectation(E.ExpectColumnValuesToNotBeNull(column=col.name, mostly=mostly))
        if col.kind in VALUE_SETS:
            suite.add_expectation(E.ExpectColumnValuesToBeInSet(
                column=col.name, value_set=VALUE_SETS[col.kind]))
    return suite
