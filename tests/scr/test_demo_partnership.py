"""The demo partnership's other reviews: loaded once, the same each time, with the Board's
actions at every stage (some overdue) and findings that recur across its reviews."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import Session, col, select

from scr.account.models import User
from scr.board.models import Board
from scr.demo.loader import load_demo
from scr.demo.partnership import PartnershipAdded, load_partnership
from scr.demo.partnership_words import REVIEWS, THEMES
from scr.demo.tags import tag_demo
from scr.finding.models import ActionNote, BoardAction, BoardQuestion, Finding
from scr.review.models import Review
from scr.tag.models import Tag
from scr.vocabulary import ActionStatus, ReviewStatus, Role, TagTarget
from tests.factories import make_user
from tests.responses import ok

Clients = Callable[[User], TestClient]


def _load(session: Session, today: date | None = None) -> tuple[Board, PartnershipAdded]:
    review, created = load_demo(session=session)
    if created:  # as scr demo does
        tag_demo(session=session, review=review)
    board = session.get(Board, review.board_id)
    assert board is not None
    return board, load_partnership(session=session, board=board, today=today)


def _rows(session: Session, board: Board) -> dict[str, Any]:
    """What the partnership holds, in an order that does not depend on ids."""
    reviews = session.exec(
        select(Review).where(Review.board_id == board.id).order_by(col(Review.reference))
    ).all()
    actions = session.exec(
        select(Review.reference, Finding.ordinal, BoardAction)
        .join(Finding, col(Finding.review_id) == col(Review.id))
        .join(BoardQuestion, col(BoardQuestion.finding_id) == col(Finding.id))
        .join(BoardAction, col(BoardAction.question_id) == col(BoardQuestion.id))
        .where(Review.board_id == board.id)
        .order_by(col(Review.reference), col(Finding.ordinal), col(BoardAction.ordinal))
    ).all()
    return {
        "reviews": [(r.reference, r.status, r.publication_date) for r in reviews],
        "actions": [
            (
                ref,
                ordinal,
                a.description,
                a.owner_role,
                a.status,
                a.due_date,
                *((n.noted_on, n.note) for n in a.notes),
            )
            for ref, ordinal, a in actions
        ],
        "tags": session.exec(
            select(func.count()).select_from(Tag).join(Review).where(Review.board_id == board.id)
        ).one(),
        "notes": session.exec(select(func.count()).select_from(ActionNote)).one(),
    }


def test_the_partnership_is_loaded_once_and_the_same_for_the_same_day(session: Session) -> None:
    today = date(2026, 12, 4)
    nested = session.begin_nested()
    board, first = _load(session, today)
    assert first == PartnershipAdded(added=len(REVIEWS), existing=0)
    loaded = _rows(session, board)
    assert _load(session, today)[1] == PartnershipAdded(added=0, existing=len(REVIEWS))
    assert _rows(session, board) == loaded  # a second load adds nothing
    nested.rollback()
    session.expunge_all()

    board, again = _load(session, today)
    assert again.added == len(REVIEWS)
    assert _rows(session, board) == loaded  # drawn the same from scratch


def test_the_reviews_span_years_and_their_actions_stand_at_every_stage(session: Session) -> None:
    today = date.today()
    board, _ = _load(session, today)
    reviews = session.exec(select(Review).where(Review.board_id == board.id)).all()
    assert len(reviews) == 1 + len(REVIEWS) >= 12
    started = {r.start_date.year for r in reviews if r.start_date}
    assert len(started) >= 6
    statuses = [r.status for r in reviews]
    assert statuses.count(ReviewStatus.published) >= 8
    assert {ReviewStatus.draft, ReviewStatus.findings, ReviewStatus.gathering} <= set(statuses)
    # Each finding's systemic pattern is its lead reviewer's agreed tag.
    findings = session.exec(
        select(Finding.id).join(Review).where(Review.board_id == board.id)
    ).all()
    tagged = session.exec(
        select(Tag.target_id).where(Tag.target_kind == TagTarget.finding, col(Tag.agreed))
    ).all()
    assert set(findings) <= set(tagged)

    rows = session.exec(
        select(BoardAction, BoardQuestion, Review)
        .join(BoardQuestion, col(BoardQuestion.id) == col(BoardAction.question_id))
        .join(Finding, col(Finding.id) == col(BoardQuestion.finding_id))
        .join(Review, col(Review.id) == col(Finding.review_id))
        .where(col(Review.reference).in_([r.reference for r in REVIEWS]))
    ).all()
    assert {a.status for a, _, _ in rows} == set(ActionStatus)
    for action, question, review in rows:
        assert review.status == ReviewStatus.published
        assert question.board_response
        assert question.response_date
        assert action.owner_role
        assert action.agency_id
        assert action.due_date
        assert all(question.response_date <= n.noted_on <= today for n in action.notes)
    open_ = (ActionStatus.planned, ActionStatus.in_progress)
    overdue = [a for a, _, _ in rows if a.status in open_ and a.due_date < today]
    ahead = [a for a, _, _ in rows if a.status in open_ and a.due_date >= today]
    assert 5 <= len(overdue) < len(rows) / 3
    assert ahead
    assert any(a.notes for a in overdue)
    assert any(a.evidence_of_impact for a, _, _ in rows if a.status == ActionStatus.completed)


def test_the_board_member_sees_overdue_actions_and_findings_that_recur(
    session: Session, client_as: Clients
) -> None:
    board, _ = _load(session)
    member = client_as(make_user(session, Role.board, board=board))

    plan = ok(member.get(f"/api/v1/boards/{board.id}/actions", params={"limit": 200}))
    overdue = ok(member.get(f"/api/v1/boards/{board.id}/actions", params={"overdue": "true"}))
    assert 0 < overdue["total"] < plan["total"]
    published = {r.reference for r in REVIEWS if r.status == ReviewStatus.published}
    assert published <= {i["review_reference"] for i in plan["items"]}

    patterns = ok(member.get("/api/v1/patterns/frequencies", params={"kind": "finding"}))
    assert patterns["suppressed"] is False
    counts = {i["code"]: i["count"]["reviews"] for i in patterns["items"]}
    recurring = THEMES["notifications"]
    wanted = sum("notifications" in r.themes for r in REVIEWS) + 1  # and the demo review's
    assert counts[recurring.code] == wanted >= 6
    assert sum(count > 1 for count in counts.values()) >= 5

    # Each theme's later findings were found before in its first one: the dashboard's
    # findings that came back.
    came_back = ok(member.get(f"/api/v1/boards/{board.id}/recurring-findings"))
    assert max(item["came_back"] for item in came_back["items"]) >= 5
    expected = sum(
        sum(theme in r.themes for r in REVIEWS) - 1
        for theme in {t for r in REVIEWS for t in r.themes}
    )
    assert sum(item["came_back"] for item in came_back["items"]) == expected
