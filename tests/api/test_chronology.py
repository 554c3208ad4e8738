"""The review's chronology through its routes (api/routes/chronology.py)."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.api.records import check_another_reviews_record_is_not_found, check_the_whole_life
from tests.factories import agency_id, make_entry, make_episode, make_review


def _entry(session: Session) -> dict[str, Any]:
    return {
        "entry_date": "2022-11-03",
        "date_precision": "month",
        "agency_id": agency_id(session, "gp"),
        "summary": "Mother missed Child T's 8-week check.",
        "source": "GP records",
        "significant": True,
    }


def test_the_whole_life_of_a_chronology_entry(client: TestClient, session: Session) -> None:
    review = make_review(session)
    check_the_whole_life(client, review, "chronology", _entry(session), "significant", False)


def test_another_reviews_chronology_entry_is_not_found(
    client: TestClient, session: Session
) -> None:
    review, other = make_review(session), make_review(session)
    check_another_reviews_record_is_not_found(client, review, other, "chronology", _entry(session))


def test_a_cited_chronology_entry_is_deleted_only_with_cascade(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    entry = make_entry(session, review)
    episode = make_episode(session, review, chronology_entry_ids=[entry.id])
    url = f"/api/v1/reviews/{review.id}/chronology/{entry.id}"
    refused = client.delete(url)
    assert refused.status_code == 409, refused.text
    assert refused.json()["episodes"] == [episode.id]
    assert client.delete(url, params={"cascade": True}).status_code == 204
    cited = client.get(f"/api/v1/reviews/{review.id}/episodes/{episode.id}")
    assert cited.status_code == 200, cited.text
    assert cited.json()["chronology_entry_ids"] == []


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
    document = client.get("/api/v1/openapi.json")
    assert document.status_code == 200
    read = document.json()["components"]["schemas"]["ChronologyEntryRead"]
    documented = next(s for s in read["properties"]["entry_time"]["anyOf"] if "pattern" in s)
    assert re.fullmatch(documented["pattern"], made.json()["entry_time"])
