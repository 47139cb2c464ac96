"""One small connection interface over DuckDB and PostgreSQL for the Python side of the warehouse.

The loader, the audit tables and the run record use only what both databases share: plain
statements with ``?`` parameters, fetches, explicit transactions and a bulk insert of a
DataFrame by column name. Each database loads natively: DuckDB scans the DataFrame in place
(Arrow), PostgreSQL receives it through ``COPY ... FROM STDIN``. dbt owns everything else.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import pandas as pd

_PG_NULL = r"\N"


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class Db:
    """A connection to the warehouse; ``dialect`` is ``duckdb`` or ``postgres``."""

    dialect: str

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        raise NotImplementedError

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def fetchone(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        rows = self.fetchall(sql, params)
        return rows[0] if rows else None

    def insert_frame(self, table: str, frame: pd.DataFrame) -> None:
        """Insert the frame's rows into ``table``, matching columns by name."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All statements inside commit together, or none does."""
        self.execute("BEGIN")
        try:
            yield
        except BaseException:
            self.execute("ROLLBACK")
            raise
        self.execute("COMMIT")


class DuckDb(Db):
    dialect = "duckdb"

    def __init__(self, con: Any) -> None:
        self.con = con

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.con.execute(sql, list(params))

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, list(params)).fetchall()

    def insert_frame(self, table: str, frame: pd.DataFrame) -> None:
        if frame.empty:
            return
        self.con.register("_terpilah_frame", frame)
        try:
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _terpilah_frame")
        finally:
            self.con.unregister("_terpilah_frame")

    def close(self) -> None:
        self.con.close()


class PgDb(Db):
    """psycopg2 in autocommit mode: transactions are the explicit ``transaction()`` blocks."""

    dialect = "postgres"

    def __init__(self, con: Any) -> None:
        self.con = con
        self.con.autocommit = True

    @staticmethod
    def _sql(sql: str) -> str:
        # Our statements use DuckDB's "?" placeholders and never a literal "?" or "%".
        return sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        with self.con.cursor() as cur:
            cur.execute(self._sql(sql), tuple(params))

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self.con.cursor() as cur:
            cur.execute(self._sql(sql), tuple(params))
            return list(cur.fetchall())

    def insert_frame(self, table: str, frame: pd.DataFrame) -> None:
        if frame.empty:
            return
        buffer = io.StringIO()
        frame.to_csv(buffer, header=False, index=False, na_rep=_PG_NULL)
        buffer.seek(0)
        columns = ", ".join(quote_ident(str(c)) for c in frame.columns)
        with self.con.cursor() as cur:
            cur.copy_expert(
                f"COPY {table} ({columns}) FROM STDIN WITH (FORMAT csv, NULL '{_PG_NULL}')",
                buffer)

    def close(self) -> None:
        self.con.close()
