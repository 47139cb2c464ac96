"""`terpilah report` checked as a person would see it: a generated sample through the real
nightly flow (the run shared by the modules that only read the marts), then the command; the
workbooks opened with openpyxl (figures equal the marts, small counts hidden so that nothing
hidden can be recomputed), converted to PDF by LibreOffice (landscape, one page wide), the HTML
pages rendered by headless Chromium (every chart drawn), and no personal data anywhere."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import defaultdict
from decimal import Decimal
from types import SimpleNamespace

import openpyxl
import pandas as pd
import pytest
from flow_helpers import records
from independent_profile import expected_profile
from pypdf import PdfReader
from shared_run import shared_run
from test_report_suppression import recoverable
from typer.testing import CliRunner

from terpilah.cli.main import app
from terpilah.report.suppress import Equation
from terpilah.sample import SampleManifest

pytestmark = pytest.mark.slow

runner = CliRunner()
COUNTS = ("pria", "wanita", "total")
GROUPS = (("Total ASN", ("PNS", "PPPK")),
          ("Total ASN", ("JPT Pratama (Eselon II)", "Administrator (Eselon III)",
                         "Pengawas (Eselon IV)", "Pelaksana", "Jabatan Fungsional (Total)")),
          ("Jabatan Fungsional (Total)", ("JF Guru", "JF Kesehatan", "JF Teknis Lainnya")),
          ("PNS", ("Golongan IV", "Golongan III", "Golongan II", "Golongan I")),
          ("Total ASN", ("S3/S2", "S1/D4", "D3/D2/D1", "SLTA ke bawah")),
          ("Total ASN", ("> 50 tahun", "41 - 50 tahun", "31 - 40 tahun", "<= 30 tahun")),
          ("Total ASN", ("> 15 tahun", "6 - 15 tahun", "0 - 5 tahun")))
CHARTS = {"profil-statistik-asn": {"pyramid", "trend-total", "trend-wanita"},
          "skor-ape": {"scorecard"}, "literasi-digital": {"literacy"},
          "anggaran-responsif-gender": {"arg"}}


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise RuntimeError(f"{name} not found: run `bash scripts/ensure-report-tools.sh` "
                           "(the test script does).")
    return found


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    """The shared nightly run (every source; read only), reported into a folder of ours."""
    shared = shared_run(tmp_path_factory)
    assert shared.result.status == "success", shared.result.dbt_failures
    landing, warehouse = shared.landing, shared.warehouse
    root = tmp_path_factory.mktemp("report")
    out = root / "reports"
    cli = runner.invoke(app, ["report", "--warehouse", str(warehouse), "--out", str(out)])
    day = max(d["data_date"] for d in records(warehouse, "select distinct data_date from "
                                                       "marts.asn_profile"))
    return SimpleNamespace(landing=landing, warehouse=warehouse, out=out, cli=cli, day=day,
                           root=root)


def test_the_command_writes_every_report_and_lists_it(run: SimpleNamespace) -> None:
    assert run.cli.exit_code == 0, run.cli.output
    day, year = run.day.isoformat(), run.day.year
    want = {f"{stem}{ext}" for stem in (f"profil-statistik-asn-{day}", f"skor-ape-{day}",
                                        f"literasi-digital-{year}",
                                        f"anggaran-responsif-gender-{year}")
            for ext in (".xlsx", ".html")}
    assert {p.name for p in run.out.iterdir()} == want
    printed = re.sub(r"\s+", "", run.cli.output)
    assert all(name in printed for name in want)


def test_an_unknown_date_is_a_clear_error(run: SimpleNamespace) -> None:
    result = runner.invoke(app, ["report", "--warehouse", str(run.warehouse), "--out",
                                 str(run.root / "other"), "--as-of", "2024-02-29"])
    assert result.exit_code == 2
    assert "Available dates" in result.output and run.day.isoformat() in result.output
    assert "Traceback" not in result.output and result.exception.__class__ is SystemExit
    assert not (run.root / "other").exists()


def _workbook(run: SimpleNamespace, stem: str) -> openpyxl.Workbook:
    return openpyxl.load_workbook(run.out / f"{stem}.xlsx")


def _table(sheet: object) -> dict[str, list]:
    """Rows under the header row (first cell 'Uraian' or the like) keyed by their label."""
    rows = list(sheet.iter_rows(values_only=True))  # type: ignore[attr-defined]
    header = next(i for i, r in enumerate(rows) if r[1] is not None and r[0] is not None)
    table = {}
    for r in rows[header + 1:]:
        if r[0] is None:
            break
        if any(v is not None for v in r[1:]):
            table[r[0]] = list(r[1:])
    return table


def _profile_sheets(run: SimpleNamespace) -> tuple[dict, dict[str, dict]]:
    book = _workbook(run, f"profil-statistik-asn-{run.day.isoformat()}")
    assert book.sheetnames[:2] == ["Kabupaten", "Daftar Sheet"]
    index = _table(book["Daftar Sheet"])  # No -> [sheet, PD name]
    pds = {pd: _table(book[sheet]) for sheet, pd in index.values()}
    return _table(book["Kabupaten"]), pds


def test_the_profile_workbook_equals_the_mart_and_the_sample(run: SimpleNamespace) -> None:
    kabupaten, pds = _profile_sheets(run)
    rows = records(run.warehouse, "select * from marts.asn_profile where data_date = "
                f"date '{run.day}'")
    want = {(r["pd_name"], r["sub_kategori"]): r for r in rows}
    assert set(pds) == {r["pd_name"] for r in rows if r["scope"] == "pd"}
    for label, (pria, wanita, total, pct) in kabupaten.items():
        r = want[(None, label)]
        assert (pria, wanita, total) == (r["pria"], r["wanita"], r["total"]), label
        assert pct == (None if r["pct_wanita"] is None else float(r["pct_wanita"])), label
        assert all(isinstance(v, int) for v in (pria, wanita, total))  # numbers, not text
    assert len(kabupaten) == 26
    shown = hidden = 0
    for name, table in pds.items():
        assert len(table) == 26
        for label, (*counts, pct) in table.items():
            r = want[(name, label)]
            for col, value in zip(COUNTS, counts, strict=True):
                if value == "*":
                    hidden += 1
                else:
                    shown += 1
                    assert value == r[col] and not 0 < r[col] < 3, (name, label, col)
            assert (pct == "*") == ("*" in counts), (name, label)
            if pct != "*" and pct is not None:
                assert pct == float(r["pct_wanita"])
    assert shown > 0 and hidden > 0
    # the kabupaten table against an independent count of the sample files
    independent = expected_profile(run.landing)
    independent = independent[(independent["scope"] == "kabupaten")
                              & (independent["data_date"] == run.day)]
    for r in independent.itertuples():
        assert kabupaten[r.sub_kategori][:2] == [r.pria, r.wanita], r.sub_kategori


def test_no_hidden_profile_cell_can_be_recomputed_from_the_workbook(run: SimpleNamespace
                                                                     ) -> None:
    """Everything an attacker has: the published workbook and how Tabel 4.1 adds up."""
    kabupaten, pds = _profile_sheets(run)
    values, hidden = {}, set()
    truth = {(r["pd_name"], r["sub_kategori"], c): r[c] for r in records(
        run.warehouse, f"select * from marts.asn_profile where data_date = date '{run.day}' "
        "and scope = 'pd'") for c in COUNTS}
    for name, table in [(None, kabupaten), *pds.items()]:
        for label, cells in table.items():
            for col, value in zip(COUNTS, cells, strict=False):
                key = (name, label, col)
                if value == "*":
                    hidden.add(key)
                    values[key] = truth[key]  # only to tell the solver a true solution
                else:
                    values[key] = value
    equations = []
    for name in [None, *pds]:
        for label in kabupaten:
            equations.append(Equation.total([(name, label, "pria"), (name, label, "wanita")],
                                            (name, label, "total")))
        for parent, children in GROUPS:
            equations += [Equation.total([(name, c, col) for c in children],
                                         (name, parent, col)) for col in COUNTS]
    equations += [Equation.total([(name, label, col) for name in pds], (None, label, col))
                  for label in kabupaten for col in COUNTS]
    for equation in equations:  # the published tables do add up
        assert sum(k * values[c] for c, k in equation.terms) == 0
    small = {k for k in hidden if 0 < values[k] < 3}
    assert small and all(not 0 < v < 3 for k, v in values.items() if k not in hidden and k[0])
    assert recoverable(values, equations, hidden) == {}


def test_scorecard_literacy_and_arg_workbooks_equal_their_marts(run: SimpleNamespace) -> None:
    day, year = run.day, run.day.year
    book = _workbook(run, f"skor-ape-{day.isoformat()}")
    assert book.sheetnames == ["Kabupaten", "Per PD"]
    scorecard = records(run.warehouse, "select * from marts.ape_scorecard where scope = "
                     f"'kabupaten' and ((period_type = 'date' and data_date = date '{day}') or "
                     f"(period_type = 'year' and data_date = date '{year}-12-31'))")
    table = _table(book["Kabupaten"])
    assert set(table) == {r["indicator_code"] for r in scorecard}
    for r in scorecard:
        cells = table[r["indicator_code"]]
        assert cells[0] == r["indicator_name"] and cells[1] == r["unit"]
        for value, want in zip((cells[3], cells[4], cells[6], cells[7]),
                               (r["value"], r["target"], r["value_prev"], r["change"]),
                               strict=True):
            assert (value is None and want is None) or Decimal(str(value)) == want, r
    per_pd = [r for r in book["Per PD"].iter_rows(values_only=True)]
    assert any(r[4] == "*" for r in per_pd) or not any(
        r["unit"] == "orang" and 0 < r["value"] < 3 for r in records(
            run.warehouse, "select * from marts.ape_scorecard where scope = 'pd'"))

    book = _workbook(run, f"literasi-digital-{year}")
    summary = records(run.warehouse, "select * from marts.literacy_summary where period_type = "
                   f"'year' and period = date '{year}-01-01'")
    table = _table(book["Per program"])
    assert set(table) == {r["program"] for r in summary}
    for r in summary:
        cells = table[r["program"]]
        assert cells[:6] == [r["participants_pria"], r["participants_wanita"],
                             r["participants_unknown_sex"], r["participants_total"],
                             r["attendances_total"], float(r["pct_wanita"])]

    book = _workbook(run, f"anggaran-responsif-gender-{year}")
    by_pd = records(run.warehouse, f"select * from marts.arg_by_pd where tahun_anggaran = {year}")
    table = _table(book["Per PD"])
    assert len(table) == len(by_pd)
    for r in by_pd:
        cells = table[r["pd_name"] or r["kode_skpd"]]
        assert [Decimal(str(c)) for c in cells[1:4]] == [r["pagu_total"], r["pagu_arg"],
                                                         r["pct_arg"]]
    kab = records(run.warehouse, "select * from marts.arg_summary where dimension = 'kabupaten' "
               f"and tahun_anggaran = {year}")[0]
    row = _table(book["Ringkasan"])[kab["label"]]
    assert Decimal(str(row[0])) == kab["pagu_total"] and Decimal(str(row[1])) == kab["pagu_arg"]


def test_every_chart_draws_in_a_browser(run: SimpleNamespace) -> None:
    chromium = tool("chromium")
    profile = run.root / "chromium"
    flags = [chromium, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--no-first-run",
             f"--user-data-dir={profile}", "--virtual-time-budget=5000"]
    dates = len(records(run.warehouse, "select distinct data_date from marts.asn_profile"))
    for page in sorted(run.out.glob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
        assert "Content-Security-Policy" in html
        assert not re.search(r">(True|False|None|nan)<", html)  # Indonesian words, not Python
        dom = subprocess.run([*flags, "--dump-dom", page.as_uri()], capture_output=True,
                             text=True, timeout=120, check=True).stdout
        figures = dict(re.findall(
            r'<figure data-chart="([^"]+)" data-drawn="true" data-marks="(\d+)"', dom))
        stem = next(s for s in CHARTS if page.name.startswith(s))
        assert set(figures) == CHARTS[stem], (page.name, figures)
        assert all(int(n) > 0 for n in figures.values())
        if stem == "profil-statistik-asn":
            assert int(figures["trend-total"]) == dates and figures["pyramid"] == "10"
    shot = run.root / "profile.png"
    page = next(run.out.glob("profil-statistik-asn-*.html"))
    subprocess.run([*flags, "--window-size=1200,1600", f"--screenshot={shot}", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert shot.stat().st_size > 20_000  # a blank page compresses to a few kilobytes


def test_the_workbooks_print_landscape_and_one_page_wide(run: SimpleNamespace) -> None:
    soffice = tool("soffice")
    pdf_dir = run.root / "pdf"
    books = sorted(run.out.glob("*.xlsx"))
    subprocess.run([soffice, f"-env:UserInstallation={(run.root / 'lo').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(pdf_dir),
                    *map(str, books)], capture_output=True, timeout=300, check=True)
    for book_path in books:
        book = openpyxl.load_workbook(book_path)
        last_headers = set()
        for sheet in book.worksheets:
            assert sheet.page_setup.orientation == "landscape"
            assert sheet.sheet_properties.pageSetUpPr.fitToPage
            assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
            header = next(r for r in sheet.iter_rows(values_only=True)
                          if r[0] is not None and r[1] is not None)
            last_headers.add(" ".join(str(header[-1]).split()))
        pages = PdfReader(pdf_dir / f"{book_path.stem}.pdf").pages
        assert len(pages) >= len(book.worksheets)
        for number, page in enumerate(pages):
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            if (page.get("/Rotate") or 0) % 180:
                width, height = height, width
            assert width > height, (book_path.name, number)
            text = " ".join(page.extract_text().split())
            # the header row repeats on every page: a table cut across pages would leave a
            # page without its last column
            assert any(h in text for h in last_headers), (book_path.name, number)


def test_no_personal_data_in_any_report(run: SimpleNamespace) -> None:
    names: set[str] = set()
    for file in SampleManifest.load(run.landing).files:
        path = run.landing / file.path
        if file.layout == "siasn":
            frame = pd.read_excel(path, sheet_name="Data Utama", dtype=str, engine="openpyxl")
        else:
            frame = pd.read_csv(path, sep=";", encoding="cp1252", dtype=str,
                                skiprows=file.header_row - 1)
        names |= set(frame["NAMA"].dropna())
    names.discard("JUMLAH")
    assert len(names) > 100
    id_like = re.compile(r"\d{16,18}|\d{8} \d{6} \d \d{3}")
    for path in run.out.iterdir():
        if path.suffix == ".xlsx":
            texts = {str(v) for sheet in openpyxl.load_workbook(path).worksheets
                     for row in sheet.iter_rows(values_only=True) for v in row if v is not None}
            assert not texts & names, path.name
            text = "\n".join(texts)
        else:
            text = path.read_text(encoding="utf-8")
            assert not [n for n in names if len(n) > 8 and n in text], path.name
        assert not id_like.search(text), path.name


def test_each_report_is_a_dbt_exposure_of_the_marts_it_reads(run: SimpleNamespace) -> None:
    manifest = json.loads((run.warehouse.parent / "dbt_target" / "manifest.json").read_text())
    exposures = {e["name"]: e for e in manifest["exposures"].values()}
    reads = {"profil_statistik_asn": {"asn_profile", "career_pyramid"},
             "skor_ape": {"ape_scorecard", "asn_profile"},
             "literasi_digital": {"literacy_summary", "literacy_participants"},
             "anggaran_responsif_gender": {"arg_summary", "arg_by_pd"}}
    assert set(exposures) == set(reads)
    for name, exposure in exposures.items():
        assert {n.split(".")[-1] for n in exposure["depends_on"]["nodes"]} == reads[name]
        assert exposure["owner"]["email"].endswith("@example.go.id")
        url = exposure["url"].replace("<as-of>", run.day.isoformat()).replace(
            "<year>", str(run.day.year))
        assert (run.out / url).exists() and (run.out / url).with_suffix(".xlsx").exists()


def test_suppression_is_consistent_across_sheets(run: SimpleNamespace) -> None:
    """The PD sheets of a row never leave exactly one hidden PD value of a column (it would
    be the kabupaten minus the others)."""
    _, pds = _profile_sheets(run)
    hidden_per_cell: dict[tuple[str, int], int] = defaultdict(int)
    for table in pds.values():
        for label, cells in table.items():
            for index, value in enumerate(cells[:3]):
                hidden_per_cell[(label, index)] += value == "*"
    assert all(n != 1 for n in hidden_per_cell.values())
