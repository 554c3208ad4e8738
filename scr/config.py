"""Settings, read once from the environment (prefix ``SCR_``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

MAX_PAGE_SIZE = 200
"""The most records one list request returns; larger ``limit`` values are refused."""


def default_data_dir() -> Path:
    """Where the embedded SQLite database lives unless told otherwise."""
    return Path.cwd() / "data"


class Settings(BaseSettings):
    """What an instance is configured with; nothing here connects to anything."""

    model_config = SettingsConfigDict(env_prefix="SCR_", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir)
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL; the SQLite file in data_dir when unset.",
    )
    sqlite_busy_timeout_ms: int = Field(default=5000, ge=0)
    typology_dir: Path | None = Field(
        default=None,
        description="A folder with versions/ and mappings/ to use instead of the shipped typology.",
    )

    @property
    def effective_database_url(self) -> str:
        """The URL in use: the configured one, or the SQLite file in the data folder."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir.resolve() / 'scr.sqlite3'}"


@lru_cache
def get_settings() -> Settings:
    """The process's settings, read from the environment on first use."""
    return Settings()
