"""Realistic errors in attendance lists, each recorded with its expected outcome.

Kinds (only ASN rows are flawed; non-ASN rows without NIP are normal):

- ``nip_mistyped`` (warning): a digit dropped or doubled, or a letter O for a 0; the person
  attended but cannot be matched to SIMPEG.
- ``nip_unknown`` (warning): an extra participant with a valid-looking 18-digit NIP of someone
  outside the sample (a provincial or vertical-agency employee).
- ``duplicate_row`` (rejected): a participant typed twice; the second occurrence is the flaw.
- ``sex_conflict`` (warning): L/P opposite to the employee's SIMPEG sex.
- ``sex_missing`` (accepted): L/P blank; derivable from NIP digit 15.
- ``absent`` (accepted): Keterangan "Tidak Hadir", "Izin", "Sakit", "Tdk Hadir", "TH" or "DL"
  (dinas luar): listed, did not attend.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from terpilah.sample.flaws import Flaw
from terpilah.sample.identity import person_names
from terpilah.sample.ids import Registry
from terpilah.sample.training_layout import ABSENT_NOTES, Grid, participant_cells
from terpilah.sample.training_people import Participant

TRAINING_KINDS: tuple[str, ...] = (
    "nip_mistyped", "nip_unknown", "duplicate_row", "sex_conflict", "sex_missing", "absent",
)  # fmt: skip
TRAINING_EXPECTED: dict[str, str] = {
    "nip_mistyped": "warning",
    "nip_unknown": "warning",
    "duplicate_row": "rejected",
    "sex_conflict": "warning",
    "sex_missing": "accepted",
    "absent": "accepted",
}
FLAWED_FILE_SHARE = 0.5
MAX_PER_FILE = 5
_ROLE = {"nip_mistyped": "nip", "nip_unknown": "nip", "duplicate_row": "nip",
         "sex_conflict": "sex", "sex_missing": "sex", "absent": "note"}  # fmt: skip
_OUTSIDERS: tuple[tuple[str, str], ...] = (
    ("Widyaiswara Ahli Madya", "BPSDM Provinsi Kalimantan Barat"),
    (
        "Analis Kebijakan Ahli Muda",
        "Dinas Pemberdayaan Perempuan dan Perlindungan Anak Provinsi Kalimantan Barat",
    ),
    ("Analis SDM Aparatur Ahli Muda", "BKD Provinsi Kalimantan Barat"),
    ("Perencana Ahli Muda", "Bappeda Provinsi Kalimantan Barat"),
    ("Penyuluh Agama Ahli Pertama", "Kantor Kementerian Agama Kabupaten Bengkayang"),
    ("Guru Ahli Muda", "SMA Negeri 1 Bengkayang"),
)


def outsider(rng: np.random.Generator, registry: Registry, first: date) -> Participant:
    """Someone with a well-formed NIP no sample employee has (read-only use of ``registry``).

    The TMT lies years before the sample, so no later hire can share the prefix; the sequence
    number is above every one the sample used for that prefix.
    """
    while True:
        born = date(int(rng.integers(first.year - 56, first.year - 30)),
                    int(rng.integers(1, 13)), int(rng.integers(1, 29)))  # fmt: skip
        tmt_year = int(rng.integers(born.year + 22, first.year - 2))
        female = bool(rng.random() < 0.5)
        prefix = f"{born:%Y%m%d}{tmt_year:04d}{int(rng.integers(1, 13)):02d}{2 if female else 1}"
        seq = registry.nip.get(prefix, 0) + int(rng.integers(1, 20))
        if seq <= 999:
            break
    jabatan, unit = _OUTSIDERS[int(rng.integers(len(_OUTSIDERS)))]
    name = str(person_names(rng, np.array([female]))[0][0])
    return Participant(f"{prefix}{seq:03d}", name, jabatan, unit, female)


def mistype(cell: str, rng: np.random.Generator) -> str:
    """Drop a digit, double one, or type the letter O for a zero."""
    places = [i for i, ch in enumerate(cell) if ch.isdigit()]
    zeros = [i for i in places if cell[i] == "0"]
    how = int(rng.integers(3)) if zeros else int(rng.integers(2))
    at = places[int(rng.integers(len(places)))]
    if how == 0:
        return cell[:at] + cell[at + 1 :]
    if how == 1:
        return cell[:at] + cell[at] + cell[at:]
    at = zeros[int(rng.integers(len(zeros)))]
    return cell[:at] + "O" + cell[at + 1 :]


def _kinds(rng: np.random.Generator, grid: Grid, asn_rows: int) -> list[str]:
    if rng.random() >= FLAWED_FILE_SHARE or asn_rows == 0:
        return []
    count = int(rng.integers(1, min(MAX_PER_FILE, max(1, asn_rows // 6)) + 1))
    usable = [
        k
        for k in TRAINING_KINDS
        if k != "absent"
        or (grid.has("note") and not any(r and r[grid.col("note")] for r in grid.rows))
    ]
    return [usable[int(rng.integers(len(usable)))] for _ in range(count)]


def inject(grid: Grid, rng: np.random.Generator, registry: Registry, first: date) -> None:
    """Flaw a few ASN rows of about half the files; tags go to ``grid.tags``."""
    asn = [i for i, is_asn in enumerate(grid.asn) if is_asn]
    kinds = _kinds(rng, grid, len(asn))
    in_place = [k for k in kinds if k != "nip_unknown"]
    targets = [asn[i] for i in rng.choice(len(asn), size=min(len(in_place), len(asn)),
                                          replace=False)] if in_place else []  # fmt: skip
    nip, sex = grid.col("nip"), grid.col("sex")
    male, female = grid.layout.sex_words
    copies: list[tuple[float, list[str], list[tuple[str, str]]]] = []
    for pos, kind in zip(targets, in_place, strict=False):
        row = grid.rows[pos]
        assert row is not None
        if kind == "nip_mistyped":
            row[nip] = mistype(row[nip], rng)
        elif kind == "sex_conflict":
            row[sex] = male if row[sex] == female else female
        elif kind == "sex_missing":
            row[sex] = ""
        elif kind == "absent":
            row[grid.col("note")] = ABSENT_NOTES[int(rng.integers(len(ABSENT_NOTES)))]
        if kind == "duplicate_row":
            later = pos + int(rng.integers(0, 4))
            copies.append((min(later, len(grid.rows) - 1) + 0.5, list(row), [("nip", kind)]))
        else:
            grid.tags[pos].append((_ROLE[kind], kind))
    for _ in range(kinds.count("nip_unknown")):
        cells = participant_cells(outsider(rng, registry, first), grid.layout)
        at = int(rng.integers(len(grid.rows) + 1)) - 0.5
        copies.append((at, cells, [("nip", "nip_unknown")]))
    keys = [float(i) for i in range(len(grid.rows))] + [key for key, _, _ in copies]
    rows = [*grid.rows, *(cells for _, cells, _ in copies)]
    tags = [*grid.tags, *(tag for _, _, tag in copies)]
    asn_flags = [*grid.asn, *([True] * len(copies))]
    order = sorted(range(len(keys)), key=lambda i: keys[i])
    grid.rows = [rows[i] for i in order]
    grid.tags = [tags[i] for i in order]
    grid.asn = [asn_flags[i] for i in order]


def records(grid: Grid, first_data_row: int) -> list[Flaw]:
    """The flaws as the file shows them: 1-based row, header text of the column."""
    out = []
    for pos, tags in enumerate(grid.tags):
        for role, kind in tags:
            out.append(Flaw(first_data_row + pos, grid.header[grid.col(role)], kind,
                            TRAINING_EXPECTED[kind]))  # fmt: skip
    return out
