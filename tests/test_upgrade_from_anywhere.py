"""A database made at any earlier revision, holding data, upgrades to the head and keeps it.

The data is made once at the head (the fictional corpus, the demo review with its
chronology, agreed tags and accounts, audit entries, a known identifier, a machine token);
the database then steps down one revision at a time, a copy kept at each, every step keeping
the rows of the tables that stay. Each copy is then upgraded to the head, keeping every row
it held, and matches the models. So the walk covers whatever migrations are added later.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from alembic import command
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import make_url
from sqlmodel import Session

from scr import migrate
from scr.account import service as account_service
from scr.account.schemas import MachineTokenCreate
from scr.audit import service as audit_service
from scr.config import get_settings
from scr.db import make_engine
from scr.demo.accounts import ensure_demo_accounts
from scr.demo.corpus import add_corpus
from scr.demo.loader import load_demo
from scr.demo.tags import tag_demo
from scr.exchange import scanning
from scr.exchange.schemas import IdentifierCreate
from scr.vocabulary import AuditAction, Role

Counts = dict[str, int]


def _segments(table: str) -> bool:
    """Whether ``table`` holds an FTS5 index's segments (``search_fts_data``, ``_idx``): their
    rows are the index's layout, which a rebuild changes, not records (the documents and
    their sizes are counted; tests/scr/search checks the index against them)."""
    return table.startswith("search_fts") and table.endswith(("_data", "_idx"))


def _counts(url: str) -> Counts:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            tables = {
                t
                for t in inspect(connection).get_table_names()
                if t != "alembic_version" and not _segments(t)
            }
            return {
                t: int(connection.exec_driver_sql(f'SELECT count(*) FROM "{t}"').scalar_one())
                for t in sorted(tables)
            }
    finally:
        engine.dispose()


def _fill(url: str) -> None:
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            review, _created = load_demo(session=session)
            tag_demo(session=session, review=review)
            ensure_demo_accounts(session=session, review=review)
            add_corpus(session=session, count=8, seed=3)
            scanning.add_identifier(
                session=session,
                review=review,
                data=IdentifierCreate(text="Pendleford", kind="place"),  # type: ignore[arg-type]
                actor="lead reviewer 1",
            )
            account_service.create_machine_token(
                session=session,
                settings=get_settings(),
                data=MachineTokenCreate(name="national pull", role=Role.national),
                actor="admin",
            )
            for action in (AuditAction.read, AuditAction.update, AuditAction.export):
                audit_service.record(
                    session=session,
                    actor="lead reviewer 1",
                    action=action,
                    object_type="reviews",
                    object_id=review.id,
                    review_id=review.id,
                    request_id=uuid.uuid4().hex,
                )
            session.commit()
    finally:
        engine.dispose()


class Copies:
    """Copies of a database, on its own engine: files for SQLite, templates for PostgreSQL."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.made: list[str] = []

    def copy(self, source: str, name: str) -> str:
        if self.url.get_backend_name() == "sqlite":
            target = str(make_url(source).database).replace(".sqlite3", f"-{name}.sqlite3")
            with (
                sqlite3.connect(str(make_url(source).database)) as src,
                sqlite3.connect(target) as dst,
            ):
                src.backup(dst)
            return f"sqlite:///{target}"
        database = f"{make_url(source).database}_{name}"
        self._admin(f'CREATE DATABASE "{database}" TEMPLATE "{make_url(source).database}"')
        self.made.append(database)
        return self.url.set(database=database).render_as_string(hide_password=False)

    def _admin(self, sql: str) -> None:
        admin = create_engine(self.url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as connection:
                connection.exec_driver_sql(sql)
        finally:
            admin.dispose()

    def drop(self) -> None:
        for database in self.made:
            self._admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


@contextmanager
def _copies(url: str) -> Iterator[Copies]:
    copies = Copies(url)
    try:
        yield copies
    finally:
        copies.drop()


def _revisions_newest_first(url: str) -> list[str]:
    script = ScriptDirectory.from_config(migrate.alembic_config(url))
    return [r.revision for r in script.walk_revisions()]


def _kept(before: Counts, after: Counts) -> Counts:
    """The tables of ``before`` whose count differs in ``after`` (none, when all were kept)."""
    return {t: after.get(t, -1) for t, n in before.items() if after.get(t, -1) != n}


def test_a_database_at_any_earlier_revision_upgrades_to_the_head_keeping_its_rows(
    scratch_database_url: str,
) -> None:
    url = scratch_database_url
    migrate.upgrade(url)
    _fill(url)
    at_head = _counts(url)
    assert at_head["review"] >= 9
    held = ("chronology_entry", "episode_citation", "tag", "user_account", "known_identifier")
    assert all(at_head[table] for table in held)
    revisions = _revisions_newest_first(url)
    with _copies(url) as copies:
        snapshots: list[tuple[str, str, Counts]] = []
        above = at_head
        for older in revisions[1:]:
            migrate.downgrade(url, older)
            counts = _counts(url)
            kept = {t: n for t, n in above.items() if t in counts}
            assert _kept(kept, counts) == {}, f"stepping down to {older}"
            assert counts["review"] == at_head["review"], older
            snapshots.append((older, copies.copy(url, older), counts))
            above = counts

        for older, copy, before in snapshots:
            migrate.upgrade(copy)
            assert _kept(before, _counts(copy)) == {}, f"upgrading from {older}"
            command.check(migrate.alembic_config(copy))
    assert len(snapshots) == len(revisions) - 1


def test_sqlite_migrations_that_would_leave_a_broken_reference_change_nothing(
    tmp_path: Path,
) -> None:
    # Foreign keys are off while SQLite's batch steps copy tables; the references are checked
    # before the migrations commit. (Every SQLite database, whatever engine the suite runs on.)
    url = f"sqlite:///{tmp_path / 'broken.sqlite3'}"
    migrate.upgrade(url)
    _fill(url)
    with sqlite3.connect(tmp_path / "broken.sqlite3") as connection:
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute("UPDATE contributory_factor SET review_id = 999999 WHERE id = 1")
    before, at = _counts(url), _revisions_newest_first(url)[0]
    # The factor, and whatever rows of the tables the newest step leaves point at it (the
    # search index's document of the factor, while that table stays).
    refused = r"row\(s\) of contributory_factor(, [a-z_]+)* pointing at rows that do not exist"
    with pytest.raises(migrate.MigrationRefused, match=refused):
        migrate.downgrade(url, _revisions_newest_first(url)[1])
    assert _counts(url) == before
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            assert MigrationContext.configure(connection).get_current_heads() == (at,)
    finally:
        engine.dispose()
