"""An independent computation of the career marts (pyramid and cohorts) from the generated sample
files, in plain pandas.

It shares no code with ingest/ or dbt: the SIMPEG files are read and classified by
``independent_profile`` (openpyxl/pandas), the rows the manifest says are rejected are dropped,
and the employee history is every accepted extract on or before a date, keyed by the NIP.
"""

from __future__ import annotations

import csv
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import pandas as pd
from independent_profile import _classify, _read

from terpilah.sample import SampleManifest

LEVELS = (  # rank, code, Tabel 4.1 row
    (1, "pelaksana", "Pelaksana"),
    (2, "fungsional", "Jabatan Fungsional (Total)"),
    (3, "pengawas", "Pengawas (Eselon IV)"),
    (4, "administrator", "Administrator (Eselon III)"),
    (5, "jpt_pratama", "JPT Pratama (Eselon II)"),
)
RANK = {row: rank for rank, _, row in LEVELS}
CODE = {rank: code for rank, code, _ in LEVELS}
HORIZONS = (5, 10, 15)
PENDIDIKAN = ("S3/S2", "S1/D4", "D3/D2/D1", "SLTA ke bawah")
COUNTS = ("cohort_size", "highest_pelaksana", "highest_fungsional", "reached_pengawas",
          "reached_administrator", "reached_jpt", "current_struktural")


def pct(part: int, whole: int) -> Decimal | None:
    """round(100 * part / whole, 1) half up, exactly; None when whole is 0."""
    if whole == 0:
        return None
    value = Fraction(100 * part, whole)
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP)


def people(root: Path) -> pd.DataFrame:
    """Every accepted row of every extract: date, nip, pd, sex, asn, status (PNS/PPPK), level
    rank, education group and entry year (year of TMT CPNS)."""
    parts = []
    for file in SampleManifest.load(root).files:
        on = date.fromisoformat(file.data_date)
        frame = _read(root, file)
        rejected = {f.row for f in file.flaws if f.expected == "rejected"}
        frame = frame[~frame["row"].isin(rejected)]
        classified = _classify(frame, on)
        classified["data_date"] = on
        classified["nip"] = frame["nip"]
        classified["entry_year"] = frame["tmt"].str.strip().str[-4:].astype(int)
        classified["rank"] = classified["level"].map(RANK)
        parts.append(classified)
    return pd.concat(parts, ignore_index=True)


def expected_pyramid(everyone: pd.DataFrame) -> pd.DataFrame:
    """Rows (data_date, scope, pd_name, level_code, pria, wanita), all five levels for the
    kabupaten on every date and for every PD with an ASN on that date; ``everyone`` is
    :func:`people`."""
    asn = everyone[everyone["asn"]]
    out = []
    for on in sorted(everyone["data_date"].unique()):
        today = asn[asn["data_date"] == on]
        units: list[tuple[str, str | None, pd.DataFrame]] = [("kabupaten", None, today)]
        units += [("pd", name, group) for name, group in today.groupby("pd")]
        for scope, pd_name, group in units:
            for rank, code, _ in LEVELS:
                at_level = group[group["rank"] == rank]
                out.append({"data_date": on, "scope": scope, "pd_name": pd_name,
                            "level_code": code, "pria": int((at_level["sex"] == "L").sum()),
                            "wanita": int((at_level["sex"] == "P").sum())})
    return pd.DataFrame(out)


def cohort_members(everyone: pd.DataFrame) -> pd.DataFrame:
    """Per date: the PNS counting as ASN whose entry year is the date's year minus 5, 10 or 15,
    with their current rank and the highest rank held as ASN on any date up to that one."""
    asn = everyone[everyone["asn"]]
    parts = []
    for on in sorted(everyone["data_date"].unique()):
        highest = asn[asn["data_date"] <= on].groupby("nip")["rank"].max()
        today = asn[(asn["data_date"] == on) & (asn["status"] == "PNS")].copy()
        today["horizon_years"] = on.year - today["entry_year"]
        today = today[today["horizon_years"].isin(HORIZONS)]
        today["highest_rank"] = today["nip"].map(highest)
        parts.append(today)
    return pd.concat(parts, ignore_index=True)


def expected_cohorts(members: pd.DataFrame, dates: list[date]) -> pd.DataFrame:
    """All 45 cells per date (horizon x education group or 'Semua' x L, P or 'Semua')."""
    out = []
    for on in dates:
        for horizon in HORIZONS:
            cohort = members[(members["data_date"] == on) & (members["horizon_years"] == horizon)]
            for group in (*PENDIDIKAN, "Semua"):
                for sex in ("L", "P", "Semua"):
                    cell = cohort
                    if group != "Semua":
                        cell = cell[cell["pendidikan"] == group]
                    if sex != "Semua":
                        cell = cell[cell["sex"] == sex]
                    top = cell["highest_rank"]
                    row = {"data_date": on, "horizon_years": horizon,
                           "entry_year": on.year - horizon, "pendidikan_kelompok": group,
                           "jenis_kelamin": sex, "cohort_size": len(cell),
                           "highest_pelaksana": int((top == 1).sum()),
                           "highest_fungsional": int((top == 2).sum()),
                           "reached_pengawas": int((top >= 3).sum()),
                           "reached_administrator": int((top >= 4).sum()),
                           "reached_jpt": int((top >= 5).sum()),
                           "current_struktural": int((cell["rank"] >= 3).sum())}
                    for code in ("pengawas", "administrator", "jpt"):
                        row[f"pct_reached_{code}"] = pct(row[f"reached_{code}"], len(cell))
                    out.append(row)
    return pd.DataFrame(out)


def demote_in_local_csv(path: Path, nip: str, jabatan: str = "Pengadministrasi Umum") -> None:
    """Make the employee with this NIP a pelaksana in a local SIMPEG CSV (cp1252, ';', CRLF),
    leaving every other byte as the generator wrote it: a structural official relieved of
    the post ("dibebastugaskan")."""
    with open(path, encoding="cp1252", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    header = next(i for i, row in enumerate(rows) if row[:2] == ["NO", "NIP"])
    columns = rows[header]
    hits = [row for row in rows[header + 1:]
            if "".join(ch for ch in row[columns.index("NIP")] if ch.isdigit()) == nip]
    if len(hits) != 1:
        raise ValueError(f"expected one row of the NIP, found {len(hits)}")
    hits[0][columns.index("JABATAN")] = jabatan
    hits[0][columns.index("JENIS JABATAN")] = "Pelaksana"
    hits[0][columns.index("ESELON")] = ""
    with open(path, "w", encoding="cp1252", newline="") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\r\n").writerows(rows)
