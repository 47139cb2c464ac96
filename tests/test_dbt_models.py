"""End-to-end check of the dbt project on a hand-written warehouse whose answers are known.

31 employees over 3 extract dates in 3 PDs with ASN (plus one PD whose only employee is
retired). Figures asserted below were counted by hand from the EMPLOYEES table.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pytest
from warehouse_helpers import build_warehouse

try:
    from warehouse.dbt import DbtRunResult, DbtSession, run_dbt
except ModuleNotFoundError:  # pytest started without the repo root on sys.path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from warehouse.dbt import DbtRunResult, DbtSession, run_dbt

pytestmark = pytest.mark.slow

KEY = b"terpilah-test-key-not-a-secret"
D1, D2, D3 = date(2024, 12, 31), date(2025, 6, 30), date(2025, 12, 31)
PD_A = "Dinas Pendidikan dan Kebudayaan"
PD_B = "Dinas Kesehatan"
PD_C = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
PD_D = "Sekretariat DPRD"  # its only employee is retired: no PD table for it

# no, pd, sex, birth, tmt_cpns, jenis_pegawai, kedudukan, golongan, eselon, jenis_jabatan,
# jabatan_nama, tingkat_pendidikan -- the state on D1.
EMPLOYEES: list[tuple[Any, ...]] = [
    (1, PD_C, "L", "1970-03-15", "1995-03-01", "PNS", "Aktif", "IV/c", "II.b", "struktural",
     "Kepala Badan", "45"),
    (2, PD_C, "P", "1978-12-31", "2003-01-01", "PNS", "Aktif", "IV/a", "III.a", None,
     "Sekretaris", "45"),
    (3, PD_C, "P", "1985-05-05", "2010-03-01", "PNS", "Aktif", "III/d", "III.b", "struktural",
     "Kepala Bidang Mutasi", "40"),
    (4, PD_C, "L", "1988-01-10", "2012-01-01", "PNS", "Aktif", "III/c", "IV.a", "struktural",
     "Kepala Sub Bagian Umum", "40"),
    (5, PD_C, "P", "1994-12-31", "2019-12-31", "PNS", "Aktif", "II/c", None, "pelaksana",
     "Pengadministrasi Perkantoran", "18"),
    (6, PD_C, "L", "1990-06-01", "2014-03-01", "PNS", "Aktif", "III/c", None, None,
     "Analis SDM Aparatur Ahli Muda", "40"),
    (7, PD_C, "L", "1995-01-01", "2024-03-01", "PPPK", "Aktif", "V", None, "pelaksana",
     "Operator Layanan Operasional", "15"),
    (8, PD_D, "P", "1966-01-01", "1990-03-01", "PNS", "Pensiun", "IV/a", None, "pelaksana",
     "Pengadministrasi Umum", "40"),
    (9, PD_B, "L", "1975-07-07", "2000-03-01", "PNS", "Aktif", "IV/a", "III.a", "struktural",
     "Sekretaris", "45"),
    (10, PD_B, "P", "1983-02-02", "2008-03-01", "PNS", "Aktif", "III/d", "IV.a", "struktural",
     "Kepala Seksi Kesehatan Keluarga", "40"),
    (11, PD_B, "P", "1993-04-04", "2019-01-01", "PNS", "Aktif", "III/a", None, "fungsional",
     "Perawat Ahli Pertama", "40"),
    (12, PD_B, "P", "1996-08-08", "2020-03-01", "PNS", "Aktif", "II/c", None, None,
     "Perawat Gigi Terampil", "30"),
    (13, PD_B, "L", "1986-09-09", "2011-03-01", "PNS", "Aktif", "III/d", None, None,
     "Dokter Ahli Muda", "40"),
    (14, PD_B, "P", "1992-10-10", "2023-03-01", "PPPK", "Aktif", "VII", None, "fungsional",
     "Bidan Terampil", "30"),
    (15, PD_B, "P", "1999-11-11", "2024-06-01", "CPNS", "Aktif", "III/a", None, None,
     "Bidan Ahli Pertama", "35"),
    (16, PD_B, "L", "1970-12-12", "1998-03-01", "PNS", "Aktif", "I/c", None, "pelaksana",
     "Pengemudi", "05"),
    (17, PD_B, "P", "1991-01-15", "2017-03-01", "PNS", "Aktif", "III/b", None, "fungsional",
     "Apoteker Ahli Pertama", "40"),
    (18, PD_B, "P", "1989-03-03", "2015-03-01", "PNS", "Tugas Belajar", "III/a", None,
     "pelaksana", "Pengelola Data", "40"),
    (19, PD_B, "L", "1968-05-05", "1992-03-01", "PNS", "Meninggal", "III/b", None, "pelaksana",
     "Pengelola Barang", "15"),
    (20, PD_A, "P", "1972-04-20", "1997-03-01", "PNS", "Aktif", "IV/c", "II.a", "struktural",
     "Kepala Dinas", "45"),
    (21, PD_A, "P", "1976-06-06", "2001-03-01", "PNS", "Aktif", "IV/a", "III.b", "struktural",
     "Kepala Bidang Pembinaan SD", "40"),
    (22, PD_A, "P", "1974-01-01", "1999-03-01", "PNS", "Aktif", "IV/b", None, "fungsional",
     "Guru Ahli Madya", "40"),
    (23, PD_A, "L", "1990-02-02", "2022-03-01", "PPPK", "Aktif", "IX", None, "fungsional",
     "Guru Ahli Pertama", "40"),
    (24, PD_A, "L", "1980-12-31", "2005-01-01", "PNS", "Aktif", "II/d", None, None,
     "guru kelas", "30"),
    (25, PD_A, "P", "1988-05-05", "2022-03-01", "PPPK", "Aktif", "IX", None, "fungsional",
     "Guru Ahli Pertama", "40"),
    (26, PD_A, "L", "1997-07-07", "2021-03-01", "PNS", "Aktif", "II/c", None, None,
     "Pranata Komputer Terampil", "30"),
    (27, PD_A, "P", "1984-12-30", "2009-12-31", "PNS", "Aktif", "III/b", None, None,
     "Penata Layanan Operasional", "40"),
    (28, PD_A, "P", "1982-08-08", "2006-03-01", "PNS", "Aktif", "III/c", None, "fungsional",
     "Penilik Ahli Muda", "45"),
    (29, PD_A, "L", "1973-12-31", "1994-01-01", "PNS", "Aktif", "I/d", None, "pelaksana",
     "Pengadministrasi Umum", "10"),
    (30, PD_A, "P", "1991-01-01", "2013-01-01", "PNS", "CLTN", "II/b", None, "pelaksana",
     "Pengadministrasi Umum", "15"),
    (31, PD_A, "L", "1966-06-01", "1990-03-01", "PNS", "Masa Persiapan Pensiun", "II/a", None,
     "pelaksana", "Pengelola Sarana dan Prasarana", "17"),
]  # fmt: skip
NEW_HIRE = (32, PD_A, "P", "2001-07-01", "2025-07-01", "CPNS", "Aktif", "III/a", None,
            "fungsional", "Guru Ahli Pertama", "40")  # fmt: skip
COLUMNS = ["no", "pd_name", "jenis_kelamin", "tanggal_lahir", "tmt_cpns", "jenis_pegawai",
           "kedudukan_hukum", "golongan", "eselon", "jenis_jabatan", "jabatan_nama",
           "tingkat_pendidikan"]  # fmt: skip


def _nip(e: dict[str, Any]) -> str:
    birth, tmt = e["tanggal_lahir"].replace("-", ""), e["tmt_cpns"].replace("-", "")
    sex = "1" if e["jenis_kelamin"] == "L" else "2"
    if e["jenis_pegawai"] == "PPPK":
        return f"{birth}{tmt[:4]}21{sex}{e['no']:03d}"
    return f"{birth}{tmt[:6]}{sex}{e['no']:03d}"


def _state(day: date) -> list[dict[str, Any]]:
    """Employees in the extract of `day`: D1 as listed, then the career events."""
    rows = {e[0]: dict(zip(COLUMNS, e, strict=True)) for e in [*EMPLOYEES, NEW_HIRE]}
    del rows[32]
    if day >= D2:
        rows[4].update(
            pd_name=PD_B,
            eselon="III.b",
            golongan="III/d",
            jabatan_nama="Kepala Bidang Pelayanan Kesehatan",
        )
        rows[6]["golongan"] = "III/d"
        rows[29]["kedudukan_hukum"] = "Pensiun"
        rows[32] = dict(zip(COLUMNS, NEW_HIRE, strict=True))
        del rows[31], rows[19]  # left the export
    if day >= D3:
        rows[31] = dict(zip(COLUMNS, EMPLOYEES[30], strict=True))  # back in the export
        del rows[2]
    return list(rows.values())


def _raw_rows() -> list[tuple[Any, ...]]:
    loaded_at = datetime.now(UTC).replace(tzinfo=None)
    out = []
    for day in (D1, D2, D3):
        batch = f"simpeg:{day.isoformat()}:{hashlib.sha256(str(day).encode()).hexdigest()[:12]}"
        for row_no, e in enumerate(_state(day), start=2):
            out.append((
                batch, day, f"simpeg_{day:%Y%m%d}.xlsx", "ab" * 32, "Data Utama", row_no,
                loaded_at, _nip(e), f"Nama Pegawai Nomor{e['no']:02d}", f"6107{e['no']:012d}",
                f"0812000000{e['no']:02d}", f"pegawai{e['no']:02d}@example.go.id",
                date.fromisoformat(e["tanggal_lahir"]), e["jenis_kelamin"], e["jenis_pegawai"],
                e["kedudukan_hukum"], date.fromisoformat(e["tmt_cpns"]), None, e["golongan"],
                e["eselon"], e["jenis_jabatan"], e["jabatan_nama"], e["tingkat_pendidikan"],
                e["pd_name"], None,
            ))  # fmt: skip
    return out


PROFILE_COLUMNS = [
    "data_date", "scope", "pd_name", "kategori", "sub_kategori", "urutan",
    "pria", "wanita", "total", "pct_wanita",
]  # fmt: skip



def _build_warehouse(path: Path) -> None:
    build_warehouse(path, KEY, _raw_rows())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DbtRunResult]:
    path = tmp_path_factory.mktemp("dbt") / "warehouse.duckdb"
    _build_warehouse(path)
    seeded = run_dbt(["seed"], warehouse=path)
    assert seeded.success, seeded.failures or seeded.error
    # As the nightly's first phase: the models that read the employee history (and their unit
    # tests) need the snapshot, which this warehouse has not replayed.
    result = run_dbt(["build", "--exclude", "resource_type:snapshot", "tag:after_snapshot"],
                     warehouse=path)
    assert result.success, result.failures or result.error
    return path, result


@pytest.fixture(scope="module")
def warehouse(built: tuple[Path, DbtRunResult]) -> Path:
    return built[0]


def _query(path: Path, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def _columns(path: Path, schema: str, table: str) -> set[str]:
    sql = (
        "select column_name from information_schema.columns "
        "where table_schema = ? and table_name = ?"
    )
    return {c[0] for c in _query(path, sql, [schema, table])}


def _assert_writable_from_another_process(path: Path) -> None:
    script = textwrap.dedent(f"""
        import duckdb
        con = duckdb.connect({str(path)!r})
        con.execute("create or replace table audit.lock_probe as select 1 as x")
        con.execute("drop table audit.lock_probe")
        con.close()
    """)
    probe = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert probe.returncode == 0, probe.stderr


def _row(path: Path, day: date, pd_name: str | None, sub_kategori: str) -> tuple[Any, ...]:
    rows = _query(
        path,
        "select pria, wanita, total, pct_wanita from marts.asn_profile where data_date = ? "
        "and pd_name is not distinct from ? and sub_kategori = ?",
        [day, pd_name, sub_kategori],
    )
    assert len(rows) == 1, (day, pd_name, sub_kategori, rows)
    return rows[0]


def test_build_passed_data_tests_and_unit_tests(built: tuple[Path, DbtRunResult]) -> None:
    results = built[1].results
    assert not built[1].failures
    by_kind: dict[str, list[str]] = {}
    for r in results:
        by_kind.setdefault(r.unique_id.split(".")[0], []).append(r.status)
    assert set(by_kind) == {"model", "seed", "test", "unit_test", "exposure"}  # reports
    assert set(by_kind["test"]) == {"pass"} and len(by_kind["test"]) > 50
    assert set(by_kind["unit_test"]) == {"pass"} and len(by_kind["unit_test"]) >= 15
    ids = {r.unique_id for r in results}
    assert "test.terpilah.assert_asn_profile_group_sums" in ids
    assert "unit_test.terpilah.int_employees_bucketed.bucketed_age_edges" in ids


@pytest.mark.parametrize(
    ("day", "pd_name", "sub_kategori", "expected"),
    [
        (D1, None, "Total ASN", (12, 17, 29, 58.6)),
        (D1, None, "PNS", (10, 15, 25, 60.0)),
        (D1, None, "PPPK", (2, 2, 4, 50.0)),
        (D1, None, "JPT Pratama (Eselon II)", (1, 1, 2, 50.0)),
        (D1, None, "Administrator (Eselon III)", (1, 3, 4, 75.0)),
        (D1, None, "Pengawas (Eselon IV)", (1, 1, 2, 50.0)),
        (D1, None, "Pelaksana", (4, 4, 8, 50.0)),
        (D1, None, "Jabatan Fungsional (Total)", (5, 8, 13, 61.5)),
        (D1, None, "JF Guru", (2, 2, 4, 50.0)),
        (D1, None, "JF Kesehatan", (1, 5, 6, 83.3)),
        (D1, None, "JF Teknis Lainnya", (2, 1, 3, 33.3)),
        (D1, None, "Golongan IV", (2, 4, 6, 66.7)),
        (D1, None, "Golongan III", (3, 8, 11, 72.7)),
        (D1, None, "Golongan II", (3, 3, 6, 50.0)),
        (D1, None, "Golongan I", (2, 0, 2, 0.0)),
        (D1, None, "S3/S2", (2, 3, 5, 60.0)),
        (D1, None, "SLTA ke bawah", (4, 2, 6, 33.3)),
        (D1, None, "<= 30 tahun", (2, 3, 5, 60.0)),
        (D1, None, "> 50 tahun", (4, 1, 5, 20.0)),
        (D1, None, "0 - 5 tahun", (3, 6, 9, 66.7)),
        (D1, None, "> 15 tahun", (6, 6, 12, 50.0)),
        (D1, PD_C, "Total ASN", (4, 3, 7, 42.9)),
        (D1, PD_C, "JF Kesehatan", (0, 0, 0, None)),
        (D1, PD_A, "JF Guru", (2, 2, 4, 50.0)),
        (D2, None, "Total ASN", (10, 18, 28, 64.3)),
        (D2, None, "Administrator (Eselon III)", (2, 3, 5, 60.0)),
        (D2, None, "Pengawas (Eselon IV)", (0, 1, 1, 100.0)),
        (D2, PD_C, "Total ASN", (3, 3, 6, 50.0)),
        (D2, PD_B, "Administrator (Eselon III)", (2, 0, 2, 0.0)),
    ],
)
def test_hand_computed_figures(
    warehouse: Path, day: date, pd_name: str | None, sub_kategori: str, expected: tuple
) -> None:
    pria, wanita, total, pct = _row(warehouse, day, pd_name, sub_kategori)
    assert (pria, wanita, total) == expected[:3]
    assert (None if pct is None else float(pct)) == expected[3]


def test_profile_shape(warehouse: Path) -> None:
    tables = _query(
        warehouse,
        "select data_date, scope, pd_name, count(*), min(urutan), max(urutan) "
        "from marts.asn_profile group by all order by all",
    )
    # PD_D has no ASN (its only employee is retired): no table for it.
    assert [(t[0], t[1], t[2]) for t in tables] == [
        key
        for day in (D1, D2, D3)
        for key in [(day, "kabupaten", None), *((day, "pd", p) for p in sorted([PD_A, PD_B, PD_C]))]
    ]
    assert all(t[3:] == (26, 1, 26) for t in tables)
    columns = _query(
        warehouse,
        "select column_name, data_type from information_schema.columns "
        "where table_schema = 'marts' and table_name = 'asn_profile' order by ordinal_position",
    )
    assert [c[0] for c in columns] == PROFILE_COLUMNS
    assert columns[-1][1].startswith("DECIMAL")


def test_no_personal_data_in_marts(warehouse: Path) -> None:
    needles = {
        value
        for day in (D1, D2, D3)
        for e in _state(day)
        for value in (_nip(e), f"Nama Pegawai Nomor{e['no']:02d}", e["tanggal_lahir"])
    }
    tables = _query(
        warehouse,
        "select table_schema, table_name from information_schema.tables "
        "where table_schema = 'marts'",
    )
    assert tables
    for schema, table in tables:
        cells = _query(warehouse, f'select * from "{schema}"."{table}"')
        text = "\n".join(str(v) for row in cells for v in row)
        assert not [n for n in needles if n in text], f"{schema}.{table}"


def test_employee_key_is_hmac_of_nip(warehouse: Path) -> None:
    sql = (
        "select s.employee_key, r.nip from staging.stg_simpeg__employees s "
        "join raw.simpeg_employees r using (data_date, source_row) where data_date = ?"
    )
    keys = dict(_query(warehouse, sql, [D1]))
    assert len(keys) == len(EMPLOYEES)
    for key, nip in keys.items():
        assert key == hmac.new(KEY, nip.encode(), hashlib.sha256).hexdigest()
    staging_columns = _columns(warehouse, "staging", "stg_simpeg__employees")
    assert not staging_columns & {"nip", "nama", "nik", "nomor_hp", "email"}


def test_no_duckdb_handle_left_open(warehouse: Path) -> None:
    result = run_dbt(["run", "--select", "asn_profile"], warehouse=warehouse)
    assert result.success, result.failures
    _assert_writable_from_another_process(warehouse)


def test_source_freshness(warehouse: Path) -> None:
    result = run_dbt(["source", "freshness", "--select", "source:raw"], warehouse=warehouse)
    assert result.success, result.results
    assert [r.status for r in result.results] == ["pass"]


def _set_cursor(path: Path, day: date) -> None:
    with duckdb.connect(str(path)) as con:
        con.execute("delete from audit.snapshot_cursor")
        con.execute("insert into audit.snapshot_cursor values (?)", [day])


def test_snapshot_history_over_three_extracts(warehouse: Path) -> None:
    count_sql = "select count(*), count(dbt_valid_to) from snapshots.employees_snapshot"
    with DbtSession(warehouse=warehouse) as session:
        for day in (D1, D2, D3):
            _set_cursor(warehouse, day)
            result = session.snapshot()
            assert result.success, result.failures or result.error
        counts = _query(warehouse, count_sql)
        assert session.snapshot().success  # the latest date again: nothing changes
        assert _query(warehouse, count_sql) == counts
        _set_cursor(warehouse, D2)  # out of order: refused by the pre-hook
        refused = session.snapshot()
        assert not refused.success and "ascending" in str(refused.failures[0].message)
        _set_cursor(warehouse, date(2026, 1, 31))  # no extract on that date
        assert not session.snapshot().success
        assert _query(warehouse, count_sql) == counts

    def key(no: int) -> str:
        e = next(e for d in (D1, D2) for e in _state(d) if e["no"] == no)
        return hmac.new(KEY, _nip(e).encode(), hashlib.sha256).hexdigest()

    rows = _query(
        warehouse,
        "select employee_key, cast(dbt_valid_from as date), cast(dbt_valid_to as date), "
        "pd_name, golongan, eselon, kedudukan_hukum, jenis_jabatan, birth_year "
        "from snapshots.employees_snapshot order by employee_key, dbt_valid_from",
    )
    history: dict[str, list[tuple[Any, ...]]] = {}
    for row in rows:
        history.setdefault(row[0], []).append(row[1:])

    assert [h[:2] for h in history[key(1)]] == [(D1, None)]  # never changed
    assert [h[:4] for h in history[key(6)]] == [(D1, D2, PD_C, "III/c"), (D2, None, PD_C, "III/d")]
    assert [h[:5] for h in history[key(4)]] == [
        (D1, D2, PD_C, "III/c", "IV.a"),
        (D2, None, PD_B, "III/d", "III.b"),
    ]
    assert [(h[0], h[1], h[5]) for h in history[key(29)]] == [
        (D1, D2, "Aktif"),
        (D2, None, "Pensiun"),
    ]
    assert [h[:2] for h in history[key(31)]] == [(D1, D2), (D3, None)]  # gone, then back
    assert [h[:2] for h in history[key(19)]] == [(D1, D2)]  # left the export
    assert [h[:2] for h in history[key(2)]] == [(D1, D3)]
    assert [h[:2] for h in history[key(32)]] == [(D2, None)]  # new hire
    assert history[key(12)][0][6] == "fungsional"  # resolved from the post name
    assert history[key(12)][0][7] == 1996
    assert len(history) == 32
    columns = _columns(warehouse, "snapshots", "employees_snapshot")
    assert not columns & {"nip", "nama", "tanggal_lahir", "nik"}
    _assert_writable_from_another_process(warehouse)


def test_every_built_column_is_documented(warehouse: Path) -> None:
    manifest = json.loads((warehouse.parent / "dbt_target" / "manifest.json").read_text())
    nodes = [
        n
        for n in manifest["nodes"].values()
        if n["resource_type"] in {"model", "snapshot", "seed"} and n["package_name"] == "terpilah"
    ]
    assert len(nodes) >= 12
    for node in nodes:
        assert node["description"].strip(), node["unique_id"]
        relation = node["alias"]
        built = _columns(warehouse, node["schema"], relation)
        if not built:  # snapshot not built in this module yet
            continue
        documented = {name for name, col in node["columns"].items() if col["description"].strip()}
        assert built <= documented, (node["unique_id"], built - documented)
