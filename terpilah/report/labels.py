"""Indonesian words, dates and notes shared by the reports."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from terpilah.report.model import HIDDEN_MARK

KABUPATEN = "Kabupaten Bengkayang"
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")
STATUS_LABELS = {"tercapai": "Tercapai", "belum": "Belum tercapai"}


def long_date(day: date) -> str:
    """31 Desember 2025"""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    """31 Des 2025"""
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def month_label(day: date) -> str:
    """Desember 2025"""
    return f"{MONTHS[day.month - 1]} {day.year}"


def suppression_note(min_count: int) -> str:
    if min_count <= 1:
        return "Semua angka ditampilkan (penyembunyian sel kecil dimatikan)."
    small = "1" if min_count == 2 else f"1 sampai {min_count - 1}"
    return (f"{HIDDEN_MARK} = disembunyikan untuk melindungi data pribadi: jumlah {small} "
            f"orang per Perangkat Daerah tidak ditampilkan (angka 0 ditampilkan), begitu pula "
            f"sel pelengkap yang dipilih agar angka yang disembunyikan tidak dapat dihitung "
            f"dari total baris, total kelompok, atau total kabupaten; % Wanita disembunyikan "
            f"bila salah satu angka barisnya disembunyikan.")


def format_number(value: object, kind: str) -> str:
    """A figure as Indonesian readers write it: 1.234 and 45,6."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if not isinstance(value, int | float | Decimal):
        return str(value)
    decimals = {"int": 0, "pct": 1, "pct2": 2, "dec": 2, "money": 2}.get(kind, 0)
    text = f"{Decimal(str(value)):,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")
