"""Reference code lists of SIASN/SIMPEG as the sample generator writes them.

Indices, not codes, travel through the generator: a golongan is an int 0..16 (I/a..IV/e), an
education level an int 0..7 (see ``EDU_*``), a PPPK golongan an int 1..17.
"""

from __future__ import annotations

GOLONGAN_NAMES: tuple[str, ...] = (
    "I/a", "I/b", "I/c", "I/d",
    "II/a", "II/b", "II/c", "II/d",
    "III/a", "III/b", "III/c", "III/d",
    "IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
)  # fmt: skip
GOLONGAN_IDS: tuple[str, ...] = (
    "11", "12", "13", "14", "21", "22", "23", "24",
    "31", "32", "33", "34", "41", "42", "43", "44", "45",
)  # fmt: skip
GOL = {name: i for i, name in enumerate(GOLONGAN_NAMES)}

ROMAN: tuple[str, ...] = (
    "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
)  # fmt: skip

# Education levels (index) -> SIASN tingkat pendidikan code and name, local spelling.
EDU_SD, EDU_SLTP, EDU_SLTA, EDU_D3, EDU_D4, EDU_S1, EDU_S2, EDU_S3 = range(8)
EDU_CODES: tuple[str, ...] = ("05", "10", "15", "30", "35", "40", "45", "50")
EDU_NAMES: tuple[str, ...] = (
    "SD", "SLTP", "SLTA", "Diploma III", "Diploma IV", "S-1/Sarjana", "S-2", "S-3/Doktor",
)  # fmt: skip
EDU_LOCAL: tuple[str, ...] = ("SD", "SLTP", "SLTA", "D3", "D4", "S1", "S2", "S3")
EDU_PREFIX: tuple[str, ...] = ("SD", "SMP", "SMA", "D-III", "D-IV", "S-1", "S-2", "S-3")
# Entry golongan of a new CPNS by education.
EDU_ENTRY_GOL: tuple[int, ...] = (
    GOL["I/a"], GOL["I/c"], GOL["II/a"], GOL["II/c"],
    GOL["III/a"], GOL["III/a"], GOL["III/b"], GOL["III/c"],
)  # fmt: skip
# Typical PPPK golongan by education (pelaksana / terampil / ahli pertama).
EDU_PPPK_GOL: tuple[int, ...] = (1, 3, 5, 7, 9, 9, 10, 11)
# Age range at first appointment by education (years, inclusive lower, exclusive upper).
EDU_HIRE_AGE: tuple[tuple[int, int], ...] = (
    (19, 28), (19, 29), (19, 30), (22, 33), (23, 35), (23, 36), (26, 36), (30, 36),
)  # fmt: skip

# Eselon keys as the marts know them, with SIASN ids; level 2/3/4.
ESELON_NAMES: tuple[str, ...] = ("II.a", "II.b", "III.a", "III.b", "IV.a", "IV.b")
ESELON_IDS: dict[str, str] = {
    "II.a": "21", "II.b": "22", "III.a": "31", "III.b": "32", "IV.a": "41", "IV.b": "42",
}  # fmt: skip
ESELON_LEVEL: dict[str, int] = {
    "II.a": 2, "II.b": 2, "III.a": 3, "III.b": 3, "IV.a": 4, "IV.b": 4,
}  # fmt: skip
NON_ESELON_ID, NON_ESELON_NAME = "99", "Non Eselon"
# Minimum and maximum golongan of structural officials by eselon level.
ESELON_GOL_FLOOR: dict[int, int] = {2: GOL["IV/c"], 3: GOL["III/d"], 4: GOL["III/b"]}
ESELON_GOL_CAP: dict[int, int] = {2: GOL["IV/d"], 3: GOL["IV/b"], 4: GOL["IV/a"]}
# National shares of women by eselon level (BKN 2022), used when filling posts.
ESELON_FEMALE_SHARE: dict[int, float] = {2: 0.155, 3: 0.265, 4: 0.396}

JENIS_JABATAN: dict[str, tuple[str, str, str]] = {
    # category -> (SIASN id, SIASN name, local name)
    "str": ("1", "Jabatan Struktural", "Struktural"),
    "jft": ("2", "Jabatan Fungsional Tertentu", "Fungsional"),
    "pel": ("4", "Jabatan Fungsional Umum", "Pelaksana"),
}

AGAMA: tuple[tuple[str, str], ...] = (
    ("1", "Islam"), ("2", "Kristen"), ("3", "Katholik"),
    ("4", "Hindu"), ("5", "Budha"), ("6", "Konghucu"),
)  # fmt: skip
KAWIN: tuple[tuple[str, str], ...] = (
    ("1", "Belum Kawin"), ("2", "Kawin"), ("3", "Janda"), ("4", "Duda"),
)  # fmt: skip

AKTIF, TUGAS_BELAJAR, CLTN = "Aktif", "Tugas Belajar", "CLTN"
PENSIUN, MENINGGAL, DIBERHENTIKAN = "Pensiun", "Meninggal", "Diberhentikan"
KEDUDUKAN_IDS: dict[str, str] = {
    AKTIF: "01", CLTN: "02", TUGAS_BELAJAR: "03",
    PENSIUN: "99", MENINGGAL: "98", DIBERHENTIKAN: "97",
}  # fmt: skip

JENIS_PEGAWAI: dict[str, tuple[str, str]] = {
    # status -> (SIASN id, SIASN name)
    "PNS": ("4", "PNS Daerah Kabupaten/Kota"),
    "CPNS": ("4", "CPNS Daerah Kabupaten/Kota"),
    "PPPK": ("7", "PPPK"),
}

BULAN: tuple[str, ...] = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip

PEMDA = "Pemerintah Kabupaten Bengkayang"
NI_PPPK_CODE = "21"

KECAMATAN: tuple[str, ...] = (
    "Bengkayang", "Teriak", "Sungai Betung", "Ledo", "Suti Semarang", "Lumar", "Sanggau Ledo",
    "Tujuhbelas", "Seluas", "Jagoi Babang", "Siding", "Sungai Raya", "Capkala",
    "Sungai Raya Kepulauan", "Monterado", "Samalantan", "Lembah Bawang",
)
# Relative population of the kecamatan: weights schools and places of birth.
KECAMATAN_WEIGHT: tuple[float, ...] = (
    1.4, 1.0, 0.6, 1.0, 0.6, 0.5, 1.0, 0.5, 1.0, 0.7, 0.6, 1.2, 0.6, 0.9, 1.0, 1.0, 0.5,
)
