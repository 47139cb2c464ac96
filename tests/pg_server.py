"""A real, throwaway PostgreSQL server for the tests: initdb into a temporary folder, started on
127.0.0.1 at a free port, stopped and removed afterwards.

PostgreSQL refuses to run as root, so under root the server runs as the ``postgres`` system
user (``runuser``), which owns the temporary folder. Password authentication (scram) over TCP,
as a shared server would have; the superuser is only used to set the stage.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import Any

SUPERUSER = "postgres"
SUPERUSER_PASSWORD = "super-test-password"


def pg_bin_dir() -> Path:
    """The folder holding initdb and pg_ctl: on PATH, else the newest Debian install."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).resolve().parent
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if not found:
        raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) not found: run "
                           "`bash scripts/ensure-postgres.sh` (the test script does).")
    return Path(found[-1]).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    def __init__(self) -> None:
        self.bin = pg_bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="terpilah-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.user: str | None = None
        if os.geteuid() == 0:  # initdb and postgres refuse root
            self.user = SUPERUSER if _user_exists(SUPERUSER) else "nobody"
            entry = pwd.getpwnam(self.user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)

    def _run(self, *args: str) -> None:
        cmd = [str(self.bin / args[0]), *args[1:]]
        if self.user is not None:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text()[-2000:] if log.exists() else ""
            raise RuntimeError(f"{' '.join(args[:2])} failed: {done.stderr}{done.stdout}{tail}")

    def start(self) -> PostgresServer:
        pwfile = self.root / "pw"
        pwfile.write_text(SUPERUSER_PASSWORD + "\n")
        if self.user is not None:
            entry = pwd.getpwnam(self.user)
            os.chown(pwfile, entry.pw_uid, entry.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, f"--pwfile={pwfile}",
                  "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                  "--no-locale", "--no-sync")
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} "
                   "-c fsync=off -c full_page_writes=off")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                  str(self.root / "server.log"), "-w", "-t", "60", "start")
        return self

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, user: str, password: str, dbname: str) -> str:
        return f"postgresql://{user}:{password}@127.0.0.1:{self.port}/{dbname}"

    def connect(self, user: str = SUPERUSER, password: str = SUPERUSER_PASSWORD,
                dbname: str = "postgres") -> Any:
        import psycopg2

        con = psycopg2.connect(host="127.0.0.1", port=self.port, user=user, password=password,
                               dbname=dbname)
        con.autocommit = True
        return con

    def admin(self, *statements: str, dbname: str = "postgres") -> None:
        con = self.connect(dbname=dbname)
        try:
            with con.cursor() as cur:
                for sql in statements:
                    cur.execute(sql)
        finally:
            con.close()


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True
