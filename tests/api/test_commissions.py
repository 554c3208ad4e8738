"""A reviewer opens reviews only for the partnerships that have commissioned them; an
administrator records and ends commissions, and the board list can show a reviewer only the
partnerships they may open reviews for."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from scr.account import commission as commission_service
from scr.account.models import Commission
from scr.board.models import Board
from scr.review.models import Review
from scr.vocabulary import Role
from tests.factories import bearer, make_board, make_user
from tests.responses import ok


def _opening(board_id: int, reference: str = "COM-2025-01") -> dict[str, Any]:
    return {
        "board_id": board_id,
        "reference": reference,
        "child_pseudonym": "Child R",
        "review_type": "rapid_review",
    }


def _commission(client: TestClient, board: Board, email: str) -> Any:
    return client.post(f"/api/v1/boards/{board.id}/commissions", json={"email": email})


def test_a_reviewer_opens_reviews_only_for_a_board_that_commissioned_them(
    client: TestClient, session: Session
) -> None:
    ours, theirs = make_board(session), make_board(session)
    reviewer = make_user(session, Role.reviewer)
    as_reviewer = bearer(reviewer)
    refused = client.post("/api/v1/reviews", headers=as_reviewer, json=_opening(ours.id))
    assert refused.status_code == 403
    assert "commissioned you" in refused.json()["detail"]

    made = _commission(client, ours, reviewer.email.upper())
    assert made.status_code == 201, made.text
    assert made.json()["email"] == reviewer.email
    opened = client.post("/api/v1/reviews", headers=as_reviewer, json=_opening(ours.id))
    assert opened.status_code == 201, opened.text
    other = client.post("/api/v1/reviews", headers=as_reviewer, json=_opening(theirs.id, "X-1"))
    assert other.status_code == 403
    missing = client.post("/api/v1/reviews", headers=as_reviewer, json=_opening(99_999, "X-2"))
    assert missing.status_code == 403
    assert missing.json()["detail"] == other.json()["detail"]
    session.expire_all()
    refs = {r.reference for r in session.exec(select(Review).where(Review.board_id == theirs.id))}
    assert refs == set()


def test_an_ended_commission_stops_new_reviews_but_keeps_those_open(
    client: TestClient, session: Session
) -> None:
    board = make_board(session)
    reviewer = make_user(session, Role.reviewer)
    assert _commission(client, board, reviewer.email).status_code == 201
    listed = ok(client.get(f"/api/v1/boards/{board.id}/commissions"))
    assert [c["email"] for c in listed] == [reviewer.email]
    opened = client.post("/api/v1/reviews", headers=bearer(reviewer), json=_opening(board.id))
    assert opened.status_code == 201
    ended = client.delete(f"/api/v1/boards/{board.id}/commissions/{reviewer.id}")
    assert ended.status_code == 204
    assert ok(client.get(f"/api/v1/boards/{board.id}/commissions")) == []
    again = client.post(
        "/api/v1/reviews", headers=bearer(reviewer), json=_opening(board.id, "COM-2")
    )
    assert again.status_code == 403
    kept = client.get(f"/api/v1/reviews/{opened.json()['id']}", headers=bearer(reviewer))
    assert kept.status_code == 200
    gone = client.delete(f"/api/v1/boards/{board.id}/commissions/{reviewer.id}")
    assert gone.status_code == 404


@pytest.mark.parametrize("role", [Role.admin, Role.board, Role.national])
def test_only_a_reviewer_is_commissioned(client: TestClient, session: Session, role: Role) -> None:
    board = make_board(session)
    user = make_user(session, role, board=board if role == Role.board else None)
    answer = _commission(client, board, user.email)
    assert answer.status_code == 422
    assert "no reviewer's account" in answer.json()["detail"]
    assert _commission(client, board, "nobody@example.org").status_code == 422


def test_a_commission_is_recorded_once(client: TestClient, session: Session) -> None:
    board = make_board(session)
    reviewer = make_user(session, Role.reviewer)
    assert _commission(client, board, reviewer.email).status_code == 201
    twice = _commission(client, board, reviewer.email)
    assert twice.status_code == 409
    assert "already commissioned" in twice.json()["detail"]


def test_only_an_administrator_records_commissions(client: TestClient, session: Session) -> None:
    board = make_board(session)
    reviewer = make_user(session, Role.reviewer)
    url = f"/api/v1/boards/{board.id}/commissions"
    for caller in (reviewer, make_user(session, Role.board, board=board)):
        answer = client.post(url, headers=bearer(caller), json={"email": reviewer.email})
        assert answer.status_code == 403
    session.expire_all()
    assert session.exec(select(Commission)).all() == []


def test_the_board_list_gives_a_reviewer_the_boards_that_commissioned_them(
    client: TestClient, session: Session
) -> None:
    ours, theirs = make_board(session), make_board(session)
    reviewer = make_user(session, Role.reviewer)
    commission_service.commission(session=session, board=ours, email=reviewer.email)
    session.commit()
    params = {"commissioned": "true", "limit": 200}
    mine = ok(client.get("/api/v1/boards", headers=bearer(reviewer), params=params))
    assert [b["id"] for b in mine["items"]] == [ours.id]
    assert mine["total"] == 1
    every = ok(client.get("/api/v1/boards", headers=bearer(reviewer), params={"limit": 200}))
    assert {ours.id, theirs.id} <= {b["id"] for b in every["items"]}
    admin_sees = ok(client.get("/api/v1/boards", params=params))
    assert {ours.id, theirs.id} <= {b["id"] for b in admin_sees["items"]}
    national = make_user(session, Role.national)
    assert ok(client.get("/api/v1/boards", headers=bearer(national), params=params)) == {
        "items": [],
        "total": 0,
    }


def test_deleting_a_board_ends_its_commissions(client: TestClient, session: Session) -> None:
    board = make_board(session)
    reviewer = make_user(session, Role.reviewer)
    assert _commission(client, board, reviewer.email).status_code == 201
    assert client.delete(f"/api/v1/boards/{board.id}").status_code == 204
    session.expire_all()
    assert session.exec(select(Commission)).all() == []
