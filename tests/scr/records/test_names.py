"""The method's names for a review's records, never their database ids."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session

from scr.graph import service as graph_service
from scr.records import names
from scr.report import document
from scr.search import names as search_names
from scr.vocabulary import SearchKind
from tests.factories import (
    agency_id,
    make_entry,
    make_episode,
    make_factor,
    make_finding,
    make_link,
    make_participant,
    make_review,
)
from tests.responses import ok


def _crowded(session: Session) -> None:
    """Another review's records first, so that ids and ordinals part company."""
    other = make_review(session)
    for _ in range(5):
        make_episode(session, other)
        make_factor(session, other, description="Caseloads high across the team.")
        make_finding(session, other)


def test_records_are_named_by_ordinal_and_order_not_by_id(session: Session) -> None:
    _crowded(session)
    review = make_review(session)
    first = make_episode(session, review, title="Home visit")
    second = make_episode(session, review, title="Strategy discussion")
    f1 = make_factor(session, review, description="No shared record of visits.")
    f2 = make_factor(session, review, description="Supervision was cancelled.")
    finding = make_finding(session, review, title="Who holds the whole picture")
    assert second.id != 2  # the ids are not the numbers
    assert f2.id != 2
    assert finding.id != 1
    link = make_link(session, review, "contributed_to", f"factor:{f2.id}", f"episode:{second.id}")
    entry = make_entry(session, review, entry_date="2024-03-05", source="GP records")
    bare = make_entry(
        session,
        review,
        entry_date="2024-04-01",
        date_precision="month",
        agency_id=agency_id(session, "police"),
    )
    person = make_participant(
        session, review, job_role="Health visitor 1", agency_id=agency_id(session)
    )
    question = finding.questions[0]

    named = names.of(
        session,
        [
            f"episode:{first.id}",
            f"episode:{second.id}",
            f"factor:{f1.id}",
            f"factor:{f2.id}",
            f"finding:{finding.id}",
            f"question:{question.id}",
            f"link:{link.id}",
            f"chronology:{entry.id}",
            f"chronology:{bare.id}",
            f"participant:{person.id}",
            f"review:{review.id}",
        ],
    )

    assert list(named.values()) == [
        "KPE 1",
        "KPE 2",
        "Factor 1",
        "Factor 2",
        "Finding 1",
        "Finding 1, question 1",
        "Factor 2 → KPE 2",
        "Chronology, 5 March 2024, GP records",
        "Chronology, April 2024, Police",
        "Health visitor 1, Health visiting",
        "The review",
    ]


def test_factors_are_numbered_within_their_own_review(session: Session) -> None:
    one, two = make_review(session), make_review(session)
    a = make_factor(session, one, description="Thresholds unclear.")
    b = make_factor(session, two, description="Thresholds unclear.")
    c = make_factor(session, one, description="No interpreter booked.")
    assert names.of(session, [f"factor:{a.id}", f"factor:{b.id}", f"factor:{c.id}"]) == {
        f"factor:{a.id}": "Factor 1",
        f"factor:{b.id}": "Factor 1",
        f"factor:{c.id}": "Factor 2",
    }


def test_a_record_that_is_gone_is_named_by_its_key(session: Session) -> None:
    assert names.one(session, "episode:987654") == "episode:987654"


def test_report_search_and_checks_name_a_factor_alike(session: Session) -> None:
    _crowded(session)
    review = make_review(session)
    make_factor(session, review, description="Thresholds unclear.")
    lonely = make_factor(session, review, description="No interpreter booked.")
    key = f"factor:{lonely.id}"
    assert lonely.id != 2

    report = document.build(session, review, draft=True, today=review.created_at.date())
    found = search_names.names(session, [(SearchKind.factor, lonely.id)])
    checks = graph_service.check(session=session, review=review).checks
    unlinked = next(c for c in checks if c.code == "factor-unlinked" and c.records == [key])

    assert report.node_names[key] == "Factor 2"
    assert found[("factor", lonely.id)][0] == "Factor 2"
    assert unlinked.names == ["Factor 2"]
    assert unlinked.message == "Factor 2 'No interpreter booked.' is linked to nothing."


def test_the_factor_screens_read_each_factor_by_its_number(
    client: TestClient, session: Session
) -> None:
    _crowded(session)
    review = make_review(session)
    base = f"/api/v1/reviews/{review.id}/factors"
    body = {"level": "working_conditions"}
    first = ok(client.post(base, json=body | {"description": "Caseloads were high."}))
    second = ok(client.post(base, json=body | {"description": "No interpreter booked."}))
    assert (first["name"], second["name"]) == ("Factor 1", "Factor 2")
    assert second["id"] != 2
    assert [f["name"] for f in ok(client.get(base))["items"]] == ["Factor 1", "Factor 2"]
    assert ok(client.get(f"{base}/{second['id']}"))["name"] == "Factor 2"
    changed = client.patch(f"{base}/{second['id']}", json={"version": 1, "detail": "Twice."})
    assert ok(changed)["name"] == "Factor 2"
    stale = client.patch(f"{base}/{second['id']}", json={"version": 1, "detail": "Again."})
    assert stale.status_code == 409
    assert stale.json()["current"]["name"] == "Factor 2"
