"""End to end: generated participant lists -> the real nightly flow -> dbt -> the literacy
marts, checked against an independent pandas count from the files."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest
from flow_helpers import query
from independent_literacy import expected_summary
from shared_run import shared_run

pytestmark = pytest.mark.slow

COUNTS = ["participants_pria", "participants_wanita", "participants_total",
          "attendances_total", "fallback_identified"]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    return shared_run(tmp_path_factory)


def test_every_list_is_loaded_and_its_bad_rows_quarantined(run: SimpleNamespace) -> None:
    assert run.result.status == "success", run.result.dbt_failures
    lists = {f.file: f for f in run.result.files if f.source == "literacy"}
    assert len(lists) == len(run.manifest.literacy) >= 3
    for file in run.manifest.literacy:
        outcome = lists[file.path.rsplit("/", 1)[1]]
        want = sorted(f.row for f in file.flaws if f.expected == "rejected")
        assert outcome.status == "accepted" and outcome.quarantined_rows == want, file.path


def test_summary_equals_independent_count(run: SimpleNamespace) -> None:
    got = query(run.warehouse, f"select program, period, {', '.join(COUNTS)} from "
                "marts.literacy_summary where period_type = 'year'")
    got["year"] = pd.to_datetime(got["period"]).dt.year
    want = expected_summary(run.landing)
    merged = got.merge(want, on=["program", "year"], how="outer", suffixes=("", "_want"),
                       indicator=True)
    assert (merged["_merge"] == "both").all(), merged[merged["_merge"] != "both"]
    for col in COUNTS:
        diff = merged[merged[col] != merged[f"{col}_want"]]
        assert diff.empty, diff[["program", "year", col, f"{col}_want"]].to_string()
    total = merged[merged["program"] == "Semua program"]
    assert total["participants_total"].iloc[0] < total["attendances_total"].iloc[0]  # repeats


def test_dimensions_add_up_and_hold_no_personal_data(run: SimpleNamespace) -> None:
    dims = query(run.warehouse, "select dimension, sum(participants_total) as n from "
                 "marts.literacy_participants where period_type = 'year' and program = "
                 "'Semua program' group by 1")
    assert dims["n"].nunique() == 1 and set(dims["dimension"]) == {
        "total", "kecamatan", "age_group", "pekerjaan", "disabilitas"}
    columns = set(query(run.warehouse, "select column_name from information_schema.columns "
                        "where table_schema = 'marts'")["column_name"])
    assert not columns & {"nama", "nik", "nomor_hp", "tanggal_lahir", "participant_key"}
