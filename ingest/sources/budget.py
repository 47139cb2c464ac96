"""Budget lines: RKA/DPA exports from SIPD, one row per code of the budget hierarchy.

A file holds one PD's budget (its SKPD named in the title block) or the whole APBD (SKPD rows
inside the table, each followed by that PD's lines). Only sub kegiatan lines are loaded; the
SKPD, bidang urusan, program and kegiatan rows and the JUMLAH row are subtotals: they are
checked against the lines under them and skipped (see ``ingest.rules.budget``).
"""

from __future__ import annotations

from ingest.rules.budget import budget_row_rules
from ingest.spec import ColumnSpec, Kind, SourceSpec
from ingest.title_budget import read_budget_title

C = ColumnSpec

BUDGET = SourceSpec(
    name="budget",
    table="raw.budget_lines",
    key_column="kode",
    row_rules=budget_row_rules,
    title_reader=read_budget_title,
    key_unique_per_date=False,  # an APBD export and a PD's DPPA may both hold a code
    # A budget is a whole: with one line held back, the PD's total and its ARG share would be
    # wrong, so one rejected line holds the file back (the earlier version stays).
    max_reject_share=0.0,
    totals_inside=True,
    columns=(
        C("kode", Kind.TEXT, ("KODE", "KODE REKENING", "KODE SUB KEGIATAN", "KODE SUBKEGIATAN",
                              "KODE PROGRAM KEGIATAN SUB KEGIATAN", "KODE REK", "NO REKENING",
                              "NOMOR REKENING", "KD REKENING"), required=True,
          doc="sub kegiatan code 2.08.02.2.01.0001 (old exports: 2.08.02.2.01.01)"),
        C("uraian", Kind.TEXT, ("URAIAN", "NAMA SUB KEGIATAN", "URAIAN SUB KEGIATAN",
                                "SUB KEGIATAN", "PROGRAM KEGIATAN SUB KEGIATAN", "NAMA",
                                "URUSAN BIDANG URUSAN PROGRAM KEGIATAN SUB KEGIATAN",
                                "NAMA PROGRAM KEGIATAN SUB KEGIATAN", "NAMA REKENING"),
          doc="the sub kegiatan's name"),
        C("pagu", Kind.MONEY, ("PAGU", "PAGU RP", "PAGU ANGGARAN", "JUMLAH", "JUMLAH RP",
                               "ANGGARAN", "NILAI", "NILAI RP", "TOTAL", "PAGU INDIKATIF",
                               "JUMLAH ANGGARAN", "NILAI ANGGARAN", "TOTAL ANGGARAN",
                               "ALOKASI ANGGARAN", "PAGU DANA", "SETELAH PERUBAHAN"),
          required=True, doc="Rupiah, exact: 50000000, 'Rp 50.000.000,00', '50.000.000'; "
                             "DPPA: the amount after the amendment (SETELAH PERUBAHAN)"),
        C("pagu_sebelum", Kind.MONEY, ("PAGU SEBELUM PERUBAHAN", "JUMLAH SEBELUM PERUBAHAN",
                                       "ANGGARAN SEBELUM PERUBAHAN", "NILAI SEBELUM PERUBAHAN",
                                       "SEBELUM PERUBAHAN"),
          doc="DPPA: the amount before the amendment"),
        C("tahun", Kind.TEXT, ("TAHUN", "TAHUN ANGGARAN", "TA"),
          doc="budget year; blank: 'TAHUN ANGGARAN 2025' in the title block"),
        C("kode_skpd", Kind.TEXT, ("KODE SKPD", "KODE OPD", "KODE ORGANISASI", "KODE UNIT"),
          doc="blank: the SKPD row above, or 'Organisasi : <kode> <nama>' in the title"),
        C("nama_skpd", Kind.TEXT, ("NAMA SKPD", "SKPD", "NAMA OPD", "OPD", "PERANGKAT DAERAH",
                                   "ORGANISASI", "NAMA ORGANISASI")),
        C("dokumen", Kind.TEXT, ("TAHAPAN", "DOKUMEN", "JENIS DOKUMEN", "VERSI"),
          doc="RKA Murni | DPA Murni | RKA Perubahan | DPA Perubahan (blank: the title)"),
    ),
)
