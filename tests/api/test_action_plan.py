"""The Board's action plan across its reviews: filters, who manages it, 409, downloads."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlmodel import Session

from scr.account.models import User
from scr.board.models import Board
from scr.review.models import Review
from scr.vocabulary import ReviewStatus, Role
from tests.api.exchange_world import lines_of
from tests.factories import agency_id, make_board, make_finding, make_review, make_user
from tests.responses import ok

LONG_AGO = (date.today() - timedelta(days=3650)).isoformat()
FAR_AHEAD = (date.today() + timedelta(days=3650)).isoformat()
Clients = Callable[[User], TestClient]


def _reviewed(session: Session, board: Board, reference: str, *, published: bool) -> Review:
    review = make_review(session, board, reference=reference)
    finding = make_finding(
        session,
        review,
        title="Escalation",
        questions=[
            {
                "question": "How does the Board know disagreements are escalated?",
                "actions": [
                    {"description": "Audit escalations", "due_date": LONG_AGO},
                    {
                        "description": "Refresh the escalation policy",
                        "due_date": LONG_AGO,
                        "status": "completed",
                    },
                    {"description": "Train team managers", "due_date": FAR_AHEAD},
                ],
            }
        ],
    )
    finding.questions[0].actions[1].agency_id = agency_id(session)  # the Board's to set
    if published:
        review.status = ReviewStatus.published
    session.flush()
    return review


def _plan(session: Session) -> tuple[Board, Review, Review, Board]:
    board, other = make_board(session), make_board(session)
    published = _reviewed(session, board, "PLAN-1", published=True)
    drafting = _reviewed(session, board, "PLAN-2", published=False)
    _reviewed(session, other, "ELSEWHERE-1", published=True)
    return board, published, drafting, other


def test_the_plan_lists_every_action_of_the_boards_reviews_and_filters_them(
    session: Session, client_as: Clients
) -> None:
    board, published, _, _ = _plan(session)
    member = client_as(make_user(session, Role.board, board=board))
    url = f"/api/v1/boards/{board.id}/actions"

    every = ok(member.get(url))
    assert every["total"] == 6
    assert {i["review_reference"] for i in every["items"]} == {"PLAN-1", "PLAN-2"}
    overdue = ok(member.get(url, params={"overdue": "true"}))
    assert overdue["total"] == 2
    assert {i["description"] for i in overdue["items"]} == {"Audit escalations"}
    assert all(i["overdue"] for i in overdue["items"])
    assert ok(member.get(url, params={"overdue": "false"}))["total"] == 4
    assert ok(member.get(url, params={"status": "completed"}))["total"] == 2
    by_agency = ok(member.get(url, params={"agency_id": agency_id(session)}))
    assert [i["agency_name"] for i in by_agency["items"]] == ["Health visiting"] * 2
    one_review = ok(member.get(url, params={"review_id": published.id}))
    assert {i["review_reference"] for i in one_review["items"]} == {"PLAN-1"}


def test_another_boards_member_finds_neither_the_plan_nor_its_actions(
    session: Session, client_as: Clients
) -> None:
    board, _, _, other = _plan(session)
    outsider = client_as(make_user(session, Role.board, board=other))
    mine = client_as(make_user(session, Role.board, board=board))
    action = ok(mine.get(f"/api/v1/boards/{board.id}/actions"))["items"][0]

    assert outsider.get(f"/api/v1/boards/{board.id}/actions").status_code == 404
    # Through their own board's address, another board's action is not found either.
    patch = {"version": action["version"], "status": "dropped"}
    moved = outsider.patch(f"/api/v1/boards/{other.id}/actions/{action['id']}", json=patch)
    assert moved.status_code == 404
    noted = outsider.post(
        f"/api/v1/boards/{other.id}/actions/{action['id']}/notes",
        json={"noted_on": "2026-01-05", "note": "Done."},
    )
    assert noted.status_code == 404
    question = outsider.patch(
        f"/api/v1/boards/{other.id}/questions/{action['question_id']}",
        json={"version": action["question_version"], "board_response": "Ours now."},
    )
    assert question.status_code == 404
    own = ok(outsider.get(f"/api/v1/boards/{other.id}/actions"))
    assert {i["review_reference"] for i in own["items"]} == {"ELSEWHERE-1"}


def test_a_reviewer_sees_only_their_reviews_actions_and_changes_none(
    session: Session, client_as: Clients
) -> None:
    board, published, _, _ = _plan(session)
    reviewer = client_as(make_user(session, Role.reviewer, leads=(published,)))
    seen = ok(reviewer.get(f"/api/v1/boards/{board.id}/actions"))
    assert {i["review_reference"] for i in seen["items"]} == {"PLAN-1"}
    action = seen["items"][0]
    patch = {"version": action["version"], "status": "dropped"}
    refused = reviewer.patch(f"/api/v1/boards/{board.id}/actions/{action['id']}", json=patch)
    assert refused.status_code == 403
    national = client_as(make_user(session, Role.national))
    assert national.get(f"/api/v1/boards/{board.id}/actions").status_code == 403


def test_a_board_member_updates_a_published_reviews_action_and_a_stale_edit_answers_409(
    session: Session, client_as: Clients
) -> None:
    board, published, _, _ = _plan(session)
    member = client_as(make_user(session, Role.board, board=board))
    url = f"/api/v1/boards/{board.id}/actions"
    action = ok(member.get(url, params={"overdue": "true", "review_id": published.id}))
    action = action["items"][0]

    changed = member.patch(
        f"{url}/{action['id']}",
        json={
            "version": action["version"],
            "status": "in_progress",
            "owner_role": "Head of service",
            "due_date": FAR_AHEAD,
        },
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["overdue"] is False
    assert changed.json()["version"] == action["version"] + 1
    stale = member.patch(
        f"{url}/{action['id']}", json={"version": action["version"], "status": "dropped"}
    )
    assert stale.status_code == 409
    assert stale.json()["current"]["status"] == "in_progress"

    noted = member.post(
        f"{url}/{action['id']}/notes",
        json={"noted_on": "2026-02-01", "note": "Audit of 40 escalations begun."},
    )
    assert noted.status_code == 201
    assert [n["note"] for n in noted.json()["notes"]] == ["Audit of 40 escalations begun."]
    assert noted.json()["version"] == action["version"] + 1, "a note is no edit of the action"

    answered = member.patch(
        f"/api/v1/boards/{board.id}/questions/{action['question_id']}",
        json={"version": action["question_version"], "board_response": "The Board accepts."},
    )
    assert answered.status_code == 200
    added = member.post(
        f"/api/v1/boards/{board.id}/questions/{action['question_id']}/actions",
        json={"description": "Report to the Board in March", "agency_id": agency_id(session)},
    )
    assert added.status_code == 201
    assert added.json()["ordinal"] == 4
    assert added.json()["board_response"] == "The Board accepts."


def test_until_a_review_is_published_its_actions_are_the_reviewers_to_write(
    session: Session, client_as: Clients
) -> None:
    board, _, drafting, _ = _plan(session)
    member = client_as(make_user(session, Role.board, board=board))
    url = f"/api/v1/boards/{board.id}/actions"
    action = ok(member.get(url, params={"review_id": drafting.id}))["items"][0]
    refused = member.patch(
        f"{url}/{action['id']}", json={"version": action["version"], "status": "dropped"}
    )
    assert refused.status_code == 409
    assert "not published yet" in refused.json()["detail"]
    again = ok(member.get(url, params={"review_id": drafting.id}))["items"][0]
    assert again["status"] == "planned"


def test_an_agency_of_another_boards_list_is_refused(session: Session, client_as: Clients) -> None:
    board, published, _, other = _plan(session)
    admin = client_as(make_user(session, Role.admin))
    theirs = ok(
        admin.post(
            "/api/v1/agencies",
            json={"code": "their-own", "name": "Their own", "board_id": other.id},
        )
    )
    member = client_as(make_user(session, Role.board, board=board))
    url = f"/api/v1/boards/{board.id}/actions"
    action = ok(member.get(url, params={"review_id": published.id}))["items"][0]
    refused = member.patch(
        f"{url}/{action['id']}", json={"version": action["version"], "agency_id": theirs["id"]}
    )
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["loc"] == ["body", "agency_id"]


def test_the_plan_downloads_as_csv_and_xlsx_with_every_action(
    session: Session, client_as: Clients
) -> None:
    board, _, _, _ = _plan(session)
    member = client_as(make_user(session, Role.board, board=board))
    url = f"/api/v1/boards/{board.id}/actions"

    as_csv = member.get(url, params={"format": "csv", "limit": 1})
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert len(rows) == 6
    assert sorted(r["Overdue"] for r in rows) == ["", "", "", "", "yes", "yes"]

    as_xlsx = member.get(url, params={"format": "xlsx", "overdue": "true"})
    assert as_xlsx.headers["content-disposition"].endswith('-action-plan.xlsx"')
    sheet = load_workbook(io.BytesIO(as_xlsx.content)).active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:3] == ("Review", "Finding", "Question")
    assert [v[4] for v in values[1:]] == ["Audit escalations", "Audit escalations"]


def _national_line(national: TestClient, reference: str) -> dict[str, Any]:
    answer = national.get("/api/v1/exports/national")
    assert answer.status_code == 200, answer.text
    (line,) = [
        one
        for one in lines_of(answer.content)
        if one.get("type") == "review" and one["review"]["reference"] == reference
    ]
    return line


def test_what_the_board_changes_after_publication_reaches_the_national_export(
    session: Session, client_as: Clients
) -> None:
    board, published, _, _ = _plan(session)
    member = client_as(make_user(session, Role.board, board=board))
    national = client_as(make_user(session, Role.national))
    before = _national_line(national, "PLAN-1")
    url = f"/api/v1/boards/{board.id}/actions"
    action = ok(member.get(url, params={"review_id": published.id}))["items"][0]
    changed = member.patch(
        f"{url}/{action['id']}", json={"version": action["version"], "status": "in_progress"}
    )
    assert changed.status_code == 200, changed.text
    answered = member.patch(
        f"/api/v1/boards/{board.id}/questions/{action['question_id']}",
        json={"version": action["question_version"], "board_response": "The Board accepts."},
    )
    assert answered.status_code == 200, answered.text

    after = _national_line(national, "PLAN-1")
    # A new revision of the review, which an importing instance takes in place of the old.
    assert after["source"]["revision"] > before["source"]["revision"]
    (question,) = after["findings"][0]["questions"]
    assert question["board_response"] == "The Board accepts."
    described = {a["description"]: a["status"] for a in question["actions"]}
    assert described[action["description"]] == "in_progress"
