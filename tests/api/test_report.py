"""The report over HTTP: each format with its content type, a draft until published, an
unknown format refused in words, another board's review not found, and each report audited
as an export of case data."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

import docx
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from scr.account.models import User
from scr.audit.models import AuditEntry
from scr.finding.models import BoardAction
from scr.vocabulary import Role
from tests.factories import make_board, make_finding, make_review, make_user


def test_the_report_in_each_format(
    session: Session, client_as: Callable[[User], TestClient]
) -> None:
    review = make_review(session, case_summary="A baby was seriously harmed at home.")
    make_finding(session, review, title="Appointments are seen one at a time")
    lead = make_user(session, Role.reviewer, leads=(review,))
    client = client_as(lead)
    url = f"/api/v1/reviews/{review.id}/report"

    html = client.get(url)
    assert html.status_code == 200, html.text
    assert html.headers["content-type"] == "text/html; charset=utf-8"
    assert html.headers["content-disposition"].startswith("inline;")
    assert '<p class="draft-mark">DRAFT</p>' in html.text
    assert "Finding 1: Appointments are seen one at a time" in html.text

    word = client.get(url, params={"format": "docx"})
    assert word.status_code == 200
    assert word.headers["content-disposition"] == (
        f'attachment; filename="{review.reference}-report-draft.docx"'
    )
    document = docx.Document(io.BytesIO(word.content))
    assert "Finding 1: Appointments are seen one at a time" in [p.text for p in document.paragraphs]

    pdf = client.get(url, params={"format": "pdf"})
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")

    refused = client.get(url, params={"format": "xlsx"})
    assert refused.status_code == 422
    assert "html" in refused.text

    audited = session.exec(
        select(AuditEntry).where(AuditEntry.actor == lead.email, AuditEntry.review_id == review.id)
    ).all()
    assert [e.action for e in audited].count("export") == 3


def test_another_boards_review_has_no_report(
    session: Session, client_as: Callable[[User], TestClient]
) -> None:
    review = make_review(session)
    elsewhere = make_user(session, Role.board, board=make_board(session))
    answer = client_as(elsewhere).get(f"/api/v1/reviews/{review.id}/report")
    assert answer.status_code == 404
    assert not session.exec(
        select(AuditEntry).where(
            col(AuditEntry.actor) == elsewhere.email, AuditEntry.action == "export"
        )
    ).all()


def test_the_boards_response_once_recorded(
    session: Session, client_as: Callable[[User], TestClient]
) -> None:
    review = make_review(session)
    finding = make_finding(
        session,
        review,
        title="Appointments are seen one at a time",
        questions=[{"question": "Who sees the pattern?"}, {"question": "How would we know?"}],
    )
    client = client_as(make_user(session, Role.reviewer, leads=(review,)))
    url = f"/api/v1/reviews/{review.id}/response"
    early = client.get(url)
    assert early.status_code == 409
    assert "has not yet responded" in early.json()["detail"]

    question = finding.questions[0]
    question.board_response = "The partnership accepts the finding."
    question.response_date = date(2026, 11, 2)
    question.actions.append(
        BoardAction(ordinal=1, description="Audit missed appointments.", owner_role="Head of QA")
    )
    session.flush()
    html = client.get(url)
    assert html.status_code == 200, html.text
    assert "The Board&#x27;s response to the local child safeguarding" in html.text
    text = " ".join(html.text.split())
    for part in (
        "Finding 1: Appointments are seen one at a time",
        "Question 1.1: Who sees the pattern?",
        "The partnership accepts the finding.",
        "Responded 2 November 2026.",
        "Audit missed appointments.",
        "Question 1.2: How would we know?",
        "The Board has not yet responded to this question.",
    ):
        assert part in text
        text = text[text.index(part) :]
    word = client.get(url, params={"format": "docx"})
    assert word.headers["content-disposition"] == (
        f'attachment; filename="{review.reference}-board-response-draft.docx"'
    )
    cells = [c.text for t in docx.Document(io.BytesIO(word.content)).tables for c in t._cells]
    assert "Audit missed appointments." in cells
