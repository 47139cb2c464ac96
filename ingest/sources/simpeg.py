"""SIMPEG / SIASN employee export: one file is the state of all employees on its data date.

Headers are listed best first: where a file has several (SIASN writes both ``GOL AKHIR NAMA``
and ``GOL AKHIR ID``), the first one present is read. Adding a header variant is one string.
"""

from __future__ import annotations

from ingest.rules.simpeg import simpeg_row_rules
from ingest.spec import ColumnSpec, Kind, Pii, SourceSpec

C = ColumnSpec

SIMPEG = SourceSpec(
    name="simpeg",
    table="raw.simpeg_employees",
    key_column="nip",
    row_rules=simpeg_row_rules,
    columns=(
        C("nip", Kind.ID18, ("NIP BARU", "NIP", "NIP 18", "NIP/NI PPPK", "NI PPPK", "NIP BARU 18"),
          required=True, pii=Pii.NIP, doc="NIP (PNS) or NI PPPK, 18 digits"),
        C("nama", Kind.NAME, ("NAMA", "NAMA LENGKAP", "NAMA PEGAWAI"), pii=Pii.NAME),
        C("nik", Kind.NIK, ("NIK", "NO KTP", "NOMOR KTP"), pii=Pii.NIK),
        C("nomor_hp", Kind.PHONE, ("NOMOR HP", "NO HP", "HP", "NO TELP"), pii=Pii.PHONE),
        C("email", Kind.EMAIL, ("EMAIL", "E MAIL", "ALAMAT EMAIL"), pii=Pii.EMAIL),
        C("tanggal_lahir", Kind.DATE, ("TANGGAL LAHIR", "TGL LAHIR", "TGL LHR", "TANGGAL LHR"),
          pii=Pii.BIRTH_DATE, doc="blank: taken from NIP digits 1-8"),
        C("jenis_kelamin", Kind.SEX, ("JENIS KELAMIN", "L P", "JK", "SEX", "KELAMIN",
                                      "LAKI LAKI PEREMPUAN", "PRIA WANITA"),
          doc="blank: taken from NIP digit 15"),
        C("jenis_pegawai", Kind.JENIS_PEGAWAI,
          ("JENIS PEGAWAI NAMA", "STATUS PEGAWAI", "JENIS PEGAWAI", "STATUS ASN", "STATUS"),
          required=True),
        C("kedudukan_hukum", Kind.KEDUDUKAN,
          ("KEDUDUKAN HUKUM NAMA", "KEDUDUKAN HUKUM", "KEDUDUKAN", "KEDUDUKAN HUKUM ID"),
          doc="column absent: every row is Aktif (the export lists serving employees)"),
        C("tmt_cpns", Kind.DATE, ("TMT CPNS", "TMT PPPK", "TMT CPNS PPPK", "TMT PENGANGKATAN"),
          doc="blank: from NIP digits 9-14 (PNS) or 9-12 (PPPK)"),
        C("tmt_pns", Kind.DATE, ("TMT PNS",)),
        C("golongan", Kind.GOLONGAN,
          ("GOL AKHIR NAMA", "GOL AKHIR ID", "GOLONGAN", "GOL", "GOL RUANG", "PANGKAT GOL",
           "GOLONGAN RUANG", "PANGKAT GOLONGAN"), required=True,
          required_when=("jenis_pegawai", ("PNS", "CPNS")),
          doc="required for PNS and CPNS; optional for PPPK"),
        C("eselon", Kind.ESELON, ("ESELON NAMA", "ESELON ID", "ESELON"),
          doc="blank, NON or 99: not structural"),
        C("jenis_jabatan", Kind.JENIS_JABATAN,
          ("JENIS JABATAN NAMA", "JENIS JABATAN ID", "JENIS JABATAN"),
          doc="blank: derived in the warehouse from eselon and the JF name list"),
        C("jabatan_nama", Kind.TEXT, ("JABATAN NAMA", "JABATAN", "NAMA JABATAN")),
        C("tingkat_pendidikan", Kind.PENDIDIKAN,
          ("TINGKAT PENDIDIKAN ID", "TINGKAT PENDIDIKAN NAMA", "TINGKAT PENDIDIKAN",
           "PENDIDIKAN TERAKHIR", "PENDIDIKAN", "TK PENDIDIKAN"), required=True),
        C("pd_name", Kind.TEXT,
          ("UNOR INDUK NAMA", "SATUAN KERJA NAMA", "PERANGKAT DAERAH", "OPD", "SKPD", "PD",
           "UNIT KERJA"), required=True, doc="the agency (Perangkat Daerah)"),
        C("unor_nama", Kind.TEXT, ("UNOR NAMA", "SUB UNIT KERJA", "UNIT ORGANISASI")),
    ),
)
