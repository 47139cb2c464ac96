"""Masking by value: personal data is hidden whatever column it sits in, and codes, amounts,
dates and place names stay readable."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from xlsx_helpers import write_xlsx

from ingest.extract import extract_file
from ingest.normalise import mask_values
from ingest.privacy import NAME_HIDDEN, code_shape, mask_cell, mask_personal, mask_tree
from ingest.sources import SOURCES
from ingest.spec import ColumnSpec, Kind, Pii
from warehouse.schema import migrations

NIP = "197005121995032004"
SIGNER = "Drs. H. AHMAD YANI, M.Si"


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


@pytest.mark.parametrize("text", [
    "19700512 199503 2 004", "197005121995032004", "19700512-199503-2-004",
    "19700512.199503.2.004", "NIP. 19700512 199503 2 004", "NIP.19700512 199503 2 004",
    "'197005121995032004", "1 197005121995032004",  # a row number joined before it
    "6107041205850001", "6107 0412 0585 0001", "610704.120585.0001", "6107-0412-0585-0001",
    "NIK: 6107041205850001 (KTP)", "19700512 199503 2 00",  # one digit short
])
def test_ids_in_any_grouping_keep_only_their_last_three_digits(text: str) -> None:
    masked = mask_personal(text)
    shown = _digits(masked)
    assert len(shown) <= 3 and _digits(text).endswith(shown), masked
    assert len(masked) == len(text)  # the shape stays: the sender sees where it was


@pytest.mark.parametrize("text", ["1.97005E+17", "1.97005121995032E+17", "6.10704E+15",
                                  "1,97005E+17", "1.9700512199503201e+17"])
def test_ids_turned_into_excel_floats_are_masked(text: str) -> None:
    masked = mask_personal(text)
    assert "97005" not in masked and "10704" not in masked
    assert masked.upper().endswith(("E+17", "E+15"))


@pytest.mark.parametrize("text", [
    "081234567890", "0812-3456-7890", "0812 3456 7890", "(0812) 3456-7890", "+62 812 3456 7890",
    "+6281234567890", "62 812-3456-7890", "62-812-3456-789", "HP/WA: 0852 4567 1234",
])
def test_phone_numbers_are_masked(text: str) -> None:
    masked = mask_personal(text)
    assert _digits(masked)[-3:] == _digits(text)[-3:]
    assert "3456" not in masked and "4567" not in masked, masked


def test_email_addresses_keep_only_their_domain() -> None:
    assert mask_personal("budi.santoso@gmail.com") == "***@gmail.com"
    masked = mask_personal("Kontak: siti_aminah89@bengkayangkab.go.id, 0812-3456-7890")
    assert "siti" not in masked and "@bengkayangkab.go.id" in masked and "3456" not in masked


@pytest.mark.parametrize(("text", "left"), [
    ("Drs. H. AHMAD YANI, M.Si", ""),
    ("Hj. Siti Aminah", ""),
    ("Dra. SITI RAHAYU", ""),
    ("Ir. Joko Susilo, M.T.", ""),
    ("dr. Rina Marlina, Sp.OG", ""),
    ("Prof. Dr. Bambang Hartono, M.Pd", ""),
    ("SITI AMINAH, S.Pd", ""),
    ("Budi Santoso, S.E., M.M.", ""),
    ("Budi Santoso, SE, MM", ""),
    ("YOHANES ALOY S.Sos", ""),
    ("MARIA GORETTI, A.Md.Kep", ""),
    ("Kepala Dinas SITI AMINAH, S.Pd", "Kepala Dinas"),
    ("Kepala Dinas Drs. H. AHMAD YANI, M.Si", "Kepala Dinas"),
])
def test_names_with_honorifics_or_degrees_are_hidden(text: str, left: str) -> None:
    masked = mask_personal(text)
    assert masked == f"{left} {NAME_HIDDEN}".strip(), masked


def test_a_signature_line_keeps_its_place_and_date_and_loses_name_and_nip() -> None:
    line = ("Bengkayang, 16 April 2025 Kepala Dinas Drs. H. AHMAD YANI, M.Si "
            "NIP. 19700512 199503 2 004")
    masked = mask_personal(line)
    assert masked.startswith("Bengkayang, 16 April 2025 Kepala Dinas ")
    assert "AHMAD" not in masked and "YANI" not in masked and "19700512" not in masked
    assert NAME_HIDDEN in masked and masked.endswith("004")


@pytest.mark.parametrize("text", [
    "2.08.02.2.01.0001", "5.1.02.01.01.0024", "1.01.0.00.0.00.01.0000", "Rp 50.000.000,00",
    "Rp 62.812.345.678", "2337873999.9900002", "1.234.567.890.123,45", "12-01-1985",
    "2025-04-14 10:00:00", "III/a", "IV/b", "II.a", "Kecamatan Seluas", "Ledo", "Sanggau Ledo",
    "Kecamatan Seluas, 16 April 2025", "14-16 April 2025", "14 s.d. 16 April 2025",
    "JANUARI S.D. DESEMBER 2025", "A.N. KEPALA DINAS", "TAHUN ANGGARAN 2025",
    "NOMOR : 12 TAHUN 2023", "PERATURAN BUPATI BENGKAYANG NOMOR 80 TAHUN 2024",
    "ORIENTASI GENDER CHAMPION BAGI PEJABAT ADMINISTRATOR", "TRAINING OF FACILITATOR (ToF) PUG",
    "DINAS KOMUNIKASI DAN INFORMATIKA", "JENIS KELAMIN (L/P)", "KATEGORI ARG (1/2/3)",
    "PAGU (Rp)", "S-1/Sarjana", "D-III", "D.III", "Laki-laki", "Penata Muda Tk.I",
    "Pembina Utama Muda, IV/c", "Desa Sebalos, SP 2", "Tdk Hadir", "Bersertifikat",
    "Guru Ahli Muda", "Kepala Dinas", "Mengetahui,", "PPPK", "1234567890123",
])
def test_codes_amounts_dates_and_places_stay_readable(text: str) -> None:
    assert mask_personal(text) == text


def test_masking_twice_changes_nothing_more() -> None:
    for text in ("NIP. 19700512 199503 2 004", "Drs. H. AHMAD YANI, M.Si", "0812-3456-7890",
                 "budi@x.go.id"):
        once = mask_personal(text)
        assert mask_personal(once) == once


SEX = ColumnSpec("jenis_kelamin", Kind.SEX, ("L P",))
GOL = ColumnSpec("golongan", Kind.GOLONGAN, ("GOL",))
DATE = ColumnSpec("tmt_cpns", Kind.DATE, ("TMT CPNS",))
MONEY = ColumnSpec("pagu", Kind.MONEY, ("PAGU",))
KODE = ColumnSpec("kode", Kind.TEXT, ("KODE",))
FREE = ColumnSpec("keterangan", Kind.TEXT, ("KETERANGAN",))


@pytest.mark.parametrize(("column", "text"), [
    (SEX, "L"), (SEX, "P"), (SEX, "Laki-laki"), (SEX, "Perempuan"), (SEX, "X"), (SEX, "L/P"),
    (GOL, "III/a"), (GOL, "III-e"), (GOL, "Gol. IV/b"), (GOL, "Penata Muda Tk.I"),
    (GOL, "@SUM(A1)"),
    (DATE, "12-01-1985"), (DATE, "31-02-1985"), (DATE, "12 Januari 1985"),
    (MONEY, "Rp 50.000.000,00"), (MONEY, "2337873999.9900002"), (MONEY, "Rp -"),
    (KODE, "2.08.02.2.01.0001"), (KODE, "JUMLAH"), (KODE, "X.XX.01"),
    (FREE, "Tdk Hadir"), (FREE, "Budi"),  # a free-text column shows text, masked by shape only
])
def test_a_value_shaped_like_its_columns_codes_is_shown(column: ColumnSpec, text: str) -> None:
    assert mask_cell(text, column) == text


@pytest.mark.parametrize(("column", "text"), [
    (SEX, "Drs. H. AHMAD YANI, M.Si"), (SEX, "NIP. 19700512 199503 2 004"), (SEX, "AHMAD YANI"),
    (SEX, "Budi"), (SEX, "Ani"), (SEX, "12-01-1985"), (GOL, "SITI AMINAH"),
    (GOL, "197005121995032004"),
    (DATE, "AHMAD YANI"), (DATE, "Bengkayang, 16 April 2025 Kepala Dinas"),
    (MONEY, "197005121995032004"), (MONEY, "Kepala Dinas"), (KODE, "Mengetahui Kepala Dinas"),
])
def test_anything_else_in_a_coded_column_is_hidden_whole(column: ColumnSpec, text: str) -> None:
    assert mask_cell(text, column) == f"(hidden: {len(text)} characters)"


def test_a_code_shaped_personal_value_is_still_masked_by_its_shape() -> None:
    assert mask_cell("0812-3456-7890", KODE) == "****-****-*890"
    assert mask_cell("6107 0412 0585 0001", KODE) == "**** **** **** *001"


def test_every_coded_kind_has_a_shape_and_free_text_has_none() -> None:
    coded = {Kind.SEX, Kind.GOLONGAN, Kind.ESELON, Kind.JENIS_PEGAWAI, Kind.KEDUDUKAN,
             Kind.JENIS_JABATAN, Kind.PENDIDIKAN, Kind.DATE, Kind.MONEY, Kind.COUNT}
    for spec in SOURCES.values():
        for col in spec.loaded_columns:
            if col.pii is Pii.NONE and col.kind in coded:
                assert code_shape(col) is not None, col.name
    assert code_shape(FREE) is None and code_shape(KODE) is not None


def test_an_id_column_hides_a_name_whole_and_keeps_three_digits_of_an_id() -> None:
    text = pd.Series(["197005121995032004", "Drs. H. AHMAD YANI", "1.98504E+17", pd.NA],
                     dtype="string")
    shown = mask_values(text, Pii.NIP).tolist()
    assert shown[0] == "***************004" and shown[1] == "(hidden: 18 characters)"
    assert "98504" not in shown[2] and pd.isna(shown[3])


def test_mask_tree_masks_every_text_and_keeps_keys_and_numbers() -> None:
    tree = {"columns": {"nip": "NIP 19700512 199503 2 004"}, "header_row": 8,
            "attributes": {"organiser": {"value": "Drs. AHMAD YANI", "evidence": "line 3"}},
            "unused": ["HP 0812-3456-7890"]}
    masked = mask_tree(tree)
    assert isinstance(masked, dict) and masked["header_row"] == 8
    assert set(masked["columns"]) == {"nip"} and "19700512" not in str(masked)
    assert "AHMAD" not in str(masked) and "3456" not in str(masked)
    assert masked["attributes"]["organiser"]["evidence"] == "line 3"


ATTENDANCE_HEADER = ["NO", "NIP", "NAMA", "L/P", "TGL LAHIR", "STATUS PEGAWAI", "GOL",
                     "TMT CPNS", "JABATAN", "ESELON", "PENDIDIKAN", "UNIT KERJA"]


def test_personal_values_in_a_coded_column_reach_no_issue_unmasked(tmp_path: Path) -> None:
    """The issue's case: a signer's name and NIP in the L/P column (rows that are data rows,
    whatever the reader makes of the signature block under them)."""
    def row(no: int, nip: str, sex: str) -> list[object]:
        return [no, nip, f"Pegawai {no}", sex, "11-04-1968", "PNS", "III/a", "01-03-1993",
                "Camat", "III.a", "S1", "Kecamatan Ledo"]
    signer_nip = f"NIP. {NIP[:8]} {NIP[8:14]} {NIP[14]} {NIP[15:]}"
    rows = [["DAFTAR NOMINATIF PEGAWAI"], ATTENDANCE_HEADER,
            row(1, "19680411 199303 1 009", "L"), row(2, "196804111993031010", SIGNER),
            row(3, "196804111993031011", signer_nip), row(4, "196804111993031012", "0812-3456"),
            ["", "", "", "Bengkayang, 16 April 2025"], ["", "", "", SIGNER],
            ["", "", "", signer_nip]]
    path = write_xlsx(tmp_path / "pegawai.xlsx", {"Pegawai": rows})
    fx = extract_file(path, SOURCES["simpeg"], pd.Timestamp("2025-12-31").date())
    shown = " ".join(str(v) for v in [*fx.issues["value"], *fx.issues["message"],
                                      *fx.issues["column"]])
    for secret in ("AHMAD", "YANI", NIP[:8], "3456", "19680411"):
        assert secret not in shown, secret
    sex = fx.issues[fx.issues["rule"] == "sex_invalid"].set_index("source_row")["value"]
    assert sex[4] == f"(hidden: {len(SIGNER)} characters)"
    assert sex[5] == f"(hidden: {len(signer_nip)} characters)"


def test_migration_adds_the_missing_columns_of_audit_and_raw_tables() -> None:
    spec = SOURCES["training"]
    old_files = ["batch_id", "source", "data_date", "source_file", "source_sha256",
                 "source_sheet", "status", "reason", "rows_read", "rows_loaded",
                 "rows_rejected", "warnings", "archived_path", "processed_at"]
    raw_cols = ["batch_id", "data_date", "source_file", "source_sha256", "source_sheet",
                "source_row", "loaded_at", *(c.name for c in spec.loaded_columns[:-1])]
    existing = [("audit", "files", c) for c in old_files]
    existing += [("raw", spec.table.split(".")[1], c) for c in raw_cols]
    ddl = migrations(existing, [spec], "duckdb")
    added = {s.split(" ADD COLUMN IF NOT EXISTS ")[1].split()[0] for s in ddl}
    assert {"reading_json", "header_row", "understood", spec.loaded_columns[-1].name} <= added
    assert all("NOT NULL" not in s for s in ddl)
    assert not [s for s in ddl if "audit.quarantine" in s]  # not created yet: CREATE makes it
