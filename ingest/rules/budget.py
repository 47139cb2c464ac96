"""Row rules of RKA/DPA exports.

Every row has a code of the budget hierarchy (Permendagri 90/2019). Sub kegiatan rows are the
budget lines and are loaded. SKPD, urusan, bidang urusan, program and kegiatan rows are
subtotals, and a blank-code row saying JUMLAH/TOTAL is a total: they are checked against the
lines under them and skipped, so nothing is counted twice. A subtotal that does not add up
holds the whole file back: the file disagrees with itself and no figure from it is safe.

Reject: a code that is no code of the hierarchy; an amount on a row without code; pagu blank,
not an amount (also: more than 2 decimals, too large), or negative; no SKPD; no budget year,
or a row year that differs from the title; a document name not understood; the same sub
kegiatan twice for one SKPD.
Info: a sub kegiatan code in the old form (2-digit last part) was read in the new form.
Amounts as people write them: a dash (``-``, ``Rp -``) is zero, a blank cell is blank; float
noise of formulas (``2337873999.9900002``) is rounded to the sen, in lines and subtotals alike.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import numpy as np
import pandas as pd

from ingest.parsers_budget import (
    CENT,
    SUB_KEGIATAN_FORM,
    dokumen_name,
    parse_kode,
    rupiah,
)
from ingest.read import FileProblem
from ingest.rules.budget_common import amount_invalid, dash_zero, skpd_columns, year_rules
from ingest.rules.collect import Issues
from ingest.rules.collect import Severity as S

SHOWN_MISMATCHES = 5
_DEPTH = {"urusan": 1, "bidang_urusan": 2, "program": 3, "kegiatan": 4, "sub_kegiatan": 5}


def budget_row_rules(issues: Issues, data_date: date) -> None:
    """Judge every row; keep sub kegiatan lines, skip subtotal and total rows after checking
    them. Raises FileProblem when a subtotal or total disagrees with its lines."""
    v = issues.norm.values
    kode = parse_kode(issues.norm.text["kode"])
    level = kode.level.fillna("")
    no_code = (level == "") & ~kode.malformed
    is_total = v["_is_total"] & no_code
    line = level == "sub_kegiatan"
    subtotal = (level != "") & ~line
    pagu_text = issues.norm.text["pagu"]
    # A dash is zero (accounting formats print 0 so): on a row without a code it is no amount
    # to lose, so such a row is a heading, not an amount without its code.
    no_amount = pagu_text.isna() | dash_zero(issues, "pagu")
    label = no_code & ~is_total & no_amount
    issues.skip(subtotal, "subtotal rows")
    issues.skip(is_total, "total rows")
    issues.skip(label, "heading rows")
    issues.add(kode.malformed, "kode", "kode_malformed", S.REJECT,
               f"Not a code of the budget hierarchy: a sub kegiatan code looks like "
               f"{SUB_KEGIATAN_FORM} (older exports: 2.08.02.2.01.01).")
    issues.add(no_code & ~is_total & ~no_amount, "kode",
               "kode_missing", S.REJECT, "An amount on a row without a code: write the sub "
               "kegiatan's code, or 'JUMLAH' if the row is a total.")
    issues.add(line & kode.old_format, "kode", "kode_old_format", S.INFO,
               "Sub kegiatan code in the old form (2-digit last part): read in the current "
               "form with a 4-digit last part.")
    v["kode"] = kode.code
    lines = line | kode.malformed
    _pagu_rules(issues, lines)
    _skpd_rules(issues, level, lines)
    year_rules(issues, data_date, lines)
    _dokumen_rules(issues, lines)
    dup = line & pd.Series(list(zip(v["kode_skpd"], v["kode"], strict=True)),
                           index=v.index).where(line).duplicated(keep="first")
    issues.add(dup, "kode", "kode_duplicate", S.REJECT, "This sub kegiatan is already listed "
               "above for the same SKPD: the repeated line is not counted twice.")
    _reconcile(issues, level, is_total)


def _pagu_rules(issues: Issues, lines: pd.Series) -> None:
    v = issues.norm.values
    amount = pd.to_numeric(v["pagu"], errors="coerce")
    # Blank is missing; a dash ('-', 'Rp -') is a written zero and counts as Rp 0,00.
    blank = v["pagu"].isna() & ~issues.norm.invalid["pagu"]
    issues.add(lines & blank, "pagu", "pagu_missing", S.REJECT,
               "Pagu is blank: every sub kegiatan line needs its amount (write 0 if none).")
    amount_invalid(issues, "pagu", lines, "pagu_invalid",
                   "50000000 or Rp 50.000.000,00 (at most 2 decimals)")
    issues.add(lines & (amount < 0), "pagu", "pagu_negative", S.REJECT,
               "A negative pagu: a budget line cannot be below zero. Correct the amount.")


def _skpd_rules(issues: Issues, level: pd.Series, lines: pd.Series) -> None:
    """The SKPD of a line: its own KODE SKPD cell, else the last SKPD row above it, else the
    title's 'Organisasi : ...' line."""
    v = issues.norm.values
    text = issues.norm.text
    skpd_row = level == "skpd"
    last = pd.Series(np.where(skpd_row, np.arange(len(v)), np.nan), index=v.index).ffill()
    above = last.notna()
    take = last.fillna(0).astype(int).to_numpy()
    row_code = pd.Series(v["kode"].to_numpy()[take], index=v.index).where(above)
    row_name = pd.Series(text["uraian"].to_numpy()[take], index=v.index).where(above)
    title = issues.norm.file_values
    code = text["kode_skpd"].fillna(row_code).fillna(title.get("kode_skpd"))
    own_name = text["nama_skpd"]
    name = own_name.where(own_name.notna(), row_name)
    name = name.fillna(title.get("nama_skpd")) if title.get("nama_skpd") else name
    skpd_columns(issues, code.astype("string"), name.astype("string"))
    issues.add(lines & v["kode_skpd"].isna(), "kode", "skpd_missing", S.REJECT,
               "No SKPD for this line: put 'Organisasi : <kode SKPD> <nama SKPD>' in the "
               "title, an SKPD row above the lines, or a KODE SKPD column.")


def _dokumen_rules(issues: Issues, lines: pd.Series) -> None:
    v = issues.norm.values
    text = issues.norm.text["dokumen"]
    own = text.map(dokumen_name, na_action="ignore").astype("string")
    issues.add(lines & text.notna() & own.isna(), "dokumen", "dokumen_invalid", S.REJECT,
               "Tahapan not understood: write RKA Murni, DPA Murni, RKA Perubahan or DPA "
               "Perubahan.")
    v["dokumen"] = own.fillna(issues.norm.file_values.get("dokumen")).astype("string")


def _reconcile(issues: Issues, level: pd.Series, is_total: pd.Series) -> None:
    """Every subtotal and total row with an amount must equal the sum of the sub kegiatan
    lines it covers. Run on files without rejected lines only: a rejected line already holds
    the file back, with a more precise reason."""
    if issues.rejected().any():
        return
    v = issues.norm.values
    rows = v["_source_row"].to_numpy()
    codes = v["kode"].fillna("").to_numpy(dtype=object)
    levels = level.to_numpy(dtype=object)
    totals = is_total.to_numpy(dtype=bool)
    # A dash in a subtotal or total says nothing to check against (like a blank one).
    stated = v["pagu"].where(~dash_zero(issues, "pagu") | (level == "sub_kegiatan"))
    amounts = [Decimal(a).quantize(CENT) if isinstance(a, str) else None
               for a in stated.astype(object)]
    line_amount = [a if lv == "sub_kegiatan" and a is not None else Decimal(0)
                   for a, lv in zip(amounts, levels, strict=True)]
    skpd_of = pd.Series(np.where(levels == "skpd", np.arange(len(v)), np.nan)).ffill()
    checked = totals | np.isin(levels, ["skpd", *(k for k in _DEPTH if k != "sub_kegiatan")])
    problems: list[str] = []
    for i in np.flatnonzero(checked):
        if amounts[i] is None:
            continue  # a heading without its subtotal
        if totals[i]:
            before = np.flatnonzero(totals[:i])
            start = int(before[-1]) + 1 if len(before) else 0
            covered, what = sum(line_amount[start:i], Decimal(0)), "total"
        elif levels[i] == "skpd":
            mine = (skpd_of == i).to_numpy()
            covered = sum((a for a, m in zip(line_amount, mine, strict=True) if m), Decimal(0))
            what = f"SKPD {codes[i]}"
        else:
            covered = _under(codes, levels, totals, line_amount, i)
            what = f"{levels[i].replace('_', ' ')} {codes[i]}"
        # Amounts are read to the sen (float noise of formulas rounded away): compare so.
        if covered.quantize(CENT) != amounts[i]:
            problems.append(f"row {rows[i]} ({what}) says {rupiah(amounts[i])} but the sub "
                            f"kegiatan lines under it add up to {rupiah(covered)}")
    if problems:
        more = len(problems) - SHOWN_MISMATCHES
        raise FileProblem("total_mismatch", "The file's subtotals do not add up: "
                          + "; ".join(problems[:SHOWN_MISMATCHES])
                          + (f"; and {more} more" if more > 0 else "")
                          + ". A line is missing, repeated or mistyped: correct column PAGU "
                          "and send the file again.")


def _under(codes: np.ndarray, levels: np.ndarray, totals: np.ndarray,
           line_amount: list[Decimal], i: int) -> Decimal:
    """Sum of the sub kegiatan lines after row ``i`` whose code continues its code, up to the
    first row of another branch or a total row (SKPD rows, which APBD-wide exports put under
    a bidang urusan, are passed over)."""
    prefix = codes[i] + "."
    total = Decimal(0)
    for j in range(i + 1, len(codes)):
        if totals[j]:
            break
        if levels[j] in ("skpd", ""):
            continue
        if not codes[j].startswith(prefix):
            break
        total += line_amount[j]
    return total
