from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy import create_engine, inspect
from sqlmodel import Session, col, select

from scr import migrate
from scr.factor.models import ContributoryFactor
from scr.finding.models import Finding
from scr.review.models import Review
from scr.tag.models import Adjudication, Tag
from scr.vocabulary import FactorLevel, TagTarget
from tests.factories import make_board

# The columns that held the codes entered on the forms before 5c1f0a9d7b42 made them tags.
FORM_CODE_COLUMNS = {
    "review": {"context_codes": sa.JSON()},
    "contributory_factor": {"typology_codes": sa.JSON()},
    "finding": {"category": sa.String()},
}


def _insert_old(session: Session, record: Any, **old: Any) -> int:
    """Insert ``record`` into its table as it stood before 5c1f0a9d7b42, with the form-code
    columns ``old`` gives; its id."""
    model = type(record)
    table = model.__table__
    values = {c.name: getattr(record, c.name) for c in table.columns if c.name != "id"}
    values = {k: v for k, v in values.items() if v is not None} | old
    types = {c.name: c.type for c in table.columns} | FORM_CODE_COLUMNS[table.name]
    then = sa.table(table.name, *(sa.column(name, types[name]) for name in [*values, "id"]))
    return int(session.execute(then.insert().values(values).returning(then.c.id)).scalar_one())


def _old_review(session: Session, **old: Any) -> int:
    board = make_board(session)
    review = Review(
        board_id=board.id,
        reference="TST-OLD",
        child_pseudonym="Child T",
        review_type="local_child_safeguarding_practice_review",
        updated_by="lead@example.org",
    )
    return _insert_old(session, review, context_codes=old.get("context_codes", []))


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
            review_id = _old_review(session)
            # The lead's agreed tag recorded directly; the second coder's submitted blind tag;
            # the lead's agreed tag made by deciding the disagreement on it.
            for coder, agreed, submitted, code in [
                ("lead@example.org", True, None, "cc.harm.neglect"),
                ("second@example.org", False, made, "cc.harm.physical"),
                ("lead@example.org", True, None, "cc.harm.physical"),
            ]:
                session.add(
                    Tag(
                        review_id=review_id,
                        target_kind=TagTarget.review,
                        target_id=review_id,
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
                    review_id=review_id,
                    target_kind=TagTarget.review,
                    target_id=review_id,
                    typology_version="1.0",
                    code="cc.harm.physical",
                    decision="agreed",
                )
            )
            session.commit()
        migrate.upgrade(url, "e2a4c7b91f30")
        with Session(engine) as session:
            rows = session.exec(select(Tag).order_by(col(Tag.id))).all()
            assert [(t.code, t.agreed, t.submitted_at) for t in rows] == [
                ("cc.harm.neglect", True, made),
                ("cc.harm.physical", False, made),
                ("cc.harm.physical", True, None),
            ]
    finally:
        engine.dispose()


def test_the_codes_entered_on_the_forms_become_the_records_agreed_tags(
    scratch_database_url: str,
) -> None:
    url = scratch_database_url
    migrate.upgrade(url, "e2a4c7b91f30")
    engine = create_engine(url)
    made = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    try:
        with Session(engine) as session:
            review_id = _old_review(
                session, context_codes=["cc.harm.neglect", "cc.cp-plan.neglect-only"]
            )
            factor = ContributoryFactor(
                review_id=review_id,
                description="Caseloads were high.",
                level=FactorLevel.own_team,
                created_at=made,
                updated_by="lead@example.org",
            )
            # A 1.0 code that 1.1 split, and one 1.1 kept.
            factor_id = _insert_old(
                session, factor, typology_codes=["sp.management.caseload", "pt.escalation"]
            )
            finding = Finding(
                review_id=review_id,
                ordinal=1,
                title="Referrals",
                statement="Referrers hear nothing back.",
                updated_by="lead@example.org",
            )
            finding_id = _insert_old(session, finding, category="sp.crisis.referral-feedback")
            empty = _insert_old(session, finding.model_copy(update={"ordinal": 2}), category=None)
            # The same code already agreed on the review: not tagged twice.
            session.add(
                Tag(
                    review_id=review_id,
                    target_kind=TagTarget.review,
                    target_id=review_id,
                    typology_version="1.0",
                    code="cc.harm.neglect",
                    coder="someone@example.org",
                    agreed=True,
                    created_at=made,
                )
            )
            session.commit()
        migrate.upgrade(url)
        command.check(migrate.alembic_config(url))
        with Session(engine) as session:
            rows = session.exec(select(Tag).order_by(col(Tag.id))).all()
            found = {
                (t.target_kind.value, t.target_id, t.code): (t.typology_version, t.coder, t.agreed)
                for t in rows
            }
            lead = "lead@example.org"
            assert found == {
                ("review", review_id, "cc.harm.neglect"): ("1.0", "someone@example.org", True),
                ("review", review_id, "cc.cp-plan.neglect-only"): ("1.1", lead, True),
                ("factor", factor_id, "sp.management.caseload"): ("1.0", lead, True),
                ("factor", factor_id, "pt.escalation"): ("1.1", lead, True),
                ("finding", finding_id, "sp.crisis.referral-feedback"): ("1.1", lead, True),
            }
            assert all(t.target_id != empty for t in rows if t.target_kind is TagTarget.finding)
            # The factor's are the lead's coding, submitted when the factor was made.
            factor_tags = [t for t in rows if t.target_kind is TagTarget.factor]
            assert {t.submitted_at for t in factor_tags} == {made}
        columns = {
            table: {c["name"] for c in inspect(engine).get_columns(table)}
            for table in FORM_CODE_COLUMNS
        }
        assert all(not set(old) & columns[table] for table, old in FORM_CODE_COLUMNS.items())
    finally:
        engine.dispose()
