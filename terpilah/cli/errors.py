"""Turn the environment's failures a user can fix into one clear line, not a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import duckdb
import psycopg2
import typer

from terpilah.cli.display import err
from terpilah.settings import Settings
from warehouse.lock import RunLocked

WAREHOUSE_HELP = ("DuckDB warehouse file, or a postgresql:// URL (better set as "
                  "TERPILAH_WAREHOUSE_URL: a password on the command line is visible to others).")


def parse_day(value: str, option: str) -> date:
    """A YYYY-MM-DD option, or exit 2 with a message naming the option."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        err.print(f"[red]{option} must be a date like 2025-12-31, not '{value}'.[/]")
        raise typer.Exit(2) from None


def check_warehouse(settings: Settings) -> None:
    """Fail fast, before a flow starts, on a warehouse the run could not use."""
    try:
        settings.target.check()
    except ValueError as exc:
        err.print(f"[red]{exc}[/]")
        raise typer.Exit(2) from None


@contextmanager
def friendly() -> Iterator[None]:
    try:
        yield
    except RunLocked as exc:
        err.print(f"[red]{exc}[/]")
        raise typer.Exit(4) from None
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            err.print("[red]The warehouse file is open in another program (DuckDB allows one "
                      "writer). Close it there, or read the published copy, and run again.[/]")
            raise typer.Exit(3) from None
        raise
    except psycopg2.OperationalError as exc:
        first = (str(exc).strip().splitlines() or ["no reason given"])[0]
        err.print(f"[red]Cannot use the PostgreSQL warehouse: {first}[/] (check "
                  "TERPILAH_WAREHOUSE_URL and that the server is running).")
        raise typer.Exit(3) from None
    except PermissionError as exc:
        err.print(f"[red]No permission to write {exc.filename}.[/]")
        raise typer.Exit(3) from None
