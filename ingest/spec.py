"""Declarative description of a source: the one place that says what a file must contain.

Reading (header matching), normalising (by column kind), the GX suite and the masking of
personal values all follow from a :class:`SourceSpec`; adding a header variant is one string.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

    from ingest.rules.collect import Issues


class Kind(StrEnum):
    """How a column is normalised (see ``ingest.normalise``)."""

    TEXT = "text"
    NAME = "name"  # free text that is personal data
    ID18 = "id18"  # NIP / NI PPPK: 18 digits, read as text
    NIK = "nik"
    PHONE = "phone"
    EMAIL = "email"
    DATE = "date"
    SEX = "sex"
    JENIS_PEGAWAI = "jenis_pegawai"
    KEDUDUKAN = "kedudukan"
    GOLONGAN = "golongan"
    ESELON = "eselon"
    JENIS_JABATAN = "jenis_jabatan"
    PENDIDIKAN = "pendidikan"


class Pii(StrEnum):
    """Personal-data class (UU 27/2022): decides masking; such values never leave staging."""

    NONE = "none"
    NIP = "nip"
    NIK = "nik"
    NAME = "name"
    PHONE = "phone"
    EMAIL = "email"
    BIRTH_DATE = "birth_date"


@dataclass(frozen=True)
class ColumnSpec:
    """One canonical column and the headers it may arrive under, best first."""

    name: str
    kind: Kind
    headers: tuple[str, ...]
    required: bool = False
    pii: Pii = Pii.NONE
    doc: str = ""


RowRules = Callable[["Issues", "date"], None]


@dataclass(frozen=True)
class SourceSpec:
    """A source: its columns, the key column that identifies a data row, and its row rules."""

    name: str
    table: str
    columns: tuple[ColumnSpec, ...]
    key_column: str
    row_rules: RowRules | None = field(default=None, compare=False)

    def column(self, name: str) -> ColumnSpec:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    @property
    def required(self) -> tuple[ColumnSpec, ...]:
        return tuple(c for c in self.columns if c.required)

    def header_index(self) -> dict[str, str]:
        """Normalised header text -> canonical column (every variant of every column)."""
        index: dict[str, str] = {}
        for col in self.columns:
            for header in col.headers:
                index.setdefault(normalise_header(header), col.name)
        return index


_NON_ALNUM = re.compile(r"[^0-9A-Z]+")


def normalise_header(text: object) -> str:
    """``' Tgl. Lahir '`` -> ``'TGL LAHIR'``: case, punctuation and spacing do not matter."""
    return _NON_ALNUM.sub(" ", str(text).upper()).strip()
