"""Which PD tag ARG (gender-responsive budget) in which year, and their tags.

About 45 % of PD tag in the first year, 60 % in the second and 75 % in the third; a PD that
tagged keeps tagging, DINSOSPPPA and Diskominfo always tag. A list has 1-4 tags on sub
kegiatan the PD budgets in both versions of that year, substantive programs first. NILAI ARG
is blank for about 60 % of tags (the whole sub kegiatan is ARG), otherwise a part strictly
below the line's pagu in both versions. Flaws: see ``terpilah.sample.budget_flaws``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from terpilah.sample.budget_codes import PUG_PROGRAM, is_kominfo, is_pppa
from terpilah.sample.budget_flaws import (
    ARG_FLAW_COUNTS,
    ARG_FLAW_SCALE,
    malformed,
    old_format,
)
from terpilah.sample.budget_money import thousands
from terpilah.sample.budget_plan import PdPlan

SALARIES = ".01.2.02.0001"
STAFF_TRAINING = ".01.2.05.0009"
TAGGING_SHARE = (0.45, 0.6, 0.75)  # of PD, in the three years
CSV_SHARE = 1 / 6
SKPD_TITLE_SHARE = 1 / 3  # PD whose lists name them "SKPD : <kode> <nama>"
BLANK_NILAI_SHARE = 0.6
KATEGORI_P = (0.3, 0.45, 0.25)
ISU: dict[int, tuple[str, ...]] = {
    1: ("Angka kematian ibu dan bayi masih tinggi",
        "Perempuan korban kekerasan belum seluruhnya tertangani",
        "Ibu hamil dan menyusui membutuhkan layanan gizi khusus",
        "Anak perempuan rentan perkawinan usia anak",
        "Layanan kesehatan reproduksi perempuan di desa terbatas"),
    2: ("Partisipasi perempuan dalam pelatihan kerja masih rendah",
        "Akses perempuan pelaku usaha mikro terhadap modal terbatas",
        "Keterwakilan perempuan dalam jabatan struktural masih rendah",
        "Partisipasi perempuan dalam musyawarah desa masih rendah",
        "Literasi digital perempuan lebih rendah daripada laki-laki"),
    3: ("Data terpilah menurut jenis kelamin belum tersedia",
        "Kapasitas perencana dalam PPRG masih rendah",
        "Koordinasi PUG antar perangkat daerah belum optimal",
        "Profil gender daerah belum diperbarui"),
}  # fmt: skip


@dataclass
class PlannedTag:
    kode: str | None  # canonical; None when the written code is malformed
    kode_written: str
    uraian: str
    kategori: int
    isu: str
    men: int
    women: int
    nilai: Decimal | None
    in_budget: bool
    flaw: str | None = None


@dataclass
class ArgList:
    plan: PdPlan
    year: int
    csv: bool
    skpd_title: bool
    tags: list[PlannedTag]


def _count(share: float, n: int) -> int:
    return int(share * n + 0.5)


def tagging_pd(rng: np.random.Generator, plans: list[PdPlan], years: list[int]
               ) -> dict[int, list[int]]:  # fmt: skip
    """Year -> indexes of the PD that tag; the sets grow over the years."""
    forced = [i for i, p in enumerate(plans) if is_pppa(p.skpd.nama) or is_kominfo(p.skpd.nama)]
    rest = [i for i in range(len(plans)) if i not in forced]
    order = forced + [rest[i] for i in rng.permutation(len(rest)).tolist()]
    return {year: sorted(order[: max(len(forced), _count(share, len(plans)))])
            for year, share in zip(years, TAGGING_SHARE, strict=True)}  # fmt: skip


def _flaw_kinds(rng: np.random.Generator, n_pd: int, n_lists: int) -> list[str | None]:
    kinds = [kind for kind, count in ARG_FLAW_COUNTS.items()
             for _ in range(max(1, round(count * n_pd / ARG_FLAW_SCALE)))]  # fmt: skip
    kinds = kinds[:n_lists]
    out: list[str | None] = [None] * n_lists
    for slot, kind in zip(rng.permutation(n_lists).tolist(), kinds, strict=False):
        out[slot] = kind
    return out


def _candidates(rng: np.random.Generator, plan: PdPlan, year: int) -> list[str]:
    """Codes in both versions of the year, preferred first: the PD's own gender programs,
    substantive programs, planning and staff training, other penunjang lines, salaries."""
    codes = sorted(set(plan.murni[year]) & set(plan.perubahan[year]))
    own = PUG_PROGRAM[:4] if is_pppa(plan.skpd.nama) else "2.16" if is_kominfo(
        plan.skpd.nama) else None

    def rank(code: str) -> int:
        if own is not None and code.startswith(own + "."):
            return 0
        if not penunjang(code):
            return 1
        if code.endswith(SALARIES):
            return 4
        return 2 if code[8:12] == "2.01" or code.endswith(STAFF_TRAINING) else 3

    shuffled = [codes[i] for i in rng.permutation(len(codes)).tolist()]
    return sorted(shuffled, key=rank)


def penunjang(code: str) -> bool:
    return code[5:7] == "01"


def _tag(rng: np.random.Generator, plan: PdPlan, year: int, kode: str, in_budget: bool
         ) -> PlannedTag:  # fmt: skip
    # Gender mainstreaming itself and the offices' own work (planning, staff) are category 3.
    if kode.startswith(PUG_PROGRAM + ".") or penunjang(kode):
        kategori = 3
    else:
        kategori = int(rng.choice(3, p=KATEGORI_P)) + 1
    isu = ISU[kategori][int(rng.integers(len(ISU[kategori])))]
    if kategori == 1 and rng.random() < 0.6:  # a need of one sex: mostly women
        women = int(rng.integers(20, 400))
        men, women = (0, women) if rng.random() < 0.8 else (women, 0)
    elif kategori == 3:
        men, women = int(rng.integers(5, 60)), int(rng.integers(5, 60))
    else:
        men, women = int(rng.integers(10, 400)), int(rng.integers(10, 400))
    nilai = None
    if rng.random() >= BLANK_NILAI_SHARE:
        if in_budget:
            pagu = min(plan.murni[year][kode], plan.perubahan[year][kode])
        else:
            pagu = Decimal(int(rng.integers(20, 200)) * 1_000_000)
        nilai = min(thousands(float(pagu) * float(rng.uniform(0.2, 0.8))), pagu - 1000)
    name = plan.names.get(kode) or plan.candidates[kode[:12]][int(kode[13:])]
    return PlannedTag(kode, kode, name, kategori, isu, men, women, nilai, in_budget)


def _unknown_code(rng: np.random.Generator, plan: PdPlan) -> str:
    """A well-formed code of one of the PD's kegiatan that no year or version budgets."""
    open_ = [k for k in plan.candidates if plan.spare(k)]
    kegiatan = open_[int(rng.integers(len(open_)))]
    spare = plan.spare(kegiatan)
    return f"{kegiatan}.{spare[int(rng.integers(len(spare)))]:04d}"


def _list(rng: np.random.Generator, plan: PdPlan, year: int, flaw: str | None,
          variant: int) -> list[PlannedTag]:  # fmt: skip
    codes = _candidates(rng, plan, year)
    size = 4 if flaw else int(rng.integers(1, 5))
    real = size - 1 if flaw in ("kode_unknown", "kode_malformed") else size
    tags = [_tag(rng, plan, year, code, True) for code in codes[:real]]
    at = int(rng.integers(len(tags) + 1))
    if flaw == "kode_old_format":
        at = min(at, len(tags) - 1)
        tags[at].kode_written, tags[at].flaw = old_format(tags[at].kode or ""), flaw
    elif flaw == "kode_unknown":
        tag = _tag(rng, plan, year, _unknown_code(rng, plan), False)
        tag.flaw = flaw
        tags.insert(at, tag)
    elif flaw == "kode_malformed":
        source = codes[real] if len(codes) > real else codes[0]
        tag = _tag(rng, plan, year, source, False)
        tag.kode, tag.kode_written, tag.flaw = None, malformed(source, variant), flaw
        tags.insert(at, tag)
    return tags


def plan_arg(seed: int, stream: int, plans: list[PdPlan], years: list[int]) -> list[ArgList]:
    """Every ARG list of the three years, year by year, PD in the order of ``plans``."""
    rng = np.random.default_rng([seed, stream, 2])
    tagging = tagging_pd(rng, plans, years)
    skpd_title = rng.random(len(plans)) < SKPD_TITLE_SHARE
    slots = [(year, i) for year in years for i in tagging[year]]
    flaws = _flaw_kinds(rng, len(plans), len(slots))
    out, malformed_seen = [], 0
    for (year, i), flaw in zip(slots, flaws, strict=True):
        list_rng = np.random.default_rng([seed, stream, 3, year, i])
        tags = _list(list_rng, plans[i], year, flaw, malformed_seen)
        malformed_seen += flaw == "kode_malformed"
        out.append(ArgList(plans[i], year, bool(list_rng.random() < CSV_SHARE),
                           bool(skpd_title[i]), tags))  # fmt: skip
    return out
