"""An independent computation of Tabel 4.1 from the generated sample files, in plain pandas.

It shares no code with ingest/ or the dbt models: it reads the files with openpyxl/pandas, knows
the two sample layouts, drops the rows the sample manifest says must be rejected, and counts.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd

from terpilah.sample import SampleManifest

HEALTH_JF = ("Perawat", "Bidan", "Dokter", "Dokter Gigi", "Apoteker", "Asisten Apoteker",
             "Nutrisionis", "Sanitarian", "Pranata Laboratorium Kesehatan", "Radiografer",
             "Perekam Medis", "Epidemiolog Kesehatan", "Penyuluh Kesehatan Masyarakat",
             "Administrator Kesehatan")
NOT_ASN = {"Pensiun", "Meninggal", "Diberhentikan"}
MONTHS = {m: i for i, m in enumerate(
    ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
     "oktober", "november", "desember"], start=1)}


def _date(text: str) -> date:
    text = text.strip()
    if m := re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", text):
        return date(int(m[3]), int(m[2]), int(m[1]))
    day, month, year = text.split()
    return date(int(year), MONTHS[month.lower()], int(day))


def _years(start: date, end: date) -> int:
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def _read(root: Path, file: object) -> pd.DataFrame:
    path = root / file.path  # type: ignore[attr-defined]
    skip = file.header_row - 1  # type: ignore[attr-defined]
    if file.layout == "siasn":  # type: ignore[attr-defined]
        frame = pd.read_excel(path, sheet_name="Data Utama", dtype=str, engine="openpyxl",
                              skiprows=skip).fillna("")
        frame = frame.rename(columns={
            "NIP BARU": "nip", "JENIS KELAMIN": "sex", "TANGGAL LAHIR": "birth",
            "JENIS PEGAWAI NAMA": "status", "KEDUDUKAN HUKUM NAMA": "kedudukan",
            "TMT CPNS": "tmt", "GOL AKHIR NAMA": "gol", "JABATAN NAMA": "jabatan",
            "JENIS JABATAN ID": "jenis", "ESELON ID": "eselon", "TINGKAT PENDIDIKAN ID": "edu",
            "UNOR INDUK NAMA": "pd"})
        frame["sex"] = frame["sex"].map({"M": "L", "F": "P", "": ""})
        frame["jenis"] = frame["jenis"].map({"1": "struktural", "2": "fungsional",
                                             "4": "pelaksana"})
        frame["eselon"] = frame["eselon"].str[:1].map({"2": "II", "3": "III", "4": "IV"})
        frame["edu"] = frame["edu"].astype(int)
    else:
        frame = pd.read_csv(path, sep=";", encoding="cp1252", dtype=str, skiprows=skip,
                            keep_default_na=False)
        frame = frame[frame["NAMA"] != "JUMLAH"].rename(columns={
            "NIP": "nip", "L/P": "sex", "TGL LAHIR": "birth", "STATUS PEGAWAI": "status",
            "KEDUDUKAN": "kedudukan", "TMT CPNS": "tmt", "GOL": "gol", "JABATAN": "jabatan",
            "JENIS JABATAN": "jenis", "ESELON": "eselon", "PENDIDIKAN": "edu",
            "UNIT KERJA": "pd"})
        frame["jenis"] = frame["jenis"].str.lower()
        frame["eselon"] = frame["eselon"].str.extract(r"^(IV|III|II)", expand=False)
        edu = {"SD": 5, "SLTP": 10, "SMP": 10, "SLTA": 15, "SMA": 15, "SMK": 15, "D1": 20,
               "D2": 25, "D3": 30, "D4": 35, "S1": 40, "S2": 45, "S3": 50}
        frame["edu"] = frame["edu"].str.upper().str.replace("-", "").map(edu)
    frame["row"] = range(file.header_row + 1, file.header_row + 1 + len(frame))  # type: ignore[attr-defined]
    frame["nip"] = frame["nip"].str.replace(r"[\s']", "", regex=True)
    return frame


def _classify(frame: pd.DataFrame, on: date) -> pd.DataFrame:
    nip_sex = frame["nip"].str[14].map({"1": "L", "2": "P"})
    sex = frame["sex"].where(frame["sex"].isin(["L", "P"]), nip_sex)
    pppk = frame["status"].str.upper().str.contains("PPPK")
    gol_group = frame["gol"].str.upper().str.extract(r"^(IV|III|II|I|[1-4])", expand=False)
    gol_group = gol_group.replace({"1": "I", "2": "II", "3": "III", "4": "IV"})
    jenis = frame["jenis"].where(frame["eselon"].isna(), "struktural")
    jab = frame["jabatan"].fillna("")
    health = jab.apply(lambda j: any(j == h or j.startswith(h + " ") for h in HEALTH_JF))
    rumpun = jab.str.startswith("Guru").map({True: "JF Guru", False: "JF Teknis Lainnya"})
    rumpun = rumpun.where(~health, "JF Kesehatan")
    edu = frame["edu"].astype(int)
    age = frame["birth"].map(lambda t: _years(_date(t), on))
    service = frame["tmt"].map(lambda t: max(0, _years(_date(t), on)))
    return pd.DataFrame({
        "pd": frame["pd"].str.split().str.join(" "), "sex": sex,
        "asn": ~frame["kedudukan"].isin(NOT_ASN),
        "status": pppk.map({True: "PPPK", False: "PNS"}),
        "level": frame["eselon"].map({"II": "JPT Pratama (Eselon II)",
                                      "III": "Administrator (Eselon III)",
                                      "IV": "Pengawas (Eselon IV)"}).fillna(
            jenis.map({"pelaksana": "Pelaksana", "fungsional": "Jabatan Fungsional (Total)"})),
        "rumpun": rumpun.where(jenis == "fungsional"),
        "golongan": ("Golongan " + gol_group).where(~pppk),
        "pendidikan": pd.cut(edu, [0, 18, 30, 40, 99], labels=[
            "SLTA ke bawah", "D3/D2/D1", "S1/D4", "S3/S2"]).astype(str),
        "usia": pd.cut(age, [0, 30, 40, 50, 200], labels=[
            "<= 30 tahun", "31 - 40 tahun", "41 - 50 tahun", "> 50 tahun"]).astype(str),
        "masa_kerja": pd.cut(service, [-1, 5, 15, 200], labels=[
            "0 - 5 tahun", "6 - 15 tahun", "> 15 tahun"]).astype(str),
    })


def expected_profile(root: Path) -> pd.DataFrame:
    """Rows (data_date, scope, pd_name, sub_kategori, pria, wanita) with total > 0."""
    manifest = SampleManifest.load(root)
    parts = []
    for file in manifest.files:
        on = date.fromisoformat(file.data_date)
        frame = _read(root, file)
        rejected = {f.row for f in file.flaws if f.expected == "rejected"}
        frame = frame[~frame["row"].isin(rejected)]
        people = _classify(frame, on)
        people = people[people["asn"]]
        people["sub_total"] = "Total ASN"
        long = people.melt(id_vars=["pd", "sex"], value_name="sub_kategori",
                           value_vars=["sub_total", "status", "level", "rumpun", "golongan",
                                       "pendidikan", "usia", "masa_kerja"]).dropna()
        for scope, keys in (("kabupaten", ["sub_kategori"]), ("pd", ["pd", "sub_kategori"])):
            counts = long.groupby([*keys, "sex"]).size().unstack("sex", fill_value=0)
            counts = counts.reindex(columns=["L", "P"], fill_value=0).reset_index()
            counts["data_date"] = on
            counts["scope"] = scope
            if scope == "kabupaten":
                counts["pd"] = None
            parts.append(counts.rename(columns={"L": "pria", "P": "wanita", "pd": "pd_name"}))
    out = pd.concat(parts, ignore_index=True)
    return out[["data_date", "scope", "pd_name", "sub_kategori", "pria", "wanita"]]
