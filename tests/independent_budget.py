"""The ARG marts computed independently, in plain Python with exact decimals, from what the
sample generator says it wrote (its manifest): not from the warehouse, nor with the pipeline's
parsers or SQL. The version and list precedence and the matching follow docs/architecture.md.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from terpilah.sample.manifest import BudgetFile

RANK = {"RKA Murni": 1, "DPA Murni": 2, "RKA Perubahan": 3, "DPA Perubahan": 4}
ZERO = Decimal(0)


def pct(part: Decimal | int, whole: Decimal | int, places: str = "0.01") -> Decimal | None:
    if whole == 0:
        return None
    return (Decimal(100) * Decimal(part) / Decimal(whole)).quantize(Decimal(places),
                                                                      ROUND_HALF_UP)


@dataclass
class PdYear:
    """One PD's budget year: the winning file's lines and the matched tags."""

    tahun: int
    kode_skpd: str
    dokumen: str
    source_file: str
    data_date: str
    lines: dict[str, Decimal]  # kode -> pagu
    arg: dict[str, tuple[int, Decimal, int, int]] = field(default_factory=dict)
    tags_total: int = 0
    tags_unmatched: int = 0

    @property
    def pagu_total(self) -> Decimal:
        return sum(self.lines.values(), ZERO)

    @property
    def pagu_arg(self) -> Decimal:
        return sum((a[1] for a in self.arg.values()), ZERO)


def current_budgets(files: list[BudgetFile]) -> dict[tuple[int, str], PdYear]:
    """(tahun, kode_skpd) -> the lines of the file that wins for it."""
    best: dict[tuple[int, str], tuple[tuple[int, str, str], BudgetFile]] = {}
    for f in files:
        if f.kind != "budget" or f.expect_rejected:
            continue
        for kode_skpd in {line.kode_skpd for line in f.lines}:
            key = (f.tahun, kode_skpd)
            order = (RANK[f.dokumen or ""], f.data_date, Path(f.path).name)
            if key not in best or order > best[key][0]:
                best[key] = (order, f)
    out = {}
    for (tahun, kode_skpd), (_, f) in best.items():
        lines = {line.kode: Decimal(line.pagu) for line in f.lines if line.kode_skpd == kode_skpd}
        out[(tahun, kode_skpd)] = PdYear(tahun, kode_skpd, f.dokumen or "", Path(f.path).name,
                                         f.data_date, lines)
    return out


def apply_tags(budgets: dict[tuple[int, str], PdYear], files: list[BudgetFile]
               ) -> list[tuple[int, str, str]]:
    """Match the latest list of each PD and year; returns the unmatched (tahun, PD, kode)."""
    latest: dict[tuple[int, str], BudgetFile] = {}
    for f in files:
        if f.kind != "arg" or not f.tags:
            continue
        key = (f.tahun, f.tags[0].kode_skpd)
        if key not in latest or (f.data_date, Path(f.path).name) > (
                latest[key].data_date, Path(latest[key].path).name):
            latest[key] = f
    unmatched = []
    for (tahun, kode_skpd), f in latest.items():
        budget = budgets.get((tahun, kode_skpd))
        for tag in f.tags:
            if tag.kode is None:  # malformed: rejected at load
                continue
            if budget is not None:
                budget.tags_total += 1
            if budget is None or tag.kode not in budget.lines:
                unmatched.append((tahun, kode_skpd, tag.kode))
                if budget is not None:
                    budget.tags_unmatched += 1
                continue
            pagu = budget.lines[tag.kode]
            amount = min(Decimal(tag.nilai_arg), pagu) if tag.nilai_arg else pagu
            budget.arg[tag.kode] = (tag.kategori, amount, tag.sasaran_laki_laki,
                                    tag.sasaran_perempuan)
    return unmatched


def expected_arg_by_pd(files: list[BudgetFile]) -> dict[tuple[int, str], dict[str, object]]:
    budgets = current_budgets(files)
    apply_tags(budgets, files)
    out: dict[tuple[int, str], dict[str, object]] = {}
    for key, b in sorted(budgets.items()):
        by_kat = defaultdict(lambda: ZERO)
        for kat, amount, _, _ in b.arg.values():
            by_kat[kat] += amount
        men = sum(a[2] for a in b.arg.values())
        women = sum(a[3] for a in b.arg.values())
        row: dict[str, object] = {
            "dokumen": b.dokumen, "budget_source_file": b.source_file,
            "pagu_total": b.pagu_total, "pagu_arg": b.pagu_arg,
            "pct_arg": pct(b.pagu_arg, b.pagu_total), "sub_kegiatan_total": len(b.lines),
            "sub_kegiatan_arg": len(b.arg), "pagu_arg_kategori_1": by_kat[1],
            "pagu_arg_kategori_2": by_kat[2], "pagu_arg_kategori_3": by_kat[3],
            "sasaran_laki_laki": men, "sasaran_perempuan": women,
            "sasaran_total": men + women, "tags_total": b.tags_total,
            "tags_unmatched": b.tags_unmatched, "has_arg": bool(b.arg),
        }
        prev = budgets.get((key[0] - 1, key[1]))
        row["pagu_arg_prev"] = None if prev is None else prev.pagu_arg
        row["change_pagu_arg"] = None if prev is None else b.pagu_arg - prev.pagu_arg
        out[key] = row
    return out


def expected_kabupaten(files: list[BudgetFile]) -> dict[int, dict[str, object]]:
    """Per year: the kabupaten row of arg_summary, and the kategori and bidang pagu_arg."""
    budgets = current_budgets(files)
    unmatched = apply_tags(budgets, files)
    out: dict[int, dict[str, object]] = {}
    for tahun in sorted({k[0] for k in budgets}):
        mine = [b for k, b in budgets.items() if k[0] == tahun]
        total = sum((b.pagu_total for b in mine), ZERO)
        arg = sum((b.pagu_arg for b in mine), ZERO)
        kategori: dict[str, Decimal] = defaultdict(lambda: ZERO)
        bidang: dict[str, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
        for b in mine:
            for kode, pagu in b.lines.items():
                bidang[kode[:4]][0] += pagu
            for kode, (kat, amount, _, _) in b.arg.items():
                kategori[str(kat)] += amount
                bidang[kode[:4]][1] += amount
        with_arg = sum(1 for b in mine if b.arg)
        out[tahun] = {
            "pagu_total": total, "pagu_arg": arg, "pct_arg": pct(arg, total),
            "pd_total": len(mine), "pd_with_arg": with_arg,
            "pct_pd_with_arg": pct(with_arg, len(mine), "0.1"),
            "sub_kegiatan_total": sum(len(b.lines) for b in mine),
            "sub_kegiatan_arg": sum(len(b.arg) for b in mine),
            "tags_unmatched": sum(1 for u in unmatched if u[0] == tahun),
            "kategori": dict(kategori), "bidang": {k: tuple(v) for k, v in bidang.items()},
        }
    return out
