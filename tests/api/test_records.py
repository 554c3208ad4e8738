"""Every collection of a review: create, read, list, change, refuse a stale change, delete."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from scr.review.models import Review
from tests.factories import agency_id, make_entry, make_episode, make_review

Payload = Callable[[Session, Review], dict[str, Any]]

COLLECTIONS: list[tuple[str, Payload, str, Any]] = [
    (
        "chronology",
        lambda s, r: {
            "entry_date": "2022-11-03",
            "date_precision": "month",
            "agency_id": agency_id(s, "gp"),
            "summary": "Mother missed Child T's 8-week check.",
            "source": "GP records",
            "significant": True,
        },
        "significant",
        False,
    ),
    (
        "episodes",
        lambda s, r: {
            "title": "Home visit after the missed check",
            "period_start": "2022-11-10",
            "period_end": "2022-11-10",
            "agency_ids": [agency_id(s)],
            "roles_involved": ["health visitor 1"],
            "what_happened": "Health visitor 1 visited and saw Child T asleep.",
            "view_at_the_time": "The home seemed calm; Mother said she had been unwell.",
            "appraisal": "The visit was in line with the service's guidance.",
            "appraisal_rating": "as_expected",
            "chronology_entry_ids": [make_entry(s, r).id],
            "went_well": "The visit happened within a week.",
            "queries": "Was the GP told?",
            "suggested_changes": "Share missed checks with the GP.",
        },
        "appraisal_rating",
        "below_expected",
    ),
    (
        "factors",
        lambda s, r: {
            "description": "Caseloads were well above the service's own limit.",
            "level": "working_conditions",
            "typology_codes": ["sp.management.caseload-volume"],
        },
        "level",
        "organisational",
    ),
    (
        "findings",
        lambda s, r: {
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
        },
        "why_it_matters",
        "It hides cumulative harm.",
    ),
    (
        "participants",
        lambda s, r: {
            "role": "case_group",
            "agency_id": agency_id(s),
            "job_role": "health visitor 1",
        },
        "job_role",
        "health visitor 2",
    ),
]


@pytest.mark.parametrize(("collection", "payload", "field", "value"), COLLECTIONS)
def test_the_whole_life_of_a_record(
    client: TestClient, session: Session, collection: str, payload: Payload, field: str, value: Any
) -> None:
    review = make_review(session)
    base = f"/api/v1/reviews/{review.id}/{collection}"
    sent = payload(session, review)

    created = client.post(base, json=sent)
    assert created.status_code == 201, created.text
    record = created.json()
    for key, expected in sent.items():
        if key != "questions":
            assert record[key] == expected, key
    assert record["version"] == 1
    url = f"{base}/{record['id']}"
    assert client.get(url).json() == record
    listed = client.get(base).json()
    assert listed["total"] == 1
    assert listed["items"][0]["id"] == record["id"]

    changed = client.patch(url, json={"version": 1, field: value})
    assert changed.status_code == 200, changed.text
    assert changed.json()[field] == value
    assert changed.json()["version"] == 2

    stale = client.patch(url, json={"version": 1, field: sent[field]})
    assert stale.status_code == 409
    assert stale.json()["current"][field] == value
    assert client.get(url).json()[field] == value

    assert client.delete(url).status_code == 204
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("collection", [c[0] for c in COLLECTIONS])
def test_another_reviews_record_is_not_found(
    client: TestClient, session: Session, collection: str
) -> None:
    review, other = make_review(session), make_review(session)
    payload = next(p for c, p, _, _ in COLLECTIONS if c == collection)
    created = client.post(
        f"/api/v1/reviews/{review.id}/{collection}", json=payload(session, review)
    )
    record_id = created.json()["id"]
    assert client.get(f"/api/v1/reviews/{other.id}/{collection}/{record_id}").status_code == 404


def test_finding_questions_are_replaced_when_sent(client: TestClient, session: Session) -> None:
    review = make_review(session)
    base = f"/api/v1/reviews/{review.id}/findings"
    finding = client.post(base, json=COLLECTIONS[3][1](session, review)).json()
    changed = client.patch(
        f"{base}/{finding['id']}",
        json={"version": 1, "questions": [{"question": "A"}, {"question": "B"}]},
    ).json()
    assert [q["question"] for q in changed["questions"]] == ["A", "B"]
    assert [q["ordinal"] for q in changed["questions"]] == [1, 2]
    untouched = client.patch(f"{base}/{finding['id']}", json={"version": 2, "title": "New"})
    assert [q["question"] for q in untouched.json()["questions"]] == ["A", "B"]


def test_episodes_are_numbered_in_order(client: TestClient, session: Session) -> None:
    review = make_review(session)
    make_episode(session, review)
    make_episode(session, review)
    third = client.post(f"/api/v1/reviews/{review.id}/episodes", json={"title": "Third"})
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
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["field"] == "chronology_entry_ids.0"


def test_a_cited_chronology_entry_is_deleted_only_with_cascade(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    entry = make_entry(session, review)
    episode = make_episode(session, review, chronology_entry_ids=[entry.id])
    url = f"/api/v1/reviews/{review.id}/chronology/{entry.id}"
    refused = client.delete(url)
    assert refused.status_code == 409
    assert refused.json()["episodes"] == [episode.id]
    assert client.delete(url, params={"cascade": True}).status_code == 204
    cited = client.get(f"/api/v1/reviews/{review.id}/episodes/{episode.id}").json()
    assert cited["chronology_entry_ids"] == []


def test_agencies_of_another_board_cannot_be_named(client: TestClient, session: Session) -> None:
    review = make_review(session)
    other = make_review(session)
    own = client.post(
        "/api/v1/agencies",
        json={"code": "other-board-nursery", "name": "A nursery", "board_id": other.board_id},
    )
    assert own.status_code == 201
    answer = client.post(
        f"/api/v1/reviews/{review.id}/chronology",
        json={"entry_date": "2022-01-01", "agency_id": own.json()["id"], "summary": "x"},
    )
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["field"] == "agency_id"
    listed = client.get("/api/v1/agencies", params={"board_id": other.board_id, "limit": 200})
    assert "other-board-nursery" in {a["code"] for a in listed.json()["items"]}


def test_a_chronology_time_is_a_time_of_day_and_reads_back_as_the_document_says(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    url = f"/api/v1/reviews/{review.id}/chronology"
    entry = {"entry_date": "2019-06-03", "agency_id": agency_id(session, "police"), "summary": "x"}
    for zoned in ("01:00:13+05:00", "01:00:13Z", "1430", "25:00"):
        refused = client.post(url, json={**entry, "entry_time": zoned})
        assert refused.status_code == 422, zoned
        assert "time of day" in refused.json()["errors"][0]["message"]
    made = client.post(url, json={**entry, "entry_time": "01:00:13"})
    assert made.status_code == 201, made.text
    pattern = client.get("/api/v1/openapi.json").json()["components"]["schemas"][
        "ChronologyEntryRead"
    ]
    documented = next(s for s in pattern["properties"]["entry_time"]["anyOf"] if "pattern" in s)
    assert re.fullmatch(documented["pattern"], made.json()["entry_time"])
