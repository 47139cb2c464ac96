"""Training attendance lists (daftar hadir): one file per event, made by its organiser.

The table has one row per participant; the event (its title, kind, dates, place, organiser)
comes from the title block above the header (see ``ingest.title_training``). A participant without
NIP is not an ASN (honorer, village staff, public). The NIP column itself is required: without
it no participant could be matched to the employee records.
"""

from __future__ import annotations

from ingest.rules.training import training_row_rules
from ingest.spec import ColumnSpec, Kind, Pii, SourceSpec
from ingest.title_training import read_training_title

C = ColumnSpec

TRAINING = SourceSpec(
    name="training",
    table="raw.training_attendance",
    key_column="nama",
    row_rules=training_row_rules,
    title_reader=read_training_title,
    key_unique_per_date=False,  # one file per event: a person attends several
    # A list has a dozen to a few dozen rows: one repeated row in twelve is already 8 %. A
    # quarter of the rows held back still points at a broken file rather than slips.
    max_reject_share=0.25,
    columns=(
        C("nama", Kind.NAME, ("NAMA", "NAMA PESERTA", "NAMA LENGKAP", "NAMA PEGAWAI",
                              "NAMA DAN GELAR", "NAMA LENGKAP DAN GELAR", "NAMA LENGKAP GELAR"),
          required=True, pii=Pii.NAME),
        C("nip", Kind.ID18, ("NIP", "NIP BARU", "NIP NI PPPK", "NIP NRP", "NIP 18", "NIP NIK",
                             "NOMOR INDUK PEGAWAI"),
          required=True, pii=Pii.NIP,
          doc="18 digits for ASN; blank or '-' for participants who are not ASN"),
        C("jabatan_nama", Kind.TEXT, ("JABATAN", "NAMA JABATAN", "JABATAN NAMA")),
        C("unit_kerja", Kind.TEXT,
          ("UNIT KERJA PD", "UNIT KERJA", "PERANGKAT DAERAH", "OPD", "SKPD", "PD", "INSTANSI",
           "ASAL INSTANSI", "ASAL", "ASAL UNIT KERJA", "LEMBAGA", "INSTANSI UNIT KERJA",
           "ASAL OPD", "ASAL PD", "ASAL SKPD", "SATUAN KERJA", "NAMA INSTANSI"),
          doc="as written on the list; an ASN's PD comes from SIMPEG"),
        C("jenis_kelamin", Kind.SEX, ("L P", "JENIS KELAMIN", "JK", "KELAMIN", "SEX",
                                      "LAKI LAKI PEREMPUAN", "PRIA WANITA"),
          required=True, doc="blank: taken from NIP digit 15 (ASN only)"),
        C("keterangan", Kind.TEXT, ("KETERANGAN", "KET", "STATUS KEHADIRAN", "KEHADIRAN"),
          doc="e.g. Bersertifikat (ToF), Tidak Hadir / Izin / Sakit (listed, not present)"),
    ),
    extra_columns=(
        C("event_title", Kind.TEXT, (), doc="the training's name from the title block"),
        C("training_kind", Kind.TEXT, (), doc="from the title, by ref_training_keywords"),
        C("event_start", Kind.DATE, (), doc="first day, from the title block (else the folder)"),
        C("event_end", Kind.DATE, (), doc="last day, from the title block (else the folder)"),
        C("event_place", Kind.TEXT, ()),
        C("organiser", Kind.TEXT, ()),
        C("nip_status", Kind.TEXT, (),
          doc="valid | blank (not an ASN) | nik (a 16-digit NIK in the NIP column: not an "
              "ASN) | invalid (written, but not a usable NIP)"),
        C("attendance", Kind.TEXT, (),
          doc="present | absent: absent when KETERANGAN names a marker of seed "
              "ref_absence_markers (Tidak Hadir, Izin, Sakit, DL, ...) as whole words"),
    ),
)
