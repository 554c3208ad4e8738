"""The codes entered on a record's form are the coder's own tags on that record (one store, one
rule, scr/tag/form.py): the lead's are the review's agreed tags, which the patterns count; a
second coder's are blind tags that no one else sees until they submit, and that they cannot
change once submitted; a board member reads the agreed ones."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlmodel import Session

from scr.account.models import User
from scr.board.models import Board
from scr.review.models import Review
from scr.vocabulary import Role
from tests.factories import make_review, make_user
from tests.responses import ok

SignIn = Callable[[User], TestClient]


def _team(session: Session, client_as: SignIn) -> tuple[Review, TestClient, TestClient, str]:
    review = make_review(session)
    lead = client_as(make_user(session, Role.reviewer, leads=(review,)))
    user = make_user(session, Role.reviewer, reviews=(review,))
    return review, lead, client_as(user), user.email


def _tags(client: TestClient, review: Review) -> set[tuple[str, str, bool]]:
    items = ok(client.get(f"/api/v1/reviews/{review.id}/tags", params={"limit": 200}))["items"]
    return {(t["target"], t["code"], t["agreed"]) for t in items}


def test_the_leads_form_codes_are_the_reviews_agreed_tags_which_the_board_counts(
    session: Session, client_as: SignIn
) -> None:
    review, lead, _, _ = _team(session, client_as)
    r = f"/api/v1/reviews/{review.id}"
    factor = lead.post(
        f"{r}/factors",
        json={
            "description": "Caseloads were high.",
            "level": "working_conditions",
            "typology_codes": ["sp.management.caseload-volume", "pt.supervision"],
        },
    )
    assert factor.status_code == 201, factor.text
    assert factor.json()["typology_codes"] == ["sp.management.caseload-volume", "pt.supervision"]
    finding = lead.post(
        f"{r}/findings",
        json={"title": "Referrals", "statement": "Nobody hears back.", "category": "pt.escalation"},
    )
    assert ok(finding)["category"] == "pt.escalation"
    version = ok(lead.get(r))["version"]
    changed = lead.patch(r, json={"version": version, "context_codes": ["cc.harm.neglect"]})
    assert changed.status_code == 200, changed.text
    assert changed.json()["context_codes"] == ["cc.harm.neglect"]

    f, g = factor.json()["id"], finding.json()["id"]
    assert _tags(lead, review) == {
        (f"factor:{f}", "sp.management.caseload-volume", True),
        (f"factor:{f}", "pt.supervision", True),
        (f"finding:{g}", "pt.escalation", True),
        (f"review:{review.id}", "cc.harm.neglect", True),
    }
    board = client_as(make_user(session, Role.board, board=session.get(Board, review.board_id)))
    assert ok(board.get(f"{r}/factors/{f}"))["typology_codes"] == [
        "sp.management.caseload-volume",
        "pt.supervision",
    ]
    counted = ok(board.get("/api/v1/patterns/frequencies"))["items"]
    assert {i["code"] for i in counted} >= {
        "sp.management.caseload-volume",
        "pt.escalation",
        "cc.harm.neglect",
    }

    # Taken off the form, a code's tag goes; the other stays.
    version = ok(lead.get(f"{r}/factors/{f}"))["version"]
    lead.patch(f"{r}/factors/{f}", json={"version": version, "typology_codes": ["pt.supervision"]})
    assert (f"factor:{f}", "sp.management.caseload-volume", True) not in _tags(lead, review)
    assert (f"factor:{f}", "pt.supervision", True) in _tags(lead, review)


def test_a_second_coders_form_codes_are_blind_until_submitted_and_then_closed(
    session: Session, client_as: SignIn
) -> None:
    review, lead, second, name = _team(session, client_as)
    r = f"/api/v1/reviews/{review.id}"
    factor = ok(
        lead.post(
            f"{r}/factors",
            json={
                "description": "Supervision was about allocation.",
                "level": "working_conditions",
                "typology_codes": ["pt.supervision"],
            },
        )
    )
    f = factor["id"]
    # The second coder's form shows none of the lead's codes, in any route that reads it.
    assert ok(second.get(f"{r}/factors/{f}"))["typology_codes"] == []
    assert ok(second.get(f"{r}/factors"))["items"][0]["typology_codes"] == []

    coded = second.patch(
        f"{r}/factors/{f}",
        json={"version": factor["version"], "typology_codes": ["sp.management.targets"]},
    )
    assert coded.status_code == 200, coded.text
    assert coded.json()["typology_codes"] == ["sp.management.targets"]
    finding = ok(
        second.post(
            f"{r}/findings",
            json={
                "title": "Targets",
                "statement": "Targets drove work.",
                "category": "pt.recording",
            },
        )
    )
    assert ok(second.get(f"{r}/findings"))["items"][0]["category"] == "pt.recording"
    # ...and the lead's form shows the agreed codes, not the second coder's unsubmitted ones.
    assert ok(lead.get(f"{r}/factors/{f}"))["typology_codes"] == ["pt.supervision"]
    assert ok(lead.get(f"{r}/findings/{finding['id']}"))["category"] is None
    assert (f"factor:{f}", "sp.management.targets", False) not in _tags(lead, review)
    assert _tags(second, review) == {
        (f"factor:{f}", "sp.management.targets", False),
        (f"finding:{finding['id']}", "pt.recording", False),
    }

    assert ok(second.post(f"{r}/tags/submit")) == {"coder": name, "tags": 2}
    current = ok(second.get(f"{r}/factors/{f}"))
    refused = second.patch(
        f"{r}/factors/{f}",
        json={"version": current["version"], "typology_codes": ["pt.recording"]},
    )
    assert refused.status_code == 409
    assert "coding is closed" in refused.json()["detail"]
    after = ok(second.get(f"{r}/factors/{f}"))
    assert (after["version"], after["typology_codes"]) == (
        current["version"],
        ["sp.management.targets"],
    )
    # The same codes sent again with another change are no change to the coding.
    kept = second.patch(
        f"{r}/factors/{f}",
        json={
            "version": current["version"],
            "detail": "Seen in the supervision records.",
            "typology_codes": ["sp.management.targets"],
        },
    )
    assert kept.status_code == 200, kept.text
    # After submitting, the lead sees the second coder's tags among the submitted ones.
    assert (f"factor:{f}", "sp.management.targets", False) in _tags(lead, review)


def test_a_code_of_an_older_version_stays_when_the_form_sends_it_back(
    session: Session, client_as: SignIn
) -> None:
    review, lead, _, _ = _team(session, client_as)
    r = f"/api/v1/reviews/{review.id}"
    f = ok(lead.post(f"{r}/factors", json={"description": "Caseloads.", "level": "own_team"}))
    # Coded under 1.0 with a code 1.1 split (as the demo review is).
    old = lead.post(
        f"{r}/tags",
        json={
            "target": f"factor:{f['id']}",
            "code": "sp.management.caseload",
            "typology_version": "1.0",
            "agreed": True,
        },
    )
    assert old.status_code == 201, old.text
    read = ok(lead.get(f"{r}/factors/{f['id']}"))
    assert read["typology_codes"] == ["sp.management.caseload"]
    again = lead.patch(
        f"{r}/factors/{f['id']}",
        json={
            "version": read["version"],
            "typology_codes": ["sp.management.caseload", "pt.supervision"],
        },
    )
    assert again.status_code == 200, again.text
    versions = {
        (t["code"], t["typology_version"])
        for t in ok(lead.get(f"{r}/tags"))["items"]
        if t["target"] == f"factor:{f['id']}"
    }
    assert versions == {("sp.management.caseload", "1.0"), ("pt.supervision", "1.1")}
    # A code the current version lacks cannot be added on the form.
    wrong = lead.patch(
        f"{r}/factors/{f['id']}",
        json={"version": again.json()["version"], "typology_codes": ["sp.management.supervision"]},
    )
    assert wrong.status_code == 422
    assert "has no code sp.management.supervision" in wrong.text


def test_a_findings_pattern_on_its_form_replaces_only_the_first_of_its_codes(
    session: Session, client_as: SignIn
) -> None:
    review, lead, _, _ = _team(session, client_as)
    r = f"/api/v1/reviews/{review.id}"
    g = ok(
        lead.post(
            f"{r}/findings",
            json={
                "title": "Closure",
                "statement": "Cases close.",
                "category": "sp.longer-term.closure",
            },
        )
    )
    lead.post(
        f"{r}/tags",
        json={"target": f"finding:{g['id']}", "code": "pt.was-not-brought", "agreed": True},
    )
    changed = lead.patch(
        f"{r}/findings/{g['id']}", json={"version": g["version"], "category": "pt.escalation"}
    )
    assert ok(changed)["category"] == "pt.escalation"
    codes = {c for target, c, _ in _tags(lead, review) if target == f"finding:{g['id']}"}
    assert codes == {"pt.escalation", "pt.was-not-brought"}
    cleared = lead.patch(
        f"{r}/findings/{g['id']}",
        json={"version": changed.json()["version"], "category": None},
    )
    assert ok(cleared)["category"] == "pt.was-not-brought"
