"""Turn the environment's failures a user can fix into one clear line, not a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import typer

from terpilah.cli.display import err
from warehouse.lock import RunLocked


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
    except PermissionError as exc:
        err.print(f"[red]No permission to write {exc.filename}.[/]")
        raise typer.Exit(3) from None
