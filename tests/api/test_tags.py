from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlmodel import Session

from scr.account.models import User
from scr.review.models import Review
from scr.vocabulary import Role
from tests.factories import make_episode, make_factor, make_finding, make_review, make_user
from tests.responses import ok

SignIn = Callable[[User], TestClient]


def _tag(client: TestClient, review_id: int | None, **body: object) -> object:
    return client.post(f"/api/v1/reviews/{review_id}/tags", json=body)


def _coder(session: Session, client_as: SignIn, review: Review) -> tuple[TestClient, str]:
    """A reviewer on ``review``, signed in, and the name their tags carry."""
    user = make_user(session, Role.reviewer, reviews=(review,))
    return client_as(user), user.email


def test_tags_name_their_target_code_version_coder_and_rationale(
    session: Session, client_as: SignIn
) -> None:
    review = make_review(session)
    factor = make_factor(session, review)
    coder, name = _coder(session, client_as, review)
    answer = _tag(
        coder,
        review.id,
        target=f"factor:{factor.id}",
        code="sp.management.caseload-volume",
        rationale="Caseloads were 40% over the limit.",
    )
    assert answer.status_code == 201, answer.text
    tag = answer.json()
    assert (tag["target"], tag["typology_version"], tag["coder"], tag["submitted"]) == (
        f"factor:{factor.id}",
        "1.1",
        name,
        False,
    )
    whole = _tag(coder, review.id, target=f"review:{review.id}", code="cc.harm.neglect")
    assert whole.status_code == 201


def test_the_coder_is_the_signed_in_account_and_cannot_be_set(
    session: Session, client_as: SignIn
) -> None:
    review = make_review(session)
    coder, _ = _coder(session, client_as, review)
    posing = _tag(
        coder, review.id, target=f"review:{review.id}", code="cc.harm.neglect", coder="someone"
    )
    assert posing.status_code == 422
    assert "coder" in posing.text


def test_only_the_lead_reviewer_records_agreed_tags(session: Session, client_as: SignIn) -> None:
    review = make_review(session)
    coder, _ = _coder(session, client_as, review)
    lead = client_as(make_user(session, Role.reviewer, leads=(review,)))
    body = {"target": f"review:{review.id}", "code": "cc.harm.neglect", "agreed": True}
    refused = _tag(coder, review.id, **body)
    assert refused.status_code == 403
    assert "lead reviewer" in refused.json()["detail"]
    assert _tag(lead, review.id, **body).status_code == 201
    listed = f"/api/v1/reviews/{review.id}/tags"
    assert [t["agreed"] for t in ok(lead.get(listed))["items"]] == [True]
    # The coder codes blind: the agreed tags would anchor them (test_blind_coding.py).
    assert ok(coder.get(listed))["items"] == []


def test_invalid_tags_are_refused_naming_the_code_and_version(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    episode = make_episode(session, review)
    unknown = _tag(client, review.id, target=f"episode:{episode.id}", code="pt.nothing")
    assert unknown.status_code == 422
    assert unknown.json()["detail"] == "Typology 1.1 has no code pt.nothing."
    wrong_kind = _tag(client, review.id, target=f"episode:{episode.id}", code="cc.harm.neglect")
    assert wrong_kind.status_code == 422
    assert wrong_kind.json()["detail"] == (
        "Code cc.harm.neglect of typology 1.1 may tag a review, not an episode."
    )
    no_version = _tag(
        client,
        review.id,
        target=f"episode:{episode.id}",
        code="pt.escalation",
        typology_version="7.0",
    )
    assert no_version.status_code == 422
    assert "no typology version 7.0" in no_version.json()["detail"]
    elsewhere = _tag(client, review.id, target="factor:2147483000", code="sp.family.hostility")
    assert elsewhere.status_code == 422


def test_coding_is_blind_until_submitted(session: Session, client_as: SignIn) -> None:
    review = make_review(session)
    f = make_factor(session, review)
    base = f"/api/v1/reviews/{review.id}/tags"
    (a, name_a), (b, name_b) = (
        _coder(session, client_as, review),
        _coder(session, client_as, review),
    )
    _tag(a, review.id, target=f"factor:{f.id}", code="sp.management.caseload-volume")
    _tag(b, review.id, target=f"factor:{f.id}", code="pt.supervision")

    def seen_by(coder: TestClient) -> set[str]:
        return {t["coder"] for t in ok(coder.get(base))["items"]}

    assert seen_by(a) == {name_a}
    assert ok(a.post(f"{base}/submit")) == {"coder": name_a, "tags": 1}
    assert seen_by(a) == {name_a}  # B has not submitted yet
    assert seen_by(b) == {name_b}  # B does not see A before submitting
    b.post(f"{base}/submit")
    assert seen_by(a) == {name_a, name_b}
    closed = _tag(a, review.id, target=f"factor:{f.id}", code="sp.family.hostility")
    assert closed.status_code == 409
    nothing = _coder(session, client_as, review)[0].post(f"{base}/submit")
    assert nothing.status_code == 409
    assert "no unsubmitted tags" in nothing.json()["detail"]


def test_agreement_per_code_and_overall_with_disagreements(
    client: TestClient, session: Session, client_as: SignIn
) -> None:
    review = make_review(session)
    factors = [make_factor(session, review) for _ in range(4)]
    make_finding(session, review)
    base = f"/api/v1/reviews/{review.id}/tags"
    (a, name_a), (b, name_b) = (
        _coder(session, client_as, review),
        _coder(session, client_as, review),
    )
    # A and B both tag factors 0 and 1 as caseload; only A tags factor 2.
    for coder, which in [(a, [0, 1, 2]), (b, [0, 1])]:
        for i in which:
            code = "sp.management.caseload-volume"
            _tag(coder, review.id, target=f"factor:{factors[i].id}", code=code)
    assert client.get(f"/api/v1/reviews/{review.id}/agreement").status_code == 409
    a.post(f"{base}/submit")
    # B codes blind: the agreement, which names A's tags, stays closed to B until B submits.
    closed = b.get(f"/api/v1/reviews/{review.id}/agreement")
    assert closed.status_code == 403
    assert "Submit your own coding" in closed.json()["detail"]
    b.post(f"{base}/submit")

    assert b.get(f"/api/v1/reviews/{review.id}/agreement").status_code == 200
    result = ok(client.get(f"/api/v1/reviews/{review.id}/agreement"))
    assert result["coders"] == sorted([name_a, name_b])
    [caseload] = result["codes"]
    # Units: the 4 factors and 1 finding the code may tag; they disagree on one of 5.
    assert caseload["units"] == 5
    assert caseload["percent_agreement"] == 0.8
    # kappa: po = 0.8, pe = (3/5)(2/5) + (2/5)(3/5) = 0.48 -> (0.8 - 0.48) / 0.52
    assert abs(caseload["cohen_kappa"] - 0.32 / 0.52) < 1e-9
    assert result["disagreements"] == [
        {
            "target": f"factor:{factors[2].id}",
            "code": "sp.management.caseload-volume",
            "tagged_by": [name_a],
            "not_tagged_by": [name_b],
            "adjudication": None,
            "adjudication_rationale": None,
        }
    ]
    assert result["open_disagreements"] == 1


def _disagreeing(
    session: Session, client_as: SignIn
) -> tuple[Review, list[object], TestClient, TestClient]:
    """Two coders who submitted and disagree on two factors, and the review's lead."""
    review = make_review(session)
    factors = [make_factor(session, review) for _ in range(3)]
    (a, _), (b, _) = _coder(session, client_as, review), _coder(session, client_as, review)
    for coder, which in [(a, [0, 1, 2]), (b, [0])]:
        for i in which:
            code = "sp.management.caseload-volume"
            _tag(coder, review.id, target=f"factor:{factors[i].id}", code=code)
        coder.post(f"/api/v1/reviews/{review.id}/tags/submit")
    lead = client_as(make_user(session, Role.reviewer, leads=(review,)))
    return review, factors, lead, a


def test_the_lead_adjudicates_each_disagreement_once_and_agreed_codes_become_agreed_tags(
    session: Session, client_as: SignIn
) -> None:
    review, factors, lead, coder = _disagreeing(session, client_as)
    url = f"/api/v1/reviews/{review.id}/agreement/adjudications"
    first = {
        "target": f"factor:{factors[1].id}",
        "code": "sp.management.caseload-volume",
        "decision": "agreed",
        "rationale": "The caseload figures in the evidence support it.",
    }
    assert coder.post(url, json=first).status_code == 403
    answer = lead.post(url, json=first)
    assert answer.status_code == 200, answer.text
    assert answer.json()["open_disagreements"] == 1
    decided = {d["target"]: d["adjudication"] for d in answer.json()["disagreements"]}
    assert decided == {f"factor:{factors[1].id}": "agreed", f"factor:{factors[2].id}": None}
    assert lead.post(url, json=first).status_code == 409

    second = first | {
        "target": f"factor:{factors[2].id}",
        "decision": "rejected",
        "rationale": "A single mention; not a pattern in this case.",
    }
    assert ok(lead.post(url, json=second))["open_disagreements"] == 0
    tags = ok(lead.get(f"/api/v1/reviews/{review.id}/tags"))["items"]
    agreed = {t["target"] for t in tags if t["agreed"]}
    assert agreed == {f"factor:{factors[1].id}"}, "only the agreed code becomes an agreed tag"

    nowhere = first | {"target": f"factor:{factors[0].id}"}  # the coders agreed on this one
    refused = lead.post(url, json=nowhere)
    assert refused.status_code == 422
    assert "not among the disagreements" in refused.json()["detail"]


def test_deleting_a_record_removes_its_tags(session: Session, client_as: SignIn) -> None:
    review = make_review(session)
    f = make_factor(session, review)
    coder, _ = _coder(session, client_as, review)
    tag = _tag(coder, review.id, target=f"factor:{f.id}", code="sp.family.hostility").json()
    assert coder.delete(f"/api/v1/reviews/{review.id}/factors/{f.id}").status_code == 204
    listed = ok(coder.get(f"/api/v1/reviews/{review.id}/tags"))
    assert tag["id"] not in [t["id"] for t in listed["items"]]
    assert listed["total"] == 0


def test_a_coder_removes_only_their_own_tags(session: Session, client_as: SignIn) -> None:
    review = make_review(session)
    f = make_factor(session, review)
    (a, _), (b, _) = _coder(session, client_as, review), _coder(session, client_as, review)
    tag = _tag(a, review.id, target=f"factor:{f.id}", code="sp.family.hostility").json()
    url = f"/api/v1/reviews/{review.id}/tags/{tag['id']}"
    assert b.delete(url).status_code == 404
    assert a.delete(url).status_code == 204
    assert ok(a.get(f"/api/v1/reviews/{review.id}/tags"))["total"] == 0
