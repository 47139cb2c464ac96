"""Small-cell suppression, tried the way an attacker would: take the published cells and the
equations every reader knows (rows, groups, PDs adding up to the kabupaten) and solve for each
hidden cell (a linear program for its smallest and largest value given that counts are never
negative). A hidden small count must never come out exact. Also formula neutralisation and the
workbook's sheet names."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from scipy.optimize import linprog

from terpilah.report.labels import format_number, long_date
from terpilah.report.profile import KAB, build_profile, profile_cells, suppress_profile
from terpilah.report.safe import csv_safe, looks_like_formula, set_text
from terpilah.report.scorecard import scorecard_hidden
from terpilah.report.suppress import Equation, determined_cells, suppress
from terpilah.report.xlsx import sheet_names

ROWS = ["Total ASN", "PNS", "PPPK", "JPT Pratama (Eselon II)", "Administrator (Eselon III)",
        "Pengawas (Eselon IV)", "Pelaksana", "Jabatan Fungsional (Total)", "JF Guru",
        "JF Kesehatan", "JF Teknis Lainnya", "Golongan IV", "Golongan III", "Golongan II",
        "Golongan I", "S3/S2", "S1/D4", "D3/D2/D1", "SLTA ke bawah", "> 50 tahun",
        "41 - 50 tahun", "31 - 40 tahun", "<= 30 tahun", "> 15 tahun", "6 - 15 tahun",
        "0 - 5 tahun"]


def recoverable(values: dict, equations: list[Equation], hidden: set) -> dict:
    """Hidden non-zero cells whose value the published cells pin down exactly: {cell: value}.
    (A hidden 0 that comes out as 0 discloses nothing: zeros are published anyway.)"""
    cells = sorted(hidden, key=repr)
    if not cells:
        return {}
    column = {c: i for i, c in enumerate(cells)}
    a_eq, b_eq = [], []
    for equation in equations:
        row, rhs = np.zeros(len(cells)), 0.0
        for cell, coefficient in equation.terms:
            if cell in column:
                row[column[cell]] += coefficient
            else:
                rhs -= coefficient * float(values[cell])
        if row.any():
            a_eq.append(row)
            b_eq.append(rhs)
    bounds = (0, 10 * sum(abs(float(v)) for v in values.values()))

    def solve(objective: np.ndarray) -> np.ndarray:
        result = linprog(objective, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
        assert result.status == 0  # the true values are a solution: never infeasible
        return result.x

    # Cells that differ between solutions are not pinned; solve for the others one by one.
    rng = np.random.default_rng(0)
    points = [np.array([float(values[c]) for c in cells])]
    points += [solve(rng.normal(size=len(cells))) for _ in range(6)]
    varied = np.ptp(np.array(points), axis=0) > 0.5
    found = {}
    for cell in cells:
        i = column[cell]
        if varied[i] or not values[cell]:
            continue
        objective = np.zeros(len(cells))
        objective[i] = 1
        low, high = solve(objective)[i], solve(-objective)[i]
        if high - low < 0.5:
            found[cell] = round(low)
    return found


def each_equation_has_zero_or_two(equations: list[Equation], hidden: set) -> bool:
    return all(sum(c in hidden for c in eq.cells) != 1 for eq in equations)


# --- the engine on small, hand-made tables ---------------------------------------------------

def test_a_lone_small_cell_gets_a_partner_in_its_row_and_column() -> None:
    # a 2 x 2 table with published row and column totals (and the grand total)
    values = {("r1", "a"): 1, ("r1", "b"): 9, ("r2", "a"): 7, ("r2", "b"): 30,
              ("r1", "t"): 10, ("r2", "t"): 37, ("t", "a"): 8, ("t", "b"): 39, ("t", "t"): 47}
    equations = [Equation.total([(r, "a"), (r, "b")], (r, "t")) for r in ("r1", "r2", "t")]
    equations += [Equation.total([("r1", c), ("r2", c)], ("t", c)) for c in ("a", "b", "t")]
    fixed = [k for k in values if "t" in k]
    hidden = suppress(values, equations, 3, fixed=fixed)
    assert ("r1", "a") in hidden
    assert hidden == {("r1", "a"), ("r1", "b"), ("r2", "a"), ("r2", "b")}  # the only way
    assert each_equation_has_zero_or_two(equations, hidden)
    assert recoverable(values, equations, hidden) == {}
    # without complementary cells the small one is "total minus the other"
    assert recoverable(values, equations, {("r1", "a")}) == {("r1", "a"): 1}


def test_partners_are_the_smallest_non_zero_cells() -> None:
    values = {"small": 2, "zero": 0, "four": 4, "big": 50, "total": 56}
    equations = [Equation.total(["small", "zero", "four", "big"], "total")]
    assert suppress(values, equations, 3, fixed=["total"]) == {"small", "four"}


def test_zero_and_counts_at_the_threshold_are_shown() -> None:
    values = {"a": 0, "b": 3, "c": 12, "t": 15}
    equations = [Equation.total(["a", "b", "c"], "t")]
    assert suppress(values, equations, 3) == set()
    assert suppress(values, equations, 4) == {"b", "c"}  # 3 is now small; c partners it
    assert suppress({"a": 1, "t": 1}, [Equation.total(["a"], "t")], 0) == set()
    assert suppress({"a": 1, "t": 1}, [Equation.total(["a"], "t")], 1) == set()


def test_pairs_in_every_equation_are_not_enough_when_equations_combine() -> None:
    # a + b + p = 10, a + c + q = 11, b + c + r = 12: once a, b and c are hidden every
    # equation has two hidden cells, yet the three equations together give a, b and c.
    values = {"a": 1, "b": 4, "c": 5, "p": 5, "q": 5, "r": 3, "e1": 10, "e2": 11, "e3": 12}
    equations = [Equation.total(["a", "b", "p"], "e1"), Equation.total(["a", "c", "q"], "e2"),
                 Equation.total(["b", "c", "r"], "e3")]
    fixed = ["e1", "e2", "e3"]
    naive = {"a", "b", "c"}
    assert each_equation_has_zero_or_two(equations, naive)
    assert recoverable(values, equations, naive) == {"a": 1, "b": 4, "c": 5}
    assert determined_cells(values, equations, naive) == naive
    hidden = suppress(values, equations, 3, fixed=fixed)
    assert "a" in hidden and len(hidden) > 3
    assert recoverable(values, equations, hidden) == {}


def test_hidden_zeros_that_counts_cannot_go_below_give_nothing_away() -> None:
    # Women JPT / administrators: the kabupaten has 1 and 2, all in PD B, PD A has none;
    # PD B's structural posts add up to a published 3 beside its 5 others (total 8).
    values = {"A4": 0, "A5": 0, "B4": 1, "B5": 2, "Bx": 5, "K4": 1, "K5": 2, "BT": 8,
              "Bp": 4, "BpT": 9}
    equations = [Equation.total(["A4", "B4"], "K4"), Equation.total(["A5", "B5"], "K5"),
                 Equation.total(["B4", "B5", "Bx"], "BT"),
                 Equation.total(["Bx", "Bp"], "BpT")]
    hidden = {"A4", "A5", "B4", "B5"}
    assert each_equation_has_zero_or_two(equations, hidden)
    # linearly A4 = -A5 leaves room, but neither zero can go below 0: B4 and B5 are exact
    assert determined_cells(values, equations, hidden) == {"B4", "B5"}
    assert recoverable(values, equations, hidden) == {"B4": 1, "B5": 2}
    protected = suppress(values, equations, 3, fixed=["K4", "K5", "BT", "BpT"])
    assert {"B4", "B5"} <= protected and "Bx" in protected
    assert recoverable(values, equations, protected) == {}


# --- Tabel 4.1 per PD, across PDs ------------------------------------------------------------

def _person(rng: random.Random) -> dict[str, str]:
    pns = rng.random() < 0.75
    level = rng.choices(["JPT Pratama (Eselon II)", "Administrator (Eselon III)",
                         "Pengawas (Eselon IV)", "Pelaksana", "Jabatan Fungsional (Total)"],
                        [1, 3, 8, 40, 48])[0]
    person = {"sex": rng.choice("LP"), "status": "PNS" if pns else "PPPK", "level": level,
              "pendidikan": rng.choice(ROWS[15:19]), "usia": rng.choice(ROWS[19:23]),
              "masa_kerja": rng.choice(ROWS[23:26])}
    if level == "Jabatan Fungsional (Total)":
        person["rumpun"] = rng.choice(ROWS[8:11])
    if pns:
        person["golongan"] = rng.choice(ROWS[11:15])
    return person


def fake_profile(sizes: dict[str, int], seed: int) -> list[dict]:
    """asn_profile rows of one date for PDs with the given numbers of ASN."""
    rng = random.Random(seed)
    counts: dict[tuple[str | None, str], dict[str, int]] = {}
    for pd, size in sizes.items():
        for _ in range(size):
            person = _person(rng)
            labels = ["Total ASN", *(person[k] for k in ("status", "level", "rumpun",
                      "golongan", "pendidikan", "usia", "masa_kerja") if k in person)]
            for scope_pd in (pd, None):
                for label in labels:
                    cell = counts.setdefault((scope_pd, label), {"L": 0, "P": 0})
                    cell[person["sex"]] += 1
    rows = []
    for pd in [None, *sizes]:
        for urutan, label in enumerate(ROWS, start=1):
            c = counts.get((pd, label), {"L": 0, "P": 0})
            total = c["L"] + c["P"]
            rows.append({"scope": "pd" if pd else "kabupaten", "pd_name": pd,
                         "kategori": label, "sub_kategori": label, "urutan": urutan,
                         "pria": c["L"], "wanita": c["P"], "total": total,
                         "pct_wanita": None if not total else
                         Decimal(100 * c["P"] / total).quantize(Decimal("0.1"))})
    return rows


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_hidden_profile_cell_can_be_recovered(seed: int) -> None:
    rows = fake_profile({"Dinas A": 60, "Dinas B": 14, "Kecamatan C": 7, "Badan D": 25},
                        seed)
    cells = profile_cells(rows)
    for equation in cells.equations:  # the fake data keeps every invariant of the mart
        assert sum(k * cells.values[c] for c, k in equation.terms) == 0
    hidden = suppress_profile(cells, 3)
    small = {k for k, v in cells.values.items() if k[0] != KAB and 0 < v < 3}
    assert small and small <= hidden
    assert recoverable(cells.values, cells.equations, small)  # hiding them alone fails
    assert not any(k[0] == KAB for k in hidden)  # the kabupaten table is published whole
    assert each_equation_has_zero_or_two(cells.equations, hidden)
    assert recoverable(cells.values, cells.equations, hidden) == {}


def test_a_higher_threshold_hides_more_and_zero_hides_nothing() -> None:
    cells = profile_cells(fake_profile({"Dinas A": 40, "Dinas B": 12}, 9))
    at3, at5 = suppress_profile(cells, 3), suppress_profile(cells, 5)
    assert at3 < at5
    assert suppress_profile(cells, 0) == set() == suppress_profile(cells, 1)


def test_the_profile_report_hides_the_share_with_any_count_of_its_row() -> None:
    rows = fake_profile({"Dinas A": 30, "Dinas B": 9}, 4)
    report, hidden = build_profile(rows, date(2025, 12, 31), 3, [], None)
    assert [t.name for t in report.tables] == ["Kabupaten", "Dinas A", "Dinas B"]
    assert report.tables[0].title[-1] == f"Keadaan per {long_date(date(2025, 12, 31))}"
    shown = 0
    for table in report.tables[1:]:
        for row in table.rows:
            if row.kind == "group":
                continue
            label, *counts, pct = row.cells
            assert pct.hidden == any(c.hidden for c in counts), (table.name, label.value)
            for c in counts:
                assert c.hidden or not 0 < c.value < 3
                shown += not c.hidden
    assert shown and hidden
    assert not any(c.hidden for row in report.tables[0].rows for c in row.cells)


def test_the_scorecard_hides_small_counts_of_people_and_follows_the_profile() -> None:
    def row(pd: str | None, code: str, unit: str, value: int, prev: int) -> dict:
        return {"scope": "pd" if pd else "kabupaten", "pd_name": pd, "indicator_code": code,
                "unit": unit, "value": Decimal(value), "value_prev": Decimal(prev),
                "change": Decimal(value - prev)}
    rows = [row(None, "I.2.4", "orang", 12, 9), row("A", "I.2.4", "orang", 1, 1),
            row("B", "I.2.4", "orang", 5, 4), row("C", "I.2.4", "orang", 6, 4),
            row("A", "I.2.10", "%", 50, 50), row("B", "I.2.10", "%", 25, 20),
            row("A", "ARG.SUBKEG", "kegiatan", 1, 1)]
    hidden = scorecard_hidden(rows, 3, profile_hidden_rows={("B", 5)})
    assert {("A", "I.2.4", "value"), ("A", "I.2.4", "value_prev")} <= hidden
    assert ("B", "I.2.10", "value") in hidden and ("A", "I.2.10", "value") not in hidden
    assert not any(k[1] == "ARG.SUBKEG" for k in hidden)  # sub kegiatan are not people
    values = {(r["pd_name"] or "", r["indicator_code"], f): r[f] for r in rows
              if r["indicator_code"] == "I.2.4" for f in ("value", "value_prev", "change")}
    equations = [Equation.total([(p, "I.2.4", "value_prev"), (p, "I.2.4", "change")],
                                (p, "I.2.4", "value")) for p in "ABC"]
    equations += [Equation.total([(p, "I.2.4", f) for p in "ABC"], ("", "I.2.4", f))
                  for f in ("value", "value_prev")]
    pd_hidden = {k for k in hidden if k[1] == "I.2.4"}
    assert recoverable(values, equations, pd_hidden) == {}


# --- formula neutralisation, sheet names, numbers --------------------------------------------

@pytest.mark.parametrize("text", ['=HYPERLINK("http://example.com","klik")', "+1+2", "-3",
                                  "@SUM(A1)", "\t=1"])
def test_text_that_looks_like_a_formula_stays_text(text: str, tmp_path: Path) -> None:
    assert looks_like_formula(text) and csv_safe(text) == "'" + text
    book = openpyxl.Workbook()
    set_text(book.active["A1"], text)
    set_text(book.active["A2"], "Dinas Kesehatan")
    book.save(tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    assert sheet["A1"].value == text and sheet["A1"].data_type == "s"
    assert sheet["A1"].quotePrefix and not sheet["A2"].quotePrefix


def test_carriage_return_and_plain_text() -> None:
    assert looks_like_formula("\r=1") and csv_safe("\r=1") == "'\r=1"
    assert not looks_like_formula("Dinas Kesehatan") and csv_safe("50 %") == "50 %"


def test_sheet_names_are_valid_unique_and_short() -> None:
    names = sheet_names(["Kabupaten", "Dinas Pemberdayaan Masyarakat dan Desa Kabupaten",
                         "Dinas Pemberdayaan Masyarakat dan Desa Provinsi", "kabupaten",
                         "Bagian [Umum]: Tata/Usaha?", "History", "'Quoted'"])
    assert all(0 < len(n) <= 31 for n in names)
    assert len({n.lower() for n in names}) == len(names)
    assert not any(set(n) & set("[]:*?/\\") for n in names)
    assert names[0] == "Kabupaten" and names[3] != "kabupaten" and names[5] != "History"
    assert not names[6].startswith("'")


def test_numbers_are_written_the_indonesian_way() -> None:
    assert format_number(1234567, "int") == "1.234.567"
    assert format_number(Decimal("57.4"), "pct") == "57,4"
    assert format_number(Decimal("79479121178.00"), "money") == "79.479.121.178,00"
    assert format_number(None, "int") == "-"
