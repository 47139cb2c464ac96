"""The command line as an agency officer and the data team use it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

from terpilah.cli.main import app
from terpilah.sample import SampleManifest, generate_sample

runner = CliRunner()
HEADER = ["NO", "NIP", "NAMA", "L/P", "TGL LAHIR", "STATUS PEGAWAI", "GOL", "TMT CPNS",
          "JABATAN", "ESELON", "PENDIDIKAN", "UNIT KERJA"]
GOOD = [
    [1, "19680411 199303 1 009", "Budi", "L", "11-04-1968", "PNS", "III/a", "01-03-1993",
     "Camat", "III.a", "S1", "Kecamatan Ledo"],
    [2, "198504122010012011", "Ani", "P", "12 April 1985", "PNS", "III/b", "01-01-2010",
     "Guru Ahli Muda", "", "S-1/Sarjana", "Dinas Pendidikan dan Kebudayaan"],
]


def _xlsx(path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Pegawai"
    sheet.append(["DAFTAR NOMINATIF PEGAWAI"])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_validate_accepts_a_good_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(_xlsx(tmp_path / "ok.xlsx", GOOD)),
                                 "--as-of", "2025-12-31"])
    assert result.exit_code == 0, result.output
    assert "ACCEPTED" in result.output and "header in row 2" in result.output


def test_validate_lists_problems_and_rejects(tmp_path: Path) -> None:
    bad = [*GOOD, [3, 198504122010012011.0, "Citra", "P", "", "PNS", "II/a", "", "Pengadministrasi"
                   " Perkantoran", "", "SLTA", "Dinas Sosial"],
           [4, "198001012005011003", "Dedi", "P", "01-01-1980", "PNS", "II/c", "01-01-2005",
            "Pengadministrasi Perkantoran", "", "SLTA", "Dinas Sosial"]]
    path = _xlsx(tmp_path / "bad.xlsx", bad)
    result = runner.invoke(app, ["validate", str(path), "--as-of", "2025-12-31",
                                 "--report", str(tmp_path / "problems.csv")])
    assert result.exit_code == 1, result.output
    out = result.output
    assert "REJECTED" in out and "nip_excel_mangled" in out and "sex_conflicts_nip" in out
    assert "198504122010012011" not in out and "198001012005011003" not in out
    assert "Citra" not in out and "Dedi" not in out
    report = pd.read_csv(tmp_path / "problems.csv", dtype=str)
    assert list(report.columns[:4]) == ["file", "sheet", "row", "column"]
    rejects = report[report["severity"] == "reject"]
    assert set(zip(rejects["row"], rejects["rule"], strict=True)) == {
        ("5", "nip_excel_mangled"), ("6", "sex_conflicts_nip")}
    assert set(report["file"]) == {"bad.xlsx"} and set(report["sheet"]) == {"Pegawai"}


def test_validate_report_never_writes_a_formula(tmp_path: Path) -> None:
    bad = [*GOOD, [3, "198001012005011003", "Dedi", "L", "01-01-1980", "PNS", "@SUM(A1)",
                   "01-01-2005", "Pengadministrasi Perkantoran", "", "SLTA", "Dinas Sosial"]]
    path = _xlsx(tmp_path / "formula.xlsx", bad)
    runner.invoke(app, ["validate", str(path), "--as-of", "2025-12-31",
                        "--report", str(tmp_path / "problems.csv")])
    report = pd.read_csv(tmp_path / "problems.csv", dtype=str)
    values = set(report["value"].dropna())
    assert "'@SUM(A1)" in values and not any(v.startswith(("=", "+", "-", "@")) for v in values)


def test_validate_missing_column_names_it(tmp_path: Path) -> None:
    header = [h for h in HEADER if h != "STATUS PEGAWAI"]
    rows = [[c for i, c in enumerate(r) if HEADER[i] != "STATUS PEGAWAI"] for r in GOOD]
    result = runner.invoke(app, ["validate", str(_xlsx(tmp_path / "x.xlsx", rows, header))])
    assert result.exit_code == 1
    assert "Required column(s) missing" in result.output and "jenis_pegawai" in result.output


def test_validate_usage_errors_are_clear(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "ok.xlsx", GOOD)
    unknown = runner.invoke(app, ["validate", str(path), "--source", "gaji"])
    assert unknown.exit_code == 2 and "Unknown source 'gaji'" in unknown.output
    missing = runner.invoke(app, ["validate", str(tmp_path / "nope.xlsx")])
    assert missing.exit_code == 2 and "does not exist" in missing.output
    bad_date = runner.invoke(app, ["run", "--as-of", "31-12-2025", "--landing", str(tmp_path)])
    assert bad_date.exit_code == 2 and "--as-of must be a date" in bad_date.output
    no_landing = runner.invoke(app, ["run", "--landing", str(tmp_path / "none")])
    assert no_landing.exit_code == 2 and "Landing folder not found" in no_landing.output
    backwards = runner.invoke(app, ["backfill", "--start", "2025-12-31", "--end", "2025-01-31"])
    assert backwards.exit_code == 2 and "--start is after --end" in backwards.output
    bad_source = runner.invoke(app, ["backfill", "--start", "2025-01-31", "--end", "2025-12-31",
                                     "--source", "gaji"])
    assert bad_source.exit_code == 2 and "Unknown source gaji" in bad_source.output


def test_installed_command_validates(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("terpilah")
    path = _xlsx(tmp_path / "ok.xlsx", GOOD)
    done = subprocess.run([str(exe), "validate", str(path), "--as-of", "2025-12-31"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_sample_command_writes_the_landing_layout(tmp_path: Path) -> None:
    result = runner.invoke(app, ["sample", "--scale", "small", "--seed", "7", "--months", "2",
                                 "--out", str(tmp_path / "landing")])
    assert result.exit_code == 0, result.output
    manifest = SampleManifest.load(tmp_path / "landing")
    assert manifest.dates == ["2025-11-30", "2025-12-31"]
    for f in manifest.files:
        assert (tmp_path / "landing" / f.path).parent.name == f.data_date
    said = " ".join(result.output.split())  # the console wraps long lines
    assert manifest.training and f"{len(manifest.training)} attendance list(s)" in said
    assert manifest.literacy and f"{len(manifest.literacy)} participant list(s)" in said
    assert manifest.budget and f"{len(manifest.budget)} budget file(s) and ARG list(s)" in said
    for t in manifest.training:  # one list per event, in the folder of its last day
        assert Path(t.path).parts[:2] == ("training", t.end)
    assert "(forms: real)" in said and any(t.letterhead for t in manifest.training)


def test_sample_command_writes_plain_forms_and_refuses_unknown_ones(tmp_path: Path) -> None:
    args = ["sample", "--scale", "small", "--months", "1", "--no-literacy", "--no-budget"]
    result = runner.invoke(app, [*args, "--forms", "plain", "--out", str(tmp_path / "plain")])
    assert result.exit_code == 0, result.output
    manifest = SampleManifest.load(tmp_path / "plain")
    assert manifest.training and not any(t.letterhead or t.signature for t in manifest.training)
    refused = runner.invoke(app, [*args, "--forms", "fancy", "--out", str(tmp_path / "x")])
    assert refused.exit_code == 2 and "--forms" in refused.output
    assert not (tmp_path / "x").exists()


@pytest.mark.slow
def test_run_command_prints_the_summary(tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    generate_sample(landing, scale="small", seed=2, months=1, flaws=True)
    warehouse = tmp_path / "wh.duckdb"
    result = runner.invoke(app, ["run", "--landing", str(landing), "--warehouse", str(warehouse),
                                 "--as-of", "2025-12-31"])
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "Run success" in out and "Files accepted 1, rejected 0" in out
    assert "marts.asn_profile" in out and "total ASN" in out and "eselon II+III" in out
    assert str(warehouse) in result.output.replace("\n", "")
    assert "For BI tools" in out and (tmp_path / "wh.published" / "terpilah.duckdb").is_file()


@pytest.mark.parametrize(("url", "code", "says"), [
    ("postgresql://pipeline:s3cret-pw@127.0.0.1:1/terpilah", 3, "Cannot use the PostgreSQL"),
    ("postgresql://pipeline:s3cret-pw@127.0.0.1", 2, "needs a host and a database"),
])
def test_an_unusable_postgres_warehouse_is_one_clear_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str, code: int, says: str) -> None:
    """Checked before any flow starts: no Prefect traceback, and the password never shown."""
    (tmp_path / "landing").mkdir()
    monkeypatch.setenv("TERPILAH_WAREHOUSE_URL", url)
    for args in (["run"], ["backfill", "--start", "2025-01-31", "--end", "2025-02-28"]):
        out = runner.invoke(app, [*args, "--landing", str(tmp_path / "landing")])
        assert out.exit_code == code, out.output
        assert says in out.output and "Traceback" not in out.output
        assert "s3cret-pw" not in out.output
