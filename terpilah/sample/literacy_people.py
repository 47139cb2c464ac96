"""Residents of the literacy sample: names, NIK, sex, birth date, desa, kecamatan, pekerjaan.

NIK (16 digits): 1-6 region of first registration (``6107`` + kecamatan code 01..17 in the
order of ``KECAMATAN``; a few residents registered in Kabupaten Sambas ``6101xx`` or Kota
Pontianak/Singkawang ``6171xx``/``6172xx``), 7-12 birth date ``DDMMYY`` with 40 added to the
day for women, 13-16 a sequence number unique per first twelve digits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from terpilah.sample.identity import person_names
from terpilah.sample.names import HP_PREFIX

# Canonical names (dbt_project/seeds/ref_kecamatan.csv); the NIK code is the 1-based index.
KECAMATAN: tuple[str, ...] = (
    "Bengkayang", "Capkala", "Jagoi Babang", "Ledo", "Lembah Bawang", "Lumar", "Monterado",
    "Samalantan", "Sanggau Ledo", "Seluas", "Siding", "Sungai Betung", "Sungai Raya",
    "Sungai Raya Kepulauan", "Suti Semarang", "Teriak", "Tujuh Belas",
)  # fmt: skip
REGION = "6107"
OUTSIDE_REGIONS: tuple[str, ...] = ("6101", "6171", "6172")
OUTSIDE_SHARE = 0.03
COASTAL: frozenset[str] = frozenset({"Capkala", "Sungai Raya", "Sungai Raya Kepulauan"})
DESA: dict[str, tuple[str, ...]] = {
    "Bengkayang": ("Sebalo", "Bumi Emas", "Tirta Kencana", "Setia Budi"),
    "Capkala": ("Capkala", "Aris", "Sebandut", "Mandor"),
    "Jagoi Babang": ("Jagoi", "Sekida", "Kumba", "Semunying Jaya"),
    "Ledo": ("Lesabela", "Seles", "Rodaya", "Dayung"),
    "Lembah Bawang": ("Lembah Bawang", "Papan Tembawang", "Janyat"),
    "Lumar": ("Magmagan Karya", "Lamolda", "Tiga Berkat"),
    "Monterado": ("Monterado", "Beringin Baru", "Goa Boma", "Nek Ginap"),
    "Samalantan": ("Samalantan", "Pasti Jaya", "Marunsu", "Bukit Serayan"),
    "Sanggau Ledo": ("Sanggau Ledo", "Lembang", "Gua", "Danti"),
    "Seluas": ("Seluas", "Bengkawan", "Mayak", "Sahan"),
    "Siding": ("Siding", "Hli Buei", "Tangguh", "Sungkung"),
    "Sungai Betung": ("Suka Bangun", "Karya Bhakti", "Cipta Karya", "Sungai Betung"),
    "Sungai Raya": ("Karimunting", "Sungai Duri", "Sungai Jaga A", "Sungai Jaga B"),
    "Sungai Raya Kepulauan": ("Sungai Raya", "Pulau Lemukutan", "Rukmajaya", "Sungai Keran"),
    "Suti Semarang": ("Suti Semarang", "Sua Bantan", "Tapang Sambas"),
    "Teriak": ("Teriak", "Sebetung Paluk", "Bana", "Tubajur"),
    "Tujuh Belas": ("Kamuh", "Pisak", "Bengkilu", "Sinar Tebudak"),
}
PEKERJAAN: tuple[str, ...] = (
    "Pelajar/Mahasiswa", "Ibu Rumah Tangga", "Petani", "Wiraswasta/UMKM", "Guru",
    "Perangkat Desa", "Nelayan", "Karyawan Swasta", "Tidak Bekerja", "Lainnya",
)  # fmt: skip
_JOB_P = {
    True: (0.18, 0.28, 0.13, 0.14, 0.06, 0.04, 0.01, 0.06, 0.06, 0.04),
    False: (0.20, 0.0, 0.26, 0.15, 0.05, 0.08, 0.05, 0.08, 0.06, 0.07),
}
DISABILITY_SHARE = 0.03
FEMALE_SHARE = 0.56


@dataclass(frozen=True)
class Resident:
    name: str
    nik: str
    female: bool
    born: date
    desa: str
    kecamatan: str  # canonical name of the kecamatan of residence
    pekerjaan: str
    disabilitas: bool
    hp: str  # "" when not given

    @property
    def outside(self) -> bool:
        """Registered outside Kabupaten Bengkayang (NIK region not 6107)."""
        return not self.nik.startswith(REGION)


def nik_birth_digits(born: date, female: bool) -> str:
    """Digits 7-12 of a NIK: DDMMYY, day + 40 for women."""
    return f"{born.day + (40 if female else 0):02d}{born.month:02d}{born.year % 100:02d}"


def _age_range(job: str) -> tuple[int, int]:
    if job == "Pelajar/Mahasiswa":
        return 14, 23
    if job == "Ibu Rumah Tangga":
        return 20, 58
    return 19, 63


class ResidentFactory:
    """Makes residents with unique NIKs (the sequence counts per first twelve digits)."""

    def __init__(self, rng: np.random.Generator, today: date) -> None:
        self.rng, self.today = rng, today
        self.sequence: dict[str, int] = {}

    def _region(self, home: int) -> str:
        rng = self.rng
        if rng.random() < OUTSIDE_SHARE:
            region = OUTSIDE_REGIONS[int(rng.integers(len(OUTSIDE_REGIONS)))]
            return f"{region}{int(rng.integers(1, 16)):02d}"
        code = home + 1 if rng.random() < 0.9 else int(rng.integers(1, len(KECAMATAN) + 1))
        return f"{REGION}{code:02d}"

    def _nik(self, region: str, born: date, female: bool) -> str:
        prefix = region + nik_birth_digits(born, female)
        seq = self.sequence.get(prefix, int(self.rng.integers(0, 40))) + 1
        self.sequence[prefix] = seq
        return f"{prefix}{seq:04d}"

    def make(self, homes: list[int]) -> list[Resident]:
        """One resident per entry of ``homes`` (indexes into ``KECAMATAN``)."""
        rng = self.rng
        female = rng.random(len(homes)) < FEMALE_SHARE
        names, _ = person_names(rng, female)
        out = []
        for home, is_f, name in zip(homes, female.tolist(), names.tolist(), strict=True):
            kec = KECAMATAN[home]
            job = PEKERJAAN[int(rng.choice(len(PEKERJAAN), p=_JOB_P[is_f]))]
            if job == "Nelayan" and kec not in COASTAL:
                job = "Petani"
            low, high = _age_range(job)
            age = int(rng.integers(low, high + 1))
            born = date(self.today.year - age - 1, 1, 1) + timedelta(days=int(rng.integers(365)))
            desa_options = DESA[kec]
            hp = "" if rng.random() < 0.05 else (
                HP_PREFIX[int(rng.integers(len(HP_PREFIX)))] + f"{int(rng.integers(10**8)):08d}"
            )  # fmt: skip
            out.append(Resident(
                name=str(name),
                nik=self._nik(self._region(home), born, is_f),
                female=is_f,
                born=born,
                desa=desa_options[int(rng.integers(len(desa_options)))],
                kecamatan=kec,
                pekerjaan=job,
                disabilitas=bool(rng.random() < DISABILITY_SHARE),
                hp=hp,
            ))  # fmt: skip
        return out


def age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
