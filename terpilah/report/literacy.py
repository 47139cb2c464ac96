"""The digital-literacy report (Diskominfo) of one year: unique participants by sex per
program and per month, the breakdown by kecamatan, age group, occupation and disability, and
the women's share against its target (> 50 %)."""

from __future__ import annotations

from typing import Any

from terpilah.report.labels import KABUPATEN, STATUS_LABELS, month_label
from terpilah.report.model import Cell, Chart, Column, Report, Row, Table, whole

ALL = "Semua program"
TARGET = 50
DIMENSIONS = {"kecamatan": "Kecamatan", "age_group": "Kelompok umur",
              "pekerjaan": "Pekerjaan", "disabilitas": "Disabilitas"}
PEOPLE = [Column("Pria", "int", 10), Column("Wanita", "int", 10),
          Column("Tidak diketahui", "int", 12), Column("Total peserta", "int", 12)]


def _status(met: Any) -> str:
    return "tercapai" if met else "belum"


def build_literacy(summary: list[dict[str, Any]], dimensions: list[dict[str, Any]],
                   year: int) -> Report:
    source = (f"Sumber: daftar peserta literasi digital (Diskominfo), marts.literacy_summary "
              f"dan marts.literacy_participants, tahun {year}. Peserta dihitung unik (NIK "
              f"yang disamarkan; tanpa NIK: nama, tanggal lahir/umur dan kecamatan).")
    title = ["Literasi Digital Berbasis Gender", KABUPATEN, f"Tahun {year}"]
    years = sorted((r for r in summary if r["period_type"] == "year"),
                   key=lambda r: (r["program"] != ALL, r["program"]))
    months = [r for r in summary if r["period_type"] == "month" and r["program"] == ALL]
    programs = Table(
        name="Per program", title=[*title, "Peserta unik per program"],
        columns=[Column("Program", "text", 44), *PEOPLE, Column("Kehadiran", "int", 11),
                 Column("% Wanita", "pct", 10), Column("Target > 50 %", "text", 15),
                 Column("Data terpilah", "text", 12)],
        rows=[Row([Cell(r["program"]), *_people(r), Cell(whole(r["attendances_total"])),
                   Cell(r["pct_wanita"]),
                   Cell(STATUS_LABELS[_status(r["target_met"])],
                        status=_status(r["target_met"])),
                   Cell(bool(r["is_sex_disaggregated"]))],
                  kind="total" if r["program"] == ALL else "data") for r in years],
        notes=[source, "% Wanita: perempuan di antara peserta yang jenis kelaminnya diketahui. "
               "Data terpilah: setiap kehadiran program tercatat jenis kelaminnya."])
    total = next((r for r in years if r["program"] == ALL), None)
    if total is not None and total["programs_total"] is not None:
        programs.notes.append(
            f"Program dengan data terpilah (APE I.3): {total['programs_sex_disaggregated']} "
            f"dari {total['programs_total']} program ({_pct(total)} %; target > 90 %). "
            f"Peserta yang dikenali tanpa NIK: {total['fallback_identified']}.")
    monthly = Table(
        name="Per bulan", title=[*title, "Peserta unik per bulan (semua program)"],
        columns=[Column("Bulan", "text", 22), *PEOPLE, Column("Kehadiran", "int", 11),
                 Column("% Wanita", "pct", 10)],
        rows=[Row([Cell(month_label(r["period"])), *_people(r),
                   Cell(whole(r["attendances_total"])), Cell(r["pct_wanita"])])
              for r in sorted(months, key=lambda r: r["period"])],
        notes=[source, "Seseorang yang hadir pada beberapa bulan dihitung pada setiap bulan, "
               "dan satu kali dalam setahun."])
    breakdown = Table(
        name="Rincian peserta", title=[*title, "Peserta unik menurut karakteristik"],
        columns=[Column("Uraian", "text", 34), *PEOPLE, Column("% Wanita", "pct", 10)],
        notes=[source, "Setiap peserta dihitung pada satu kategori per karakteristik "
               "(kelas terakhirnya dalam tahun itu)."])
    for dimension, label in DIMENSIONS.items():
        rows = [r for r in dimensions if r["dimension"] == dimension]
        if not rows:
            continue
        breakdown.rows.append(Row([Cell(label)], kind="group"))
        breakdown.rows += [Row([Cell(r["category"]), *_people(r), Cell(r["pct_wanita"])],
                               indent=1) for r in rows]
    chart = Chart("literacy", f"Persentase perempuan peserta per program, tahun {year}", "bars",
                  {"decimals": 1, "max": 100, "items": [
                      {"label": r["program"], "value": _float(r["pct_wanita"]),
                       "target": TARGET, "status": _status(r["target_met"]), "unit": "%"}
                      for r in years]})
    return Report(stem=f"literasi-digital-{year}", title="Literasi Digital Berbasis Gender",
                  subtitle=[f"{KABUPATEN}, tahun {year}"],
                  tables=[programs, monthly, breakdown], charts=[chart])


def _people(r: dict[str, Any]) -> list[Cell]:
    return [Cell(whole(r[f"participants_{k}"])) for k in ("pria", "wanita", "unknown_sex",
                                                          "total")]


def _pct(r: dict[str, Any]) -> str:
    value = r["pct_programs_sex_disaggregated"]
    return "-" if value is None else f"{float(value):.1f}".replace(".", ",")


def _float(value: Any) -> float | None:
    return None if value is None else float(value)
