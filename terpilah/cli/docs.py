"""``terpilah docs``: dbt docs (lineage) and GX Data Docs in one folder, served locally."""

from __future__ import annotations

from typing import Annotated

import typer

from terpilah.cli.display import console, err
from terpilah.cli.errors import WAREHOUSE_HELP, check_warehouse, friendly
from terpilah.settings import load_settings


def docs(
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 8080,
    serve: Annotated[bool, typer.Option(help="Serve the folder after building it.")] = True,
    warehouse: Annotated[str | None, typer.Option(help=WAREHOUSE_HELP)] = None,
) -> None:
    """Build the documentation (models, columns, lineage, validation results) and serve it."""
    from warehouse.lock import run_lock
    from warehouse.site import DocsError, build_docs, docs_server

    settings = load_settings(warehouse=warehouse)
    with friendly():
        check_warehouse(settings)
    if not settings.target.exists():
        err.print(f"[red]No warehouse at {settings.target.label}: run `terpilah run` first.[/]")
        raise typer.Exit(2)
    with friendly(), run_lock(settings.target, settings.lock_timeout_seconds):
        try:
            folder = build_docs(settings)
        except DocsError as exc:
            err.print(f"[red]dbt docs failed: {exc}[/]")
            raise typer.Exit(1) from None
    console.print(f"Documentation in {folder}")
    if not serve:
        return
    try:
        server = docs_server(folder, port)
    except OSError as exc:
        err.print(f"[red]Cannot serve on 127.0.0.1:{port} ({exc.strerror}); try --port.[/]")
        raise typer.Exit(2) from None
    console.print(f"Serving on http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
