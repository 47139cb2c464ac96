"""Choosing the warehouse: a DuckDB file or a PostgreSQL URL, and the password kept out of
everything that is printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from terpilah.settings import load_settings
from warehouse.target import DuckDBTarget, PostgresTarget, as_target

URL = "postgresql://pipe:p%40ss-w0rd@db.example:5433/terpilah"


def test_postgres_target_parts_label_and_dbt_environment(tmp_path: Path) -> None:
    target = PostgresTarget(URL, tmp_path)
    assert target.label == "postgresql://pipe@db.example:5433/terpilah"
    assert "p@ss-w0rd" not in repr(target) and "p%40ss" not in repr(target)
    env = target.dbt_env()
    assert env["DBT_ENV_SECRET_TERPILAH_PG_PASSWORD"] == "p@ss-w0rd"  # dbt scrubs these
    assert (env["TERPILAH_PG_HOST"], env["TERPILAH_PG_PORT"], env["TERPILAH_PG_USER"],
            env["TERPILAH_PG_DBNAME"]) == ("db.example", "5433", "pipe", "terpilah")
    assert target.state_dir == (tmp_path / "warehouse" / "pg_db.example_5433_terpilah").resolve()
    assert target.lock_path.parent == target.state_dir


@pytest.mark.parametrize("url", ["postgresql://pipe:pw@db.example", "mysql://a:b@h/d",
                                 "postgresql:///terpilah"])
def test_malformed_urls_are_refused_with_an_example(url: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="postgresql://"):
        PostgresTarget(url, tmp_path).check()


def test_settings_pick_the_warehouse(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TERPILAH_HOME", str(tmp_path))
    monkeypatch.delenv("TERPILAH_WAREHOUSE_URL", raising=False)
    assert load_settings().target == DuckDBTarget(tmp_path / "warehouse" / "terpilah.duckdb")
    monkeypatch.setenv("TERPILAH_WAREHOUSE_URL", URL)
    target = load_settings().target
    assert isinstance(target, PostgresTarget) and target.url == URL
    assert "p%40ss" not in repr(load_settings())  # the setting is a secret too
    # an explicit file for one run wins over the environment's server, and the reverse
    assert load_settings(warehouse=tmp_path / "x.duckdb").target == DuckDBTarget(
        tmp_path / "x.duckdb")
    monkeypatch.setenv("TERPILAH_WAREHOUSE_URL", "")
    assert isinstance(load_settings().target, DuckDBTarget)  # empty means unset
    assert isinstance(load_settings(warehouse=URL).target, PostgresTarget)
    assert isinstance(as_target(URL), PostgresTarget)
    assert as_target(tmp_path / "y.duckdb") == DuckDBTarget(tmp_path / "y.duckdb")
