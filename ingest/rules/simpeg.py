"""Row rules of the SIMPEG source, after BKN's consistency checks (CON_1..CON_4).

Reject: the row cannot be counted (its sex, status or group is unknown or its NIP unusable).
Warning: the row is counted; the finding goes to the data-quality record for the sender.
Info: a blank value was taken from the NIP.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ingest.parsers import digits_at, nip_birth_and_sex, ymd_to_date
from ingest.rules.collect import Issues, value_missing
from ingest.rules.collect import Severity as S

MIN_YEAR = 1930


def simpeg_row_rules(issues: Issues, data_date: date) -> None:
    """Judge every row of a normalised SIMPEG table; derives blank values from the NIP."""
    v = issues.norm.values
    inv = issues.norm.invalid
    asof = pd.Timestamp(data_date)
    _nip_rules(issues)
    nip = v["nip"]
    # plain bool masks: a blank jenis_pegawai must not give NA (NA | bool raises)
    is_pppk = (v["jenis_pegawai"] == "PPPK").fillna(False).astype(bool)
    is_pns = v["jenis_pegawai"].isin(["PNS", "CPNS"]).fillna(False).astype(bool)

    # NIP parts: birth date, TMT CPNS (PNS) or PPPK year, sex digit
    nip_birth, nip_sex = nip_birth_and_sex(nip)
    nip_tmt = ymd_to_date(digits_at(nip, 8, 12), digits_at(nip, 12, 14).where(~is_pppk, 1),
                          pd.Series(1, index=nip.index))
    bad_digits = nip.notna() & (nip_birth.isna() | nip_sex.isna()
                                | ((is_pns | is_pppk) & nip_tmt.isna()))
    issues.add(bad_digits, "nip", "nip_digits_invalid", S.REJECT,
               "NIP digits 1-8 must be the birth date (YYYYMMDD), 9-14 the TMT CPNS (YYYYMM; "
               "NI PPPK: 9-12 the year of appointment) and digit 15 the sex (1 male, 2 female). "
               "Check the NIP against the SK.")
    usable = nip.notna() & ~bad_digits

    # sex: derive when blank, reject when it contradicts the NIP
    sex = v["jenis_kelamin"]
    issues.add(inv["jenis_kelamin"], "jenis_kelamin", "sex_invalid", S.REJECT,
               "Jenis kelamin not understood: write L or P (M/F, Laki-laki/Perempuan also work).")
    derive = sex.isna() & ~inv["jenis_kelamin"] & usable
    issues.add(derive, "jenis_kelamin", "sex_from_nip", S.INFO,
               "Jenis kelamin is blank: taken from NIP digit 15.")
    conflict = sex.notna() & usable & (sex != nip_sex)
    issues.add(conflict, "jenis_kelamin", "sex_conflicts_nip", S.REJECT,
               "Jenis kelamin contradicts NIP digit 15 (1 = male, 2 = female), so this person's "
               "sex is unknown. Correct whichever is wrong.")
    v["jenis_kelamin"] = sex.where(~derive, nip_sex)

    _date_rules(issues, nip_birth, nip_tmt, usable, is_pns, is_pppk, asof)
    _code_rules(issues, is_pns, is_pppk)


def _nip_rules(issues: Issues) -> None:
    v = issues.norm.values
    mangled = issues.norm.mangled["nip"]
    wrong = issues.norm.invalid["nip"]
    issues.add(v["nip"].isna() & ~mangled & ~wrong, "nip", "nip_missing", S.REJECT,
               "NIP is blank: every employee row needs the 18-digit NIP or NI PPPK.")
    issues.add(mangled, "nip", "nip_excel_mangled", S.REJECT,
               "Excel turned this NIP into a number (e.g. 1.98504E+17) and its last digits are "
               "lost. Format the NIP column as Text, type the NIP again and resend the file.")
    issues.add(wrong, "nip", "nip_format", S.REJECT,
               "NIP must be 18 digits (spaces allowed, e.g. 19680411 199303 1 009).")
    dup = v["nip"].notna() & v["nip"].duplicated(keep=False)
    issues.add(dup, "nip", "nip_duplicate", S.REJECT,
               "This NIP is on more than one row; all of them are held back. Keep only the "
               "correct row and resend the file.")


def _date_rules(issues: Issues, nip_birth: pd.Series, nip_tmt: pd.Series, usable: pd.Series,
                is_pns: pd.Series, is_pppk: pd.Series, asof: pd.Timestamp) -> None:
    v = issues.norm.values
    inv = issues.norm.invalid
    for col in ("tanggal_lahir", "tmt_cpns"):
        issues.add(inv[col], col, "date_invalid", S.REJECT,
                   "Not a valid date: write DD-MM-YYYY (e.g. 12-01-1985) or 12 Januari 1985.")
    issues.add(inv["tmt_pns"], "tmt_pns", "date_invalid", S.WARNING,
               "Not a valid date (ignored): write DD-MM-YYYY.")
    v["tmt_pns"] = v["tmt_pns"].where(~inv["tmt_pns"])

    birth = v["tanggal_lahir"]
    derive = birth.isna() & ~inv["tanggal_lahir"] & usable
    issues.add(derive, "tanggal_lahir", "birth_date_from_nip", S.INFO,
               "Tanggal lahir is blank: taken from NIP digits 1-8.")
    issues.add(birth.notna() & usable & (birth != nip_birth), "tanggal_lahir",
               "birth_date_disagrees_nip", S.WARNING,
               "Tanggal lahir differs from NIP digits 1-8 (BKN consistency rule): correct the "
               "record in SIASN. The row is counted with the date as written.")
    birth = birth.where(~derive, nip_birth)
    impossible = birth.notna() & ((birth > asof) | (birth.dt.year < MIN_YEAR))
    issues.add(impossible, "tanggal_lahir", "birth_date_impossible", S.REJECT,
               f"Impossible birth date: after the data date or before {MIN_YEAR}.")
    v["tanggal_lahir"] = birth

    tmt = v["tmt_cpns"]
    derive = tmt.isna() & ~inv["tmt_cpns"] & usable
    issues.add(derive, "tmt_cpns", "tmt_from_nip", S.INFO,
               "TMT is blank: taken from NIP digits 9-14 (NI PPPK: 1 January of digits 9-12).")
    pns_off = is_pns & (tmt.dt.strftime("%Y%m") != nip_tmt.dt.strftime("%Y%m"))
    pppk_off = is_pppk & (tmt.dt.year != nip_tmt.dt.year)
    issues.add(tmt.notna() & usable & pns_off, "tmt_cpns", "tmt_cpns_disagrees_nip", S.WARNING,
               "TMT CPNS differs from NIP digits 9-14 (BKN consistency rule): correct the record.")
    issues.add(tmt.notna() & usable & pppk_off, "tmt_cpns", "pppk_year_disagrees_nip",
               S.WARNING, "TMT PPPK year differs from NI PPPK digits 9-12: correct the record.")
    tmt = tmt.where(~derive, nip_tmt)
    too_early = tmt.notna() & birth.notna() & (tmt < birth + pd.DateOffset(years=15))
    issues.add(too_early, "tmt_cpns", "tmt_before_working_age", S.REJECT,
               "Impossible TMT: earlier than the 15th birthday.")
    issues.add(tmt > asof, "tmt_cpns", "tmt_after_data_date", S.WARNING,
               "TMT is after the data date: counted with 0 years of service.")
    issues.add(tmt.notna() & v["tmt_pns"].notna() & (tmt > v["tmt_pns"]), "tmt_pns",
               "tmt_cpns_after_tmt_pns", S.WARNING,
               "TMT CPNS is later than TMT PNS (BKN rule): correct the record.")
    v["tmt_cpns"] = tmt


def _code_rules(issues: Issues, is_pns: pd.Series, is_pppk: pd.Series) -> None:
    v = issues.norm.values
    inv = issues.norm.invalid
    present = issues.norm.present

    issues.add(value_missing(issues, "jenis_pegawai"), "jenis_pegawai",
               "jenis_pegawai_missing", S.REJECT,
               "Jenis pegawai is blank: write PNS, CPNS or PPPK.")
    issues.add(inv["jenis_pegawai"], "jenis_pegawai", "jenis_pegawai_invalid", S.REJECT,
               "Jenis pegawai not understood: write PNS, CPNS or PPPK.")

    if "kedudukan_hukum" not in present:
        v["kedudukan_hukum"] = "Aktif"
    else:
        issues.add(inv["kedudukan_hukum"], "kedudukan_hukum", "kedudukan_invalid", S.REJECT,
                   "Kedudukan hukum not understood: write Aktif, CLTN, Tugas Belajar, "
                   "Pemberhentian Sementara, Masa Persiapan Pensiun, Pensiun, Meninggal or "
                   "Diberhentikan.")
        blank = v["kedudukan_hukum"].isna() & ~inv["kedudukan_hukum"]
        issues.add(blank, "kedudukan_hukum", "kedudukan_blank", S.WARNING,
                   "Kedudukan hukum is blank: counted as Aktif.")
        v["kedudukan_hukum"] = v["kedudukan_hukum"].where(~blank, "Aktif")

    gol = v["golongan"]
    pns_form = gol.str.contains("/", regex=False).fillna(False)
    # Who needs a golongan is the description's (ColumnSpec.required_when), which the GX
    # suite reads too: a PPPK paruh waktu has none, and neither verdict asks for one.
    needs = issues.spec.column("golongan").required_when
    who = "/".join(needs[1]) if needs else "employee"
    issues.add(value_missing(issues, "golongan"), "golongan", "golongan_missing",
               S.REJECT, f"Golongan is blank: every {who} needs one (e.g. III/a).")
    bad = inv["golongan"] | (is_pns & gol.notna() & ~pns_form) | (is_pppk & pns_form)
    issues.add(bad, "golongan", "golongan_invalid", S.REJECT,
               "Golongan not valid: PNS I/a-IV/e (III/a, IIIa, 3A or 31 are all understood), "
               "PPPK I-XVII.")

    ese = v["eselon"]
    issues.add(inv["eselon"], "eselon", "eselon_invalid", S.REJECT,
               "Eselon not valid for a kabupaten: II.a, II.b, III.a, III.b, IV.a or IV.b "
               "(blank, NON or 99 for non-structural posts).")
    issues.add(inv["jenis_jabatan"], "jenis_jabatan", "jenis_jabatan_invalid", S.REJECT,
               "Jenis jabatan not understood: Struktural, Fungsional (Tertentu) or Pelaksana.")
    jj = v["jenis_jabatan"]
    issues.add((jj == "struktural") & ese.isna() & ~inv["eselon"], "eselon",
               "struktural_without_eselon", S.REJECT,
               "Jenis jabatan is Struktural but eselon is blank: fill in the eselon.")
    overrides = ese.notna() & jj.notna() & (jj != "struktural")
    issues.add(overrides, "jenis_jabatan", "eselon_sets_struktural", S.WARNING,
               "The row has an eselon, so it is counted as Struktural: check jenis jabatan.")
    v["jenis_jabatan"] = jj.where(ese.isna(), "struktural")

    issues.add(value_missing(issues, "tingkat_pendidikan"),
               "tingkat_pendidikan", "pendidikan_missing", S.REJECT,
               "Tingkat pendidikan is blank: write e.g. SLTA, D-III, S-1 or the SIASN code.")
    issues.add(inv["tingkat_pendidikan"], "tingkat_pendidikan", "pendidikan_invalid", S.REJECT,
               "Tingkat pendidikan not understood: write SD, SLTP, SLTA, D-I, D-II, D-III, D-IV, "
               "S-1, S-2, S-3 or the SIASN code (05-50).")
    issues.add(value_missing(issues, "pd_name"), "pd_name", "pd_missing", S.REJECT,
               "The agency (Perangkat Daerah / unit kerja) is blank.")
    if "nik" in present:
        issues.add(inv["nik"] | issues.norm.mangled["nik"], "nik", "nik_invalid", S.WARNING,
                   "NIK is not 16 digits (BKN quality rule): correct it in SIASN.")
