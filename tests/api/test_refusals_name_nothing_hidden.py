"""A refusal never names a record the caller may not see: no id, so a reviewer who is not on a
review learns no more than that the reference is taken."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session

from scr.account import commission as commission_service
from scr.vocabulary import Role
from tests.factories import bearer, make_board, make_review, make_user


def test_a_taken_reference_is_refused_without_naming_the_hidden_review(
    client: TestClient, session: Session
) -> None:
    board = make_board(session)
    hidden = make_review(session, board, reference="HID-2025-01")
    reviewer = make_user(session, Role.reviewer)
    commission_service.commission(session=session, board=board, email=reviewer.email)
    answer = client.post(
        "/api/v1/reviews",
        headers=bearer(reviewer),
        json={
            "board_id": board.id,
            "reference": "HID-2025-01",
            "child_pseudonym": "Child T",
            "review_type": "rapid_review",
        },
    )
    assert answer.status_code == 409, answer.text
    detail = answer.json()["detail"]
    assert "HID-2025-01" in detail
    assert f"id {hidden.id}" not in detail
    assert "(id" not in detail


def test_a_taken_board_code_is_refused_without_naming_the_board(
    client: TestClient, session: Session
) -> None:
    make_board(session, code="SEEN")
    admin = make_user(session, Role.admin)
    answer = client.post(
        "/api/v1/boards",
        headers=bearer(admin),
        json={"name": "Another", "code": "SEEN", "region": "london"},
    )
    assert answer.status_code == 409
    assert "(id" not in answer.json()["detail"]
