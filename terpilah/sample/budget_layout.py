"""The cells of each budget export, row by row, with what the manifest records of them.

- ``apbd_sheet``: the APBD of all PD (SIPD "Rincian APBD"): three title rows, a blank row, the
  header KODE | URAIAN | SUMBER DANA | PAGU (Rp), a column-number row, then per PD its SKPD,
  bidang, program, kegiatan and sub kegiatan rows; amounts are numbers; a JUMLAH row.
- ``flat_sheet``: one row per sub kegiatan of all PD, no title, no subtotals, no total.
- ``pd_sheet``: one PD's DPPA-SKPD: four title rows, a blank row, KODE | URAIAN (| TAHUN) |
  PAGU, program and kegiatan subtotals and the lines; amounts as text "Rp 1.250.000,00".
- ``dppa_sheet``: the same DPPA-SKPD as SIPD prints it (real forms): SEBELUM PERUBAHAN |
  SETELAH PERUBAHAN | BERTAMBAH/(BERKURANG) over a second header row (JUMLAH (Rp) ... %) and
  a column-number row; SETELAH is the pagu, SEBELUM the murni amount of the same line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from terpilah.sample.budget_money import exact, indonesian, number_cell, rupiah
from terpilah.sample.budget_plan import PdPlan, Row
from terpilah.sample.flaws import Flaw
from terpilah.sample.forms import real_forms
from terpilah.sample.manifest import BudgetLine

PEMDA = "PEMERINTAH KABUPATEN BENGKAYANG"
APBD_HEADER = ("KODE", "URAIAN", "SUMBER DANA", "PAGU (Rp)")
FLAT_HEADER = ("TAHUN", "KODE SKPD", "NAMA SKPD", "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN",
               "TAHAPAN", "PAGU")  # fmt: skip
PD_HEADER = ("KODE", "URAIAN", "PAGU")
PD_HEADER_TAHUN = ("KODE", "URAIAN", "TAHUN", "PAGU")
DPPA_HEADER = ("KODE", "URAIAN", "SEBELUM PERUBAHAN", "SETELAH PERUBAHAN",
               "BERTAMBAH/(BERKURANG)", None)  # fmt: skip
DPPA_SUBHEADER = (None, None, "JUMLAH (Rp)", "JUMLAH (Rp)", "(Rp)", "%")
MURNI, PERUBAHAN = "DPA Murni", "DPA Perubahan"

Cell = str | int | float | None


@dataclass
class Sheet:
    """Every row of one export (index 0 = row 1) and what the manifest says about it."""

    rows: list[list[Cell]]
    header_row: int  # the header row that names the columns
    lines: list[BudgetLine] = field(default_factory=list)
    subtotal_rows: int = 0
    total: str | None = None
    flaws: list[Flaw] = field(default_factory=list)
    header_rows: int = 1  # rows of the header from header_row down (sub-header, numbers)
    merged: tuple[str, ...] = ()  # merged cell ranges, e.g. "A6:A7"

    def row_of(self, kode: str) -> int:
        return next(line.row for line in self.lines if line.kode == kode)


def _line(plan: PdPlan, row: Row, year: int, number: int) -> BudgetLine:
    return BudgetLine(plan.skpd.kode, plan.skpd.nama, row.kode, row.uraian, exact(row.pagu),
                      year, number)  # fmt: skip


def _by_code(plans: list[PdPlan]) -> list[PdPlan]:
    """SIPD lists the PD by SKPD code."""
    return sorted(plans, key=lambda p: p.skpd.kode)


def apbd_sheet(plans: list[PdPlan], year: int, dokumen: str) -> Sheet:
    document = ("DOKUMEN PELAKSANAAN PERUBAHAN ANGGARAN (DPPA)" if dokumen == PERUBAHAN
                else "DOKUMEN PELAKSANAAN ANGGARAN (DPA)")  # fmt: skip
    # The regulation's own number and year stand above the budget year (the reader must take
    # TAHUN ANGGARAN, not the regulation's TAHUN).
    regulation = (f"LAMPIRAN III PERATURAN BUPATI BENGKAYANG NOMOR {80 + year % 10} TAHUN "
                  f"{year - 1} TENTANG PENJABARAN APBD TAHUN ANGGARAN {year}")
    sheet = Sheet([
        [PEMDA],
        *([[regulation]] if real_forms() else []),
        ["RINCIAN APBD MENURUT URUSAN PEMERINTAHAN DAERAH, ORGANISASI, PROGRAM, KEGIATAN "
         "DAN SUB KEGIATAN"],
        [f"{document} TAHUN ANGGARAN {year}"],
        [],
        list(APBD_HEADER),
        [1, 2, 3, 4],
    ], header_row=6 if real_forms() else 5)  # fmt: skip
    total = Decimal(0)
    for plan in _by_code(plans):
        lines = plan.lines(year, dokumen)
        total += sum(lines.values(), Decimal(0))
        for row in plan.rows(lines, with_skpd=True, with_bidang=True):
            sheet.rows.append([row.kode, row.uraian, row.sumber or None, number_cell(row.pagu)])
            if row.level == "sub":
                sheet.lines.append(_line(plan, row, year, len(sheet.rows)))
            else:
                sheet.subtotal_rows += 1
    sheet.rows.append([None, "JUMLAH", None, number_cell(total)])
    sheet.total = exact(total)
    return sheet


def flat_sheet(plans: list[PdPlan], year: int) -> Sheet:
    """The murni of all PD as SIPD's "download data" gives it: one row per sub kegiatan."""
    sheet = Sheet([list(FLAT_HEADER)], header_row=1)
    for plan in _by_code(plans):
        for row in plan.rows(plan.lines(year, MURNI), with_skpd=False, with_bidang=False):
            if row.level != "sub":
                continue
            sheet.rows.append([str(year), plan.skpd.kode, plan.skpd.nama, row.kode, row.uraian,
                               MURNI, indonesian(row.pagu)])  # fmt: skip
            sheet.lines.append(_line(plan, row, year, len(sheet.rows)))
    return sheet


def pd_sheet(plan: PdPlan, year: int, lines: dict[str, Decimal],
             tahun_of: dict[str, int] | None = None) -> Sheet:  # fmt: skip
    """One PD's DPPA-SKPD of ``lines``; with ``tahun_of`` (code -> year written, default
    ``year``) a TAHUN column is filled on every row but the JUMLAH row."""
    header = PD_HEADER if tahun_of is None else PD_HEADER_TAHUN
    sheet = Sheet([
        [PEMDA],
        ["DOKUMEN PELAKSANAAN PERUBAHAN ANGGARAN SATUAN KERJA PERANGKAT DAERAH (DPPA-SKPD)"],
        [f"TAHUN ANGGARAN {year}"],
        [f"Organisasi : {plan.skpd.kode} {plan.skpd.nama}"],
        [],
        list(header),
    ], header_row=6 if real_forms() else 5)  # fmt: skip
    for row in plan.rows(lines, with_skpd=False, with_bidang=False):
        written = year if tahun_of is None else tahun_of.get(row.kode, year)
        cells: list[Cell] = [row.kode, row.uraian, rupiah(row.pagu)]
        if tahun_of is not None:
            cells.insert(2, written)
        sheet.rows.append(cells)
        if row.level == "sub":
            line = _line(plan, row, year, len(sheet.rows))
            line.tahun = written
            sheet.lines.append(line)
        else:
            sheet.subtotal_rows += 1
    total = sum(lines.values(), Decimal(0))
    last: list[Cell] = [None, "JUMLAH", rupiah(total)]
    if tahun_of is not None:
        last.insert(2, None)
    sheet.rows.append(last)
    sheet.total = exact(total)
    if not real_forms():
        return sheet
    _sign(sheet, len(header) - 1, year)
    return sheet


def dppa_sheet(plan: PdPlan, year: int) -> Sheet:
    """One PD's DPPA-SKPD of the perubahan of ``year`` as SIPD prints it, each line with its
    amount before (the murni; 0 for a line the perubahan adds) and after the amendment."""
    lines = plan.perubahan[year]
    before = {code: plan.murni[year].get(code, Decimal(0)) for code in lines}
    sheet = Sheet([
        [PEMDA],
        ["DOKUMEN PELAKSANAAN PERUBAHAN ANGGARAN SATUAN KERJA PERANGKAT DAERAH (DPPA-SKPD)"],
        [f"TAHUN ANGGARAN {year}"],
        [f"Organisasi : {plan.skpd.kode} {plan.skpd.nama}"],
        [],
        list(DPPA_HEADER),
        list(DPPA_SUBHEADER),
        [1, 2, 3, 4, 5, 6],
    ], header_row=6, header_rows=3, merged=("A6:A7", "B6:B7", "E6:F6"))  # fmt: skip
    earlier = {row.kode: row.pagu for row in plan.rows(before, with_skpd=False,
                                                           with_bidang=False)}  # fmt: skip
    for row in plan.rows(lines, with_skpd=False, with_bidang=False):
        sheet.rows.append([row.kode, row.uraian, *_change(earlier[row.kode], row.pagu)])
        if row.level == "sub":
            sheet.lines.append(_line(plan, row, year, len(sheet.rows)))
        else:
            sheet.subtotal_rows += 1
    total = sum(lines.values(), Decimal(0))
    sheet.rows.append([None, "JUMLAH", *_change(sum(before.values(), Decimal(0)), total)])
    sheet.total = exact(total)
    _sign(sheet, len(DPPA_HEADER) - 3, year)
    return sheet


def _change(before: Decimal, after: Decimal) -> list[Cell]:
    """SEBELUM, SETELAH, BERTAMBAH/(BERKURANG) Rp and % as SIPD prints them."""
    share = None if before == 0 else round(float((after - before) / before * 100), 2)
    return [rupiah(before), rupiah(after), rupiah(after - before), share]


def _sign(sheet: Sheet, column: int, year: int) -> None:
    """The signature block of the head of the PD under the amounts, as SIPD prints it."""
    pad: list[Cell] = [None] * column
    sheet.rows += [[], [*pad, f"Bengkayang, 2 Januari {year}"], [*pad, "Kepala SKPD"], [],
                   [*pad, "Ir. ANTONIUS SIMON, M.Si"], [*pad, "NIP. 19690215 199403 1 007"]]
