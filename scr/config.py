"""Settings, read once from the environment (prefix ``SCR_``)."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from functools import cached_property, lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, field_validator, model_validator
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
    database_connections: int | None = Field(
        default=None,
        ge=1,
        le=500,
        description="How many requests a server process serves at once, each with a "
        "database connection of its own; the others wait their turn (api.admission). By "
        "default 6 on SQLite, whose one writer at a time more requests only queue for, and "
        "20 on PostgreSQL.",
    )
    busy_wait_seconds: float = Field(
        default=10.0,
        gt=0,
        le=300,
        description="How long a request waits for its turn before it is answered 503, "
        "'The database is busy'.",
    )
    statistics_minutes: int = Field(
        default=60,
        ge=1,
        description="How often a server on SQLite refreshes the query planner's statistics "
        "of the tables that have changed (scr.planner).",
    )
    secret_key: SecretStr | None = Field(
        default=None, description="Signs access tokens: at least 32 random characters."
    )
    demo: bool = Field(default=False, description="A demonstration instance (fictional data).")
    audit_key_file: Path | None = Field(
        default=None,
        description="A file outside the database holding the audit trail's HMAC key (at least "
        "32 bytes); when unset the key is derived from the signing key.",
    )
    audit_seal_seconds: float = Field(
        default=1.0,
        gt=0,
        le=3600,
        description="How often a server seals new audit entries into the keyed chain.",
    )
    access_token_minutes: int = Field(default=15, ge=1, le=24 * 60)
    token_max_minutes: int = Field(
        default=24 * 60,
        ge=1,
        le=7 * 24 * 60,
        description="The longest an access token may last, checked on every request: a "
        "token signed for longer (however it came to be) is refused.",
    )
    machine_token_days: int = Field(
        default=90, ge=1, description="How long a new machine token lasts unless asked otherwise."
    )
    machine_token_max_days: int = Field(
        default=366,
        ge=1,
        le=5 * 366,
        description="The longest a machine token may last, checked on every request.",
    )
    sign_in_failures_per_minute: int = Field(default=5, ge=1)
    forwarded_allow_ips: str = Field(
        default="",
        description="Comma-separated addresses or networks of the proxies whose "
        "X-Forwarded-For is believed (none by default: the peer's address counts).",
    )
    max_body_bytes: int = Field(
        default=20_000_000, ge=1_000, description="Larger request bodies are refused (413)."
    )
    max_import_bytes: int = Field(
        default=2_000_000_000,
        ge=1_000,
        description="Larger exchange files are refused (413); they are read to disk, not memory.",
    )
    body_idle_seconds: float = Field(
        default=10,
        gt=0,
        le=600,
        description="A request body that stops arriving for this long is refused (408).",
    )
    body_read_seconds: float = Field(
        default=600,
        gt=0,
        le=24 * 3600,
        description="A request body not all arrived within this time is refused (408); every "
        "body is read whole before the request touches the database.",
    )
    suppression_threshold: int = Field(
        default=10,
        ge=2,
        le=1000,
        description="Pattern counts from 1 to this minus one are suppressed wherever they "
        "leave a board's own view.",
    )
    typology_dir: Path | None = Field(
        default=None,
        description="A folder with versions/ and mappings/ to use instead of the shipped typology.",
    )
    report_template: Path | None = Field(
        default=None,
        description="A Board's own Word template (.docx): its styles, header and footer (a "
        "logo, say) are used for reports in Word.",
    )
    frontend_dist: Path | None = Field(
        default=None,
        description="The built workbench served at /; the checkout's frontend/dist when unset.",
    )

    @model_validator(mode="after")
    def _lifetimes(self) -> Settings:
        if self.access_token_minutes > self.token_max_minutes:
            raise ValueError(
                "SCR_ACCESS_TOKEN_MINUTES is longer than SCR_TOKEN_MAX_MINUTES allows."
            )
        if self.machine_token_days > self.machine_token_max_days:
            raise ValueError(
                "SCR_MACHINE_TOKEN_DAYS is longer than SCR_MACHINE_TOKEN_MAX_DAYS allows."
            )
        return self

    @field_validator("forwarded_allow_ips")
    @classmethod
    def _networks(cls, value: str) -> str:
        _parse_networks(value)  # refuses a value that is not a list of addresses
        return value

    @cached_property
    def forwarded_proxies(self) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
        """The networks of ``forwarded_allow_ips``."""
        return _parse_networks(self.forwarded_allow_ips)

    @property
    def request_connections(self) -> int:
        """``database_connections``, or the engine's default."""
        return self.connections_for(self.effective_database_url)

    def connections_for(self, url: str) -> int:
        """How many requests at once a server on the database at ``url`` serves."""
        if self.database_connections is not None:
            return self.database_connections
        return 6 if url.startswith("sqlite") else 20

    @property
    def effective_database_url(self) -> str:
        """The URL in use: the configured one, or the SQLite file in the data folder."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir.resolve() / 'scr.sqlite3'}"


def _parse_networks(value: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    parts = [part.strip() for part in value.split(",")]
    return tuple(ipaddress.ip_network(part, strict=False) for part in parts if part)


DEMO_SECRET = "scr-workbench-demo-only-never-use-this-for-real-reviews"
_WEAK = {"secret", "changeme", "change-me", "password", DEMO_SECRET}


class InsecureSettings(RuntimeError):
    """The settings would make the service unsafe; the message says what to set."""


def signing_secret(settings: Settings) -> str:
    """The key that signs access tokens; the demo may use a fixed one, nothing else may."""
    if settings.secret_key is not None:
        secret = settings.secret_key.get_secret_value()
        if len(secret) >= 32 and secret.lower() not in _WEAK:
            return secret
        raise InsecureSettings(
            "SCR_SECRET_KEY is too weak: use at least 32 random characters, for example "
            "the output of `python3 -c 'import secrets; print(secrets.token_urlsafe(48))'`."
        )
    if settings.demo:
        return DEMO_SECRET
    raise InsecureSettings(
        "Set SCR_SECRET_KEY to at least 32 random characters before serving real reviews "
        "(or SCR_DEMO=true for a demonstration with fictional data)."
    )


def audit_key(settings: Settings) -> bytes:
    """The audit trail's HMAC key, which must never be stored in the database it protects:
    the key file's contents, or else a key derived from the signing key (so the demo's is
    fixed, as its signing key is)."""
    if settings.audit_key_file is not None:
        key = settings.audit_key_file.read_bytes().strip()
        if len(key) < 32:
            raise InsecureSettings("SCR_AUDIT_KEY_FILE must hold at least 32 random bytes.")
        return key
    secret = signing_secret(settings).encode()
    return hmac.new(secret, b"scr-audit-trail-key", hashlib.sha256).digest()


@lru_cache
def get_settings() -> Settings:
    """The process's settings, read from the environment on first use."""
    return Settings()
