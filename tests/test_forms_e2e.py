"""End to end: the layouts of real hand-made files are read as the same data as the same files
in plain form.

The shared run reads the sample as agencies write it (letterheads, names over two lines,
(L/P) headers, signature blocks under the table, a regulation's year above the budget year,
Tdk Hadir / TH / DL remarks). Here the same sample is written in plain form (the same people,
events and amounts: ``terpilah.sample.forms``) and every file of both is read by the nightly's
own reader: each pair must give the same accepted values (what the marts are built from) and
the same rejections, rule by rule. A reading mistake shows up as a difference (a signer counted
as a participant, a program named after the letterhead, a budget booked under the wrong year).
The marts of the real forms are checked against independent computations by the other
end-to-end tests; reading both forms, not running a second night, keeps the suite fast.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from shared_run import SAMPLE, shared_run

from ingest.extract import FileExtract, extract_file
from ingest.routing import source_for
from ingest.rules.collect import Severity
from ingest.sources import SOURCES
from terpilah.sample import SampleManifest, generate_sample

pytestmark = pytest.mark.slow

# Where a file's own row numbers are kept (they differ by the rows a layout adds).
FILE_COLUMNS = {"source_row", "_source_row", "source_sheet", "header_row"}
SUFFIXES = {".xlsx", ".csv"}


def _files(landing: Path) -> dict[Path, Path]:
    return {p.relative_to(landing): p for p in sorted(landing.rglob("*"))
            if p.suffix.lower() in SUFFIXES and p.parts[len(landing.parts)] in SOURCES}


def _read(path: Path, relative: Path) -> FileExtract:
    """Read as the nightly does: the folder's source, or in a shared folder (budget and ARG)
    the source the header fits."""
    data_date = date.fromisoformat(relative.parts[1])
    return extract_file(path, SOURCES[source_for(path, relative.parts[0])], data_date)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, SampleManifest]:
    real = shared_run(tmp_path_factory)
    root = tmp_path_factory.mktemp("plain_forms")
    generate_sample(root / "landing", **SAMPLE, forms="plain")  # type: ignore[arg-type]
    return real.landing, root / "landing", real.manifest


def test_the_real_sample_carries_the_layouts(runs: tuple[Path, Path, SampleManifest]) -> None:
    _, _, manifest = runs
    assert any(t.letterhead for t in manifest.training)
    assert any(t.title_lines == 2 for t in manifest.training)
    assert any(t.signature for t in manifest.training)


def _values(fx: FileExtract) -> pd.DataFrame:
    if fx.values is None or fx.rejected is None:
        return pd.DataFrame()
    frame = fx.accepted_values()
    keep = sorted(c for c in frame.columns if c not in FILE_COLUMNS)
    return frame[keep].astype("string").sort_values(keep).reset_index(drop=True)


def _rejections(fx: FileExtract) -> Counter[str]:
    rejected = fx.issues[fx.issues["severity"] == Severity.REJECT]
    return Counter(rejected["rule"].astype(str))


def test_every_file_reads_as_its_plain_form(runs: tuple[Path, Path, SampleManifest]) -> None:
    real_landing, plain_landing, _ = runs
    real, plain = _files(real_landing), _files(plain_landing)
    assert set(real) == set(plain) and len(real) >= 20
    sources, rejections = set(), Counter[str]()
    for relative in sorted(real):
        a, b = _read(real[relative], relative), _read(plain[relative], relative)
        assert (a.problem is None) == (b.problem is None), (relative, a.problem, b.problem)
        assert a.rows_accepted == b.rows_accepted, relative
        assert _rejections(a) == _rejections(b), relative
        rejections += _rejections(a)
        pd.testing.assert_frame_equal(_values(a), _values(b), obj=str(relative))
        assert a.source == b.source, relative
        sources.add(a.source)
    assert sources == set(SOURCES)
    assert rejections.total() > 0  # the sample's flaws are held back in both forms alike
