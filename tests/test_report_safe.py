"""`terpilah report` on a crafted warehouse (no flow run): PD names that are formulas or HTML
stay inert text in the workbook and the page, a missing mart degrades with a clear note, and
the threshold can be changed or switched off."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import duckdb
import openpyxl
import pytest
from test_report_suppression import fake_profile
from typer.testing import CliRunner

from terpilah.cli.main import app

runner = CliRunner()
EVIL = ['=HYPERLINK("http://example.com/x","klik")', "@SUM(A1:A9)", "+62 812",
        "-1+1", "<script>alert(1)</script> & Co"]
DAY = date(2025, 12, 31)


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    """A DuckDB file with only marts.asn_profile, for PDs with hostile names."""
    rows = fake_profile({name: 10 + 7 * i for i, name in enumerate(EVIL)}, seed=5)
    path = tmp_path / "crafted.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    con.execute("create table marts.asn_profile (data_date date, scope varchar, "
                "pd_name varchar, kategori varchar, sub_kategori varchar, urutan integer, "
                "pria integer, wanita integer, total integer, pct_wanita decimal(4, 1))")
    for day in (date(2025, 11, 30), DAY):
        con.executemany("insert into marts.asn_profile values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [[day, r["scope"], r["pd_name"], r["kategori"], r["sub_kategori"],
                          r["urutan"], r["pria"], r["wanita"], r["total"], r["pct_wanita"]]
                         for r in rows])
    con.close()
    return path


def _report(warehouse: Path, out: Path, *extra: str) -> object:
    return runner.invoke(app, ["report", "--warehouse", str(warehouse), "--out", str(out),
                               *extra])


def test_hostile_pd_names_stay_text(warehouse: Path, tmp_path: Path) -> None:
    result = _report(warehouse, tmp_path / "out")
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(tmp_path / "out" / f"profil-statistik-asn-{DAY}.xlsx")
    seen = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    for name in EVIL:
                        if name in cell.value:
                            seen.add(name)
                            if cell.value.startswith(("=", "+", "-", "@")):
                                assert cell.quotePrefix, cell.value
    assert seen == set(EVIL)
    index = book["Daftar Sheet"]
    links = [c.hyperlink.location or c.hyperlink.target for row in index.iter_rows()
             for c in row if c.hyperlink is not None]
    assert len(links) == len(EVIL) and all(link.startswith("'") or "!" in link
                                           for link in links)
    html = (tmp_path / "out" / f"profil-statistik-asn-{DAY}.html").read_text("utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert len(re.findall(r"<script\b", html)) == 2  # the JSON block and the chart code


def test_missing_marts_are_named_and_the_rest_is_written(warehouse: Path,
                                                          tmp_path: Path) -> None:
    result = _report(warehouse, tmp_path / "out")
    assert result.exit_code == 0
    output = " ".join(result.output.split())
    assert "marts.career_pyramid is missing" in output
    assert "marts.ape_scorecard is missing" in output
    assert "no participant list of 2025" in output and "no budget of 2025" in output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        f"profil-statistik-asn-{DAY}.html", f"profil-statistik-asn-{DAY}.xlsx"]
    html = (tmp_path / "out" / f"profil-statistik-asn-{DAY}.html").read_text("utf-8")
    assert "marts.career_pyramid tidak ada" in html  # the page says so too


def test_the_threshold_can_be_raised_or_switched_off(warehouse: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def hidden(out: Path) -> int:
        book = openpyxl.load_workbook(out / f"profil-statistik-asn-{DAY}.xlsx")
        return sum(c == "*" for sheet in book.worksheets[2:]
                   for row in sheet.iter_rows(values_only=True) for c in row)

    assert _report(warehouse, tmp_path / "off", "--min-count", "0").exit_code == 0
    assert _report(warehouse, tmp_path / "default").exit_code == 0
    monkeypatch.setenv("TERPILAH_REPORT_MIN_COUNT", "5")
    assert _report(warehouse, tmp_path / "five").exit_code == 0
    assert hidden(tmp_path / "off") == 0 < hidden(tmp_path / "default") < hidden(
        tmp_path / "five")


def test_user_mistakes_exit_cleanly(warehouse: Path, tmp_path: Path) -> None:
    for args, message in ((["--as-of", "31-12-2025"], "must be a date like"),
                          (["--as-of", "2025-06-30"], "Available dates: 2025-11-30, 2025-12-31"),
                          (["--min-count", "-1"], "greater than or equal to 0")):
        result = _report(warehouse, tmp_path / "out", *args)
        assert result.exit_code == 2, (args, result.output)
        assert message in " ".join(result.output.split()) and "Traceback" not in result.output
    result = _report(tmp_path / "none.duckdb", tmp_path / "out")
    assert result.exit_code == 2 and "No warehouse at" in result.output
    assert not (tmp_path / "none.duckdb").exists()
