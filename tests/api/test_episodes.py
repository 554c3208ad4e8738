"""Key practice episodes through their routes (api/routes/episodes.py)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session

from scr.review.models import Review
from tests.api.records import check_another_reviews_record_is_not_found, check_the_whole_life
from tests.factories import agency_id, make_entry, make_episode, make_review


def _episode(session: Session, review: Review) -> dict[str, Any]:
    return {
        "title": "Home visit after the missed check",
        "period_start": "2022-11-10",
        "period_end": "2022-11-10",
        "agency_ids": [agency_id(session)],
        "roles_involved": ["health visitor 1"],
        "what_happened": "Health visitor 1 visited and saw Child T asleep.",
        "view_at_the_time": "The home seemed calm; Mother said she had been unwell.",
        "appraisal": "The visit was in line with the service's guidance.",
        "appraisal_rating": "as_expected",
        "chronology_entry_ids": [make_entry(session, review).id],
        "went_well": "The visit happened within a week.",
        "queries": "Was the GP told?",
        "suggested_changes": "Share missed checks with the GP.",
    }


def test_the_whole_life_of_an_episode(client: TestClient, session: Session) -> None:
    review = make_review(session)
    sent = _episode(session, review)
    check_the_whole_life(client, review, "episodes", sent, "appraisal_rating", "below_expected")


def test_another_reviews_episode_is_not_found(client: TestClient, session: Session) -> None:
    review, other = make_review(session), make_review(session)
    sent = _episode(session, review)
    check_another_reviews_record_is_not_found(client, review, other, "episodes", sent)


def test_episodes_are_numbered_in_order(client: TestClient, session: Session) -> None:
    review = make_review(session)
    make_episode(session, review)
    make_episode(session, review)
    third = client.post(f"/api/v1/reviews/{review.id}/episodes", json={"title": "Third"})
    assert third.status_code == 201, third.text
    assert third.json()["ordinal"] == 3


def test_an_episode_may_only_cite_its_own_reviews_chronology(
    client: TestClient, session: Session
) -> None:
    review, other = make_review(session), make_review(session)
    foreign = make_entry(session, other)
    answer = client.post(
        f"/api/v1/reviews/{review.id}/episodes",
        json={"title": "Visit", "chronology_entry_ids": [foreign.id]},
    )
    assert answer.status_code == 422, answer.text
    assert answer.json()["errors"][0]["field"] == "chronology_entry_ids.0"
