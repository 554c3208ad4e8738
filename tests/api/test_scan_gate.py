"""Identifiers planted in a review's text block its publication and export until each is
fixed or accepted by the lead reviewer with a reason; they never appear in an export."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from scr.account.models import User
from scr.audit.models import AuditEntry
from scr.episode.models import KeyPracticeEpisode
from scr.factor.models import ContributoryFactor
from scr.finding.models import Finding
from scr.link.models import CausalLink
from scr.review.models import Review
from scr.tag.models import Tag
from scr.vocabulary import Role
from tests.api.exchange_world import Ready, lines_of, ready
from tests.factories import make_entry, make_user
from tests.responses import ok

# One planted identifier of each kind: (text planted, kind the scan must call it).
PLANTED = {
    "known_name": ("Kayleigh's", "known_identifier"),
    "known_school": ("Oakfield Primary", "known_identifier"),
    "nhs": ("943 476 5919", "nhs_number"),
    "ni": ("AB 12 34 56 C", "ni_number"),
    "postcode": ("NE1 4XF", "postcode"),
    "phone": ("07700 900123", "phone"),
    "email": ("kayleigh.mum@example.com", "email"),
    "date": ("3 March 2019", "full_date"),
}


def _first(session: Session, model: type, review: Review) -> object:
    found = session.exec(
        select(model).where(model.review_id == review.id).order_by(col(model.id))  # type: ignore[attr-defined]
    ).first()
    assert found is not None
    return found


def _plant(session: Session, r: Ready) -> dict[str, tuple[str, str]]:
    """Put each planted identifier in a different field; say where (record, field)."""
    episode = _first(session, KeyPracticeEpisode, r.review)
    factor = _first(session, ContributoryFactor, r.review)
    finding = _first(session, Finding, r.review)
    link = _first(session, CausalLink, r.review)
    tag = session.exec(select(Tag).where(Tag.review_id == r.review.id, col(Tag.agreed))).first()
    assert isinstance(episode, KeyPracticeEpisode)
    assert isinstance(factor, ContributoryFactor)
    assert isinstance(finding, Finding)
    assert isinstance(link, CausalLink)
    assert tag is not None
    episode.what_happened = f"{episode.what_happened} {PLANTED['known_name'][0]} mother spoke."
    episode.view_at_the_time = f"The duty line was {PLANTED['phone'][0]}."
    factor.detail = f"Staff at {PLANTED['known_school'][0]} raised it."
    finding.why_it_matters = f"Referral sent to {PLANTED['email'][0]} only."
    finding.evidence_beyond_case = f"Records cite NHS number {PLANTED['nhs'][0]}."
    link.evidence_note = f"Benefits record {PLANTED['ni'][0]} and home at {PLANTED['postcode'][0]}."
    tag.rationale = f"Seen at clinic on {PLANTED['date'][0]}."
    session.flush()
    for text, kind in (("Kayleigh", "name"), ("Oakfield Primary", "school")):
        answer = r.lead_client.post(f"{r.url}/identifiers", json={"text": text, "kind": kind})
        assert answer.status_code == 201, answer.text
    return {
        "known_name": (f"episode:{episode.id}", "what_happened"),
        "phone": (f"episode:{episode.id}", "view_at_the_time"),
        "known_school": (f"factor:{factor.id}", "detail"),
        "email": (f"finding:{finding.id}", "why_it_matters"),
        "nhs": (f"finding:{finding.id}", "evidence_beyond_case"),
        "ni": (f"link:{link.id}", "evidence_note"),
        "postcode": (f"link:{link.id}", "evidence_note"),
        "date": (f"tag:{tag.id}", "rationale"),
    }


@pytest.fixture
def planted(
    session: Session, client_as: Callable[[User], TestClient]
) -> tuple[Ready, dict[str, tuple[str, str]]]:
    r = ready(session, client_as)
    return r, _plant(session, r)


def test_the_scan_finds_each_planted_identifier_where_it_is(
    session: Session, planted: tuple[Ready, dict[str, tuple[str, str]]]
) -> None:
    r, where = planted
    scan = r.lead_client.get(f"{r.url}/scan")
    assert scan.status_code == 200
    body = scan.json()
    found = {(h["record"], h["field"], h["kind"], h["text"]): h for h in body["hits"]}
    for name, (text, kind) in PLANTED.items():
        record, field = where[name]
        hit = found.get((record, field, kind, text))
        assert hit is not None, f"{name} not found: {sorted(found)}"
        assert hit["status"] == "open"
        # The position points at the text in the field as stored.
        model, _, raw = record.partition(":")
        models = {
            "episode": KeyPracticeEpisode,
            "factor": ContributoryFactor,
            "finding": Finding,
            "link": CausalLink,
            "tag": Tag,
        }
        stored = getattr(session.get(models[model], int(raw)), field)
        assert stored[hit["start"] : hit["end"]] == text
    assert body["open"] == len(body["hits"]) >= len(PLANTED)


def test_open_hits_block_publication_and_the_refusal_changes_nothing(
    session: Session, planted: tuple[Ready, dict[str, tuple[str, str]]]
) -> None:
    r, _ = planted
    before = ok(r.lead_client.get(r.url))
    refused = r.publish()
    assert refused.status_code == 409
    assert "possible identifier" in refused.json()["detail"]
    assert {h["kind"] for h in refused.json()["hits"]} >= {k for _, k in PLANTED.values()}
    # The identifiers themselves are not repeated in the refusal.
    assert not any(text in refused.text for text, _ in PLANTED.values())
    after = ok(r.lead_client.get(r.url))
    assert (after["status"], after["version"]) == (before["status"], before["version"])


def test_fixing_and_accepting_every_hit_lets_the_lead_publish_and_nothing_planted_leaves(
    session: Session,
    client_as: Callable[[User], TestClient],
    planted: tuple[Ready, dict[str, tuple[str, str]]],
) -> None:
    r, where = planted
    # Every hit but the date is fixed by changing the text.
    for name, (text, _) in PLANTED.items():
        if name == "date":
            continue
        record, field = where[name]
        kind, _, raw = record.partition(":")
        models = {
            "episode": KeyPracticeEpisode,
            "factor": ContributoryFactor,
            "finding": Finding,
            "link": CausalLink,
        }
        row = session.get(models[kind], int(raw))
        setattr(row, field, getattr(row, field).replace(text, "[removed]"))
    session.flush()
    scan = ok(r.lead_client.get(f"{r.url}/scan"))
    assert [(h["kind"], h["text"]) for h in scan["hits"]] == [("full_date", "3 March 2019")]
    assert r.publish().status_code == 409

    record, field = where["date"]
    acceptance = {
        "record": record,
        "field": field,
        "kind": "full_date",
        "text": "3 March 2019",
        "reason": "The date of a clinic appointment, not a date of birth.",
    }
    coder = make_user(session, Role.reviewer, reviews=(r.review,))
    refused = client_as(coder).post(f"{r.url}/scan/acceptances", json=acceptance)
    assert refused.status_code == 403
    accepted = r.lead_client.post(f"{r.url}/scan/acceptances", json=acceptance)
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["open"] == 0
    assert accepted.json()["hits"][0]["reason"] == acceptance["reason"]
    assert accepted.json()["hits"][0]["accepted_by"] == r.lead.email
    audited = session.exec(
        select(AuditEntry).where(
            AuditEntry.actor == r.lead.email, AuditEntry.object_type == "identifiers"
        )
    ).all()
    assert any(e.action == "create" for e in audited), "the acceptance is audited"

    published = r.publish()
    assert published.status_code == 200, published.text
    assert published.json()["status"] == "published"

    export = client_as(make_user(session, Role.national)).get("/api/v1/exports/national")
    assert export.status_code == 200
    lines = lines_of(export.content)
    assert [line["type"] for line in lines] == ["review", "manifest"]
    for name, (text, _) in PLANTED.items():
        if name != "date":
            assert text.lower() not in export.text.lower(), f"{name} left in an export"
    assert "Kayleigh" not in export.text
    assert "Oakfield" not in export.text


def test_a_published_review_found_to_hold_an_identifier_is_withheld_from_export(
    session: Session, client_as: Callable[[User], TestClient]
) -> None:
    r = ready(session, client_as)
    assert r.publish().status_code == 200
    national = client_as(make_user(session, Role.national))
    assert lines_of(national.get("/api/v1/exports/national").content)[-1]["withheld"] == 0

    # Its text cannot change now, but a known identifier can still be added, and it holds.
    factor = _first(session, ContributoryFactor, r.review)
    assert isinstance(factor, ContributoryFactor)
    answer = r.lead_client.post(
        f"{r.url}/identifiers", json={"text": factor.description.split()[0], "kind": "other"}
    )
    assert answer.status_code == 201
    lines = lines_of(national.get("/api/v1/exports/national").content)
    # Withheld, and withdrawn from those who pulled it before the identifier was known.
    assert [line["type"] for line in lines] == ["withdrawal", "manifest"]
    assert lines[0]["reason"] == "withheld"
    assert lines[-1]["withheld"] == 1
    assert lines[-1]["count"] == 0


def test_known_identifiers_are_for_the_reviews_reviewers_alone(
    session: Session, client_as: Callable[[User], TestClient]
) -> None:
    r = ready(session, client_as)
    added = r.lead_client.post(f"{r.url}/identifiers", json={"text": "Kayleigh", "kind": "name"})
    assert added.status_code == 201
    again = r.lead_client.post(f"{r.url}/identifiers", json={"text": "KAYLEIGH", "kind": "name"})
    assert again.status_code == 409
    assert [i["text"] for i in ok(r.lead_client.get(f"{r.url}/identifiers"))] == ["Kayleigh"]
    board_member = client_as(make_user(session, Role.board))
    assert board_member.get(f"{r.url}/identifiers").status_code == 403
    admin = client_as(make_user(session, Role.admin))
    assert admin.get(f"{r.url}/identifiers").status_code == 403
    assert admin.get(f"{r.url}/scan").status_code == 403


def test_accepting_a_hit_that_is_not_there_is_refused(
    session: Session, client_as: Callable[[User], TestClient]
) -> None:
    r = ready(session, client_as)
    answer = r.lead_client.post(
        f"{r.url}/scan/acceptances",
        json={
            "record": f"review:{r.review.id}",
            "field": "child_pseudonym",
            "kind": "full_date",
            "text": "1/1/2020",
            "reason": "Not there at all, surely.",
        },
    )
    assert answer.status_code == 422
    assert "no such hit" in answer.json()["detail"]


def test_the_chronology_is_scanned_and_blocks_publication(
    session: Session, client_as: Callable[[User], TestClient]
) -> None:
    """The single-review file carries the chronology, so its text is scanned like the rest."""
    r = ready(session, client_as)
    entry = make_entry(
        session,
        r.review,
        summary="Family moved to NE1\u00a04XF; mother's number 07700\u00a0900123; lives on "
        "Marlowe\u00adClose.",
    )
    known = r.lead_client.post(
        f"{r.url}/identifiers", json={"text": "Marlowe Close", "kind": "place"}
    )
    assert known.status_code == 201
    hits = ok(r.lead_client.get(f"{r.url}/scan"))["hits"]
    found = {(h["record"], h["field"], h["kind"]) for h in hits}
    me = f"chronology:{entry.id}"
    assert {
        (me, "summary", "postcode"),
        (me, "summary", "phone"),
        (me, "summary", "known_identifier"),
    } <= found
    postcode = next(h for h in hits if h["record"] == me and h["kind"] == "postcode")
    assert entry.summary[postcode["start"] : postcode["end"]] == "NE1\u00a04XF"
    assert postcode["context"].startswith("Family moved to NE1 4XF; mother's number")
    assert postcode["name"] == "Chronology, 1 May 2023, Health visiting"
    refused = r.publish()
    assert refused.status_code == 409
    assert (
        "a postcode in Chronology, 1 May 2023, Health visiting, summary"
        in (refused.json()["detail"])
    )


def _called(session: Session, key: str) -> str:
    """The name a person reads for a planted record, worked out from its ordinal or order."""
    kind, _, raw = key.partition(":")
    if kind == "episode":
        episode = session.get(KeyPracticeEpisode, int(raw))
        assert episode is not None
        return f"KPE {episode.ordinal}"
    if kind == "finding":
        finding = session.get(Finding, int(raw))
        assert finding is not None
        return f"Finding {finding.ordinal}"
    if kind == "factor":
        factor = session.get(ContributoryFactor, int(raw))
        assert factor is not None
        earlier = session.exec(
            select(ContributoryFactor.id).where(
                ContributoryFactor.review_id == factor.review_id,
                col(ContributoryFactor.id) <= factor.id,
            )
        ).all()
        return f"Factor {len(earlier)}"
    if kind == "link":
        link = session.get(CausalLink, int(raw))
        assert link is not None
        return f"{_called(session, link.source)} → {_called(session, link.target)}"
    assert kind == "tag"
    tag = session.get(Tag, int(raw))
    assert tag is not None
    return f"Tag on {_called(session, tag.target)}"


def test_each_hit_and_the_refusal_name_the_record_as_the_method_does(
    session: Session, client_as: Callable[[User], TestClient]
) -> None:
    r = ready(session, client_as)
    where = _plant(session, r)
    hits = ok(r.lead_client.get(f"{r.url}/scan"))["hits"]
    named = {h["record"]: h["name"] for h in hits}
    for record, _ in where.values():
        assert named[record] == _called(session, record)
    detail = r.publish().json()["detail"]
    episode = where["phone"][0]
    assert f"a phone number in {_called(session, episode)}, view at the time" in detail
    assert episode not in detail
    assert episode.replace(":", " ") not in detail
