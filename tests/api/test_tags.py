from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.factories import make_episode, make_factor, make_finding, make_review


def _tag(client: TestClient, review_id: int, **body: object) -> object:
    return client.post(f"/api/v1/reviews/{review_id}/tags", json=body)


def test_tags_name_their_target_code_version_coder_and_rationale(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    factor = make_factor(session, review)
    answer = _tag(
        client,
        review.id,
        target=f"factor:{factor.id}",
        code="sp.management.caseload",
        coder="coder A",
        rationale="Caseloads were 40% over the limit.",
    )
    assert answer.status_code == 201, answer.text
    tag = answer.json()
    assert (tag["target"], tag["typology_version"], tag["submitted"]) == (
        f"factor:{factor.id}",
        "1.0",
        False,
    )
    whole = _tag(
        client, review.id, target=f"review:{review.id}", code="cc.harm.neglect", coder="coder A"
    )
    assert whole.status_code == 201


def test_invalid_tags_are_refused_naming_the_code_and_version(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    episode = make_episode(session, review)
    unknown = _tag(client, review.id, target=f"episode:{episode.id}", code="pt.nothing", coder="A")
    assert unknown.status_code == 422
    assert unknown.json()["detail"] == "Typology 1.0 has no code pt.nothing."
    wrong_kind = _tag(
        client, review.id, target=f"episode:{episode.id}", code="cc.harm.neglect", coder="A"
    )
    assert wrong_kind.status_code == 422
    assert wrong_kind.json()["detail"] == (
        "Code cc.harm.neglect of typology 1.0 may tag a review, not an episode."
    )
    no_version = _tag(
        client,
        review.id,
        target=f"episode:{episode.id}",
        code="pt.escalation",
        coder="A",
        typology_version="7.0",
    )
    assert no_version.status_code == 422
    assert "no typology version 7.0" in no_version.json()["detail"]
    elsewhere = _tag(client, review.id, target="factor:2147483000", code="fl.family", coder="A")
    assert elsewhere.status_code == 422


def test_coding_is_blind_until_submitted(client: TestClient, session: Session) -> None:
    review = make_review(session)
    f = make_factor(session, review)
    base = f"/api/v1/reviews/{review.id}/tags"
    _tag(client, review.id, target=f"factor:{f.id}", code="sp.management.caseload", coder="A")
    _tag(client, review.id, target=f"factor:{f.id}", code="sp.management.supervision", coder="B")

    def seen_by(coder: str) -> set[str]:
        return {t["coder"] for t in client.get(base, params={"coder": coder}).json()["items"]}

    assert seen_by("A") == {"A"}
    assert client.post(f"{base}/submit", json={"coder": "A"}).json() == {"coder": "A", "tags": 1}
    assert seen_by("A") == {"A"}  # B has not submitted yet
    assert seen_by("B") == {"B"}  # B does not see A before submitting
    client.post(f"{base}/submit", json={"coder": "B"})
    assert seen_by("A") == {"A", "B"}
    closed = _tag(client, review.id, target=f"factor:{f.id}", code="fl.family", coder="A")
    assert closed.status_code == 409
    assert client.post(f"{base}/submit", json={"coder": "C"}).status_code == 422


def test_agreement_per_code_and_overall_with_disagreements(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    factors = [make_factor(session, review) for _ in range(4)]
    make_finding(session, review)
    base = f"/api/v1/reviews/{review.id}/tags"
    # A and B both tag factors 0 and 1 as caseload; only A tags factor 2.
    for coder, which in [("A", [0, 1, 2]), ("B", [0, 1])]:
        for i in which:
            code = "sp.management.caseload"
            _tag(client, review.id, target=f"factor:{factors[i].id}", code=code, coder=coder)
    assert client.get(f"/api/v1/reviews/{review.id}/agreement").status_code == 409
    client.post(f"{base}/submit", json={"coder": "A"})
    client.post(f"{base}/submit", json={"coder": "B"})

    result = client.get(f"/api/v1/reviews/{review.id}/agreement").json()
    assert result["coders"] == ["A", "B"]
    [caseload] = result["codes"]
    # Units: the 4 factors and 1 finding the code may tag; they disagree on one of 5.
    assert caseload["units"] == 5
    assert caseload["percent_agreement"] == 0.8
    # kappa: po = 0.8, pe = (3/5)(2/5) + (2/5)(3/5) = 0.48 -> (0.8 - 0.48) / 0.52
    assert abs(caseload["cohen_kappa"] - 0.32 / 0.52) < 1e-9
    assert result["disagreements"] == [
        {
            "target": f"factor:{factors[2].id}",
            "code": "sp.management.caseload",
            "tagged_by": ["A"],
            "not_tagged_by": ["B"],
        }
    ]


def test_deleting_a_record_removes_its_tags(client: TestClient, session: Session) -> None:
    review = make_review(session)
    f = make_factor(session, review)
    tag = _tag(client, review.id, target=f"factor:{f.id}", code="fl.family", coder="A").json()
    assert client.delete(f"/api/v1/reviews/{review.id}/factors/{f.id}").status_code == 204
    listed = client.get(f"/api/v1/reviews/{review.id}/tags", params={"coder": "A"}).json()
    assert tag["id"] not in [t["id"] for t in listed["items"]]
    assert listed["total"] == 0


def test_a_coder_name_the_database_cannot_store_is_422(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    answer = client.get(f"/api/v1/reviews/{review.id}/tags", params={"coder": "a\x00b"})
    assert answer.status_code == 422
    assert "NUL" in answer.json()["detail"]
