"""The gender-responsive budget (ARG) report of one budget year: the kabupaten and the ARG
categories, every PD against the 5 % target, and the bidang urusan."""

from __future__ import annotations

from typing import Any

from terpilah.report.labels import KABUPATEN, STATUS_LABELS
from terpilah.report.model import Cell, Chart, Column, Report, Row, Table, whole

TARGET = 5


def _status(met: Any) -> str | None:
    return None if met is None else "tercapai" if met else "belum"


def build_budget(summary: list[dict[str, Any]], by_pd: list[dict[str, Any]],
                 year: int) -> Report:
    source = (f"Sumber: RKA/DPA (SIPD) dan daftar tagging ARG tiap PD, marts.arg_summary dan "
              f"marts.arg_by_pd, tahun anggaran {year}. Nilai dalam Rupiah.")
    title = ["Anggaran Responsif Gender (ARG)", KABUPATEN, f"Tahun Anggaran {year}"]
    kabupaten = [r for r in summary if r["dimension"] == "kabupaten"]
    kategori = sorted((r for r in summary if r["dimension"] == "kategori"),
                      key=lambda r: r["kode"])
    bidang = sorted((r for r in summary if r["dimension"] == "bidang_urusan"),
                    key=lambda r: r["kode"])
    overview = Table(
        name="Ringkasan", title=[*title, "Ringkasan kabupaten dan kategori ARG"],
        columns=[Column("Uraian", "text", 46), Column("Pagu (Rp)", "money", 22),
                 Column("ARG (Rp)", "money", 20), Column("% ARG", "pct2", 9),
                 Column("Sub kegiatan ARG", "int", 12), Column("PD dengan ARG", "int", 11),
                 Column("Jumlah PD", "int", 9), Column("% PD dengan ARG", "pct", 11)],
        notes=[source, f"Target: ARG > {TARGET} % dari total pagu; PD dengan ARG > 80 %. "
               "Hijau: tercapai; merah: belum tercapai."])
    for r in kabupaten:
        overview.rows.append(Row([
            Cell(r["label"]), Cell(r["pagu_total"]), Cell(r["pagu_arg"]),
            Cell(r["pct_arg"], status=_status(r["meets_arg_target"])),
            Cell(whole(r["sub_kegiatan_arg"])), Cell(whole(r["pd_with_arg"])),
            Cell(whole(r["pd_total"])),
            Cell(r["pct_pd_with_arg"], status=_status(r["meets_pd_target"]))], kind="total"))
    if kategori:
        overview.rows.append(Row([Cell("Menurut kategori ARG")], kind="group"))
    for r in kategori:
        overview.rows.append(Row([
            Cell(r["label"]), Cell(r["pagu_total"]), Cell(r["pagu_arg"]), Cell(r["pct_arg"]),
            Cell(whole(r["sub_kegiatan_arg"])), Cell(whole(r["pd_with_arg"])),
            Cell(whole(r["pd_total"])), Cell(r["pct_pd_with_arg"])], indent=1))
    per_pd = Table(
        name="Per PD", title=[*title, "ARG per Perangkat Daerah"],
        columns=[Column("Perangkat Daerah", "text", 40), Column("Dokumen", "text", 13),
                 Column("Pagu (Rp)", "money", 19), Column("ARG (Rp)", "money", 18),
                 Column("% ARG", "pct2", 8), Column("Target > 5 %", "text", 13),
                 Column("Sub kegiatan", "int", 10), Column("Sub kegiatan ARG", "int", 10),
                 Column("Sasaran laki-laki", "int", 11),
                 Column("Sasaran perempuan", "int", 11),
                 Column("% ARG tahun lalu", "pct2", 10),
                 Column("Perubahan (poin %)", "pct2", 11)],
        notes=[source, "Dokumen: versi anggaran yang berlaku (tahap terakhir, lalu kiriman "
               "terakhir). Sasaran: penerima manfaat yang direncanakan pada sub kegiatan ARG."])
    for r in sorted(by_pd, key=lambda r: (r["pd_name"] or r["kode_skpd"])):
        status = _status(r["meets_target"])
        per_pd.rows.append(Row([
            Cell(r["pd_name"] or r["kode_skpd"]), Cell(r["dokumen"]), Cell(r["pagu_total"]),
            Cell(r["pagu_arg"]), Cell(r["pct_arg"], status=status),
            Cell(STATUS_LABELS.get(status or "", "-"), status=status),
            Cell(whole(r["sub_kegiatan_total"])), Cell(whole(r["sub_kegiatan_arg"])),
            Cell(whole(r["sasaran_laki_laki"])), Cell(whole(r["sasaran_perempuan"])),
            Cell(r["pct_arg_prev"]), Cell(r["change_pct_arg"])]))
    per_bidang = Table(
        name="Per bidang urusan", title=[*title, "ARG per bidang urusan"],
        columns=[Column("Kode", "text", 8), Column("Bidang urusan", "text", 44),
                 Column("Pagu (Rp)", "money", 20), Column("ARG (Rp)", "money", 20),
                 Column("% ARG", "pct2", 9), Column("Sub kegiatan", "int", 11),
                 Column("Sub kegiatan ARG", "int", 11)],
        rows=[Row([Cell(r["kode"]), Cell(r["label"]), Cell(r["pagu_total"]),
                   Cell(r["pagu_arg"]), Cell(r["pct_arg"]), Cell(whole(r["sub_kegiatan_total"])),
                   Cell(whole(r["sub_kegiatan_arg"]))]) for r in bidang],
        notes=[source])
    items = [{"label": r["label"], "value": _float(r["pct_arg"]), "target": TARGET,
              "status": _status(r["meets_arg_target"]), "unit": "%"} for r in kabupaten]
    items += [{"label": r["pd_name"] or r["kode_skpd"], "value": _float(r["pct_arg"]),
               "target": TARGET, "status": _status(r["meets_target"]), "unit": "%"}
              for r in sorted(by_pd, key=lambda r: -(r["pct_arg"] or 0))]
    chart = Chart("arg", f"Persentase ARG terhadap pagu, tahun anggaran {year}", "bars",
                  {"decimals": 2, "items": items})
    return Report(stem=f"anggaran-responsif-gender-{year}",
                  title="Anggaran Responsif Gender (ARG)",
                  subtitle=[f"{KABUPATEN}, tahun anggaran {year}"],
                  tables=[overview, per_pd, per_bidang], charts=[chart])


def _float(value: Any) -> float | None:
    return None if value is None else float(value)
