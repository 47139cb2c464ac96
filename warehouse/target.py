"""Where the warehouse lives: a DuckDB file (the default) or a PostgreSQL database.

A target knows how to open a :class:`~warehouse.db.Db` on itself, which dbt target and
environment variables reach it, and which local folder keeps its dbt artefacts and run lock.
Its ``label`` is safe to print: a PostgreSQL URL is shown without its password.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from warehouse.db import Db, DuckDb, PgDb

DUCKDB_PATH_ENV = "TERPILAH_DUCKDB_PATH"
# dbt scrubs the values of DBT_ENV_SECRET_* variables from its logs and artefacts.
PG_ENV = {
    "host": "TERPILAH_PG_HOST", "port": "TERPILAH_PG_PORT", "user": "TERPILAH_PG_USER",
    "dbname": "TERPILAH_PG_DBNAME", "password": "DBT_ENV_SECRET_TERPILAH_PG_PASSWORD",
}
URL_SCHEMES = ("postgresql://", "postgres://")


def is_url(value: str) -> bool:
    return value.startswith(URL_SCHEMES)


@dataclass(frozen=True)
class DuckDBTarget:
    path: Path
    kind: str = "duckdb"

    @property
    def label(self) -> str:
        return str(self.path)

    @property
    def state_dir(self) -> Path:
        return self.path.resolve().parent

    @property
    def lock_path(self) -> Path:
        return Path(f"{self.path}.lock").resolve()

    def exists(self) -> bool:
        return self.path.exists()

    def check(self) -> None:
        """Nothing to check before a run: the file is created on first use."""

    @contextmanager
    def open(self, read_only: bool = False) -> Iterator[Db]:
        import duckdb

        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        db = DuckDb(duckdb.connect(str(self.path), read_only=read_only))
        try:
            yield db
        finally:
            db.close()

    def dbt_env(self) -> dict[str, str]:
        return {DUCKDB_PATH_ENV: str(self.path.resolve())}


@dataclass(frozen=True)
class PostgresTarget:
    url: str = field(repr=False)  # holds the password: never printed
    home: Path  # the local folder for dbt artefacts and the run lock of this target
    kind: str = "postgres"

    def _parts(self) -> dict[str, str]:
        if not is_url(self.url):
            raise ValueError("the warehouse URL must start with postgresql:// (PostgreSQL is the "
                             "only server database); for a DuckDB file give its path")
        split = urlsplit(self.url)
        if not split.hostname or not split.path.strip("/"):
            raise ValueError("a PostgreSQL warehouse URL needs a host and a database, like "
                             "postgresql://user:password@host:5432/terpilah")
        return {
            "host": split.hostname, "port": str(split.port or 5432),
            "user": unquote(split.username or os.environ.get("PGUSER", "postgres")),
            "dbname": unquote(split.path.strip("/")),
            "password": unquote(split.password or os.environ.get("PGPASSWORD", "")),
        }

    @property
    def label(self) -> str:
        parts = self._parts()
        return f"postgresql://{parts['user']}@{parts['host']}:{parts['port']}/{parts['dbname']}"

    @property
    def state_dir(self) -> Path:
        parts = self._parts()
        slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{parts['host']}_{parts['port']}_"
                      f"{parts['dbname']}")
        return (self.home / "warehouse" / f"pg_{slug}").resolve()

    @property
    def lock_path(self) -> Path:
        return self.state_dir / "run.lock"

    def exists(self) -> bool:
        return True  # a server is always there to connect to; connection errors say why

    def check(self) -> None:
        """Raise ValueError for a malformed URL, psycopg2.OperationalError when the server
        cannot be reached or refuses the login."""
        self._parts()
        con: Any = self.connect_raw()
        con.close()

    def connect_raw(self) -> object:
        import psycopg2

        parts = self._parts()
        return psycopg2.connect(host=parts["host"], port=int(parts["port"]),
                                user=parts["user"], password=parts["password"] or None,
                                dbname=parts["dbname"], connect_timeout=10,
                                application_name="terpilah")

    @contextmanager
    def open(self, read_only: bool = False) -> Iterator[Db]:
        db = PgDb(self.connect_raw())
        try:
            if read_only:
                db.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            yield db
        finally:
            db.close()

    def dbt_env(self) -> dict[str, str]:
        return {PG_ENV[k]: v for k, v in self._parts().items()}


WarehouseTarget = DuckDBTarget | PostgresTarget


def as_target(value: WarehouseTarget | Path | str, home: Path | None = None) -> WarehouseTarget:
    """A target from a target, a DuckDB file path, or a ``postgresql://`` URL."""
    if isinstance(value, DuckDBTarget | PostgresTarget):
        return value
    if isinstance(value, str) and is_url(value):
        return PostgresTarget(value, home or Path("var"))
    return DuckDBTarget(Path(value))
