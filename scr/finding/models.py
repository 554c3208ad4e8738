"""Systemic findings, the questions they pose to the Board, and the Board's actions."""

from datetime import date, datetime
from typing import Annotated

import sqlalchemy as sa
from pydantic import AfterValidator, StringConstraints
from sqlmodel import Field, Relationship, SQLModel

from scr.common.columns import Tracked, UtcDateTime, enum_type, narrative, utcnow
from scr.common.types import Id, LongText, ShortText, storable
from scr.records import kinds
from scr.review import revision
from scr.vocabulary import ActionStatus, PatternKind


class ActionNoteFields(SQLModel):
    """A progress note's fields a client writes: the table and its schemas share them."""

    noted_on: date = Field(description="The day the progress was made or seen.")
    note: LongText = Field(
        min_length=1, sa_type=sa.Text, description="The progress made on the action, as written."
    )


class ActionNote(ActionNoteFields, table=True):
    """A dated note of the progress made on an action, kept as written (never edited)."""

    __tablename__ = "action_note"

    id: int | None = Field(default=None, primary_key=True)
    action_id: int | None = Field(
        default=None, foreign_key="board_action.id", index=True, nullable=False
    )
    created_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime, nullable=False)
    created_by: str | None = Field(default=None, max_length=200)


Question = Annotated[
    str, StringConstraints(min_length=1, max_length=2000), AfterValidator(storable)
]
"""A question for the Board (``Field(max_length=...)`` would not narrow a ``LongText``)."""


class BoardActionFields(SQLModel):
    """An action's fields a client writes: the table and its schemas share them."""

    description: LongText = Field(
        min_length=1, sa_type=sa.Text, description="What the Board agreed to do."
    )
    owner_role: ShortText | None = Field(
        default=None,
        sa_type=sa.String(200),
        description="The role that owns the action, never a person's name.",
        schema_extra={"examples": ["Head of early help"]},
    )
    due_date: date | None = Field(
        default=None, index=True, description="When the action is due to be done."
    )
    status: ActionStatus = Field(
        default=ActionStatus.planned,
        sa_type=enum_type(ActionStatus),
        description="How far the action has got.",
    )


class ActionFields(BoardActionFields):
    """An action's fields as a board member writes it on the action plan: a finding's action's
    (``BoardActionFields``, which a finding's questions carry), with the owning agency and the
    evidence of impact, which the Board records once the review is published."""

    agency_id: Id | None = Field(
        default=None,
        foreign_key="agency.id",
        index=True,
        description="The agency the owning role belongs to.",
    )
    evidence_of_impact: LongText | None = narrative(
        "The evidence that the action made a difference."
    )


class BoardAction(ActionFields, Tracked, table=True):
    """What the Board agreed to do about a question, owned by a role in an agency."""

    __tablename__ = "board_action"

    id: int | None = Field(default=None, primary_key=True)
    question_id: int | None = Field(
        default=None, foreign_key="board_question.id", index=True, nullable=False
    )
    ordinal: int

    notes: list[ActionNote] = Relationship(
        sa_relationship_kwargs={
            "lazy": "selectin",
            "order_by": "(ActionNote.noted_on, ActionNote.id)",
            "cascade": "all, delete-orphan",
        }
    )


class BoardQuestionFields(SQLModel):
    """A question's fields a client writes: the table and its schemas share them."""

    question: Question = Field(
        sa_type=sa.Text,
        description="The question the review poses to the Board, instead of a prescriptive "
        "recommendation.",
    )
    board_response: LongText | None = narrative("The Board's response to the question.")
    response_date: date | None = Field(default=None, description="When the Board responded.")


class BoardQuestion(BoardQuestionFields, Tracked, table=True):
    """A question for the Board, and the Board's response."""

    __tablename__ = "board_question"

    id: int | None = Field(default=None, primary_key=True)
    finding_id: int | None = Field(
        default=None, foreign_key="finding.id", index=True, nullable=False
    )
    ordinal: int

    actions: list[BoardAction] = Relationship(
        sa_relationship_kwargs={
            "lazy": "selectin",
            "order_by": "BoardAction.ordinal",
            "cascade": "all, delete-orphan",
        }
    )


class FindingFields(SQLModel):
    """A finding's fields a client writes: the table and its schemas share them."""

    title: ShortText = Field(sa_type=sa.String(200), description="The finding's title, one line.")
    statement: LongText = Field(
        min_length=1, sa_type=sa.Text, description="The systemic issue, stated generally."
    )
    pattern_kind: PatternKind = Field(
        default=PatternKind.unsafe,
        sa_type=enum_type(PatternKind),
        description="Whether the pattern makes poor practice more likely (unsafe) or good "
        "practice (constructive).",
    )
    # Its systemic pattern is a tag (scr/tag/form.py), not a column.
    how_it_appeared: LongText | None = narrative(
        "How it appeared in this case: the episodes and factors behind it."
    )
    evidence_beyond_case: LongText | None = narrative(
        "Why this is not peculiar to this case: data, audits, reviews."
    )
    why_it_matters: LongText | None = narrative("Why it matters: the risk it creates.")


class Finding(FindingFields, Tracked, table=True):
    __tablename__ = "finding"

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    ordinal: int

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
