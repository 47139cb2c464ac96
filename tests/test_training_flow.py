"""Attendance lists through the real nightly flow: good lists load, bad ones are explained and
nothing is lost, a rejected list leaves the previous state, a rerun is safe."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from flow_helpers import query, run_nightly
from xlsx_helpers import write_attendance_list

from terpilah.sample import generate_sample

pytestmark = pytest.mark.slow

HEADER = ["NO", "NAMA", "NIP", "JABATAN", "UNIT KERJA", "L/P", "KETERANGAN"]


def _xlsx(path: Path, title: list[str], rows: list[list[object]],
          header: list[str] = HEADER) -> Path:
    return write_attendance_list(path, title, header, rows)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    root = tmp_path_factory.mktemp("training_flow")
    landing = root / "landing"
    generate_sample(landing, scale="small", seed=4, months=1, flaws=False)
    warehouse = root / "wh.duckdb"
    # Every test here reads what loading wrote (raw, audit, restricted); the marts built from
    # it are checked end to end elsewhere (test_training_e2e.py): load only, no dbt build.
    first = run_nightly(landing, warehouse, build=False)
    assert first.status == "success", first.dbt_failures
    people = query(warehouse, "select nip, jenis_kelamin, pd_name from raw.simpeg_employees "
                   "order by nip limit 6")
    nips = list(people["nip"])
    sex = dict(zip(people["nip"], people["jenis_kelamin"], strict=True))
    other = {"L": "P", "P": "L"}
    day = landing / "training" / "2025-12-12"
    _xlsx(day / "sosialisasi.xlsx",
          ["DAFTAR HADIR", "SOSIALISASI PENGARUSUTAMAAN GENDER (PUG)",
           "Bengkayang, 10-12 Desember 2025", "Penyelenggara : DP3A"],
          [[1, "Peserta A", nips[0], "Staf", "Dinas", sex[nips[0]], ""],
           [2, "Peserta B", nips[1], "Staf", "Dinas", other[sex[nips[1]]], ""],  # conflict
           [3, "Peserta C", nips[1], "Staf", "Dinas", sex[nips[1]], ""],  # duplicate row
           [4, "Kader D", "", "Kader PKK", "PKK Ledo", "P", ""],  # not an ASN
           [5, "Peserta E", nips[2][:-1], "Staf", "Dinas", "L", ""],  # mistyped NIP
           [6, "Peserta F", "199001012015031999", "Staf", "Provinsi", "L", ""],  # unknown
           [7, "Peserta G", nips[3], "Staf", "Dinas", sex[nips[3]], "Tidak Hadir"]]
          + [[8 + i, f"Warga {i}", "", "Warga", "Desa Sebalos", "L", ""] for i in range(20)])
    csv_lines = ["DAFTAR HADIR PESERTA", "PELATIHAN PPRG", "Tanggal : 11 Desember 2025", "",
                 ";".join(HEADER), f"1;Peserta H;{nips[4]};Perencana;Bappeda;{sex[nips[4]]};"]
    (day / "pprg.csv").write_text("\n".join(csv_lines) + "\n", encoding="utf-8-sig")
    second = run_nightly(landing, warehouse, build=False)
    return SimpleNamespace(landing=landing, warehouse=warehouse, first=first, second=second,
                           nips=nips, day=day)


def test_lists_load_with_their_event(world: SimpleNamespace) -> None:
    files = {f.file: f for f in world.second.files}
    assert set(files) == {"sosialisasi.xlsx", "pprg.csv"}
    assert all(f.status == "accepted" for f in files.values())
    assert files["sosialisasi.xlsx"].rows_read == 27 and files["sosialisasi.xlsx"].rows_loaded == 26
    raw = query(world.warehouse, "select source_file, training_kind, event_start, event_end, "
                "nip_status, count(*) as n from raw.training_attendance group by all "
                "order by all")
    kinds = set(zip(raw["source_file"], raw["training_kind"], strict=True))
    assert kinds == {("sosialisasi.xlsx", "pug_awareness"), ("pprg.csv", "pprg")}
    status = raw.groupby("nip_status")["n"].sum().to_dict()
    assert status == {"valid": 5, "blank": 21, "invalid": 1}


def test_bad_rows_are_explained_and_kept(world: SimpleNamespace) -> None:
    quarantine = query(world.warehouse, "select source_file, source_row, \"column\", rule "
                       "from audit.quarantine where source = 'training'")
    assert list(quarantine.itertuples(index=False, name=None)) == [
        ("sosialisasi.xlsx", 9, "NIP", "attendance_duplicate")]
    kept = query(world.warehouse, "select source_row from restricted.rejected_rows "
                 "where source = 'training'")
    assert list(kept["source_row"]) == [9]  # the row as read, for the data team
    findings = query(world.warehouse, "select source_row, rule from audit.findings "
                     "where source = 'training' and severity = 'warning' order by 1, 2")
    assert list(findings.itertuples(index=False, name=None)) == [
        (8, "sex_conflicts_nip"), (8, "sex_differs_from_simpeg"), (11, "nip_format"),
        (12, "nip_not_in_simpeg")]


def test_personal_data_stays_out_of_the_audit(world: SimpleNamespace) -> None:
    audit = query(world.warehouse, "select value_masked from audit.quarantine union all "
                  "select value_masked from audit.findings")
    shown = " ".join(str(v) for v in audit["value_masked"])
    assert not any(nip in shown for nip in world.nips) and "Peserta" not in shown


@pytest.mark.parametrize(("title", "header", "rule", "says"), [
    (["DAFTAR HADIR", "RAPAT KOORDINASI PERANGKAT DAERAH", "3 Desember 2025"], HEADER,
     "training_kind_unknown", "RAPAT KOORDINASI PERANGKAT DAERAH"),
    (["DAFTAR HADIR", "SOSIALISASI PUG", "3 Desember 2025"],
     [h for h in HEADER if h != "NIP"], "required_column_missing", "'NIP'"),
])
def test_a_rejected_list_leaves_the_previous_state(world: SimpleNamespace, title: list[str],
                                                  header: list[str], rule: str,
                                                  says: str) -> None:
    before = query(world.warehouse, "select * from raw.training_attendance order by all")
    rows = [[1, "Peserta", world.nips[5], "Staf", "Dinas", "L", ""]]
    if "NIP" not in header:
        rows = [[1, "Peserta", "Staf", "Dinas", "L", ""]]
    path = _xlsx(world.landing / "training" / "2025-12-03" / "bad.xlsx", title, rows, header)
    try:
        result = run_nightly(world.landing, world.warehouse, build=False)
    finally:
        path.unlink()
        path.parent.rmdir()
    [bad] = [f for f in result.files if f.file == "bad.xlsx"]
    assert bad.status == "rejected" and any(says in r for r in bad.reasons)
    recorded = query(world.warehouse, "select rule, message from audit.quarantine "
                     f"where source_file = 'bad.xlsx' and rule = '{rule}'")
    assert len(recorded) >= 1 and says in recorded.loc[0, "message"]
    after = query(world.warehouse, "select * from raw.training_attendance order by all")
    assert after.equals(before)


def test_rerun_is_safe(world: SimpleNamespace) -> None:
    before = query(world.warehouse, "select * exclude (loaded_at) from "
                   "raw.training_attendance order by all")
    # Loading is what a rerun could break (marts are rebuilt from raw; their rerun is checked
    # end to end): load only, no dbt build.
    again = run_nightly(world.landing, world.warehouse, force=True, build=False)
    assert again.status == "success", again.dbt_failures
    after = query(world.warehouse, "select * exclude (loaded_at) from "
                  "raw.training_attendance order by all")
    assert after.drop(columns="batch_id").equals(before.drop(columns="batch_id"))
