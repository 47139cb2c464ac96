"""Masking by value: personal data is hidden wherever it sits, not only in its own column.

A signature block under an attendance list puts a signer's name and NIP into the L/P column; a
title line may quote a name. Everything a person or a log sees of a file's cells passes here.
"""

from __future__ import annotations

import re

# 16 or 18 digits, possibly written in groups (19700512 199503 2 004), or an Excel float
_ID = re.compile(r"(?<![0-9])[0-9](?:[ .-]?[0-9]){15,17}(?![0-9])|[0-9][.,][0-9]+E\+?1[5-7]",
                 re.IGNORECASE)


def mask_personal(text: str) -> str:
    """``text`` with NIP/NIK-shaped values masked (the last 3 digits kept)."""
    return _ID.sub(lambda m: re.sub(r"[0-9]", "*", m.group(0)[:-3]) + m.group(0)[-3:], text)
