"""Month-to-month changes between two extracts.

Rules that only depend on the date (golongan promotions in April and October, CPNS becoming
PNS, JF jenjang) live in ``career``. Here are the events: retirement at BUP, deaths and
dismissals, Tugas Belajar and CLTN, transfers, a CPNS batch and a PPPK batch each year, and
structural vacancies filled by promotion from the level below.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from terpilah.sample.agencies import Org
from terpilah.sample.career import Derived, day_of, derive, month_of
from terpilah.sample.codes import (
    AKTIF,
    CLTN,
    DIBERHENTIKAN,
    EDU_D3,
    EDU_D4,
    EDU_S1,
    EDU_S2,
    ESELON_FEMALE_SHARE,
    ESELON_GOL_CAP,
    ESELON_GOL_FLOOR,
    GOL,
    MENINGGAL,
    PENSIUN,
    TUGAS_BELAJAR,
)
from terpilah.sample.ids import Registry
from terpilah.sample.population import hire_batch

CPNS_MONTH, PPPK_MONTH = 6, 3  # TMT 1 June (CPNS) and 1 March (PPPK)
CPNS_BATCH, PPPK_BATCH = 0.025, 0.04  # batch size as a share of the workforce
DEATH_RATE, DISMISSAL_RATE = 0.00025, 0.00003  # per person and month
TRANSFER_RATE, SCHOOL_MOVE_RATE = 0.0015, 0.002
STUDY_RATE, LEAVE_RATE = 0.0004, 0.00008
FILL_PROBABILITY = 0.5  # chance a vacant post is filled in a given month
SHOWN_ONCE = 0.5  # share of leavers that appear once more with their new kedudukan
IN_SERVICE = (AKTIF, TUGAS_BELAJAR, CLTN)
_MASTERS = {"guru": (", M.Pd.", "S-2 MAGISTER PENDIDIKAN"),
            "kes": (", M.Kes.", "S-2 MAGISTER KESEHATAN MASYARAKAT")}  # fmt: skip
_MASTERS_OTHER = (", M.Si.", "S-2 MAGISTER ADMINISTRASI PUBLIK")


@dataclass
class World:
    """The state a sample evolves: organisation, people (one row each) and used IDs."""

    org: Org
    people: pd.DataFrame
    registry: Registry

    @property
    def next_pid(self) -> int:
        return int(self.people["pid"].max()) + 1 if len(self.people) else 0


def _day_in_month(rng: np.random.Generator, on: date) -> int:
    last = calendar.monthrange(on.year, on.month)[1]
    return day_of(on.replace(day=int(rng.integers(1, last + 1))))


def _choose(rng: np.random.Generator, mask: np.ndarray, count: int) -> np.ndarray:
    idx = np.flatnonzero(mask)
    return rng.permutation(idx)[: min(count, len(idx))]


def _leave(
    rng: np.random.Generator, people: pd.DataFrame, idx: np.ndarray, kedudukan: str
) -> np.ndarray:
    """People leaving service: half appear once more with their new kedudukan.

    Returns the rows to drop now (the others are dropped at the start of the next step).
    """
    shown = rng.random(len(idx)) < SHOWN_ONCE
    people.loc[people.index[idx[shown]], ["status", "leave"]] = [kedudukan, True]
    return idx[~shown]


def _return_from_leave(rng: np.random.Generator, people: pd.DataFrame, month: int) -> None:
    back = people["status"].isin((TUGAS_BELAJAR, CLTN)).to_numpy() & (
        people["until"].to_numpy() <= month
    )
    graduated = back & (people["status"] == TUGAS_BELAJAR).to_numpy()
    graduated &= (people["edu"] == EDU_S1).to_numpy() & (rng.random(len(people)) < 0.5)
    for i in np.flatnonzero(graduated).tolist():
        row = people.index[i]
        gelar, programme = _MASTERS.get(people.at[row, "cat"], _MASTERS_OTHER)
        people.at[row, "gelar_belakang"] = (people.at[row, "gelar_belakang"] + gelar).lstrip(", ")
        people.at[row, "programme"] = programme
        people.at[row, "edu"] = EDU_S2
        people.at[row, "lulus"] = month // 12
        people.at[row, "cap"] = max(int(people.at[row, "cap"]), GOL["IV/a"])
    people.loc[back, ["status", "until"]] = [AKTIF, 0]


def _start_leave(rng: np.random.Generator, people: pd.DataFrame, d: Derived, on: date) -> None:
    n, month = len(people), month_of(on)
    age = (day_of(on) - people["birth"].to_numpy()) / 365.2425
    base = (people["status"] == AKTIF).to_numpy() & (d.status == "PNS") & (d.level == 0)
    study = base & (age < 45) & np.isin(people["edu"].to_numpy(), (EDU_D3, EDU_D4, EDU_S1))
    for mask, rate, status in ((study, STUDY_RATE, TUGAS_BELAJAR), (base, LEAVE_RATE, CLTN)):
        idx = _choose(rng, mask, int(rng.poisson(rate * n)))
        people.loc[people.index[idx], "status"] = status
        people.loc[people.index[idx], "until"] = month + rng.integers(12, 37, size=len(idx))
        base[idx] = False


def _transfer(rng: np.random.Generator, world: World, on: date) -> None:
    """Pelaksana moving to another PD (at least one a month) and guru changing school."""
    people, org = world.people, world.org
    n = len(people)
    aktif = (people["status"] == AKTIF).to_numpy() & ~people["leave"].to_numpy()
    movers = _choose(rng, aktif & (people["cat"] == "pel").to_numpy(),
                     max(1, int(rng.poisson(TRANSFER_RATE * n))))  # fmt: skip
    weights = org.pd_staff / org.pd_staff.sum()
    for i in movers.tolist():
        row = people.index[i]
        current = int(people.at[row, "pd"])
        target = current
        while target == current:
            target = int(rng.choice(len(org.pd_names), p=weights))
        units = org.hq_units[target]
        people.at[row, "pd"] = target
        people.at[row, "unor"] = units[int(rng.integers(len(units)))]
        people.at[row, "lokasi"] = org.pd_lokasi[target]
        people.at[row, "tmt_jab"] = _day_in_month(rng, on)
    rate = SCHOOL_MOVE_RATE * (5 if on.month == 7 else 1)  # new school year
    guru = aktif & (people["cat"] == "guru").to_numpy()
    for i in _choose(rng, guru, int(rng.poisson(rate * guru.sum()))).tolist():
        unor, lokasi = org.schools[int(rng.choice(len(org.schools), p=org.school_weight))]
        people.iloc[i, people.columns.get_indexer(["unor", "lokasi"])] = [unor, lokasi]


def _fill_posts(rng: np.random.Generator, world: World, d: Derived, on: date) -> None:
    """Vacant posts go, about half of them each month, to someone from the level below."""
    people, org = world.people, world.org
    held = set(people["post"].to_numpy().tolist())
    age = (day_of(on) - people["birth"].to_numpy()) / 365.2425
    aktif = (people["status"] == AKTIF).to_numpy() & ~people["leave"].to_numpy()
    level_of = org.posts["level"].to_numpy()
    for level in (2, 3, 4):
        vacant = [p for p in range(len(org.posts)) if level_of[p] == level and p not in held]
        for post in vacant:
            if rng.random() >= FILL_PROBABILITY:
                continue
            post_now = people["post"].to_numpy()
            cur_level = np.where(post_now >= 0, level_of[np.maximum(post_now, 0)], 0)
            if level == 4:
                pool = np.isin(people["cat"].to_numpy(), ("pel", "jf")) & (d.status == "PNS")
                pool &= (people["edu"].to_numpy() >= EDU_D4) & (d.gol >= GOL["III/b"])
                pool &= age < 55
            else:
                pool = (cur_level == level + 1) & (d.gol >= ESELON_GOL_FLOOR[level] - 1)
                pool &= age < 56
            pool &= aktif & (cur_level != level) & (d.status != "PPPK")
            _promote(rng, world, pool, int(post), level, on)


def _promote(rng: np.random.Generator, world: World, pool: np.ndarray, post: int, level: int,
             on: date) -> None:  # fmt: skip
    people, org = world.people, world.org
    target_pd = int(org.posts.at[post, "pd"])
    same_pd = pool & (people["pd"].to_numpy() == target_pd)
    if same_pd.any() and rng.random() < 0.7:
        pool = same_pd
    want_female = rng.random() < ESELON_FEMALE_SHARE[level]
    of_sex = pool & ((people["sex"].to_numpy() == 1) == want_female)
    chosen = _choose(rng, of_sex if of_sex.any() else pool, 1)
    if len(chosen) == 0:
        return
    row = people.index[chosen[0]]
    appointed = _day_in_month(rng, on)
    people.at[row, "cat"] = "str"
    people.at[row, "post"] = post
    people.at[row, "pd"] = target_pd
    people.at[row, "unor"] = org.posts.at[post, "unor"]
    people.at[row, "lokasi"] = org.pd_lokasi[target_pd]
    people.at[row, "floor"] = ESELON_GOL_FLOOR[level]
    people.at[row, "cap"] = max(int(people.at[row, "cap"]), ESELON_GOL_CAP[level])
    people.at[row, "floor_day"] = day_of(on.replace(day=1))
    people.at[row, "tmt_jab"] = appointed


def step(world: World, on: date, rng: np.random.Generator) -> None:
    """Apply one month of events so that ``world.people`` is the extract of ``on``."""
    people = world.people[~world.people["leave"]].reset_index(drop=True)
    world.people = people
    month = month_of(on)
    _return_from_leave(rng, people, month)

    d = derive(people, world.org.posts, on)
    in_service = people["status"].isin(IN_SERVICE).to_numpy().copy()
    retiring = np.flatnonzero(in_service & (d.retire_month <= month))
    gone = [_leave(rng, people, retiring, PENSIUN)]
    in_service[retiring] = False
    n = len(people)
    for rate, kedudukan in ((DEATH_RATE, MENINGGAL), (DISMISSAL_RATE, DIBERHENTIKAN)):
        idx = _choose(rng, in_service, int(rng.poisson(rate * n)))
        in_service[idx] = False
        gone.append(_leave(rng, people, idx, kedudukan))
    people = people.drop(index=people.index[np.concatenate(gone)]).reset_index(drop=True)
    world.people = people

    batches = []
    for batch_month, share, pppk in ((CPNS_MONTH, CPNS_BATCH, False),
                                     (PPPK_MONTH, PPPK_BATCH, True)):  # fmt: skip
        if on.month == batch_month:
            size = max(1, round(share * len(people)))
            new = hire_batch(rng, world.org, world.registry, on, size, pppk,
                             world.next_pid + sum(len(b) for b in batches))  # fmt: skip
            batches.append(new)
    if batches:
        world.people = pd.concat([people, *batches], ignore_index=True)

    _transfer(rng, world, on)
    d = derive(world.people, world.org.posts, on)
    _start_leave(rng, world.people, d, on)
    _fill_posts(rng, world, d, on)
