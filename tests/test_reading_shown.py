"""Every inference shown and stored: ``terpilah validate`` prints all that was understood from a
file (as far as reading it got), the run summary one line per file, ``audit.files`` keeps it;
and a signer's name and NIP under the list reach none of them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from flow_helpers import records, run_nightly
from typer.testing import CliRunner
from xlsx_helpers import write_attendance_list, write_csv, write_xlsx

from ingest.understood import date_range
from terpilah.cli.display import console, print_summary
from terpilah.cli.main import app

runner = CliRunner()
SIGNER, SIGNER_NIP = "Drs. H. AHMAD YANI, M.Si", "19700512 199503 2 004"
PARTICIPANT_NIP = "19680411 199303 1 009"
SECRETS = ("AHMAD", "YANI", "19700512", "199503", "19680411", "Budi Hartono", "0812",
           "budi.h@")
TITLE = ["DAFTAR HADIR", "KEGIATAN ORIENTASI", "GENDER CHAMPION BAGI PEJABAT ADMINISTRATOR",
         "Bengkayang, 14-16 April 2025"]
HEADER = ["NO", "NAMA", "NIP", "JABATAN", "UNIT KERJA", "JENIS KELAMIN (L/P)", "KETERANGAN",
          "TANDA TANGAN"]


def _attendance(path: Path) -> Path:
    """An attendance list with a signature block under it, in the L/P column."""
    rows = [[1, "Budi Hartono", PARTICIPANT_NIP, "Kepala Bidang", "Dinas Sosial", "L", "Hadir",
             "1."],
            [2, "Kader Ani", "", "Kader PKK", "PKK Ledo", "P", "", "2."],
            [3, "Warga Citra", "", "Warga", "Desa Sebalos", "P", "Hadir", "3."],
            [4, "Dedi", "", "Warga", "HP 0812-3456-7890 budi.h@gmail.com", "L", "", "4."],
            [5, "Yohana", "", "Warga", "Desa Sebalos", "AHMAD YANI", "", "5."],  # shifted
            [], ["", "", "", "", "", "Bengkayang, 16 April 2025"],
            ["", "", "", "", "", "Kepala Dinas"], ["", "", "", "", "", SIGNER],
            ["", "", "", "", "", f"NIP. {SIGNER_NIP}"]]
    return write_attendance_list(path, TITLE, HEADER, rows)


def _said(output: str) -> str:
    return " ".join(output.split())  # the console wraps long lines


def _no_secret(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, secret


def test_validate_prints_every_inference_of_an_attendance_list(tmp_path: Path) -> None:
    path = _attendance(tmp_path / "gc.xlsx")
    out = runner.invoke(app, ["validate", str(path), "--source", "training",
                              "--as-of", "2025-04-16"])
    said = _said(out.output)
    assert "What was understood" in said, out.output
    assert "source training (--source training)" in said
    assert "sheet 'Daftar Hadir'" in said and "header row 6" in said
    for canonical, written in [("nama", "NAMA"), ("nip", "NIP"), ("unit_kerja", "UNIT KERJA"),
                               ("jenis_kelamin", "JENIS KELAMIN (L/P)"),
                               ("keterangan", "KETERANGAN")]:
        assert f"{canonical} <- '{written}'" in said, canonical
    assert "not used" in said and "'TANDA TANGAN'" in said
    assert "training_kind gender_champion (from:" in said
    assert "GENDER CHAMPION BAGI PEJABAT ADMINISTRATOR" in said
    assert "event_start 14 Apr 2025 (from: Bengkayang, 14-16 April 2025)" in said
    assert "ACCEPTED" in said or "REJECTED" in said  # the verdict is still there
    _no_secret(out.output)


def test_validate_shows_how_far_a_rejected_file_got(tmp_path: Path) -> None:
    header = [h for h in HEADER if h != "NIP"]
    path = write_attendance_list(tmp_path / "no_nip.xlsx", TITLE, header,
                                 [[1, "Budi Hartono", "Kabid", "Dinsos", "L", "", ""]])
    out = runner.invoke(app, ["validate", str(path), "--source", "training",
                              "--as-of", "2025-04-16"])
    said = _said(out.output)
    assert out.exit_code == 1 and "REJECTED" in said
    assert "What was understood" in said and "sheet 'Daftar Hadir'" in said
    assert "header row" in said and "Required column(s) missing" in said


def test_validate_prints_unused_columns_and_no_sheet_for_a_csv(tmp_path: Path) -> None:
    rows = [["DAFTAR NOMINATIF PEGAWAI"],
            ["NIP", "NAMA", "L/P", "TGL LAHIR", "STATUS PEGAWAI", "GOL", "TMT CPNS", "JABATAN",
             "ESELON", "PENDIDIKAN", "UNIT KERJA", "HOBI"],
            ["198504122010012011", "Ani", "P", "12-04-1985", "PNS", "III/b", "01-01-2010",
             "Guru Ahli Muda", "", "S1", "Dinas Pendidikan", "Membaca"]]
    path = write_csv(tmp_path / "pegawai.csv", rows)
    out = runner.invoke(app, ["validate", str(path), "--as-of", "2025-12-31"])
    said = _said(out.output)
    assert "header row 2" in said and "'HOBI'" in said and "sheet '" not in said
    assert "golongan <- 'GOL'" in said and "tingkat_pendidikan <- 'PENDIDIKAN'" in said


def test_a_coded_column_shows_its_odd_values_only_as_their_length(tmp_path: Path) -> None:
    rows = [["DAFTAR NOMINATIF PEGAWAI"],
            ["NIP", "NAMA", "L/P", "TGL LAHIR", "STATUS PEGAWAI", "GOL", "TMT CPNS", "JABATAN",
             "ESELON", "PENDIDIKAN", "UNIT KERJA"],
            *[[f"19850412201001201{i}", f"Pegawai {i}", "P", "12-04-1985", "PNS", "III/b",
               "01-01-2010", "Guru", "", "S1", "Dinas Pendidikan"] for i in range(1, 8)],
            ["198504122010012018", "Pegawai 8", SIGNER, "12-04-1985", "PNS", "III/b",
             "01-01-2010", "Guru", "", "S1", "Dinas Pendidikan"],
            ["", "", "Bengkayang, 16 April 2025"], ["", "", SIGNER],
            ["", "", f"NIP. {SIGNER_NIP}"]]
    path = write_xlsx(tmp_path / "pegawai.xlsx", {"Pegawai": rows})
    out = runner.invoke(app, ["validate", str(path), "--as-of", "2025-12-31", "--limit", "0",
                              "--report", str(tmp_path / "problems.csv")])
    _no_secret(out.output)
    _no_secret((tmp_path / "problems.csv").read_text(encoding="utf-8"))
    assert f"(hidden: {len(SIGNER)} characters)" in out.output


@pytest.mark.parametrize(("start", "end", "shown"), [
    ("2025-04-14", "2025-04-16", "14-16 Apr 2025"), ("2025-04-30", "2025-05-02",
                                                      "30 Apr-2 May 2025"),
    ("2024-12-30", "2025-01-02", "30 Dec 2024-2 Jan 2025"), ("2025-04-16", "2025-04-16",
                                                             "16 Apr 2025"),
    ("2025-04-16", None, "16 Apr 2025"), ("April 2025", None, "April 2025"),
])
def test_date_ranges_read_as_people_write_them(start: str, end: str | None, shown: str) -> None:
    assert date_range(start, end) == shown


@pytest.mark.slow
def test_a_run_stores_and_summarises_the_reading_and_leaks_nothing(tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    _attendance(landing / "training" / "2025-04-16" / "gc.xlsx")
    (landing / "training" / "april").mkdir(parents=True)  # breaks the contract: reported
    warehouse = tmp_path / "wh.duckdb"
    result = run_nightly(landing, warehouse, build=False)
    assert [f.path for f in result.files] == ["training/2025-04-16/gc.xlsx"]
    line = result.files[0].understood
    assert line.startswith("sheet 'Daftar Hadir', header row 6; gender_champion '")
    assert "14-16 Apr 2025" in line and "not used: 'TANDA TANGAN'" in line

    files = records(warehouse, "select * from audit.files")
    assert len(files) == 1
    row = files[0]
    assert row["header_row"] == 6 and row["understood"] == line
    assert row["source_evidence"] == "landing folder training/"
    assert "TANDA TANGAN" in str(row["unused_columns"]).split("; ")
    assert row["columns_mapped"] == 6
    reading = json.loads(str(row["reading_json"]))
    assert reading["columns"]["jenis_kelamin"] == "JENIS KELAMIN (L/P)"
    assert reading["attributes"]["training_kind"]["value"] == "gender_champion"
    assert reading["attributes"]["event_start"]["value"] == "2025-04-14"
    assert reading["attributes"]["training_kind"]["evidence"]

    held = records(warehouse, "select source_row, value_masked from audit.quarantine "
                   "where rule = 'sex_invalid'")
    assert held == [{"source_row": 11, "value_masked": "(hidden: 10 characters)"}]

    with console.capture() as captured:
        print_summary(result)
    summary = _said(captured.get())
    assert f"training/2025-04-16/gc.xlsx: {line}" in summary
    assert "Not read from the landing folder" in summary and "training/april" in summary
    _no_secret(captured.get())
    _no_secret(json.dumps(result.to_dict(), default=str))

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'audit'"
        ).fetchall()]
        for table in tables:
            _no_secret(" ".join(str(v) for r in con.execute(
                f"select * from audit.{table}").fetchall() for v in r))
    finally:
        con.close()
    assert date.fromisoformat(reading["attributes"]["event_end"]["value"]) == date(2025, 4, 16)


def test_an_old_warehouse_gains_the_new_columns(tmp_path: Path) -> None:
    """A warehouse made with the old DDL: connect adds the reading columns (and raw ones)."""
    from warehouse.store import connect

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE SCHEMA audit")
    con.execute("CREATE SCHEMA raw")
    con.execute("""CREATE TABLE audit.files (
        batch_id VARCHAR NOT NULL, source VARCHAR NOT NULL, data_date DATE NOT NULL,
        source_file VARCHAR NOT NULL, source_sha256 VARCHAR NOT NULL, source_sheet VARCHAR,
        status VARCHAR NOT NULL, reason VARCHAR, rows_read INTEGER NOT NULL,
        rows_loaded INTEGER NOT NULL, rows_rejected INTEGER NOT NULL, warnings INTEGER NOT NULL,
        archived_path VARCHAR, processed_at TIMESTAMP NOT NULL)""")
    con.execute("INSERT INTO audit.files VALUES ('b', 'simpeg', DATE '2025-01-31', 'f.xlsx', "
                "'x', NULL, 'accepted', NULL, 1, 1, 0, 0, NULL, TIMESTAMP '2025-02-01')")
    con.execute("CREATE TABLE raw.training_attendance (batch_id VARCHAR NOT NULL, "
                "nama VARCHAR)")
    con.close()
    with connect(path):
        pass
    rows = records(path, "select * from audit.files")
    assert rows[0]["source_file"] == "f.xlsx" and rows[0]["reading_json"] is None
    cols = {r["column_name"] for r in records(
        path, "select column_name from information_schema.columns "
              "where table_schema = 'raw' and table_name = 'training_attendance'")}
    assert {"data_date", "source_row", "event_title", "training_kind", "nip_status"} <= cols
