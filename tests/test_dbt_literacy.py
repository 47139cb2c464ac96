"""The digital-literacy marts (Diskominfo: unique participants by sex, age group, kecamatan,
occupation and disability; APE I.3 share of sex-disaggregated programs) end to end on a
hand-written warehouse: 6 class lists in 2 programs over 2024-2025, with a class re-sent in a
later folder (the first version must be ignored), a person listed twice in one class, a
participant without NIK attending twice (fallback identity, name written differently), an
NIK registered outside the kabupaten, a participant of unknown sex, an age given as `umur`
only, and ages at the group edges (14, 24/25, 64, 65).

Both marts are compared in full with figures computed here in plain Python from the same rows
(an independent implementation of the rules), and hand-counted figures are asserted on top.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest
from warehouse_helpers import build_warehouse, insert_literacy_rows

try:
    from warehouse.dbt import DbtRunResult, run_dbt
except ModuleNotFoundError:  # pytest started without the repo root on sys.path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from warehouse.dbt import DbtRunResult, run_dbt

pytestmark = pytest.mark.slow

KEY = b"terpilah-literacy-test-key"
PA = "Literasi Digital Dasar"
PB = "Keamanan Digital"
ALL = "Semua program"

# People: nama, nik, nik_status, sex, tanggal_lahir, umur, pekerjaan, disabilitas, nomor_hp
ANI = ("Ani Lestari", "6107014504000001", "valid", "P", date(2000, 4, 5), None, "Petani",
       "Tidak", "081200000001")
BUDI = ("Budi Hartono", "6107011103600002", "valid", "L", date(1960, 3, 11), None, "Nelayan",
        "Tidak", "081200000002")
DEDI = ("Dedi Kurnia", "6107010101800003", "valid", "L", date(1980, 1, 1), None, "Guru",
        "Tidak", "081200000003")
SITI = ("Siti Aminah", None, "blank", "P", date(1990, 5, 1), None, "Ibu Rumah Tangga", None,
        "081200000004")
SITI_AGAIN = ("  SITI AMINAH ", None, "invalid", "P", date(1990, 5, 1), None,
              "Ibu Rumah Tangga", None, None)
YOHANES = ("Yohanes Paulus", "6171010101900005", "outside", "L", None, "35", "Wiraswasta",
           "Ya", "081200000005")
EKA = ("Eka Putra", "6107010202100006", "valid", None, None, None, None, None, None)
OPA = ("Markus Tua", "6107012004600007", "valid", "L", date(1960, 4, 20), None, "Petani",
       "Ya", "081200000007")
MUDA = ("Maria Muda", "6107016104100008", "valid", "P", date(2010, 4, 21), None, "Pelajar",
        "Tidak", "081200000008")

# (program, class_date, kecamatan, data_date, people)
LISTS: list[tuple[str, date, str, date, list[tuple[Any, ...]]]] = [
    (PA, date(2024, 12, 15), "Bengkayang", date(2024, 12, 16), [ANI]),
    (PA, date(2025, 3, 10), "Bengkayang", date(2025, 3, 11), [ANI, BUDI, DEDI]),  # superseded
    (PA, date(2025, 3, 10), "Bengkayang", date(2025, 3, 20), [ANI, BUDI, BUDI]),  # re-sent
    (PA, date(2025, 4, 5), "Ledo", date(2025, 4, 6), [ANI, SITI, YOHANES, EKA]),
    (PB, date(2025, 4, 20), "Ledo", date(2025, 4, 21), [SITI_AGAIN, ANI, OPA, MUDA]),
    (PB, date(2025, 4, 20), "Seluas", date(2025, 4, 21), [YOHANES]),
]  # fmt: skip

AGE_GROUPS = [(15, "< 15"), (25, "15-24"), (35, "25-34"), (45, "35-44"), (55, "45-54"),
              (65, "55-64")]  # fmt: skip
PERSONAL = ("nama", "nik", "nomor_hp", "tanggal_lahir")


def _raw_rows() -> list[tuple[Any, ...]]:
    loaded_at = datetime.now(UTC).replace(tzinfo=None)
    out = []
    for number, (program, class_date, kecamatan, data_date, people) in enumerate(LISTS, 1):
        batch = f"literacy:{data_date.isoformat()}:{number:012d}"
        for row_no, p in enumerate(people, start=5):
            nama, nik, status, sex, birth, umur, pekerjaan, disabilitas, hp = p
            # the last value is class_place: the list's kecamatan, as the loader sets it
            out.append((
                batch, data_date, f"peserta_{number:02d}.xlsx", "ef" * 32, "Peserta", row_no,
                loaded_at, nama, nik, sex, birth, umur, f"Desa {kecamatan}", kecamatan,
                pekerjaan, disabilitas, hp, program, class_date, status, kecamatan,
            ))  # fmt: skip
    return out


# ---------------------------------------------------------------------------------------------
# The expected marts, computed in plain Python from LISTS.
# ---------------------------------------------------------------------------------------------


def pct(part: int, whole: int) -> Decimal | None:
    if whole == 0:
        return None
    return (Decimal(100 * part) / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _age(birth: date | None, umur: str | None, on: date) -> int | None:
    if birth is None:
        return int(umur) if umur is not None else None
    years = on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
    return years if years >= 0 else None


def _age_group(age: int | None) -> str:
    if age is None:
        return "tidak diketahui"
    return next((label for limit, label in AGE_GROUPS if age < limit), "65+")


def _attendances() -> list[dict[str, Any]]:
    latest: dict[tuple[str, date, str], date] = {}
    for program, class_date, kec, data_date, _ in LISTS:
        key = (program, class_date, kec)
        latest[key] = max(latest.get(key, data_date), data_date)
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for program, class_date, kec, data_date, people in LISTS:
        if data_date != latest[(program, class_date, kec)]:
            continue
        for nama, nik, status, sex, birth, umur, pekerjaan, disabilitas, _hp in people:
            if status in ("valid", "outside"):
                person: tuple[Any, ...] = ("nik", nik)
            else:
                written = birth.isoformat() if birth else (f"umur:{umur}" if umur else "")
                person = ("fallback", nama.strip().lower(), written, kec)
            key = (program, class_date, kec, person)
            if key in out and out[key]["sex"] is not None:
                continue  # listed twice in the class: one attendance
            out[key] = {
                "program": program, "class_date": class_date, "kecamatan": kec,
                "person": person, "sex": sex,
                "age_group": _age_group(_age(birth, umur, class_date)),
                "pekerjaan": pekerjaan or "tidak diketahui",
                "disabilitas": disabilitas or "tidak diketahui",
            }  # fmt: skip
    return list(out.values())


ATTENDANCES = _attendances()
DIMENSIONS = ("kecamatan", "age_group", "pekerjaan", "disabilitas")


def _periods(day: date) -> list[tuple[str, date]]:
    return [("month", day.replace(day=1)), ("year", date(day.year, 1, 1))]


def _scoped() -> dict[tuple[str, date, str], list[dict[str, Any]]]:
    groups: dict[tuple[str, date, str], list[dict[str, Any]]] = defaultdict(list)
    for a in ATTENDANCES:
        for period_type, period in _periods(a["class_date"]):
            for program in (a["program"], ALL):
                groups[(period_type, period, program)].append(a)
    return groups


def _latest_per_person(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    latest: dict[tuple[Any, ...], dict[str, Any]] = {}
    for a in rows:
        order = (a["class_date"], a["program"], a["kecamatan"])
        held = latest.get(a["person"])
        if held is None or order > (held["class_date"], held["program"], held["kecamatan"]):
            latest[a["person"]] = a
    return list(latest.values())


def _counts(people: list[dict[str, Any]], rows: list[dict[str, Any]]) -> tuple[Any, ...]:
    def by_sex(items: list[dict[str, Any]]) -> list[int]:
        pria = sum(1 for i in items if i["sex"] == "L")
        wanita = sum(1 for i in items if i["sex"] == "P")
        unknown = sum(1 for i in items if i["sex"] is None)
        return [pria, wanita, unknown, len(items)]

    p, a = by_sex(people), by_sex(rows)
    return (*p, *a, pct(p[1], p[0] + p[1]))


def expected_participants() -> dict[tuple[Any, ...], tuple[Any, ...]]:
    out = {}
    for (period_type, period, program), rows in _scoped().items():
        people = _latest_per_person(rows)
        out[(period_type, period, program, "total", "Total")] = _counts(people, rows)
        for dim in DIMENSIONS:
            for category in {r[dim] for r in rows}:
                out[(period_type, period, program, dim, category)] = _counts(
                    [p for p in people if p[dim] == category],
                    [r for r in rows if r[dim] == category])
    return out


def expected_summary() -> dict[tuple[Any, ...], tuple[Any, ...]]:
    out: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    scoped = _scoped()
    for (period_type, period, program), rows in scoped.items():
        people = _latest_per_person(rows)
        counts = _counts(people, rows)
        fallback = sum(1 for p in people if p["person"][0] == "fallback")
        disaggregated = all(r["sex"] is not None for r in rows)
        programs: tuple[Any, ...] = (None, None, None)
        if program == ALL:
            names = [k[2] for k in scoped if k[:2] == (period_type, period) and k[2] != ALL]
            ok = sum(1 for n in names
                     if all(r["sex"] is not None for r in scoped[(period_type, period, n)]))
            programs = (len(names), ok, pct(ok, len(names)))
        target = counts[-1] is not None and counts[-1] > 50
        out[(period_type, period, program)] = (*counts, target, fallback, disaggregated,
                                               *programs)
    return out


# ---------------------------------------------------------------------------------------------
# The warehouse and the tests.
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DbtRunResult]:
    path = tmp_path_factory.mktemp("dbt_literacy") / "warehouse.duckdb"
    build_warehouse(path, KEY, [])
    insert_literacy_rows(path, _raw_rows())
    seeded = run_dbt(["seed"], warehouse=path)
    assert seeded.success, seeded.failures or seeded.error
    # Only these marts and what they read, with the tests whose every parent is built
    # (cautious): the other sources' models would run on empty tables and prove nothing here.
    result = run_dbt(
        ["build", "--select", "+literacy_participants +literacy_summary",
         "--exclude", "resource_type:snapshot", "--indirect-selection", "cautious"],
        warehouse=path,
    )
    assert result.success, result.failures or result.error
    return path, result


@pytest.fixture(scope="module")
def warehouse(built: tuple[Path, DbtRunResult]) -> Path:
    return built[0]


def _query(path: Path, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


PARTICIPANT_COUNTS = ("participants_pria, participants_wanita, participants_unknown_sex, "
                      "participants_total, attendances_pria, attendances_wanita, "
                      "attendances_unknown_sex, attendances_total, pct_wanita")


def _participants(path: Path) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    rows = _query(path, "select period_type, period, program, dimension, category, "
                        f"{PARTICIPANT_COUNTS} from marts.literacy_participants")
    return {r[:5]: r[5:] for r in rows}


def _summary(path: Path) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    rows = _query(path, f"select period_type, period, program, {PARTICIPANT_COUNTS}, "
                        "target_met, fallback_identified, is_sex_disaggregated, programs_total, "
                        "programs_sex_disaggregated, pct_programs_sex_disaggregated "
                        "from marts.literacy_summary")
    return {r[:3]: r[3:] for r in rows}


def test_build_ran_literacy_tests(built: tuple[Path, DbtRunResult]) -> None:
    """The literacy unit tests and singular tests ran and passed (not silently deselected)."""
    statuses = {r.unique_id: r.status for r in built[1].results}
    for needle in ("literacy_age_groups_at_the_edges", "literacy_fallback_identity",
                   "literacy_latest_class_version_and_one_row_per_person",
                   "assert_literacy_participants_dimensions_sum_to_total",
                   "assert_literacy_participants_total_equals_summary",
                   "assert_literacy_summary_all_programs_bounds"):
        found = [s for uid, s in statuses.items() if uid.endswith(needle)]
        assert found == ["pass"], (needle, found)


def test_participants_mart_matches_independent_computation(warehouse: Path) -> None:
    assert _participants(warehouse) == expected_participants()


def test_summary_mart_matches_independent_computation(warehouse: Path) -> None:
    assert _summary(warehouse) == expected_summary()


def test_hand_counted_figures(warehouse: Path) -> None:
    summary = _summary(warehouse)
    # 2025, all programs: Ani, Budi, Siti (fallback, twice), Yohanes (outside NIK), Eka
    # (unknown sex), Markus, Maria; Dedi only on the superseded list; Budi listed twice.
    # Attendances: 2 in March, 4 + 4 + 1 (Yohanes in Seluas) in April.
    assert summary[("year", date(2025, 1, 1), ALL)] == (
        3, 3, 1, 7, 4, 6, 1, 11, Decimal("50.0"), False, 1, False, 2, 1, Decimal("50.0"))
    # April 2025, Keamanan Digital: Siti, Ani, Markus, Maria in Ledo, Yohanes in Seluas.
    assert summary[("month", date(2025, 4, 1), PB)][:10] == (
        2, 3, 0, 5, 2, 3, 0, 5, Decimal("60.0"), True)
    assert summary[("month", date(2025, 3, 1), PA)][:8] == (1, 1, 0, 2, 1, 1, 0, 2)
    participants = _participants(warehouse)
    # Ani is 24 in March 2025 and 25 from 5 April: in the year she is 25-34 (latest class).
    year = ("year", date(2025, 1, 1), ALL, "age_group")
    assert participants[(*year, "25-34")][:4] == (0, 2, 0, 2)  # Ani and Siti (34)
    assert participants[(*year, "15-24")] == (0, 0, 0, 0, 0, 1, 0, 1, None)
    assert participants[(*year, "65+")][:4] == (1, 0, 0, 1)  # Markus, 65 on the day
    assert participants[(*year, "< 15")][:4] == (0, 1, 0, 1)  # Maria, 14 the day before 15
    assert participants[(*year, "55-64")][:4] == (1, 0, 0, 1)  # Budi, 64 the day before 65
    assert participants[(*year, "35-44")][:4] == (1, 0, 0, 1)  # Yohanes, umur 35
    assert participants[(*year, "tidak diketahui")][:4] == (0, 0, 1, 1)  # Eka
    # Yohanes's latest class (same day) is Keamanan Digital in Seluas, not Ledo.
    assert participants[("year", date(2025, 1, 1), ALL, "kecamatan", "Seluas")][:4] == (
        1, 0, 0, 1)
    assert participants[("year", date(2025, 1, 1), ALL, "disabilitas", "Ya")][:4] == (
        2, 0, 0, 2)


def test_marts_hold_no_personal_data(warehouse: Path) -> None:
    needles = {v for *_, people in LISTS for p in people
               for v in (p[0].strip(), p[1], p[8]) if v}
    needles |= {p[4].isoformat() for *_, people in LISTS for p in people if p[4]}
    needles |= {p[4].strftime("%d-%m-%Y") for *_, people in LISTS for p in people if p[4]}
    for table in ("literacy_participants", "literacy_summary"):
        columns = {c[0] for c in _query(
            warehouse, "select column_name from information_schema.columns "
            "where table_schema = 'marts' and table_name = ?", [table])}
        assert columns and not columns & set(PERSONAL), table
        cells = _query(warehouse, f"select * from marts.{table}")
        text = "\n".join(str(v) for row in cells for v in row)
        assert not [n for n in needles if n in text], table
    staging = {c[0] for c in _query(
        warehouse, "select column_name from information_schema.columns "
        "where table_schema = 'staging' and table_name = 'stg_literacy__attendance'")}
    assert staging and not staging & set(PERSONAL)


def test_participant_key_is_hmac(warehouse: Path) -> None:
    import hashlib
    import hmac

    keys = {r[0] for r in _query(
        warehouse, "select distinct participant_key from intermediate.int_literacy_attendances")}
    expected = {hmac.new(KEY, v.encode(), hashlib.sha256).hexdigest() for v in (
        ANI[1], YOHANES[1], "siti aminah|1990-05-01|Ledo")}
    assert expected <= keys
    # Ani, Budi, Siti, Yohanes, Eka, Markus, Maria; Dedi is only on the superseded list.
    assert len(keys) == 7
