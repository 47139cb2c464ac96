"""Rupiah amounts as the budget files write them. Amounts are exact ``Decimal`` values with
two places all the way from the plan to the manifest; only XLSX number cells hold floats,
and every amount of the sample (whole rupiah or x.50) is exact in a float."""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

CENT = Decimal("0.01")
THOUSAND = Decimal(1000)


def exact(value: Decimal) -> str:
    """The manifest's form: ``'1250000000.00'``, ``'-5000000.00'``."""
    return str(value.quantize(CENT))


def indonesian(value: Decimal) -> str:
    """``'1.250.000.000,00'``: dots between thousands, a comma before the sen."""
    sign = "-" if value < 0 else ""
    whole, _, sen = f"{abs(value):.2f}".partition(".")
    return f"{sign}{int(whole):,}".replace(",", ".") + f",{sen}"


def rupiah(value: Decimal) -> str:
    """``'Rp 1.250.000.000,00'``; a negative amount as SIPD prints it, ``'-Rp 5.000.000,00'``."""
    text = indonesian(abs(value))
    return f"-Rp {text}" if value < 0 else f"Rp {text}"


def number_cell(value: Decimal) -> int | float:
    """An XLSX number cell: an int for whole rupiah, else a float (x.50 is exact)."""
    return int(value) if value == value.to_integral_value() else float(value)


def thousands(value: float) -> Decimal:
    """``value`` rounded down to whole thousands of rupiah."""
    return (Decimal(repr(value)) / THOUSAND).to_integral_value(ROUND_FLOOR) * THOUSAND
