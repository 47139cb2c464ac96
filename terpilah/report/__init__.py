"""Reports people open: the Profil Statistik ASN, the APE scorecard, digital literacy and ARG,
each as an XLSX workbook (laid out like Tabel 4.1, printable) and a self-contained HTML page
with charts. Per-PD tables hide small counts (see :mod:`terpilah.report.suppress`).

Modules: ``data`` (reading the marts), ``suppress`` (small-cell suppression), ``safe``
(formula neutralisation), ``model`` (tables and charts), ``profile``/``scorecard``/
``literacy``/``budget`` (one report each), ``xlsx`` and ``html`` (the writers), ``build``
(orchestration)."""

from terpilah.report.build import ReportError, Written, build_reports

__all__ = ["ReportError", "Written", "build_reports"]
