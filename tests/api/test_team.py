"""A review's team: its lead reviewer adds a reviewer the partnership has commissioned as a
second coder, and takes one off; nobody else changes it, and nothing a caller sends gives a
500 or says whether an account outside the partnership exists."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from scr.account import commission as commission_service
from scr.account.models import User
from scr.audit.models import AuditEntry
from scr.board.models import Board
from scr.review.models import Review
from scr.tag import service as tag_service
from scr.tag.models import Tag
from scr.tag.schemas import TagCreate
from scr.vocabulary import AuditAction, ReviewStatus, Role
from tests.factories import make_board, make_review, make_user
from tests.responses import ok

SignIn = Callable[[User], TestClient]


def _commissioned(session: Session, board: Board) -> User:
    reviewer = make_user(session, Role.reviewer)
    commission_service.commission(session=session, board=board, email=reviewer.email)
    session.commit()
    return reviewer


def _review_with_lead(session: Session) -> tuple[Board, Review, User]:
    board = make_board(session)
    review = make_review(session, board)
    lead = make_user(session, Role.reviewer, leads=(review,))
    return board, review, lead


def test_the_lead_adds_a_second_coder_who_then_sees_and_codes_the_review(
    session: Session, client_as: SignIn
) -> None:
    board, review, lead = _review_with_lead(session)
    second = _commissioned(session, board)
    team = f"/api/v1/reviews/{review.id}/team"
    as_lead, as_second = client_as(lead), client_as(second)
    assert as_second.get(f"/api/v1/reviews/{review.id}").status_code == 404

    offered = ok(as_lead.get(f"{team}/candidates"))
    assert offered == {"items": [{"user_id": second.id, "email": second.email}], "total": 1}
    added = as_lead.post(team, json={"user_id": second.id})
    assert added.status_code == 201, added.text
    assert added.json() == {
        "user_id": second.id,
        "email": second.email,
        "lead": False,
        "submitted": False,
    }
    listed = ok(as_lead.get(team))["items"]
    assert [(m["email"], m["lead"]) for m in listed] == [(lead.email, True), (second.email, False)]
    assert ok(as_lead.get(f"{team}/candidates"))["total"] == 0

    mine = ok(as_second.get("/api/v1/reviews"))["items"]
    assert [r["id"] for r in mine] == [review.id]
    tagged = as_second.post(
        f"/api/v1/reviews/{review.id}/tags",
        json={"target": f"review:{review.id}", "code": "cc.harm.neglect"},
    )
    assert tagged.status_code == 201, tagged.text
    assert as_second.post(f"/api/v1/reviews/{review.id}/tags/submit").status_code == 200
    submitted = {m["email"]: m["submitted"] for m in ok(as_lead.get(team))["items"]}
    assert submitted == {lead.email: False, second.email: True}


def test_the_lead_takes_a_coder_off_the_team_and_the_review_leaves_their_list(
    session: Session, client_as: SignIn
) -> None:
    board, review, lead = _review_with_lead(session)
    second = _commissioned(session, board)
    team = f"/api/v1/reviews/{review.id}/team"
    as_lead = client_as(lead)
    assert as_lead.post(team, json={"user_id": second.id}).status_code == 201
    tag_service.create(
        session=session,
        review=review,
        data=TagCreate(target=f"review:{review.id}", code="cc.harm.neglect"),
        coder=second.email,
    )
    session.commit()

    assert as_lead.delete(f"{team}/{second.id}").status_code == 204
    assert client_as(second).get(f"/api/v1/reviews/{review.id}").status_code == 404
    assert [m["email"] for m in ok(as_lead.get(team))["items"]] == [lead.email]
    # Their coding stays, as the review's coding history.
    session.expire_all()
    kept = session.exec(select(Tag).where(Tag.review_id == review.id)).all()
    assert [t.coder for t in kept] == [second.email]
    gone = as_lead.delete(f"{team}/{second.id}")
    assert gone.status_code == 404
    assert "not on this review's team" in gone.json()["detail"]


def test_only_the_lead_changes_the_team_and_is_told_why(
    session: Session, client_as: SignIn
) -> None:
    board, review, lead = _review_with_lead(session)
    coder = make_user(session, Role.reviewer, reviews=(review,))
    second = _commissioned(session, board)
    team = f"/api/v1/reviews/{review.id}/team"
    for caller in (coder, make_user(session, Role.admin)):
        refused = client_as(caller).post(team, json={"user_id": second.id})
        assert refused.status_code == 403
        assert refused.json()["detail"] == (
            "Only the review's lead reviewer can change who is on its team."
        )
        assert client_as(caller).delete(f"{team}/{coder.id}").status_code == 403
        assert client_as(caller).get(f"{team}/candidates").status_code == 403
    # A coder on the team reads it all the same.
    assert ok(client_as(coder).get(team))["total"] == 2
    member = make_user(session, Role.board, board=board)
    assert client_as(member).post(team, json={"user_id": second.id}).status_code == 403
    assert ok(client_as(member).get(team))["total"] == 2
    session.expire_all()
    on_team = {m["user_id"] for m in ok(client_as(lead).get(team))["items"]}
    assert on_team == {lead.id, coder.id}


def test_a_lead_of_another_review_cannot_reach_this_team(
    session: Session, client_as: SignIn
) -> None:
    board, review, _lead = _review_with_lead(session)
    second = _commissioned(session, board)
    _other_board, _other_review, other_lead = _review_with_lead(session)
    team = f"/api/v1/reviews/{review.id}/team"
    as_other = client_as(other_lead)
    assert as_other.get(team).status_code == 404
    assert as_other.post(team, json={"user_id": second.id}).status_code == 404
    assert as_other.delete(f"{team}/{second.id}").status_code == 404


def test_only_a_reviewer_the_partnership_commissioned_can_join_with_one_answer(
    session: Session, client_as: SignIn
) -> None:
    board, review, lead = _review_with_lead(session)
    elsewhere = make_board(session)
    theirs = _commissioned(session, elsewhere)  # a reviewer of another partnership
    uncommissioned = make_user(session, Role.reviewer)
    member = make_user(session, Role.board, board=board)
    disabled = _commissioned(session, board)
    disabled.disabled = True
    session.add(disabled)
    session.commit()
    team = f"/api/v1/reviews/{review.id}/team"
    as_lead = client_as(lead)

    answers = [
        as_lead.post(team, json={"user_id": user_id})
        for user_id in (theirs.id, uncommissioned.id, member.id, disabled.id, 2_000_000_000)
    ]
    assert [a.status_code for a in answers] == [422] * 5
    details = {a.json()["detail"] for a in answers}
    assert len(details) == 1, "the same answer whether or not the account exists"
    assert "commissioned" in details.pop()
    assert {a.json()["errors"][0]["field"] for a in answers} == {"user_id"}
    assert ok(as_lead.get(f"{team}/candidates"))["total"] == 0


def test_bad_input_is_refused_without_a_500(session: Session, client_as: SignIn) -> None:
    board, review, lead = _review_with_lead(session)
    second = _commissioned(session, board)
    team = f"/api/v1/reviews/{review.id}/team"
    as_lead = client_as(lead)
    for body in ({}, {"user_id": "x"}, {"user_id": 0}, {"user_id": 2**40}, [], {"email": "a"}):
        assert as_lead.post(team, json=body).status_code == 422, body
    assert as_lead.delete(f"{team}/abc").status_code == 422
    assert as_lead.delete(f"{team}/{2**40}").status_code == 422
    assert as_lead.post(team, json={"user_id": second.id}).status_code == 201
    twice = as_lead.post(team, json={"user_id": second.id})
    assert twice.status_code == 409
    assert twice.json()["detail"] == f"{second.email} is already on this review's team."
    commission_service.commission(session=session, board=board, email=lead.email)
    session.commit()
    itself = as_lead.post(team, json={"user_id": lead.id})
    assert itself.status_code == 409
    kept = as_lead.delete(f"{team}/{lead.id}")
    assert kept.status_code == 409
    assert "lead reviewer" in kept.json()["detail"]


def test_changes_to_the_team_are_in_the_audit_trail(session: Session, client_as: SignIn) -> None:
    board, review, lead = _review_with_lead(session)
    second = _commissioned(session, board)
    team = f"/api/v1/reviews/{review.id}/team"
    as_lead = client_as(lead)
    as_lead.post(team, json={"user_id": second.id})
    as_lead.delete(f"{team}/{second.id}")
    entries = session.exec(
        select(AuditEntry).where(AuditEntry.review_id == review.id, AuditEntry.actor == lead.email)
    ).all()
    changes = [(e.action, e.object_type, e.object_id) for e in entries]
    assert (AuditAction.create, "team", None) in changes
    assert (AuditAction.delete, "team", second.id) in changes


def test_no_coder_joins_a_published_review_but_one_may_leave_it(
    session: Session, client_as: SignIn
) -> None:
    board, review, lead = _review_with_lead(session)
    second, third = _commissioned(session, board), _commissioned(session, board)
    team = f"/api/v1/reviews/{review.id}/team"
    as_lead = client_as(lead)
    assert as_lead.post(team, json={"user_id": second.id}).status_code == 201
    review.status = ReviewStatus.published
    session.add(review)
    session.commit()
    refused = as_lead.post(team, json={"user_id": third.id})
    assert refused.status_code == 409
    assert "reopen it" in refused.json()["detail"]
    assert as_lead.delete(f"{team}/{second.id}").status_code == 204
    assert [m["user_id"] for m in ok(as_lead.get(team))["items"]] == [lead.id]
