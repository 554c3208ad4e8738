"""The agencies' list through its routes (api/routes/agencies.py)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.factories import make_review


def test_a_boards_own_agency_is_listed_for_it_and_cannot_be_named_by_another_board(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    other = make_review(session)
    own = client.post(
        "/api/v1/agencies",
        json={"code": "other-board-nursery", "name": "A nursery", "board_id": other.board_id},
    )
    assert own.status_code == 201, own.text
    answer = client.post(
        f"/api/v1/reviews/{review.id}/chronology",
        json={"entry_date": "2022-01-01", "agency_id": own.json()["id"], "summary": "x"},
    )
    assert answer.status_code == 422, answer.text
    assert answer.json()["errors"][0]["field"] == "agency_id"
    listed = client.get("/api/v1/agencies", params={"board_id": other.board_id, "limit": 200})
    assert listed.status_code == 200, listed.text
    assert "other-board-nursery" in {a["code"] for a in listed.json()["items"]}
    national = client.get("/api/v1/agencies", params={"board_id": review.board_id, "limit": 200})
    assert national.status_code == 200, national.text
    assert "other-board-nursery" not in {a["code"] for a in national.json()["items"]}
