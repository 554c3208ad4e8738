from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.factories import make_board, make_review
from tests.responses import ok

BOARDS = "/api/v1/boards"


def test_create_read_list_update_and_delete_a_board(client: TestClient) -> None:
    created = client.post(
        BOARDS, json={"name": "Westvale Partnership", "code": "WESTVALE", "region": "south_west"}
    )
    assert created.status_code == 201
    board = created.json()
    assert board["version"] == 1
    assert ok(client.get(f"{BOARDS}/{board['id']}"))["code"] == "WESTVALE"
    codes = [b["code"] for b in ok(client.get(BOARDS, params={"limit": 200}))["items"]]
    assert "WESTVALE" in codes

    changed = client.patch(f"{BOARDS}/{board['id']}", json={"version": 1, "region": "london"})
    assert changed.status_code == 200
    assert changed.json()["region"] == "london"
    assert changed.json()["version"] == 2

    assert client.delete(f"{BOARDS}/{board['id']}").status_code == 204
    assert client.get(f"{BOARDS}/{board['id']}").status_code == 404


def test_a_duplicate_code_is_refused(client: TestClient, session: Session) -> None:
    make_board(session, code="DUPE")
    answer = client.post(BOARDS, json={"name": "Another", "code": "DUPE", "region": "london"})
    assert answer.status_code == 409
    assert "DUPE" in answer.json()["detail"]


def test_a_stale_edit_answers_409_with_the_current_board(
    client: TestClient, session: Session
) -> None:
    board = make_board(session)
    client.patch(f"{BOARDS}/{board.id}", json={"version": 1, "name": "First edit"})
    stale = client.patch(f"{BOARDS}/{board.id}", json={"version": 1, "name": "Second edit"})
    assert stale.status_code == 409
    assert stale.json()["current"]["name"] == "First edit"
    assert stale.json()["current"]["version"] == 2
    assert ok(client.get(f"{BOARDS}/{board.id}"))["name"] == "First edit"


def test_a_board_with_reviews_is_deleted_only_with_cascade(
    client: TestClient, session: Session
) -> None:
    board = make_board(session)
    review = make_review(session, board=board)
    refused = client.delete(f"{BOARDS}/{board.id}")
    assert refused.status_code == 409
    assert review.reference in refused.json()["detail"]
    assert client.get(f"/api/v1/reviews/{review.id}").status_code == 200

    assert client.delete(f"{BOARDS}/{board.id}", params={"cascade": True}).status_code == 204
    assert client.get(f"/api/v1/reviews/{review.id}").status_code == 404
