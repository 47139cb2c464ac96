"""PostgreSQL specifics: the read-only BI role and the cross-machine run lock.

On a shared server BI users read the marts schema directly: PostgreSQL's MVCC lets readers and
the nightly writer work at once, and dbt replaces a mart inside one transaction (readers see
the old table or the new one). The ``bi_reader`` role may read ``marts`` and nothing else: no
usage on raw, staging, intermediate, snapshots, reference, audit or restricted, so every query
there is refused by the server itself.
"""

from __future__ import annotations

import time
from typing import Any

from warehouse.db import quote_ident
from warehouse.target import PostgresTarget

BI_SCHEMAS = ("marts",)
PRIVATE_SCHEMAS = ("raw", "staging", "intermediate", "snapshots", "reference", "audit",
                   "restricted")
# pg_advisory_lock key of "one terpilah run at a time on this database" (any 64-bit number).
RUN_LOCK_KEY = 0x7465_7270_696C_6168  # "terpilah"


def grant_bi_reader(target: PostgresTarget, role: str = "bi_reader") -> list[str]:
    """Make ``role`` (created NOLOGIN when missing) able to SELECT the marts and nothing else,
    including marts that dbt creates later. Returns notes for the run summary (e.g. when the
    pipeline's own role may not create roles and the DBA has to)."""
    notes: list[str] = []
    who = quote_ident(role)
    con: Any = target.connect_raw()
    try:
        con.autocommit = True
        with con.cursor() as cur:
            cur.execute("SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = "
                        "current_user")
            may_create = bool(cur.fetchone()[0])
            cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
            if cur.fetchone() is None:
                if not may_create:
                    return [f"role {role} does not exist and {target.label} may not create it: "
                            f"ask the DBA to run CREATE ROLE {role} NOLOGIN"]
                cur.execute(f"CREATE ROLE {who} NOLOGIN")
                notes.append(f"created role {role} (NOLOGIN: give BI logins membership)")
            cur.execute("SELECT nspname FROM pg_namespace WHERE nspname = ANY(%s)",
                        (list(PRIVATE_SCHEMAS + BI_SCHEMAS),))
            present = {r[0] for r in cur.fetchall()}
            for schema in (s for s in PRIVATE_SCHEMAS if s in present):
                cur.execute(f"REVOKE ALL ON SCHEMA {quote_ident(schema)} FROM {who}")
                cur.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA {quote_ident(schema)} "
                            f"FROM {who}")
            for schema in (s for s in BI_SCHEMAS if s in present):
                name = quote_ident(schema)
                cur.execute(f"GRANT USAGE ON SCHEMA {name} TO {who}")
                cur.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA {name} TO {who}")
                cur.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {name} "
                            f"GRANT SELECT ON TABLES TO {who}")
    finally:
        con.close()
    return notes


class AdvisoryLock:
    """A session-level ``pg_advisory_lock``, held while its connection is open: the server
    releases it when the holder's connection ends, crash included."""

    def __init__(self, target: PostgresTarget) -> None:
        self.target = target
        self._con: Any = None

    def acquire(self, deadline: float, poll: float) -> bool:
        """Try until ``deadline`` (a ``time.monotonic()`` value); True once held."""
        con: Any = self.target.connect_raw()
        con.autocommit = True
        while True:
            with con.cursor() as cur:
                cur.execute("SELECT pg_try_advisory_lock(%s)", (RUN_LOCK_KEY,))
                if cur.fetchone()[0]:
                    self._con = con
                    return True
            if time.monotonic() >= deadline:
                con.close()
                return False
            time.sleep(poll)

    def release(self) -> None:
        if self._con is not None:
            self._con.close()  # ends the session, and with it the lock
            self._con = None
