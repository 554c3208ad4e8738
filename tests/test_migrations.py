from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect
from sqlmodel import Session, col, select

from scr import migrate
from scr.tag.models import Adjudication, Tag
from scr.vocabulary import TagTarget
from tests.factories import make_review


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_migrations_go_up_down_and_up_again_and_match_the_models(
    scratch_database_url: str,
) -> None:
    url = scratch_database_url
    migrate.upgrade(url)
    command.check(migrate.alembic_config(url))  # raises when the models and migrations differ
    assert {"review", "key_practice_episode", "causal_link", "finding"} <= _tables(url)

    migrate.downgrade(url, "base")
    assert _tables(url) <= {"alembic_version"}

    migrate.upgrade(url)
    command.check(migrate.alembic_config(url))
    assert "board_question" in _tables(url)


def test_a_database_behind_the_migrations_is_refused_with_what_to_run(
    scratch_database_url: str,
) -> None:
    engine = create_engine(scratch_database_url)
    try:
        with pytest.raises(migrate.DatabaseBehind, match="Run `scr db upgrade`"):
            migrate.ensure_current(engine)
        migrate.upgrade(scratch_database_url)
        migrate.ensure_current(engine)
    finally:
        engine.dispose()


def test_a_leads_agreed_tags_recorded_before_become_their_submitted_coding(
    scratch_database_url: str,
) -> None:
    url = scratch_database_url
    # The tables are the same before and after: only the rows change.
    migrate.upgrade(url, "9df21c9e3d0d")
    engine = create_engine(url)
    made = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    try:
        with Session(engine) as session:
            review = make_review(session)
            # The lead's agreed tag recorded directly; the second coder's submitted blind tag;
            # the lead's agreed tag made by deciding the disagreement on it.
            for coder, agreed, submitted, code in [
                ("lead@example.org", True, None, "cc.harm.neglect"),
                ("second@example.org", False, made, "cc.harm.physical"),
                ("lead@example.org", True, None, "cc.harm.physical"),
            ]:
                session.add(
                    Tag(
                        review_id=review.id,
                        target_kind=TagTarget.review,
                        target_id=review.id,
                        typology_version="1.0",
                        code=code,
                        coder=coder,
                        agreed=agreed,
                        submitted_at=submitted,
                        created_at=made,
                    )
                )
            session.add(
                Adjudication(
                    review_id=review.id,
                    target_kind=TagTarget.review,
                    target_id=review.id,
                    typology_version="1.0",
                    code="cc.harm.physical",
                    decision="agreed",
                )
            )
            session.commit()
        migrate.upgrade(url)
        with Session(engine) as session:
            rows = session.exec(select(Tag).order_by(col(Tag.id))).all()
            assert [(t.code, t.agreed, t.submitted_at) for t in rows] == [
                ("cc.harm.neglect", True, made),
                ("cc.harm.physical", False, made),
                ("cc.harm.physical", True, None),
            ]
    finally:
        engine.dispose()
