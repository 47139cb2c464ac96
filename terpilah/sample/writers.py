"""Write one extract as a SIASN XLSX ("Data Utama" + "Keterangan") or a local SIMPEG CSV."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pandas as pd

from terpilah.sample.codes import PEMDA
from terpilah.sample.flaws import Flawed
from terpilah.sample.render import LOCAL_COLUMNS, indonesian_date
from terpilah.sample.xlsx import Sheet, write_xlsx

SIASN_HEADER_ROW = 1
LOCAL_HEADER_ROW = 5  # three title rows and an empty row above the header
LOCAL_ENCODING = "cp1252"


def file_name(layout: str, on: date) -> str:
    if layout == "siasn":
        return f"siasn_data_utama_{on.isoformat()}.xlsx"
    return f"simpeg_lokal_{on.isoformat()}.csv"


def write_siasn(path: Path, flawed: Flawed, on: date) -> None:
    """The SIASN download: header in row 1 of "Data Utama", notes on a second sheet."""
    notes = pd.DataFrame({"Keterangan": [
        "DATA UTAMA PNS DAN PPPK",
        f"Instansi: {PEMDA}",
        "Sumber: SIASN Badan Kepegawaian Negara (unduh data utama)",
        f"Keadaan data per {on.day:02d}-{on.month:02d}-{on.year}",
        f"Jumlah baris data: {len(flawed.table)}",
        "Kolom tanggal dalam format DD-MM-YYYY; NIP dan NIK ditulis sebagai teks.",
    ]})  # fmt: skip
    sheets = [
        Sheet("Data Utama", flawed.table, numeric=flawed.numeric),
        Sheet("Keterangan", notes, header=False),
    ]
    write_xlsx(path, sheets, created=on)


def write_local(path: Path, flawed: Flawed, on: date) -> None:
    """A "daftar nominatif": title rows, header, numbered rows, a final JUMLAH row.

    Written as Excel saves a sheet to CSV in an Indonesian locale: ``;``-separated, cp1252,
    CRLF, every line padded to the full column count.
    """
    table = flawed.table.copy()
    rows = len(table)
    table["NO"] = [str(i) for i in range(1, rows + 1)]
    width = len(LOCAL_COLUMNS)

    def line(*cells: str) -> list[str]:
        return [*cells, *([""] * (width - len(cells)))]

    with open(path, "w", encoding=LOCAL_ENCODING, newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(line("DAFTAR NOMINATIF PEGAWAI"))
        writer.writerow(line(PEMDA.upper()))
        writer.writerow(line(f"KEADAAN PER {indonesian_date(on)}"))
        writer.writerow(line())
        writer.writerow(LOCAL_COLUMNS)
        writer.writerows(table[list(LOCAL_COLUMNS)].itertuples(index=False, name=None))
        writer.writerow(line(str(rows), "", "JUMLAH"))
