"""An independent computation of marts.simpeg_data_quality and of the keys of the restricted
fix list, from the landing files, in plain pandas and Python.

It shares no code with ingest/ or the dbt models: it reads the two SIMPEG layouts (SIASN "Data
Utama" XLSX, local ``;`` CSV) with pandas, decides by itself which rows the loader rejects
(Excel-mangled NIPs come from the sample manifest, which knows them), applies every rule as the
catalogue describes it, and scores with Python's Decimal (rounded half up). Dimensions follow
the code prefix and the weights are BKN's (domain brief).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd

DIMENSIONS = {"COM": "completeness", "TIM": "timeliness", "ACC": "accuracy", "CON": "consistency"}
WEIGHTS = {"completeness": 28, "timeliness": 31, "accuracy": 30, "consistency": 11}  # x 100
RULES = [*(f"COM_{i}" for i in range(1, 12)), "TIM_1", "TIM_2",
         *(f"ACC_{i}" for i in range(1, 7)), *(f"CON_{i}" for i in range(1, 7))]
NOT_ASN = {"Pensiun", "Meninggal", "Diberhentikan"}
MONTHS = {m: i for i, m in enumerate(
    ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
     "oktober", "november", "desember"], start=1)}
GOLONGAN = {f"{r}/{c}": 10 * n + i for n, r in enumerate(["I", "II", "III", "IV"], start=1)
            for i, c in enumerate("abcde", start=1)}
MINIMUM = {"II.a": "IV/b", "II.b": "IV/a", "III.a": "III/d", "III.b": "III/c", "IV.a": "III/b",
           "IV.b": "III/a"}
EDU = {"SD": "05", "SLTP": "10", "SMP": "10", "SLTA": "15", "SMA": "15", "SMK": "15", "D1": "20",
       "D2": "25", "D3": "30", "D4": "35", "S1": "40", "S2": "45", "S3": "50"}
SIASN = {"NIP BARU": "nip", "NIK": "nik", "NOMOR HP": "hp", "EMAIL": "email",
         "TANGGAL LAHIR": "birth", "JENIS KELAMIN": "sex", "JENIS PEGAWAI NAMA": "status",
         "KEDUDUKAN HUKUM NAMA": "kedudukan", "TMT CPNS": "tmt", "TMT PNS": "tmt_pns",
         "GOL AKHIR NAMA": "gol", "ESELON NAMA": "eselon", "JENIS JABATAN NAMA": "jenis",
         "JABATAN NAMA": "jabatan", "TINGKAT PENDIDIKAN ID": "edu", "UNOR NAMA": "unor",
         "UNOR INDUK NAMA": "pd"}
LOCAL = {"NIP": "nip", "L/P": "sex", "TGL LAHIR": "birth", "STATUS PEGAWAI": "status",
         "GOL": "gol", "TMT CPNS": "tmt", "JABATAN": "jabatan", "JENIS JABATAN": "jenis",
         "ESELON": "eselon", "PENDIDIKAN": "edu", "UNIT KERJA": "pd", "KEDUDUKAN": "kedudukan"}
COLUMNS = ["nip", "nik", "hp", "email", "birth", "sex", "status", "kedudukan", "tmt", "tmt_pns",
           "gol", "eselon", "jenis", "jabatan", "edu", "unor", "pd"]


@dataclass(frozen=True)
class Extract:
    """One landing file: its date, name, layout and 1-based header row."""

    data_date: date
    path: Path
    layout: str  # "siasn" | "local"
    header_row: int
    mangled_rows: frozenset[int] = frozenset()  # rows whose NIP Excel turned into a number


def parse_date(text: str) -> date | None:
    text = text.strip()
    if m := re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", text):
        try:
            return date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            return None
    if m := re.fullmatch(r"(\d{1,2}) ([A-Za-z]+) (\d{4})", text):
        return date(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
    return None


def years(start: date, end: date) -> int:
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def read(extract: Extract) -> pd.DataFrame:
    """The file's data rows with canonical columns ("" when blank or absent) and ``row``."""
    skip = extract.header_row - 1
    if extract.layout == "siasn":
        frame = pd.read_excel(extract.path, sheet_name="Data Utama", dtype=str,
                              engine="openpyxl", skiprows=skip).fillna("")
        names = SIASN
    else:
        frame = pd.read_csv(extract.path, sep=";", encoding="cp1252", dtype=str, skiprows=skip,
                            keep_default_na=False)
        names = LOCAL
    frame["row"] = range(extract.header_row + 1, extract.header_row + 1 + len(frame))
    if "NAMA" in frame:
        frame = frame[frame["NAMA"] != "JUMLAH"]
    out = pd.DataFrame({"row": frame["row"]})
    for header, name in names.items():
        out[name] = frame[header].astype(str).str.strip() if header in frame else ""
    for name in COLUMNS:
        if name not in out:
            out[name] = ""
    out["pd"] = out["pd"].str.split().str.join(" ")
    out["nip"] = out["nip"].str.replace(r"[\s'.-]", "", regex=True)
    out["sex"] = out["sex"].map({"M": "L", "F": "P", "L": "L", "P": "P"}).fillna("")
    out["status"] = out["status"].map(
        lambda s: "PPPK" if "PPPK" in s else "CPNS" if s.startswith("CPNS") else
        "PNS" if "PNS" in s else "")
    out["kedudukan"] = out["kedudukan"].replace("", "Aktif")
    out["eselon"] = out["eselon"].where(out["eselon"].isin(MINIMUM.keys()), "")
    out["jenis"] = out["jenis"].str.lower().map(
        lambda j: "struktural" if "struktural" in j else "pelaksana" if ("umum" in j or
                  "pelaksana" in j) else "fungsional" if "fungsional" in j else "")
    out["edu"] = out["edu"].map(lambda e: EDU.get(e.upper().replace("-", ""), e))
    out["gol"] = out["gol"].map(golongan)
    out["file"] = extract.path.name
    return out.reset_index(drop=True)


def golongan(text: str) -> str:
    """A PNS golongan as `III/c` from `III/c`, `IIIc`, `III-C`, `3C` or the code `33`; the
    text unchanged otherwise (PPPK `IX`)."""
    t = text.strip().upper()
    roman = {"1": "I", "2": "II", "3": "III", "4": "IV"}
    if m := re.fullmatch(r"(IV|III|II|I) ?[/-]? ?([A-E])", t):
        return f"{m[1]}/{m[2].lower()}"
    if m := re.fullmatch(r"([1-4]) ?([A-E])", t):
        return f"{roman[m[1]]}/{m[2].lower()}"
    if m := re.fullmatch(r"([1-4])([1-5])", t):
        return f"{roman[m[1]]}/{'abcde'[int(m[2]) - 1]}"
    return text


def _rejections(frame: pd.DataFrame, mangled: frozenset[int]) -> pd.Series:
    """Per row, the quality rules a row the loader rejects fails (empty: the row loads)."""
    out = pd.Series([set() for _ in range(len(frame))], index=frame.index)
    valid = frame["nip"].str.fullmatch(r"\d{18}") & ~frame["row"].isin(mangled)
    for i, r in frame.iterrows():
        if not valid[i]:
            out[i].add("ACC_6" if r["nip"] else "COM_11")
        elif r["sex"] and r["sex"] != {"1": "L", "2": "P"}.get(r["nip"][14]):
            out[i].add("CON_3")
        if any(r[c] and parse_date(r[c]) is None for c in ("birth", "tmt")):
            out[i].add("ACC_6")  # not a date
        if not r["edu"]:
            out[i].add("COM_2")
        if r["status"] in ("PNS", "CPNS") and not r["gol"]:
            out[i].add("COM_5")
        if not r["pd"]:
            out[i].add("COM_11")
    dup = valid & frame["nip"].duplicated(keep=False)
    for i in frame.index[dup]:
        out[i].add("ACC_5")
    return out


def _bup(r: pd.Series) -> int:
    jab = f" {r['jabatan'].lower()} "
    if r["eselon"].startswith("II."):
        return 60
    if " ahli utama " in jab:
        return 65
    if " ahli madya " in jab:
        return 60
    guru = not r["eselon"] and r["jenis"] != "pelaksana" and jab.startswith(" guru ")
    if guru or jab.startswith(" pengawas sekolah "):
        return 60
    return 58


def _nik_ok(nik: str, birth: date, sex: str) -> bool:
    if not re.fullmatch(r"\d{16}", nik):
        return False
    region = nik[0] not in "04" and nik[1] != "0" and nik[2:4] != "00" and nik[4:6] != "00"
    day = birth.day + (40 if sex == "P" else 0)
    return region and nik[6:12] == f"{day:02d}{birth.month:02d}{birth.year % 100:02d}"


def _loaded_checks(frame: pd.DataFrame, on: date) -> list[dict[str, object]]:
    """One dict per loaded record: rule -> True (fails) / False (passes); absent: not checked."""
    exported = {c: bool((frame[c] != "").any()) for c in
                ("nik", "hp", "email", "jabatan", "tmt_pns", "birth", "tmt", "sex")}
    asn = ~frame["kedudukan"].isin(NOT_ASN)
    posts = frame[asn & (frame["eselon"] != "") & (frame["jabatan"] != "")]
    holders = posts.groupby(["pd", "unor", "jabatan"]).size()
    out = []
    for i, r in frame.iterrows():
        nip = r["nip"]
        nip_birth = date(int(nip[:4]), int(nip[4:6]), int(nip[6:8]))
        birth = parse_date(r["birth"]) if r["birth"] else nip_birth
        sex = r["sex"] or {"1": "L", "2": "P"}[nip[14]]
        tmt = parse_date(r["tmt"]) if r["tmt"] else (
            date(int(nip[8:12]), 1, 1) if r["status"] == "PPPK"
            else date(int(nip[8:12]), int(nip[12:14]), 1))
        tmt_pns = parse_date(r["tmt_pns"]) if r["tmt_pns"] else None
        c: dict[str, object] = {"COM_2": False, "COM_11": False, "ACC_5": False, "ACC_6": False}
        for rule, col in (("COM_1", "nik"), ("COM_3", "birth"), ("COM_4", "tmt"),
                          ("COM_6", "jabatan"), ("COM_7", "hp"), ("COM_8", "email"),
                          ("COM_9", "sex")):
            if exported[col]:
                c[rule] = r[col] == ""
        if r["status"] in ("PNS", "CPNS"):
            c["COM_5"] = False
        if exported["tmt_pns"] and r["status"] == "PNS":
            c["COM_10"] = tmt_pns is None
        serving = bool(asn[i])
        if serving:
            months = (on.year * 12 + on.month) - (birth.year * 12 + birth.month)
            c["TIM_1"] = months >= _bup(r) * 12 + 1
        if r["status"] == "CPNS":
            c["TIM_2"] = date(tmt.year + 2, tmt.month, tmt.day) < on
        if r["nik"]:
            c["ACC_1"] = not _nik_ok(r["nik"], birth, sex)
        if serving and r["eselon"]:
            if r["jabatan"]:
                c["ACC_2"] = holders[(r["pd"], r["unor"], r["jabatan"])] > 1
            c["ACC_3"] = max(0, years(tmt, on)) < 2
            if r["status"] in ("PNS", "CPNS") and r["gol"] in GOLONGAN:
                c["ACC_4"] = GOLONGAN[r["gol"]] < GOLONGAN[MINIMUM[r["eselon"]]]
        if r["birth"]:
            c["CON_1"] = nip[:8] != f"{birth:%Y%m%d}"
        if r["tmt"]:
            c["CON_2"] = (nip[8:12] != f"{tmt.year}" if r["status"] == "PPPK"
                          else nip[8:14] != f"{tmt:%Y%m}")
        if r["sex"]:
            c["CON_3"] = False
        c["CON_4"] = r["status"] == "PPPK" and "01" <= nip[12:14] <= "12"
        if tmt_pns is not None:
            c["CON_5"] = tmt > tmt_pns
        c["CON_6"] = bool(r["eselon"]) and r["jenis"] not in ("", "struktural")
        out.append(c)
    return out


def records(extracts: list[Extract]) -> pd.DataFrame:
    """One row per (record, checked rule): data_date, file, row, pd (None: no PD), status
    (loaded | rejected_at_load), rule, fails. A date's files form one extract."""
    rows = []
    for extract in extracts:
        frame = read(extract)
        rejected = _rejections(frame, extract.mangled_rows)
        loaded = frame[rejected.map(len) == 0].reset_index(drop=True)
        for i, r in frame[rejected.map(len) > 0].iterrows():
            for rule in sorted(rejected[i]):
                rows.append((extract.data_date, r["file"], r["row"], r["pd"] or None,
                             "rejected_at_load", rule, True))
        for r, checks in zip(loaded.itertuples(), _loaded_checks(loaded, extract.data_date),
                             strict=True):
            for rule, fails in checks.items():
                rows.append((extract.data_date, r.file, r.row, r.pd, "loaded", rule,
                             bool(fails)))
    return pd.DataFrame(rows, columns=["data_date", "file", "row", "pd", "status", "rule",
                                       "fails"])


def _pct(passing: int, checked: int) -> Decimal | None:
    if checked == 0:
        return None
    return (Decimal(100 * passing) / Decimal(checked)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _scored(checks: pd.DataFrame) -> list[dict[str, object]]:
    """The mart's rows for one (date, scope, PD) from its (record, rule) checks."""
    checks = checks.assign(dimension=checks["rule"].str[:3].map(DIMENSIONS),
                           rejected=checks["status"] == "rejected_at_load")
    out: list[dict[str, object]] = []
    dim_scores: dict[str, Decimal | None] = {}
    for dimension in WEIGHTS:
        pcts = []
        for rule in (r for r in RULES if DIMENSIONS[r[:3]] == dimension):
            part = checks[checks["rule"] == rule]
            pct = _pct(int((~part["fails"]).sum()), len(part))
            out.append({"level": "rule", "dimension": dimension, "rule_code": rule,
                        "records_checked": len(part), "records_failing": int(part["fails"].sum()),
                        "records_rejected_at_load": int(part["rejected"].sum()),
                        "pct_passing": pct, "score": pct})
            if pct is not None:
                pcts.append(pct)
        score = ((sum(pcts, Decimal(0)) / len(pcts)).quantize(Decimal("0.01"), ROUND_HALF_UP)
                 if pcts else None)
        dim_scores[dimension] = score
        per_record = checks[checks["dimension"] == dimension].groupby(["file", "row"]).agg(
            fails=("fails", "max"), rejected=("rejected", "max"))
        out.append({"level": "dimension", "dimension": dimension, "rule_code": None,
                    "records_checked": len(per_record),
                    "records_failing": int(per_record["fails"].sum()),
                    "records_rejected_at_load": int(per_record["rejected"].sum()),
                    "pct_passing": _pct(int((~per_record["fails"]).sum()), len(per_record)),
                    "score": score})
    used = {d: s for d, s in dim_scores.items() if s is not None}
    weight = sum(WEIGHTS[d] for d in used)
    index = (sum((WEIGHTS[d] * s for d, s in used.items()), Decimal(0)) / weight).quantize(
        Decimal("0.01"), ROUND_HALF_UP) if used else None
    per_record = checks.groupby(["file", "row"]).agg(fails=("fails", "max"),
                                                     rejected=("rejected", "max"))
    out.append({"level": "index", "dimension": None, "rule_code": None,
                "records_checked": len(per_record),
                "records_failing": int(per_record["fails"].sum()),
                "records_rejected_at_load": int(per_record["rejected"].sum()),
                "pct_passing": _pct(int((~per_record["fails"]).sum()), len(per_record)),
                "score": index})
    return out


def expected_quality(extracts: list[Extract]) -> pd.DataFrame:
    """The mart's rows: data_date, scope, pd_name, level, dimension, rule_code, counts,
    pct_passing and score (Decimal or None)."""
    checks = records(extracts)
    rows = []
    for day, on_date in checks.groupby("data_date"):
        groups = [("kabupaten", None, on_date)] + [
            ("pd", pd_name, part) for pd_name, part in on_date.dropna(subset=["pd"]).groupby("pd")]
        for scope, pd_name, part in groups:
            for row in _scored(part):
                rows.append({"data_date": day, "scope": scope, "pd_name": pd_name, **row})
    return pd.DataFrame(rows)


def expected_fix_list(extracts: list[Extract]) -> set[tuple[str, int, str]]:
    """(file, row, rule) of every failing check of the latest date."""
    checks = records(extracts)
    latest = checks[(checks["data_date"] == checks["data_date"].max()) & checks["fails"]]
    return {(r.file, int(r.row), r.rule) for r in latest.itertuples()}
