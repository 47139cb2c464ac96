"""Settings, read from the environment (prefix ``TERPILAH_``) or passed in for one run."""

from __future__ import annotations

import secrets
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from warehouse.target import DuckDBTarget, PostgresTarget, WarehouseTarget, is_url

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_HOME = PROJECT_ROOT / "var"


class Settings(BaseSettings):
    """Where things live and how strict the judge is.

    Every path defaults to a folder under ``var/`` in the project (git-ignored); set
    ``TERPILAH_HOME`` to move them all, or one ``TERPILAH_<NAME>`` to move one.
    """

    model_config = SettingsConfigDict(env_prefix="TERPILAH_", extra="ignore")

    home: Path = DEFAULT_HOME
    landing_dir: Path | None = None
    warehouse_path: Path | None = None
    warehouse_url: SecretStr | None = Field(
        default=None,
        description="postgresql://user:password@host:port/db: use PostgreSQL, not the file")
    archive_dir: Path | None = None
    published_dir: Path | None = None
    reports_dir: Path | None = None
    gx_dir: Path | None = None
    secret_file: Path | None = None
    pseudonym_key: SecretStr | None = Field(
        default=None, description="HMAC key for NIP pseudonyms; else read from secret_file"
    )
    bi_role: str = Field(
        default="bi_reader", description="PostgreSQL role that may read the marts only")
    lock_timeout_seconds: float = Field(
        default=600, ge=0, description="how long a run waits for another run to finish")
    webhook_url: str | None = Field(
        default=None, description="POSTed a JSON summary when a run fails or rejects a file")
    max_reject_share: float = Field(
        default=0.05, ge=0, le=1,
        description="a file with a larger share of rejected rows is rejected",
    )
    report_min_count: int = Field(
        default=3, ge=0,
        description="reports hide per-PD counts below this (with complementary cells); 0: none",
    )

    def model_post_init(self, _context: object) -> None:
        home = self.home
        defaults = {
            "landing_dir": home / "landing",
            "warehouse_path": home / "warehouse" / "terpilah.duckdb",
            "archive_dir": home / "archive",
            "reports_dir": home / "reports",
            "gx_dir": home / "gx",
            "secret_file": home / "secrets" / "pseudonym.key",
        }
        for name, value in defaults.items():
            if getattr(self, name) is None:
                setattr(self, name, value)
        if self.published_dir is None:  # beside its warehouse: one BI copy per warehouse
            self.published_dir = self.warehouse.parent / f"{self.warehouse.stem}.published"

    @property
    def landing(self) -> Path:
        assert self.landing_dir is not None
        return self.landing_dir

    @property
    def warehouse(self) -> Path:
        """The DuckDB warehouse file (its folder also keeps dbt's artefacts)."""
        assert self.warehouse_path is not None
        return self.warehouse_path

    @property
    def target(self) -> WarehouseTarget:
        """The warehouse the pipeline writes: PostgreSQL when a URL is set, else the file."""
        url = "" if self.warehouse_url is None else self.warehouse_url.get_secret_value()
        if url.strip():
            return PostgresTarget(url.strip(), self.home)
        return DuckDBTarget(self.warehouse)

    def key_bytes(self) -> bytes:
        """The pseudonymisation key: from the setting, else from the secret file (made once)."""
        if self.pseudonym_key is not None:
            return self.pseudonym_key.get_secret_value().encode()
        assert self.secret_file is not None
        if not self.secret_file.exists():
            self.secret_file.parent.mkdir(parents=True, exist_ok=True)
            self.secret_file.write_text(secrets.token_hex(32))
            self.secret_file.chmod(0o600)
        return self.secret_file.read_text().strip().encode()


def load_settings(warehouse: str | Path | None = None, **overrides: object) -> Settings:
    """Settings from the environment, with the non-None overrides of one run on top.
    ``warehouse`` is a DuckDB file path or a ``postgresql://`` URL; either one given here
    wins over both environment settings."""
    chosen = {k: v for k, v in overrides.items() if v is not None}
    if warehouse is not None:
        if isinstance(warehouse, str) and is_url(warehouse):
            chosen["warehouse_url"] = warehouse
        else:
            chosen["warehouse_path"] = Path(warehouse)
            chosen["warehouse_url"] = None
    return Settings(**chosen)
