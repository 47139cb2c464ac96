"""Identifiers: NIP, NI PPPK, NIK, PNS ID; unique over the whole history of a sample."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from terpilah.sample.career import day_to_ymd
from terpilah.sample.codes import NI_PPPK_CODE

# Kabupaten Bengkayang is 6107 with kecamatan 610701..610717; neighbours for people born there.
NIK_REGIONS_LOCAL = tuple(f"6107{k:02d}" for k in range(1, 18))
NIK_REGIONS_OTHER = ("617201", "617202", "610101", "610301", "617101", "617104", "610801")


@dataclass
class Registry:
    """Sequence numbers already used per NIP/NIK prefix, so later hires never collide."""

    nip: dict[str, int] = field(default_factory=dict)
    nik: dict[str, int] = field(default_factory=dict)


def _digits(values: np.ndarray, width: int) -> np.ndarray:
    return np.char.zfill(values.astype(np.int64).astype(str), width).astype(object)


def _sequence(prefixes: np.ndarray, used: dict[str, int], starts: np.ndarray, limit: int) -> list:
    """Next free sequence number per prefix (first use starts at a small random number)."""
    out = []
    for prefix, start in zip(prefixes.tolist(), starts.tolist(), strict=True):
        seq = used.get(prefix, start - 1) + 1
        if seq > limit:
            raise ValueError(f"sequence numbers exhausted for prefix {prefix}")
        used[prefix] = seq
        out.append(seq)
    return out


def make_nip(
    rng: np.random.Generator,
    registry: Registry,
    birth: np.ndarray,
    tmt_month: np.ndarray,
    female: np.ndarray,
    pppk: np.ndarray,
) -> np.ndarray:
    """NIP (birth YYYYMMDD, TMT CPNS YYYYMM, sex, seq) or NI PPPK (birth, year, code, sex, seq)."""
    by, bm, bd = day_to_ymd(birth)
    ty, tm = tmt_month // 12, tmt_month % 12 + 1
    head = _digits(by, 4) + _digits(bm, 2) + _digits(bd, 2)
    pns_mid = _digits(ty, 4) + _digits(tm, 2)
    pppk_mid = _digits(ty, 4) + NI_PPPK_CODE
    sex = np.where(female, "2", "1").astype(object)
    prefix = head + np.where(pppk, pppk_mid, pns_mid) + sex
    seq = _sequence(prefix, registry.nip, rng.integers(1, 6, size=len(prefix)), 999)
    return prefix + _digits(np.array(seq), 3)


def make_nik(
    rng: np.random.Generator, registry: Registry, birth: np.ndarray, female: np.ndarray,
    local: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """NIK: region, DDMMYY with 40 added to the day for women, 4-digit sequence."""
    by, bm, bd = day_to_ymd(birth)
    n = len(birth)
    region = np.where(
        local,
        np.array(NIK_REGIONS_LOCAL, dtype=object)[rng.integers(0, 17, n)],
        np.array(NIK_REGIONS_OTHER, dtype=object)[rng.integers(0, len(NIK_REGIONS_OTHER), n)],
    )
    prefix = region + _digits(bd + 40 * female, 2) + _digits(bm, 2) + _digits(by % 100, 2)
    seq = _sequence(prefix, registry.nik, rng.integers(1, 400, size=n), 9999)
    return prefix + _digits(np.array(seq), 4)


def make_pns_id(rng: np.random.Generator, n: int) -> np.ndarray:
    """SIASN PNS ID: a UUID-like string (8-4-4-4-12 hex)."""
    raw = rng.integers(0, 256, size=(n, 16), dtype=np.uint8)
    out = []
    for row in raw:
        h = row.tobytes().hex()
        out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return np.array(out, dtype=object)


def make_nip_lama(rng: np.random.Generator, tmt_month: np.ndarray) -> np.ndarray:
    """The 9-digit NIP of people appointed before the 18-digit NIP (2008); empty otherwise."""
    n = len(tmt_month)
    old = _digits(rng.integers(0, 10**7, size=n), 7)
    lama = np.where(rng.random(n) < 0.5, "56", "13").astype(object) + old
    return np.where(tmt_month // 12 < 2008, lama, "").astype(object)


def make_sk_cpns(rng: np.random.Generator, tmt_month: np.ndarray, pppk: np.ndarray) -> np.ndarray:
    n = len(tmt_month)
    number = rng.integers(1, 2500, size=n).astype(str).astype(object)
    year = (tmt_month // 12).astype(str).astype(object)
    office = np.where(pppk, "/BKPSDM-PPPK/", "/BKD-B/").astype(object)
    return "813.3/" + number + office + year
