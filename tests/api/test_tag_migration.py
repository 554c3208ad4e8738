"""Moving a review's tags from typology 1.0 to a 1.1 that splits, merges and renames codes."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.factories import make_factor, make_review


def test_tags_move_forward_and_a_split_waits_for_a_person(
    client: TestClient, session: Session, second_version: Path
) -> None:
    review = make_review(session)
    f1, f2 = make_factor(session, review), make_factor(session, review)
    base = f"/api/v1/reviews/{review.id}/tags"
    made = {}
    for target, code in [
        (f1, "sp.management.caseload"),
        (f1, "sp.reasoning.fixed-view"),
        (f1, "sp.reasoning.incident-focus"),
        (f2, "sp.family.men-invisible"),
    ]:
        answer = client.post(
            base,
            json={
                "target": f"factor:{target.id}",
                "code": code,
                "typology_version": "1.0",
            },
        )
        assert answer.status_code == 201, answer.text
        made[code] = answer.json()["id"]

    preview = client.get(f"{base}/migration", params={"to_version": "1.1"}).json()
    assert preview["needs_choice"] == 1
    split = next(m for m in preview["moves"] if m["needs_choice"])
    assert split["from_code"] == "sp.management.caseload"
    assert split["to_codes"] == [
        "sp.management.caseload-volume",
        "sp.management.caseload-complexity",
    ]

    refused = client.post(f"{base}/migration", json={"to_version": "1.1"})
    assert refused.status_code == 422
    assert refused.json()["tags"] == [made["sp.management.caseload"]]
    still = client.get(base).json()["items"]
    assert {t["typology_version"] for t in still} == {"1.0"}

    wrong = client.post(
        f"{base}/migration",
        json={"to_version": "1.1", "choices": [{"tag_id": split["tag_id"], "code": "fl.family"}]},
    )
    assert wrong.status_code == 422

    choice = {"tag_id": split["tag_id"], "code": "sp.management.caseload-complexity"}
    applied = client.post(f"{base}/migration", json={"to_version": "1.1", "choices": [choice]})
    assert applied.status_code == 200, applied.text
    after = client.get(base).json()["items"]
    assert {(t["target"], t["code"], t["typology_version"]) for t in after} == {
        (f"factor:{f1.id}", "sp.management.caseload-complexity", "1.1"),
        (f"factor:{f1.id}", "sp.reasoning.narrow-view", "1.1"),
        (f"factor:{f2.id}", "sp.family.fathers-and-partners", "1.1"),
    }
    again = client.get(f"{base}/migration", params={"to_version": "1.1"}).json()
    assert again["moves"] == []
