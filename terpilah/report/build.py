"""``terpilah report``: read the marts once, build every report, write each as XLSX and HTML.

Reports of one as-of date (the profile, the scorecard) are named by the date; the yearly ones
(digital literacy, ARG) by the year of the as-of date. A report whose mart is missing or has no
data for its date or year is not written, and says so in ``Written.notes``."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from terpilah.report.budget import build_budget
from terpilah.report.data import Marts, open_marts, source_target
from terpilah.report.html import write_html
from terpilah.report.literacy import build_literacy
from terpilah.report.model import Report
from terpilah.report.profile import build_profile, hidden_rows
from terpilah.report.scorecard import build_scorecard
from terpilah.report.xlsx import write_workbook
from warehouse.target import WarehouseTarget


class ReportError(Exception):
    """A reason no report can be made that the user can act on (shown as is)."""


@dataclass
class Written:
    as_of: date
    files: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def build_reports(target: WarehouseTarget, out: Path, *, as_of: date | None = None,
                  min_count: int = 3, published_dir: Path | None = None) -> Written:
    source = source_target(target, published_dir)
    if not source.exists():
        raise ReportError(f"No warehouse at {source.label}: run `terpilah run` first.")
    with open_marts(source) as marts:
        day = _as_of(marts, as_of)
        written = Written(day)
        reports = _reports(marts, day, min_count, written.notes)
    for report in reports:
        written.files += [_write(report, out, ".xlsx"), _write(report, out, ".html")]
    return written


def _as_of(marts: Marts, as_of: date | None) -> date:
    dates = marts.profile_dates()
    if not dates:
        raise ReportError("The warehouse has no Profil Statistik ASN yet (marts.asn_profile "
                          "is missing or empty): run `terpilah run` first.")
    if as_of is None:
        return dates[-1]
    if as_of not in dates:
        listed = ", ".join(d.isoformat() for d in dates)
        raise ReportError(f"No data for {as_of.isoformat()} in marts.asn_profile. "
                          f"Available dates: {listed}.")
    return as_of


def _reports(marts: Marts, day: date, min_count: int, notes: list[str]) -> list[Report]:
    pyramid = marts.pyramid(day) if marts.has("career_pyramid") else None
    profile, hidden = build_profile(marts.profile(day), day, min_count, marts.trends(day),
                                    pyramid)
    if pyramid is None:
        notes.append("Profile without the career pyramid: marts.career_pyramid is missing.")
    elif not pyramid:
        notes.append(f"Profile without the career pyramid: marts.career_pyramid has no rows "
                     f"for {day.isoformat()}.")
    reports = [profile]
    if not marts.has("ape_scorecard"):
        notes.append("APE scorecard not written: marts.ape_scorecard is missing.")
    elif not (rows := marts.scorecard(day)):
        notes.append(f"APE scorecard not written: no indicator in marts.ape_scorecard for "
                     f"{day.isoformat()}.")
    else:
        reports.append(build_scorecard(rows, day, min_count, hidden_rows(hidden)))
    year = day.year
    if year in marts.literacy_years():
        reports.append(build_literacy(marts.literacy_summary(year),
                                      marts.literacy_dimensions(year), year))
    else:
        notes.append(f"Digital-literacy report not written: no participant list of {year} "
                     "in marts.literacy_summary.")
    if year in marts.arg_years():
        reports.append(build_budget(marts.arg_summary(year), marts.arg_by_pd(year), year))
    else:
        notes.append(f"ARG report not written: no budget of {year} in marts.arg_summary.")
    return reports


def _write(report: Report, out: Path, suffix: str) -> Path:
    """Write beside the final name, then rename: a reader never sees half a file."""
    path = out / f"{report.stem}{suffix}"
    partial = out / f".{report.stem}{suffix}.partial"
    out.mkdir(parents=True, exist_ok=True)
    try:
        if suffix == ".xlsx":
            write_workbook(report, partial)
        else:
            write_html(report, partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path
