"""Budget codes of the sample's PD (Permendagri 90/2019): SIPD SKPD codes and bidang urusan.

A SIPD SKPD code has 8 segments ``u.bb.u.bb.u.bb.nn.nnnn``: up to three bidang urusan the PD
carries (unused ones ``0.00``), the unit number and the sub unit. A PD carrying several bidang
(Dinas Sosial, PPPA = 1.06 and 2.08) has a bidang row for each in the APBD export; its
penunjang program sits under the first. Every PD keeps one code in every year, and the names
are exactly the sample's PD names, because marts join budgets to SIMPEG data on them.
"""

from __future__ import annotations

from dataclasses import dataclass

from terpilah.sample.orgdata import KECAMATAN_PD

_URUSAN = {
    "1.01": "PENDIDIKAN", "1.02": "KESEHATAN", "1.03": "PEKERJAAN UMUM DAN PENATAAN RUANG",
    "1.04": "PERUMAHAN DAN KAWASAN PERMUKIMAN",
    "1.05": "KETENTERAMAN DAN KETERTIBAN UMUM SERTA PERLINDUNGAN MASYARAKAT",
    "1.06": "SOSIAL", "2.07": "TENAGA KERJA",
    "2.08": "PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK", "2.09": "PANGAN",
    "2.11": "LINGKUNGAN HIDUP", "2.12": "ADMINISTRASI KEPENDUDUKAN DAN PENCATATAN SIPIL",
    "2.13": "PEMBERDAYAAN MASYARAKAT DAN DESA",
    "2.14": "PENGENDALIAN PENDUDUK DAN KELUARGA BERENCANA", "2.15": "PERHUBUNGAN",
    "2.16": "KOMUNIKASI DAN INFORMATIKA", "2.17": "KOPERASI, USAHA KECIL, DAN MENENGAH",
    "2.18": "PENANAMAN MODAL", "2.19": "KEPEMUDAAN DAN OLAHRAGA", "2.20": "STATISTIK",
    "2.21": "PERSANDIAN", "2.22": "KEBUDAYAAN", "2.23": "PERPUSTAKAAN", "2.24": "KEARSIPAN",
    "3.25": "KELAUTAN DAN PERIKANAN", "3.26": "PARIWISATA", "3.27": "PERTANIAN",
    "3.30": "PERDAGANGAN", "3.31": "PERINDUSTRIAN", "3.32": "TRANSMIGRASI",
}  # fmt: skip
_OTHER = {
    "4.01": "SEKRETARIAT DAERAH", "4.02": "SEKRETARIAT DPRD",
    "5.01": "PENUNJANG URUSAN PEMERINTAHAN BIDANG PERENCANAAN",
    "5.02": "PENUNJANG URUSAN PEMERINTAHAN BIDANG KEUANGAN",
    "5.03": "PENUNJANG URUSAN PEMERINTAHAN BIDANG KEPEGAWAIAN",
    "5.04": "PENUNJANG URUSAN PEMERINTAHAN BIDANG PENDIDIKAN DAN PELATIHAN",
    "6.01": "INSPEKTORAT DAERAH", "7.01": "KECAMATAN", "8.01": "KESATUAN BANGSA DAN POLITIK",
}  # fmt: skip
BIDANG_NAMES: dict[str, str] = {
    **{code: f"URUSAN PEMERINTAHAN BIDANG {name}" for code, name in _URUSAN.items()},
    **_OTHER,
}

# PD name -> (SKPD code, bidang urusan, substantive programs it may run or None for any of
# its bidang). Programs are restricted where two PD share a bidang (Dinkes and RSUD, BPBD and
# Satpol PP, BPKAD and Bapenda), so that each PD runs the programs of its own tasks.
_SKPD: dict[str, tuple[str, tuple[str, ...], tuple[str, ...] | None]] = {
    "Sekretariat Daerah": ("4.01.0.00.0.00.01.0000", ("4.01",), None),
    "Sekretariat DPRD": ("4.02.0.00.0.00.01.0000", ("4.02",), None),
    "Inspektorat Daerah": ("6.01.0.00.0.00.01.0000", ("6.01",), None),
    "Badan Perencanaan Pembangunan Daerah": ("5.01.0.00.0.00.01.0000", ("5.01",), None),
    "Badan Pengelolaan Keuangan dan Aset Daerah": (
        "5.02.0.00.0.00.01.0000", ("5.02",), ("5.02.02", "5.02.03")),
    "Badan Pendapatan Daerah": ("5.02.0.00.0.00.02.0000", ("5.02",), ("5.02.04",)),
    "Badan Kepegawaian Daerah dan Pengembangan Sumber Daya Manusia": (
        "5.03.5.04.0.00.01.0000", ("5.03", "5.04"), None),
    "Badan Kesatuan Bangsa dan Politik": ("8.01.0.00.0.00.01.0000", ("8.01",), None),
    "Badan Penanggulangan Bencana Daerah": (
        "1.05.0.00.0.00.01.0000", ("1.05",), ("1.05.03",)),
    "Dinas Pendidikan dan Kebudayaan": ("1.01.2.22.0.00.01.0000", ("1.01", "2.22"), None),
    "Dinas Kesehatan": ("1.02.0.00.0.00.01.0000", ("1.02",), None),
    "RSUD Bengkayang": ("1.02.0.00.0.00.02.0000", ("1.02",), ("1.02.02", "1.02.03")),
    "Dinas Pekerjaan Umum dan Penataan Ruang": ("1.03.0.00.0.00.01.0000", ("1.03",), None),
    "Dinas Perumahan Rakyat, Kawasan Permukiman dan Lingkungan Hidup": (
        "1.04.2.11.0.00.01.0000", ("1.04", "2.11"), None),
    "Satuan Polisi Pamong Praja dan Pemadam Kebakaran": (
        "1.05.0.00.0.00.02.0000", ("1.05",), ("1.05.02", "1.05.04")),
    "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak": (
        "1.06.2.08.0.00.01.0000", ("1.06", "2.08"), None),
    "Dinas Pengendalian Penduduk dan Keluarga Berencana": (
        "2.14.0.00.0.00.01.0000", ("2.14",), None),
    "Dinas Kependudukan dan Pencatatan Sipil": ("2.12.0.00.0.00.01.0000", ("2.12",), None),
    "Dinas Pemberdayaan Masyarakat dan Desa": ("2.13.0.00.0.00.01.0000", ("2.13",), None),
    "Dinas Perhubungan": ("2.15.0.00.0.00.01.0000", ("2.15",), None),
    "Dinas Komunikasi dan Informatika": (
        "2.16.2.20.2.21.01.0000", ("2.16", "2.20", "2.21"), None),
    "Dinas Koperasi, Usaha Mikro, Perindustrian dan Perdagangan": (
        "2.17.3.30.3.31.01.0000", ("2.17", "3.30", "3.31"), None),
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu": (
        "2.18.0.00.0.00.01.0000", ("2.18",), None),
    "Dinas Pariwisata, Kepemudaan dan Olahraga": (
        "3.26.2.19.0.00.01.0000", ("3.26", "2.19"), None),
    "Dinas Perpustakaan dan Kearsipan": ("2.23.2.24.0.00.01.0000", ("2.23", "2.24"), None),
    "Dinas Pertanian dan Pangan": ("3.27.2.09.0.00.01.0000", ("3.27", "2.09"), None),
    "Dinas Perikanan": ("3.25.0.00.0.00.01.0000", ("3.25",), None),
    "Dinas Tenaga Kerja dan Transmigrasi": (
        "2.07.3.32.0.00.01.0000", ("2.07", "3.32"), None),
    **{f"Kecamatan {k}": (f"7.01.0.00.0.00.{i:02d}.0000", ("7.01",), None)
       for i, k in enumerate(KECAMATAN_PD, 1)},
}  # fmt: skip

PPPA_MARK = "Pemberdayaan Perempuan"  # the PD running urusan 2.08 (DINSOSPPPA)
KOMINFO_MARK = "Komunikasi dan Informatika"  # Diskominfo, urusan 2.16
PUG_PROGRAM = "2.08.02"  # PROGRAM PENGARUSUTAMAAN GENDER DAN PEMBERDAYAAN PEREMPUAN


@dataclass(frozen=True)
class Skpd:
    """One PD as SIPD knows it."""

    nama: str
    kode: str
    bidang: tuple[str, ...]  # the first carries the penunjang program
    programs: tuple[str, ...] | None  # substantive programs allowed; None: any of its bidang


def skpd_of(nama: str) -> Skpd:
    """The SIPD identity of a PD of the sample; a PD unknown here is an error, not a guess."""
    if nama not in _SKPD:
        raise ValueError(f"no SKPD code for PD {nama!r}: add it to terpilah.sample.budget_codes")
    kode, bidang, programs = _SKPD[nama]
    return Skpd(nama, kode, bidang, programs)


def is_pppa(nama: str) -> bool:
    return PPPA_MARK in nama


def is_kominfo(nama: str) -> bool:
    return KOMINFO_MARK in nama
