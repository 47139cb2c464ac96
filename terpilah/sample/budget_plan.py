"""The budgets behind the sample's files: every PD's sub kegiatan and their pagu, per year,
in the original (murni) and the amended (perubahan) version.

A PD runs the penunjang program of its first bidang urusan and 1-3 substantive programs of its
bidang (DINSOSPPPA always 2.08.02, the PUG program), 8-25 sub kegiatan in all. Codes stay the
same over the three years; the pagu drifts from year to year. The perubahan changes about 30 %
of the lines by 5-20 % either way and adds 1-2 sub kegiatan in a few PD; it never removes one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np

from terpilah.sample.budget_catalog import (
    PENUNJANG,
    PENUNJANG_ALWAYS,
    PENUNJANG_KEGIATAN,
    PROGRAMS,
    SALARY_SUB,
    programs_of,
    sub_name,
)
from terpilah.sample.budget_codes import BIDANG_NAMES, PUG_PROGRAM, Skpd, is_pppa, skpd_of
from terpilah.sample.budget_money import thousands

MIN_PAGU, MAX_PAGU = 10_000_000, 5_000_000_000
MIN_SUBS, MAX_SUBS = 8, 25
SUB_CAP = 5  # substantive sub kegiatan per kegiatan: leaves numbers for amendments
CHANGED_SHARE = 0.3
ADDING_SHARE = 0.2  # PD whose perubahan adds sub kegiatan
SEN_SHARE = 0.04  # lines of whole rupiah plus 50 sen instead of whole thousands
SUMBER = (("DAU", 0.55), ("PAD", 0.2), ("DAK", 0.15), ("DBH", 0.1))


@dataclass(frozen=True)
class Row:
    """One row of a budget export in hierarchy order; ``pagu`` is the sum below a subtotal."""

    level: str  # skpd | bidang | program | kegiatan | sub
    kode: str
    uraian: str
    sumber: str  # sub kegiatan only
    pagu: Decimal


@dataclass
class PdPlan:
    """One PD's budget: names of its codes, spare sub kegiatan numbers and the pagu."""

    skpd: Skpd
    names: dict[str, str]  # bidang, program, kegiatan and sub kegiatan code -> uraian
    sumber: dict[str, str]  # sub kegiatan code -> sumber dana
    candidates: dict[str, dict[int, str]]  # kegiatan code -> sub number -> name
    murni: dict[int, dict[str, Decimal]] = field(default_factory=dict)
    perubahan: dict[int, dict[str, Decimal]] = field(default_factory=dict)

    def lines(self, year: int, dokumen: str) -> dict[str, Decimal]:
        return (self.perubahan if dokumen == "DPA Perubahan" else self.murni)[year]

    def spare(self, kegiatan: str) -> list[int]:
        """Sub kegiatan numbers of ``kegiatan`` used in no year and no version."""
        used = {code for lines in (*self.murni.values(), *self.perubahan.values())
                for code in lines}  # fmt: skip
        return [n for n in self.candidates[kegiatan] if f"{kegiatan}.{n:04d}" not in used]

    def rows(self, lines: dict[str, Decimal], *, with_skpd: bool, with_bidang: bool
             ) -> list[Row]:  # fmt: skip
        """The export's rows of ``lines``: SKPD, bidang, program, kegiatan and sub kegiatan."""
        out = []
        if with_skpd:
            out.append(Row("skpd", self.skpd.kode, self.skpd.nama, "", sum(lines.values())))
        for bidang in self.skpd.bidang:
            mine = sorted(code for code in lines if code.startswith(bidang + "."))
            if not mine:
                continue
            if with_bidang:
                out.append(Row("bidang", bidang, BIDANG_NAMES[bidang], "",
                               _under(lines, bidang)))  # fmt: skip
            program = kegiatan = ""
            for code in mine:
                if code[:7] != program:
                    program = code[:7]
                    out.append(Row("program", program, self.names[program], "",
                                   _under(lines, program)))  # fmt: skip
                if code[:12] != kegiatan:
                    kegiatan = code[:12]
                    out.append(Row("kegiatan", kegiatan, self.names[kegiatan], "",
                                   _under(lines, kegiatan)))  # fmt: skip
                out.append(Row("sub", code, self.names[code], self.sumber[code], lines[code]))
        return out


def _under(lines: dict[str, Decimal], prefix: str) -> Decimal:
    return sum((v for k, v in lines.items() if k.startswith(prefix + ".")), Decimal(0))


def amount(rng: np.random.Generator, value: float) -> Decimal:
    """``value`` as a pagu between Rp 10 juta and Rp 5 miliar: whole thousands, a few x.50."""
    value = min(max(value, MIN_PAGU), MAX_PAGU - 1)
    if rng.random() < SEN_SHARE:
        return Decimal(int(value)) + Decimal("0.50")
    return thousands(value)


def draw_pagu(rng: np.random.Generator, median: float = 2e8) -> Decimal:
    """A new line's pagu: log-normal, most between Rp 50 juta and Rp 1 miliar."""
    return amount(rng, float(rng.lognormal(np.log(median), 1.0)))


def _programs(rng: np.random.Generator, skpd: Skpd) -> list[str]:
    pool = list(skpd.programs) if skpd.programs else [
        p.kode for b in skpd.bidang for p in programs_of(b)]
    chosen = [PUG_PROGRAM] if is_pppa(skpd.nama) else []
    for bidang in skpd.bidang:  # one program at least in every bidang of the PD
        mine = [p for p in pool if p[:4] == bidang]
        if mine and not any(p[:4] == bidang for p in chosen):
            chosen.append(mine[int(rng.integers(len(mine)))])
    want = int(rng.integers(max(1, len(chosen)), 4))
    rest = [p for p in pool if p not in chosen]
    extra = rng.permutation(len(rest))[: max(0, want - len(chosen))]
    return sorted(chosen + [rest[i] for i in sorted(extra.tolist())])


def _structure(rng: np.random.Generator, skpd: Skpd) -> PdPlan:
    """Names and candidate sub kegiatan of the PD's kegiatan (none chosen yet)."""
    names = {b: BIDANG_NAMES[b] for b in skpd.bidang}
    candidates: dict[str, dict[int, str]] = {}
    penunjang = f"{skpd.bidang[0]}.01"
    names[penunjang] = PENUNJANG
    for number, name, subs in PENUNJANG_KEGIATAN:
        if number in PENUNJANG_ALWAYS or rng.random() < 0.5:
            kode = f"{penunjang}.2.{number:02d}"
            names[kode] = name
            candidates[kode] = dict(subs)
    for program in _programs(rng, skpd):
        spec = PROGRAMS[program]
        names[program] = spec.nama
        count = int(rng.integers(1, min(2, len(spec.kegiatan)) + 1))
        picked = sorted(rng.permutation(len(spec.kegiatan))[:count].tolist())
        if program == PUG_PROGRAM and 0 not in picked:  # PUG institutionalisation always
            picked = sorted([0, *picked[:-1]])
        for i in picked:
            kode = f"{program}.2.{i + 1:02d}"
            names[kode] = spec.kegiatan[i]
            candidates[kode] = {n: sub_name(spec.kegiatan[i], n) for n in range(1, 13)}
    return PdPlan(skpd, names, {}, candidates)


def _choose_subs(rng: np.random.Generator, plan: PdPlan) -> list[str]:
    """8-25 sub kegiatan, at least one under every kegiatan, salaries always."""
    kegiatan = list(plan.candidates)
    cap = [len(plan.candidates[k]) if k[5:7] == "01" else SUB_CAP for k in kegiatan]
    counts = [1] * len(kegiatan)
    target = min(int(rng.integers(max(MIN_SUBS, len(kegiatan)), MAX_SUBS + 1)), sum(cap))
    while sum(counts) < target:
        open_ = [i for i, k in enumerate(kegiatan) if counts[i] < cap[i]]
        counts[open_[int(rng.integers(len(open_)))]] += 1
    salary = f"{plan.skpd.bidang[0]}.01.2.{SALARY_SUB[0]:02d}"
    codes = []
    for kode, count in zip(kegiatan, counts, strict=True):
        numbers = list(plan.candidates[kode])
        order = [numbers[i] for i in rng.permutation(len(numbers)).tolist()]
        if kode == salary:
            order.remove(SALARY_SUB[1])
            order.insert(0, SALARY_SUB[1])
        codes += [f"{kode}.{n:04d}" for n in sorted(order[:count])]
    return codes


def _name_subs(rng: np.random.Generator, plan: PdPlan, codes: list[str]) -> None:
    labels, weights = zip(*SUMBER, strict=True)
    for code in codes:
        plan.names[code] = plan.candidates[code[:12]][int(code[13:])]
        pick = int(rng.choice(len(labels), p=np.array(weights)))
        plan.sumber[code] = "DAU" if code.endswith(".01.2.02.0001") else labels[pick]


def _year_pagu(rng: np.random.Generator, codes: list[str], before: dict[str, Decimal] | None
               ) -> dict[str, Decimal]:  # fmt: skip
    out = {}
    for code in codes:
        if code.endswith(".01.2.02.0001"):  # salaries: the PD's largest line
            out[code] = thousands(float(rng.uniform(1.5e9, MAX_PAGU)))
        elif before is None or code not in before:
            out[code] = draw_pagu(rng)
        else:  # the same line next year: a drift of -10..+15 %
            out[code] = amount(rng, float(before[code]) * float(rng.uniform(0.9, 1.15)))
    return out


def _amend(rng: np.random.Generator, plan: PdPlan, year: int, adds: int) -> None:
    lines = dict(plan.murni[year])
    for code in sorted(lines):
        if rng.random() >= CHANGED_SHARE:
            continue
        step = float(rng.uniform(0.05, 0.2)) * (1 if rng.random() < 0.5 else -1)
        if not MIN_PAGU <= float(lines[code]) * (1 + step) < MAX_PAGU:
            step = -step  # a change the bounds would swallow goes the other way
        lines[code] = amount(rng, float(lines[code]) * (1 + step))
    plan.perubahan[year] = lines
    for _ in range(adds):
        open_ = [k for k in plan.candidates if plan.spare(k)]
        kegiatan = open_[int(rng.integers(len(open_)))]
        spare = plan.spare(kegiatan)
        code = f"{kegiatan}.{spare[int(rng.integers(len(spare)))]:04d}"
        _name_subs(rng, plan, [code])
        lines[code] = draw_pagu(rng, median=1e8)


def plan_budgets(seed: int, stream: int, pd_names: list[str], years: list[int]
                 ) -> list[PdPlan]:  # fmt: skip
    """Every PD's budget in ``years`` (murni and perubahan), in the order of ``pd_names``."""
    plans = []
    for index, name in enumerate(pd_names):
        rng = np.random.default_rng([seed, stream, 0, index])
        plan = _structure(rng, skpd_of(name))
        codes = _choose_subs(rng, plan)
        _name_subs(rng, plan, codes)
        before = None
        for year in years:
            before = plan.murni[year] = _year_pagu(rng, codes, before)
        plans.append(plan)
    for year in years:
        rng = np.random.default_rng([seed, stream, 1, year])
        adding = set(rng.permutation(len(plans))[: max(1, round(ADDING_SHARE * len(plans)))]
                     .tolist())  # fmt: skip
        for index, plan in enumerate(plans):
            _amend(rng, plan, year, int(rng.integers(1, 3)) if index in adding else 0)
    return plans
