"""Jabatan fungsional (JF) and pelaksana positions the sample fills, with who holds them.

A JF name is ``<base> <jenjang>``: the jenjang follows the golongan (see ``career.jenjang``),
on the keterampilan track (D-III: Terampil, Mahir, Penyelia) or the keahlian track (S-1/D-IV
and above: Ahli Pertama, Ahli Muda, Ahli Madya, Ahli Utama).
"""

from __future__ import annotations

from dataclasses import dataclass

from terpilah.sample.codes import EDU_D3, EDU_D4, EDU_S1, EDU_S2, EDU_SD, EDU_SLTA, EDU_SLTP


@dataclass(frozen=True)
class JfSpec:
    """A JF: education mix, share of women, relative weight, gelar field and where it works."""

    base: str
    edu: tuple[tuple[int, float], ...]
    female: float
    weight: float
    field: str
    pds: tuple[str, ...] = ()  # PD names (repeats weigh more); health JF: see ``rsud``
    rsud: float = 0.0  # share of a health JF working at the RSUD (the rest at Dinkes)
    units: tuple[str, ...] = ()  # RSUD units of a health JF
    entry_bonus: int = 0  # ruang above the education's entry golongan (doctors, apoteker)
    bup60: bool = False  # BUP 60 whatever the jenjang (pengawas sekolah)


GURU = "Guru"
GURU_EDU = ((EDU_S1, 0.93), (EDU_S2, 0.07))
GURU_FEMALE = 0.68

_WARD = ("Instalasi Rawat Inap", "Instalasi Rawat Jalan", "Instalasi Gawat Darurat")
D3_S1 = ((EDU_D3, 0.6), (EDU_S1, 0.4))
AHLI = ((EDU_S1, 0.8), (EDU_S2, 0.2))
BOTH = ((EDU_D3, 0.35), (EDU_S1, 0.6), (EDU_S2, 0.05))

HEALTH_JF: tuple[JfSpec, ...] = (
    JfSpec("Perawat", D3_S1, 0.72, 0.35, "keperawatan", rsud=0.45,
           units=(*_WARD, "Instalasi Bedah Sentral")),
    JfSpec("Bidan", ((EDU_D3, 0.75), (EDU_D4, 0.25)), 1.0, 0.28, "kebidanan", rsud=0.2,
           units=("Instalasi Rawat Inap",)),
    JfSpec("Dokter", ((EDU_S1, 0.85), (EDU_S2, 0.15)), 0.55, 0.07, "kedokteran", rsud=0.5,
           units=_WARD, entry_bonus=1),
    JfSpec("Dokter Gigi", ((EDU_S1, 1.0),), 0.7, 0.02, "kedokteran_gigi", rsud=0.3,
           units=("Instalasi Rawat Jalan",), entry_bonus=1),
    JfSpec("Apoteker", ((EDU_S1, 1.0),), 0.7, 0.025, "apoteker", rsud=0.4,
           units=("Instalasi Farmasi",), entry_bonus=1),
    JfSpec("Asisten Apoteker", ((EDU_D3, 1.0),), 0.8, 0.04, "farmasi", rsud=0.4,
           units=("Instalasi Farmasi",)),
    JfSpec("Nutrisionis", ((EDU_D3, 0.7), (EDU_S1, 0.3)), 0.85, 0.04, "gizi", rsud=0.3,
           units=("Instalasi Gizi",)),
    JfSpec("Sanitarian", D3_S1, 0.5, 0.04, "kesling", rsud=0.15, units=("Instalasi Gizi",)),
    JfSpec("Pranata Laboratorium Kesehatan", ((EDU_D3, 0.8), (EDU_D4, 0.2)), 0.7, 0.045,
           "analis", rsud=0.5, units=("Instalasi Laboratorium",)),
    JfSpec("Radiografer", ((EDU_D3, 1.0),), 0.4, 0.015, "radiologi", rsud=0.9,
           units=("Instalasi Radiologi",)),
    JfSpec("Perekam Medis", ((EDU_D3, 1.0),), 0.7, 0.025, "rekam_medis", rsud=0.7,
           units=("Instalasi Rekam Medis",)),
    JfSpec("Epidemiolog Kesehatan", AHLI, 0.6, 0.01, "kesmas"),
    JfSpec("Penyuluh Kesehatan Masyarakat", ((EDU_S1, 1.0),), 0.7, 0.015, "kesmas"),
    JfSpec("Administrator Kesehatan", AHLI, 0.6, 0.01, "kesmas", rsud=0.3,
           units=("Instalasi Rawat Jalan",)),
)  # fmt: skip

_SETDA = "Sekretariat Daerah"
_BKD = "Badan Kepegawaian Daerah dan Pengembangan Sumber Daya Manusia"
_KOMINFO = "Dinas Komunikasi dan Informatika"
_BAPPEDA = "Badan Perencanaan Pembangunan Daerah"
_BPKAD = "Badan Pengelolaan Keuangan dan Aset Daerah"
_INSP = "Inspektorat Daerah"
_DINSOS = "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak"

OTHER_JF: tuple[JfSpec, ...] = (
    JfSpec("Pranata Komputer", BOTH, 0.35, 0.12, "komputer",
           (_KOMINFO, _KOMINFO, _KOMINFO, _BKD, "Dinas Kependudukan dan Pencatatan Sipil",
            _BPKAD, _SETDA, _BAPPEDA)),
    JfSpec("Analis Kebijakan", AHLI, 0.45, 0.06, "sosial",
           (_SETDA, _SETDA, _BAPPEDA, _DINSOS, _BKD)),
    JfSpec("Perencana", AHLI, 0.5, 0.08, "ekonomi",
           (_BAPPEDA, _BAPPEDA, _BAPPEDA, "Dinas Kesehatan", "Dinas Pendidikan dan Kebudayaan",
            "Dinas Pekerjaan Umum dan Penataan Ruang", _DINSOS)),
    JfSpec("Analis Keuangan Pusat dan Daerah", AHLI, 0.55, 0.06, "ekonomi",
           (_BPKAD, _BPKAD, _BPKAD, "Badan Pendapatan Daerah")),
    JfSpec("Auditor", AHLI, 0.5, 0.05, "ekonomi", (_INSP,)),
    JfSpec("Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah", AHLI, 0.45, 0.04, "hukum",
           (_INSP,)),
    JfSpec("Penyuluh Pertanian", BOTH, 0.35, 0.12, "pertanian", ("Dinas Pertanian dan Pangan",)),
    JfSpec("Pengelola Pengadaan Barang/Jasa", AHLI, 0.35, 0.03, "teknik", (_SETDA,)),
    JfSpec("Arsiparis", BOTH, 0.6, 0.05, "sosial",
           ("Dinas Perpustakaan dan Kearsipan", "Dinas Perpustakaan dan Kearsipan", _SETDA, _BKD)),
    JfSpec("Pustakawan", BOTH, 0.65, 0.04, "sosial", ("Dinas Perpustakaan dan Kearsipan",)),
    JfSpec("Pranata Hubungan Masyarakat", BOTH, 0.5, 0.03, "komunikasi", (_KOMINFO, _SETDA)),
    JfSpec("Statistisi", AHLI, 0.5, 0.02, "statistik", (_KOMINFO, _KOMINFO, _BAPPEDA)),
    JfSpec("Analis SDM Aparatur", AHLI, 0.55, 0.05, "sosial", (_BKD, _BKD, _BKD, _SETDA)),
    JfSpec("Penyuluh Keluarga Berencana", BOTH, 0.6, 0.05, "sosial",
           ("Dinas Pengendalian Penduduk dan Keluarga Berencana",)),
    JfSpec("Polisi Pamong Praja", BOTH, 0.25, 0.07, "pemerintahan",
           ("Satuan Polisi Pamong Praja dan Pemadam Kebakaran",)),
    JfSpec("Pekerja Sosial", BOTH, 0.6, 0.03, "sosial", (_DINSOS,)),
    JfSpec("Teknik Jalan dan Jembatan", BOTH, 0.15, 0.03, "teknik",
           ("Dinas Pekerjaan Umum dan Penataan Ruang",)),
    JfSpec("Pengawas Sekolah", ((EDU_S1, 0.5), (EDU_S2, 0.5)), 0.4, 0.04, "pendidikan",
           ("Dinas Pendidikan dan Kebudayaan",), bup60=True),
    JfSpec("Administrator Database Kependudukan", BOTH, 0.5, 0.03, "komputer",
           ("Dinas Kependudukan dan Pencatatan Sipil",)),
    JfSpec("Mediator Hubungan Industrial", AHLI, 0.4, 0.01, "hukum",
           ("Dinas Tenaga Kerja dan Transmigrasi",)),
    JfSpec("Penyuluh Perikanan", BOTH, 0.3, 0.02, "perikanan", ("Dinas Perikanan",)),
    JfSpec("Analis Hukum", AHLI, 0.5, 0.02, "hukum", (_SETDA, "Sekretariat DPRD")),
)  # fmt: skip

# Pelaksana (jabatan fungsional umum) names after KepmenPANRB 11/2024, by education.
PELAKSANA: dict[int, tuple[tuple[str, float], ...]] = {
    EDU_SD: (("Operator Layanan Operasional", 0.7), ("Pengadministrasi Perkantoran", 0.3)),
    EDU_SLTP: (("Operator Layanan Operasional", 0.6), ("Pengadministrasi Perkantoran", 0.4)),
    EDU_SLTA: (("Pengadministrasi Perkantoran", 0.55), ("Operator Layanan Operasional", 0.35),
               ("Pengelola Umum Operasional", 0.10)),
    EDU_D3: (("Pengolah Data dan Informasi", 0.5), ("Pengelola Layanan Operasional", 0.3),
             ("Pengadministrasi Perkantoran", 0.2)),
    EDU_D4: (("Penata Layanan Operasional", 0.7), ("Pengolah Data dan Informasi", 0.3)),
    EDU_S1: (("Penata Layanan Operasional", 0.6), ("Pengolah Data dan Informasi", 0.15),
             ("Pengelola Keuangan", 0.15), ("Pengelola Layanan Operasional", 0.1)),
}  # fmt: skip
PELAKSANA[EDU_S2] = PELAKSANA[EDU_S1]
PELAKSANA_EDU = (
    (EDU_SD, 0.03), (EDU_SLTP, 0.05), (EDU_SLTA, 0.50), (EDU_D3, 0.15),
    (EDU_D4, 0.02), (EDU_S1, 0.23), (EDU_S2, 0.02),
)  # fmt: skip
PELAKSANA_FEMALE = 0.42
PELAKSANA_FIELDS = ("ekonomi", "sosial", "hukum", "komputer", "teknik", "pemerintahan", "sosial")
STRUCTURAL_FIELDS = ("sosial", "ekonomi", "hukum", "pemerintahan", "teknik", "sosial", "ekonomi")
# Education of structural officials by eselon level.
STRUCTURAL_EDU: dict[int, tuple[tuple[int, float], ...]] = {
    2: ((EDU_S1, 0.2), (EDU_S2, 0.8)),
    3: ((EDU_D4, 0.05), (EDU_S1, 0.5), (EDU_S2, 0.45)),
    4: ((EDU_D3, 0.05), (EDU_D4, 0.1), (EDU_S1, 0.7), (EDU_S2, 0.15)),
}
# Share of PPPK by category (structural posts are held by PNS only).
PPPK_SHARE: dict[str, float] = {"guru": 0.38, "kes": 0.28, "jf": 0.05, "pel": 0.08}
