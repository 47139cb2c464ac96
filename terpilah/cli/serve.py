"""``terpilah serve``: register and serve the nightly and backfill deployments on a Prefect
server (``prefect server start``; point ``PREFECT_API_URL`` at it)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from terpilah.cli.display import console, err
from terpilah.settings import load_settings


def serve(
    landing: Annotated[Path | None, typer.Option(help="Landing folder for the runs.")] = None,
    warehouse: Annotated[Path | None, typer.Option(help="DuckDB warehouse file.")] = None,
) -> None:
    """Serve `nightly` (01:00 Asia/Pontianak) and `backfill` until stopped (Ctrl-C)."""
    if not os.environ.get("PREFECT_API_URL"):
        err.print("[red]No Prefect server configured.[/] Start one with `prefect server start` "
                  "(its UI shows runs and schedules) and set PREFECT_API_URL, e.g. "
                  "http://127.0.0.1:4200/api.")
        raise typer.Exit(2)
    from flows.runtime import configure_prefect

    configure_prefect(load_settings())
    from prefect import serve as prefect_serve

    from flows.deploy import deployments

    console.print("Serving deployments nightly/nightly and backfill/backfill (Ctrl-C stops).")
    prefect_serve(*deployments(str(landing) if landing else None,
                               str(warehouse) if warehouse else None),
                  print_starting_message=False)
