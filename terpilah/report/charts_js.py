"""The inline JavaScript that draws a report page's charts as SVG from its embedded JSON
(no library, no network). Each ``<figure data-chart=...>`` gets ``data-drawn="true"`` and
``data-marks`` (bars or points drawn) once drawn, which the browser test checks. Text is only
ever set through ``textContent``, never parsed as HTML."""

CHARTS_JS = r"""
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var COLORS = {left: "#2f6db5", right: "#c2417a", value: "#2f6db5", met: "#2e8540",
                missed: "#c0392b", none: "#7f8c8d", target: "#222"};

  function el(name, attrs, text) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function fmt(value, decimals) {
    if (value === null || value === undefined) { return "-"; }
    var parts = Number(value).toFixed(decimals).split(".");
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    return parts.length > 1 ? parts[0] + "," + parts[1] : parts[0];
  }

  function short(text) {  // long labels (PD names) cut to fit the label column
    text = String(text);
    return text.length > 44 ? text.slice(0, 43) + "\u2026" : text;
  }

  function svg(width, height, label) {
    return el("svg", {viewBox: "0 0 " + width + " " + height, width: "100%", role: "img",
                      "aria-label": label, preserveAspectRatio: "xMidYMid meet"});
  }

  function pyramid(data, title) {
    var levels = data.levels, rowH = 34, top = 30, mid = 130, half = 260;
    var width = 2 * half + 2 * mid, height = top + levels.length * rowH + 10;
    var max = 1;
    levels.forEach(function (l) { max = Math.max(max, l.left, l.right); });
    var s = svg(width, height, title), marks = 0;
    s.appendChild(el("text", {x: half - 10, y: 18, "text-anchor": "end", "class": "axis"},
                     data.left));
    s.appendChild(el("text", {x: half + 2 * mid + 10, y: 18, "class": "axis"}, data.right));
    levels.forEach(function (l, i) {
      var y = top + i * rowH, h = rowH - 8;
      var wl = Math.max(1, (half - 50) * l.left / max);
      var wr = Math.max(1, (half - 50) * l.right / max);
      var left = el("rect", {x: half - wl, y: y, width: wl, height: h, fill: COLORS.left,
                             "class": "mark"});
      left.appendChild(el("title", {}, data.left + " " + l.label + ": " + fmt(l.left, 0)));
      var right = el("rect", {x: half + 2 * mid, y: y, width: wr, height: h, fill: COLORS.right,
                              "class": "mark"});
      right.appendChild(el("title", {}, data.right + " " + l.label + ": " + fmt(l.right, 0)));
      s.appendChild(left); s.appendChild(right); marks += 2;
      s.appendChild(el("text", {x: half - wl - 6, y: y + h / 2 + 4, "text-anchor": "end"},
                       fmt(l.left, 0)));
      s.appendChild(el("text", {x: half + 2 * mid + wr + 6, y: y + h / 2 + 4}, fmt(l.right, 0)));
      s.appendChild(el("text", {x: half + mid, y: y + h / 2 - 2, "text-anchor": "middle",
                                "class": "level"}, l.label));
      s.appendChild(el("text", {x: half + mid, y: y + h / 2 + 12, "text-anchor": "middle",
                                "class": "small"}, "wanita " + fmt(l.pct, 1) + " %"));
    });
    return [s, marks];
  }

  function line(data, title) {
    var pts = data.points.filter(function (p) { return p.value !== null; });
    var width = 760, height = 240, left = 70, right = 60, top = 24, bottom = 40;
    var s = svg(width, height, title), marks = 0;
    if (!pts.length) { return [s, 0]; }
    var lo = Math.min.apply(null, pts.map(function (p) { return p.value; }));
    var hi = Math.max.apply(null, pts.map(function (p) { return p.value; }));
    if (data.unit === "%") { lo = Math.max(0, lo - 5); hi = Math.min(100, hi + 5); }
    else { var pad = Math.max(1, (hi - lo) * 0.1); lo = Math.max(0, lo - pad); hi = hi + pad; }
    if (hi <= lo) { hi = lo + 1; }
    var decimals = data.unit === "%" ? 1 : 0;
    var x = function (i) {
      return pts.length === 1 ? (left + width - right) / 2
        : left + i * (width - left - right) / (pts.length - 1);
    };
    var y = function (v) { return top + (hi - v) * (height - top - bottom) / (hi - lo); };
    [lo, (lo + hi) / 2, hi].forEach(function (v) {
      s.appendChild(el("line", {x1: left, x2: width - right, y1: y(v), y2: y(v), "class": "grid"}));
      s.appendChild(el("text", {x: left - 6, y: y(v) + 4, "text-anchor": "end", "class": "axis"},
                       fmt(v, decimals)));
    });
    var path = pts.map(function (p, i) { return x(i) + "," + y(p.value); }).join(" ");
    s.appendChild(el("polyline", {points: path, fill: "none", stroke: COLORS.value,
                                  "stroke-width": 2}));
    pts.forEach(function (p, i) {
      var dot = el("circle", {cx: x(i), cy: y(p.value), r: 4, fill: COLORS.value, "class": "mark"});
      dot.appendChild(el("title", {}, p.label + ": " + fmt(p.value, decimals) + " " + data.unit));
      s.appendChild(dot); marks += 1;
      s.appendChild(el("text", {x: x(i), y: height - bottom + 18, "text-anchor": "middle",
                                "class": "axis"}, p.label));
      s.appendChild(el("text", {x: x(i), y: y(p.value) - 8, "text-anchor": "middle",
                                "class": "small"}, fmt(p.value, decimals)));
    });
    return [s, marks];
  }

  function bars(data, title) {
    var items = data.items, rowH = 26, labelW = 360, width = 880, top = 24, right = 70;
    var height = top + items.length * rowH + 24;
    var max = 1;
    items.forEach(function (it) {
      max = Math.max(max, it.value || 0, it.target || 0);
    });
    if (data.max) { max = Math.max(max, data.max); }
    var scale = (width - labelW - right) / max;
    var s = svg(width, height, title), marks = 0;
    items.forEach(function (it, i) {
      var y = top + i * rowH, w = Math.max(1, (it.value || 0) * scale);
      var name = el("text", {x: labelW - 8, y: y + 15, "text-anchor": "end"}, short(it.label));
      name.appendChild(el("title", {}, it.label));
      s.appendChild(name);
      if (it.value === null) {
        s.appendChild(el("text", {x: labelW + 4, y: y + 15, "class": "small"}, "tidak ada data"));
        return;
      }
      var colour = it.status === "tercapai" ? COLORS.met
        : it.status === "belum" ? COLORS.missed : COLORS.none;
      var bar = el("rect", {x: labelW, y: y + 3, width: w, height: rowH - 8, fill: colour,
                            "class": "mark"});
      var shown = fmt(it.value, data.decimals) + " " + (it.unit || "");
      bar.appendChild(el("title", {}, it.label + ": " + shown));
      s.appendChild(bar); marks += 1;
      s.appendChild(el("text", {x: labelW + w + 6, y: y + 15, "class": "small"}, shown));
      if (it.target !== null && it.target !== undefined) {
        var tx = labelW + it.target * scale;
        s.appendChild(el("line", {x1: tx, x2: tx, y1: y, y2: y + rowH - 2,
                                  stroke: COLORS.target, "stroke-width": 2,
                                  "stroke-dasharray": "4 2", "class": "target"}));
      }
    });
    s.appendChild(el("text", {x: labelW, y: height - 6, "class": "small"},
                     "Batang: nilai; garis putus-putus: target."));
    return [s, marks];
  }

  var DRAW = {pyramid: pyramid, line: line, bars: bars};

  function drawAll() {
    var source = document.getElementById("chart-data");
    if (!source) { return; }
    var all = JSON.parse(source.textContent);
    document.querySelectorAll("figure[data-chart]").forEach(function (fig) {
      var spec = all[fig.getAttribute("data-chart")];
      if (!spec || !DRAW[spec.kind]) { return; }
      var result = DRAW[spec.kind](spec.data, spec.title);
      fig.querySelector(".plot").appendChild(result[0]);
      fig.setAttribute("data-marks", String(result[1]));
      fig.setAttribute("data-drawn", result[1] > 0 ? "true" : "false");
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
"""
