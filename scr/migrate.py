"""Run Alembic from code, and tell whether a database is behind the migrations."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


class DatabaseBehind(RuntimeError):
    """The database is not at the migrations' head; the message says what to run."""


class MigrationRefused(RuntimeError):
    """A run of migrations was rolled back whole; the message says why."""


def alembic_config(url: str) -> Config:
    """An Alembic configuration for ``url``, independent of the working directory."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("file_template", "%%(year)d%%(month).2d%%(day).2d_%%(slug)s_%%(rev)s")
    config.set_main_option("truncate_slug_length", "40")
    config.attributes["url"] = url
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Migrate the database at ``url`` up to ``revision``."""
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    """Migrate the database at ``url`` down to ``revision`` (``base`` empties it)."""
    command.downgrade(alembic_config(url), revision)


def head_revisions(url: str) -> set[str]:
    """The revisions a fully migrated database is at."""
    return set(ScriptDirectory.from_config(alembic_config(url)).get_heads())


def current_revisions(engine: Engine) -> set[str]:
    """The revisions the database is at: none for a new (empty) database."""
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def ensure_current(engine: Engine) -> None:
    """Refuse to go on when the database is behind (or ahead of) this version's migrations."""
    url = engine.url.render_as_string(hide_password=False)
    heads = head_revisions(url)
    current = current_revisions(engine)
    if current != heads:
        where = engine.url.render_as_string(hide_password=True)
        raise DatabaseBehind(
            f"The database at {where} is at revision {', '.join(sorted(current)) or 'none'}, "
            f"but this version of SCR Workbench needs {', '.join(sorted(heads))}. "
            "Run `scr db upgrade` (or `make run`, which migrates for you) and start again."
        )
