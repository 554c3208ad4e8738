"""The review's participants through their routes (api/routes/participants.py)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.api.records import check_another_reviews_record_is_not_found, check_the_whole_life
from tests.factories import agency_id, make_review


def _participant(session: Session) -> dict[str, Any]:
    return {"role": "case_group", "agency_id": agency_id(session), "job_role": "health visitor 1"}


def test_the_whole_life_of_a_participant(client: TestClient, session: Session) -> None:
    review = make_review(session)
    sent = _participant(session)
    check_the_whole_life(client, review, "participants", sent, "job_role", "health visitor 2")


def test_another_reviews_participant_is_not_found(client: TestClient, session: Session) -> None:
    review, other = make_review(session), make_review(session)
    sent = _participant(session)
    check_another_reviews_record_is_not_found(client, review, other, "participants", sent)
