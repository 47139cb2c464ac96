"""Row rules of attendance lists.

Reject: the row cannot be counted: nobody is named, the participant's sex is unknown, or it
repeats a participant already listed in the same file (the first listing is kept).
Warning: counted, but the sender should correct it: a NIP that is not a usable NIP (the person
counts as an ASN who cannot be matched to the employee records), a 16-digit NIK in the NIP
column (the person counts as not an ASN), or L/P contradicting the NIP.
Info: L/P was blank and is taken from the NIP (or from a NIK written as NIP); KETERANGAN marks
the participant absent (seed ``ref_absence_markers``: listed, not counted as attending).
Matching NIPs against the loaded SIMPEG extracts needs the warehouse and is done at load time
(``warehouse.match``).
"""

from __future__ import annotations

import csv
import functools
import re
from datetime import date
from pathlib import Path

import pandas as pd

from ingest.parsers import nip_birth_and_sex, parse_nik_in_nip
from ingest.rules.collect import Issues, flag_repeated, name_key
from ingest.rules.collect import Severity as S

# What organisers write in the NIP cell of someone who has none ('-' is already blank).
_NO_NIP = r"^(?:[-–—_.]+|0|(?i:tidak ada|tdk ada|non ?asn|non ?pns|honorer|ptt|thl))$"
ABSENCE_CSV = (Path(__file__).resolve().parents[2] / "dbt_project" / "seeds"
               / "ref_absence_markers.csv")


def training_row_rules(issues: Issues, data_date: date) -> None:
    """Judge every participant row; sets ``nip_status`` and ``attendance`` and derives a
    blank L/P."""
    v = issues.norm.values
    text = issues.norm.text
    usable, nik_sex = _nip_rules(issues)
    nip_sex = nip_birth_and_sex(v["nip"])[1]
    v["attendance"] = attendance(text["keterangan"])
    issues.add(v["attendance"] == "absent", "keterangan", "absent_marked", S.INFO,
               "KETERANGAN says the participant was absent (Tidak Hadir, Izin, Sakit, DL, "
               "...): listed, but not counted as attending the training.")

    nobody = v["nama"].isna() & text["nip"].isna()
    issues.add(nobody, "nama", "participant_unnamed", S.REJECT,
               "Neither a name nor a NIP: this row names no participant.")
    sex = v["jenis_kelamin"]
    inv = issues.norm.invalid["jenis_kelamin"]
    issues.add(inv, "jenis_kelamin", "sex_invalid", S.REJECT,
               "L/P not understood: write L or P (Laki-laki/Perempuan also work).")
    derive = sex.isna() & ~inv & usable
    issues.add(derive, "jenis_kelamin", "sex_from_nip", S.INFO,
               "L/P is blank: taken from NIP digit 15.")
    from_nik = sex.isna() & ~inv & nik_sex.notna()
    issues.add(from_nik, "jenis_kelamin", "sex_from_nik", S.INFO,
               "L/P is blank: taken from the NIK written as NIP (women: day of birth + 40).")
    issues.add(sex.isna() & ~inv & ~usable & ~from_nik & ~nobody, "jenis_kelamin",
               "sex_missing", S.REJECT, "L/P is blank and there is no usable NIP to take it "
               "from: the participant cannot be counted by sex. Write L or P.")
    issues.add(sex.notna() & usable & (sex != nip_sex), "jenis_kelamin", "sex_conflicts_nip",
               S.WARNING, "L/P contradicts NIP digit 15 (1 = male, 2 = female): correct "
               "whichever is wrong. The employee records decide for an ASN.")
    v["jenis_kelamin"] = sex.where(~derive, nip_sex).where(~from_nik, nik_sex)
    flag_repeated(issues, "nip", usable, name_key(v["nama"], v["unit_kerja"]), "name and unit")


def _nip_rules(issues: Issues) -> tuple[pd.Series, pd.Series]:
    """Sets ``nip_status`` and clears every NIP that is not usable; returns the rows with a
    usable NIP and the sex a NIK written as NIP says (NA elsewhere)."""
    v = issues.norm.values
    text = issues.norm.text["nip"]
    no_nip = text.str.contains(_NO_NIP, regex=True).fillna(False).astype(bool)
    # A village head or a member of the public gives the NIK they know by heart: recognised
    # (also as a number Excel rounded), so that they count as not an ASN, never as an ASN
    # whose NIP cannot be matched.
    found = parse_nik_in_nip(text)
    nik = (found.digits.notna() | found.mangled) & ~no_nip
    mangled = issues.norm.mangled["nip"] & ~no_nip & ~nik
    wrong = issues.norm.invalid["nip"] & ~no_nip & ~nik
    nip = v["nip"]
    birth, nip_sex = nip_birth_and_sex(nip)
    bad_digits = nip.notna() & (birth.isna() | nip_sex.isna())
    issues.add(nik, "nip", "nip_is_nik", S.WARNING,
               "This looks like a 16-digit NIK, not a NIP: the participant is counted as not an "
               "ASN; leave NIP blank for participants who are not ASN.")
    issues.add(mangled, "nip", "nip_excel_mangled", S.WARNING,
               "Excel turned this NIP into a number and its last digits are lost: the person "
               "is counted as an ASN who cannot be matched. Format the column as Text and "
               "type the NIP again.")
    issues.add(wrong, "nip", "nip_format", S.WARNING,
               "NIP must be 18 digits (spaces allowed): the person is counted as an ASN who "
               "cannot be matched to the employee records. Correct the NIP and resend.")
    issues.add(bad_digits, "nip", "nip_digits_invalid", S.WARNING,
               "NIP digits 1-8 must be a birth date and digit 15 the sex (1/2): the NIP looks "
               "mistyped, so the person cannot be matched. Correct it and resend.")
    usable = nip.notna() & ~bad_digits
    status = pd.Series("blank", index=v.index, dtype="string")
    status = status.mask(usable, "valid").mask(mangled | wrong | bad_digits, "invalid")
    v["nip_status"] = status.mask(nik, "nik")
    v["nip"] = nip.where(usable)
    return usable, found.sex.where(nik)


# --- attendance -------------------------------------------------------------------------

def _words(text: str) -> str:
    """``'Tdk. Hadir'`` -> ``'TDK HADIR'``: case and punctuation do not matter."""
    return " ".join(re.sub(r"[^0-9A-Z]+", " ", text.upper()).split())


@functools.cache
def absence_markers() -> tuple[str, ...]:
    """The markers of seed ``ref_absence_markers`` as compared (``_words``), longest first."""
    with ABSENCE_CSV.open(encoding="utf-8") as fh:
        markers = {_words(row["marker"]) for row in csv.DictReader(fh)}
    return tuple(sorted((m for m in markers if m), key=lambda m: (-len(m), m)))


@functools.cache
def _absence_pattern() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(m) for m in absence_markers())
    return re.compile(rf"(?:^| )(?:{alternatives})(?= |$)")


def is_absent(remark: str) -> bool:
    """True when the remark names an absence marker as whole words (``'Tdk. Hadir'``,
    ``'Izin'``, ``'TH'``; not ``'THL'``), unless it also says ``HADIR`` outside every marker
    (``'Hadir, izin pulang awal'``: the person came)."""
    words = _words(remark)
    pattern = _absence_pattern()
    if not pattern.search(words):
        return False
    rest = pattern.sub(" ", words)
    return re.search(r"(?:^| )HADIR(?: |$)", rest) is None


def attendance(remarks: pd.Series) -> pd.Series:
    """``'present'`` or ``'absent'`` per row, from the KETERANGAN column (blank: present)."""
    absent = [r for r in remarks.dropna().unique() if is_absent(r)]
    out = pd.Series("present", index=remarks.index, dtype="string")
    return out.mask(remarks.isin(absent).fillna(False).astype(bool), "absent")
