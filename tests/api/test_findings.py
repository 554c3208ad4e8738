"""Findings, with their questions for the Board, through their routes (api/routes/findings.py)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.api.records import check_another_reviews_record_is_not_found, check_the_whole_life
from tests.factories import make_review

FINDING = {
    "title": "Missed health appointments are not seen as a pattern",
    "statement": "Agencies treat each missed appointment on its own.",
    "pattern_kind": "unsafe",
    "why_it_matters": "Neglect shows itself through accumulation.",
    "questions": [
        {
            "question": "How will the Board know missed appointments are joined up?",
            "board_response": "An audit is commissioned.",
            "actions": [
                {
                    "description": "Audit 20 cases",
                    "owner_role": "Designated nurse",
                    "due_date": "2025-03-31",
                    "status": "in_progress",
                }
            ],
        }
    ],
}


def test_the_whole_life_of_a_finding(client: TestClient, session: Session) -> None:
    review = make_review(session)
    check_the_whole_life(
        client, review, "findings", FINDING, "why_it_matters", "It hides cumulative harm."
    )


def test_another_reviews_finding_is_not_found(client: TestClient, session: Session) -> None:
    review, other = make_review(session), make_review(session)
    check_another_reviews_record_is_not_found(client, review, other, "findings", FINDING)


def test_finding_questions_are_replaced_when_sent(client: TestClient, session: Session) -> None:
    review = make_review(session)
    base = f"/api/v1/reviews/{review.id}/findings"
    created = client.post(base, json=FINDING)
    assert created.status_code == 201, created.text
    url = f"{base}/{created.json()['id']}"
    changed = client.patch(
        url, json={"version": 1, "questions": [{"question": "A"}, {"question": "B"}]}
    )
    assert changed.status_code == 200, changed.text
    assert [q["question"] for q in changed.json()["questions"]] == ["A", "B"]
    assert [q["ordinal"] for q in changed.json()["questions"]] == [1, 2]
    untouched = client.patch(url, json={"version": 2, "title": "New"})
    assert untouched.status_code == 200, untouched.text
    assert [q["question"] for q in untouched.json()["questions"]] == ["A", "B"]
