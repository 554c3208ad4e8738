"""An edit's version check locks the record against other edits only.

On PostgreSQL a new row that names the review (a factor, a tag, the search document a
record's trigger writes) has its foreign key checked with a key-share lock on the review's
row. A version check that locked the review FOR UPDATE would wait for every such transaction
and make them wait for it: with the review's revision raised in each, two could each wait
for the other, and one of them was answered "The database is busy" (deadlock detected). The
check takes the lock an UPDATE takes, FOR NO KEY UPDATE, which key-share does not conflict
with. On SQLite a reader never waits for a writer, so there both orders hold already.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, event, update
from sqlmodel import Session, col

from scr import migrate
from scr.common import crud
from scr.db import make_engine
from scr.factor.models import ContributoryFactor
from scr.review.models import Review
from scr.review.schemas import ReviewRead
from tests.factories import make_factor, make_review


@pytest.fixture
def committing(scratch_database_url: str) -> Iterator[Engine]:
    """An engine on a migrated scratch database whose lock waits end in an error, not a hang
    (this test runs both transactions on one thread, so a wait would never end)."""
    migrate.upgrade(scratch_database_url)
    engine = make_engine(scratch_database_url)
    if engine.dialect.name == "postgresql":

        @event.listens_for(engine, "connect")
        def _lock_timeout(connection: Any, _record: object) -> None:
            connection.autocommit = True  # kept by the connection, not by a transaction
            connection.execute("SET lock_timeout = '5s'")
            connection.autocommit = False

    yield engine
    engine.dispose()


def _review_with_a_factor(engine: Engine) -> tuple[int, int]:
    with Session(engine, expire_on_commit=False) as session:
        review = make_review(session)
        factor = make_factor(session, review)
        assert review.id is not None
        assert factor.id is not None
        return review.id, factor.id


def _begin_editing_factor(colleague: Session, factor_id: int) -> None:
    """The first statement of a colleague's edit of a factor, its own row: its trigger writes
    the factor's search document again, whose foreign key is checked against the review
    (the review's revision is raised only after, in the same transaction)."""
    colleague.execute(
        update(ContributoryFactor)
        .where(col(ContributoryFactor.id) == factor_id)
        .values(detail="Seen differently by the colleague.")
    )


def test_checking_a_reviews_version_does_not_wait_for_a_colleague_editing_its_records(
    committing: Engine,
) -> None:
    review_id, factor_id = _review_with_a_factor(committing)
    with Session(committing) as colleague, Session(committing) as editor:
        _begin_editing_factor(colleague, factor_id)
        review = editor.get(Review, review_id)
        assert review is not None
        crud.ensure_version(editor, review, review.version, ReviewRead.model_validate)
        editor.commit()
        colleague.commit()


def test_a_colleague_edits_a_reviews_records_while_its_version_is_checked(
    committing: Engine,
) -> None:
    review_id, factor_id = _review_with_a_factor(committing)
    with Session(committing) as editor, Session(committing) as colleague:
        review = editor.get(Review, review_id)
        assert review is not None
        crud.ensure_version(editor, review, review.version, ReviewRead.model_validate)
        _begin_editing_factor(colleague, factor_id)
        colleague.commit()
        editor.commit()
    with Session(committing) as session:
        factor = session.get(ContributoryFactor, factor_id)
        assert factor is not None
        assert factor.detail == "Seen differently by the colleague."
