"""The organisation a sample is drawn into: PD list, structural posts, work units, head counts.

Head counts follow the composition of a kabupaten's ASN: guru about 45 %, health JF about 18 %,
other JF about 5 %, structural posts about 9 % (the post template of the PD), pelaksana the rest
(about 23 %). ``employees`` scales everything; structural posts are cut back evenly across PD
(heads first) or replicated per wilayah when the sample is larger than the template.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from terpilah.sample.codes import ESELON_LEVEL, KECAMATAN, KECAMATAN_WEIGHT
from terpilah.sample.orgdata import (
    EDUCATION_PD,
    HEALTH_PD,
    HOSPITAL_PD,
    PD_SPECS,
    PUSKESMAS,
    RSUD_UNITS,
    SMALL_PD,
    PdSpec,
)

SCALES: dict[str, int] = {"bengkayang": 5000, "small": 400}
SHARES: dict[str, float] = {"guru": 0.45, "kes": 0.18, "jf": 0.05}
SECRETARIAT_SUBS = ("Sub Bagian Umum dan Kepegawaian", "Sub Bagian Perencanaan dan Keuangan")
ASISTEN = (
    "Asisten Pemerintahan dan Kesejahteraan Rakyat",
    "Asisten Perekonomian dan Pembangunan",
    "Asisten Administrasi Umum",
)
TEACHERS_PER_SCHOOL = 8.5
HEALTH_STAFF_PER_PUSKESMAS = 28


@dataclass
class Org:
    """PD (index-aligned lists), posts and work units of one sample."""

    pd_names: list[str]
    pd_lokasi: list[str]
    pd_staff: np.ndarray  # relative weight of each PD's pelaksana
    hq_units: list[list[str]]  # per PD: units its staff work in
    posts: pd.DataFrame  # pd, title, eselon, level, unor, rank
    schools: list[tuple[str, str]]  # (unor, lokasi)
    school_weight: np.ndarray
    puskesmas: list[tuple[str, str]]
    counts: dict[str, int]  # guru, kes, jf, pel, str

    def pd(self, name: str) -> int:
        return self.pd_names.index(name)


def _lokasi(spec: PdSpec) -> str:
    return spec.name.removeprefix("Kecamatan ") if spec.kind == "kecamatan" else "Bengkayang"


def _template(spec: PdSpec) -> list[tuple[int, str, str, str]]:
    """Posts of one PD as (role rank, title, eselon, unor)."""
    kind, posts = spec.kind, []
    if kind == "setda":
        posts.append((0, spec.head, "II.a", spec.name))
        posts += [(1, title, "II.b", spec.name) for title in ASISTEN]
    elif kind == "kecamatan":
        posts.append((0, spec.head, "III.a", spec.name))
        posts.append((2, "Sekretaris Kecamatan", "III.b", "Sekretariat Kecamatan"))
    else:
        posts.append((0, spec.head, "II.b", spec.name))
    if kind in ("dinas", "inspektorat"):
        posts.append((2, "Sekretaris", "III.a", "Sekretariat"))
    elif kind == "rsud":
        posts.append((2, "Kepala Bagian Tata Usaha", "III.a", "Bagian Tata Usaha"))
    if kind not in ("setda", "dprd"):
        sub_eselon = "IV.b" if kind == "kecamatan" else "IV.a"
        posts += [(4, f"Kepala {sub}", sub_eselon, sub) for sub in SECRETARIAT_SUBS]
    unit_eselon = {"setda": "III.a", "dprd": "III.a", "kecamatan": "IV.a"}.get(kind, "III.b")
    for unit, subs in spec.units:
        if unit.startswith("Inspektur"):
            title = unit
        elif unit.startswith("Kelurahan"):
            title = "Lurah " + unit.removeprefix("Kelurahan ")
        else:
            title = f"Kepala {unit}"
        posts.append((3, title, unit_eselon, unit))
        posts += [(5, f"Kepala {sub}", "IV.a", sub) for sub in subs]
    return posts


def _hq_units(spec: PdSpec) -> list[str]:
    units = [unit for unit, _ in spec.units]
    if spec.kind == "setda":
        return [spec.name, *units, *(s for _, subs in spec.units for s in subs)]
    if spec.kind == "dprd":
        return units
    if spec.kind == "kecamatan":
        return ["Sekretariat Kecamatan", *SECRETARIAT_SUBS, *units]
    if spec.kind == "rsud":
        return ["Bagian Tata Usaha", *SECRETARIAT_SUBS, *units, *RSUD_UNITS]
    return ["Sekretariat", *SECRETARIAT_SUBS, *units]


def _all_posts(specs: list[PdSpec]) -> pd.DataFrame:
    rows = []
    for i, spec in enumerate(specs):
        template = sorted(_template(spec), key=lambda post: post[0])
        for rank, title, eselon, unor in template:
            rows.append((i, title, eselon, ESELON_LEVEL[eselon], unor, rank))
    posts = pd.DataFrame(rows, columns=["pd", "title", "eselon", "level", "unor", "rank"])
    posts["ordinal"] = posts.groupby(["pd", "level"]).cumcount()
    return posts


def _select_posts(posts: pd.DataFrame, target: int) -> pd.DataFrame:
    """Keep ``target`` posts: eselon II first, then III/IV spread evenly across PD."""
    top = posts[posts["level"] == 2].sort_values(["rank", "pd"], kind="stable").head(target)
    rest = posts[posts["level"] > 2]
    want = target - len(top)
    if want <= len(rest):
        n3 = int((rest["level"] == 3).sum())
        k3 = round(want * n3 / max(len(rest), 1))
        picked = [
            rest[rest["level"] == level].sort_values(["ordinal", "pd"], kind="stable").head(k)
            for level, k in ((3, k3), (4, want - k3))
        ]
    else:  # replicate III/IV posts per wilayah for samples larger than the template
        copies = []
        for c in range(1, math.ceil(want / len(rest)) + 1):
            copy = rest.copy()
            if c > 1:
                copy["title"] = copy["title"] + f" Wilayah {c}"
                copy["unor"] = copy["unor"] + f" Wilayah {c}"
            copy["ordinal"] = copy["ordinal"] + (c - 1) * 1000
            copies.append(copy)
        every = pd.concat(copies).sort_values(["ordinal", "pd"], kind="stable")
        picked = [every.head(want)]
    kept = pd.concat([top, *picked]).sort_values(["pd", "rank", "ordinal"], kind="stable")
    return kept.drop(columns=["ordinal"]).reset_index(drop=True)


def _schools(rng: np.random.Generator, teachers: int) -> tuple[list[tuple[str, str]], np.ndarray]:
    count = max(2, round(teachers / TEACHERS_PER_SCHOOL))
    weights = np.array(KECAMATAN_WEIGHT) / sum(KECAMATAN_WEIGHT)
    where = rng.choice(len(KECAMATAN), size=count, p=weights)
    is_smp = rng.random(count) < 0.2
    numbers: dict[tuple[bool, int], int] = {}
    schools, weight = [], []
    for kec, smp in zip(where.tolist(), is_smp.tolist(), strict=True):
        numbers[(smp, kec)] = numbers.get((smp, kec), 0) + 1
        kind = "SMP Negeri" if smp else "SD Negeri"
        schools.append((f"{kind} {numbers[(smp, kec)]} {KECAMATAN[kec]}", KECAMATAN[kec]))
        weight.append(2.2 if smp else 1.0)
    w = np.array(weight)
    return schools, w / w.sum()


def scale_specs(scale: str) -> list[PdSpec]:
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}; expected one of {sorted(SCALES)}")
    if scale == "small":
        by_name = {spec.name: spec for spec in PD_SPECS}
        return [by_name[name] for name in SMALL_PD]
    return list(PD_SPECS)


STRUCTURAL_SHARE = len(_all_posts(list(PD_SPECS))) / SCALES["bengkayang"]


def build_org(rng: np.random.Generator, scale: str, employees: int | None) -> Org:
    """The organisation of a sample with ``employees`` ASN (default: the scale's size)."""
    specs = scale_specs(scale)
    total = SCALES[scale] if employees is None else int(employees)
    if total < 50:
        raise ValueError("employees must be at least 50")
    for name in (EDUCATION_PD, HEALTH_PD, HOSPITAL_PD):
        if name not in [spec.name for spec in specs]:
            raise ValueError(f"scale {scale!r} lacks {name}")
    posts = _select_posts(_all_posts(specs), round(STRUCTURAL_SHARE * total))
    counts = {key: round(share * total) for key, share in SHARES.items()}
    counts["str"] = len(posts)
    counts["pel"] = total - sum(counts.values())
    if counts["pel"] < 0:
        raise ValueError(f"employees={total} is too small for scale {scale!r}")
    schools, school_weight = _schools(rng, counts["guru"])
    n_pusk = min(len(PUSKESMAS), max(1, round(counts["kes"] * 0.6 / HEALTH_STAFF_PER_PUSKESMAS)))
    return Org(
        pd_names=[spec.name for spec in specs],
        pd_lokasi=[_lokasi(spec) for spec in specs],
        pd_staff=np.array([spec.staff for spec in specs]),
        hq_units=[_hq_units(spec) for spec in specs],
        posts=posts,
        schools=schools,
        school_weight=school_weight,
        puskesmas=list(PUSKESMAS[:n_pusk]),
        counts=counts,
    )
