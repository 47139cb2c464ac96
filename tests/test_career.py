"""End to end: generated SIMPEG extracts over three months -> the real nightly flow (snapshot
replay included) -> marts.career_pyramid and marts.career_cohorts, checked in full against an
independent pandas computation from the same files.

The generator promotes people between months but never demotes anyone, so before the run one
structural official of a 5/10/15-year cohort is made pelaksana in the last extract (relieved of
the post): on that date the cohort must still count them as having reached their old level.
It has its own run rather than the shared one of ``shared_run.py``, whose sample changes
nobody's level in its three months.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pandas as pd
import pytest
from flow_helpers import rows, run_nightly
from independent_career import (
    COUNTS,
    HORIZONS,
    cohort_members,
    demote_in_local_csv,
    expected_cohorts,
    expected_pyramid,
    people,
)

from terpilah.sample import generate_sample

pytestmark = pytest.mark.slow

PYRAMID_KEYS = ("data_date", "scope", "pd_name", "level_code")
COHORT_KEYS = ("data_date", "horizon_years", "pendidikan_kelompok", "jenis_kelamin")
COHORT_VALUES = ("entry_year", *COUNTS, "pct_reached_pengawas", "pct_reached_administrator",
                 "pct_reached_jpt")


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    root = tmp_path_factory.mktemp("career")
    landing = root / "landing"
    manifest = generate_sample(landing, scale="small", seed=3, months=3, layout="mixed",
                               flaws=True)
    last = manifest.files[-1]
    assert last.layout == "local"
    last_date = date.fromisoformat(last.data_date)
    before = people(landing)
    cohort_years = {last_date.year - h for h in HORIZONS}
    earlier = before[(before["data_date"] < last_date) & before["asn"]
                     & (before["status"] == "PNS") & (before["rank"] >= 3)
                     & before["entry_year"].isin(cohort_years)]
    now = before[(before["data_date"] == last_date) & (before["rank"] >= 3)]
    candidates = sorted(set(earlier["nip"]) & set(now["nip"]))
    assert candidates, "the sample has no structural official in a 5/10/15-year cohort"
    demoted = candidates[0]
    demote_in_local_csv(landing / last.path, demoted)
    warehouse = root / "warehouse" / "terpilah.duckdb"
    result = run_nightly(landing, warehouse)
    everyone = people(landing)  # the files as loaded, demotion included
    return SimpleNamespace(landing=landing, warehouse=warehouse, result=result,
                           people=everyone, members=cohort_members(everyone),
                           last_date=last_date, demoted=demoted,
                           dates=[date.fromisoformat(f.data_date) for f in manifest.files])


def _mart(run: SimpleNamespace, table: str, keys: tuple[str, ...],
          values: tuple[str, ...]) -> dict[tuple[object, ...], tuple[object, ...]]:
    got = rows(run.warehouse, f"select {', '.join(keys + values)} from marts.{table}")
    return {row[:len(keys)]: row[len(keys):] for row in got}


def _diff(got: dict[tuple[object, ...], tuple[object, ...]],
          want: dict[tuple[object, ...], tuple[object, ...]]) -> list[str]:
    lines = [f"{key}: got {got.get(key)}, want {want.get(key)}"
             for key in sorted(set(got) | set(want), key=repr) if got.get(key) != want.get(key)]
    return lines[:20]


def test_run_builds_both_marts(run: SimpleNamespace) -> None:
    assert run.result.status == "success", run.result.dbt_failures
    assert {"marts.career_pyramid", "marts.career_cohorts"} <= set(run.result.marts)


def test_pyramid_equals_independent_computation(run: SimpleNamespace) -> None:
    want_frame = expected_pyramid(run.people)
    want = {tuple(None if pd.isna(r[k]) else r[k] for k in PYRAMID_KEYS): (r["pria"], r["wanita"])
            for r in want_frame.to_dict("records")}
    got_full = _mart(run, "career_pyramid", PYRAMID_KEYS, ("pria", "wanita", "total",
                                                           "pct_wanita"))
    got = {key: value[:2] for key, value in got_full.items()}
    assert not _diff(got, want), "\n".join(_diff(got, want))
    # every date, the kabupaten and each PD, five levels each
    pds = want_frame[want_frame["scope"] == "pd"].groupby("data_date")["pd_name"].nunique()
    assert len(got) == 5 * (len(run.dates) + int(pds.sum())) and pds.min() >= 8
    for (pria, wanita, total, pct_wanita) in got_full.values():
        assert total == pria + wanita
        assert (pct_wanita is None) == (total == 0)


def test_cohorts_equal_independent_computation(run: SimpleNamespace) -> None:
    want_frame = expected_cohorts(run.members, run.dates)
    want = {tuple(r[k] for k in COHORT_KEYS): tuple(r[k] for k in COHORT_VALUES)
            for r in want_frame.to_dict("records")}
    got = _mart(run, "career_cohorts", COHORT_KEYS, COHORT_VALUES)
    assert len(got) == 45 * len(run.dates)
    assert not _diff(got, want), "\n".join(_diff(got, want))
    # not vacuous: every date has cohorts, some of whose members reached a structural level
    totals = want_frame[(want_frame["pendidikan_kelompok"] == "Semua")
                        & (want_frame["jenis_kelamin"] == "Semua")]
    assert (totals.groupby("data_date")["cohort_size"].min() > 0).all()
    assert (totals.groupby("data_date")["reached_pengawas"].sum() > 0).all()


def test_demoted_official_still_counts_as_reached(run: SimpleNamespace) -> None:
    members = run.members
    person = members[(members["nip"] == run.demoted) & (members["data_date"] == run.last_date)]
    assert len(person) == 1 and person["rank"].iloc[0] == 1  # pelaksana now
    reached = int(person["highest_rank"].iloc[0])
    horizon, sex = int(person["horizon_years"].iloc[0]), person["sex"].iloc[0]
    assert reached >= 3
    cell = members[(members["data_date"] == run.last_date)
                   & (members["horizon_years"] == horizon) & (members["sex"] == sex)]
    by_history = int((cell["highest_rank"] >= reached).sum())
    by_current = int((cell["rank"] >= reached).sum())
    assert by_history > by_current
    level = {3: "pengawas", 4: "administrator", 5: "jpt"}[reached]
    got = rows(run.warehouse, f"""
        select reached_{level} from marts.career_cohorts
        where data_date = '{run.last_date}' and horizon_years = {horizon}
            and pendidikan_kelompok = 'Semua' and jenis_kelamin = '{sex}'""")
    assert got == [(by_history,)]


def test_sample_changes_careers_over_the_months(run: SimpleNamespace) -> None:
    asn = run.people[run.people["asn"]]
    levels = asn.groupby("nip")["rank"].nunique()
    changed = set(levels[levels > 1].index)
    assert run.demoted in changed and len(changed) >= 2  # a promotion by the generator too
