"""ARG tagging lists: the sub kegiatan a PD marks as gender-responsive (from its Gender
Budget Statement), with the ARG category, the gender issue and planned beneficiaries by sex.

SIPD has no gender field, so these lists arrive beside the budget in the same ``budget/``
folder; a file whose header has an ARG category column is a tagging list. Tags are matched to
the budget lines in dbt (a tag that matches no line is reported, never dropped).
"""

from __future__ import annotations

from ingest.rules.arg import arg_row_rules
from ingest.spec import ColumnSpec, Kind, SourceSpec
from ingest.title_budget import read_arg_title

C = ColumnSpec

ARG = SourceSpec(
    name="arg",
    table="raw.arg_tags",
    folder="budget",
    key_column="kode_sub_kegiatan",
    row_rules=arg_row_rules,
    title_reader=read_arg_title,
    key_unique_per_date=False,  # lists of several PD may share a date
    max_reject_share=0.25,  # short lists: a malformed code is a row to fix, not a broken file
    columns=(
        C("kode_sub_kegiatan", Kind.TEXT, ("KODE SUB KEGIATAN", "KODE SUBKEGIATAN", "KODE",
                                           "KODE REKENING"), required=True,
          doc="2.08.02.2.01.0001; the old form 2.08.02.2.01.01 is accepted"),
        C("nama_sub_kegiatan", Kind.TEXT, ("NAMA SUB KEGIATAN", "SUB KEGIATAN", "URAIAN",
                                           "URAIAN SUB KEGIATAN")),
        C("kategori_arg", Kind.TEXT, ("KATEGORI ARG", "KATEGORI", "KAT ARG", "KATEGORI GBS",
                                      "KATEGORI ANGGARAN RESPONSIF GENDER"),
          required=True, doc="1 gender-specific, 2 gender equality, 3 institutionalising PUG"),
        C("isu_gender", Kind.TEXT, ("ISU GENDER", "PERMASALAHAN GENDER", "ISU", "ANALISIS "
                                    "SITUASI", "FAKTOR KESENJANGAN")),
        C("sasaran_laki_laki", Kind.COUNT, ("SASARAN LAKI LAKI", "PENERIMA MANFAAT LAKI LAKI",
                                            "LAKI LAKI", "SASARAN L", "TARGET LAKI LAKI",
                                            "PENERIMA MANFAAT L", "JUMLAH SASARAN LAKI LAKI",
                                            "JUMLAH SASARAN L", "JUMLAH PENERIMA MANFAAT L",
                                            "JUMLAH PENERIMA MANFAAT LAKI LAKI", "TARGET L",
                                            "SASARAN PRIA", "PENERIMA MANFAAT PRIA")),
        C("sasaran_perempuan", Kind.COUNT, ("SASARAN PEREMPUAN", "PENERIMA MANFAAT PEREMPUAN",
                                            "PEREMPUAN", "SASARAN P", "TARGET PEREMPUAN",
                                            "PENERIMA MANFAAT P", "JUMLAH SASARAN PEREMPUAN",
                                            "JUMLAH SASARAN P", "JUMLAH PENERIMA MANFAAT P",
                                            "JUMLAH PENERIMA MANFAAT PEREMPUAN", "TARGET P",
                                            "SASARAN WANITA", "PENERIMA MANFAAT WANITA")),
        C("nilai_arg", Kind.MONEY, ("NILAI ARG", "NILAI ARG RP", "ANGGARAN ARG", "PAGU ARG",
                                    "JUMLAH ARG", "ALOKASI ARG", "NILAI ANGGARAN ARG",
                                    "ANGGARAN RESPONSIF GENDER"),
          doc="blank: the whole sub kegiatan is ARG; else the ARG part of its pagu"),
        C("tahun", Kind.TEXT, ("TAHUN", "TAHUN ANGGARAN", "TA")),
        C("kode_skpd", Kind.TEXT, ("KODE SKPD", "KODE OPD", "KODE ORGANISASI")),
        C("nama_skpd", Kind.TEXT, ("PERANGKAT DAERAH", "NAMA SKPD", "SKPD", "OPD", "NAMA OPD",
                                   "ORGANISASI")),
    ),
)
