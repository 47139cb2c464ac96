"""The APE scorecard report: every indicator of the kabupaten with its target and status, the
change on the previous period, and the indicators of every PD.

Per-PD figures that could point at a person are suppressed like the profile's: counts of
people (unit ``orang``) from 1 to ``min_count - 1`` with complementary cells (the row's
value = previous value + change; the PDs add up to the kabupaten when they do in the mart),
and I.2.10 (% women in eselon II and III) wherever the profile hides a cell of those rows of
the PD, so that it cannot be combined with the profile to recover one."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from terpilah.report.labels import KABUPATEN, STATUS_LABELS, long_date, short_date
from terpilah.report.model import Cell, Chart, Column, Report, Row, Table
from terpilah.report.suppress import CellKey, Equation, suppress

PEOPLE_UNIT = "orang"
COUNT_UNITS = ("orang", "kegiatan")
LEADERSHIP = "I.2.10"
LEADERSHIP_ROWS = (4, 5)  # asn_profile urutan of JPT Pratama (eselon II), Administrator (III)
FIGURES = ("value", "value_prev", "change")
COLUMNS = [Column("Kode", "text", 11), Column("Indikator", "text", 46),
           Column("Satuan", "text", 9), Column("Periode", "text", 13),
           Column("Nilai", "dec", 11), Column("Target", "dec", 10),
           Column("Status", "text", 14), Column("Periode sebelumnya", "dec", 12),
           Column("Perubahan", "dec", 11), Column("Sumber", "text", 30)]


def scorecard_hidden(rows: list[dict[str, Any]], min_count: int,
                     profile_hidden_rows: set[tuple[str, int]]) -> set[CellKey]:
    """(pd_name, indicator_code, figure) of the PD figures to hide."""
    values: dict[CellKey, Any] = {}
    equations: list[Equation] = []
    candidates: list[CellKey] = []
    by_code: dict[str, list[dict[str, Any]]] = defaultdict(list)
    kabupaten: dict[str, dict[str, Any]] = {}
    for r in rows:
        if r["scope"] == "kabupaten":
            kabupaten[r["indicator_code"]] = r
        elif r["unit"] == PEOPLE_UNIT:
            by_code[r["indicator_code"]].append(r)
    for code, pd_rows in by_code.items():
        for r in pd_rows:
            keys = {f: (r["pd_name"], code, f) for f in FIGURES}
            for figure, key in keys.items():
                values[key] = r[figure]
            candidates += [keys["value"], keys["value_prev"]]
            if all(r[f] is not None for f in FIGURES):
                equations.append(Equation.total([keys["value_prev"], keys["change"]],
                                                keys["value"]))
        kab = kabupaten.get(code)
        for figure in ("value", "value_prev"):
            if kab is None or kab[figure] is None or any(r[figure] is None for r in pd_rows):
                continue
            if sum(r[figure] for r in pd_rows) == kab[figure]:  # published as an equation
                values[("", code, figure)] = kab[figure]
                equations.append(Equation.total([(r["pd_name"], code, figure) for r in pd_rows],
                                                ("", code, figure)))
    fixed = [k for k in values if k[0] == ""]  # type: ignore[index]
    hidden = suppress({k: v for k, v in values.items() if v is not None}, equations, min_count,
                      candidates=[c for c in candidates if values[c] is not None], fixed=fixed)
    for r in rows:
        if (r["scope"] == "pd" and r["indicator_code"] == LEADERSHIP
                and any((r["pd_name"], u) in profile_hidden_rows for u in LEADERSHIP_ROWS)):
            hidden.update((r["pd_name"], LEADERSHIP, f) for f in FIGURES)
    return hidden


def build_scorecard(rows: list[dict[str, Any]], day: date, min_count: int,
                    profile_hidden_rows: set[tuple[str, int]]) -> Report:
    hidden = scorecard_hidden(rows, min_count, profile_hidden_rows)
    title = ["Skor Indikator APE (Anugerah Parahita Ekapraya)", KABUPATEN,
             f"Keadaan per {long_date(day)}"]
    notes = [f"Sumber: marts.ape_scorecard (indikator tanggal data per {long_date(day)}; "
             f"indikator tahunan tahun {day.year}). Hijau: target tercapai; merah: belum.",
             "Periode sebelumnya: tanggal data sebelumnya (indikator tanggal) atau tahun "
             "sebelumnya (indikator tahunan)."]
    kab_rows = [r for r in rows if r["scope"] == "kabupaten"]
    pd_rows = [r for r in rows if r["scope"] == "pd"]
    kabupaten = Table(name="Kabupaten", title=[*title, "Kabupaten"], columns=COLUMNS,
                      rows=[_row(r, hidden) for r in kab_rows], notes=list(notes))
    per_pd = Table(name="Per PD", title=[*title, "Per Perangkat Daerah"], columns=COLUMNS,
                   notes=[*notes, (
                       f"* = disembunyikan: jumlah orang 1 sampai {max(min_count - 1, 1)} per "
                       f"PD dan sel pelengkapnya; I.2.10 disembunyikan bila tabel Profil "
                       f"Statistik ASN menyembunyikan angka eselon II/III PD tersebut."
                       if min_count > 1 else "Semua angka ditampilkan.")],
                   collapsed=True)
    current = None
    for r in pd_rows:
        if r["pd_name"] != current:
            per_pd.rows.append(Row([Cell(r["pd_name"])], kind="group"))
            current = r["pd_name"]
        per_pd.rows.append(_row(r, hidden, indent=1))
    percent = [r for r in kab_rows if r["unit"] == "%"]
    chart = Chart("scorecard", "Nilai indikator (persen) dibandingkan target, kabupaten", "bars",
                  {"decimals": 2, "max": 100, "items": [
                      {"label": f"{r['indicator_code']} {r['indicator_name']}",
                       "value": _float(r["value"]), "target": _float(r["target"]),
                       "status": r["status"], "unit": "%"} for r in percent]})
    return Report(stem=f"skor-ape-{day.isoformat()}", title="Skor Indikator APE",
                  subtitle=[f"{KABUPATEN}, keadaan per {long_date(day)}"],
                  tables=[kabupaten, per_pd], charts=[chart] if percent else [])


def _row(r: dict[str, Any], hidden: set[CellKey], indent: int = 0) -> Row:
    key = (r["pd_name"], r["indicator_code"])
    kind = "int" if r["unit"] in COUNT_UNITS else None
    period = (short_date(r["data_date"]) if r["period_type"] == "date"
              else f"Tahun {r['data_date'].year}")
    status = r["status"]
    shown = (*key, "value") not in hidden
    return Row([
        Cell(r["indicator_code"]), Cell(r["indicator_name"]), Cell(r["unit"]), Cell(period),
        Cell(_number(r["value"], kind), hidden=not shown, kind=kind),
        Cell(_number(r["target"], kind), kind=kind, prefix=_prefix(r["target_operator"])),
        Cell(STATUS_LABELS.get(status, "-") if shown else None, hidden=not shown,
             status=status if shown else None),
        Cell(_number(r["value_prev"], kind), hidden=(*key, "value_prev") in hidden, kind=kind),
        Cell(_number(r["change"], kind), hidden=(*key, "change") in hidden, kind=kind),
        Cell(r["source_mart"])], indent=indent)


def _prefix(operator: str | None) -> str:
    return {">": "> ", ">=": "≥ "}.get(operator or "", "")


def _number(value: Any, kind: str | None) -> Any:
    """Counts as whole numbers (the mart keeps every value as decimal(18,2))."""
    if value is not None and kind == "int" and value == int(value):
        return int(value)
    return value


def _float(value: Any) -> float | None:
    return None if value is None else float(value)
