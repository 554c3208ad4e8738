from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.factories import make_board, make_episode, make_review
from tests.responses import ok

REVIEWS = "/api/v1/reviews"


def test_create_and_read_a_review(client: TestClient, session: Session) -> None:
    board = make_board(session)
    answer = client.post(
        REVIEWS,
        json={
            "board_id": board.id,
            "reference": "WV-2024-01",
            "child_pseudonym": "Child W",
            "review_type": "serious_case_review",
            "learning_together_size": "speed_plus",
            "incident_date": "2016-04-02",
            "scope_start": "2015-01-01",
            "scope_end": "2016-04-02",
            "child_age_band": "under_1",
            "outcome": "serious_harm",
            "context_codes": ["cc.harm.neglect"],
        },
    )
    assert answer.status_code == 201, answer.text
    review = ok(client.get(f"{REVIEWS}/{answer.json()['id']}"))
    assert review["status"] == "scoping"
    assert review["learning_together_size"] == "speed_plus"
    assert review["context_codes"] == ["cc.harm.neglect"]


def test_reviews_are_filtered_by_board_status_type_and_year(
    client: TestClient, session: Session
) -> None:
    board = make_board(session)
    other_board = make_board(session)
    make_review(session, board=board, notification_date="2019-06-01", status="published")
    wanted = make_review(
        session, board=board, notification_date="2021-02-01", review_type="rapid_review"
    )
    make_review(session, board=board, incident_date="2021-01-05")
    make_review(session, board=other_board, notification_date="2021-03-01")

    def refs(**params: object) -> set[str]:
        page = ok(client.get(REVIEWS, params={"board_id": board.id, **params}))
        assert page["total"] == len(page["items"])
        return {r["reference"] for r in page["items"]}

    assert len(refs()) == 3
    assert len(refs(year=2021)) == 2
    assert refs(year=2021, review_type="rapid_review") == {wanted.reference}
    assert len(refs(status="published")) == 1


def test_lists_page_with_limit_and_offset_and_cap_the_limit(
    client: TestClient, session: Session
) -> None:
    board = make_board(session)
    for _ in range(5):
        make_review(session, board=board)
    first = ok(client.get(REVIEWS, params={"board_id": board.id, "limit": 2}))
    rest = ok(client.get(REVIEWS, params={"board_id": board.id, "limit": 2, "offset": 2}))
    assert first["total"] == rest["total"] == 5
    assert len(first["items"]) == len(rest["items"]) == 2
    assert not {r["id"] for r in first["items"]} & {r["id"] for r in rest["items"]}
    too_many = client.get(REVIEWS, params={"limit": 10_000})
    assert too_many.status_code == 422
    assert too_many.json()["errors"][0]["field"] == "limit"


def test_rules_of_a_review_are_explained(client: TestClient, session: Session) -> None:
    board = make_board(session)
    base = {"board_id": board.id, "child_pseudonym": "Child X", "review_type": "other"}
    unknown_board = client.post(REVIEWS, json=base | {"reference": "A", "board_id": 999_999})
    assert unknown_board.status_code == 422
    assert unknown_board.json()["errors"][0]["field"] == "board_id"

    backwards = client.post(
        REVIEWS,
        json=base | {"reference": "B", "scope_start": "2020-01-01", "scope_end": "2019-01-01"},
    )
    assert backwards.status_code == 422
    assert "scope" in backwards.json()["detail"]

    assert client.post(REVIEWS, json=base | {"reference": "C"}).status_code == 201
    duplicate = client.post(REVIEWS, json=base | {"reference": "C"})
    assert duplicate.status_code == 409


def test_a_review_holding_records_is_deleted_only_with_cascade(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    episode = make_episode(session, review)
    refused = client.delete(f"{REVIEWS}/{review.id}")
    assert refused.status_code == 409
    assert refused.json()["holds"] == {"key practice episodes": 1}
    assert client.get(f"{REVIEWS}/{review.id}/episodes/{episode.id}").status_code == 200

    assert client.delete(f"{REVIEWS}/{review.id}", params={"cascade": True}).status_code == 204
    assert client.get(f"{REVIEWS}/{review.id}").status_code == 404


def test_unknown_and_impossible_ids_answer_404_or_422(client: TestClient) -> None:
    missing = client.get(f"{REVIEWS}/2147483000")
    assert missing.status_code == 404
    assert "no such review" in missing.json()["detail"]
    assert client.get(f"{REVIEWS}/99999999999999999999").status_code == 422
    assert client.get(f"{REVIEWS}/0").status_code == 422


def test_quality_markers_and_the_rapid_review_are_recorded_on_the_review(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    answer = client.patch(
        f"{REVIEWS}/{review.id}",
        json={
            "version": review.version,
            "rapid_review_date": "2024-03-11",
            "rapid_review_outcome": "A local review, by the Learning Together model.",
            "quality_markers": [
                {"marker": "analysis", "status": "partly_met", "note": "One KPE rests on records."},
                {"marker": "referral", "status": "met"},
            ],
        },
    )
    assert answer.status_code == 200, answer.text
    read = ok(client.get(f"{REVIEWS}/{review.id}"))
    assert read["rapid_review_date"] == "2024-03-11"
    markers = read["quality_markers"]
    assert len(markers) == 18
    assert [m["group"] for m in markers].count("Setting up the review") == 5
    assert markers[0] == {
        "marker": "referral",
        "group": "Setting up the review",
        "label": "Referral",
        "status": "met",
        "note": None,
    }
    analysis = next(m for m in markers if m["marker"] == "analysis")
    assert (analysis["status"], analysis["note"]) == ("partly_met", "One KPE rests on records.")
    assert markers[-1]["status"] == "not_assessed"

    twice = client.patch(
        f"{REVIEWS}/{review.id}",
        json={
            "version": read["version"],
            "quality_markers": [
                {"marker": "report", "status": "met"},
                {"marker": "report", "status": "not_met"},
            ],
        },
    )
    assert twice.status_code == 422
    assert "names the quality marker 'report' twice" in twice.text
