"""Blind double coding, from the side of a second coder who would like to peek: until they
submit their own coding they see no other coder's tag, agreed ones included, through any
route that returns tags; after submitting, they see them. And the lead who records the agreed
tags directly need not code the review a second time for the agreement to open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session

from scr.account.models import User
from scr.review.models import Review
from scr.vocabulary import Role
from tests.factories import make_factor, make_review, make_user
from tests.responses import ok

SignIn = Callable[[User], TestClient]

# The lead's codes and rationale, which the second coder must not meet anywhere before
# submitting; none of them is a word the review's records or the typology's labels use.
LEAD_CODES = ("cc.harm.neglect", "sp.management.caseload")
LEAD_WORDS = "Quillfeather caseload audit"


def _lead_codes_directly(
    session: Session, client_as: SignIn
) -> tuple[Review, int, TestClient, TestClient, str]:
    """A review whose lead records its agreed tags directly (as the demo's lead did), and a
    second coder who has tagged the factor their own way but not submitted."""
    review = make_review(session)
    factor = make_factor(session, review)
    assert factor.id is not None
    lead = client_as(make_user(session, Role.reviewer, leads=(review,)))
    user = make_user(session, Role.reviewer, reviews=(review,))
    second = client_as(user)
    base = f"/api/v1/reviews/{review.id}/tags"
    for target, code in [
        (f"review:{review.id}", LEAD_CODES[0]),
        (f"factor:{factor.id}", LEAD_CODES[1]),
    ]:
        made = lead.post(
            base,
            json={
                "target": target,
                "code": code,
                "agreed": True,
                "rationale": LEAD_WORDS,
                "typology_version": "1.0",
            },
        )
        assert made.status_code == 201, made.text
    own = second.post(
        base,
        json={
            "target": f"factor:{factor.id}",
            "code": "sp.management.supervision",
            "typology_version": "1.0",
        },
    )
    assert own.status_code == 201, own.text
    return review, factor.id, lead, second, user.email


def _shows_the_lead(text: str) -> bool:
    return LEAD_WORDS in text or any(code in text for code in LEAD_CODES)


def _tags_seen(client: TestClient, review: Review) -> list[dict[str, object]]:
    base = f"/api/v1/reviews/{review.id}/tags"
    first = ok(client.get(base, params={"limit": 1, "offset": 0}))
    rest = ok(client.get(base, params={"limit": 100, "offset": 1}))
    assert first["total"] == rest["total"]
    items: list[dict[str, object]] = first["items"] + rest["items"]
    return items


def test_a_second_coder_sees_no_tag_of_the_lead_anywhere_until_they_submit(
    session: Session, client_as: SignIn, second_version: Path
) -> None:
    review, factor_id, lead, second, name = _lead_codes_directly(session, client_as)
    r = f"/api/v1/reviews/{review.id}"

    mine = _tags_seen(second, review)
    assert [(t["coder"], t["code"], t["agreed"]) for t in mine] == [
        (name, "sp.management.supervision", False)
    ]
    # Every other route that returns tags, or names them, or counts them.
    for refused in (
        second.get(f"{r}/agreement"),
        second.get(f"{r}/tags/migration", params={"to_version": "1.1"}),
        second.post(f"{r}/tags/migration", json={"to_version": "1.1"}),
    ):
        assert refused.status_code == 403, refused.text
        assert "Submit your own coding" in refused.json()["detail"]
        assert not _shows_the_lead(refused.text)
    lead_tag = next(t for t in _tags_seen(lead, review) if t["code"] == LEAD_CODES[0])
    hidden = second.delete(f"{r}/tags/{lead_tag['id']}")
    assert hidden.status_code == 404
    assert not _shows_the_lead(hidden.text)
    report = second.get(f"{r}/report")
    assert report.status_code == 200
    assert "while you code this review blind" in report.text
    for answer in (
        report,
        second.get(r),
        second.get(f"{r}/factors/{factor_id}"),
        second.get(f"{r}/graph"),
        second.get(f"{r}/graph", params={"format": "graphml"}),
        second.get(f"{r}/graph", params={"format": "gexf"}),
        second.get(f"{r}/analysis"),
        second.get("/api/v1/search", params={"q": "Quillfeather"}),
        second.get("/api/v1/patterns/frequencies", params={"min_support": 1}),
        second.get("/api/v1/patterns/cooccurrence", params={"min_support": 1}),
        second.get("/api/v1/exports/aggregates.csv", params={"min_support": 1}),
    ):
        assert answer.status_code == 200, answer.text
        assert not _shows_the_lead(answer.text), answer.request.url

    assert ok(second.post(f"{r}/tags/submit")) == {"coder": name, "tags": 1}

    seen = {(t["coder"], t["code"]) for t in _tags_seen(second, review)}
    assert {c for _, c in seen} == {*LEAD_CODES, "sp.management.supervision"}
    assert second.get(f"{r}/agreement", params={"version": "1.0"}).status_code == 200
    assert second.get(f"{r}/tags/migration", params={"to_version": "1.1"}).status_code == 200
    assert all(code in second.get(f"{r}/report").text for code in LEAD_CODES)


def test_a_coder_who_has_not_started_sees_no_tag_either(
    session: Session, client_as: SignIn
) -> None:
    review, _, _, _, _ = _lead_codes_directly(session, client_as)
    third = client_as(make_user(session, Role.reviewer, reviews=(review,)))
    assert _tags_seen(third, review) == []
    assert third.get(f"/api/v1/reviews/{review.id}/agreement").status_code == 403


def test_the_lead_who_recorded_the_agreed_tags_opens_the_agreement_without_coding_twice(
    session: Session, client_as: SignIn
) -> None:
    review, factor_id, lead, second, name = _lead_codes_directly(session, client_as)
    r = f"/api/v1/reviews/{review.id}"
    second.post(f"{r}/tags/submit")
    lead_name = next(t for t in _tags_seen(lead, review) if t["agreed"])["coder"]

    agreement = lead.get(f"{r}/agreement", params={"version": "1.0"})
    assert agreement.status_code == 200, agreement.text
    result = agreement.json()
    assert result["coders"] == sorted([name, str(lead_name)])
    # The lead's agreed codes are agreed already; the second coder's own code waits for a
    # decision, which does not make the lead a third coder.
    open_ = [(d["code"], d["adjudication"]) for d in result["disagreements"]]
    assert sorted(open_, key=str) == sorted(
        [
            ("cc.harm.neglect", "agreed"),
            ("sp.management.caseload", "agreed"),
            ("sp.management.supervision", None),
        ],
        key=str,
    )
    decided = lead.post(
        f"{r}/agreement/adjudications",
        json={
            "target": f"factor:{factor_id}",
            "code": "sp.management.supervision",
            "decision": "agreed",
            "rationale": "Supervision was used to manage the caseload.",
            "typology_version": "1.0",
        },
    )
    assert decided.status_code == 200, decided.text
    assert decided.json()["coders"] == result["coders"]
    assert decided.json()["open_disagreements"] == 0
    # The lead gave up coding blind by recording the agreed tags: no blind coding after it.
    late_tag = {"target": f"factor:{factor_id}", "code": "fl.family", "typology_version": "1.0"}
    late = lead.post(f"{r}/tags", json=late_tag)
    assert late.status_code == 409
    again = lead.post(f"{r}/tags/submit")
    assert again.status_code == 409
    assert "submitted their coding of this review already" in again.json()["detail"]
