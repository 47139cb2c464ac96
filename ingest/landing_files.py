"""What the landing folder tells a sender about a file it does not read, by what the file is:
a lock file of an open workbook, a hidden or temporary file, or a type that cannot be read
(with the way to make it readable)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

_SAVE_XLSX = "save it as .xlsx (File > Save As > Excel Workbook) into the same folder"
_BY_TYPE: dict[str, str] = {
    ".ods": "open it in LibreOffice and save it as .xlsx into the same folder",
    ".xlsb": f"it is an Excel binary workbook: open it in Excel and {_SAVE_XLSX}",
    ".xlt": f"it is an Excel template: open it in Excel and {_SAVE_XLSX}",
    ".xltx": f"it is an Excel template: open it in Excel and {_SAVE_XLSX}",
    ".xltm": f"it is an Excel template: open it in Excel and {_SAVE_XLSX}",
    ".numbers": "open it in Numbers and export it as .xlsx (File > Export To > Excel) into "
                "the same folder",
    ".pdf": "a PDF is a printout, not a table: put the spreadsheet it was printed from "
            "(.xlsx or .csv; in SIPD, export to Excel) into the same folder",
    ".tsv": "rename it to .txt (tab-separated text is read as .txt) or save it as .csv",
}
_DOCUMENTS = (".doc", ".docx", ".odt", ".rtf", ".wps", ".ppt", ".pptx", ".odp")
_ARCHIVES = (".zip", ".rar", ".7z", ".gz", ".tgz", ".tar", ".bz2", ".xz")
_PICTURES = (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".heic", ".webp")
for _suffix in _DOCUMENTS:
    _BY_TYPE[_suffix] = ("a document is not a table: copy its table into a spreadsheet and "
                         "save it as .xlsx into the same folder, or send the spreadsheet it "
                         "came from")
for _suffix in _ARCHIVES:
    _BY_TYPE[_suffix] = "unpack it and put its .xlsx or .csv files into the same folder"
for _suffix in _PICTURES:
    _BY_TYPE[_suffix] = ("a picture (a photo or a scan of a list) cannot be counted: type the "
                         "list into a spreadsheet (.xlsx) or send the spreadsheet it came from")
_TEMPORARY = (".tmp", ".temp", ".crdownload", ".part", ".partial", ".download", ".opdownload")
_SYSTEM = ("thumbs.db", "desktop.ini", "ehthumbs.db")


@dataclass(frozen=True)
class NotRead:
    """Why a file is not read and what to do. ``about_type``: the file would be data were it
    of a readable type (as opposed to a lock, hidden, temporary or system file)."""

    message: str
    about_type: bool = False


def _lock(path: Path, locked: str, program: str) -> NotRead:
    present = any(p.name.casefold() == locked.casefold() for p in path.parent.iterdir()
                  if p != path)
    if present:
        return NotRead(f"A lock file: {program} still has '{locked}' open. Close it: the file "
                       "is read as last saved, and again next night once closed.")
    return NotRead(f"A lock file: {program} has (or had, and crashed) '{locked}' open, and "
                   f"'{locked}' is not in this folder. Close {program}, save '{locked}' into "
                   "this folder and delete the lock file.")


def not_read(path: Path, data_suffixes: set[str]) -> NotRead | None:
    """None when ``path`` is a data file to read; else why it is not read."""
    name = path.name
    suffix = path.suffix.lower()
    if name.startswith("~$"):  # Excel's (and Word's) owner file of an open document
        return _lock(path, name[2:], "Excel")
    if name.startswith(".~lock.") and name.endswith("#"):
        return _lock(path, name[len(".~lock."):-1], "LibreOffice")
    if name.casefold() in _SYSTEM or name == ".DS_Store":
        return NotRead("A system file, not data: ignored. Delete it to silence this note.")
    if name.startswith("."):
        return NotRead("A hidden file: not read. If it holds data, rename it without the "
                       "leading dot.")
    if name.endswith("~") or suffix in _TEMPORARY:
        return NotRead("A temporary file (a download or a save not finished): not read. Once "
                       "complete, the file is read under its own name (.xlsx or .csv).")
    if suffix in data_suffixes:
        return None
    if suffix in _BY_TYPE:
        return NotRead(f"{suffix} is not read: {_BY_TYPE[suffix]}.", about_type=True)
    if not suffix:
        return NotRead("A file without a type (.xlsx, .csv) is not read: save it as .xlsx or "
                       ".csv into the same folder.", about_type=True)
    return NotRead(f"{suffix} files are not read: save the table as .xlsx or .csv into the "
                   "same folder.", about_type=True)
