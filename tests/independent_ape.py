"""The APE scorecard computed independently, in plain Python, from the generated sample files
and the generator's manifest: not from the warehouse, nor with the pipeline's parsers or SQL.

I.3 (data terpilah) follows the definition of docs (``int_ape_data_terpilah``): per year, the
records of the year's latest SIMPEG extract, of the year's attendance lists and of the year's
literacy lists; a record is a row that is loaded, or held back because of its sex (the
manifest's rejected ``sex_conflict`` rows); rows held back for another reason are not records.
The other indicators reuse the independent computations of their source marts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd
from independent_budget import expected_arg_by_pd, expected_kabupaten
from independent_literacy import _nik, expected_summary
from independent_literacy import _rows as literacy_rows
from independent_profile import _read, expected_profile
from independent_training import _rows as training_rows
from independent_training import attendance, expected_coverage

from terpilah.sample import SampleManifest
from terpilah.sample.manifest import SampleFile

Level = tuple[date, str | None]  # (data_date, pd_name or None for the kabupaten)
SEX_WORDS = {"L": "L", "P": "P", "LAKI-LAKI": "L", "PEREMPUAN": "P", "PRIA": "L", "WANITA": "P"}
INTERNALISATION = {"pug_awareness", "pprg", "tof", "latsar", "gender_champion"}
LEADERSHIP = {"JPT Pratama (Eselon II)", "Administrator (Eselon III)"}


def pct(part: int | Decimal, whole: int | Decimal, places: str = "0.01") -> Decimal | None:
    if whole == 0:
        return None
    exact = Decimal(100) * Decimal(part) / Decimal(whole)
    return exact.quantize(Decimal(places), ROUND_HALF_UP)


def year_end(year: int) -> date:
    return date(year, 12, 31)


@dataclass(frozen=True)
class Record:
    """One I.3 record: where it counts and whether its sex is valid."""

    source: str
    on: date  # the extract date (SIMPEG) or 31 December of the year
    pd: str | None
    valid: bool


_FRAMES: dict[tuple[Path, str], pd.DataFrame] = {}


def simpeg_frame(root: Path, file: SampleFile) -> pd.DataFrame:
    """An extract as ``independent_profile`` reads it, read once per test session."""
    key = (root, file.path)
    if key not in _FRAMES:
        _FRAMES[key] = _read(root, file)
    return _FRAMES[key]


def _rejected(flaws: list) -> tuple[set[int], set[int]]:
    """(rows held back, rows held back because of their sex)."""
    rejected = {f.row for f in flaws if f.expected == "rejected"}
    by_sex = {f.row for f in flaws if f.expected == "rejected" and f.kind == "sex_conflict"}
    return rejected, by_sex


def _simpeg(root: Path, manifest: SampleManifest) -> tuple[list[Record], dict[str, list]]:
    """Records of every extract, and each NIP's (date, PD) on the extracts it is loaded in."""
    records: list[Record] = []
    employees: dict[str, list[tuple[date, str]]] = defaultdict(list)
    for file in manifest.files:
        on = date.fromisoformat(file.data_date)
        frame = simpeg_frame(root, file)
        rejected, by_sex = _rejected(file.flaws)
        for row, nip, sex, pd_name in zip(frame["row"], frame["nip"], frame["sex"],
                                          frame["pd"], strict=True):
            pd_key = " ".join(str(pd_name).split()) or None
            if row in by_sex:
                records.append(Record("simpeg", on, pd_key, False))
            elif row not in rejected:
                valid = sex in ("L", "P") or (len(nip) == 18 and nip[14] in "12")
                records.append(Record("simpeg", on, pd_key, valid))
                employees[nip].append((on, pd_key))
    return records, employees


def _pd_on(history: list[tuple[date, str]], end: date) -> str | None:
    """The PD of the latest extract on or before ``end``, else of the earliest after."""
    before = [h for h in history if h[0] <= end]
    if before:
        return max(before)[1]
    return min(history)[1] if history else None


def _cells(rows: list[list[str]], header_row: int) -> list[tuple[int, dict[str, str]]]:
    header = [" ".join(h.split()).upper() for h in rows[header_row - 1]]  # "JENIS\nKELAMIN"
    out = []
    for number, row in enumerate(rows[header_row:], start=header_row + 1):
        cells = dict(zip(header, [c.strip() for c in row], strict=False))
        out.append((number, cells))
    return out


def _stated_sex(cells: dict[str, str]) -> str | None:
    stated = next((cells[h] for h in ("JENIS KELAMIN", "L/P", "JK", "JENIS KELAMIN (L/P)")
                       if h in cells), "")
    return SEX_WORDS.get(stated.upper())


def _training(root: Path, manifest: SampleManifest,
              employees: dict[str, list]) -> list[Record]:
    records = []
    for file in manifest.training:
        on = year_end(int(file.start[:4]))
        end = date.fromisoformat(file.end)
        rejected, by_sex = _rejected(file.flaws)
        for number, cells in _cells(training_rows(root, file), file.header_row):
            name = next((cells[h] for h in cells if h.startswith("NAMA")), "")
            if not name or name.isdigit():
                continue  # a blank row or the column-number row
            if number in by_sex:
                records.append(Record("training", on, None, False))
                continue
            if number in rejected:
                continue
            nip = re.sub(r"\D", "", next((cells[h] for h in cells if h.startswith("NIP")), ""))
            usable = len(nip) == 18 and nip[14] in "12"
            valid = _stated_sex(cells) is not None or usable
            pd_name = _pd_on(employees.get(nip, []), end) if usable else None
            records.append(Record("training", on, pd_name, valid))
    return records


def _literacy(root: Path, manifest: SampleManifest) -> list[Record]:
    records = []
    for file in manifest.literacy:
        on = year_end(int(file.class_date[:4]))
        rejected, by_sex = _rejected(file.flaws)
        for number, cells in _cells(literacy_rows(root / file.path), file.header_row):
            if not (cells.get("NAMA") or cells.get("NAMA PESERTA")):
                continue
            if number in by_sex:
                records.append(Record("literacy", on, None, False))
            elif number not in rejected:
                _, nik_sex = _nik(cells.get("NIK", ""))
                valid = _stated_sex(cells) is not None or nik_sex is not None
                records.append(Record("literacy", on, None, valid))
    return records


def i3_records(root: Path) -> list[Record]:
    """Every I.3 record of the sample (all extracts, lists and classes)."""
    manifest = SampleManifest.load(root)
    simpeg, employees = _simpeg(root, manifest)
    return [*simpeg, *_training(root, manifest, employees), *_literacy(root, manifest)]


def expected_i3(root: Path) -> dict[Level, Decimal | None]:
    """(31 December of the year, PD or None) -> % of records with a valid sex, pooling the
    year's latest extract with the year's training and literacy records."""
    records = i3_records(root)
    latest: dict[int, date] = {}
    for r in records:
        if r.source == "simpeg":
            latest[r.on.year] = max(latest.get(r.on.year, r.on), r.on)
    counts: dict[Level, list[int]] = defaultdict(lambda: [0, 0])
    for r in records:
        if r.source == "simpeg" and r.on != latest[r.on.year]:
            continue
        levels = [(year_end(r.on.year), None)]
        if r.pd is not None:
            levels.append((year_end(r.on.year), r.pd))
        for level in levels:
            counts[level][0] += 1
            counts[level][1] += int(r.valid)
    return {level: pct(valid, total) for level, (total, valid) in counts.items()}


def expected_i21(root: Path) -> dict[Level, Decimal | None]:
    """(extract date, PD or None) -> % of ASN trained in PUG (one decimal)."""
    frame = expected_coverage(root)
    out = {}
    for row in frame.itertuples(index=False):
        trained = int(row.trained_pria) + int(row.trained_wanita)
        asn = int(row.asn_pria) + int(row.asn_wanita)
        out[(row.data_date, row.pd_name)] = pct(trained, asn, "0.1")
    return out


def expected_i210(root: Path) -> dict[Level, Decimal | None]:
    """(extract date, PD or None) -> % women among eselon II and III holders, for the levels
    with at least one holder."""
    frame = expected_profile(root)
    frame = frame[frame["sub_kategori"].isin(LEADERSHIP)]
    sums: dict[Level, list[int]] = defaultdict(lambda: [0, 0])
    for row in frame.itertuples(index=False):
        level = (row.data_date, None if row.scope == "kabupaten" else row.pd_name)
        sums[level][0] += int(row.wanita)
        sums[level][1] += int(row.pria) + int(row.wanita)
    return {level: pct(w, t) for level, (w, t) in sums.items() if t > 0}


def expected_internalisation(root: Path) -> dict[date, int]:
    """31 December of every year with an attendance list -> internalisation events that year."""
    manifest = SampleManifest.load(root)
    out: dict[date, int] = {}
    for file in manifest.training:
        key = year_end(int(file.start[:4]))
        out[key] = out.get(key, 0) + int(file.kind in INTERNALISATION)
    return out


def expected_facilitators(root: Path) -> dict[date, int]:
    """Extract date -> certified facilitators (the sample's are all ASN, one per NIP) who
    attended a ToF that ended on or before it."""
    manifest = SampleManifest.load(root)
    seen = attendance(root)
    certified = seen[seen["certified"] & seen["present"]]
    return {date.fromisoformat(d): certified.loc[certified["end"] <= date.fromisoformat(d),
                                                 "nip"].nunique() for d in manifest.dates}


def expected_literacy_women(root: Path) -> dict[date, Decimal | None]:
    """31 December of every class year -> % women among the year's unique participants."""
    frame = expected_summary(root)
    frame = frame[frame["program"] == "Semua program"]
    return {year_end(int(r.year)): pct(int(r.participants_wanita),
                                       int(r.participants_pria) + int(r.participants_wanita),
                                       "0.1") for r in frame.itertuples(index=False)}


def expected_arg(root: Path) -> dict[tuple[str, date, str | None], object]:
    """(indicator, 31 December of the budget year, PD name or None) -> value of ARG, ARG.PD,
    ARG.SUBKEG."""
    files = SampleManifest.load(root).budget
    names = {line.kode_skpd: line.nama_skpd for f in files for line in f.lines}
    out: dict[tuple[str, date, str | None], object] = {}
    for tahun, row in expected_kabupaten(files).items():
        on = year_end(tahun)
        out[("ARG", on, None)] = row["pct_arg"]
        out[("ARG.PD", on, None)] = row["pct_pd_with_arg"]
        out[("ARG.SUBKEG", on, None)] = row["sub_kegiatan_arg"]
    for (tahun, kode_skpd), row in expected_arg_by_pd(files).items():
        on = year_end(tahun)
        out[("ARG", on, names[kode_skpd])] = row["pct_arg"]
        out[("ARG.SUBKEG", on, names[kode_skpd])] = row["sub_kegiatan_arg"]
    return out
