"""One verdict: the GX suite and the row rules, both read from the source description, never
disagree (issue 13). Property-style, seeded: for each source, a few hundred small tables
generated from its description, with blanks and odd values in random cells and repeated rows.

The tables of one source are written one after another into one real CSV (with the source's
title block) and read by ``ingest.extract.extract_file``, then split back into their tables by
row number: the row rules judge row by row (a repeat is looked for within a table, whose keys
no other table shares), so this is each table's own judgement, at the cost of one read.

- every table: no row the row rules accepted lacks a value the description requires of it
  (``ColumnSpec.value_required``), which is what the suite's not-null expectations look at;
- the tables that could trip the suite (blanks on accepted rows, a rejected share near the
  limit) and a few others: the GX verdict is exactly "the rejected share is within the limit",
  and a table whose rows all pass fails no expectation. (GX takes a few tenths of a second a
  table, so it does not judge them all.)
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
from xlsx_helpers import write_csv

from expectations.judge import Judge
from expectations.suites import ROW_ACCEPTED, judged_columns, judged_frame, required_flag
from ingest.extract import extract_file
from ingest.rules.literacy import kecamatan_names
from ingest.sources import SOURCES
from ingest.spec import SourceSpec

SEED = 13
TABLES = 60  # per source
JUDGED_BY_GX = 5  # per source
# Odd values a person types; none of them ends a table (no JUMLAH, no signature block).
ODD = ["?", "xx", "n/a", "0", "12345", "-", "Ya", "L/P", "III/z", "2025", "abc def", "PPPK",
       "III/a", "IX", "S-1", "Struktural", "III.a", "P", "1", "Rp 5.000", "2.08.02.2.01.0001",
       "12-31-2025", "31-02-2024", "1.98E+17", "6107034512990001", "Seluas", "Kec. Antah"]

Row = list[object]


@dataclass(frozen=True)
class Form:
    """How a source's generated files look: title block, header, one valid row, data date."""

    title: list[str]
    header: list[str]
    row: Callable[[int, random.Random], Row]
    day: date


def _birth(i: int) -> date:
    return date(1960, 1, 1) + timedelta(days=3 * i)  # distinct for every generated row


def _simpeg(i: int, rng: random.Random) -> Row:
    kind = rng.choices(["PNS", "CPNS", "PPPK"], [6, 1, 3])[0]
    birth, sex = _birth(i), rng.choice("12")
    if kind == "PPPK":
        year = rng.randint(2019, 2024)
        nip = f"{birth:%Y%m%d}{year}21{sex}{rng.randint(1, 999):03d}"
        golongan = rng.choice(["IX", "V", "VII", ""])  # PPPK paruh waktu: none
        tmt = f"01-01-{year}"
    else:
        start = date(birth.year + 25, rng.randint(1, 12), 1)
        nip = f"{birth:%Y%m%d}{start:%Y%m}{sex}{rng.randint(1, 999):03d}"
        golongan, tmt = rng.choice(["III/a", "II/c", "IV/a"]), f"{start:%d-%m-%Y}"
    eselon = rng.choice(["III.a", "IV.a"]) if rng.random() < 0.15 else ""
    jabatan = "Struktural" if eselon else rng.choice(["Fungsional", "Pelaksana"])
    return [nip, f"Pegawai {i}", rng.choice(["", "L" if sex == "1" else "P"]),
            rng.choice(["", f"{birth:%d-%m-%Y}"]), kind, golongan, eselon, jabatan,
            rng.choice(["S-1", "SLTA", "D-III"]), "Dinas Sosial", "Aktif", rng.choice(["", tmt])]


def _training(i: int, rng: random.Random) -> Row:
    birth, sex = _birth(i), rng.choice("12")
    if rng.random() < 0.6:
        nip = f"{birth:%Y%m%d}{birth.year + 25}01{sex}{rng.randint(1, 999):03d}"
        lp = rng.choice(["", "L" if sex == "1" else "P"])
    else:
        nip, lp = rng.choice(["", "-"]), rng.choice(["L", "P"])
    return [i, f"Peserta {i}", nip, "Analis", "Dinas Sosial", lp, rng.choice(["", "Hadir"])]


def _literacy(i: int, rng: random.Random) -> Row:
    born = date(1970, 1, 1) + timedelta(days=rng.randint(0, 12_000))
    female = rng.random() < 0.5
    nik = (f"610703{born.day + 40 * female:02d}{born:%m%y}{i % 10_000:04d}"
           if rng.random() < 0.8 else "")
    sex = rng.choice(["", "P" if female else "L"]) if nik else rng.choice(["", "L", "P"])
    return [i, f"Warga {i}", nik, sex, rng.choice(["", f"{born:%d-%m-%Y}"]), "", "Seluas",
            rng.choice(sorted(kecamatan_names().values())), "Petani", rng.choice(["Ya", "Tidak"]),
            "081234567890", "Literasi Digital Dasar", "16-04-2025"]


def _budget(i: int, rng: random.Random) -> Row:
    pagu = rng.randint(1, 500) * 100_000
    return [f"2.08.02.2.01.{i % 10_000:04d}", f"Sub kegiatan {i}",
            rng.choice([str(pagu), f"Rp {pagu:,}".replace(",", ".") + ",00"]), "2025",
            "2.08.0.00.0.00.01.0000", "Dinas Sosial"]


def _arg(i: int, rng: random.Random) -> Row:
    return [i, f"2.08.02.2.01.{i % 10_000:04d}", f"Sub kegiatan {i}", rng.choice("123"),
            rng.choice(["Data terpilah belum ada", ""]), rng.choice(["", "10"]),
            rng.choice(["", "12"]), rng.choice(["", "15000000"]), "2025", "Dinas Sosial"]


FORMS = {
    "simpeg": Form([], ["NIP", "NAMA", "L/P", "TGL LAHIR", "STATUS PEGAWAI", "GOL", "ESELON",
                        "JENIS JABATAN", "PENDIDIKAN", "UNIT KERJA", "KEDUDUKAN HUKUM",
                        "TMT CPNS"], _simpeg, date(2025, 12, 31)),
    "training": Form(["DAFTAR HADIR", "PELATIHAN PPRG", "Bengkayang, 12-14 Maret 2025"],
                     ["NO", "NAMA", "NIP", "JABATAN", "UNIT KERJA", "L/P", "KETERANGAN"],
                     _training, date(2025, 3, 14)),
    "literacy": Form(["DAFTAR PESERTA LITERASI DIGITAL DASAR"],
                     ["NO", "NAMA", "NIK", "JENIS KELAMIN", "TANGGAL LAHIR", "UMUR", "DESA",
                      "KECAMATAN", "PEKERJAAN", "DISABILITAS", "NO HP", "PROGRAM", "TANGGAL"],
                     _literacy, date(2025, 4, 16)),
    "budget": Form(["DOKUMEN PELAKSANAAN ANGGARAN (DPA) TAHUN ANGGARAN 2025"],
                   ["KODE", "URAIAN", "PAGU", "TAHUN", "KODE SKPD", "NAMA SKPD"], _budget,
                   date(2025, 1, 10)),
    "arg": Form(["DAFTAR SUB KEGIATAN ANGGARAN RESPONSIF GENDER", "TAHUN ANGGARAN 2025"],
                ["NO", "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN", "KATEGORI ARG", "ISU GENDER",
                 "SASARAN LAKI-LAKI", "SASARAN PEREMPUAN", "NILAI ARG", "TAHUN",
                 "PERANGKAT DAERAH"], _arg, date(2025, 1, 10)),
}


def _table(form: Form, first: int, rng: random.Random) -> list[Row]:
    """1-8 rows; each cell blanked or made odd with a chance the table draws; a row repeated."""
    rows = [form.row(first + k, rng) for k in range(rng.randint(1, 8))]
    spoil = rng.choice([0.0, 0.0, 0.05, 0.15, 0.3])
    for row in rows:
        for c in range(len(row)):
            if rng.random() < spoil:
                row[c] = "" if rng.random() < 0.5 else rng.choice(ODD)
    if len(rows) > 1 and rng.random() < 0.1:
        rows[-1] = list(rows[0])
    return rows


@dataclass
class Judged:
    values: pd.DataFrame
    rejected: pd.Series

    @property
    def share(self) -> float:
        return float(self.rejected.mean())


def _tables(source: str, tmp_path: Path) -> tuple[Judged, list[Judged]]:
    """The generated tables of ``source`` as the row rules judged them: all together (one
    file) and each on its own."""
    form, rng = FORMS[source], random.Random(f"{SEED}-{source}")
    lines: list[Row] = [[t] for t in form.title] + [form.header]
    lines += [form.row(k, random.Random(k)) for k in range(1, 4)]  # never a number row
    spans, first = [], 10
    for _ in range(TABLES):
        rows = _table(form, first, rng)
        start = len(lines) + 1  # the 1-based CSV line a person sees
        lines += rows
        spans.append(range(start, start + len(rows)))
        first += 10
    path = write_csv(tmp_path / f"{source}.csv", lines)
    fx = extract_file(path, SOURCES[source], form.day)
    assert fx.problem is None, fx.problem.message
    assert fx.values is not None and fx.rejected is not None
    tables = []
    for span in spans:
        mine = fx.values["_source_row"].isin(span).to_numpy()
        if mine.any():  # a table of blank rows only has nothing to judge
            tables.append(Judged(fx.values[mine], fx.rejected[mine]))
    assert len(tables) > TABLES * 0.9
    return Judged(fx.values, fx.rejected), tables


def _blanks_needing_a_value(spec: SourceSpec, t: Judged) -> dict[str, list[int]]:
    """Per required judged column: the rows (as numbered in the file) the row rules accepted
    that need a value and have none."""
    frame = judged_frame(spec, t.values, t.rejected)
    out = {}
    for col in spec.columns:
        if col.name not in judged_columns(spec) or not col.required:
            continue
        needs = frame[ROW_ACCEPTED].astype(bool)
        if col.required_when is not None:
            needs &= frame[required_flag(col.name)].astype(bool)
        blank = (needs & frame[col.name].isna()).to_numpy()
        out[col.name] = [int(r) for r in t.values["_source_row"][blank]]
    return out


def _interest(spec: SourceSpec, t: Judged, limit: float) -> float:
    """Tables that could trip the suite first: blanks in required columns (on rows where a
    conditional requirement does not apply, or on rejected rows, where they must not count),
    and a rejected share close to the limit."""
    required = [c.name for c in spec.columns if c.required and c.name in judged_columns(spec)]
    blanks = int(t.values[required].isna().any(axis=1).sum())
    near = 1.0 - min(1.0, abs(t.share - limit) * 4)
    return blanks / len(t.values) + near + (t.share <= limit)


@pytest.fixture(scope="module")
def judge() -> Judge:
    return Judge(None, 0.05)


@pytest.mark.parametrize("source", FORMS)
def test_one_verdict(source: str, tmp_path: Path, judge: Judge) -> None:
    spec = SOURCES[source]
    limit = judge.share(spec)
    every, tables = _tables(source, tmp_path)
    # the generator makes tables of every kind: clean, spoilt within and beyond the limit
    shares = [t.share for t in tables]
    assert min(shares) == 0 and max(shares) > limit
    # row by row, so all tables at once: the rules leave no required blank on a row they accept
    blanks = _blanks_needing_a_value(spec, every)
    assert not any(blanks.values()), blanks
    ranked = sorted(range(len(tables)), key=lambda n: -_interest(spec, tables[n], limit))
    chosen = ranked[:JUDGED_BY_GX - 1] + random.Random(SEED).sample(ranked[JUDGED_BY_GX:], 1)
    for n in chosen:
        t = tables[n]
        verdict = judge.judge(spec, t.values, t.rejected, run_name="one-verdict")
        within = t.share <= limit + 1e-9
        assert verdict.accepted == within, (n, t.share, verdict.reasons)
        if t.share == 0:
            assert verdict.failed == 0, verdict.reasons
        elif not within:
            assert verdict.reasons and all("of the rows are rejected" in r
                                           for r in verdict.reasons), verdict.reasons
