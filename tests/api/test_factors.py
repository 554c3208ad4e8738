"""Contributory factors through their routes (api/routes/factors.py)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.api.records import check_another_reviews_record_is_not_found, check_the_whole_life
from tests.factories import make_review

FACTOR = {
    "description": "Caseloads were well above the service's own limit.",
    "level": "working_conditions",
    "typology_codes": ["sp.management.caseload-volume"],
}


def test_the_whole_life_of_a_factor(client: TestClient, session: Session) -> None:
    review = make_review(session)
    check_the_whole_life(client, review, "factors", FACTOR, "level", "organisational")


def test_another_reviews_factor_is_not_found(client: TestClient, session: Session) -> None:
    review, other = make_review(session), make_review(session)
    check_another_reviews_record_is_not_found(client, review, other, "factors", FACTOR)
