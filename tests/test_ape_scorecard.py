"""End to end: a generated sample with SIMPEG, training, literacy and budget files over a year
boundary -> the real nightly flow -> dbt -> marts.ape_scorecard, checked against an
independent computation from the files and the generator's manifest (tests/independent_*.py),
and for its status, previous-period and personal-data rules."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from flow_helpers import rows
from independent_ape import (
    expected_arg,
    expected_facilitators,
    expected_i3,
    expected_i21,
    expected_i210,
    expected_internalisation,
    expected_literacy_women,
    i3_records,
    simpeg_frame,
)
from shared_run import shared_run

pytestmark = pytest.mark.slow

COLUMNS = ["data_date", "period_type", "scope", "pd_name", "indicator_code", "indicator_name",
           "unit", "value", "target", "target_operator", "status", "value_prev", "change",
           "source_mart", "urutan"]
TARGETS = {"I.2.1": Decimal(80), "I.3": Decimal(90), "ARG": Decimal(5), "ARG.PD": Decimal(80),
           "LD.W": Decimal(50)}
CODES = ["I.2.1", "I.2.1.PPRG", "I.2.4", "I.2.10", "I.2.11", "I.3", "ARG", "ARG.PD",
         "ARG.SUBKEG", "LD.W"]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    # The shared run: month ends over a year boundary (two I.3 years, each from its own latest
    # extract) and a literacy row held back for its sex.
    shared = shared_run(tmp_path_factory)
    got = rows(shared.warehouse, f"select {', '.join(COLUMNS)} from marts.ape_scorecard")
    shared.card = [dict(zip(COLUMNS, r, strict=True)) for r in got]
    return shared


def _values(run: SimpleNamespace, code: str) -> dict[tuple[date, str | None], object]:
    return {(r["data_date"], r["pd_name"]): r["value"] for r in run.card
            if r["indicator_code"] == code}


def test_the_run_builds_the_scorecard_and_its_tests_pass(run: SimpleNamespace) -> None:
    assert run.result.status == "success", run.result.dbt_failures
    assert "marts.ape_scorecard" in run.result.marts
    assert {r["indicator_code"] for r in run.card} == set(CODES)
    columns = rows(run.warehouse, "select column_name from information_schema.columns where "
                   "table_schema = 'marts' and table_name = 'ape_scorecard' "
                   "order by ordinal_position")
    assert [c[0] for c in columns] == COLUMNS
    assert all(isinstance(r["value"], Decimal) for r in run.card if r["value"] is not None)


def test_i3_equals_the_records_of_the_files(run: SimpleNamespace) -> None:
    want = expected_i3(run.landing)
    got = _values(run, "I.3")
    assert got == want
    years = {k[0].year for k in want}
    assert years == {2025, 2026}
    kabupaten = {k[0].year: v for k, v in want.items() if k[1] is None}
    assert all(v is not None and v < 100 for v in kabupaten.values())  # held-back sex rows
    records = i3_records(run.landing)
    assert {r.source for r in records if not r.valid} >= {"simpeg", "literacy"}
    assert len([k for k in want if k[1] is not None]) >= 2 * 8  # 8 PD, two years


def test_staff_indicators_equal_independent_computations(run: SimpleNamespace) -> None:
    assert _values(run, "I.2.1") == expected_i21(run.landing)
    leadership = _values(run, "I.2.10")
    want = expected_i210(run.landing)
    assert {k: v for k, v in leadership.items() if v is not None} == want
    assert {k for k in leadership if k[1] is None} == {
        (date.fromisoformat(d), None) for d in run.manifest.dates}
    facilitators = {k[0]: v for k, v in _values(run, "I.2.4").items() if k[1] is None}
    assert facilitators == {k: Decimal(v) for k, v in expected_facilitators(run.landing).items()}
    pprg = _values(run, "I.2.1.PPRG")
    assert set(pprg) == set(_values(run, "I.2.1"))  # the same levels and dates as I.2.1


def test_yearly_indicators_equal_independent_computations(run: SimpleNamespace) -> None:
    events = {k[0]: v for k, v in _values(run, "I.2.11").items()}
    assert events == {k: Decimal(v) for k, v in expected_internalisation(run.landing).items()}
    assert _values(run, "LD.W") == {(k, None): v
                                    for k, v in expected_literacy_women(run.landing).items()}
    want = expected_arg(run.landing)
    got = {(r["indicator_code"], r["data_date"], r["pd_name"]): r["value"] for r in run.card
           if r["indicator_code"].startswith("ARG")}
    assert got == {k: None if v is None else Decimal(v) for k, v in want.items()}
    assert len({k[1] for k in want}) == 3  # three budget years


def test_status_follows_value_and_target(run: SimpleNamespace) -> None:
    statuses = set()
    for r in run.card:
        assert r["target"] == TARGETS.get(r["indicator_code"]), r
        assert r["target_operator"] == (">" if r["indicator_code"] in TARGETS else None), r
        if r["target"] is None or r["value"] is None:
            want = None
        else:
            want = "tercapai" if r["value"] > r["target"] else "belum"
        assert r["status"] == want, r
        statuses.add(r["status"])
    assert statuses == {"tercapai", "belum", None}


def test_previous_period_and_change(run: SimpleNamespace) -> None:
    by_key = {(r["indicator_code"], r["scope"], r["pd_name"], r["data_date"]): r
              for r in run.card}
    dates = sorted(date.fromisoformat(d) for d in run.manifest.dates)
    with_prev = 0
    for r in run.card:
        if r["period_type"] == "date":
            earlier = [d for d in dates if d < r["data_date"]]
            previous = earlier[-1] if earlier else None
        else:
            assert (r["data_date"].month, r["data_date"].day) == (12, 31)
            previous = date(r["data_date"].year - 1, 12, 31)
        prev = by_key.get((r["indicator_code"], r["scope"], r["pd_name"], previous))
        assert r["value_prev"] == (prev["value"] if prev else None), r
        if r["value"] is None or r["value_prev"] is None:
            assert r["change"] is None, r
        else:
            assert r["change"] == r["value"] - r["value_prev"], r
            with_prev += 1
    assert with_prev > 0
    assert any(r["period_type"] == "year" and r["change"] is not None for r in run.card)


def test_scorecard_holds_no_personal_data(run: SimpleNamespace) -> None:
    names = set()
    for file in run.manifest.files:
        frame = simpeg_frame(run.landing, file)
        names |= {str(n).strip() for n in frame["NAMA"] if str(n).strip()}
    for r in run.card:
        for column in ("pd_name", "indicator_name", "source_mart"):
            text = r[column] or ""
            assert not re.search(r"\d{15,}", text), (column, text)
            assert text not in names, column
    assert not {"nip", "nik", "nama", "employee_key", "participant_key"} & set(COLUMNS)


def test_i3_counts_come_from_raw_rows_and_quarantine(run: SimpleNamespace) -> None:
    """SIMPEG part of I.3 per extract: the loaded rows plus the rows quarantined for sex."""
    got = rows(run.warehouse, "select data_date, sum(records_loaded), "
               "sum(records_rejected_sex), sum(records_valid_sex) from "
               "intermediate.int_ape_data_terpilah where source = 'simpeg' group by 1")
    want = {}
    for file in run.manifest.files:
        flaws = file.flaws
        rejected = {f.row for f in flaws if f.expected == "rejected"}
        by_sex = {f.row for f in flaws if f.expected == "rejected" and f.kind == "sex_conflict"}
        loaded = file.rows - len(rejected)
        want[date.fromisoformat(file.data_date)] = (loaded, len(by_sex), loaded)
    assert {r[0]: tuple(int(v) for v in r[1:]) for r in got} == want
    assert sum(v[1] for v in want.values()) > 0
