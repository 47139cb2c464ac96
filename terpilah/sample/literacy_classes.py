"""The literacy classes of a sample and who attends them.

About ``PER_YEAR[scale]`` classes a year (55 at scale "bengkayang", 10 at "small"), spread over
the sampled months; the host kecamatan go through a shuffled list of all 17 before repeating.
Participants come mostly from the host kecamatan; residents who attended before are favoured
(up to ``MAX_CLASSES`` classes each), so many attend 2-4 classes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from terpilah.sample.literacy_people import KECAMATAN, PEKERJAAN, Resident, ResidentFactory


@dataclass(frozen=True)
class Program:
    name: str
    titles: tuple[str, ...]  # as written in a title block
    weight: float
    female_share: float
    affinity: tuple[tuple[str, float], ...] = ()  # pekerjaan weight multipliers


PROGRAMS: tuple[Program, ...] = (
    Program("Literasi Digital untuk Perempuan",
            ("PELATIHAN LITERASI DIGITAL UNTUK PEREMPUAN", "LITERASI DIGITAL UNTUK PEREMPUAN"),
            0.25, 0.95, (("Ibu Rumah Tangga", 2.0), ("Wiraswasta/UMKM", 1.5))),
    Program("Gerakan Nasional Literasi Digital - Cakap Digital",
            ("GERAKAN NASIONAL LITERASI DIGITAL - CAKAP DIGITAL",
             "WEBINAR GERAKAN NASIONAL LITERASI DIGITAL (CAKAP DIGITAL)"), 0.25, 0.5),
    Program("Pelatihan UMKM Go Digital",
            ("PELATIHAN UMKM GO DIGITAL", "PELATIHAN UMKM GO DIGITAL KABUPATEN BENGKAYANG"),
            0.18, 0.62, (("Wiraswasta/UMKM", 8.0), ("Ibu Rumah Tangga", 1.5))),
    Program("Literasi Digital Pelajar",
            ("LITERASI DIGITAL PELAJAR", "SOSIALISASI LITERASI DIGITAL BAGI PELAJAR"),
            0.17, 0.52, (("Pelajar/Mahasiswa", 30.0), ("Guru", 3.0))),
    Program("Desa Digital", ("PELATIHAN DESA DIGITAL", "BIMTEK DESA DIGITAL"),
            0.15, 0.42, (("Perangkat Desa", 10.0),)),
)  # fmt: skip
PER_YEAR: dict[str, int] = {"bengkayang": 55, "small": 10}
SIZE: dict[str, tuple[int, int]] = {"bengkayang": (20, 60), "small": (20, 40)}
MAX_CLASSES = 4
REPEAT_WEIGHT = 4.0  # residents who attended before (fewer than MAX_CLASSES times)
AWAY_WEIGHT = 0.002  # residents of another kecamatan
SEATS_PER_RESIDENT = 1.9


@dataclass(frozen=True)
class LiteracyClass:
    index: int
    program: Program
    title: str
    kecamatan: str  # canonical host kecamatan
    on: date
    size: int


def plan_classes(rng: np.random.Generator, first: date, last: date,
                 scale: str) -> list[LiteracyClass]:  # fmt: skip
    """The classes between ``first`` and ``last`` (inclusive), by date."""
    days = (last - first).days + 1
    count = max(1, round(PER_YEAR.get(scale, 10) * days / 365))
    order = np.concatenate([rng.permutation(len(KECAMATAN))
                            for _ in range(math.ceil(count / len(KECAMATAN)))])  # fmt: skip
    weights = np.array([p.weight for p in PROGRAMS])
    low, high = SIZE.get(scale, SIZE["small"])
    raw = []
    for i in range(count):
        program = PROGRAMS[int(rng.choice(len(PROGRAMS), p=weights / weights.sum()))]
        on = first + timedelta(days=int(rng.integers(days)))
        if on.weekday() == 6:  # no classes on Sundays
            on = on - timedelta(days=1) if on > first else on + timedelta(days=1)
        title = program.titles[int(rng.integers(len(program.titles)))]
        raw.append((on, i, program, title, KECAMATAN[int(order[i])],
                    int(rng.integers(low, high + 1))))  # fmt: skip
    raw.sort(key=lambda item: (item[0], item[1]))
    return [LiteracyClass(n, program, title, kec, on, size)
            for n, (on, _, program, title, kec, size) in enumerate(raw)]  # fmt: skip


def make_population(rng: np.random.Generator, classes: list[LiteracyClass],
                    today: date) -> list[Resident]:  # fmt: skip
    """Residents per kecamatan in proportion to the seats of the classes held there."""
    seats = dict.fromkeys(KECAMATAN, 0)
    for cls in classes:
        seats[cls.kecamatan] += cls.size
    homes = [k for k, name in enumerate(KECAMATAN)
             for _ in range(math.ceil(seats[name] / SEATS_PER_RESIDENT) + 8)]  # fmt: skip
    return ResidentFactory(rng, today).make(homes)


class Attendance:
    """Who attended how often; picks the participants of each class."""

    def __init__(self, people: list[Resident]) -> None:
        self.people = people
        self.female = np.array([p.female for p in people])
        self.home = np.array([KECAMATAN.index(p.kecamatan) for p in people])
        self.job = np.array([PEKERJAAN.index(p.pekerjaan) for p in people])
        self.count = np.zeros(len(people), dtype=int)

    def pick(self, rng: np.random.Generator, cls: LiteracyClass) -> list[Resident]:
        weight = np.where(self.home == KECAMATAN.index(cls.kecamatan), 1.0, AWAY_WEIGHT)
        for job, factor in cls.program.affinity:
            weight = np.where(self.job == PEKERJAAN.index(job), weight * factor, weight)
        weight = np.where(self.count > 0, weight * REPEAT_WEIGHT, weight)
        weight = np.where(self.count >= MAX_CLASSES, 0.0, weight)
        women = int(rng.binomial(cls.size, cls.program.female_share))
        chosen: list[int] = []
        for is_f, k in ((True, women), (False, cls.size - women)):
            w = np.where(self.female == is_f, weight, 0.0)
            k = min(k, int(np.count_nonzero(w)))
            if k:
                chosen += rng.choice(len(w), size=k, replace=False, p=w / w.sum()).tolist()
        chosen = [chosen[i] for i in rng.permutation(len(chosen))]
        self.count[chosen] += 1
        return [self.people[i] for i in chosen]
