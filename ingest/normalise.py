"""Normalise a read table to canonical, typed columns, driven by each column's kind."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ingest import parsers as P
from ingest.parsers_budget import parse_count, parse_money
from ingest.read import RawTable
from ingest.spec import Kind, Pii, SourceSpec

_LOOKUPS = {
    Kind.SEX: P.parse_sex,
    Kind.JENIS_PEGAWAI: P.parse_jenis_pegawai,
    Kind.KEDUDUKAN: P.parse_kedudukan,
    Kind.GOLONGAN: P.parse_golongan,
    Kind.ESELON: P.parse_eselon,
    Kind.JENIS_JABATAN: P.parse_jenis_jabatan,
    Kind.PENDIDIKAN: P.parse_pendidikan,
    Kind.DATE: P.parse_date,
    Kind.MONEY: parse_money,
    Kind.COUNT: parse_count,
}


@dataclass
class Normalised:
    """Canonical values, the text they came from, and what could not be understood."""

    values: pd.DataFrame  # canonical columns + _source_row
    text: pd.DataFrame  # the cleaned text of every canonical column (NA when blank/absent)
    invalid: dict[str, pd.Series]  # column -> text present but not understood
    mangled: dict[str, pd.Series] = field(default_factory=dict)  # ID turned into a number
    headers: dict[str, str] = field(default_factory=dict)  # column -> header as in the file
    present: set[str] = field(default_factory=set)  # canonical columns found in the file
    # Values the file's title block gives for the whole file (row rules compare rows to them)
    file_values: dict[str, object] = field(default_factory=dict)


def normalise(table: RawTable, spec: SourceSpec) -> Normalised:
    """Parse every canonical column of ``table``; absent columns are all NA."""
    frame = table.frame
    n = len(frame)
    values = pd.DataFrame(index=frame.index)
    text = pd.DataFrame(index=frame.index)
    invalid: dict[str, pd.Series] = {}
    mangled: dict[str, pd.Series] = {}
    for col in spec.columns:
        raw = frame[col.name] if col.name in frame else pd.Series([pd.NA] * n, dtype="string")
        raw.index = frame.index
        text[col.name] = P.clean_text(raw)
        if col.kind in (Kind.ID18, Kind.NIK):
            parsed = P.parse_id(raw, 18 if col.kind is Kind.ID18 else 16)
            values[col.name] = parsed.value
            invalid[col.name] = parsed.wrong
            mangled[col.name] = parsed.mangled
        elif col.kind is Kind.PHONE:
            digits = P.clean_text(raw).str.replace("[^0-9+]", "", regex=True)
            values[col.name] = digits.mask(digits == "")
            invalid[col.name] = pd.Series(False, index=frame.index)
        elif col.kind in _LOOKUPS:
            parsed = _LOOKUPS[col.kind](raw)
            values[col.name] = parsed.value
            invalid[col.name] = parsed.invalid
        else:
            values[col.name] = text[col.name]
            invalid[col.name] = pd.Series(False, index=frame.index)
    values["_source_row"] = frame["_source_row"].astype("int64")
    if "_is_total" in frame:  # a total row kept among the data rows (see SourceSpec)
        values["_is_total"] = frame["_is_total"].astype(bool)
    headers = {c.name: table.headers.get(c.name, c.headers[0]) for c in spec.columns}
    return Normalised(values, text, invalid, mangled, headers, set(table.headers))


def mask_values(text: pd.Series, pii: Pii) -> pd.Series:
    """Personal values are shown masked: IDs keep their last 3 characters, the rest is hidden."""
    if pii is Pii.NONE:
        return text
    if pii in (Pii.NIP, Pii.NIK, Pii.PHONE):
        ids = text.str.replace(r"[0-9A-Za-z](?=(?:.*[0-9A-Za-z]){3})", "*", regex=True)
        # Words in an ID column are something else (a signer's name under the list): their
        # last letters would be part of a name, so the whole value is hidden.
        words = text.str.count("[A-Za-z]").fillna(0) > 2
        return ids.mask(words, "(hidden: " + text.str.len().astype("string") + " characters)")
    return text.where(text.isna(), "(hidden)")
