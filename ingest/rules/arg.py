"""Row rules of ARG tagging lists (one PD's gender-responsive sub kegiatan of one year).

Reject: a code that is not a sub kegiatan code (malformed, or a program/kegiatan code); no ARG
category, or one not understood; an ARG amount that is not an amount or not above zero; no
SKPD; no budget year, or a row year that differs from the title; the same sub kegiatan tagged
twice in the list.
Warning: planned beneficiaries not understood (ignored), or none given for a category 1 or 2
tag; no gender issue.
Info: a code in the old form (2-digit last part) was read in the new form; a dash as ARG
amount was read as blank (the whole sub kegiatan).
Whether a tag's code is in the PD's budget is checked when the list is loaded (a warning) and
again in the marts, which list every tag that matches no budget line.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ingest.parsers_budget import SUB_KEGIATAN_FORM, parse_kategori, parse_kode
from ingest.rules.budget_common import amount_invalid, dash_zero, skpd_columns, year_rules
from ingest.rules.collect import Issues, value_missing
from ingest.rules.collect import Severity as S


def arg_row_rules(issues: Issues, data_date: date) -> None:
    v = issues.norm.values
    text = issues.norm.text
    kode = parse_kode(text["kode_sub_kegiatan"])
    issues.add(kode.malformed, "kode_sub_kegiatan", "kode_malformed", S.REJECT,
               f"Not a sub kegiatan code: write it like {SUB_KEGIATAN_FORM} (6 parts; the "
               "old form 2.08.02.2.01.01 is accepted).")
    coarse = kode.level.fillna("sub_kegiatan") != "sub_kegiatan"
    issues.add(coarse, "kode_sub_kegiatan", "kode_not_sub_kegiatan", S.REJECT,
               "This is the code of a program, kegiatan or SKPD: ARG is tagged on a sub "
               f"kegiatan (6 parts, like {SUB_KEGIATAN_FORM}).")
    issues.add(kode.old_format, "kode_sub_kegiatan", "kode_old_format", S.INFO,
               "Code in the old form (2-digit last part): read in the current form with a "
               "4-digit last part.")
    issues.add(value_missing(issues, "kode_sub_kegiatan"), "kode_sub_kegiatan", "kode_missing",
               S.REJECT, f"No sub kegiatan code: write it like {SUB_KEGIATAN_FORM}, or remove "
               "the row if it tags nothing.")
    v["kode_sub_kegiatan"] = kode.code.where(~coarse)
    _kategori_rules(issues)
    _amount_rules(issues)
    file = issues.norm.file_values
    code = text["kode_skpd"].fillna(file.get("kode_skpd"))
    name = text["nama_skpd"].fillna(file.get("nama_skpd"))
    skpd_columns(issues, code.astype("string"), name.astype("string"))
    issues.add(v["kode_skpd"].isna() & v["nama_skpd"].isna(), "nama_skpd", "skpd_missing",
               S.REJECT, "No PD: put 'Perangkat Daerah : <nama>' in the title or a PERANGKAT "
               "DAERAH column.")
    year_rules(issues, data_date, pd.Series(True, index=v.index))
    pd_key = v["kode_skpd"].fillna(v["nama_skpd"].str.upper())
    tagged = pd.Series(list(zip(pd_key, v["kode_sub_kegiatan"], strict=True)), index=v.index)
    dup = v["kode_sub_kegiatan"].notna() & tagged.duplicated(keep="first")
    issues.add(dup, "kode_sub_kegiatan", "tag_duplicate", S.REJECT,
               "This sub kegiatan is already tagged above in this list: tag it once (with "
               "its whole ARG amount).")


def _kategori_rules(issues: Issues) -> None:
    v = issues.norm.values
    text = issues.norm.text["kategori_arg"]
    kategori = parse_kategori(text)
    issues.add(text.isna(), "kategori_arg", "kategori_missing", S.REJECT,
               "No ARG category: write 1 (gender-specific need), 2 (gender equality, closing "
               "a gap) or 3 (institutionalising PUG: data, capacity, coordination).")
    issues.add(kategori.invalid, "kategori_arg", "kategori_invalid", S.REJECT,
               "ARG category not understood: write 1, 2 or 3.")
    v["kategori_arg"] = kategori.value
    issues.add(issues.norm.text["isu_gender"].isna(), "isu_gender", "isu_gender_missing",
               S.WARNING, "No gender issue: the Gender Budget Statement names the gap this "
               "sub kegiatan addresses. The tag counts; add the issue.")


def _amount_rules(issues: Issues) -> None:
    v = issues.norm.values
    norm = issues.norm
    # A zero ARG amount tags nothing, so a dash ('-', 'Rp -') here says "no separate ARG
    # amount": read as blank (the whole sub kegiatan), and said so.
    dash = dash_zero(issues, "nilai_arg")
    issues.add(dash, "nilai_arg", "nilai_arg_dash", S.INFO,
               "Nilai ARG is a dash: read as blank, so the whole sub kegiatan's pagu counts as "
               "ARG. Write the ARG part of the pagu if only a part is ARG.")
    v["nilai_arg"] = v["nilai_arg"].mask(dash)
    amount = pd.to_numeric(v["nilai_arg"], errors="coerce")
    amount_invalid(issues, "nilai_arg", pd.Series(True, index=v.index), "nilai_arg_invalid",
                   "15000000 or Rp 15.000.000,00 (at most 2 decimals), or leave it blank "
                   "when the whole sub kegiatan is ARG")
    issues.add(amount <= 0, "nilai_arg", "nilai_arg_not_positive", S.REJECT,
               "Nilai ARG must be above zero (blank: the whole sub kegiatan is ARG).")
    for col in ("sasaran_laki_laki", "sasaran_perempuan"):
        issues.add(norm.invalid[col], col, "sasaran_invalid", S.WARNING,
                   "Planned beneficiaries must be a whole number of people: ignored.")
    none = v["sasaran_laki_laki"].isna() & v["sasaran_perempuan"].isna()
    issues.add(none & v["kategori_arg"].isin(["1", "2"]), "sasaran_perempuan",
               "sasaran_missing", S.WARNING, "No planned beneficiaries by sex for a category 1 "
               "or 2 tag: the tag counts, but not in the beneficiaries by sex.")
