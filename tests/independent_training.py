"""An independent computation of the PUG training coverage (I.2.1) and facilitator count
(I.2.4) from the generated sample files, in plain pandas.

It shares no code with ingest/ or dbt: it reads the attendance lists with openpyxl/csv, takes
each event's kind and end date from the sample manifest (what the generator meant), drops the
rows the manifest says are rejected, and counts against the SIMPEG files read by
``independent_profile``.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import pandas as pd
from independent_profile import NOT_ASN, _read

from terpilah.sample import SampleManifest

PUG_KINDS = {"pug_awareness", "pprg", "tof", "latsar", "gender_champion"}
ABSENT = re.compile(r"tidak hadir|tdk\.? hadir|izin|sakit|absen|^th$|^dl$", re.IGNORECASE)


def _rows(root: Path, file: object) -> list[list[str]]:
    path = root / file.path  # type: ignore[attr-defined]
    if path.suffix == ".csv":
        data = path.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252")
        delimiter = ";" if text.count(";") > text.count(",") else ","
        return [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    import openpyxl

    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    return [["" if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)]


def attendance(root: Path) -> pd.DataFrame:
    """One row per counted attendance: kind, end, nip digits ('' if none), sex, present."""
    manifest = SampleManifest.load(root)
    parts = []
    for file in manifest.training:
        rows = _rows(root, file)
        header = [h.strip().upper() for h in rows[file.header_row - 1]]
        rejected = {f.row for f in file.flaws if f.expected == "rejected"}
        records = []
        for number, row in enumerate(rows[file.header_row:], start=file.header_row + 1):
            cells = dict(zip(header, [c.strip() for c in row], strict=False))
            name = next((cells[h] for h in cells if h.startswith("NAMA")), "")
            if number in rejected or not name or name.isdigit():
                continue  # a rejected row, a blank row or the column-number row
            nip = re.sub(r"\D", "", next((cells[h] for h in cells if h.startswith("NIP")), ""))
            note = next((cells[h] for h in cells if h.startswith("KET")), "")
            records.append({"nip": nip if len(nip) == 18 else "", "present": not ABSENT.search(
                note), "certified": file.kind == "tof" and "sertifikat" in note.lower()
                and not re.search("belum|tidak", note, re.IGNORECASE)})
        frame = pd.DataFrame(records, columns=["nip", "present", "certified"])
        frame["kind"] = file.kind
        frame["end"] = date.fromisoformat(file.end)
        parts.append(frame)
    return pd.concat(parts, ignore_index=True)


def expected_coverage(root: Path) -> pd.DataFrame:
    """(data_date, scope, pd_name, asn_pria, asn_wanita, trained_pria, trained_wanita)."""
    manifest = SampleManifest.load(root)
    seen = attendance(root)
    pug = seen[seen["kind"].isin(PUG_KINDS) & seen["present"] & (seen["nip"] != "")]
    out = []
    for file in manifest.files:
        on = date.fromisoformat(file.data_date)
        frame = _read(root, file)
        rejected = {f.row for f in file.flaws if f.expected == "rejected"}
        frame = frame[~frame["row"].isin(rejected)]
        nip_sex = frame["nip"].str[14].map({"1": "L", "2": "P"})
        people = pd.DataFrame({
            "nip": frame["nip"], "pd": frame["pd"].str.split().str.join(" "),
            "sex": frame["sex"].where(frame["sex"].isin(["L", "P"]), nip_sex),
            "asn": ~frame["kedudukan"].isin(NOT_ASN)})
        people = people[people["asn"]]
        trained = set(pug.loc[pug["end"] <= on, "nip"])
        people["trained"] = people["nip"].isin(trained)
        people["all"] = "kabupaten"
        for scope, key in (("kabupaten", "all"), ("pd", "pd")):
            counts = people.groupby([key, "sex"]).agg(
                asn=("nip", "size"), trained=("trained", "sum")).unstack("sex", fill_value=0)
            counts.columns = [f"{m}_{'pria' if s == 'L' else 'wanita'}" for m, s in counts.columns]
            counts = counts.reset_index()
            for col in ("asn_pria", "asn_wanita", "trained_pria", "trained_wanita"):
                if col not in counts:
                    counts[col] = 0
            counts["data_date"] = on
            counts["scope"] = scope
            counts["pd_name"] = counts["pd"] if key == "pd" else None
            out.append(counts[["data_date", "scope", "pd_name", "asn_pria", "asn_wanita",
                               "trained_pria", "trained_wanita"]])
    return pd.concat(out, ignore_index=True)
