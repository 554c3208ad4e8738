"""A published review is frozen: it and every record in it refuse changes (409, saying it is
published) however the change is sent, until its lead reviewer reopens it with a reason,
which withdraws it from every export until it passes the gate and is published again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from scr.account.models import User
from scr.audit.models import AuditEntry
from scr.board.models import Board
from scr.chronology.models import ChronologyEntry
from scr.episode import service as episode_service
from scr.episode.models import KeyPracticeEpisode
from scr.episode.schemas import EpisodeUpdate
from scr.errors import Conflict
from scr.factor.models import ContributoryFactor
from scr.finding.models import Finding
from scr.link.models import CausalLink
from scr.participant.models import Participant
from scr.review.models import Review, ReviewReopening
from scr.tag.models import Tag
from scr.vocabulary import Role
from tests.api.exchange_world import Ready, lines_of, ready
from tests.factories import make_user
from tests.responses import ok

REOPEN = "The family's solicitor found a street name in finding 2."


def _first(session: Session, model: Any, review: Review) -> Any:
    row = session.exec(
        select(model).where(model.review_id == review.id).order_by(col(model.id))
    ).first()
    assert row is not None
    return row


@pytest.fixture
def published(session: Session, client_as: Callable[[User], TestClient]) -> Ready:
    r = ready(session, client_as)
    answer = r.publish()
    assert answer.status_code == 200, answer.text
    return r


def _changes(session: Session, r: Ready) -> dict[str, tuple[str, str, dict[str, Any] | None]]:
    """A change of each kind to the review and each kind of record it holds."""
    url = r.url
    episode = _first(session, KeyPracticeEpisode, r.review)
    factor = _first(session, ContributoryFactor, r.review)
    finding = _first(session, Finding, r.review)
    entry = _first(session, ChronologyEntry, r.review)
    participant = _first(session, Participant, r.review)
    link = _first(session, CausalLink, r.review)
    tag = session.exec(select(Tag).where(Tag.review_id == r.review.id)).first()
    assert tag is not None
    version = r.review.version
    return {
        "the review's text": ("PATCH", url, {"version": version, "case_summary": "Kayleigh."}),
        "the review's status, skipping reopen": (
            "PATCH",
            url,
            {"version": version, "status": "draft"},
        ),
        "the publication date": (
            "PATCH",
            url,
            {"version": version, "publication_date": "2020-01-01"},
        ),
        "an episode": (
            "PATCH",
            f"{url}/episodes/{episode.id}",
            {"version": episode.version, "went_well": "Mrs Marlowe was seen."},
        ),
        "a new episode": ("POST", f"{url}/episodes", {"title": "Added after publication"}),
        "a deleted factor": ("DELETE", f"{url}/factors/{factor.id}?cascade=true", None),
        "a factor": (
            "PATCH",
            f"{url}/factors/{factor.id}",
            {"version": factor.version, "detail": "Mother's mobile 07700 900456."},
        ),
        "a finding": (
            "PATCH",
            f"{url}/findings/{finding.id}",
            {"version": finding.version, "statement": "Changed after publication."},
        ),
        "a chronology entry": (
            "PATCH",
            f"{url}/chronology/{entry.id}",
            {"version": entry.version, "summary": "Seen at NE1 4XF."},
        ),
        "a participant": (
            "PATCH",
            f"{url}/participants/{participant.id}",
            {"version": participant.version, "job_role": "health visitor 9"},
        ),
        "a link": (
            "PATCH",
            f"{url}/links/{link.id}",
            {"version": link.version, "evidence_note": "Changed."},
        ),
        "a deleted link": ("DELETE", f"{url}/links/{link.id}", None),
        "a tag": (
            "POST",
            f"{url}/tags",
            {"target": f"review:{r.review.id}", "code": "cc.harm.neglect"},
        ),
        "a deleted tag": ("DELETE", f"{url}/tags/{tag.id}", None),
        "an accepted scan hit": (
            "POST",
            f"{url}/scan/acceptances",
            {
                "record": f"review:{r.review.id}",
                "field": "child_pseudonym",
                "kind": "known_identifier",
                "text": r.review.child_pseudonym,
                "reason": "Trying to loosen a published review.",
            },
        ),
    }


CHANGES = [
    "the review's text",
    "the review's status, skipping reopen",
    "the publication date",
    "an episode",
    "a new episode",
    "a deleted factor",
    "a factor",
    "a finding",
    "a chronology entry",
    "a participant",
    "a link",
    "a deleted link",
    "a tag",
    "a deleted tag",
    "an accepted scan hit",
]


@pytest.mark.parametrize("change", CHANGES)
def test_a_published_review_and_its_records_refuse_every_change(
    session: Session, published: Ready, change: str
) -> None:
    if change == "an accepted scan hit":  # (a hit to accept: adding identifiers is allowed)
        known = {"text": published.review.child_pseudonym, "kind": "other"}
        assert published.lead_client.post(f"{published.url}/identifiers", json=known).is_success
    before = ok(published.lead_client.get(published.url))
    session.expire_all()
    revision = published.review.revision
    method, url, body = _changes(session, published)[change]
    answer = published.lead_client.request(method, url, json=body)
    assert answer.status_code == 409, answer.text
    assert "is published" in answer.json()["detail"]
    assert "reopen" in answer.json()["detail"]
    after = ok(published.lead_client.get(published.url))
    assert (after["status"], after["version"]) == ("published", before["version"])
    session.expire_all()
    assert session.get(Review, published.review.id).revision == revision  # type: ignore[union-attr]


def test_an_administrator_cannot_change_a_published_review_either(
    session: Session, client_as: Callable[[User], TestClient], published: Ready
) -> None:
    admin = client_as(make_user(session, Role.admin))
    current = ok(admin.get(published.url))
    answer = admin.patch(
        published.url, json={"version": current["version"], "child_pseudonym": "Child Q"}
    )
    assert answer.status_code == 409
    assert "is published" in answer.json()["detail"]


def test_a_service_called_directly_cannot_change_a_published_review(
    session: Session, published: Ready
) -> None:
    episode = _first(session, KeyPracticeEpisode, published.review)
    with pytest.raises(Conflict, match="is published"):
        episode_service.update(
            session=session,
            review=published.review,
            episode=episode,
            data=EpisodeUpdate(version=episode.version, queries="Changed behind the API."),
        )
    session.rollback()
    row = _first(session, ContributoryFactor, published.review)
    row.detail = "Written straight to the record."
    with pytest.raises(Conflict, match="is published"):
        session.flush()
    session.rollback()


def test_publishing_records_the_publication_date(session: Session, published: Ready) -> None:
    body = ok(published.lead_client.get(published.url))
    assert body["status"] == "published"
    assert body["publication_date"] == datetime.now(UTC).date().isoformat()


def test_a_known_identifier_can_still_be_added_and_withholds_the_review(
    session: Session, client_as: Callable[[User], TestClient], published: Ready
) -> None:
    national = client_as(make_user(session, Role.national))
    assert lines_of(national.get("/api/v1/exports/national").content)[-1]["count"] == 1
    pseudonym = published.review.child_pseudonym
    added = published.lead_client.post(
        f"{published.url}/identifiers", json={"text": pseudonym, "kind": "other"}
    )
    assert added.status_code == 201
    manifest = lines_of(national.get("/api/v1/exports/national").content)[-1]
    assert (manifest["count"], manifest["withheld"]) == (0, 1)


def test_only_the_lead_reviewer_reopens_and_only_with_a_reason(
    session: Session, client_as: Callable[[User], TestClient], published: Ready
) -> None:
    version = ok(published.lead_client.get(published.url))["version"]
    coder = client_as(make_user(session, Role.reviewer, reviews=(published.review,)))
    admin = client_as(make_user(session, Role.admin))
    board = client_as(make_user(session, Role.board, board=_board(session, published)))
    body = {"version": version, "reason": REOPEN}
    assert coder.post(f"{published.url}/reopen", json=body).status_code == 403
    assert admin.post(f"{published.url}/reopen", json=body).status_code == 403
    assert board.post(f"{published.url}/reopen", json=body).status_code == 403
    no_reason = published.lead_client.post(f"{published.url}/reopen", json={"version": version})
    assert no_reason.status_code == 422
    short = published.lead_client.post(
        f"{published.url}/reopen", json={"version": version, "reason": "oops"}
    )
    assert short.status_code == 422
    stale = published.lead_client.post(
        f"{published.url}/reopen", json={"version": version - 1, "reason": REOPEN}
    )
    assert stale.status_code == 409
    assert ok(published.lead_client.get(published.url))["status"] == "published"


def _board(session: Session, r: Ready) -> Board | None:
    return session.get(Board, r.review.board_id)


def test_reopening_withdraws_the_review_until_it_passes_the_gate_again(
    session: Session, client_as: Callable[[User], TestClient], published: Ready
) -> None:
    national = client_as(make_user(session, Role.national))
    first = lines_of(national.get("/api/v1/exports/national").content)
    assert [line["type"] for line in first] == ["review", "manifest"]

    version = ok(published.lead_client.get(published.url))["version"]
    reopened = published.lead_client.post(
        f"{published.url}/reopen", json={"version": version, "reason": REOPEN}
    )
    assert reopened.status_code == 200, reopened.text
    assert reopened.json()["status"] == "draft"
    kept = session.exec(
        select(ReviewReopening).where(ReviewReopening.review_id == published.review.id)
    ).all()
    assert [(k.reason, k.reopened_by) for k in kept] == [(REOPEN, published.lead.email)]
    audited = session.exec(
        select(AuditEntry).where(
            AuditEntry.review_id == published.review.id, AuditEntry.action == "update"
        )
    ).all()
    assert audited, "the reopening is in the audit trail"
    # Withdrawn from every export while it is open: the export says so to those who have it.
    assert [
        line["type"] for line in lines_of(national.get("/api/v1/exports/national").content)
    ] == ["withdrawal", "manifest"]
    again = published.lead_client.post(
        f"{published.url}/reopen", json={"version": reopened.json()["version"], "reason": REOPEN}
    )
    assert again.status_code == 409

    # It can be changed now; an identifier typed in keeps it from being published again.
    factor = _first(session, ContributoryFactor, published.review)
    changed = published.lead_client.patch(
        f"{published.url}/factors/{factor.id}",
        json={"version": factor.version, "detail": "Mother's mobile 07700 900456."},
    )
    assert changed.status_code == 200
    assert published.publish().status_code == 409
    fixed = published.lead_client.patch(
        f"{published.url}/factors/{factor.id}",
        json={"version": changed.json()["version"], "detail": "A mobile number was on file."},
    )
    assert fixed.status_code == 200
    republished = published.publish()
    assert republished.status_code == 200, republished.text
    lines = lines_of(national.get("/api/v1/exports/national").content)
    assert [line["type"] for line in lines] == ["review", "manifest"]
    assert lines[0]["source"]["revision"] > first[0]["source"]["revision"]
