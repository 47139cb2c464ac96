"""Who a person is: name, religion, gelar, study programme, birthplace, contacts and IDs."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import numpy as np
import pandas as pd

from terpilah.sample.career import day_to_ymd
from terpilah.sample.codes import (
    EDU_D3,
    EDU_D4,
    EDU_PREFIX,
    EDU_S1,
    EDU_S2,
    EDU_S3,
    EDU_SD,
    EDU_SLTA,
    EDU_SLTP,
    KECAMATAN,
    KECAMATAN_WEIGHT,
)
from terpilah.sample.ids import (
    Registry,
    make_nik,
    make_nip,
    make_nip_lama,
    make_pns_id,
    make_sk_cpns,
)
from terpilah.sample.names import (
    BIRTHPLACE_LOCAL_SHARE,
    BIRTHPLACES_OUTSIDE,
    COMMUNITIES,
    DESA,
    FIELDS,
    HP_PREFIX,
    MAIL_HOSTS,
    SD_PROGRAMMES,
    SLTA_PROGRAMMES,
    SLTP_PROGRAMMES,
    STREETS,
)


def pick(
    rng: np.random.Generator, options: Sequence, n: int, p: Sequence[float] | None = None
) -> np.ndarray:
    """``n`` draws from ``options`` as an object array (weights ``p`` optional)."""
    arr = np.empty(len(options), dtype=object)
    arr[:] = list(options)
    weights = None if p is None else np.asarray(p, dtype=float) / np.sum(p)
    return arr[rng.choice(len(options), size=n, p=weights)]


def person_names(rng: np.random.Generator, female: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Names and AGAMA index (0 Islam ... 5 Konghucu), drawn by community."""
    n = len(female)
    shares = np.array([c[0] for c in COMMUNITIES])
    community = rng.choice(len(COMMUNITIES), size=n, p=shares / shares.sum())
    names = np.empty(n, dtype=object)
    agama = np.zeros(n, dtype=np.int8)
    for c, (_, male, fem, second_m, second_f, religion) in enumerate(COMMUNITIES):
        for is_f, given, second in ((False, male, second_m), (True, fem, second_f)):
            idx = np.flatnonzero((community == c) & (female == is_f))
            k = len(idx)
            first = pick(rng, given, k)
            middle = np.where(rng.random(k) < 0.15, " " + pick(rng, given, k), "")
            last = np.where(rng.random(k) < 0.88, " " + pick(rng, second, k), "")
            names[idx] = first + middle + last
            agama[idx] = rng.choice(6, size=k, p=np.array(religion) / sum(religion))
    return names, agama


def _fallback(field: str, edu: int) -> tuple[tuple[str, str, str], ...]:
    if (field, edu) in FIELDS:
        return FIELDS[(field, edu)]
    if edu == EDU_D3:
        return (("", "A.Md.", "ADMINISTRASI PERKANTORAN"),)
    if edu == EDU_D4:
        return tuple(("", "S.ST.", prog) for _, _, prog in _fallback(field, EDU_S1))
    return FIELDS.get((field, EDU_S1 if edu == EDU_S1 else EDU_S2), FIELDS[("sosial", edu)])


def titles(
    rng: np.random.Generator, field: np.ndarray, edu: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """GELAR DEPAN, GELAR BELAKANG and PENDIDIKAN NAMA for each person."""
    n = len(edu)
    depan = np.full(n, "", dtype=object)
    belakang = np.full(n, "", dtype=object)
    programme = np.full(n, "", dtype=object)
    school = ((EDU_SD, SD_PROGRAMMES), (EDU_SLTP, SLTP_PROGRAMMES), (EDU_SLTA, SLTA_PROGRAMMES))
    for level, progs in school:
        idx = np.flatnonzero(edu == level)
        programme[idx] = pick(rng, progs, len(idx))
    keys = pd.DataFrame({"field": field, "edu": edu})
    for (f, e), group in keys[keys["edu"] >= EDU_D3].groupby(["field", "edu"], sort=True):
        idx = group.index.to_numpy()
        k = len(idx)
        first_level = min(int(e), EDU_S1)
        base = _fallback(str(f), first_level)
        choice = rng.integers(0, len(base), size=k)
        d = np.array([base[i][0] for i in choice], dtype=object)
        b = np.array([base[i][1] for i in choice], dtype=object)
        p = np.array([EDU_PREFIX[first_level] + " " + base[i][2] for i in choice], dtype=object)
        if e >= EDU_S2:
            extra = _fallback(str(f), EDU_S2)
            pick2 = rng.integers(0, len(extra), size=k)
            b2 = [extra[i][1] for i in pick2]
            b = np.array([x[1:] if x.startswith("=") else (f"{y}, {x}" if y else x)
                          for x, y in zip(b2, b, strict=True)], dtype=object)  # fmt: skip
            p = np.array(["S-2 " + extra[i][2] for i in pick2], dtype=object)
        if e == EDU_S3:
            d = np.array([f"Dr. {x}".strip() for x in d], dtype=object)
            p = np.array(["S-3 ILMU " + x.removeprefix("S-2 MAGISTER ") for x in p], dtype=object)
        depan[idx], belakang[idx], programme[idx] = d, b, p
    return depan, belakang, programme


def birthplaces(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Place of birth and whether it lies in Kabupaten Bengkayang."""
    local = rng.random(n) < BIRTHPLACE_LOCAL_SHARE
    inside = pick(rng, KECAMATAN, n, KECAMATAN_WEIGHT)
    places, weights = zip(*BIRTHPLACES_OUTSIDE, strict=True)
    outside = pick(rng, places, n, weights)
    return np.where(local, inside, outside), local


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalnum() or ch == " ")


def contacts(
    rng: np.random.Generator, names: np.ndarray, lokasi: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """NOMOR HP, EMAIL and ALAMAT (a few left empty, as in real records)."""
    n = len(names)
    hp = pick(rng, HP_PREFIX, n) + np.char.zfill(
        rng.integers(0, 10**8, size=n).astype(str), 8).astype(object)  # fmt: skip
    hp = np.where(rng.random(n) < 0.03, "", hp)
    parts = [_ascii(name).split() for name in names.tolist()]
    sep = pick(rng, (".", "", "_"), n)
    num = np.where(rng.random(n) < 0.6, rng.integers(1, 99, size=n).astype(str), "")
    local_part = [p[0] + (s + p[-1] if len(p) > 1 else "") + x
                  for p, s, x in zip(parts, sep, num, strict=True)]  # fmt: skip
    email = np.array(local_part, dtype=object) + "@" + pick(rng, MAIL_HOSTS, n)
    email = np.where(rng.random(n) < 0.08, "", email)
    street = pick(rng, STREETS, n) + " No. " + rng.integers(1, 120, size=n).astype(str)
    rt = np.char.zfill(rng.integers(1, 25, size=n).astype(str), 3).astype(object)
    rw = np.char.zfill(rng.integers(1, 8, size=n).astype(str), 3).astype(object)
    dusun = "RT " + rt + "/RW " + rw
    desa = ", Desa " + pick(rng, DESA, n) + ", Kec. " + lokasi
    alamat = np.where(rng.random(n) < 0.5, street, dusun) + desa
    return hp, email, alamat


def kawin(rng: np.random.Generator, age: np.ndarray, female: np.ndarray) -> np.ndarray:
    """JENIS KAWIN index (0 Belum Kawin, 1 Kawin, 2 Janda, 3 Duda) by age."""
    u = rng.random(len(age))
    married = np.select([age < 24, age < 30], [u < 0.25, u < 0.65], u < 0.9)
    widowed = ~married & (age >= 30) & (u < 0.94)
    return np.where(married, 1, np.where(widowed, np.where(female, 2, 3), 0)).astype(np.int8)


def add_identity(
    rng: np.random.Generator, registry: Registry, people: pd.DataFrame, today_day: int
) -> pd.DataFrame:
    """Add names, IDs and contacts to people whose career columns are set."""
    n = len(people)
    female = people["sex"].to_numpy() == 1
    pppk = (people["asn"] == "PPPK").to_numpy()
    birth = people["birth"].to_numpy()
    tmt = people["tmt_cpns"].to_numpy()
    out = people.copy()
    out["nip"] = make_nip(rng, registry, birth, tmt, female, pppk)
    out["pns_id"] = make_pns_id(rng, n)
    out["nip_lama"] = np.where(pppk, "", make_nip_lama(rng, tmt))
    out["sk_cpns"] = make_sk_cpns(rng, tmt, pppk)
    out["nama"], out["agama"] = person_names(rng, female)
    depan, belakang, programme = titles(rng, people["field"].to_numpy(), people["edu"].to_numpy())
    out["gelar_depan"], out["gelar_belakang"], out["programme"] = depan, belakang, programme
    out["birthplace"], local = birthplaces(rng, n)
    nik = make_nik(rng, registry, birth, female, local)
    out["nik"] = np.where(rng.random(n) < 0.005, "", nik)
    out["hp"], out["email"], out["alamat"] = contacts(
        rng, out["nama"].to_numpy(), people["lokasi"].to_numpy()
    )
    out["kawin"] = kawin(rng, (today_day - birth) / 365.25, female)
    by, _, _ = day_to_ymd(birth)
    tmt_year = tmt // 12
    min_age = np.array([13, 16, 18, 21, 22, 22, 25, 30])[people["edu"].to_numpy()]
    lulus = np.maximum(tmt_year - rng.integers(0, 4, size=n), by + min_age)
    today_year = day_to_ymd(np.array([today_day]))[0][0]
    later = people["edu"].to_numpy() >= EDU_S2
    in_service = np.minimum(tmt_year + rng.integers(3, 15, size=n), today_year)
    out["lulus"] = np.where(later & (in_service > lulus), in_service, lulus)
    return out
