"""SIMPEG data quality end to end -> marts.simpeg_data_quality and the restricted fix list.

Two warehouses: the suite's shared run of a generated sample (``shared_run.py``, read only: its
recorded flaws, both layouts, several dates) and this module's one nightly run of two extracts
written here with known defects (a SIASN XLSX and a local CSV). Both are checked against an
independent pandas computation; the hand-written one also against the defects as planted."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pandas as pd
import pytest
from flow_helpers import query, rows, run_nightly
from independent_quality import RULES, Extract, expected_fix_list, expected_quality
from shared_run import shared_run
from xlsx_helpers import write_csv, write_xlsx

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
HAND_DATE = date(2026, 1, 31)
XLSX_PD, CSV_PD = "Dinas Uji Mutu", "Badan Uji Mutu"
XLSX_NAME, CSV_NAME = "siasn_uji_mutu.xlsx", "simpeg_uji_mutu.csv"
SIASN_HEADER = ["NIP BARU", "NAMA", "NIK", "NOMOR HP", "EMAIL", "TANGGAL LAHIR", "JENIS KELAMIN",
                "JENIS PEGAWAI NAMA", "KEDUDUKAN HUKUM NAMA", "TMT CPNS", "TMT PNS",
                "GOL AKHIR NAMA", "ESELON NAMA", "JENIS JABATAN NAMA", "JABATAN NAMA",
                "TINGKAT PENDIDIKAN ID", "UNOR NAMA", "UNOR INDUK NAMA"]
LOCAL_HEADER = ["NO", "NIP", "NAMA", "L/P", "TGL LAHIR", "STATUS PEGAWAI", "GOL", "TMT CPNS",
                "JABATAN", "JENIS JABATAN", "ESELON", "PENDIDIKAN", "UNIT KERJA", "KEDUDUKAN"]
STATUS = {"PNS": "PNS Daerah Kabupaten/Kota", "CPNS": "CPNS Daerah Kabupaten/Kota",
          "PPPK": "PPPK"}
JENIS = {"struktural": "Jabatan Struktural", "fungsional": "Jabatan Fungsional Tertentu",
         "pelaksana": "Jabatan Fungsional Umum"}


def _dmy(day: date | None) -> str:
    return "" if day is None else f"{day.day:02d}-{day.month:02d}-{day.year}"


@dataclass
class Person:
    """One employee row written by hand; the NIP, NIK and TMT PNS follow from the fields
    unless overridden. ``fails`` are the quality rules the row must fail."""

    seq: int
    birth: date = date(1985, 1, 12)
    female: bool = False
    status: str = "PNS"
    tmt: date = date(2010, 3, 1)
    gol: str = "III/b"
    eselon: str = ""
    jenis: str = "pelaksana"
    jabatan: str = "Pengadministrasi Umum"
    unor: str = "Sub Bagian Umum"
    edu: str = "40"
    kedudukan: str = "Aktif"
    pd: str = XLSX_PD
    fails: set[str] = field(default_factory=set)
    overrides: dict[str, str] = field(default_factory=dict)

    @property
    def nip(self) -> str:
        mid = (f"{self.tmt.year}21" if self.status == "PPPK" else f"{self.tmt:%Y%m}")
        return f"{self.birth:%Y%m%d}{mid}{2 if self.female else 1}{self.seq:03d}"

    def values(self) -> dict[str, str]:
        day = self.birth.day + (40 if self.female else 0)
        tmt_pns = (date(self.tmt.year + 1, self.tmt.month, 1) if self.status == "PNS"
                   else None)
        out = {"NIP BARU": self.nip, "NAMA": f"Pegawai Uji {self.seq}",
               "NIK": f"610701{day:02d}{self.birth:%m}{self.birth.year % 100:02d}{self.seq:04d}",
               "NOMOR HP": f"0812{self.seq:07d}", "EMAIL": f"uji{self.seq}@bengkayang.go.id",
               "TANGGAL LAHIR": _dmy(self.birth), "JENIS KELAMIN": "F" if self.female else "M",
               "JENIS PEGAWAI NAMA": STATUS[self.status], "KEDUDUKAN HUKUM NAMA": self.kedudukan,
               "TMT CPNS": _dmy(self.tmt), "TMT PNS": _dmy(tmt_pns), "GOL AKHIR NAMA": self.gol,
               "ESELON NAMA": self.eselon or "Non Eselon", "JENIS JABATAN NAMA": JENIS[self.jenis],
               "JABATAN NAMA": self.jabatan, "TINGKAT PENDIDIKAN ID": self.edu,
               "UNOR NAMA": self.unor, "UNOR INDUK NAMA": self.pd}
        out.update(self.overrides)
        return out


def _siasn_people() -> list[Person]:
    """90 rows of Dinas Uji Mutu: one or two defects of each kind, the rest clean (4 rows the
    loader rejects: under its 5 % limit)."""
    P = Person
    kabid = dict(eselon="III.a", jenis="struktural", jabatan="Kepala Bidang Mutu",
                 unor="Bidang Mutu", gol="IV/a", tmt=date(2005, 3, 1), birth=date(1975, 4, 4))
    defects = [
        P(1, **kabid, fails={"ACC_2"}),
        P(2, **{**kabid, "female": True}, fails={"ACC_2"}),
        P(3, birth=date(1967, 6, 10), tmt=date(1990, 3, 1), gol="III/d", fails={"TIM_1"}),
        # a guru of the same age: BUP 60, not past it
        P(4, birth=date(1967, 6, 10), tmt=date(1990, 3, 1), gol="IV/a", jenis="fungsional",
          jabatan="Guru Ahli Muda"),
        P(5, tmt=date(2012, 3, 1), fails={"CON_5"}, overrides={"TMT PNS": "01-03-2011"}),
        P(6, fails={"CON_3"}, overrides={"JENIS KELAMIN": "F"}),  # rejected at load
        P(7, edu="", fails={"COM_2"}),  # rejected at load
        P(8, fails={"ACC_1"}, overrides={"NIK": "610701120185001"}),  # 15 digits
        P(9, female=True, fails={"ACC_1"}, overrides={"NIK": "6107011201850009"}),  # no + 40
        P(10, fails={"CON_1"}, overrides={"TANGGAL LAHIR": "13-01-1985",
                                          "NIK": "6107011301850010"}),
        P(11, status="CPNS", tmt=date(2023, 6, 1), gol="III/a", fails={"TIM_2"}),
        P(12, eselon="IV.a", jenis="struktural", jabatan="Kepala Seksi Satu", unor="Seksi Satu",
          gol="III/c", tmt=date(2024, 6, 1), birth=date(1999, 2, 2), fails={"ACC_3"}),
        P(13, eselon="IV.a", jenis="struktural", jabatan="Kepala Seksi Dua", unor="Seksi Dua",
          gol="II/d", fails={"ACC_4"}),
        P(14, eselon="IV.a", jenis="fungsional", jabatan="Kepala Seksi Tiga", unor="Seksi Tiga",
          gol="III/c", fails={"CON_6"}),
        P(15, status="PPPK", birth=date(1990, 1, 1), tmt=date(2021, 5, 1), gol="IX",
          female=True, fails={"CON_4"}, overrides={"NIP BARU": "199001012021052015"}),
        P(16, fails={"COM_9"}, overrides={"JENIS KELAMIN": ""}),
        P(17, fails={"COM_3"}, overrides={"TANGGAL LAHIR": ""}),
        P(18, fails={"COM_7", "COM_8"}, overrides={"NOMOR HP": "", "EMAIL": ""}),
        # retired, still shown on the Kepala Bidang post and past BUP: not checked for either
        P(19, **{**kabid, "birth": date(1960, 1, 5), "kedudukan": "Pensiun"}),
        P(20, fails={"COM_4"}, overrides={"TMT CPNS": ""}),
        P(21, fails={"COM_10"}, overrides={"TMT PNS": ""}),
        P(22, pd="", fails={"COM_11"}),  # rejected at load, no PD
        P(23, fails={"COM_1"}, overrides={"NIK": ""}),
        P(24, fails={"CON_2"}, overrides={"TMT CPNS": "01-04-2010", "TMT PNS": "01-04-2011"}),
        P(25, fails={"ACC_6"}, overrides={"TANGGAL LAHIR": "31-02-1985"}),  # rejected at load
    ]
    clean = [Person(100 + i, birth=date(1980 + i % 15, 1 + i % 12, 1 + i % 27),
                    female=i % 2 == 1, tmt=date(2008 + i % 10, 1 + i % 12, 1))
             for i in range(90 - len(defects))]
    return defects + clean


def _local_people() -> list[Person]:
    """70 rows of Badan Uji Mutu in the local layout (no NIK, phone, e-mail, TMT PNS)."""
    P = Person
    sekretaris = dict(eselon="III.a", jenis="struktural", jabatan="Sekretaris", gol="IV/a",
                      tmt=date(2004, 1, 1), pd=CSV_PD)
    defects = [
        P(201, pd=CSV_PD, gol="", fails={"COM_5"}),  # rejected at load
        P(202, pd=CSV_PD, jabatan="", fails={"COM_6"}),
        P(203, **sekretaris, fails={"ACC_2"}),
        P(204, **sekretaris, birth=date(1978, 8, 8), fails={"ACC_2"}),
        P(205, pd=CSV_PD, fails={"ACC_5"}),  # the same NIP twice: both rejected at load
        P(205, pd=CSV_PD, fails={"ACC_5"}),
    ]
    clean = [Person(300 + i, birth=date(1982 + i % 12, 1 + i % 12, 2 + i % 26),
                    female=i % 3 == 0, tmt=date(2009 + i % 9, 1 + i % 12, 1), pd=CSV_PD)
             for i in range(70 - len(defects))]
    return defects + clean


def _write_hand_extracts(folder: Path) -> dict[tuple[str, int], Person]:
    """The two hand-written files of HAND_DATE; returns (file, row) -> person."""
    siasn = _siasn_people()
    write_xlsx(folder / XLSX_NAME, {"Data Utama": [
        SIASN_HEADER, *([p.values()[h] for h in SIASN_HEADER] for p in siasn)]})
    local = _local_people()
    lines = [LOCAL_HEADER]
    for i, p in enumerate(local, start=1):
        v = p.values()
        lines.append([str(i), v["NIP BARU"], v["NAMA"], "P" if p.female else "L",
                      v["TANGGAL LAHIR"], p.status, p.gol, v["TMT CPNS"], p.jabatan,
                      p.jenis.capitalize(), p.eselon, "S1", p.pd, p.kedudukan])
    write_csv(folder / CSV_NAME, lines)
    people = {(XLSX_NAME, row): p for row, p in enumerate(siasn, start=2)}
    people |= {(CSV_NAME, row): p for row, p in enumerate(local, start=2)}
    return people


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    run = shared_run(tmp_path_factory)
    run.extracts = [Extract(date.fromisoformat(f.data_date), run.landing / f.path, f.layout,
                            f.header_row, frozenset(x.row for x in f.flaws
                                                    if x.kind == "nip_excel_mangled"))
                    for f in run.manifest.files]
    return run


@pytest.fixture(scope="module")
def hand(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    root = tmp_path_factory.mktemp("quality")
    folder = root / "landing" / "simpeg" / HAND_DATE.isoformat()
    people = _write_hand_extracts(folder)
    extracts = [Extract(HAND_DATE, folder / XLSX_NAME, "siasn", 1),
                Extract(HAND_DATE, folder / CSV_NAME, "local", 1)]
    warehouse = root / "warehouse" / "terpilah.duckdb"
    result = run_nightly(root / "landing", warehouse)
    return SimpleNamespace(warehouse=warehouse, result=result, extracts=extracts,
                           people=people)


def _mart(warehouse: Path) -> pd.DataFrame:
    columns = ("data_date, scope, pd_name, level, dimension, rule_code, records_checked, "
               "records_failing, records_rejected_at_load, pct_passing, score")
    got = rows(warehouse, f"select {columns} from marts.simpeg_data_quality")
    return pd.DataFrame(got, columns=[c.strip() for c in columns.split(",")])


def _keyed(frame: pd.DataFrame) -> dict[tuple[object, ...], tuple[object, ...]]:
    keys = ["data_date", "scope", "pd_name", "level", "dimension", "rule_code"]
    values = ["records_checked", "records_failing", "records_rejected_at_load", "pct_passing",
              "score"]
    out = {}
    for r in frame.to_dict("records"):
        key = tuple(None if pd.isna(r[k]) else r[k] for k in keys)
        out[key] = tuple(None if r[v] is None or (isinstance(r[v], float) and pd.isna(r[v]))
                         else (Decimal(r[v]) if v in ("pct_passing", "score") else int(r[v]))
                         for v in values)
    return out


def test_the_runs_succeed(shared: SimpleNamespace, hand: SimpleNamespace) -> None:
    for run in (shared, hand):
        assert run.result.status == "success", run.result.dbt_failures
        assert "marts.simpeg_data_quality" in run.result.marts
    assert hand.result.files_accepted == 2 and hand.result.rows_quarantined == 7


@pytest.mark.parametrize("which", ["shared", "hand"])
def test_mart_equals_independent_computation(which: str,
                                             request: pytest.FixtureRequest) -> None:
    run = request.getfixturevalue(which)
    got = _keyed(_mart(run.warehouse))
    want = _keyed(expected_quality(run.extracts))
    assert set(got) == set(want), (sorted(set(want) - set(got), key=str)[:5],
                                   sorted(set(got) - set(want), key=str)[:5])
    diff = {k: (got[k], want[k]) for k in want if got[k] != want[k]}
    assert not diff, list(diff.items())[:10]
    assert len(got) == 30 * len({k[:3] for k in got})


def test_every_rule_is_seen_failing_and_passing(shared: SimpleNamespace,
                                                hand: SimpleNamespace) -> None:
    mart = pd.concat([_mart(shared.warehouse), _mart(hand.warehouse)])
    rules = mart[(mart["scope"] == "kabupaten") & (mart["level"] == "rule")]
    totals = rules.groupby("rule_code")[["records_checked", "records_failing"]].sum()
    assert set(totals.index) == set(RULES)
    never_fails = totals.index[totals["records_failing"] == 0].tolist()
    never_passes = totals.index[totals["records_checked"] == totals["records_failing"]].tolist()
    assert not never_fails and not never_passes, (never_fails, never_passes)


def test_hand_extract_counts(hand: SimpleNamespace) -> None:
    """The defects of the hand-written extract, counted by hand."""
    mart = _mart(hand.warehouse)
    day = mart[mart["data_date"] == HAND_DATE]
    kab = day[day["scope"] == "kabupaten"]
    index = kab[kab["level"] == "index"].iloc[0]
    assert index["records_checked"] == 160  # every row of both files
    assert index["records_rejected_at_load"] == 7
    failing = {p.seq for p in hand.people.values() if p.fails}
    assert index["records_failing"] == len(failing) + 1  # the duplicate NIP is two rows
    rule = kab[kab["level"] == "rule"].set_index("rule_code")
    assert rule.loc["ACC_2", "records_failing"] == 4  # two posts, two holders each
    assert rule.loc["ACC_2", "records_checked"] == 7  # ASN with an eselon and a jabatan
    assert rule.loc["ACC_5", ["records_failing", "records_rejected_at_load"]].tolist() == [2, 2]
    # the local file exports no NIK, phone, e-mail or TMT PNS: its records are not checked
    assert rule.loc["COM_1", "records_checked"] == 86  # the loaded XLSX rows only
    assert rule.loc["COM_10", "records_checked"] < 86
    # no PD: counted for the kabupaten, in no PD row
    by_pd = day[(day["scope"] == "pd") & (day["level"] == "index")]
    assert set(by_pd["pd_name"]) == {XLSX_PD, CSV_PD}
    assert by_pd["records_checked"].sum() == 159


def test_fix_list_names_exactly_the_defective_records(hand: SimpleNamespace) -> None:
    fix = query(hand.warehouse, "select * from restricted.simpeg_fix_list")
    got = {(r.source_file, int(r.source_row), r.rule_code) for r in fix.itertuples()}
    by_hand = {(file, row, rule) for (file, row), p in hand.people.items() for rule in p.fails}
    assert got == by_hand
    assert got == expected_fix_list(hand.extracts)
    for r in fix.itertuples():
        person = hand.people[(r.source_file, int(r.source_row))]
        assert r.nip == person.values()["NIP BARU"], r
        assert (None if pd.isna(r.pd_name) else r.pd_name) == (person.pd or None)
        assert r.detail and r.rule_name
    details = dict(zip(fix["rule_code"] + fix["nip"].fillna(""), fix["detail"], strict=True))
    assert details["CON_1" + _nip(10)] == (
        "NIP digit 1-8: 19850112, tanggal lahir: 1985-01-13")
    assert details["CON_3" + _nip(6)].startswith("Ditolak saat dimuat: sex_conflicts_nip")
    assert "BUP 58" in details["TIM_1" + _nip(3)]
    assert "dipegang 2 orang" in details["ACC_2" + _nip(1)]
    nik_details = fix.loc[fix["rule_code"] == "ACC_1", "detail"].tolist()
    assert len(nik_details) == 2 and all("*" in d for d in nik_details)
    for value in fix.drop(columns=["nip"]).to_numpy().ravel():
        assert not re.search(r"\d{12,}", str(value)), value  # no NIK (or NIP) outside `nip`


def test_fix_list_holds_the_latest_date_only(shared: SimpleNamespace) -> None:
    fix = query(shared.warehouse, "select * from restricted.simpeg_fix_list")
    latest = max(e.data_date for e in shared.extracts)
    assert set(pd.to_datetime(fix["data_date"]).dt.date) == {latest}
    got = {(r.source_file, int(r.source_row), r.rule_code) for r in fix.itertuples()}
    assert got == expected_fix_list(shared.extracts)
    mangled = fix[fix["rule_code"] == "ACC_6"]
    assert len(mangled) and mangled["nip"].isna().all()  # Excel kept no usable NIP


def _nip(seq: int) -> str:
    return next(p.nip for p in _siasn_people() if p.seq == seq)


def test_marts_hold_no_personal_data(hand: SimpleNamespace) -> None:
    nips = {p.values()["NIP BARU"] for p in hand.people.values()}
    niks = {p.values()["NIK"] for p in hand.people.values()}
    tables = query(hand.warehouse, "select table_name from information_schema.tables "
                                   "where table_schema = 'marts'")["table_name"]
    assert "simpeg_data_quality" in set(tables)
    id_like = re.compile(r"\d{16,18}|\d{8} \d{6} \d \d{3}")
    for table in tables:
        frame = query(hand.warehouse, f"select * from marts.{table}")
        for col in frame.columns:
            assert not re.search("nip|nik|nama$|email|hp|lahir", col), f"{table}.{col}"
            values = set(frame[col].dropna().astype(str))
            assert not any(id_like.search(v) for v in values), f"{table}.{col} has an ID"
            assert not values & (nips | niks), f"{table}.{col}"


def test_fix_list_is_not_published(hand: SimpleNamespace) -> None:
    published = Path(hand.result.published)
    con = duckdb.connect(str(published), read_only=True)
    try:
        schemas = {r[0] for r in con.execute(
            "select distinct schema_name from duckdb_tables()").fetchall()}
        tables = {r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()}
    finally:
        con.close()
    assert schemas == {"marts"}
    assert "simpeg_data_quality" in tables and "simpeg_fix_list" not in tables
    parquet = {p.stem for p in (published.parent / "parquet").glob("*.parquet")}
    assert "simpeg_fix_list" not in parquet and not any("restricted" in p for p in parquet)


def test_catalogue_rule_lists_agree() -> None:
    """The rule list of int_simpeg_quality_results names every rule of the seed, and every
    reject rule of the SIMPEG loader maps onto a quality rule."""
    seeds = ROOT / "dbt_project" / "seeds"
    with (seeds / "ref_simpeg_quality_rules.csv").open(encoding="utf-8") as fh:
        catalogue = [r["rule_code"] for r in csv.DictReader(fh)]
    assert catalogue == RULES  # the independent computation knows the same rules
    sql = (ROOT / "dbt_project" / "models" / "intermediate" /
           "int_simpeg_quality_results.sql").read_text(encoding="utf-8")
    listed = re.findall(r"'([A-Z]{3}_\d+)'", sql.split("%}")[0])
    assert listed == catalogue
    with (seeds / "ref_simpeg_quality_load_rules.csv").open(encoding="utf-8") as fh:
        mapped = {r["load_rule"]: r["rule_code"] for r in csv.DictReader(fh)}
    loader = (ROOT / "ingest" / "rules" / "simpeg.py").read_text(encoding="utf-8")
    rejects = set(re.findall(r'"([a-z_]+)",\s*S\.REJECT', loader))
    assert len(rejects) >= 15 and rejects <= set(mapped), rejects - set(mapped)
    assert set(mapped.values()) <= set(catalogue)
