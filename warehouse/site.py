"""One documentation folder: dbt docs (models, columns, lineage) and GX Data Docs (validation
results), with an index page; served on 127.0.0.1 only."""

from __future__ import annotations

import functools
import shutil
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from terpilah.settings import Settings
from warehouse.dbt import run_dbt, target_dir_of

INDEX = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>terpilah: dokumentasi</title>
<style>body{{font-family:sans-serif;max-width:40em;margin:3em auto;line-height:1.5}}</style>
</head><body>
<h1>terpilah</h1>
<p>Gudang data terpilah Kabupaten Bengkayang.</p>
<ul>
<li><a href="dbt/index.html">Model data dan lineage (dbt docs)</a></li>
{gx}
</ul>
</body></html>
"""


class DocsError(RuntimeError):
    """dbt could not generate its documentation; ``str()`` says why."""


def build_docs(settings: Settings, out: Path | None = None) -> Path:
    """Generate dbt docs (static, one file) and copy the GX Data Docs; returns the folder."""
    assert settings.reports_dir is not None and settings.gx_dir is not None
    out = out or settings.reports_dir / "docs"
    target = target_dir_of(settings.target)
    result = run_dbt(["docs", "generate", "--static"], warehouse=settings.target)
    if not result.success:
        raise DocsError(result.error or "; ".join(f.unique_id for f in result.failures))
    (out / "dbt").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(target / "static_index.html", out / "dbt" / "index.html")
    gx_site = settings.gx_dir / "gx" / "uncommitted" / "data_docs" / "local_site"
    gx_link = ""
    if (gx_site / "index.html").is_file():
        shutil.copytree(gx_site, out / "gx", dirs_exist_ok=True)
        gx_link = '<li><a href="gx/index.html">Hasil validasi berkas (GX Data Docs)</a></li>'
    (out / "index.html").write_text(INDEX.format(gx=gx_link), encoding="utf-8")
    return out


def docs_server(folder: Path, port: int = 8080) -> ThreadingHTTPServer:
    """An HTTP server for ``folder`` on 127.0.0.1 (not started; call ``serve_forever``)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    return ThreadingHTTPServer(("127.0.0.1", port), handler)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


__all__ = ["DocsError", "build_docs", "docs_server"]
