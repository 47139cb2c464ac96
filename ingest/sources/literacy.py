"""Digital-literacy participant lists (Diskominfo): one file per class or batch.

A person attends several classes; the marts count unique participants, identified by the
(pseudonymised) NIK, else by name, birth date or age, and kecamatan. The program and class date
come from columns or from the title block above the table (``ingest.title_literacy``).
"""

from __future__ import annotations

from ingest.rules.literacy import literacy_row_rules
from ingest.spec import ColumnSpec, Kind, Pii, SourceSpec
from ingest.title_literacy import read_class_title

C = ColumnSpec

LITERACY = SourceSpec(
    name="literacy",
    table="raw.literacy_attendance",
    key_column="nama",
    row_rules=literacy_row_rules,
    title_reader=read_class_title,
    key_unique_per_date=False,  # one file per class: a person attends several
    max_reject_share=0.25,  # classes of 20-60 people: a few bad rows are not a broken file
    columns=(
        C("nama", Kind.NAME, ("NAMA", "NAMA LENGKAP", "NAMA PESERTA", "NAMA SESUAI KTP"),
          required=True,
          pii=Pii.NAME),
        C("nik", Kind.NIK, ("NIK", "NO KTP", "NOMOR KTP", "NIK KTP", "NOMOR INDUK KEPENDUDUKAN"),
          pii=Pii.NIK, doc="16 digits; blank allowed (counted by the fallback identity)"),
        C("jenis_kelamin", Kind.SEX, ("JENIS KELAMIN", "L P", "JK", "KELAMIN",
                                      "LAKI LAKI PEREMPUAN", "PRIA WANITA"),
          doc="blank: taken from the NIK (day of birth + 40 for women)"),
        C("tanggal_lahir", Kind.DATE, ("TANGGAL LAHIR", "TGL LAHIR", "TGL LHR"),
          pii=Pii.BIRTH_DATE, doc="blank: taken from NIK digits 7-12"),
        C("umur", Kind.TEXT, ("UMUR", "USIA", "UMUR TAHUN", "USIA TAHUN"),
          doc="age in years, when the list gives no birth date"),
        C("desa", Kind.TEXT, ("DESA", "DESA KELURAHAN", "KELURAHAN", "DESA KEL",
                              "KELURAHAN DESA", "NAMA DESA")),
        C("kecamatan", Kind.TEXT, ("KECAMATAN", "KEC"), required=True,
          doc="one of the 17 kecamatan (seed ref_kecamatan); spellings are normalised"),
        C("pekerjaan", Kind.TEXT, ("PEKERJAAN", "PROFESI", "STATUS PEKERJAAN")),
        C("disabilitas", Kind.TEXT, ("DISABILITAS", "PENYANDANG DISABILITAS", "DIFABEL"),
          doc="Ya / Tidak"),
        C("nomor_hp", Kind.PHONE, ("NO HP", "NOMOR HP", "HP", "NO TELP", "NO HP WA", "NO WA",
                                   "NOMOR WA", "NO TELEPON", "NOMOR TELEPON", "NO HANDPHONE",
                                   "WHATSAPP"),
          pii=Pii.PHONE),
        C("program", Kind.TEXT, ("PROGRAM", "NAMA PROGRAM", "NAMA KELAS", "KELAS", "KEGIATAN",
                                 "NAMA KEGIATAN", "PELATIHAN"),
          doc="blank: the title above the table"),
        C("class_date", Kind.DATE, ("TANGGAL", "TANGGAL KEGIATAN", "TANGGAL KELAS",
                                    "TGL KEGIATAN", "TGL PELAKSANAAN", "TANGGAL PELAKSANAAN"),
          doc="blank: the date in the title block, else the date folder"),
    ),
    extra_columns=(
        C("nik_status", Kind.TEXT, (),
          doc="valid | outside (registered outside the kabupaten) | blank | invalid"),
        C("class_place", Kind.TEXT, (),
          doc="the class's place, one per list: the kecamatan the title block's place names "
              "(else the place as written), else the kecamatan most participants come from; "
              "with program and class_date it identifies the class"),
    ),
)
