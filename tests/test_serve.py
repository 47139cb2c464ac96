"""`terpilah serve` against a real Prefect server on 127.0.0.1: the deployments are registered
with the nightly schedule, and a run triggered through the API completes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flow_helpers import query

from terpilah.sample import generate_sample

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(what: str, check: Callable[[], bool], timeout: float,
          proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"{what}: the process ended ({proc.returncode})")
        try:
            if check():
                return
        except Exception:
            pass
        time.sleep(1)
    pytest.fail(f"{what} not ready after {timeout:.0f} s")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def prefect_server(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-server"),
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
           "PREFECT_UI_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1",
                             "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/api"
    try:
        _wait("prefect server", lambda: urllib.request.urlopen(f"{url}/health", timeout=2)
              .status == 200, 180, proc)
        yield url
    finally:
        _stop(proc)


def test_serve_registers_the_schedule_and_runs_a_triggered_nightly(
        prefect_server: str, tmp_path: Path) -> None:
    from prefect import get_client
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL, temporary_settings

    landing = tmp_path / "landing"
    generate_sample(landing, scale="small", seed=6, months=1, flaws=False)
    warehouse = tmp_path / "wh.duckdb"
    env = {**os.environ, "PREFECT_API_URL": prefect_server,
           "PREFECT_HOME": str(tmp_path / "prefect-client"),
           "TERPILAH_HOME": str(tmp_path / "var")}
    serving = subprocess.Popen([str(BIN / "terpilah"), "serve", "--landing", str(landing),
                                "--warehouse", str(warehouse)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        with temporary_settings(updates={PREFECT_API_URL: prefect_server}):
            def registered() -> bool:
                with get_client(sync_client=True) as client:
                    client.read_deployment_by_name("backfill/backfill")
                    return True
            _wait("terpilah serve", registered, 120, serving)
            with get_client(sync_client=True) as client:
                nightly = client.read_deployment_by_name("nightly/nightly")
            schedule = nightly.schedules[0].schedule
            assert schedule.cron == "0 1 * * *" and schedule.timezone == "Asia/Pontianak"
            run = run_deployment("nightly/nightly", timeout=600, poll_interval=2)
            assert run.state is not None and run.state.is_completed(), run.state
    finally:
        _stop(serving)
    totals = query(warehouse, "select total from marts.asn_profile "
                              "where scope = 'kabupaten' and sub_kategori = 'Total ASN'")
    assert len(totals) == 1 and totals["total"][0] > 0
