"""Render the people of one date as the rows of a SIASN export or a local SIMPEG list.

Every value is a string ("" for an empty cell); the writers decide how cells are stored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from terpilah.sample.agencies import Org
from terpilah.sample.career import day_to_ymd, derive, month_to_day
from terpilah.sample.codes import (
    AGAMA,
    BULAN,
    EDU_CODES,
    EDU_LOCAL,
    EDU_NAMES,
    EDU_SLTA,
    ESELON_IDS,
    GOLONGAN_IDS,
    GOLONGAN_NAMES,
    JENIS_JABATAN,
    JENIS_PEGAWAI,
    KAWIN,
    KEDUDUKAN_IDS,
    NON_ESELON_ID,
    NON_ESELON_NAME,
    PEMDA,
    ROMAN,
)

# The sample's PPPK paruh waktu (part-time, appointed from SD to Diploma III: the golongan
# I-VII of a full-time PPPK) hold no golongan.
PARUH_WAKTU_MAX_GOL = 7

SIASN_COLUMNS: tuple[str, ...] = (
    "PNS ID", "NIP BARU", "NIP LAMA", "NAMA", "GELAR DEPAN", "GELAR BELAKANG", "TEMPAT LAHIR ID",
    "TEMPAT LAHIR NAMA", "TANGGAL LAHIR", "JENIS KELAMIN", "AGAMA ID", "AGAMA NAMA",
    "JENIS KAWIN ID", "JENIS KAWIN NAMA", "NIK", "NOMOR HP", "EMAIL", "ALAMAT",
    "JENIS PEGAWAI ID", "JENIS PEGAWAI NAMA", "KEDUDUKAN HUKUM ID", "KEDUDUKAN HUKUM NAMA",
    "STATUS CPNS PNS", "NOMOR SK CPNS", "TMT CPNS", "TMT PNS", "GOL AWAL ID", "GOL AWAL NAMA",
    "GOL AKHIR ID", "GOL AKHIR NAMA", "TMT GOLONGAN", "MK TAHUN", "MK BULAN", "JENIS JABATAN ID",
    "JENIS JABATAN NAMA", "JABATAN ID", "JABATAN NAMA", "TMT JABATAN", "TINGKAT PENDIDIKAN ID",
    "TINGKAT PENDIDIKAN NAMA", "PENDIDIKAN ID", "PENDIDIKAN NAMA", "TAHUN LULUS", "LOKASI KERJA",
    "UNOR ID", "UNOR NAMA", "INSTANSI INDUK NAMA", "INSTANSI KERJA NAMA", "SATUAN KERJA NAMA",
    "ESELON ID", "ESELON NAMA", "UNOR INDUK ID", "UNOR INDUK NAMA",
)  # fmt: skip
LOCAL_COLUMNS: tuple[str, ...] = (
    "NO", "NIP", "NAMA", "L/P", "TEMPAT LAHIR", "TGL LAHIR", "STATUS PEGAWAI", "GOL", "TMT CPNS",
    "JABATAN", "JENIS JABATAN", "ESELON", "PENDIDIKAN", "UNIT KERJA", "KEDUDUKAN",
)  # fmt: skip


def _obj(values: Sequence | np.ndarray) -> np.ndarray:
    arr = np.empty(len(values), dtype=object)
    arr[:] = list(values) if not isinstance(values, np.ndarray) else values
    return arr


def _map_unique(values: np.ndarray, fn: Callable[[Any], str]) -> np.ndarray:
    """Apply ``fn`` once per distinct value (dates and names repeat a lot)."""
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), sort=False)
    mapped = _obj([fn(u) for u in uniques])
    return mapped[codes]


def hex_id(text: str) -> str:
    """A stable SIASN-like reference ID (32 upper-case hex digits) for a name."""
    return hashlib.md5(text.encode("utf-8"), usedforsecurity=False).hexdigest().upper()


def dmy(days: np.ndarray) -> np.ndarray:
    """DD-MM-YYYY."""
    return _map_unique(np.asarray(days), lambda d: _fmt(int(d), "{d:02d}-{m:02d}-{y:04d}"))


def indonesian(days: np.ndarray) -> np.ndarray:
    """12 Januari 1985."""
    return _map_unique(np.asarray(days), lambda d: _fmt(int(d), "{d} {bulan} {y:04d}"))


def _fmt(day: int, pattern: str) -> str:
    y, m, d = (int(v[0]) for v in day_to_ymd(np.array([day])))
    return pattern.format(d=d, m=m, y=y, bulan=BULAN[m - 1])


def indonesian_date(on: date) -> str:
    return f"{on.day} {BULAN[on.month - 1]} {on.year}"


def _take(table: tuple, index: np.ndarray, column: int | None = None) -> np.ndarray:
    values = table if column is None else tuple(row[column] for row in table)
    return _obj(values)[index]


def siasn_table(org: Org, people: pd.DataFrame, on: date) -> pd.DataFrame:
    """Rows of a SIASN "data utama" export on ``on``, sorted by NIP."""
    d = derive(people, org.posts, on)
    pppk = d.status == "PPPK"
    pd_idx = people["pd"].to_numpy()
    pd_names = _obj(org.pd_names)[pd_idx]
    unor = people["unor"].to_numpy()
    edu = people["edu"].to_numpy()
    jenis_key = d.jenis
    jenis = {k: _obj([JENIS_JABATAN[x][i] for x in jenis_key]) for k, i in (("id", 0), ("n", 1))}
    # PPPK golongan: ID and name are both the roman; a PPPK paruh waktu has none (blank).
    roman = _obj(ROMAN)[pppk_golongan(d.gol, pppk)]
    pns_gol, pns_start = np.where(pppk, 0, d.gol), np.where(pppk, 0, d.gol_start)
    gol_id = np.where(pppk, roman, _obj(GOLONGAN_IDS)[pns_gol])
    gol_name = np.where(pppk, roman, _obj(GOLONGAN_NAMES)[pns_gol])
    awal_id = np.where(pppk, roman, _obj(GOLONGAN_IDS)[pns_start])
    awal_name = np.where(pppk, roman, _obj(GOLONGAN_NAMES)[pns_start])
    structural = d.level > 0
    jab_key = np.where(structural, pd_names + "|" + unor + "|" + d.jabatan, d.jabatan)
    status = people["status"].to_numpy()
    tmt_pns = np.where(d.status == "PNS", dmy(month_to_day(people["tmt_pns"].to_numpy())), "")
    cols = {
        "PNS ID": people["pns_id"].to_numpy(),
        "NIP BARU": people["nip"].to_numpy(),
        "NIP LAMA": people["nip_lama"].to_numpy(),
        "NAMA": people["nama"].to_numpy(),
        "GELAR DEPAN": people["gelar_depan"].to_numpy(),
        "GELAR BELAKANG": people["gelar_belakang"].to_numpy(),
        "TEMPAT LAHIR ID": _map_unique(people["birthplace"].to_numpy(), hex_id),
        "TEMPAT LAHIR NAMA": people["birthplace"].to_numpy(),
        "TANGGAL LAHIR": dmy(people["birth"].to_numpy()),
        "JENIS KELAMIN": np.where(people["sex"].to_numpy() == 1, "F", "M"),
        "AGAMA ID": _take(AGAMA, people["agama"].to_numpy(), 0),
        "AGAMA NAMA": _take(AGAMA, people["agama"].to_numpy(), 1),
        "JENIS KAWIN ID": _take(KAWIN, people["kawin"].to_numpy(), 0),
        "JENIS KAWIN NAMA": _take(KAWIN, people["kawin"].to_numpy(), 1),
        "NIK": people["nik"].to_numpy(),
        "NOMOR HP": people["hp"].to_numpy(),
        "EMAIL": people["email"].to_numpy(),
        "ALAMAT": people["alamat"].to_numpy(),
        "JENIS PEGAWAI ID": _obj([JENIS_PEGAWAI[s][0] for s in d.status]),
        "JENIS PEGAWAI NAMA": _obj([JENIS_PEGAWAI[s][1] for s in d.status]),
        "KEDUDUKAN HUKUM ID": _map_unique(status, KEDUDUKAN_IDS.__getitem__),
        "KEDUDUKAN HUKUM NAMA": status,
        "STATUS CPNS PNS": np.where(pppk, "", np.where(d.status == "CPNS", "C", "P")),
        "NOMOR SK CPNS": people["sk_cpns"].to_numpy(),
        "TMT CPNS": dmy(month_to_day(people["tmt_cpns"].to_numpy())),
        "TMT PNS": tmt_pns,
        "GOL AWAL ID": awal_id,
        "GOL AWAL NAMA": awal_name,
        "GOL AKHIR ID": gol_id,
        "GOL AKHIR NAMA": gol_name,
        "TMT GOLONGAN": dmy(d.tmt_gol),
        "MK TAHUN": (d.mk_months // 12).astype(str),
        "MK BULAN": (d.mk_months % 12).astype(str),
        "JENIS JABATAN ID": jenis["id"],
        "JENIS JABATAN NAMA": jenis["n"],
        "JABATAN ID": _map_unique(jab_key, hex_id),
        "JABATAN NAMA": d.jabatan,
        "TMT JABATAN": dmy(d.tmt_jab),
        "TINGKAT PENDIDIKAN ID": _take(EDU_CODES, edu),
        "TINGKAT PENDIDIKAN NAMA": _take(EDU_NAMES, edu),
        "PENDIDIKAN ID": _map_unique(people["programme"].to_numpy(), hex_id),
        "PENDIDIKAN NAMA": people["programme"].to_numpy(),
        "TAHUN LULUS": people["lulus"].to_numpy().astype(str),
        "LOKASI KERJA": people["lokasi"].to_numpy(),
        "UNOR ID": _map_unique(pd_names + "|" + unor, hex_id),
        "UNOR NAMA": unor,
        "INSTANSI INDUK NAMA": np.full(len(people), PEMDA, dtype=object),
        "INSTANSI KERJA NAMA": np.full(len(people), PEMDA, dtype=object),
        "SATUAN KERJA NAMA": np.full(len(people), PEMDA, dtype=object),
        "ESELON ID": np.where(structural, _map_unique(d.eselon, lambda e: ESELON_IDS.get(e, "")),
                              NON_ESELON_ID),
        "ESELON NAMA": np.where(structural, d.eselon, NON_ESELON_NAME),
        "UNOR INDUK ID": _map_unique(pd_names, hex_id),
        "UNOR INDUK NAMA": pd_names,
    }  # fmt: skip
    table = pd.DataFrame({name: _obj(cols[name]) for name in SIASN_COLUMNS})
    order = np.argsort(people["nip"].to_numpy().astype(str), kind="stable")
    return table.iloc[order].reset_index(drop=True)


def _gol_local(rng: np.random.Generator, gol: np.ndarray, pppk: np.ndarray) -> np.ndarray:
    name = _obj(GOLONGAN_NAMES)[np.where(pppk, 0, gol)]
    roman, _, letter = (pd.Series(name, dtype=object).str.partition("/")[i] for i in range(3))
    digit = roman.map({"I": "1", "II": "2", "III": "3", "IV": "4"})
    u = rng.random(len(gol))
    variants = np.select(
        [u < 0.02, u < 0.04, u < 0.06],
        [_obj(roman + letter), _obj(roman + "-" + letter), _obj(digit + letter.str.upper())],
        name,
    )
    return np.where(pppk, _obj(ROMAN)[pppk_golongan(gol, pppk)], variants)


def pppk_golongan(gol: np.ndarray, pppk: np.ndarray) -> np.ndarray:
    """Index into ``ROMAN`` of each row's PPPK golongan: 0 (blank) for PNS and CPNS and for
    PPPK paruh waktu (see ``PARUH_WAKTU_MAX_GOL``), who hold no golongan: SIASN leaves it
    blank and the row rules accept that (golongan is required of PNS and CPNS only)."""
    return np.where(pppk & (gol > PARUH_WAKTU_MAX_GOL), gol, 0)


def local_table(org: Org, people: pd.DataFrame, on: date, rng: np.random.Generator) -> pd.DataFrame:
    """Rows of a local SIMPEG "daftar nominatif", sorted by PD, eselon, golongan (NO empty)."""
    d = derive(people, org.posts, on)
    n = len(people)
    pppk = d.status == "PPPK"
    nip = people["nip"].to_numpy().astype(str)
    s = pd.Series(nip, dtype=object)
    # 19680411 199303 1 009 (PNS), 19931228 2025 21 2 001 (PPPK)
    spaced_pns = s.str[:8] + " " + s.str[8:14] + " " + s.str[14] + " " + s.str[15:]
    spaced_pppk = s.str[:8] + " " + s.str[8:12] + " " + s.str[12:14] + " " + s.str[14:15]
    spaced_pppk = spaced_pppk + " " + s.str[15:]
    spaced = np.where(pppk, _obj(spaced_pppk), _obj(spaced_pns))
    nip_cell = np.where(rng.random(n) < 0.1, "'" + _obj(nip), spaced)
    depan = people["gelar_depan"].to_numpy()
    belakang = people["gelar_belakang"].to_numpy()
    nama = np.where(depan != "", depan + " ", "") + people["nama"].to_numpy()
    nama = np.where(belakang != "", nama + ", " + belakang, nama)
    birth = people["birth"].to_numpy()
    tgl = np.where(rng.random(n) < 0.15, dmy(birth), indonesian(birth))
    edu = people["edu"].to_numpy()
    programme = pd.Series(people["programme"].to_numpy(), dtype=object)
    slta = np.where(programme.str.startswith("SMA"), "SMA", "SMK")
    edu_local = _take(EDU_LOCAL, edu)
    edu_local = np.where((edu == EDU_SLTA) & (rng.random(n) < 0.6), slta, edu_local)
    cols = {
        "NO": np.full(n, "", dtype=object),
        "NIP": nip_cell,
        "NAMA": nama,
        "L/P": np.where(people["sex"].to_numpy() == 1, "P", "L"),
        "TEMPAT LAHIR": people["birthplace"].to_numpy(),
        "TGL LAHIR": tgl,
        "STATUS PEGAWAI": d.status,
        "GOL": _gol_local(rng, d.gol, pppk),
        "TMT CPNS": dmy(month_to_day(people["tmt_cpns"].to_numpy())),
        "JABATAN": d.jabatan,
        "JENIS JABATAN": _obj([JENIS_JABATAN[j][2] for j in d.jenis]),
        "ESELON": d.eselon,
        "PENDIDIKAN": edu_local,
        "UNIT KERJA": _obj(org.pd_names)[people["pd"].to_numpy()],
        "KEDUDUKAN": people["status"].to_numpy(),
    }
    table = pd.DataFrame({name: _obj(cols[name]) for name in LOCAL_COLUMNS})
    rank = np.where(d.level > 0, d.level, 9)
    gol_rank = np.where(pppk, -1, d.gol)
    order = np.lexsort((nip, -gol_rank, rank, people["pd"].to_numpy()))
    return table.iloc[order].reset_index(drop=True)
