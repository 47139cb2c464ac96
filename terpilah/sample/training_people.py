"""Who attends a training event: employees of the month's SIASN table, and non-ASN guests.

Employees are drawn by kind (planners and finance staff for PPRG, CPNS for latsar, eselon IV
and golongan III staff for PKP ...). One-time trainings (latsar, PPRG, ToF, leadership,
gender champion) are not repeated by the same person; PUG sosialisasi draws earlier participants
back. Women are drawn with a lower weight for leadership trainings than their share among the
eligible (the gap the leaky-pipeline analysis looks for).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from terpilah.sample.codes import AKTIF, ESELON_LEVEL, KECAMATAN
from terpilah.sample.identity import person_names
from terpilah.sample.names import DESA
from terpilah.sample.training_events import LEADERSHIP, Event

ONE_TIME: tuple[str, ...] = ("pprg", "tof", "latsar", "pkp", "pka", "pkn", "gender_champion")
LEADERSHIP_FEMALE_WEIGHT = 0.7
TOF_PD: tuple[str, ...] = (
    "Badan Kepegawaian Daerah dan Pengembangan Sumber Daya Manusia",
    "Badan Perencanaan Pembangunan Daerah",
    "Inspektorat Daerah",
    "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak",
)
DINSOS = TOF_PD[3]
CHAMPION_POSTS: tuple[str, ...] = (
    "Sekretaris", "Sekretaris Kecamatan", "Kepala Bagian Tata Usaha", "Camat",
)  # fmt: skip
PPRG_JABATAN = "Perencana|Perencanaan|Keuangan"
CATEGORY_WEIGHT = {"str": 3.0, "pel": 2.0, "jf": 2.0, "kes": 0.6, "guru": 0.4}
NON_ASN_SHARE = (0.2, 0.4)


@dataclass
class Participant:
    """One row of an attendance list (``nip`` "" for non-ASN)."""

    nip: str
    name: str
    jabatan: str
    unit: str
    female: bool
    note: str = ""


@dataclass
class Attendance:
    """What earlier events of the sample did: attendance counts, one-time trainings done."""

    count: dict[str, int] = field(default_factory=dict)
    done: dict[str, set[str]] = field(default_factory=dict)

    def record(self, kind: str, nips: list[str]) -> None:
        for nip in nips:
            self.count[nip] = self.count.get(nip, 0) + 1
        self.done.setdefault(kind, set()).update(nips)


def employee_frame(table: pd.DataFrame, people: pd.DataFrame, clean: set[str]) -> pd.DataFrame:
    """Active employees of a SIASN table whose SIMPEG row is clean, with what selection needs."""
    keep = (table["KEDUDUKAN HUKUM NAMA"] == AKTIF) & table["NIP BARU"].isin(clean)
    t = table[keep.to_numpy()]
    depan, belakang = t["GELAR DEPAN"], t["GELAR BELAKANG"]
    name = depan.where(depan == "", depan + " ") + t["NAMA"]
    name = name.where(belakang == "", name + ", " + belakang)
    status = np.where(t["JENIS PEGAWAI NAMA"] == "PPPK", "PPPK",
                      np.where(t["STATUS CPNS PNS"] == "C", "CPNS", "PNS"))  # fmt: skip
    cat = dict(zip(people["nip"].astype(str), people["cat"], strict=True))
    return pd.DataFrame({
        "nip": t["NIP BARU"].to_numpy(),
        "name": name.to_numpy(),
        "female": (t["JENIS KELAMIN"] == "F").to_numpy(),
        "jabatan": t["JABATAN NAMA"].to_numpy(),
        "pd": t["UNOR INDUK NAMA"].to_numpy(),
        "unor": t["UNOR NAMA"].to_numpy(),
        "level": t["ESELON NAMA"].map(lambda e: ESELON_LEVEL.get(e, 0)).to_numpy(),
        "gol": t["GOL AKHIR NAMA"].to_numpy(),
        "status": status,
        "cat": t["NIP BARU"].map(cat).fillna("pel").to_numpy(),
    }).reset_index(drop=True)  # fmt: skip


def _draw(rng: np.random.Generator, weights: np.ndarray, k: int) -> np.ndarray:
    w = np.asarray(weights, dtype=float)
    k = min(k, int(np.count_nonzero(w > 0)))
    if k <= 0:
        return np.empty(0, dtype=np.int64)
    return rng.choice(len(w), size=k, replace=False, p=w / w.sum())


def _fill(
    rng: np.random.Generator, first: np.ndarray, weights: np.ndarray, size: int
) -> np.ndarray:
    """``first`` topped up to ``size`` from ``weights`` (rows already in ``first`` excluded)."""
    w = np.asarray(weights, dtype=float).copy()
    w[first] = 0
    return np.concatenate([first, _draw(rng, w, size - len(first))]).astype(np.int64)


def _base_weight(f: pd.DataFrame) -> np.ndarray:
    return f["cat"].map(CATEGORY_WEIGHT).fillna(1.0).to_numpy(dtype=float)


def _by_pd(rng: np.random.Generator, f: pd.DataFrame, mask: np.ndarray, size: int) -> np.ndarray:
    """Round-robin over PD in random order: one member per PD before anyone's second."""
    groups = {pd_name: list(rng.permutation(np.flatnonzero(mask & (f["pd"] == pd_name).to_numpy())))
              for pd_name in sorted(set(f["pd"][mask]))}  # fmt: skip
    order = [sorted(groups)[i] for i in rng.permutation(len(groups))]
    picked: list[int] = []
    while len(picked) < size and any(groups.values()):
        for pd_name in order:
            if groups[pd_name] and len(picked) < size:
                picked.append(int(groups[pd_name].pop(0)))
    return np.array(picked, dtype=np.int64)


def _gol_group(gol: pd.Series) -> np.ndarray:
    return gol.str.partition("/")[0].to_numpy()


def choose_employees(
    rng: np.random.Generator, event: Event, f: pd.DataFrame, size: int, seen: Attendance
) -> np.ndarray:
    """Rows of ``f`` attending ``event`` (latsar: fills in the golongan of its title)."""
    kind = event.kind
    fresh = ~f["nip"].isin(seen.done.get(kind, set())).to_numpy() if kind in ONE_TIME else True
    fresh = np.broadcast_to(fresh, len(f))
    level, jab = f["level"].to_numpy(), f["jabatan"]
    pns = (f["status"] == "PNS").to_numpy()
    past = f["nip"].map(seen.count).fillna(0).to_numpy(dtype=float)
    office = ~f["cat"].isin(("guru", "kes")).to_numpy()
    female = f["female"].to_numpy()
    gap = np.where(female, LEADERSHIP_FEMALE_WEIGHT, 1.0) if kind in LEADERSHIP else 1.0
    if kind == "pprg":
        mask = fresh & jab.str.contains(PPRG_JABATAN).to_numpy() & (level != 2)
        unit = f["unor"].str.contains("Perencanaan|Keuangan|Program|Anggaran").to_numpy()
        return _fill(
            rng,
            _by_pd(rng, f, mask, size),
            fresh * office * (level != 2) * np.where(unit, 4.0, 1.0),
            size,
        )
    if kind == "tof":
        mask = fresh & f["pd"].isin(TOF_PD).to_numpy() & office & (level != 2)
        weight = 1 + 2 * (past > 0) + jab.str.contains("Analis|Perencana").to_numpy()
        first = _draw(rng, mask * weight, size)
        return _fill(rng, first, fresh * office * (past > 0) * (level != 2), size)
    if kind == "latsar":
        cpns = fresh & (f["status"] == "CPNS").to_numpy()
        groups = _gol_group(f["gol"])
        names, counts = np.unique(groups[cpns], return_counts=True)
        gol = str(names[np.argmax(counts)]) if len(names) else "III"
        event.title = event.title.replace("{gol}", gol)
        first = _draw(rng, cpns & (groups == gol), size)
        return _fill(rng, first, cpns.astype(float), size)
    if kind == "pkp":
        staff = (level == 0) & f["gol"].str.startswith("III/").to_numpy()
        staff &= f["cat"].isin(("pel", "jf")).to_numpy()
        weight = np.where(level == 4, 3.0, 1.0) * ((level == 4) | staff)
        return _draw(rng, fresh * pns * weight * gap, size)
    if kind == "pka":
        weight = np.select([level == 3, level == 4], [2.0, 1.0], 0.0)
        return _draw(rng, fresh * pns * weight * gap, size)
    if kind == "pkn":
        return _draw(rng, fresh * pns * np.isin(level, (2, 3)) * gap, size)
    if kind == "gender_champion":
        heads = (level == 2) | jab.isin(CHAMPION_POSTS).to_numpy()
        return _draw(rng, fresh * heads, size)
    weight = _base_weight(f)
    if kind == "pug_awareness":
        weight = weight * (1 + 1.5 * past) * np.where(f["pd"] == DINSOS, 2.0, 1.0)
    elif event.focus:
        focus = jab.str.contains(event.focus) | f["unor"].str.contains(event.focus)
        weight = weight * np.where(focus.to_numpy(), 6.0, 1.0)
    return _draw(rng, weight, size)


def employees_as_rows(
    rng: np.random.Generator, f: pd.DataFrame, rows: np.ndarray
) -> list[Participant]:
    """Participants for the chosen rows: teachers and health staff often give their school or
    puskesmas as unit, everybody else the PD."""
    out = []
    for i in rows.tolist():
        r = f.iloc[i]
        own_unit = r["cat"] in ("guru", "kes") and rng.random() < 0.5
        out.append(
            Participant(
                str(r["nip"]),
                str(r["name"]),
                str(r["jabatan"]),
                str(r["unor"] if own_unit else r["pd"]),
                bool(r["female"]),
            )
        )
    return out


_VILLAGE = (
    ("Kepala Desa", 0.15),
    ("Sekretaris Desa", 0.35),
    ("Kaur Keuangan", 0.5),
    ("Kasi Kesejahteraan", 0.45),
    ("Kader Posyandu", 0.95),
    ("Staf Desa", 0.5),
)
_PKK = ("Anggota", "Anggota", "Anggota", "Ketua", "Sekretaris", "Bendahara", "Ketua Pokja I")
_HONORER_AT = (
    "Dinas Sosial",
    "Dinas Kesehatan",
    "Sekretariat Daerah",
    "BKDPSDM",
    "Dinas Pendidikan dan Kebudayaan",
    "Kecamatan Ledo",
    "Dinas Kominfo",
)
_HONORER = ("Tenaga Honorer", "Tenaga Kontrak", "Staf")
_PUBLIC = (
    "Gabungan Organisasi Wanita (GOW) Kabupaten Bengkayang",
    "Forum Anak Kabupaten Bengkayang",
    "LSM Peduli Perempuan dan Anak Bengkayang",
    "Wanita Katolik RI Cabang Bengkayang",
    "Muslimat NU Kabupaten Bengkayang",
    "Persekutuan Perempuan Dayak Bengkayang",
)
_PUBLIC_ROLE = ("Anggota", "Ketua", "Pengurus", "Perwakilan")  # fmt: skip


def _one(rng: np.random.Generator, options: tuple) -> object:
    return options[int(rng.integers(len(options)))]


def non_asn(rng: np.random.Generator, n: int) -> list[Participant]:
    """Village staff, PKK members, honorer and members of the public (no NIP)."""
    rows: list[tuple[str, str, float]] = []
    for group in rng.choice(4, size=n, p=[0.35, 0.25, 0.25, 0.15]).tolist():
        if group == 0:
            jabatan, female = _one(rng, _VILLAGE)
            rows.append((jabatan, f"Desa {_one(rng, DESA)}", female))
        elif group == 1:
            unit = ("TP PKK Kabupaten Bengkayang" if rng.random() < 0.3
                    else f"PKK Kecamatan {_one(rng, KECAMATAN)}")  # fmt: skip
            rows.append((str(_one(rng, _PKK)), unit, 0.97))
        elif group == 2:
            rows.append((str(_one(rng, _HONORER)), f"Honorer {_one(rng, _HONORER_AT)}", 0.55))
        elif rng.random() < 0.3:
            rows.append(("Tokoh Masyarakat", f"Desa {_one(rng, DESA)}", 0.4))
        else:
            rows.append((str(_one(rng, _PUBLIC_ROLE)), str(_one(rng, _PUBLIC)), 0.8))
    female = rng.random(n) < np.array([p for _, _, p in rows], dtype=float)
    names = person_names(rng, female)[0] if n else []
    return [
        Participant("", str(name), jabatan, unit, bool(fem))
        for (jabatan, unit, _), name, fem in zip(rows, names, female, strict=True)
    ]


def arrange(rng: np.random.Generator, rows: list[Participant]) -> list[Participant]:
    """Sign-in order, or sorted by unit, or by name, as organisers keep their lists."""
    style = rng.choice(3, p=[0.5, 0.3, 0.2])
    if style == 0:
        return [rows[i] for i in rng.permutation(len(rows))]
    if style == 1:
        return sorted(rows, key=lambda p: (p.unit, p.name))
    return sorted(rows, key=lambda p: p.name.upper())


def participants(
    rng: np.random.Generator, event: Event, f: pd.DataFrame, seen: Attendance
) -> list[Participant]:
    """The list of one event, in the order the file shows it; ``seen`` is updated."""
    guests = 0
    if event.kind == "pug_awareness":
        guests = round(event.size * rng.uniform(*NON_ASN_SHARE))
    chosen = choose_employees(rng, event, f, event.size - guests, seen)
    rows = employees_as_rows(rng, f, chosen)
    seen.record(event.kind, [p.nip for p in rows])
    if event.kind == "tof":
        for p in rows:
            p.note = "Bersertifikat" if rng.random() < 0.8 else "Belum Bersertifikat"
    return arrange(rng, rows + non_asn(rng, guests))
