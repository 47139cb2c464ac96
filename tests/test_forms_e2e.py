"""End to end: the layouts of real hand-made files give the same marts as the same data in
plain form.

The shared run reads the sample as agencies write it (letterheads, names over two lines,
(L/P) headers, signature blocks under the table, a regulation's year above the budget year,
Tdk Hadir / TH / DL remarks). Here the same sample is written in plain form (the same people,
events and amounts: ``terpilah.sample.forms``) and run on its own warehouse: every mart must be
equal, row for row. A reading mistake shows up as a difference (a signer counted as a
participant, a program named after the letterhead, a budget booked under the wrong year).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from flow_helpers import query, run_nightly
from shared_run import SAMPLE, shared_run

from terpilah.sample import SampleManifest, generate_sample

pytestmark = pytest.mark.slow

# Where a file's own row numbers or name are kept (they differ by the rows a layout adds).
FILE_COLUMNS = {"source_file", "source_row", "source_sheet", "header_row"}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, SampleManifest]:
    real = shared_run(tmp_path_factory)
    root = tmp_path_factory.mktemp("plain_forms")
    generate_sample(root / "landing", **SAMPLE, forms="plain")  # type: ignore[arg-type]
    result = run_nightly(root / "landing", root / "wh.duckdb")
    assert result.status == real.result.status, result.dbt_failures
    return real.warehouse, root / "wh.duckdb", real.manifest


def _marts(warehouse: Path) -> list[str]:
    names = query(warehouse, "select table_name from information_schema.tables "
                             "where table_schema = 'marts' order by 1")
    return list(names["table_name"])


def test_the_real_sample_carries_the_layouts(runs: tuple[Path, Path, SampleManifest]) -> None:
    _, _, manifest = runs
    assert any(t.letterhead for t in manifest.training)
    assert any(t.title_lines == 2 for t in manifest.training)
    assert any(t.signature for t in manifest.training)


def test_every_mart_equals_the_plain_forms(runs: tuple[Path, Path, SampleManifest]) -> None:
    real, plain, _ = runs
    names = _marts(real)
    assert names == _marts(plain) and len(names) >= 15
    for name in names:
        a = query(real, f"select * from marts.{name}")
        b = query(plain, f"select * from marts.{name}")
        keep = [c for c in a.columns if c not in FILE_COLUMNS]
        a, b = (f[keep].sort_values(keep).reset_index(drop=True) for f in (a, b))
        assert len(a) > 0 or name in ("arg_unmatched_tags",), name
        pd.testing.assert_frame_equal(a, b, check_dtype=False, obj=f"marts.{name}")


def test_nothing_from_a_signature_block_is_held_back(
        runs: tuple[Path, Path, SampleManifest]) -> None:
    real, plain, _ = runs
    sql = ("select source, count(*) as n from audit.quarantine group by source order by source")
    pd.testing.assert_frame_equal(query(real, sql), query(plain, sql))
