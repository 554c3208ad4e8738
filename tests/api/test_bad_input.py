"""Whatever a client sends gets a 4xx with a sentence, and a failed request changes nothing."""

from __future__ import annotations

from io import BytesIO

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from lxml import etree
from sqlmodel import Session

from tests.factories import agency_id, make_episode, make_review
from tests.responses import ok


def test_malformed_json_is_explained(client: TestClient, session: Session) -> None:
    review = make_review(session)
    answer = client.post(
        f"/api/v1/reviews/{review.id}/episodes",
        content=b'{"title": "Visit",',
        headers={"content-type": "application/json"},
    )
    assert answer.status_code == 422
    assert answer.json()["detail"].startswith("The request body is not valid JSON")


def test_wrong_types_long_strings_unknown_enums_and_fields_are_each_named(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    answer = client.post(
        f"/api/v1/reviews/{review.id}/episodes",
        json={
            "title": "x" * 201,
            "period_start": "last Tuesday",
            "appraisal_rating": "excellent",
            "agency_ids": ["police"],
            "colour": "blue",
        },
    )
    assert answer.status_code == 422
    problems = {p["field"]: p["message"] for p in answer.json()["errors"]}
    assert problems["title"] == "title is too long: at most 200 characters."
    assert problems["period_start"] == "period_start must be a date written as YYYY-MM-DD."
    assert "'good_practice'" in problems["appraisal_rating"]
    assert problems["agency_ids.0"] == "agency_ids.0 must be a whole number."
    assert problems["colour"] == "colour is not a field of this record."
    assert answer.json()["detail"].startswith("The request has 5 problems")


def test_text_the_database_cannot_store_is_refused(client: TestClient, session: Session) -> None:
    review = make_review(session)
    base = f"/api/v1/reviews/{review.id}/factors"
    nul = client.post(base, json={"description": "a\x00b", "level": "family"})
    assert nul.status_code == 422
    assert "NUL" in nul.json()["detail"]
    surrogate = client.post(
        base,
        content=b'{"description": "\\ud800", "level": "family"}',
        headers={"content-type": "application/json"},
    )
    assert surrogate.status_code == 422
    assert ok(client.get(base))["total"] == 0


def test_an_explicit_null_for_a_required_field_is_refused(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    episode = make_episode(session, review)
    answer = client.patch(
        f"/api/v1/reviews/{review.id}/episodes/{episode.id}", json={"version": 1, "title": None}
    )
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["field"] == "title"


def test_a_failed_change_leaves_the_record_as_it_was(client: TestClient, session: Session) -> None:
    review = make_review(session)
    episode = make_episode(session, review, period_start="2022-03-01", title="Before")
    url = f"/api/v1/reviews/{review.id}/episodes/{episode.id}"
    answer = client.patch(url, json={"version": 1, "title": "After", "period_end": "2022-02-01"})
    assert answer.status_code == 422
    assert "period_end must be on or after period_start" in answer.json()["detail"]
    kept = ok(client.get(url))
    assert (kept["title"], kept["period_end"], kept["version"]) == ("Before", None, 1)


def test_patch_without_a_version_is_refused(client: TestClient, session: Session) -> None:
    review = make_review(session)
    answer = client.patch(f"/api/v1/reviews/{review.id}", json={"status": "gathering"})
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["message"] == "version is required."


def test_text_longer_than_its_column_is_422_on_every_engine(
    client: TestClient, session: Session
) -> None:
    # SQLite would store these; PostgreSQL's VARCHAR refuses them with a server error.
    review = make_review(session)
    base = f"/api/v1/reviews/{review.id}/factors"
    long = client.post(base, json={"description": "x" * 5000, "level": "family"})
    assert long.status_code == 422
    assert long.json()["errors"][0]["field"] == "description"
    factor = ok(client.post(base, json={"description": "fits", "level": "family"}))
    changed = client.patch(f"{base}/{factor['id']}", json={"version": 1, "description": "y" * 1001})
    assert changed.status_code == 422
    token = client.post("/api/v1/auth/tokens", json={"name": "n" * 150, "role": "national"})
    assert token.status_code == 422
    assert ok(client.get(base))["items"][0]["description"] == "fits"


DEEP = [b"[" * 10_000 + b"]" * 10_000, b'{"a":' * 10_000 + b"1" + b"}" * 10_000]


def test_json_nested_thousands_deep_is_422(client: TestClient, session: Session) -> None:
    review = make_review(session)
    for body in [*DEEP, b'{"description": ' + b"[" * 900 + b"]" * 900 + b"}"]:
        for path in (f"/api/v1/reviews/{review.id}/factors", "/api/v1/reviews/import"):
            answer = client.post(path, content=body, headers={"content-type": "application/json"})
            assert answer.status_code == 422, (path, answer.text)
            assert answer.json()["detail"]


def test_an_exchange_line_nested_thousands_deep_is_reported_not_a_server_error(
    client: TestClient,
) -> None:
    for line in DEEP:
        answer = client.post(
            "/api/v1/imports",
            content=line + b"\n",
            headers={"content-type": "application/x-ndjson"},
        )
        assert answer.status_code == 422, answer.text
        assert "Line 1 is nested too deeply to read." in answer.json()["report"]["problems"]


def test_a_form_that_cannot_be_read_is_422(anonymous: TestClient) -> None:
    answer = anonymous.post(
        "/api/v1/auth/token",
        content=b"--x\r\nbroken",
        headers={"content-type": "multipart/form-data; boundary=x"},
    )
    assert answer.status_code == 422, answer.text


@pytest.mark.parametrize(
    "control", ["\x01", "\x07", "\x0b", "\x0c", "\r", "\x1b", "\x1f", "\uffff"]
)
def test_control_characters_are_refused_naming_the_field(
    client: TestClient, session: Session, control: str
) -> None:
    review = make_review(session)
    base = f"/api/v1/reviews/{review.id}"
    sent = {
        f"{base}/factors": ({"description": f"a{control}b", "level": "family"}, "description"),
        f"{base}/episodes": (
            {"title": "Visit", "roles_involved": [f"G{control}P"]},
            "roles_involved.0",
        ),
        f"{base}/findings": ({"title": "T", "statement": f"s{control}"}, "statement"),
        f"{base}/chronology": (
            {
                "entry_date": "2020-01-01",
                "agency_id": agency_id(session),
                "summary": "ok",
                "source": f"GP {control} notes",
            },
            "source",
        ),
    }
    for path, (body, field) in sent.items():
        answer = client.post(path, json=body)
        assert answer.status_code == 422, (path, answer.text)
        assert [p["field"] for p in answer.json()["errors"]] == [field]
        assert "control characters" in answer.json()["detail"]
        assert ok(client.get(path))["total"] == 0
    changed = client.patch(base, json={"version": 1, "case_summary": f"x{control}y"})
    assert changed.status_code == 422
    # Tab and newline are text.
    kept = client.post(f"{base}/factors", json={"description": "a\tb\nc", "level": "family"})
    assert kept.status_code == 201


def test_a_review_graph_with_hostile_text_downloads_as_xml_that_reads_back(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    hostile = 'Child "S" <b>&amp; ]]> \u202egnorw\u202c\ttab'
    base = f"/api/v1/reviews/{review.id}"
    assert (
        client.post(f"{base}/factors", json={"description": hostile, "level": "family"}).status_code
        == 201
    )
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        answer = client.get(f"{base}/graph", params={"format": fmt})
        assert answer.status_code == 200
        etree.fromstring(answer.content)
        labels = [d["label"] for _n, d in read(BytesIO(answer.content)).nodes(data=True)]
        assert labels == [" ".join(hostile.split())]
