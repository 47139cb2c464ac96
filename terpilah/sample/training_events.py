"""The training events of a sample: kinds, titles, organisers, places and dates.

Per year at scale "bengkayang" (5,000 ASN) there are ``KindSpec.per_year`` events of each kind
(24 in all); smaller samples get fewer (``(employees / 5000) ** 0.35`` as many, about 10 at
scale "small") and shorter samples proportionally fewer. Every event lies within the sampled
months; it belongs to the month of its END date (its participants are that month's employees).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from terpilah.sample.codes import BULAN, ROMAN

KINDS: tuple[str, ...] = (
    "pug_awareness", "pprg", "tof", "latsar", "pkp", "pka", "pkn", "gender_champion", "other",
)  # fmt: skip
REQUIRED: tuple[str, ...] = ("pug_awareness", "pprg", "tof", "pkp")  # from two months on
LEADERSHIP: tuple[str, ...] = ("pkp", "pka", "pkn")
REFERENCE_EMPLOYEES = 5000
HARI: tuple[str, ...] = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

_DINSOS = "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Bengkayang"
_DINSOS_SHORT = "Dinas Sosial PPPA Kabupaten Bengkayang"
_BKD = "BKDPSDM Kabupaten Bengkayang"
_BKD_PROV = "BKDPSDM Kabupaten Bengkayang bekerja sama dengan BPSDM Provinsi Kalimantan Barat"
_BAPPEDA = "Bappeda Kabupaten Bengkayang"
_ARSIP = "Dinas Perpustakaan dan Kearsipan Kabupaten Bengkayang"
_PLACES = (
    "Aula BKDPSDM Kabupaten Bengkayang", "Aula Kantor Bupati Bengkayang",
    "Aula Bappeda Kabupaten Bengkayang", "Ruang Rapat Dinas Sosial PPPA Kabupaten Bengkayang",
    "Gedung Pertemuan Kantor Bupati Bengkayang",
)  # fmt: skip


@dataclass(frozen=True)
class Variant:
    """One title of a kind ({n}: angkatan in roman, {gol}: golongan, {year}), its organiser and,
    for "other" events, a regular expression of the jabatan/unit the event is meant for."""

    title: str
    organiser: str
    focus: str = ""


@dataclass(frozen=True)
class KindSpec:
    per_year: int
    size: tuple[int, int]  # participants at scale "bengkayang", inclusive
    days: tuple[int, ...]  # possible durations
    variants: tuple[Variant, ...]
    places: tuple[str, ...] = _PLACES


SPECS: dict[str, KindSpec] = {
    "pug_awareness": KindSpec(8, (30, 80), (1, 1, 2), (
        Variant("SOSIALISASI PENGARUSUTAMAAN GENDER (PUG) BAGI APARATUR SIPIL NEGARA", _DINSOS),
        Variant("INTERNALISASI PUG DI LINGKUNGAN PEMERINTAH KABUPATEN BENGKAYANG", _DINSOS_SHORT),
        Variant("PELATIHAN KESADARAN GENDER (GENDER AWARENESS TRAINING)", _DINSOS),
        Variant("SOSIALISASI KESETARAAN GENDER DAN PENGARUSUTAMAAN GENDER TAHUN {year}",
                _DINSOS_SHORT),
    )),
    "pprg": KindSpec(3, (25, 40), (2, 3), (
        Variant("PELATIHAN PERENCANAAN DAN PENGANGGARAN RESPONSIF GENDER (PPRG)", _BAPPEDA),
        Variant("BIMTEK PENYUSUNAN GENDER BUDGET STATEMENT (GBS) DAN GAP", _DINSOS),
        Variant("BIMBINGAN TEKNIS PPRG BAGI PERENCANA DAN PENGELOLA KEUANGAN PERANGKAT DAERAH",
                _BAPPEDA),
    )),
    "tof": KindSpec(1, (10, 15), (4, 5), (
        Variant("TRAINING OF FACILITATOR (TOF) PENGARUSUTAMAAN GENDER", _DINSOS),
        Variant("TRAINING OF FACILITATORS (TOF) PUG DAN PPRG TAHUN {year}", _DINSOS_SHORT),
    )),
    "latsar": KindSpec(2, (30, 40), (5, 7, 10), (
        Variant("PELATIHAN DASAR CPNS GOLONGAN {gol} ANGKATAN {n}", _BKD_PROV),
        Variant("PELATIHAN DASAR CALON PEGAWAI NEGERI SIPIL GOLONGAN {gol} ANGKATAN {n} "
                "TAHUN {year}", _BKD_PROV),
        Variant("LATSAR CPNS GOLONGAN {gol} ANGKATAN {n}", _BKD),
    )),
    "pkp": KindSpec(2, (25, 30), (5, 6, 10), (
        Variant("PELATIHAN KEPEMIMPINAN PENGAWAS (PKP) ANGKATAN {n}", _BKD_PROV),
        Variant("PELATIHAN KEPEMIMPINAN PENGAWAS ANGKATAN {n} TAHUN {year}", _BKD_PROV),
    )),
    "pka": KindSpec(1, (20, 30), (5, 10), (
        Variant("PELATIHAN KEPEMIMPINAN ADMINISTRATOR (PKA)", _BKD_PROV),
        Variant("PELATIHAN KEPEMIMPINAN ADMINISTRATOR (PKA) ANGKATAN {n}", _BKD_PROV),
    )),
    "pkn": KindSpec(1, (5, 10), (5, 10, 12), (
        Variant("PELATIHAN KEPEMIMPINAN NASIONAL TINGKAT II (PKN II)",
                "Lembaga Administrasi Negara"),
        Variant("PELATIHAN KEPEMIMPINAN NASIONAL TINGKAT II ANGKATAN {n}",
                "BPSDM Provinsi Kalimantan Barat"),
    ), places=("BPSDM Provinsi Kalimantan Barat, Pontianak", "Kampus LAN Pejompongan, Jakarta")),
    "gender_champion": KindSpec(1, (15, 20), (1,), (
        Variant("ORIENTASI GENDER CHAMPION", _DINSOS),
        Variant("ORIENTASI GENDER CHAMPION BAGI PIMPINAN PERANGKAT DAERAH", _DINSOS_SHORT),
    )),
    "other": KindSpec(5, (20, 40), (1, 2, 3), (
        Variant("BIMBINGAN TEKNIS PENGELOLAAN ARSIP DINAMIS", _ARSIP,
                "Arsip|Pengadministrasi|Tata Usaha|Umum"),
        Variant("WORKSHOP PENGADAAN BARANG/JASA", "Bagian Pengadaan Barang dan Jasa Setda "
                "Kabupaten Bengkayang", "Pengadaan|Keuangan|Umum"),
        Variant("SOSIALISASI APLIKASI SRIKANDI", _ARSIP,
                "Arsip|Pengadministrasi|Pengolah Data|Komputer"),
        Variant("BIMTEK PENYUSUNAN LAPORAN KINERJA INSTANSI PEMERINTAH (LKJIP)", _BAPPEDA,
                "Perencana|Program|Analis|Sekretaris"),
        Variant("SOSIALISASI MANAJEMEN TALENTA ASN", _BKD, "Sekretaris|Kepala|SDM|Kepegawaian"),
    )),
}  # fmt: skip
# Where PKN is held: the city written in the date line, by place.
PKN_CITY = {
    "BPSDM Provinsi Kalimantan Barat, Pontianak": "Pontianak",
    "Kampus LAN Pejompongan, Jakarta": "Jakarta",
}


@dataclass
class Event:
    """One planned training event (the title of a latsar is finished with its golongan)."""

    index: int
    kind: str
    title: str
    start: date
    end: date
    month: int  # index of the sampled month the event belongs to (that of its end date)
    size: int
    organiser: str
    place: str
    city: str
    focus: str = ""


def event_factor(employees: int) -> float:
    return (employees / REFERENCE_EMPLOYEES) ** 0.35


def _count(rng: np.random.Generator, kind: str, factor: float, months: int) -> int:
    expected = SPECS[kind].per_year * factor * months / 12
    count = math.floor(expected) + int(rng.random() < expected - math.floor(expected))
    if kind == "pug_awareness" or (months >= 2 and kind in REQUIRED):
        count = max(count, 1)
    return count


def _month_of_event(rng: np.random.Generator, kind: str, dates: list[date]) -> int:
    """Latsar follows the June CPNS intake: from July on when the sample has such months."""
    choices = list(range(len(dates)))
    if kind == "latsar":
        later = [i for i, d in enumerate(dates) if d.month >= 7]
        choices = later or choices
    return int(choices[int(rng.integers(len(choices)))])


def _dates(rng: np.random.Generator, month_end: date, days: int, first: date) -> tuple[date, date]:
    """Start on a weekday, end within the month of ``month_end``, never before ``first``."""
    month_start = month_end.replace(day=1)
    candidates = []
    day = max(first, month_start - timedelta(days=days - 1))
    while day + timedelta(days=days - 1) <= month_end:
        end = day + timedelta(days=days - 1)
        if day.weekday() < 5 and end.weekday() < 6 and end >= month_start:
            candidates.append(day)
        day += timedelta(days=1)
    start = candidates[int(rng.integers(len(candidates)))]
    return start, start + timedelta(days=days - 1)


def plan_events(rng: np.random.Generator, dates: list[date], employees: int) -> list[Event]:
    """The events of a sample over ``dates`` (month ends), in order of end date."""
    factor = event_factor(employees)
    size_factor = min(1.0, 1.2 * factor)
    first = dates[0].replace(day=1)
    raw = []
    for kind in KINDS:
        spec = SPECS[kind]
        for _ in range(_count(rng, kind, factor, len(dates))):
            month = _month_of_event(rng, kind, dates)
            days = int(spec.days[int(rng.integers(len(spec.days)))])
            start, end = _dates(rng, dates[month], days, first)
            low, high = spec.size
            size = max(3, round(int(rng.integers(low, high + 1)) * size_factor))
            variant = spec.variants[int(rng.integers(len(spec.variants)))]
            place = spec.places[int(rng.integers(len(spec.places)))]
            city = PKN_CITY.get(place, "Bengkayang")
            raw.append(Event(0, kind, variant.title, start, end, month, size, variant.organiser,
                             place, city, variant.focus))  # fmt: skip
    raw.sort(key=lambda e: (e.end, e.start, KINDS.index(e.kind), e.title))
    angkatan: dict[str, int] = {}
    for index, event in enumerate(raw):
        event.index = index
        angkatan[event.kind] = angkatan.get(event.kind, 0) + 1
        number = ROMAN[min(angkatan[event.kind], len(ROMAN) - 1)]
        event.title = event.title.replace("{n}", number).replace("{year}", str(event.end.year))
    return raw


def _span(start: date, end: date, sep: str, same_month_sep: str | None = None) -> str:
    """Dates as written: "12-14 Maret 2025", "28 Oktober - 1 November 2025", "4 Februari 2025"."""
    tail = f"{BULAN[end.month - 1]} {end.year}"
    if start == end:
        return f"{end.day} {tail}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}{same_month_sep or sep}{end.day} {tail}"
    if start.year == end.year:
        return f"{start.day} {BULAN[start.month - 1]}{sep}{end.day} {tail}"
    return f"{start.day} {BULAN[start.month - 1]} {start.year}{sep}{end.day} {tail}"


DATE_STYLES: tuple[str, ...] = ("city", "tanggal", "hari", "sd")


def date_line(event: Event, style: str) -> str:
    """The date line of the title block in one of the organisers' usual forms."""
    start, end = event.start, event.end
    if style == "hari" and start == end:
        return f"Hari/Tanggal : {HARI[end.weekday()]}, {_span(start, end, '')}"
    if style == "tanggal":
        return f"Tanggal : {_span(start, end, ' s.d. ')}"
    if style == "sd":
        return _span(start, end, " s/d ")
    return f"{event.city}, {_span(start, end, ' - ', '-')}"
