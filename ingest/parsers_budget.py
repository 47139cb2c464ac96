"""Parsers of budget values: Rupiah amounts, counts, the code hierarchy of Permendagri 90/2019,
ARG categories and budget documents.

Amounts stay exact: they are parsed to :class:`decimal.Decimal` and carried as decimal text
with two places (``"50000000.00"``), which the warehouse loads into ``DECIMAL(18, 2)``. A
column has few distinct values, so each parser works on the unique values of a column.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from typing import NamedTuple

import pandas as pd

from ingest.parsers import WS, Parsed, clean_text

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("9999999999999999.99")  # DECIMAL(18, 2)
# Float noise: Excel formulas leave binary fractions behind (``2337873999.9900002``,
# ``1249999.9999999998``) and its 15-digit precision and 11-digit display round long numbers
# (``5.0000000001E7``). More than 2 decimals are rounded to the sen only when what is dropped
# is below a hundredth of a sen, or beyond the 10th significant digit of the amount (a part in
# 10^10). A third decimal anyone could mean (``1250000.125``) is neither, and is refused.
NOISE_ABSOLUTE = Decimal("0.0001")
NOISE_RELATIVE = Decimal("1E-10")

_CURRENCY = re.compile(r"^(?:RP|IDR)\.?|RP\.?$|IDR$")
_THOUSANDS_DOT = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{3})+$")
_THOUSANDS_COMMA = re.compile(r"^[0-9]{1,3}(?:,[0-9]{3})+$")
_PLAIN = re.compile(r"^[0-9]+(?:\.[0-9]+)?$")
_SCIENTIFIC = re.compile(r"^[0-9]+(?:\.[0-9]+)?E[+-]?[0-9]{1,4}$")
# Accounting formats print zero as a dash: ``-``, ``Rp -``, ``Rp. -``, ``Rp 0,-``.
_DASH = re.compile(r"^(?:(?:RP|IDR)\.?)?[-\u2013\u2014]+$")


class Problem(StrEnum):
    """Why a written value is not an amount (a message per cause)."""

    NOT_AMOUNT = "not_amount"
    DECIMALS = "decimals"  # more than 2 decimals that are not float noise
    TOO_LARGE = "too_large"  # beyond DECIMAL(18, 2)


def read_amount(text: str) -> tuple[Decimal | None, Problem | None]:
    """One amount as written and, when it is none, why.

    ``'Rp 50.000.000,00'``, ``'50.000.000'`` (Indonesian), ``'50,000,000.00'`` (English),
    ``'50000000'``, ``'1250000.5'`` (a number cell), ``'-Rp 5.000.000'``, ``'(5.000.000)'``,
    and a dash (``'-'``, ``'Rp -'``: zero, as accounting formats print it). A dot followed by
    exactly three digits is a thousands separator (``'2.500'`` is 2500); at most two decimals
    (sen), beyond them only float noise (see ``NOISE_ABSOLUTE``), which is rounded away."""
    s = text.upper().replace(" ", "").replace("\xa0", "")
    if _DASH.match(s):
        return Decimal("0.00"), None
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1]
    if s.startswith("-"):
        negative, s = True, s[1:]
    bare = _CURRENCY.sub("", s)
    if bare != s and bare.startswith("-") and not negative:  # "Rp -5.000"
        negative, bare = True, bare[1:]
    s = bare
    s = s.rstrip("-").strip(".")  # "Rp 5.000,-"
    s = s.removesuffix(",")
    number = _canonical(s)
    if number is None:
        return None, Problem.NOT_AMOUNT
    try:
        value = Decimal(number)
        if not value.is_finite():
            return None, Problem.NOT_AMOUNT
        if abs(value) > MAX_AMOUNT:  # before quantize: 1E+308 has no sen to round to
            return None, Problem.TOO_LARGE
        sen = value.quantize(CENT, ROUND_HALF_UP)
    except InvalidOperation:
        return None, Problem.NOT_AMOUNT
    dropped = abs(value - sen)
    if dropped and dropped >= NOISE_ABSOLUTE and dropped >= abs(value) * NOISE_RELATIVE:
        return None, Problem.DECIMALS
    if sen == 0:
        return Decimal("0.00"), None  # never "-0.00"
    return (-sen if negative else sen), None


def amount(text: str) -> Decimal | None:
    """One amount as written, or None when it is not an amount (see :func:`read_amount`)."""
    return read_amount(text)[0]


def _canonical(s: str) -> str | None:
    """Digits with ``.`` as the decimal point, or None when the separators make no sense."""
    if not s:
        return None
    if _SCIENTIFIC.match(s):
        return s
    if "." in s and "," in s:
        decimal_sep = "," if s.rfind(",") > s.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        whole, _, frac = s.rpartition(decimal_sep)
        grouping = _THOUSANDS_DOT if thousands == "." else _THOUSANDS_COMMA
        if not grouping.match(whole) or not re.fullmatch("[0-9]{1,2}", frac):
            return None
        return whole.replace(thousands, "") + "." + frac
    if "," in s:
        if _THOUSANDS_COMMA.match(s):
            return s.replace(",", "")
        return s.replace(",", ".") if re.fullmatch("[0-9]+,[0-9]{1,2}", s) else None
    if _THOUSANDS_DOT.match(s):
        return s.replace(".", "")
    return s if _PLAIN.match(s) else None


def _money_text(s: pd.Series) -> pd.Series:
    """Cell text as :func:`clean_text` makes it, but a lone ``-`` is kept: in a money column it
    is zero, not blank."""
    out = s.astype("string").str.replace(f"{WS}+", " ", regex=True).str.strip()
    return out.mask(out == "")


def parse_money(s: pd.Series) -> Parsed:
    """Amounts as exact decimal text with two places (``'50000000.00'``); NA when blank; a
    dash is ``'0.00'``."""
    text = _money_text(s)
    lookup = {v: amount(v) for v in text.dropna().unique()}
    value = text.map(lambda v: None if pd.isna(v) or lookup[v] is None else str(lookup[v]))
    value = value.astype("string")
    return Parsed(value, text.notna() & value.isna())


def amount_problems(text: pd.Series) -> pd.Series:
    """Per cell, why its text is not an amount (a :class:`Problem` value); NA where it is
    one or blank."""
    lookup = {v: read_amount(v)[1] for v in text.dropna().unique()}
    return text.map(lambda v: None if pd.isna(v) else lookup[v]).astype("string")


def written_as_dash(text: pd.Series) -> pd.Series:
    """Cells holding only a dash (``-``, ``Rp -``): zero as accounting formats print it, which
    a sender may also mean as "nothing to write"."""
    squeezed = text.astype("string").str.upper().str.replace(f"{WS}", "", regex=True)
    return squeezed.str.fullmatch(_DASH.pattern).fillna(False).astype(bool)


_COUNT = re.compile(r"^([0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:\s*(?:ORANG|ORG|JIWA|KK))?$")


def parse_count(s: pd.Series) -> Parsed:
    """Whole numbers >= 0: ``'1.250'``, ``'12'``, ``'12 orang'``."""
    text = clean_text(s)
    digits = text.str.upper().str.extract(_COUNT.pattern, expand=False)
    value = digits.str.replace(".", "", regex=False).astype("string")
    return Parsed(value, text.notna() & value.isna())


# --- the code hierarchy -----------------------------------------------------------------

LEVELS = ("skpd", "urusan", "bidang_urusan", "program", "kegiatan", "sub_kegiatan")
_CODE_SHAPES = (
    ("skpd", r"[0-9]\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}"),
    ("sub_kegiatan", r"[0-9]\.[0-9]{2}\.[0-9]{2}\.[12]\.[0-9]{2}\.[0-9]{4}"),
    ("sub_kegiatan_old", r"[0-9]\.[0-9]{2}\.[0-9]{2}\.[12]\.[0-9]{2}\.[0-9]{2}"),
    ("kegiatan", r"[0-9]\.[0-9]{2}\.[0-9]{2}\.[12]\.[0-9]{2}"),
    ("program", r"[0-9]\.[0-9]{2}\.[0-9]{2}"),
    ("bidang_urusan", r"[0-9]\.[0-9]{2}"),
    ("bidang_urusan_number", r"[0-9]\.[0-9]"),  # a number cell: 2.10 shows as 2.1
    ("urusan", r"[0-9]"),
)
SUB_KEGIATAN_FORM = "2.08.02.2.01.0001"


class Kode(NamedTuple):
    code: pd.Series  # canonical code (sub kegiatan: 4-digit last part); NA when malformed
    level: pd.Series  # one of LEVELS; NA when blank or malformed
    old_format: pd.Series  # a sub kegiatan code with the 2-digit last part of older exports
    malformed: pd.Series  # text that is no code of the hierarchy


def parse_kode(s: pd.Series) -> Kode:
    """Codes of the budget hierarchy, spaces and a trailing dot removed; the old sub
    kegiatan form ``2.08.02.2.01.01`` becomes ``2.08.02.2.01.0001``."""
    text = clean_text(s).str.replace(" ", "", regex=False).str.rstrip(".")
    code = pd.Series(pd.NA, index=s.index, dtype="string")
    level = pd.Series(pd.NA, index=s.index, dtype="string")
    old = pd.Series(False, index=s.index)
    for shape, pattern in _CODE_SHAPES:
        hit = text.str.fullmatch(pattern).fillna(False).astype(bool) & level.isna()
        if not hit.any():
            continue
        value = text[hit]
        if shape == "sub_kegiatan_old":
            value = value.str.replace(r"\.([0-9]{2})$", r".00\1", regex=True)
            old |= hit
        elif shape == "bidang_urusan_number":
            value = value + "0"
        code[hit] = value
        level[hit] = shape.removesuffix("_old").removesuffix("_number")
    return Kode(code, level, old, text.notna() & level.isna())


# --- ARG categories and budget documents ------------------------------------------------

_KATEGORI = {"1": "1", "I": "1", "2": "2", "II": "2", "3": "3", "III": "3"}
_KATEGORI_WORDS = (("SPESIFIK", "1"), ("KHUSUS", "1"), ("KESETARAAN", "2"),
                   ("KESENJANGAN", "2"), ("PELEMBAGAAN", "3"), ("INSTITUSIONAL", "3"))


def parse_kategori(s: pd.Series) -> Parsed:
    """ARG category ``'1'``/``'2'``/``'3'`` from ``2``, ``II``, ``Kategori 2``, ``Kat. II`` or
    the category's words (spesifik gender, kesetaraan, pelembagaan PUG)."""
    text = clean_text(s)

    def one(value: str) -> str | None:
        key = re.sub(r"^(?:KATEGORI|KAT)\.?\s*", "", value.upper()).strip(" .:-")
        key = re.sub(r"\.0$", "", key)
        if key in _KATEGORI:
            return _KATEGORI[key]
        return next((k for word, k in _KATEGORI_WORDS if word in value.upper()), None)

    lookup = {v: one(v) for v in text.dropna().unique()}
    value = text.map(lambda v: None if pd.isna(v) else lookup[v]).astype("string")
    return Parsed(value, text.notna() & value.isna())


DOKUMEN = ("RKA Murni", "DPA Murni", "RKA Perubahan", "DPA Perubahan")


def dokumen_name(text: str) -> str | None:
    """The budget document a title or a TAHAPAN cell names: ``'DPPA-SKPD'`` -> ``'DPA
    Perubahan'``, ``'RKA-SKPD'`` -> ``'RKA Murni'``; None when it names none."""
    words = " " + re.sub(r"[^A-Z]+", " ", text.upper()) + " "
    compact = re.sub(r"[^A-Z]", "", text.upper())
    changed = any(w in words for w in (" PERUBAHAN ", " DPPA ", " RKPA ", " P APBD ",
                                       " APBD P ", " RKAP ", " PRKA ")) or "DPPA" in compact
    if " DPA " in words or " DPPA " in words or "PELAKSANAAN" in words or "DPPA" in compact:
        return "DPA Perubahan" if changed else "DPA Murni"
    # "PERUBAHAN RENCANA KERJA ANGGARAN (PRKA SKPD)", "RENCANA KERJA DAN PERUBAHAN ANGGARAN":
    # a plan (RKA), amended
    if any(w in words for w in (" RKA ", " RKPA ", " RKAP ", " PRKA ", " RENCANA KERJA ")):
        return "RKA Perubahan" if changed else "RKA Murni"
    if " MURNI " in words:
        return "DPA Murni"
    if changed:
        return "DPA Perubahan"
    return None


def rupiah(value: Decimal) -> str:
    """``Decimal('-1234567.5')`` -> ``'-Rp 1.234.567,50'`` (for messages)."""
    sign = "-" if value < 0 else ""
    whole, _, frac = f"{abs(value):.2f}".partition(".")
    return f"{sign}Rp {int(whole):,}".replace(",", ".") + f",{frac}"
