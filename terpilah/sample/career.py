"""Career rules as vectorised functions of a date: golongan, jenjang, jabatan, BUP, status.

Dates travel as integers: a *day* is days since 1970-01-01, a *month* is ``year * 12 + month - 1``
(a TMT is always the first day of its month). What follows from the rules (golongan promotions
in April and October, CPNS becoming PNS, a JF moving up a jenjang) is computed here for any
date, so the month-to-month simulation only has to apply events.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from terpilah.sample.codes import EDU_D3, GOL

PROMOTION_YEARS = 4  # one ruang every four years
EPOCH = date(1970, 1, 1)


def month_of(d: date) -> int:
    return d.year * 12 + d.month - 1


def day_of(d: date) -> int:
    return (d - EPOCH).days


def month_to_day(months: np.ndarray) -> np.ndarray:
    """First day of each month index, as day numbers."""
    years = months // 12 - 1970
    stamp = years.astype("datetime64[Y]").astype("datetime64[M]") + (months % 12)
    return stamp.astype("datetime64[D]").astype(np.int64)


def day_to_ymd(days: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    stamp = np.asarray(days, dtype=np.int64).astype("datetime64[D]")
    months = stamp.astype("datetime64[M]")
    years = months.astype("datetime64[Y]").astype(np.int64) + 1970
    month = months.astype(np.int64) % 12 + 1
    day = (stamp - months.astype("datetime64[D]")).astype(np.int64) + 1
    return years, month, day


def day_to_month(days: np.ndarray) -> np.ndarray:
    years, month, _ = day_to_ymd(days)
    return years * 12 + month - 1


def promotion_month(start: np.ndarray, k: np.ndarray) -> np.ndarray:
    """Month of the k-th regular promotion: the next April or October period."""
    due = start + 12 * PROMOTION_YEARS * k
    year, moy = due // 12, due % 12
    return np.where(moy <= 3, year * 12 + 3, np.where(moy <= 9, year * 12 + 9, year * 12 + 15))


def promotions_by(start: np.ndarray, month: int) -> np.ndarray:
    """Number of regular promotions with a TMT on or before ``month``."""
    k = np.maximum((month - start) // (12 * PROMOTION_YEARS), 0)
    late = promotion_month(start, k) > month
    return np.maximum(k - late, 0)


_AHLI = ("Ahli Pertama", "Ahli Muda", "Ahli Madya", "Ahli Utama")
_TERAMPIL = ("Terampil", "Mahir", "Penyelia")


def jenjang_pns(gol: np.ndarray, terampil: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """JF jenjang of a PNS from golongan, and the golongan at which that jenjang starts."""
    ahli_i = np.select([gol >= GOL["IV/d"], gol >= GOL["IV/a"], gol >= GOL["III/c"]], [3, 2, 1], 0)
    ter_i = np.select([gol >= GOL["III/c"], gol >= GOL["III/a"]], [2, 1], 0)
    ahli_start = np.array([GOL["III/a"], GOL["III/c"], GOL["IV/a"], GOL["IV/d"]])[ahli_i]
    ter_start = np.array([0, GOL["III/a"], GOL["III/c"]])[ter_i]
    names = np.where(terampil, np.array(_TERAMPIL, dtype=object)[ter_i],
                     np.array(_AHLI, dtype=object)[ahli_i])  # fmt: skip
    return names, np.where(terampil, ter_start, ahli_start)


def jenjang_pppk(gol: np.ndarray, terampil: np.ndarray) -> np.ndarray:
    ahli_i = np.select([gol >= 13, gol >= 11], [2, 1], 0)
    ter_i = np.select([gol >= 9, gol >= 8], [2, 1], 0)
    return np.where(terampil, np.array(_TERAMPIL, dtype=object)[ter_i],
                    np.array(_AHLI, dtype=object)[ahli_i])  # fmt: skip


@dataclass
class Derived:
    """Everything about the people that follows from the rules on one date (row-aligned)."""

    status: np.ndarray  # PNS / CPNS / PPPK
    gol: np.ndarray  # PNS golongan index, or PPPK golongan 1..17
    gol_start: np.ndarray  # golongan awal (same convention)
    tmt_gol: np.ndarray  # day
    mk_months: np.ndarray  # masa kerja golongan at TMT golongan
    level: np.ndarray  # eselon level 2/3/4, 0 for non-structural
    eselon: np.ndarray  # "II.b" ... or ""
    jabatan: np.ndarray
    jenis: np.ndarray  # str / jft / pel
    tmt_jab: np.ndarray  # day
    bup: np.ndarray
    retire_month: np.ndarray  # month of the pension TMT


def derive(people: pd.DataFrame, posts: pd.DataFrame, on: date) -> Derived:
    """Apply the career rules to every row of ``people`` as of ``on``."""
    month = month_of(on)
    n = len(people)
    cat = people["cat"].to_numpy()
    pppk = (people["asn"] == "PPPK").to_numpy()
    tmt = people["tmt_cpns"].to_numpy()
    entry = people["entry"].to_numpy().astype(np.int64)
    cap = people["cap"].to_numpy().astype(np.int64)
    floor = people["floor"].to_numpy().astype(np.int64)

    k = np.minimum(promotions_by(tmt, month), np.maximum(cap - entry, 0))
    gol = entry + k
    tmt_gol = np.where(k > 0, month_to_day(promotion_month(tmt, k)), month_to_day(tmt))
    lifted = floor > gol
    gol = np.where(lifted, floor, gol)
    tmt_gol = np.where(lifted, people["floor_day"].to_numpy(), tmt_gol)
    gol = np.where(pppk, people["pppk_gol"].to_numpy(), gol)
    gol_start = np.where(pppk, gol, entry)
    tmt_gol = np.where(pppk, month_to_day(tmt), tmt_gol)
    mk = np.where(pppk, 0, np.maximum(day_to_month(tmt_gol) - tmt, 0))

    status = np.where(pppk, "PPPK", np.where(month < people["tmt_pns"].to_numpy(), "CPNS", "PNS"))

    post = people["post"].to_numpy()
    has_post = post >= 0
    safe = np.where(has_post, post, 0)
    level = np.where(has_post, posts["level"].to_numpy()[safe], 0)
    eselon = np.where(has_post, posts["eselon"].to_numpy()[safe], "")

    terampil = people["edu"].to_numpy() <= EDU_D3
    is_jf = np.isin(cat, ("guru", "kes", "jf"))
    jen_pns, start_gol = jenjang_pns(gol, terampil)
    jen = np.where(pppk, jenjang_pppk(gol, terampil), jen_pns)
    base = people["base"].to_numpy()
    jabatan = np.where(is_jf, base.astype(object) + " " + jen, base)
    jabatan = np.where(has_post, posts["title"].to_numpy()[safe], jabatan)
    jenis = np.where(has_post, "str", np.where(is_jf, "jft", "pel"))

    # A JF's TMT jabatan moves with the golongan that opened its jenjang.
    reach = np.maximum(start_gol - entry, 0)
    reach_day = np.where(reach > 0, month_to_day(promotion_month(tmt, reach)), month_to_day(tmt))
    tmt_jab = people["tmt_jab"].to_numpy()
    tmt_jab = np.where(is_jf & ~pppk & ~has_post, np.maximum(tmt_jab, reach_day), tmt_jab)

    bup = np.full(n, 58)
    bup = np.where(is_jf & np.isin(jen, ("Ahli Madya",)), 60, bup)
    bup = np.where(is_jf & (jen == "Ahli Utama"), 65, bup)
    bup = np.where((cat == "guru") | people["bup60"].to_numpy(), 60, bup)
    bup = np.where(has_post, np.where(level == 2, 60, 58), bup)
    by, bm, _ = day_to_ymd(people["birth"].to_numpy())
    retire = (by + bup) * 12 + bm - 1 + 1

    return Derived(status, gol, gol_start, tmt_gol, mk, level, eselon, jabatan, jenis, tmt_jab,
                   bup, retire)  # fmt: skip

