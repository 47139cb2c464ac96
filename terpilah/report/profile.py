"""The Profil Statistik ASN (Tabel 4.1) report: the kabupaten table, one table per PD with
small counts suppressed, the career pyramid and the trends over the loaded dates."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from terpilah.report.labels import KABUPATEN, long_date, short_date, suppression_note
from terpilah.report.model import Cell, Chart, Column, Report, Row, Table
from terpilah.report.suppress import CellKey, Equation, suppress

COUNTS = ("pria", "wanita", "total")
KAB = "__kabupaten__"  # the sheet key of the kabupaten (a PD name is never this)
TOTAL_ASN = 1
# Tabel 4.1's additive groups (urutan of the parent row -> urutan of its rows), as documented
# for marts.asn_profile and seed ref_asn_profile_rows: status, jabatan, pendidikan, usia and
# masa kerja cover every ASN; JF rumpun add up to JF total; golongan (PNS only) to PNS.
GROUPS: tuple[tuple[int, tuple[int, ...]], ...] = (
    (1, (2, 3)), (1, (4, 5, 6, 7, 8)), (8, (9, 10, 11)), (2, (12, 13, 14, 15)),
    (1, (16, 17, 18, 19)), (1, (20, 21, 22, 23)), (1, (24, 25, 26)))
GROUP_LABELS = {"Pangkat / Golongan Ruang": "Pangkat / Golongan Ruang (PNS)"}
SUB_ROWS = {9, 10, 11}  # JF Guru, JF Kesehatan, JF Teknis Lainnya: under JF total
COLUMNS = [Column("Uraian", "text", 40), Column("Pria", "int", 12),
           Column("Wanita", "int", 12), Column("Total", "int", 12),
           Column("% Wanita", "pct", 12)]


@dataclass(frozen=True)
class ProfileCells:
    """The published counts of one date: ``values[(sheet, urutan, column)]`` for the
    kabupaten (sheet ``KAB``) and every PD, and the equations a reader knows between them."""

    values: dict[CellKey, int]
    equations: list[Equation]
    pds: list[str]
    urutan: list[int]


def profile_cells(rows: Iterable[dict[str, Any]]) -> ProfileCells:
    values: dict[CellKey, int] = {}
    pds: set[str] = set()
    urutan: set[int] = set()
    for r in rows:
        sheet = KAB if r["scope"] == "kabupaten" else r["pd_name"]
        if sheet != KAB:
            pds.add(sheet)
        urutan.add(int(r["urutan"]))
        for col in COUNTS:
            values[(sheet, int(r["urutan"]), col)] = int(r[col])
    sheets = [KAB, *sorted(pds)]
    equations: list[Equation] = []
    for sheet in sheets:
        for u in sorted(urutan):
            equations.append(Equation.total([(sheet, u, "pria"), (sheet, u, "wanita")],
                                            (sheet, u, "total")))
        for parent, children in GROUPS:
            if parent in urutan and all(c in urutan for c in children):
                for col in COUNTS:
                    equations.append(Equation.total([(sheet, c, col) for c in children],
                                                    (sheet, parent, col)))
    if pds:
        for u in sorted(urutan):
            for col in COUNTS:
                equations.append(Equation.total([(pd, u, col) for pd in sorted(pds)],
                                                (KAB, u, col)))
    return ProfileCells(values, equations, sorted(pds), sorted(urutan))


def suppress_profile(cells: ProfileCells, min_count: int) -> set[CellKey]:
    """The PD cells to hide (the kabupaten table is published whole)."""
    fixed = [k for k in cells.values if k[0] == KAB]  # type: ignore[index]
    return suppress(cells.values, cells.equations, min_count, fixed=fixed)


def hidden_rows(hidden: set[CellKey]) -> set[tuple[str, int]]:
    """(PD, urutan) of the rows with a hidden cell: their % Wanita is hidden too."""
    return {(k[0], k[1]) for k in hidden}  # type: ignore[index]


def build_profile(rows: list[dict[str, Any]], day: date, min_count: int,
                  trends: list[dict[str, Any]], pyramid: list[dict[str, Any]] | None,
                  ) -> tuple[Report, set[CellKey]]:
    """The report, and the hidden cells (other reports keep their figures consistent)."""
    cells = profile_cells(rows)
    hidden = suppress_profile(cells, min_count)
    partial = hidden_rows(hidden)
    by_sheet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_sheet[KAB if r["scope"] == "kabupaten" else r["pd_name"]].append(r)
    as_of = f"Keadaan per {long_date(day)}"
    source = f"Sumber: SIMPEG/SIASN, marts.asn_profile, data per {long_date(day)}."
    rules = ("Usia dan masa kerja dalam tahun penuh pada tanggal data; kelompok usia "
             "<= 30 tahun termasuk usia 30. Golongan hanya untuk PNS (termasuk CPNS).")
    tables = [Table(
        name="Kabupaten", title=["Profil Statistik ASN", KABUPATEN,
                                 "Seluruh Perangkat Daerah", as_of],
        columns=COLUMNS, rows=_rows(by_sheet.get(KAB, []), KAB, hidden, partial),
        notes=[source, rules, "Tabel kabupaten ditampilkan lengkap (tanpa penyembunyian)."])]
    for pd in cells.pds:
        tables.append(Table(
            name=pd, title=["Profil Statistik ASN", KABUPATEN, f"Perangkat Daerah: {pd}",
                            as_of],
            columns=COLUMNS, rows=_rows(by_sheet[pd], pd, hidden, partial),
            notes=[source, rules, suppression_note(min_count)], collapsed=True))
    charts = _charts(trends, pyramid)
    notes = []
    if pyramid is None:
        notes.append("Piramida jabatan belum tersedia: tabel marts.career_pyramid tidak ada "
                     "di gudang data ini.")
    elif not pyramid:
        notes.append(f"Piramida jabatan: marts.career_pyramid tidak memuat data per "
                     f"{long_date(day)}.")
    report = Report(
        stem=f"profil-statistik-asn-{day.isoformat()}", title="Profil Statistik ASN",
        subtitle=[f"{KABUPATEN}, {as_of[0].lower()}{as_of[1:]}"], tables=tables, charts=charts,
        notes=notes, index_after=1)
    return report, hidden


def _rows(records: list[dict[str, Any]], sheet: str, hidden: set[CellKey],
          partial: set[tuple[str, int]]) -> list[Row]:
    result: list[Row] = []
    kategori_sizes: dict[str, int] = defaultdict(int)
    for r in records:
        kategori_sizes[r["kategori"]] += 1
    current = None
    for r in sorted(records, key=lambda r: int(r["urutan"])):
        u = int(r["urutan"])
        if kategori_sizes[r["kategori"]] > 1 and r["kategori"] != current:
            label = GROUP_LABELS.get(r["kategori"], r["kategori"])
            result.append(Row([Cell(label)], kind="group"))
        current = r["kategori"]
        cells = [Cell(r["sub_kategori"])]
        for col in COUNTS:
            cells.append(Cell(int(r[col]), hidden=(sheet, u, col) in hidden))
        pct = r["pct_wanita"]
        cells.append(Cell(pct, hidden=(sheet, u) in partial))
        is_total = kategori_sizes[r["kategori"]] == 1
        indent = 0 if is_total else 2 if u in SUB_ROWS else 1
        result.append(Row(cells, kind="total" if is_total else "data", indent=indent))
    return result


def _charts(trends: list[dict[str, Any]], pyramid: list[dict[str, Any]] | None) -> list[Chart]:
    charts = []
    if pyramid:
        levels = sorted(pyramid, key=lambda r: -int(r["level_rank"]))  # top of the pyramid first
        charts.append(Chart(
            "pyramid", "Piramida jabatan menurut jenis kelamin (kabupaten)", "pyramid",
            {"left": "Pria", "right": "Wanita",
             "levels": [{"label": r["level_name"], "left": int(r["pria"]),
                         "right": int(r["wanita"]), "pct": _num(r["pct_wanita"])}
                        for r in levels]}))
    if trends:
        charts.append(Chart(
            "trend-total", "Jumlah ASN per tanggal data", "line",
            {"unit": "orang", "points": [{"label": short_date(r["data_date"]),
                                          "value": int(r["total"])} for r in trends]}))
        charts.append(Chart(
            "trend-wanita", "Persentase ASN wanita per tanggal data", "line",
            {"unit": "%", "points": [{"label": short_date(r["data_date"]),
                                      "value": _num(r["pct_wanita"])} for r in trends]}))
    return charts


def _num(value: Any) -> float | None:
    return None if value is None else float(value)
