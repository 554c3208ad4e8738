from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.factories import make_review
from tests.responses import ok


def test_the_versions_are_listed_with_the_current_one(client: TestClient) -> None:
    page = ok(client.get("/api/v1/typologies"))
    assert page["total"] == len(page["items"]) >= 1
    current = [v for v in page["items"] if v["current"]]
    assert [v["version"] for v in current] == ["1.1"]
    assert current[0]["codes"] == 80
    # The first version stays on file and published: reviews coded under it go on counting.
    first = next(v for v in page["items"] if v["version"] == "1.0")
    assert (first["status"], first["codes"], first["current"]) == ("published", 87, False)


def test_a_version_is_a_tree(client: TestClient) -> None:
    tree = ok(client.get("/api/v1/typologies/1.0"))
    patterns = [c for c in tree["codes"] if c["axis"] == "systemic_pattern"]
    assert len(patterns) == 6
    reasoning = next(c for c in patterns if c["id"] == "sp.reasoning")
    assert "sp.reasoning.over-optimism" in [c["id"] for c in reasoning["children"]]


def test_a_code_and_a_search(client: TestClient) -> None:
    code = ok(client.get("/api/v1/typologies/1.0/codes/cc.fatal-class.extreme-neglect"))
    assert code["ancestors"] == ["cc.fatal-class"]
    assert code["applies_to"] == ["review"]
    found = ok(client.get("/api/v1/typologies/1.0/codes", params={"q": "over-optimism"}))
    assert {c["id"] for c in found["items"]} == {"sp.reasoning.over-optimism", "pt.over-optimism"}


def test_unknown_versions_and_codes_are_404_with_what_exists(client: TestClient) -> None:
    missing = client.get("/api/v1/typologies/9.9")
    assert missing.status_code == 404
    assert "known: 1.0" in missing.json()["detail"]
    assert client.get("/api/v1/typologies/1.0/codes/pt.nothing").status_code == 404
    assert client.get("/api/v1/typologies/latest").status_code == 422


def test_codes_in_record_fields_must_exist_and_fit_the_record(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    base = f"/api/v1/reviews/{review.id}"
    wrong_kind = client.patch(
        base, json={"version": 1, "context_codes": ["pt.escalation", "fl.family"]}
    )
    assert wrong_kind.status_code == 422
    assert wrong_kind.json()["errors"][0]["field"] == "context_codes.0"
    assert (
        client.patch(base, json={"version": 1, "context_codes": ["cc.harm.neglect"]}).status_code
        == 200
    )
    factor = client.post(
        f"{base}/factors",
        json={"description": "x", "level": "family", "typology_codes": ["zz.none"]},
    )
    assert factor.status_code == 422
    assert factor.json()["detail"] == "Typology 1.1 has no code zz.none."
    finding = client.post(
        f"{base}/findings",
        json={"title": "t", "statement": "s", "category": "sp.reasoning"},
    )
    assert finding.status_code == 201
    assert finding.json()["category"] == "sp.reasoning"


def test_a_version_says_what_changed_from_the_one_before(client: TestClient) -> None:
    answer = client.get("/api/v1/typologies/1.1/changes")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["from_version"], body["to_version"]) == ("1.0", "1.1")
    by_code = {c["from_code"]: c for c in body["changes"] if c["from_code"]}
    merged = by_code["sp.reasoning.over-optimism"]
    assert (merged["kind"], merged["from_label"]) == ("merged", "Over-optimism about progress")
    assert merged["to"] == [
        {"id": "pt.over-optimism", "label": "Over-optimism about the family's progress"}
    ]
    split = by_code["sp.management.caseload"]
    assert split["kind"] == "split"
    assert [c["id"] for c in split["to"]] == [
        "sp.management.caseload-volume",
        "sp.management.caseload-complexity",
    ]
    assert (by_code["fl.family"]["kind"], by_code["fl.family"]["to"]) == ("retired", [])
    deprecated = by_code["sp.crisis.out-of-hours"]
    assert (deprecated["kind"], deprecated["to"]) == ("deprecated", [])
    assert by_code["cc.child.criminal-exploitation"]["kind"] == "renamed"
    assert by_code["cc.child.criminal-exploitation"]["to"][0]["id"] == (
        "cc.extra-familial.criminal-exploitation"
    )
    added = [c["to"][0]["id"] for c in body["changes"] if c["kind"] == "added"]
    assert added == ["cc.child.online-harm", "cc.extra-familial", "cc.extra-familial.peer-harm"]
    relabelled = [c for c in body["changes"] if c["kind"] == "relabelled"]
    assert [(c["from_code"], c["from_label"], c["to"][0]["label"]) for c in relabelled] == [
        ("pt.supervision", "Supervision and reflection", "Supervision, reflection and oversight")
    ]

    first = ok(client.get("/api/v1/typologies/1.0/changes"))
    assert (first["from_version"], first["changes"]) == (None, [])
    assert client.get("/api/v1/typologies/9.9/changes").status_code == 404
