"""Row rules of attendance lists.

Reject: the row cannot be counted: nobody is named, the participant's sex is unknown, or it
repeats a participant already listed in the same file (the first listing is kept).
Warning: counted, but the sender should correct it: a NIP that is not a usable NIP (the person
counts as an ASN who cannot be matched to the employee records), or L/P contradicting the NIP.
Info: L/P was blank and is taken from the NIP.
Matching NIPs against the loaded SIMPEG extracts needs the warehouse and is done at load time
(``warehouse.match``).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ingest.parsers import nip_birth_and_sex
from ingest.rules.collect import Issues, flag_repeated, name_key
from ingest.rules.collect import Severity as S

# What organisers write in the NIP cell of someone who has none ('-' is already blank).
_NO_NIP = r"^(?:[-–—_.]+|0|(?i:tidak ada|tdk ada|non ?asn|non ?pns|honorer|ptt|thl))$"


def training_row_rules(issues: Issues, data_date: date) -> None:
    """Judge every participant row; sets ``nip_status`` and derives a blank L/P."""
    v = issues.norm.values
    text = issues.norm.text
    no_nip = text["nip"].str.contains(_NO_NIP, regex=True).fillna(False).astype(bool)
    mangled = issues.norm.mangled["nip"] & ~no_nip
    wrong = issues.norm.invalid["nip"] & ~no_nip
    nip = v["nip"]
    birth, nip_sex = nip_birth_and_sex(nip)
    bad_digits = nip.notna() & (birth.isna() | nip_sex.isna())
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
    v["nip_status"] = status
    v["nip"] = nip.where(usable)

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
    issues.add(sex.isna() & ~inv & ~usable & ~nobody, "jenis_kelamin", "sex_missing", S.REJECT,
               "L/P is blank and there is no usable NIP to take it from: the participant cannot "
               "be counted by sex. Write L or P.")
    issues.add(sex.notna() & usable & (sex != nip_sex), "jenis_kelamin", "sex_conflicts_nip",
               S.WARNING, "L/P contradicts NIP digit 15 (1 = male, 2 = female): correct "
               "whichever is wrong. The employee records decide for an ASN.")
    v["jenis_kelamin"] = sex.where(~derive, nip_sex)
    flag_repeated(issues, "nip", usable, name_key(v["nama"], v["unit_kerja"]), "name and unit")
