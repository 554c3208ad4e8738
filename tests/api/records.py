"""What every collection of a review's records does through the API, checked by each
collection's own test module (tests/api/test_<route module>.py) with a record it sends.

Create, read, list, change, refuse a stale change, delete; and never answer for a record of
another review.
"""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from scr.review.models import Review


def check_the_whole_life(
    client: TestClient,
    review: Review,
    collection: str,
    sent: dict[str, Any],
    field: str,
    value: Any,
) -> None:
    """A record of ``collection`` made from ``sent``, read, listed, changed (``field`` to
    ``value``), refused a stale change and deleted."""
    base = f"/api/v1/reviews/{review.id}/{collection}"
    created = client.post(base, json=sent)
    assert created.status_code == 201, created.text
    record = created.json()
    for key, expected in sent.items():
        if key != "questions":
            assert record[key] == expected, key
    assert record["version"] == 1
    url = f"{base}/{record['id']}"
    read = client.get(url)
    assert read.status_code == 200, read.text
    assert read.json() == record
    listed = client.get(base)
    assert listed.status_code == 200, listed.text
    assert listed.json()["total"] == 1
    assert listed.json()["items"][0]["id"] == record["id"]

    changed = client.patch(url, json={"version": 1, field: value})
    assert changed.status_code == 200, changed.text
    assert changed.json()[field] == value
    assert changed.json()["version"] == 2

    stale = client.patch(url, json={"version": 1, field: sent[field]})
    assert stale.status_code == 409, stale.text
    assert stale.json()["current"][field] == value
    kept = client.get(url)
    assert kept.status_code == 200, kept.text
    assert kept.json()[field] == value

    assert client.delete(url).status_code == 204
    assert client.get(url).status_code == 404


def check_another_reviews_record_is_not_found(
    client: TestClient, review: Review, other: Review, collection: str, sent: dict[str, Any]
) -> None:
    """A record of ``review`` asked for under ``other`` answers 404, in each of its routes."""
    created = client.post(f"/api/v1/reviews/{review.id}/{collection}", json=sent)
    assert created.status_code == 201, created.text
    record = created.json()
    elsewhere = f"/api/v1/reviews/{other.id}/{collection}/{record['id']}"
    assert client.get(elsewhere).status_code == 404
    assert client.patch(elsewhere, json={"version": record["version"]}).status_code == 404
    assert client.delete(elsewhere).status_code == 404
    here = client.get(f"/api/v1/reviews/{review.id}/{collection}/{record['id']}")
    assert here.status_code == 200, here.text
