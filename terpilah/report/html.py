"""Write a report as one self-contained HTML page: inline CSS and JavaScript, the chart data as
an embedded JSON block, no request to any server (a Content-Security-Policy forbids them).
Every text is escaped; the JSON is escaped so that it cannot close its script element."""

from __future__ import annotations

import json
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import Any

from terpilah.report.charts_js import CHARTS_JS
from terpilah.report.labels import format_number
from terpilah.report.model import HIDDEN_MARK, Cell, Column, Report, Row, Table

CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
       "img-src data:")
CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 24px auto; max-width: 1100px;
       color: #222; padding: 0 16px; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 1.6em; }
.subtitle { color: #555; margin-top: 0; }
.notice { background: #fff4d6; border-left: 4px solid #e0a800; padding: 8px 12px; }
figure { margin: 16px 0 24px; border: 1px solid #ddd; padding: 12px; border-radius: 4px; }
figcaption { font-weight: bold; margin-bottom: 8px; }
svg text { font-size: 12px; fill: #222; }
svg text.small { font-size: 11px; fill: #444; }
svg text.axis { font-size: 11px; fill: #555; }
svg text.level { font-weight: bold; }
svg line.grid { stroke: #e3e3e3; }
table { border-collapse: collapse; margin: 8px 0; font-size: 0.92em; width: 100%; }
.scroll { overflow-x: auto; }
th, td { border: 1px solid #bbb; padding: 4px 8px; }
th { background: #d9e1f2; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.group td { background: #f2f2f2; font-weight: bold; }
tr.total td { font-weight: bold; }
td.indent-1 { padding-left: 20px; } td.indent-2 { padding-left: 36px; }
td.status-tercapai { background: #c6efce; } td.status-belum { background: #ffc7ce; }
.title-lines { color: #444; margin: 0; }
.notes { font-size: 0.85em; color: #444; }
details { margin: 6px 0; } summary { cursor: pointer; font-weight: bold; }
@media print { details { break-inside: avoid; } }
"""


def write_html(report: Report, path: Path) -> Path:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="id">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(report.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(report.title)}</h1>",
        *(f'<p class="subtitle">{escape(line)}</p>' for line in report.subtitle),
        *(f'<p class="notice">{escape(note)}</p>' for note in report.notes),
    ]
    for chart in report.charts:
        parts.append(f'<figure data-chart="{escape(chart.chart_id)}" data-drawn="false">'
                     f"<figcaption>{escape(chart.title)}</figcaption>"
                     '<div class="plot"></div></figure>')
    for table in report.tables:
        parts.append(_table(table))
    chart_data = {c.chart_id: {"kind": c.kind, "title": c.title, "data": c.data}
                  for c in report.charts}
    parts += [
        f'<script type="application/json" id="chart-data">{_json(chart_data)}</script>',
        f"<script>{CHARTS_JS}</script>",
        "</body>",
        "</html>",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path


def _json(data: Any) -> str:
    """JSON safe inside a script element (no ``</script>``, no ``<!--``)."""
    text = json.dumps(data, ensure_ascii=False, default=_plain)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def _table(table: Table) -> str:
    head = "".join(f"<th>{escape(c.label)}</th>" for c in table.columns)
    body = "".join(_row(r, table.columns) for r in table.rows)
    lines = "".join(f'<p class="title-lines">{escape(line)}</p>' for line in table.title[1:])
    notes = "".join(f"<p>{escape(n)}</p>" for n in table.notes)
    inner = (f'{lines}<div class="scroll"><table><thead><tr>{head}</tr></thead>'
             f"<tbody>{body}</tbody></table></div>"
             f'<div class="notes">{notes}</div>')
    if table.collapsed:
        return f"<details><summary>{escape(table.name)}</summary>{inner}</details>"
    return f"<section><h2>{escape(table.name)}</h2>{inner}</section>"


def _row(row: Row, columns: list[Column]) -> str:
    if row.kind == "group":
        label = escape(str(row.cells[0].value))
        return f'<tr class="group"><td colspan="{len(columns)}">{label}</td></tr>'
    cells = []
    for index, (cell, column) in enumerate(zip(row.cells, columns, strict=False)):
        classes = []
        if column.kind != "text":
            classes.append("num")
        if index == 0 and row.indent:
            classes.append(f"indent-{min(row.indent, 2)}")
        if cell.status:
            classes.append(f"status-{escape(cell.status)}")
        attr = f' class="{" ".join(classes)}"' if classes else ""
        cells.append(f"<td{attr}>{escape(_text(cell, column))}</td>")
    kind = ' class="total"' if row.kind == "total" else ""
    return f"<tr{kind}>{''.join(cells)}</tr>"


def _text(cell: Cell, column: Column) -> str:
    if cell.hidden:
        return HIDDEN_MARK
    if isinstance(cell.value, bool):
        return "Ya" if cell.value else "Tidak"
    if column.kind == "text" or isinstance(cell.value, str):
        return "" if cell.value is None else str(cell.value)
    if cell.value is None:
        return "-"
    return cell.prefix + format_number(cell.value, cell.kind or column.kind)
