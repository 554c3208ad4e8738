"""Systemic findings, the questions they pose to the Board, and the Board's actions."""

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, Relationship, SQLModel

from scr.common.columns import Tracked, UtcDateTime, enum_column, utcnow
from scr.records import kinds
from scr.review import revision
from scr.vocabulary import ActionStatus, PatternKind


class ActionNote(SQLModel, table=True):
    """A dated note of the progress made on an action, kept as written (never edited)."""

    __tablename__ = "action_note"

    id: int | None = Field(default=None, primary_key=True)
    action_id: int | None = Field(
        default=None, foreign_key="board_action.id", index=True, nullable=False
    )
    noted_on: date
    note: str = Field(sa_type=sa.Text)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime, nullable=False)
    created_by: str | None = Field(default=None, max_length=200)


class BoardAction(Tracked, table=True):
    """What the Board agreed to do about a question, owned by a role in an agency."""

    __tablename__ = "board_action"

    id: int | None = Field(default=None, primary_key=True)
    question_id: int | None = Field(
        default=None, foreign_key="board_question.id", index=True, nullable=False
    )
    ordinal: int
    description: str = Field(sa_type=sa.Text)
    owner_role: str | None = Field(default=None, max_length=200)
    agency_id: int | None = Field(default=None, foreign_key="agency.id", index=True)
    due_date: date | None = Field(default=None, index=True)
    status: ActionStatus = Field(default=ActionStatus.planned, sa_column=enum_column(ActionStatus))
    evidence_of_impact: str | None = Field(default=None, sa_type=sa.Text)

    notes: list[ActionNote] = Relationship(
        sa_relationship_kwargs={
            "lazy": "selectin",
            "order_by": "(ActionNote.noted_on, ActionNote.id)",
            "cascade": "all, delete-orphan",
        }
    )


class BoardQuestion(Tracked, table=True):
    """A question for the Board, and the Board's response."""

    __tablename__ = "board_question"

    id: int | None = Field(default=None, primary_key=True)
    finding_id: int | None = Field(
        default=None, foreign_key="finding.id", index=True, nullable=False
    )
    ordinal: int
    question: str = Field(sa_type=sa.Text)
    board_response: str | None = Field(default=None, sa_type=sa.Text)
    response_date: date | None = None

    actions: list[BoardAction] = Relationship(
        sa_relationship_kwargs={
            "lazy": "selectin",
            "order_by": "BoardAction.ordinal",
            "cascade": "all, delete-orphan",
        }
    )


class Finding(Tracked, table=True):
    __tablename__ = "finding"

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    ordinal: int
    title: str = Field(max_length=200)
    statement: str = Field(sa_type=sa.Text)
    pattern_kind: PatternKind = Field(
        default=PatternKind.unsafe, sa_column=enum_column(PatternKind)
    )
    # Its systemic pattern is a tag (scr/tag/form.py), not a column.
    how_it_appeared: str | None = Field(default=None, sa_type=sa.Text)
    evidence_beyond_case: str | None = Field(default=None, sa_type=sa.Text)
    why_it_matters: str | None = Field(default=None, sa_type=sa.Text)

    questions: list[BoardQuestion] = Relationship(
        sa_relationship_kwargs={
            "lazy": "selectin",
            "order_by": "BoardQuestion.ordinal",
            "cascade": "all, delete-orphan",
        }
    )


revision.held_through(BoardQuestion, Finding, "finding_id")
revision.held_through(BoardAction, BoardQuestion, "question_id")


kinds.register("finding", Finding)
