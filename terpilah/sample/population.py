"""People and their careers: the initial population on the first date and later hiring batches.

A person's career is a few columns (TMT CPNS, education, entry/cap/floor golongan, post) from
which ``career.derive`` computes golongan, jabatan and BUP on any date.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from terpilah.sample.agencies import Org
from terpilah.sample.career import day_of, day_to_month, derive, month_of, month_to_day
from terpilah.sample.codes import (
    AKTIF,
    CLTN,
    EDU_D3,
    EDU_ENTRY_GOL,
    EDU_HIRE_AGE,
    EDU_PPPK_GOL,
    EDU_S1,
    EDU_S2,
    EDU_S3,
    ESELON_FEMALE_SHARE,
    ESELON_GOL_CAP,
    ESELON_GOL_FLOOR,
    GOL,
    TUGAS_BELAJAR,
)
from terpilah.sample.identity import add_identity, pick
from terpilah.sample.ids import Registry
from terpilah.sample.jabatan import (
    GURU,
    GURU_EDU,
    GURU_FEMALE,
    HEALTH_JF,
    OTHER_JF,
    PELAKSANA,
    PELAKSANA_EDU,
    PELAKSANA_FEMALE,
    PELAKSANA_FIELDS,
    PPPK_SHARE,
    STRUCTURAL_EDU,
    STRUCTURAL_FIELDS,
    JfSpec,
)
from terpilah.sample.orgdata import EDUCATION_PD, HEALTH_PD, HOSPITAL_PD, RSUD_UNITS

YEAR_DAYS = 365.2425
# Who a hiring batch brings in (share by category).
CPNS_BATCH_MIX = {"guru": 0.40, "kes": 0.30, "jf": 0.25, "pel": 0.05}
PPPK_BATCH_MIX = {"guru": 0.55, "kes": 0.30, "pel": 0.15}
_PEL_CAP = np.array([GOL["II/b"], GOL["II/d"], GOL["III/c"], GOL["III/d"], GOL["III/d"],
                     GOL["III/d"], GOL["IV/a"], GOL["IV/a"]])  # fmt: skip
_TMT_MONTHS = (0, 2, 3, 5, 11, 1, 6, 9)  # January and March most often
_TMT_MONTH_P = (0.3, 0.25, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05)


def _draw_edu(rng: np.random.Generator, dist: tuple[tuple[int, float], ...], n: int) -> np.ndarray:
    levels, p = zip(*dist, strict=True)
    return np.array(levels)[rng.choice(len(levels), size=n, p=np.array(p) / sum(p))]


def _jobs_frame(n: int) -> dict[str, np.ndarray]:
    return {
        "cat": np.full(n, "", dtype=object), "base": np.full(n, "", dtype=object),
        "pd": np.zeros(n, dtype=np.int64), "unor": np.full(n, "", dtype=object),
        "lokasi": np.full(n, "Bengkayang", dtype=object), "edu": np.zeros(n, dtype=np.int64),
        "sex": np.zeros(n, dtype=np.int8), "field": np.full(n, "sosial", dtype=object),
        "bonus": np.zeros(n, dtype=np.int64), "bup60": np.zeros(n, dtype=bool),
        "post": np.full(n, -1, dtype=np.int64),
    }  # fmt: skip


def _place_hq(rng: np.random.Generator, org: Org, jobs: dict, idx: np.ndarray) -> None:
    for i in idx.tolist():
        units = org.hq_units[jobs["pd"][i]]
        jobs["unor"][i] = units[int(rng.integers(len(units)))]
        jobs["lokasi"][i] = org.pd_lokasi[jobs["pd"][i]]


def _place_field_units(rng: np.random.Generator, org: Org, jobs: dict, idx: np.ndarray) -> None:
    """Pelaksana of Disdik, Dinkes and RSUD work partly in schools, puskesmas, instalasi."""
    pd_of = jobs["pd"][idx]
    u = rng.random(len(idx))
    school = idx[(pd_of == org.pd(EDUCATION_PD)) & (u < 0.5)]
    pusk = idx[(pd_of == org.pd(HEALTH_PD)) & (u < 0.6)]
    ward = idx[(pd_of == org.pd(HOSPITAL_PD)) & (u < 0.6)]
    _place_hq(rng, org, jobs, np.setdiff1d(idx, np.concatenate([school, pusk, ward])))
    _place_schools(rng, org, jobs, school)
    _place_puskesmas(rng, org, jobs, pusk)
    jobs["unor"][ward] = pick(rng, RSUD_UNITS, len(ward))


def _place_schools(rng: np.random.Generator, org: Org, jobs: dict, idx: np.ndarray) -> None:
    which = rng.choice(len(org.schools), size=len(idx), p=org.school_weight)
    jobs["unor"][idx] = [org.schools[i][0] for i in which]
    jobs["lokasi"][idx] = [org.schools[i][1] for i in which]


def _place_puskesmas(rng: np.random.Generator, org: Org, jobs: dict, idx: np.ndarray) -> None:
    which = rng.integers(0, len(org.puskesmas), size=len(idx))
    jobs["unor"][idx] = [org.puskesmas[i][0] for i in which]
    jobs["lokasi"][idx] = [org.puskesmas[i][1] for i in which]


def _fill_jf(rng: np.random.Generator, jobs: dict, idx: np.ndarray, spec: JfSpec) -> None:
    jobs["base"][idx] = spec.base
    jobs["edu"][idx] = _draw_edu(rng, spec.edu, len(idx))
    jobs["sex"][idx] = rng.random(len(idx)) < spec.female
    jobs["field"][idx] = spec.field
    jobs["bonus"][idx] = spec.entry_bonus
    jobs["bup60"][idx] = spec.bup60


def make_jobs(rng: np.random.Generator, org: Org, counts: dict[str, int]) -> dict[str, np.ndarray]:
    """Category, jabatan base, PD, work unit, education and sex for non-structural people."""
    cats = [cat for cat in ("guru", "kes", "jf", "pel") for _ in range(counts.get(cat, 0))]
    jobs = _jobs_frame(len(cats))
    jobs["cat"][:] = cats
    cat = jobs["cat"]

    idx = np.flatnonzero(cat == "guru")
    jobs["base"][idx], jobs["field"][idx] = GURU, "pendidikan"
    jobs["edu"][idx] = _draw_edu(rng, GURU_EDU, len(idx))
    jobs["sex"][idx] = rng.random(len(idx)) < GURU_FEMALE
    jobs["pd"][idx] = org.pd(EDUCATION_PD)
    _place_schools(rng, org, jobs, idx)

    idx = np.flatnonzero(cat == "kes")
    weights = np.array([spec.weight for spec in HEALTH_JF])
    which = rng.choice(len(HEALTH_JF), size=len(idx), p=weights / weights.sum())
    for s, spec in enumerate(HEALTH_JF):
        sub = idx[which == s]
        _fill_jf(rng, jobs, sub, spec)
        at_rsud = sub[rng.random(len(sub)) < spec.rsud]
        at_dinkes = np.setdiff1d(sub, at_rsud)
        jobs["pd"][at_rsud] = org.pd(HOSPITAL_PD)
        jobs["unor"][at_rsud] = pick(rng, spec.units or RSUD_UNITS, len(at_rsud))
        jobs["pd"][at_dinkes] = org.pd(HEALTH_PD)
        in_pusk = rng.random(len(at_dinkes)) < 0.85
        _place_puskesmas(rng, org, jobs, at_dinkes[in_pusk])
        _place_hq(rng, org, jobs, at_dinkes[~in_pusk])

    idx = np.flatnonzero(cat == "jf")
    specs = [s for s in OTHER_JF if any(pd_name in org.pd_names for pd_name in s.pds)]
    weights = np.array([spec.weight for spec in specs])
    which = rng.choice(len(specs), size=len(idx), p=weights / weights.sum())
    for s, spec in enumerate(specs):
        sub = idx[which == s]
        _fill_jf(rng, jobs, sub, spec)
        where = [org.pd(name) for name in spec.pds if name in org.pd_names]
        jobs["pd"][sub] = np.array(where)[rng.integers(0, len(where), size=len(sub))]
        _place_hq(rng, org, jobs, sub)

    idx = np.flatnonzero(cat == "pel")
    staff = org.pd_staff / org.pd_staff.sum()
    jobs["pd"][idx] = rng.choice(len(org.pd_names), size=len(idx), p=staff)
    jobs["edu"][idx] = _draw_edu(rng, PELAKSANA_EDU, len(idx))
    jobs["sex"][idx] = rng.random(len(idx)) < PELAKSANA_FEMALE
    jobs["field"][idx] = pick(rng, PELAKSANA_FIELDS, len(idx))
    for level, names in PELAKSANA.items():
        sub = idx[jobs["edu"][idx] == level]
        titles, p = zip(*names, strict=True)
        jobs["base"][sub] = pick(rng, titles, len(sub), p)
    _place_field_units(rng, org, jobs, idx)
    return jobs


def _structural_jobs(rng: np.random.Generator, org: Org) -> dict[str, np.ndarray]:
    posts = org.posts
    jobs = _jobs_frame(len(posts))
    jobs["cat"][:] = "str"
    jobs["pd"][:] = posts["pd"].to_numpy()
    jobs["unor"][:] = posts["unor"].to_numpy()
    jobs["lokasi"][:] = [org.pd_lokasi[p] for p in jobs["pd"].tolist()]
    jobs["post"][:] = np.arange(len(posts))
    level = posts["level"].to_numpy()
    health = np.isin(jobs["pd"], [org.pd(HEALTH_PD), org.pd(HOSPITAL_PD)])
    for lv in (2, 3, 4):
        idx = np.flatnonzero(level == lv)
        women = round(ESELON_FEMALE_SHARE[lv] * len(idx))  # exact national share to start
        jobs["sex"][rng.permutation(idx)[:women]] = 1
        jobs["edu"][idx] = _draw_edu(rng, STRUCTURAL_EDU[lv], len(idx))
    jobs["edu"][(level == 2) & (rng.random(len(level)) < 0.04)] = EDU_S3
    jobs["field"][:] = pick(rng, STRUCTURAL_FIELDS, len(level))
    jobs["field"][health] = pick(rng, ("kesmas", "kesmas", "kedokteran", "keperawatan"),
                                 int(health.sum()))  # fmt: skip
    jobs["field"][jobs["pd"] == org.pd(EDUCATION_PD)] = "pendidikan"
    return jobs


def _caps(
    rng: np.random.Generator, jobs: dict, level: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Entry, highest and lowest golongan of each PNS.

    Regular promotions stop at the cap: a JF needs credit points (PAK) beyond III/d, so only
    part of the guru and ahli JF get to IV/a and fewer to IV/b.
    """
    edu, cat, bonus = jobs["edu"], jobs["cat"], jobs["bonus"]
    n = len(edu)
    entry = np.array(EDU_ENTRY_GOL)[edu] + bonus
    s1_cap = pick(rng, (GOL["III/d"], GOL["IV/a"], GOL["IV/b"]), n, (0.35, 0.5, 0.15))
    s2_cap = pick(rng, (GOL["IV/a"], GOL["IV/b"], GOL["IV/c"]), n, (0.4, 0.45, 0.15))
    ahli = np.select([edu >= EDU_S3, edu >= EDU_S2, bonus > 0], [GOL["IV/d"], s2_cap, s2_cap],
                     s1_cap).astype(np.int64)  # fmt: skip
    cap = np.where(edu <= EDU_D3, GOL["III/d"], ahli)
    cap = np.where(cat == "pel", _PEL_CAP[edu], cap)
    safe = np.where(level > 0, level, 2)
    cap = np.where(level > 0, np.array([0, 0, *ESELON_GOL_CAP.values()])[safe], cap)
    floor = np.where(level > 0, np.array([0, 0, *ESELON_GOL_FLOOR.values()])[safe], -1)
    return entry, np.maximum(cap, entry), floor


def _career_frame(
    rng: np.random.Generator, jobs: dict, level: np.ndarray, pppk: np.ndarray,
    tmt: np.ndarray, birth: np.ndarray, tmt_jab: np.ndarray, first_pid: int,
) -> pd.DataFrame:  # fmt: skip
    n = len(tmt)
    entry, cap, floor = _caps(rng, jobs, level)
    late = rng.random(n) < 0.15
    tmt_pns = tmt + np.where(late, rng.integers(13, 25, size=n), 12)
    frame = pd.DataFrame({
        "pid": np.arange(first_pid, first_pid + n),
        **{key: jobs[key] for key in ("cat", "base", "pd", "unor", "lokasi", "edu", "sex",
                                      "field", "bup60", "post")},
        "asn": np.where(pppk, "PPPK", "PNS"),
        "birth": birth.astype(np.int64),
        "tmt_cpns": tmt.astype(np.int64),
        "tmt_pns": np.where(pppk, 10**7, tmt_pns).astype(np.int64),
        "entry": entry, "cap": cap, "floor": floor,
        "floor_day": month_to_day(day_to_month(tmt_jab)),
        "pppk_gol": np.where(pppk, np.array(EDU_PPPK_GOL)[jobs["edu"]] + jobs["bonus"], 0),
        "tmt_jab": tmt_jab.astype(np.int64),
        "status": AKTIF, "until": 0, "leave": False,
    })  # fmt: skip
    return frame


def _hire_ages(rng: np.random.Generator, edu: np.ndarray, pppk: np.ndarray) -> np.ndarray:
    lo = np.array([a for a, _ in EDU_HIRE_AGE])[edu]
    hi = np.array([b for _, b in EDU_HIRE_AGE])[edu]
    lo = np.where(pppk, np.maximum(lo, 22), lo)
    hi = np.where(pppk, 46, hi)
    margin = 0.05  # keep completed years inside [lo, hi) after later shifts of a few days
    return lo + margin + rng.random(len(edu)) * (hi - lo - 2 * margin)


def initial_people(
    rng: np.random.Generator, org: Org, registry: Registry, first: date
) -> pd.DataFrame:
    """Everybody in service on the first date, nobody past BUP."""
    first_m, first_d = month_of(first), day_of(first)
    jobs = _structural_jobs(rng, org)
    others = make_jobs(rng, org, org.counts)
    jobs = {key: np.concatenate([jobs[key], others[key]]) for key in jobs}
    n = len(jobs["cat"])
    level = np.zeros(n, dtype=np.int64)
    level[: len(org.posts)] = org.posts["level"].to_numpy()
    share = np.array([PPPK_SHARE.get(c, 0.0) for c in jobs["cat"]])
    pppk = rng.random(n) < share

    hire = _hire_ages(rng, jobs["edu"], pppk)
    bup = np.where((jobs["cat"] == "guru") | jobs["bup60"] | (level == 2), 60.0, 58.0)
    span = np.maximum(bup - hire - 0.1, 0.1)
    service = span * rng.random(n) ** 0.8
    min_service = np.array([0, 0, 22, 14, 8])[level]
    min_age = np.array([0, 0, 46, 40, 32])[level]
    struct_service = np.maximum(min_service, min_age - hire)
    struct_service = struct_service + rng.random(n) * np.maximum(span - struct_service, 0)
    service = np.where(level > 0, struct_service, service)
    # PPPK: first contracts in the last five years
    pppk_years = rng.choice(5, size=n, p=[0.1, 0.2, 0.25, 0.25, 0.2])
    pppk_tmt = (first.year - 4 + pppk_years) * 12 + pick(rng, (0, 2, 3, 9), n, (3, 3, 2, 2))
    pppk_tmt = np.where(pppk_tmt > first_m, pppk_tmt - 12, pppk_tmt).astype(np.int64)

    tmt_year = first.year - np.floor(service).astype(np.int64) - (rng.random(n) < 0.3)
    tmt = tmt_year * 12 + pick(rng, _TMT_MONTHS, n, _TMT_MONTH_P).astype(np.int64)
    tmt = np.where(tmt > first_m, tmt - 12, tmt)
    tmt = np.where(pppk, pppk_tmt, tmt)
    birth = month_to_day(tmt) - np.round(hire * YEAR_DAYS).astype(np.int64)

    tmt_day = month_to_day(tmt)
    served = first_d - tmt_day
    back = np.clip(served - 700, 0, 5 * YEAR_DAYS)
    appointed = first_d - (rng.random(n) * back).astype(np.int64)
    tmt_jab = np.where(level > 0, np.maximum(appointed, tmt_day + 730), tmt_day)
    pel = jobs["cat"] == "pel"
    tmt_jab = np.where(pel, tmt_day + (rng.random(n) * served).astype(np.int64), tmt_jab)
    people = _career_frame(rng, jobs, level, pppk, tmt, birth, tmt_jab, 0)

    for _ in range(10):  # move anyone already past BUP to a later birth and TMT
        over = derive(people, org.posts, first).retire_month <= first_m
        if not over.any():
            break
        shift = np.where(over, rng.integers(12, 96, size=n), 0)
        people["tmt_cpns"] = np.minimum(people["tmt_cpns"] + shift, first_m - 1)
        people["tmt_pns"] = np.where(pppk, people["tmt_pns"], people["tmt_pns"] + shift)
        people["birth"] = people["birth"] + np.round(shift * YEAR_DAYS / 12).astype(np.int64)
    people = add_identity(rng, registry, people, first_d)
    return _initial_leave(rng, people, first_m)


def _initial_leave(rng: np.random.Generator, people: pd.DataFrame, month: int) -> pd.DataFrame:
    """A few PNS already on Tugas Belajar or CLTN on the first date."""
    n = len(people)
    eligible = (people["asn"] == "PNS") & (people["post"] < 0) & (people["edu"] >= EDU_D3)
    u = rng.random(n)
    study = eligible & (u < 0.01) & (people["edu"] <= EDU_S1)
    leave = eligible & (u >= 0.01) & (u < 0.012)
    people.loc[study, "status"] = TUGAS_BELAJAR
    people.loc[leave, "status"] = CLTN
    until = month + rng.integers(1, 30, size=n)
    people["until"] = np.where(study | leave, until, 0)
    return people


def hire_batch(
    rng: np.random.Generator, org: Org, registry: Registry, on: date, size: int, pppk: bool,
    first_pid: int,
) -> pd.DataFrame:  # fmt: skip
    """A batch of new CPNS (or PPPK) with TMT the first day of the month of ``on``."""
    mix = PPPK_BATCH_MIX if pppk else CPNS_BATCH_MIX
    counts = {cat: int(share * size) for cat, share in mix.items()}
    counts["guru"] += size - sum(counts.values())
    jobs = make_jobs(rng, org, counts)
    n = len(jobs["cat"])
    is_pppk = np.full(n, pppk)
    # New CPNS do not enter through the lowest education levels any more.
    jobs["edu"] = np.where(~is_pppk & (jobs["edu"] < 2), 2, jobs["edu"])
    hire = _hire_ages(rng, jobs["edu"], is_pppk)
    month = np.full(n, month_of(on), dtype=np.int64)
    tmt_day = month_to_day(month)
    birth = tmt_day - np.round(hire * YEAR_DAYS).astype(np.int64)
    people = _career_frame(rng, jobs, np.zeros(n, dtype=np.int64), is_pppk, month, birth,
                           tmt_day, first_pid)  # fmt: skip
    return add_identity(rng, registry, people, day_of(on))

