"""The title block of a form (the filled rows above its header), read the same way for every
source: attendance lists, participant lists, RKA/DPA exports and ARG lists.

Scanning sorts the lines (each filled row above the header, its cells joined) by what they are:

- **letterhead**: the issuer's kop at the top (``PEMERINTAH KABUPATEN ...``, the office
  ``DINAS/BADAN/SEKRETARIAT/INSPEKTORAT/KECAMATAN ...`` and its continuation lines, ``KOP``)
  and, anywhere, addresses (``Jalan``/``Jl.``) and telephone/fax/e-mail/website/kode pos lines.
  An office line counts as letterhead only above the first heading, title, date or label line:
  below them it names what the form is about (an ARG list's PD). A line that starts as a kop
  but goes on with a title (``PEMERINTAH KABUPATEN X RENCANA KERJA DAN ANGGARAN ...``, SIPD's
  ``Pemerintah Kabupaten X Tahun Anggaran 2024``) is split there;
- **labelled** lines ``Label : value`` (Hari/Tanggal, Tempat, Penyelenggara, Kegiatan,
  Organisasi, Perangkat Daerah, Unit Organisasi, ...); unknown labels are title text;
- **date** lines (``Bengkayang, 12-14 Maret 2025``, ``Kecamatan Seluas, 16 April 2025``): the
  words before the comma are a place;
- **regulation** lines (``LAMPIRAN ... PERATURAN BUPATI``, ``NOMOR 80 TAHUN 2024``, ``TENTANG``
  and what follows it);
- **title** lines, joined into one title while they follow each other (``DAFTAR HADIR`` /
  ``KEGIATAN ORIENTASI`` / ``GENDER CHAMPION BAGI PEJABAT ADMINISTRATOR`` is one title); a line
  that starts a form (DAFTAR, REKAPITULASI, RENCANA KERJA, DOKUMEN PELAKSANAAN, ...) starts a new
  one. A group's title drops the heading words (DAFTAR HADIR [PESERTA], DAFTAR PESERTA, ...).

Each attribute is then decided from the best evidence in the whole block:

=============  ==========================================================================
attribute      precedence (first that gives a value wins)
=============  ==========================================================================
training kind  best keyword by priority (``ref_training_keywords``) over every title and
               ``Kegiatan :`` line (ties: the first); only in a letterhead: weak (warning)
event title    the title holding that keyword, else the first title
program        a title or ``Program/Kelas :`` line naming a program of the seed, else the
               first title; never a letterhead
dates          a labelled date (Hari/Tanggal, Tanggal, Waktu), else a date line, else the date
               folder (warning)
place          ``Tempat/Lokasi :``, else a ``KECAMATAN X`` line, else "... di <place>" or the
               words before a date line's comma
class place    a kecamatan named by, in turn: ``Kecamatan :``, ``Tempat :``, a ``KECAMATAN X``
               line, a date line's place, the title (``... - Kec. Ledo``); else the
               ``Tempat`` text as written; else a letterhead's KECAMATAN (warning)
organiser      ``Penyelenggara / Diselenggarakan oleh / Pelaksana :``
budget year    ``TAHUN ANGGARAN 2024`` (T.A., TA, ``Tahun Anggaran : 2024``) on a line that is no
               regulation, else on a regulation line (``... TENTANG APBD TAHUN ANGGARAN
               2025``), else a bare ``TAHUN 2024`` or ``DPA 2024`` (warning ``tahun_weak``);
               never a regulation's ``NOMOR 12 TAHUN 2023`` nor SIPD's ``Alokasi Tahun``
document       a title naming the document (RKA, DPA, DPPA, RKPA, PRKA, RENCANA KERJA, DOKUMEN
               PELAKSANAAN), else ``Tahapan/Dokumen :``, else a regulation; else DPA Murni
               (note ``dokumen_assumed``)
agency         ``Organisasi :``, then ``SKPD/OPD/Perangkat Daerah :``, ``Unit Organisasi :``,
               ``Sub Unit Organisasi :``; else an office line below the title; a letterhead
               office is the issuer: for budget files only, weak (warning)
=============  ==========================================================================

Evidence is the line (or lines, joined by " / ") a value came from, masked by
``ingest.privacy.mask_personal`` like everything quoted from the block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ingest.privacy import mask_personal
from ingest.title_dates import WEEKDAY, find_event_dates, parse_event_dates

LETTERHEAD, HEADING, TITLE, DATE, LABEL, REGULATION, PLACE = (
    "letterhead", "heading", "title", "date", "label", "regulation", "place")  # fmt: skip

_I = re.IGNORECASE
_SPACED = re.compile(r"(?<![A-Za-z])(?:[A-Z] ){3,}[A-Z](?![A-Za-z])")  # "P E M E R I N T A H"
_GOV = re.compile(r"^(?:PEMERINTAH|PEMKAB|PEMKOT|PEMPROV)\b", _I)
_KOP = re.compile(r"^KOP\b", _I)
_CONTACT = re.compile(
    r"^(?:JALAN|JLN?|ALAMAT)\b|\b(?:TELP|TELEPON|TELPON|TLPN?|TELEPHONE|PHONE|FAX|FAKS|FAKSIMILE|"
    r"FACSIMILE|E-?MAIL|SUREL|WEBSITE|LAMAN|KODE\s*POS|HOTLINE)\b|\S@\S|\bWWW\.|HTTPS?://|"
    r"\.GO\.ID\b|\b\d{5}\s*$", _I)
_OFFICE_WORDS = (r"DINAS|BADAN|SEKRETARIAT|INSPEKTORAT|KECAMATAN|KEC\.|KELURAHAN|KANTOR|UPTD?|RSUD|"
                 r"RUMAH\s+SAKIT|PUSKESMAS|SATUAN\s+POLISI|SATPOL|BAPPEDA|BAPPERIDA|BKD|BKPSDM|"
                 r"BKDPSDM|BKPPD|BPKAD|BPKPD|BAPENDA|BPBD|BPSDM|DISKOMINFO|DINSOS|DISDIK|"
                 r"DINKES|DPMPTSP|DPMD|DP3A|DP3AKB|DPPKBP3A|SETDA|SETWAN|BAGIAN|LEMBAGA")
_OFFICE = re.compile(rf"^(?:{_OFFICE_WORDS})\b", _I)
_PLACE_LINE = re.compile(r"^(?:DI\s+)?(?:KECAMATAN|KEC\.)\s*[^,:]+$(?<=\S)|"  # "KECAMATAN LEDO"
                         r"^DI\s+(?:DESA|KELURAHAN)\s", _I)
# "DESA SAHAN" under a title; first under a heading it is a name ("DESA DIGITAL")
_VILLAGE_LINE = re.compile(r"^(?:DESA|KELURAHAN|KEL\.)\s+[^:]+$", _I)
_CONTINUES = re.compile(r"^(?:DAN|SERTA|&)\b", _I)
_STARTER = re.compile(r"^(?:DAFTAR|ABSENSI|PRESENSI|REKAPITULASI|REKAP|RINGKASAN|RINCIAN|"
                      r"RENCANA\s+KERJA|DOKUMEN\s+PELAKSANAAN|FORMULIR|LAPORAN)\b", _I)
_DOC = re.compile(r"\b(?:P?RKA|RKAP|DPP?A|RKPA)\b", _I)  # a document named by its acronym
# Where a kop line goes on with something else (an office, a title, the budget year)
_SPLIT = re.compile(rf"\s(?=(?:{_OFFICE_WORDS}|DAFTAR|RENCANA\s+KERJA|DOKUMEN\s+PELAKSANAAN|"
                    r"RINGKASAN|RINCIAN|REKAPITULASI|FORMULIR|TAHUN\s+ANGGARAN|T\.\s?A\.|"
                    r"P?RKA|DPP?A|RKPA)\b)", _I)
HEADING_WORDS = re.compile(
    r"^(?:DAFTAR\s+(?:HADIR|KEHADIRAN|ABSENSI|PRESENSI)(?:\s+PESERTA)?|DAFTAR\s+(?:NAMA\s+)?"
    r"PESERTA|(?:ABSENSI|PRESENSI)(?:\s+PESERTA)?)\b[\s:.\-–]*", _I)
_REGULATION = re.compile(r"^(?:LAMPIRAN|SALINAN|PERATURAN|PERDA|PERBUP|PERWAL|PERGUB|KEPUTUSAN|"
                         r"TENTANG|NOMOR|BUPATI|WALI\s*KOTA|GUBERNUR)\b|\bNOMOR\s*:?\s*[\w./-]+"
                         r"\s+TAHUN\s+\d{4}|\bTENTANG\s*$", _I)
# (label, pattern, colon optional): the first that matches names the line; order matters
_LABELS: tuple[tuple[str, str, bool], ...] = (
    ("date", r"hari\s*(?:/|,|dan)?\s*tanggal|tanggal(?:\s+(?:pelaksanaan|kegiatan))?|tgl\.?|"
             r"waktu(?:\s+(?:pelaksanaan|kegiatan))?", True),
    ("date", r"hari|pelaksanaan|jadwal", False),
    ("place", r"tempat(?:\s+(?:pelaksanaan|kegiatan))?|lokasi(?:\s+(?:pelaksanaan|kegiatan))?",
     True),
    ("organiser", r"penyelenggara|diselenggarakan\s+oleh|pelaksana(?:\s+kegiatan)?", True),
    ("organiser", r"panitia(?:\s+pelaksana)?", False),
    ("kecamatan", r"kecamatan|kec\.?", False),
    ("ignore", r"sub\s+kegiatan|urusan(?:\s+pemerintahan)?|bidang(?:\s+urusan)?|sasaran(?:\s+\w+)?|"
               r"capaian(?:\s+\w+)?|indikator|keluaran|hasil|masukan|kelompok\s+sasaran(?:\s+\w+)?|"
               r"alokasi(?:\s+tahun(?:\s+\d{4})?)?|sumber\s+(?:dana|pendanaan)|nomor(?:\s+dpa)?|"
               r"no\.?|hal|sifat|lampiran|narasumber|pemateri|moderator|fasilitator|peserta|"
               r"jumlah\s+peserta|jam|pukul|sesi|angkatan|catatan|keterangan|desa(?:\s*/\s*"
               r"kelurahan)?|kelurahan", False),
    ("title", r"(?:nama\s+)?(?:kegiatan|acara|pelatihan|diklat|kelas|program)|"
              r"judul(?:\s+kegiatan)?|agenda|perihal", False),
    ("kode_skpd", r"kode\s+(?:skpd|opd|organisasi|unit|perangkat\s+daerah)", False),
    ("skpd4", r"sub\s+unit(?:\s+organisasi)?", False),
    ("skpd3", r"unit\s+organisasi|sub\s+organisasi|unit", False),
    ("skpd1", r"organisasi", False),
    ("skpd2", r"(?:nama\s+)?(?:skpd|opd|perangkat\s+daerah)|"
              r"satuan\s+kerja(?:\s+perangkat\s+daerah)?", False),
    ("skpd5", r"unit\s+kerja|instansi", False),
    ("dokumen", r"(?:jenis\s+)?dokumen|tahapan|jenis\s+anggaran", False),
    ("year", r"tahun(?:\s+anggaran)?|t\.?\s?a\.?", False),
)
_LABEL_RES = tuple((name, re.compile(rf"^(?:{pattern})\s*{'[:：]?' if loose else '[:：]'}\s*", _I))
                   for name, pattern, loose in _LABELS)


def tidy(text: object) -> str:
    """Spaces collapsed, letters spaced out for show joined (``P E M E R I N T A H``)."""
    # letters spaced by one space, words by more: un-space before the spaces are collapsed
    line = _SPACED.sub(lambda m: m.group(0).replace(" ", ""), str(text))
    return " ".join(line.split())


def masked(*lines: str) -> str:
    """Lines as quoted to a sender: joined by " / ", personal numbers masked."""
    return mask_personal(" / ".join(lines))


def quote_block(lines: list[str]) -> str:
    """The whole title block for a message (masked), or a phrase when it is empty."""
    return masked(*[tidy(line) for line in lines if str(line).strip()]) or \
        "(nothing above the header)"


@dataclass(frozen=True)
class Line:
    """One line of the block (a part of a row when a kop row goes on with a title)."""

    row: int  # position of the row in the block
    text: str  # as written, spaces tidied (shown as evidence)
    role: str
    label: str = ""  # canonical label of a labelled line
    value: str = ""  # after the label; for a title line the title text
    dates: tuple[date, date] | None = None
    place: str = ""  # a date line's place: "Bengkayang" of "Bengkayang, 12 Maret 2025"
    office: bool = False  # names an office (DINAS ..., KECAMATAN ...)
    regulation: bool = False

    @property
    def evidence(self) -> str:
        return masked(self.text)


@dataclass(frozen=True)
class Group:
    """Title lines that follow each other: one name written over several lines."""

    lines: tuple[Line, ...]

    @property
    def title(self) -> str:
        """Upper case, spaces normalised, without the heading words (DAFTAR HADIR ...)."""
        text = " ".join(line.value for line in self.lines)
        return " ".join(HEADING_WORDS.sub("", text.strip(), count=1).upper().split())

    @property
    def evidence(self) -> str:
        return masked(*[line.text for line in self.lines])


@dataclass(frozen=True)
class Title:
    """A name written above the table: a group of title lines, or a ``Kegiatan :`` line."""

    text: str  # upper case, spaces normalised, heading words dropped
    evidence: str
    lines: tuple[Line, ...]
    headed: bool  # under (or with) a heading such as DAFTAR HADIR, or labelled: the form's own


@dataclass(frozen=True)
class Found:
    """An attribute's value, the evidence shown for it, and whether it is weak."""

    value: object
    evidence: str
    weak: bool = False


@dataclass
class Block:
    """The lines of a title block with their roles (see ``scan``), and what they say."""

    lines: list[Line] = field(default_factory=list)

    def of(self, role: str) -> list[Line]:
        return [line for line in self.lines if line.role == role]

    def labelled(self, *labels: str) -> list[Line]:
        return [ln for ln in self.lines if ln.role == LABEL and ln.label in labels]

    def groups(self, role: str = TITLE) -> list[Group]:
        """Runs of consecutive title (or regulation) lines; a form-starting line or a
        heading starts a new run."""
        out: list[list[Line]] = []
        previous: Line | None = None
        for line in self.lines:
            wanted = line.role == role or (role == TITLE and line.role == HEADING)
            if not wanted:
                previous = None
                continue
            starts = line.role == HEADING or bool(_STARTER.match(line.text))
            if previous is None or (starts and role == TITLE):
                out.append([])
            out[-1].append(line)
            previous = line
        return [Group(tuple(g)) for g in out]

    def titles(self, *labels: str) -> list[Title]:
        """Title candidates in block order: each non-empty group, and each line labelled with
        one of ``labels`` (``Kegiatan : ...``)."""
        found = [Title(g.title, g.evidence, g.lines, any(ln.role == HEADING for ln in g.lines))
                 for g in self.groups() if g.title]
        found += [Title(" ".join(ln.value.upper().split()), ln.evidence, (ln,), True)
                  for ln in self.labelled(*labels) if ln.value]
        return sorted(found, key=lambda t: t.lines[0].row)

    def dates(self) -> Found | None:
        """A labelled date (Hari/Tanggal, Tanggal) over a date line."""
        for line in [*self.labelled("date"), *self.of(DATE), *self.of(TITLE)]:
            if line.dates:
                return Found(line.dates, line.evidence)
        return None

    def first(self, *labels: str) -> Found | None:
        """The value of the first line labelled with one of ``labels``."""
        for line in self.labelled(*labels):
            if line.value:
                return Found(line.value, line.evidence)
        return None

    def place(self) -> Found | None:
        """Tempat/Lokasi, a KECAMATAN line, "... di <place>", the words before a date."""
        labelled = self.first("place")
        if labelled:
            return labelled
        line = next(iter(self.of(PLACE)), None)
        if line is not None:
            return Found(re.sub(r"^DI\s+", "", line.text, flags=_I), line.evidence)
        for line in [*self.of(DATE), *self.of(TITLE)]:
            if line.place:
                return Found(line.place, line.evidence)
        return None


def _label(text: str) -> tuple[str, str] | None:
    for name, pattern in _LABEL_RES:
        found = pattern.match(text)
        if found and (found.group(0).rstrip()[-1:] in ":：" or _loose_ok(text, found.end())):
            return name, text[found.end():].strip()
    return None


def _loose_ok(text: str, end: int) -> bool:
    """A label without colon ("Tempat Aula Bappeda") only when the label is a whole word."""
    return end == len(text) or not text[end - 1].isalnum() or not text[end].isalnum()


def _date_line(text: str) -> tuple[tuple[date, date], str, str] | None:
    """(dates, place, title text) of an unlabelled line that holds event dates."""
    found = find_event_dates(text)
    if found is None:
        return None
    dates, start, end = found
    before = text[:start]
    after = re.search(r"\bdi\s+(.+)$", text[end:], _I)
    head = re.sub(rf"(?:\b(?:{WEEKDAY})\b|\b(?:tanggal|tgl|pada|hari)\b|[-–,/ ])*$", "",
                  before, flags=_I).strip(" ,-")
    if head and "," not in before and len(head.split()) >= 3:
        return dates, "", head  # "PELATIHAN PPRG TANGGAL 12 MARET 2025": a title with its date
    if re.fullmatch(rf"(?:{WEEKDAY})(?:\s*[-–]\s*(?:{WEEKDAY}))?", head, _I):
        head = ""
    return dates, (after.group(1).strip(" .") if after else head), ""


def _split_kop(text: str) -> list[str]:
    """A kop line that goes on with an office, a title or the budget year, in its parts."""
    if not _GOV.match(text):
        return [text]
    parts = [p.strip() for p in _SPLIT.split(text) if p.strip()]
    if len(parts) <= 1:
        return parts
    # "DINAS SOSIAL, PEMBERDAYAAN PEREMPUAN DAN ..." must stay one office
    out = [parts[0]]
    for part in parts[1:]:
        if _OFFICE.match(part) and _OFFICE.match(out[-1]) and not _GOV.match(out[-1]):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


def scan(raw_lines: list[str]) -> Block:
    """Sort the lines of a title block by what they are (see the module doc)."""
    block = Block()
    content_seen = False  # a heading, title, date or label line: the kop is above them
    after_tentang = False
    previous_kop = ""
    for row, raw in enumerate(raw_lines):
        for text in _split_kop(tidy(raw)):
            if not text:
                continue
            after_title = bool(block.lines) and block.lines[-1].role == TITLE
            line = _classify(row, text, content_seen, previous_kop, after_tentang, after_title)
            if line.role == REGULATION:
                # "TENTANG" closing a line: the regulation's subject follows on the next lines
                after_tentang = after_tentang or bool(re.search(r"\bTENTANG\s*$", text, _I))
            elif line.role != LETTERHEAD:
                after_tentang = False
            if line.role in (HEADING, TITLE, DATE, LABEL):
                content_seen = True
            previous_kop = text if line.role == LETTERHEAD else ""
            block.lines.append(line)
    return block


def _classify(row: int, text: str, content_seen: bool, previous_kop: str,
              after_tentang: bool, after_title: bool) -> Line:
    office = bool(_OFFICE.match(text))
    regulation = bool(_REGULATION.search(text))
    base = {"row": row, "text": text, "office": office, "regulation": regulation}
    if _KOP.match(text) or _GOV.match(text):
        return Line(role=LETTERHEAD, **base)
    labelled = _label(text)  # before the contact test: "Tempat : Aula, Jl. Stadion No. 3"
    if labelled and not regulation:
        name, value = labelled
        dates = parse_event_dates(value) if name == "date" else None
        return Line(role=LABEL, label=name, value=value, dates=dates, **base)
    if _CONTACT.search(text):
        return Line(role=LETTERHEAD, **base)
    dated = _date_line(text)
    if dated and not regulation:
        dates, place, title = dated
        if title:
            return Line(role=TITLE, value=title, dates=dates, **base)
        return Line(role=DATE, dates=dates, place=place, **base)
    if regulation or (after_tentang and not _STARTER.match(text) and not _DOC.search(text)):
        return Line(role=REGULATION, **{**base, "regulation": True})
    if not content_seen and (office or (previous_kop and _continues(previous_kop, text))):
        return Line(role=LETTERHEAD, **base)
    if HEADING_WORDS.match(text):
        return Line(role=HEADING, value=text, **base)
    place = _PLACE_LINE.match(text) or (after_title and _VILLAGE_LINE.match(text))
    if place and len(text.split()) <= 6:
        return Line(role=PLACE, value=text, **base)
    return Line(role=TITLE, value=text, **base)


def _continues(previous: str, text: str) -> bool:
    """A kop line that goes on with the one above: "... PEMBERDAYAAN PEREMPUAN" / "DAN
    PERLINDUNGAN ANAK", "PEMERINTAH" / "KABUPATEN BENGKAYANG", or the town under an address."""
    if _CONTINUES.match(text) or previous.rstrip().endswith((",", "&")) \
            or re.search(r"\b(?:DAN|SERTA)$", previous, _I):
        return True
    if re.match(r"^(?:KABUPATEN|KAB\.?|KOTA|PROVINSI)\b", text, _I):
        return True
    return bool(_CONTACT.search(previous)) and len(text.split()) == 1 and text.isalpha()


def letterhead_offices(block: Block) -> list[Found]:
    """The offices a kop names (an office line and its continuation lines), top first."""
    groups: list[list[Line]] = []
    current: list[Line] | None = None
    for line in block.lines:
        kop_text = line.role == LETTERHEAD and not (
            _CONTACT.search(line.text) or _GOV.match(line.text) or _KOP.match(line.text))
        if kop_text and line.office:
            current = [line]
            groups.append(current)
        elif kop_text and current is not None:
            current.append(line)
        else:
            current = None
    return [Found(" ".join(ln.text for ln in g), masked(*[ln.text for ln in g])) for g in groups]
