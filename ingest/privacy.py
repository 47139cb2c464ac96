"""Masking by value: personal data is hidden wherever it sits, not only in its own column.

A signature block under an attendance list puts a signer's name and NIP into the L/P column; a
title line may quote a name; a phone number ends up in a KETERANGAN cell. Everything a person or
a log sees of a file's cells (issue values and messages, file problems, what was understood from
the file) passes here on its way out. The restricted tables keep the cells as read.

Two rules:

- :func:`mask_personal` finds personal values *by their shape* in any text: NIP/NIK-shaped digit
  runs (16-19 digits in any grouping, or an Excel float such as ``1.97005E+17``), phone numbers,
  e-mail addresses and names written with an honorific or a degree (``Drs. H. AHMAD YANI,
  M.Si``). Codes, amounts and dates are not of these shapes and stay readable.
- :func:`mask_cell` adds the rule of a coded column (sex, golongan, eselon, status, dates,
  amounts, counts, codes): a value not shaped like the column's codes (too long, a word no code
  has, more digits than a code) is shown as ``(hidden: N characters)``: it is most likely
  something else that slipped into the column (a signature, a name, a NIP).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ingest.parsers import MONTHS
from ingest.spec import ColumnSpec, Kind

# --- NIP / NIK ------------------------------------------------------------------------------

# A run of digit groups joined by one space, dot or dash ("19700512 199503 2 004",
# "6107.0412.0585.0001"); a comma is a decimal comma and ends a run.
_RUN = re.compile(r"(?<![0-9])[0-9]+(?:[ .\-][0-9]+)*(?![0-9])")
_SEP = re.compile(r"[ .\-]")
# An ID that Excel turned into a float: the digits it kept are still the person's.
_EXCEL_FLOAT = re.compile(r"(?<![0-9])[0-9](?:[.,][0-9]+)?[eE]\+?1[5-9](?![0-9])")
ID_DIGITS = range(16, 20)  # 16 (NIK) and 18 (NIP) digits, and mistyped ones around them
MAX_GROUPS = 6  # NIP 8-6-1-3, NIK 4-4-4-4; budget codes have more, shorter groups


def _keep_last(text: str, keep: int = 3) -> str:
    """Every digit of ``text`` but the last ``keep`` as ``*``; separators stay."""
    digits = sum(c.isdigit() for c in text)
    out, seen = [], 0
    for c in text:
        if c.isdigit():
            seen += 1
            out.append(c if seen > digits - keep else "*")
        else:
            out.append(c)
    return "".join(out)


def _is_decimal(groups: list[str], seps: list[str]) -> bool:
    """``2337873999.9900002``: an amount with float noise, not an ID."""
    return len(groups) == 2 and seps == ["."] and len(groups[0]) <= 13 and len(groups[1]) >= 4


def _mask_run(match: re.Match[str]) -> str:
    run = match.group(0)
    groups = _SEP.split(run)
    seps = _SEP.findall(run)
    hidden = [False] * len(groups)
    for i in range(len(groups)):
        total = 0
        for j in range(i, min(i + MAX_GROUPS, len(groups))):
            total += len(groups[j])
            if total > max(ID_DIGITS):
                break
            if total in ID_DIGITS and not _is_decimal(groups[i:j + 1], seps[i:j]):
                hidden[i:j + 1] = [True] * (j + 1 - i)
        if len(groups[i]) >= min(ID_DIGITS):
            hidden[i] = True
    if not any(hidden):
        return run
    out = []
    for k, group in enumerate(groups):
        # the last 3 digits of each masked stretch stay, as in an ID column
        last_of_stretch = hidden[k] and (k + 1 == len(groups) or not hidden[k + 1])
        out.append((_keep_last(group) if last_of_stretch else "*" * len(group))
                   if hidden[k] else group)
        if k < len(seps):
            out.append(seps[k])
    return "".join(out)


# --- phones, e-mail -------------------------------------------------------------------------

# Mobile numbers: 08.., +62 8.., 62 8.., in groups; landlines with an area code 0xxx.
_MOBILE = re.compile(r"(?<![0-9A-Za-z])(?:\+62[ .\-]?|62[ \-]?|\(?0)8[0-9]{1,3}\)?"
                     r"(?:[ .\-]?[0-9]){5,10}(?![0-9])")
_LANDLINE = re.compile(r"(?<![0-9A-Za-z])(?:\+62[ \-]?|\(?0)[1-9][0-9]{1,3}\)?[ \-]"
                       r"[0-9]{3,4}(?:[ \-]?[0-9]{2,4})?(?![0-9])")
PHONE_DIGITS = range(9, 16)
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@([A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)")


def _mask_phone(match: re.Match[str]) -> str:
    text = match.group(0)
    return _keep_last(text) if sum(c.isdigit() for c in text) in PHONE_DIGITS else text


# --- names ----------------------------------------------------------------------------------

# Honorifics before a name, each with the space after it. A one-letter one (H.), Dr. and Ns.
# need their dot; the others are also written without one (Drs AHMAD, Hj SITI).
_HONORIFIC = (r"(?:(?:Prof|PROF|Drs|DRS|Dra|DRA|Drg|drg|DRG|Ir|IR|Hj|HJ|KH)(?:\.[ ]*|[ ]+)"
              r"|(?:Dr|DR|dr|H|Ns|NS|K\.H)\.[ ]*)")
# Degrees after a name: S.Pd, S.E., S.Pd.I, S.Tr.Keb, M.Si, M.M., A.Md.Kep, Ph.D, Sp.OG. Not
# S.D. / S.K. (sampai dengan, surat keputusan) nor A.N. (atas nama), which title lines use.
_DOTTED_DEGREE = (r"(?:(?:S\.[ ]?(?![DK](?![A-Za-z]))|M\.[ ]?)[A-Z][A-Za-z]{0,4}"
                  r"(?:\.[ ]?[A-Z][A-Za-z]{0,3})?\.?"
                  r"|A\.[ ]?M[ad](?:\.[ ]?[A-Z][A-Za-z]{0,3})?\.?"
                  r"|Ph\.[ ]?D\.?|Sp\.[ ]?[A-Z][A-Za-z]{0,3}\.?)")
# Written without dots they are words like any other: only after a comma.
_PLAIN_DEGREE = (r"(?:SE|SH|ST|SS|SKM|SKep|SPd|SSos|SKom|SIP|SAg|SHI|SPdI|MM|MT|MH|MSi|MPd|"
                 r"MKes|MAP|MBA|MSc|MAg|AMd|AMK|Lc|PhD|Apt|Ak|CA|Ners|BSc)\.?")
_DEGREE = rf"(?:{_DOTTED_DEGREE}|{_PLAIN_DEGREE})"
_WORD = r"[A-Z][A-Za-z'’\-]*\.?"
_WORDS = rf"{_WORD}(?:[ ]+{_WORD}){{0,5}}"
_DEGREES = rf"(?:[ ]*,[ ]*{_DEGREE}(?![A-Za-z]))+"
_NAME = re.compile(
    # Drs. H. AHMAD YANI, M.Si / Hj. Siti Aminah
    rf"(?<![A-Za-z])(?:{_HONORIFIC})+{_WORDS}(?:{_DEGREES})?"
    # SITI AMINAH, S.Pd / Budi Santoso, SE, MM / Budi Santoso S.Pd
    rf"|(?<![A-Za-z])(?P<words>{_WORDS})"
    rf"(?:{_DEGREES}|[ ]+{_DOTTED_DEGREE}(?![A-Za-z])(?:{_DEGREES})?)")
_HONORIFIC_WORD = re.compile(rf"{_HONORIFIC}")
NAME_HIDDEN = "(name hidden)"


def _mask_name(match: re.Match[str]) -> str:
    if match.group("words") is None:  # after an honorific: all of it is the name
        return NAME_HIDDEN
    words = match.group("words").split(" ")
    # "Kepala Dinas SITI AMINAH, S.Pd": a name in capitals after title-case words is the name
    # alone; the words before it are the signer's post, not personal data.
    lead = 0
    while (lead < len(words) - 1 and not words[lead].isupper()
           and not _HONORIFIC_WORD.fullmatch(words[lead] + " ")
           and any(w.isupper() and len(w) > 2 for w in words[lead + 1:])):
        lead += 1
    kept = " ".join(words[:lead])
    return f"{kept} {NAME_HIDDEN}" if kept else NAME_HIDDEN


@lru_cache(maxsize=8192)
def _mask(text: str) -> str:
    text = _EMAIL.sub(lambda m: "***@" + m.group(1), text)
    text = _EXCEL_FLOAT.sub(lambda m: re.sub("[0-9]", "*", m.group(0)[:-3]) + m.group(0)[-3:],
                            text)
    text = _RUN.sub(_mask_run, text)  # before phones: a NIK's last groups look like one
    text = _MOBILE.sub(_mask_phone, text)
    text = _LANDLINE.sub(_mask_phone, text)
    return _NAME.sub(_mask_name, text)


def mask_personal(text: str) -> str:
    """``text`` with NIP/NIK-, phone-, e-mail- and name-shaped values masked: IDs and phones
    keep their last 3 digits, an e-mail its domain; a name becomes ``(name hidden)``."""
    if not text or not isinstance(text, str):
        return text
    return _mask(text)


# --- coded columns --------------------------------------------------------------------------

@dataclass(frozen=True)
class CodeShape:
    """What a code of a column looks like: at most ``max_len`` characters, letter words only
    from ``words`` or of at most ``short`` letters (L, P, a, Rp, TK, a formula's SUM), no digit
    run longer than ``max_run`` and at most ``max_digits`` digits."""

    max_len: int
    words: frozenset[str]
    max_run: int
    max_digits: int
    short: int = 3

    def fits(self, text: str) -> bool:
        text = text.strip()
        if len(text) > self.max_len:
            return False
        if any(len(w) > self.short and w.upper() not in self.words
               for w in re.findall("[A-Za-z]+", text)):
            return False
        runs = re.findall("[0-9]+", text)
        return (max((len(r) for r in runs), default=0) <= self.max_run
                and sum(len(r) for r in runs) <= self.max_digits)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ROMANS = "III IV VI VII VIII IX XI XII XIII XIV XV XVI XVII"
SHAPES: dict[Kind, CodeShape] = {
    # a short first name (Ani, Eko) is the likeliest stray value here: only 2-letter words
    Kind.SEX: CodeShape(12, _words("LAKI PRIA MALE FEMALE PEREMPUAN WANITA"), 1, 1, short=2),
    Kind.GOLONGAN: CodeShape(24, _words(f"{_ROMANS} GOL GOLONGAN PPPK PENATA PEMBINA "
                                        "PENGATUR JURU MUDA TINGKAT UTAMA MADYA"), 2, 2),
    Kind.ESELON: CodeShape(16, _words(f"{_ROMANS} ESELON NON TIDAK ADA"), 2, 2),
    Kind.JENIS_PEGAWAI: CodeShape(40, _words(
        "PNS CPNS PPPK PEGAWAI NEGERI SIPIL DAERAH PUSAT KABUPATEN KOTA PROVINSI CALON "
        "PERJANJIAN KERJA DENGAN PARUH WAKTU HONORER TENAGA KONTRAK ASN NON DIPEKERJAKAN "
        "DIPERBANTUKAN"), 2, 2),
    Kind.KEDUDUKAN: CodeShape(40, _words(
        "AKTIF CUTI LUAR DILUAR TANGGUNGAN NEGARA CLTN TUGAS BELAJAR PEMBERHENTIAN SEMENTARA "
        "MASA PERSIAPAN PENSIUN PURNA PURNATUGAS MENINGGAL DUNIA WAFAT DIBERHENTIKAN BERHENTI "
        "TIDAK DENGAN HORMAT HUKUM PPPK MPP"), 2, 2),
    Kind.JENIS_JABATAN: CodeShape(40, _words(
        "JABATAN STRUKTURAL FUNGSIONAL TERTENTU UMUM PELAKSANA JFT JFU PIMPINAN TINGGI "
        "ADMINISTRASI ADMINISTRATOR PENGAWAS"), 1, 1),
    Kind.PENDIDIKAN: CodeShape(32, _words(
        f"{_ROMANS} SMP MTS SLTP SLTA SMA SMK SMU SMEA STM SPK DIPLOMA SARJANA MAGISTER DOKTOR "
        "STRATA SEKOLAH DASAR SEDERAJAT AKADEMI MUDA TERAPAN KEJURUAN PASCASARJANA MENENGAH "
        "ATAS PERTAMA TINGKAT"), 2, 2),
    Kind.DATE: CodeShape(25, frozenset(MONTHS) | _words("TGL TANGGAL JAM PUKUL WIB"), 8, 14),
    # Amounts: up to Rp 999 trillion, with float noise from formulas (2337873999.9900002)
    Kind.MONEY: CodeShape(32, _words("IDR RUPIAH"), 15, 24),
    Kind.COUNT: CodeShape(15, _words("ORANG ORG JIWA"), 9, 9),
}
# Text columns that hold codes (kode sub kegiatan, kode SKPD, tahun, kategori ARG, umur):
# dotted numbers and a few words, never a name.
CODE_TEXT = CodeShape(32, _words("JUMLAH TOTAL KODE TAHUN ANGGARAN KATEGORI SUB ARG GBS THN "
                                 "BULAN NON"), 8, 24)
_CODE_NAMES = re.compile(r"^(?:kode|tahun|kategori|umur)")


def code_shape(column: ColumnSpec) -> CodeShape | None:
    """The shape of the codes of ``column``; None for a free-text column."""
    if column.kind in SHAPES:
        return SHAPES[column.kind]
    if column.kind is Kind.TEXT and _CODE_NAMES.match(column.name):
        return CODE_TEXT
    return None


def hidden(text: str) -> str:
    return f"(hidden: {len(text)} characters)"


def mask_cell(text: str, column: ColumnSpec) -> str:
    """A cell of a column that is not personal data, as shown: a value not shaped like the
    column's codes is hidden whole; any text is masked by :func:`mask_personal`."""
    if not isinstance(text, str) or not text:
        return text
    shape = code_shape(column)
    if shape is not None and not shape.fits(text):
        return hidden(text)
    return mask_personal(text)


def mask_cells(text: pd.Series, column: ColumnSpec) -> pd.Series:
    """:func:`mask_cell` over a column of shown values (NA stays NA)."""
    return text.map(lambda v: mask_cell(v, column), na_action="ignore").astype("string")


def mask_tree(value: object) -> object:
    """Every string inside ``value`` (dicts, lists, tuples) masked by :func:`mask_personal`;
    dictionary keys are ours (canonical names) and stay."""
    if isinstance(value, str):
        return mask_personal(value)
    if isinstance(value, Mapping):
        return {k: mask_tree(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [mask_tree(v) for v in value]
    return value
