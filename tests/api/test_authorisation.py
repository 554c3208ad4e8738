"""Who may call what: every route of the API, for every kind of caller.

Each operation of the OpenAPI document has one row in ROUTES: the access rule it follows and
the request to send. Each rule gives the answer each caller gets: a success, 401 for anyone
not signed in, 403 for a role that may never do it, 404 for a record outside the caller's
scope (so that its existence does not leak). A meta-test fails when an operation has no row.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import true
from sqlmodel import Session

from scr.account import commission as commission_service
from scr.account import service as account_service
from scr.account.models import User
from scr.account.schemas import MachineTokenCreate
from scr.board.models import Board
from scr.common.lookup import id_of
from scr.config import get_settings
from scr.exchange import scanning
from scr.exchange.schemas import IdentifierCreate
from scr.factor.models import ContributoryFactor
from scr.finding.models import BoardAction, BoardQuestion, Finding
from scr.recurrence import service as recurrence_service
from scr.recurrence.schemas import FoundBeforeCreate
from scr.review.models import Review
from scr.tag import service as tag_service
from scr.tag.schemas import TagCreate
from scr.vocabulary import IdentifierKind, ReviewStatus, Role
from scr.workflow.transfer import export_review
from tests.factories import (
    agency_id,
    bearer,
    make_board,
    make_entry,
    make_episode,
    make_factor,
    make_finding,
    make_link,
    make_participant,
    make_review,
    make_user,
)

OK = "a success"
CALLERS = (
    "anonymous",
    "reviewer on the review",
    "reviewer not on it",
    "board member of its board",
    "board member of another board",
    "national analyst",
    "administrator",
)
PASSWORD = "a sign-in password long enough"


def _rule(*answers: str | int) -> dict[str, str | int]:
    assert len(answers) == len(CALLERS)
    return dict(zip(CALLERS, answers, strict=True))


#                     anon  on   off  board other nat  admin
PUBLIC = _rule(OK, OK, OK, OK, OK, OK, OK)
SIGNED_IN = _rule(401, OK, OK, OK, OK, OK, OK)
ADMIN = _rule(401, 403, 403, 403, 403, 403, OK)
BOARD_READ = _rule(401, OK, OK, OK, 404, OK, OK)
REVIEW_LIST = _rule(401, OK, OK, OK, OK, 403, OK)
REVIEW_OPEN = _rule(401, OK, 403, 403, 403, 403, OK)  # (a reviewer the board commissioned)
CASE_READ = _rule(401, OK, 404, OK, 404, 403, OK)
CASE_CHANGE = _rule(401, OK, 404, 403, 403, 403, OK)
REVIEWERS_ONLY = _rule(401, OK, 404, 403, 403, 403, 403)
LEAD_ONLY = REVIEWERS_ONLY  # (the reviewer on the review is its lead)
NATIONAL_EXPORT = _rule(401, 403, 403, 403, 403, OK, OK)
ACTION_PLAN = _rule(401, OK, OK, OK, 404, 403, OK)
ACTION_PLAN_ONE = _rule(401, OK, 404, OK, 404, 403, OK)
BOARD_MANAGES = _rule(401, 403, 403, OK, 404, 403, OK)
# Read by the lead alone: a board member of another board is told the review is not found.
LEAD_READS = _rule(401, OK, 404, 403, 404, 403, 403)


@dataclass
class World:
    """A board with a review holding one of everything, another board, and the callers."""

    session: Session
    board: int
    spare_board: int
    review: int
    agency: int
    entry: int
    episode: int
    factor: int
    link: int
    finding: int
    participant: int
    tag: int
    machine_token: int
    versions: dict[str, int]
    users: dict[str, User]

    @property
    def case(self) -> str:
        return f"/api/v1/reviews/{self.review}"


@dataclass(frozen=True)
class Call:
    url: str
    json: Any = None
    data: dict[str, str] | None = None
    content: bytes | None = None
    files: dict[str, tuple[str, bytes, str]] | None = None


def _world(session: Session) -> World:
    board, other, spare = make_board(session), make_board(session), make_board(session)
    review = make_review(session, board)
    entry = make_entry(session, review)
    episode, later = make_episode(session, review), make_episode(session, review)
    factor = make_factor(session, review)
    link = make_link(session, review, "led_to", f"episode:{episode.id}", f"episode:{later.id}")
    finding = make_finding(session, review)
    participant = make_participant(session, review)
    users = {
        "reviewer on the review": make_user(session, Role.reviewer, leads=(review,)),
        "reviewer not on it": make_user(session, Role.reviewer),
        "board member of its board": make_user(session, Role.board, board=board),
        "board member of another board": make_user(session, Role.board, board=other),
        "national analyst": make_user(session, Role.national),
        "administrator": make_user(session, Role.admin),
    }
    on_factor = TagCreate(target=f"factor:{factor.id}", code="sp.management.caseload-volume")
    # Two coders have submitted (so there is agreement to read); the reviewer on the review
    # and the administrator each have a tag they have not submitted yet.
    for coder in ("coder.one@example.org", "coder.two@example.org"):
        tag_service.create(session=session, review=review, data=on_factor, coder=coder)
        tag_service.submit(session=session, review=review, coder=coder)
    own = tag_service.create(
        session=session, review=review, data=on_factor, coder=users["reviewer on the review"].email
    )
    tag_service.create(
        session=session, review=review, data=on_factor, coder=users["administrator"].email
    )
    commission_service.commission(
        session=session, board=board, email=users["reviewer on the review"].email, actor="test"
    )
    token, _ = account_service.create_machine_token(
        session=session,
        settings=get_settings(),
        data=MachineTokenCreate(name="national instance", role=Role.national),
        actor="test",
    )
    session.flush()
    return World(
        session=session,
        board=id_of(board),
        spare_board=id_of(spare),
        review=id_of(review),
        agency=agency_id(session),
        entry=id_of(entry),
        episode=id_of(episode),
        factor=id_of(factor),
        link=id_of(link),
        finding=id_of(finding),
        participant=id_of(participant),
        tag=id_of(own),
        machine_token=id_of(token),
        versions={
            "board": board.version,
            "review": review.version,
            "entry": entry.version,
            "episode": episode.version,
            "factor": factor.version,
            "link": link.version,
            "finding": finding.version,
            "participant": participant.version,
        },
        users=users,
    )


def _sign_in(w: World) -> Call:
    account_service.create(
        session=w.session, email="signer@example.org", role=Role.national, password=PASSWORD
    )
    return Call("/api/v1/auth/token", data={"username": "signer@example.org", "password": PASSWORD})


def _import_file(w: World) -> Any:
    review = w.session.get(Review, w.review)
    assert review is not None
    file = export_review(session=w.session, review=review).model_dump(mode="json")
    file["review"]["reference"] += "-COPY"
    return file


def _identifier(w: World) -> int:
    review = w.session.get(Review, w.review)
    assert review is not None
    data = IdentifierCreate(text="Oakfield Primary", kind=IdentifierKind.school)
    return id_of(scanning.add_identifier(session=w.session, review=review, data=data, actor="t"))


def _acceptance(w: World) -> Call:
    factor = w.session.get(ContributoryFactor, w.factor)
    assert factor is not None
    factor.detail = "Raised at the strategy meeting on 12/03/2019."
    w.session.flush()
    hit = {"record": f"factor:{w.factor}", "field": "detail", "kind": "full_date"}
    reason = "The date of a strategy meeting, not a date of birth."
    return Call(f"{w.case}/scan/acceptances", hit | {"text": "12/03/2019", "reason": reason})


def _reopen(w: World) -> Call:
    """The review stands published (as if through the gate), so there is something to reopen."""
    review = w.session.get(Review, w.review)
    assert review is not None
    review.status = ReviewStatus.published
    w.session.commit()
    reason = "A street name was found in finding 1 after publication."
    return Call(f"{w.case}/reopen", {"version": review.version, "reason": reason})


def _adjudication(w: World) -> Call:
    """A third coder submits without the factor's code, so the first two disagree with them."""
    review = w.session.get(Review, w.review)
    assert review is not None
    on_review = TagCreate(target=f"review:{w.review}", code="cc.harm.neglect")
    tag_service.create(session=w.session, review=review, data=on_review, coder="coder.three@x.org")
    tag_service.submit(session=w.session, review=review, coder="coder.three@x.org")
    decision = {"target": f"factor:{w.factor}", "code": "sp.management.caseload-volume"}
    return Call(
        f"{w.case}/agreement/adjudications",
        decision | {"decision": "rejected", "rationale": "Not shown in this case."},
    )


def _published_action(w: World) -> BoardAction:
    """The review is published and its finding's question has an action for the Board."""
    review, finding = w.session.get(Review, w.review), w.session.get(Finding, w.finding)
    assert review is not None
    assert finding is not None
    review.status = ReviewStatus.published
    action = BoardAction(ordinal=1, description="Audit escalations.")
    finding.questions[0].actions.append(action)
    w.session.flush()
    return action


def _action_call(w: World, tail: str, body: Callable[[BoardAction], Any]) -> Call:
    action = _published_action(w)
    return Call(f"/api/v1/boards/{w.board}/actions/{action.id}{tail}", body(action))


def _question_call(w: World, tail: str, body: Callable[[BoardQuestion], Any]) -> Call:
    question = w.session.get(Finding, w.finding).questions[0]  # type: ignore[union-attr]
    _published_action(w)
    return Call(f"/api/v1/boards/{w.board}/questions/{question.id}{tail}", body(question))


def _response_call(w: World) -> Call:
    _published_action(w)
    return Call(f"{w.case}/response")


EMPTY_EXCHANGE_FILE = (
    b'{"format":"scr-exchange/1","type":"manifest","count":0,"sha256":"'
    + hashlib.sha256(b"").hexdigest().encode()
    + b'","typology_versions":[],"generated_at":"2026-11-22T10:00:00Z","since":null,'
    b'"next_since":"2026-11-22T09:55:00Z","withheld":0}\n'
)

Route = tuple[dict[str, str | int], Callable[[World], Call]]
ROUTES: dict[str, Route] = {
    "GET /api/v1/health": (PUBLIC, lambda w: Call("/api/v1/health")),
    "POST /api/v1/auth/token": (PUBLIC, _sign_in),
    "GET /api/v1/auth/me": (SIGNED_IN, lambda w: Call("/api/v1/auth/me")),
    "POST /api/v1/auth/tokens": (
        ADMIN,
        lambda w: Call("/api/v1/auth/tokens", {"name": "pull", "role": "national"}),
    ),
    "GET /api/v1/auth/tokens": (ADMIN, lambda w: Call("/api/v1/auth/tokens")),
    "DELETE /api/v1/auth/tokens/{token_id}": (
        ADMIN,
        lambda w: Call(f"/api/v1/auth/tokens/{w.machine_token}"),
    ),
    "GET /api/v1/boards": (SIGNED_IN, lambda w: Call("/api/v1/boards")),
    "POST /api/v1/boards": (
        ADMIN,
        lambda w: Call(
            "/api/v1/boards",
            {"name": "Westby Partnership", "code": "WESTBY-NEW", "region": "south_west"},
        ),
    ),
    "GET /api/v1/boards/{board_id}": (BOARD_READ, lambda w: Call(f"/api/v1/boards/{w.board}")),
    "PATCH /api/v1/boards/{board_id}": (
        ADMIN,
        lambda w: Call(
            f"/api/v1/boards/{w.board}", {"version": w.versions["board"], "name": "Renamed"}
        ),
    ),
    "DELETE /api/v1/boards/{board_id}": (
        ADMIN,
        lambda w: Call(f"/api/v1/boards/{w.spare_board}"),
    ),
    "GET /api/v1/agencies": (SIGNED_IN, lambda w: Call("/api/v1/agencies")),
    "POST /api/v1/agencies": (
        ADMIN,
        lambda w: Call(
            "/api/v1/agencies",
            {"code": "youth-justice-new", "name": "School nursing", "board_id": w.board},
        ),
    ),
    "GET /api/v1/boards/{board_id}/commissions": (
        ADMIN,
        lambda w: Call(f"/api/v1/boards/{w.board}/commissions"),
    ),
    "POST /api/v1/boards/{board_id}/commissions": (
        ADMIN,
        lambda w: Call(
            f"/api/v1/boards/{w.board}/commissions",
            {"email": w.users["reviewer not on it"].email},
        ),
    ),
    "DELETE /api/v1/boards/{board_id}/commissions/{user_id}": (
        ADMIN,
        lambda w: Call(
            f"/api/v1/boards/{w.board}/commissions/{w.users['reviewer on the review'].id}"
        ),
    ),
    "GET /api/v1/reviews": (REVIEW_LIST, lambda w: Call("/api/v1/reviews")),
    "GET /api/v1/search": (REVIEW_LIST, lambda w: Call("/api/v1/search?q=episode")),
    "POST /api/v1/reviews": (
        REVIEW_OPEN,
        lambda w: Call(
            "/api/v1/reviews",
            {
                "board_id": w.board,
                "reference": "NEW-2026-01",
                "child_pseudonym": "Child Z",
                "review_type": "local_child_safeguarding_practice_review",
            },
        ),
    ),
    "POST /api/v1/reviews/import": (
        ADMIN,
        lambda w: Call("/api/v1/reviews/import", _import_file(w)),
    ),
    "GET /api/v1/reviews/{review_id}": (CASE_READ, lambda w: Call(w.case)),
    "PATCH /api/v1/reviews/{review_id}": (
        CASE_CHANGE,
        lambda w: Call(w.case, {"version": w.versions["review"], "case_summary": "Revised."}),
    ),
    "DELETE /api/v1/reviews/{review_id}": (ADMIN, lambda w: Call(f"{w.case}?cascade=true")),
    "GET /api/v1/reviews/{review_id}/export": (CASE_READ, lambda w: Call(f"{w.case}/export")),
    "POST /api/v1/reviews/{review_id}/reopen": (LEAD_ONLY, _reopen),
}


def _records(
    path: str, item: str, current: Callable[[World], int], version: str, new: Any, change: Any
) -> None:
    """The five rows of a review's record collection at ``path``."""
    base = f"/api/v1/reviews/{{review_id}}/{path}"
    ROUTES[f"GET {base}"] = (CASE_READ, lambda w: Call(f"{w.case}/{path}"))
    ROUTES[f"POST {base}"] = (CASE_CHANGE, lambda w: Call(f"{w.case}/{path}", new(w)))
    one = f"{base}/{{{item}}}"
    ROUTES[f"GET {one}"] = (CASE_READ, lambda w: Call(f"{w.case}/{path}/{current(w)}"))
    ROUTES[f"PATCH {one}"] = (
        CASE_CHANGE,
        lambda w: Call(f"{w.case}/{path}/{current(w)}", {"version": w.versions[version]} | change),
    )
    ROUTES[f"DELETE {one}"] = (
        CASE_CHANGE,
        lambda w: Call(f"{w.case}/{path}/{current(w)}?cascade=true"),
    )


_records(
    "participants",
    "participant_id",
    lambda w: w.participant,
    "participant",
    lambda w: {"role": "case_group", "job_role": "school nurse"},
    {"job_role": "named nurse"},
)
_records(
    "chronology",
    "entry_id",
    lambda w: w.entry,
    "entry",
    lambda w: {"entry_date": "2022-03-01", "agency_id": w.agency, "summary": "A home visit."},
    {"significant": True},
)
_records(
    "episodes",
    "episode_id",
    lambda w: w.episode,
    "episode",
    lambda w: {"title": "The case conference"},
    {"went_well": "The conference was quorate."},
)
_records(
    "factors",
    "factor_id",
    lambda w: w.factor,
    "factor",
    lambda w: {"description": "Supervision was infrequent.", "level": "organisational"},
    {"detail": "Monthly at best."},
)
_records(
    "links",
    "link_id",
    lambda w: w.link,
    "link",
    lambda w: {
        "kind": "contributed_to",
        "source": f"factor:{w.factor}",
        "target": f"episode:{w.episode}",
    },
    {"evidence_note": "Both agencies' records say so."},
)
_records(
    "findings",
    "finding_id",
    lambda w: w.finding,
    "finding",
    lambda w: {"title": "Escalation", "statement": "Disagreements are not escalated."},
    {"why_it_matters": "Children wait."},
)

CASE = "/api/v1/reviews/{review_id}"
ROUTES |= {
    f"GET {CASE}/chronology/export": (CASE_READ, lambda w: Call(f"{w.case}/chronology/export")),
    f"POST {CASE}/chronology/imports": (
        CASE_CHANGE,
        lambda w: Call(
            f"{w.case}/chronology/imports",
            data={"agency": "police"},
            files={"file": ("c.csv", b"Date,Summary\n2019,Seen at home.\n", "text/csv")},
        ),
    ),
    f"GET {CASE}/graph": (CASE_READ, lambda w: Call(f"{w.case}/graph")),
    f"GET {CASE}/analysis": (CASE_READ, lambda w: Call(f"{w.case}/analysis")),
    f"GET {CASE}/checks": (CASE_READ, lambda w: Call(f"{w.case}/checks")),
    f"GET {CASE}/report": (CASE_READ, lambda w: Call(f"{w.case}/report")),
    f"GET {CASE}/response": (CASE_READ, lambda w: _response_call(w)),
    f"GET {CASE}/tags": (CASE_READ, lambda w: Call(f"{w.case}/tags")),
    f"POST {CASE}/tags": (
        CASE_CHANGE,
        lambda w: Call(
            f"{w.case}/tags", {"target": f"review:{w.review}", "code": "cc.harm.neglect"}
        ),
    ),
    f"DELETE {CASE}/tags/{{tag_id}}": (CASE_CHANGE, lambda w: Call(f"{w.case}/tags/{w.tag}")),
    f"POST {CASE}/tags/submit": (CASE_CHANGE, lambda w: Call(f"{w.case}/tags/submit")),
    f"GET {CASE}/agreement": (CASE_READ, lambda w: Call(f"{w.case}/agreement")),
    f"POST {CASE}/agreement/adjudications": (CASE_CHANGE, _adjudication),
    f"GET {CASE}/tags/migration": (
        CASE_READ,
        lambda w: Call(f"{w.case}/tags/migration?to_version=1.0"),
    ),
    f"POST {CASE}/tags/migration": (
        CASE_CHANGE,
        lambda w: Call(f"{w.case}/tags/migration", {"to_version": "1.0"}),
    ),
    "GET /api/v1/typologies": (SIGNED_IN, lambda w: Call("/api/v1/typologies")),
    "GET /api/v1/typologies/{version}": (SIGNED_IN, lambda w: Call("/api/v1/typologies/1.0")),
    "GET /api/v1/typologies/{version}/changes": (
        SIGNED_IN,
        lambda w: Call("/api/v1/typologies/1.1/changes"),
    ),
    "GET /api/v1/typologies/{version}/codes": (
        SIGNED_IN,
        lambda w: Call("/api/v1/typologies/1.0/codes?q=escalation"),
    ),
    "GET /api/v1/typologies/{version}/codes/{code}": (
        SIGNED_IN,
        lambda w: Call("/api/v1/typologies/1.0/codes/cc.harm.neglect"),
    ),
    "GET /api/v1/audit": (ADMIN, lambda w: Call("/api/v1/audit")),
    "GET /api/v1/patterns/frequencies": (
        SIGNED_IN,
        lambda w: Call("/api/v1/patterns/frequencies"),
    ),
    "GET /api/v1/patterns/cooccurrence": (
        SIGNED_IN,
        lambda w: Call("/api/v1/patterns/cooccurrence?format=graphml"),
    ),
    "GET /api/v1/patterns/chains": (SIGNED_IN, lambda w: Call("/api/v1/patterns/chains")),
    "GET /api/v1/patterns/trends": (SIGNED_IN, lambda w: Call("/api/v1/patterns/trends")),
    "GET /api/v1/patterns/table": (
        SIGNED_IN,
        lambda w: Call("/api/v1/patterns/table?rows=region&columns=code:cc.harm"),
    ),
    f"GET {CASE}/identifiers": (REVIEWERS_ONLY, lambda w: Call(f"{w.case}/identifiers")),
    f"POST {CASE}/identifiers": (
        REVIEWERS_ONLY,
        lambda w: Call(f"{w.case}/identifiers", {"text": "Kayleigh", "kind": "name"}),
    ),
    f"DELETE {CASE}/identifiers/{{identifier_id}}": (
        REVIEWERS_ONLY,
        lambda w: Call(f"{w.case}/identifiers/{_identifier(w)}"),
    ),
    f"GET {CASE}/scan": (REVIEWERS_ONLY, lambda w: Call(f"{w.case}/scan")),
    f"POST {CASE}/scan/acceptances": (REVIEWERS_ONLY, _acceptance),
    "GET /api/v1/exports/schema": (PUBLIC, lambda w: Call("/api/v1/exports/schema")),
    "GET /api/v1/exports/national": (
        NATIONAL_EXPORT,
        lambda w: Call("/api/v1/exports/national"),
    ),
    "GET /api/v1/exports/aggregates.csv": (
        SIGNED_IN,
        lambda w: Call("/api/v1/exports/aggregates.csv"),
    ),
    "GET /api/v1/exports/network.graphml": (
        SIGNED_IN,
        lambda w: Call("/api/v1/exports/network.graphml"),
    ),
    "POST /api/v1/imports": (ADMIN, lambda w: Call("/api/v1/imports", content=EMPTY_EXCHANGE_FILE)),
    "GET /api/v1/boards/{board_id}/actions": (
        ACTION_PLAN,
        lambda w: Call(f"/api/v1/boards/{w.board}/actions?format=xlsx"),
    ),
    "GET /api/v1/boards/{board_id}/actions/{action_id}": (
        ACTION_PLAN_ONE,
        lambda w: _action_call(w, "", lambda a: None),
    ),
    "PATCH /api/v1/boards/{board_id}/actions/{action_id}": (
        BOARD_MANAGES,
        lambda w: _action_call(w, "", lambda a: {"version": a.version, "status": "completed"}),
    ),
    "POST /api/v1/boards/{board_id}/actions/{action_id}/notes": (
        BOARD_MANAGES,
        lambda w: _action_call(w, "/notes", lambda a: {"noted_on": "2026-03-01", "note": "Begun."}),
    ),
    "PATCH /api/v1/boards/{board_id}/questions/{question_id}": (
        BOARD_MANAGES,
        lambda w: _question_call(
            w, "", lambda q: {"version": q.version, "board_response": "Accepted."}
        ),
    ),
    "POST /api/v1/boards/{board_id}/questions/{question_id}/actions": (
        BOARD_MANAGES,
        lambda w: _question_call(w, "/actions", lambda q: {"description": "Report back."}),
    ),
}


def _coder(w: World) -> User:
    """A reviewer the board has commissioned, not yet on the review's team."""
    board = w.session.get(Board, w.board)
    assert board is not None
    coder = make_user(w.session, Role.reviewer)
    commission_service.commission(session=w.session, board=board, email=coder.email, actor="t")
    return coder


def _on_team(w: World) -> int:
    coder = _coder(w)
    account_service.assign_user(
        session=w.session, user_id=id_of(coder), review_id=w.review, lead=False
    )
    return id_of(coder)


ROUTES |= {
    f"GET {CASE}/team": (CASE_READ, lambda w: Call(f"{w.case}/team")),
    f"GET {CASE}/team/candidates": (LEAD_READS, lambda w: Call(f"{w.case}/team/candidates")),
    f"POST {CASE}/team": (LEAD_ONLY, lambda w: Call(f"{w.case}/team", {"user_id": _coder(w).id})),
    f"DELETE {CASE}/team/{{user_id}}": (
        LEAD_ONLY,
        lambda w: Call(f"{w.case}/team/{_on_team(w)}"),
    ),
}


def _earlier(w: World) -> int:
    """A finding of a published review of the spare board, cleared by the scan: anyone who
    may change the review may link its finding to it."""
    spare = w.session.get(Board, w.spare_board)
    review = make_review(w.session, spare)
    earlier = make_finding(w.session, review)
    review.status = ReviewStatus.published
    w.session.flush()
    review.cleared_revision = review.revision
    w.session.commit()
    return id_of(earlier)


def _found_before(w: World) -> int:
    review, finding = w.session.get(Review, w.review), w.session.get(Finding, w.finding)
    assert review is not None
    assert finding is not None
    made = recurrence_service.link(
        session=w.session,
        review=review,
        finding=finding,
        data=FoundBeforeCreate(earlier_finding_id=_earlier(w)),
        visible=true(),
    )
    w.session.commit()
    return made.id


FINDING = f"{CASE}/findings/{{finding_id}}"
ROUTES |= {
    f"GET {FINDING}/suggestions": (
        CASE_READ,
        lambda w: Call(f"{w.case}/findings/{w.finding}/suggestions"),
    ),
    f"GET {FINDING}/found-before": (
        CASE_READ,
        lambda w: Call(f"{w.case}/findings/{w.finding}/found-before"),
    ),
    f"POST {FINDING}/found-before": (
        CASE_CHANGE,
        lambda w: Call(
            f"{w.case}/findings/{w.finding}/found-before", {"earlier_finding_id": _earlier(w)}
        ),
    ),
    f"DELETE {FINDING}/found-before/{{link_id}}": (
        CASE_CHANGE,
        lambda w: Call(f"{w.case}/findings/{w.finding}/found-before/{_found_before(w)}"),
    ),
    "GET /api/v1/boards/{board_id}/recurring-findings": (
        BOARD_MANAGES,  # (read by its board members and administrators alone)
        lambda w: Call(f"/api/v1/boards/{w.board}/recurring-findings"),
    ),
}


def test_every_route_of_the_api_has_a_row_in_the_table(app: FastAPI) -> None:
    paths = app.openapi()["paths"]
    operations = {f"{method.upper()} {path}" for path, item in paths.items() for method in item}
    assert sorted(operations - ROUTES.keys()) == [], "add these routes to ROUTES"
    assert sorted(ROUTES.keys() - operations) == [], "these rows name no route"


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize("operation", sorted(ROUTES))
def test_each_caller_gets_the_answer_the_rule_gives(
    app: FastAPI, session: Session, operation: str, caller: str
) -> None:
    rule, request = ROUTES[operation]
    world = _world(session)
    call = request(world)
    user = world.users.get(caller)
    client = TestClient(app, headers=bearer(user) if user else {})
    method = operation.split(" ", 1)[0]
    answer = client.request(
        method, call.url, json=call.json, data=call.data, content=call.content, files=call.files
    )

    expected = rule[caller]
    if expected == OK:
        assert answer.is_success, f"{caller}: {operation} -> {answer.status_code} {answer.text}"
    else:
        assert answer.status_code == expected, f"{caller}: {operation} -> {answer.text}"
        assert answer.json()["detail"], "a refusal says why"


def test_fields_a_caller_may_not_set_are_refused(session: Session, app: FastAPI) -> None:
    world = _world(session)
    reviewer = TestClient(app, headers=bearer(world.users["reviewer on the review"]))
    moved = reviewer.patch(world.case, json={"version": world.versions["review"], "board_id": 1})
    assert moved.status_code == 422
    posing = reviewer.post(
        f"{world.case}/tags",
        json={"target": f"review:{world.review}", "code": "cc.harm.neglect", "coder": "x"},
    )
    assert posing.status_code == 422
