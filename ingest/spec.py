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

import pandas as pd

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
    MONEY = "money"  # Rupiah: exact decimal with 2 places (never a float)
    COUNT = "count"  # a whole number >= 0


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
    # A required column whose value is required only on some rows: (other column, values),
    # e.g. golongan only where jenis_pegawai is PNS or CPNS. The row rules and the GX suite
    # both read it (see ``value_required``), so they cannot disagree.
    required_when: tuple[str, tuple[str, ...]] | None = None

    def value_required(self, values: pd.DataFrame) -> pd.Series:
        """Row mask of the rows on which this column must have a value: every row of a
        required column, or only the rows ``required_when`` names; no row otherwise."""
        if not self.required or self.required_when is None:
            return pd.Series(self.required, index=values.index, dtype=bool)
        other, wanted = self.required_when
        return values[other].isin(list(wanted)).fillna(False).astype(bool)


RowRules = Callable[["Issues", "date"], None]


@dataclass
class TitleReading:
    """What a form's title block (the filled rows above the header) says about the file.

    ``values``: file-level column -> value (a filled table column wins over it, row by row);
    ``evidence``: attribute -> where it came from, as shown to the sender (the title line it
    was read from, "date folder 2025-03-14", ...); ``notes``: (rule, message) of what was
    derived (info); ``warnings``: (rule, message) of attributes found only weakly (a keyword
    only in a letterhead, no ``TAHUN ANGGARAN``, a date from the folder): the sender sees them.
    """

    values: dict[str, object] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)
    notes: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)


# Reads a form's title block on a data date; raises ingest.read.FileProblem when the file
# cannot be used.
TitleReader = Callable[[list[str], "date"], TitleReading]


@dataclass(frozen=True)
class SourceSpec:
    """A source: its columns, the key column that identifies a data row, and its row rules."""

    name: str
    table: str
    columns: tuple[ColumnSpec, ...]
    key_column: str
    row_rules: RowRules | None = field(default=None, compare=False)
    # Columns not read from a table column: set for the whole file by ``title_reader``, or
    # per row by the row rules (e.g. a status derived from a value). Loaded like the others.
    extra_columns: tuple[ColumnSpec, ...] = ()
    # True when a key (a NIP) may occur once per data date across all files of that date (an
    # employee extract); False when files are separate events that may list the same person.
    key_unique_per_date: bool = True
    # Share of rejected rows above which a whole file is rejected; None: the setting
    # TERPILAH_MAX_REJECT_SHARE (5 %). Short files (attendance lists) need a coarser limit.
    max_reject_share: float | None = None
    title_reader: TitleReader | None = field(default=None, compare=False)
    # The landing folder the files arrive in (default: the source's name). Sources sharing a
    # folder are told apart by their header (see ``ingest.landing``).
    folder: str = ""
    # True when the sheet carries subtotal rows (JUMLAH ...) among the data rows, as budget
    # exports do: total rows then reach the row rules, marked in ``_is_total``, instead of
    # ending the table there.
    totals_inside: bool = False

    @property
    def landing_folder(self) -> str:
        return self.folder or self.name

    @property
    def loaded_columns(self) -> tuple[ColumnSpec, ...]:
        """Every column of the raw table after the lineage: table columns, then extras."""
        return (*self.columns, *self.extra_columns)

    def column(self, name: str) -> ColumnSpec:
        for col in self.loaded_columns:
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
_BRACKETED = re.compile(r"[(\[][^()\[\]]*[)\]]")
_OPEN_BRACKET = re.compile(r"[(\[][^()\[\]]*$")  # "PAGU (Rp": the closing one forgotten
_UNIT = re.compile(r"(?<=[0-9A-Z]) (?:RP|RUPIAH)$")


def normalise_header(text: object, *, qualifiers: bool = False) -> str:
    """``' Tgl. Lahir '`` -> ``'TGL LAHIR'``: case, punctuation, spacing and line breaks do
    not matter. Qualifiers are dropped: words in brackets (``JENIS KELAMIN (L/P)``,
    ``KATEGORI ARG (1/2/3)``, ``TANGGAL LAHIR (DD-MM-YYYY)``, ``PAGU (Rp.)``) and a trailing
    currency unit (``PAGU Rp``), unless nothing else is left (``(Rp)`` -> ``'RP'``).

    With ``qualifiers`` the words in brackets are kept (``SASARAN (LAKI-LAKI)`` ->
    ``'SASARAN LAKI LAKI'``): the reader tries both forms, since brackets sometimes carry
    the distinction (``PENERIMA MANFAAT (L)`` / ``(P)``)."""
    raw = str(text).upper()
    if not qualifiers:
        bare = raw
        while True:  # nested brackets, innermost first
            stripped = _BRACKETED.sub(" ", bare)
            if stripped == bare:
                break
            bare = stripped
        bare = _OPEN_BRACKET.sub(" ", bare)
        if _NON_ALNUM.sub("", bare):
            raw = bare
    words = _NON_ALNUM.sub(" ", raw).strip()
    return words if qualifiers else _UNIT.sub("", words)
