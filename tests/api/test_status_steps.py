"""A review's status moves only through the guarded steps: no request opens a review beyond
scoping, and a scr-review/1 file marked published (or draft) is imported at that status only
if it passes, here, the same checks and identifier scan as a change through the API."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select
from typer.testing import CliRunner

from scr.cli import app as cli
from scr.review.models import Review
from scr.vocabulary import ReviewStatus
from tests.api.exchange_world import lines_of
from tests.factories import make_board
from tests.responses import ok

BEYOND_SCOPING = [s.value for s in ReviewStatus if s != ReviewStatus.scoping]


def _opening(board_id: int, **extra: Any) -> dict[str, Any]:
    return {
        "board_id": board_id,
        "reference": "STEP-2025-01",
        "child_pseudonym": "Child Q",
        "review_type": "rapid_review",
    } | extra


def _reviews_of(session: Session, board_id: int) -> list[Review]:
    session.expire_all()
    return list(session.exec(select(Review).where(Review.board_id == board_id)))


@pytest.mark.parametrize("status", BEYOND_SCOPING)
def test_a_review_cannot_be_opened_beyond_scoping(
    client: TestClient, session: Session, status: str
) -> None:
    board = make_board(session)
    answer = client.post("/api/v1/reviews", json=_opening(board.id, status=status))
    assert answer.status_code == 422, answer.text
    body = answer.json()
    assert body["errors"][0]["field"] == "status"
    assert "opened at scoping" in body["detail"]
    assert "guarded steps" in body["detail"]
    assert _reviews_of(session, board.id) == []


@pytest.mark.parametrize("status", [None, "PUBLISHED", "published ", 5, ["published"], {}])
def test_a_status_written_another_way_is_refused_too(
    client: TestClient, session: Session, status: Any
) -> None:
    board = make_board(session)
    answer = client.post("/api/v1/reviews", json=_opening(board.id, status=status))
    assert answer.status_code == 422, answer.text
    assert "opened at scoping" in answer.json()["detail"]
    assert _reviews_of(session, board.id) == []


@pytest.mark.parametrize("sent", [{}, {"status": "scoping"}])
def test_a_review_opens_at_scoping(client: TestClient, session: Session, sent: Any) -> None:
    board = make_board(session)
    answer = client.post("/api/v1/reviews", json=_opening(board.id, **sent))
    assert answer.status_code == 201, answer.text
    assert answer.json()["status"] == "scoping"


def test_the_api_document_offers_only_scoping_when_opening_a_review(client: TestClient) -> None:
    schemas = ok(client.get("/api/v1/openapi.json"))["components"]["schemas"]
    assert schemas["ReviewCreate"]["properties"]["status"]["const"] == "scoping"
    assert "status" in schemas["ReviewFileFields"]["properties"]


# A scr-review/1 file whose review passes the completeness checks (it has chronology only).
_ENTRY = "Health visitor 1 visited the family at home; Child P was asleep."


def _file(reference: str, status: str, **changes: Any) -> dict[str, Any]:
    file: dict[str, Any] = {
        "format": "scr-review/1",
        "board": {"name": "Fenwold Partnership", "code": "FENWOLD", "region": "east_midlands"},
        "review": {
            "reference": reference,
            "child_pseudonym": "Child P",
            "review_type": "local_child_safeguarding_practice_review",
            "status": status,
            "publication_date": "2024-05-01",
            "case_summary": "Child P, aged two, was admitted to hospital with injuries.",
        },
        "agencies": [{"id": 1, "code": "health-visiting", "name": "Health visiting"}],
        "chronology": [
            {"id": 1, "entry_date": "2023-02-01", "agency_id": 1, "summary": _ENTRY},
        ],
    }
    for part, value in changes.items():
        file[part] = value
    return file


def _national(client: TestClient) -> list[str]:
    answer = client.get("/api/v1/exports/national")
    assert answer.status_code == 200, answer.text
    return [line["review"]["reference"] for line in lines_of(answer.text) if "review" in line]


def test_a_published_file_that_passes_the_gate_is_published(client: TestClient) -> None:
    answer = client.post("/api/v1/reviews/import", json=_file("FEN-1", "published"))
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["status"] == "published"
    assert body["held_back"] is None
    assert body["publication_date"] == "2024-05-01"
    assert "FEN-1" in _national(client)


# Each way an identifier can sit in the file: (part of the file, what to put there).
PLANTED: dict[str, Callable[[dict[str, Any]], None]] = {
    "a chronology entry's NHS number": lambda f: f["chronology"][0].update(
        summary=f"{_ENTRY} NHS number 943 476 5919 was on the letter."
    ),
    "a chronology entry's postcode": lambda f: f["chronology"][0].update(
        summary=f"{_ENTRY} The family moved to NE1 4XF."
    ),
    "the case summary's phone number": lambda f: f["review"].update(
        case_summary="Mother rang the duty line from 07700 900123."
    ),
    "an e-mail address in the reason for review": lambda f: f["review"].update(
        reason_for_review="Referred by kayleigh.mum@example.com after the admission."
    ),
    "a date of birth written with a non-breaking space": lambda f: f["chronology"][0].update(
        summary=f"{_ENTRY} Child P was born on 3\u00a0March\u00a02021."
    ),
}


@pytest.mark.parametrize("where", list(PLANTED))
def test_a_published_file_holding_an_identifier_is_imported_as_draft(
    client: TestClient, session: Session, where: str
) -> None:
    file = _file("FEN-2", "published")
    PLANTED[where](file)
    answer = client.post("/api/v1/reviews/import", json=file)
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["status"] == "draft"
    assert "cannot be published" in body["held_back"]
    assert "identifier" in body["held_back"]
    stored = session.get(Review, body["id"])
    assert stored is not None
    session.refresh(stored)
    assert stored.status == ReviewStatus.draft
    assert stored.cleared_revision is None
    assert "FEN-2" not in _national(client)


def test_a_published_file_failing_the_checks_stands_at_findings(client: TestClient) -> None:
    episodes = [{"id": 1, "title": "The first home visit"}]
    answer = client.post(
        "/api/v1/reviews/import", json=_file("FEN-3", "published", episodes=episodes)
    )
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["status"] == "findings"
    assert "blocking" in body["held_back"]
    assert body["checks_override_reason"] is None
    assert "FEN-3" not in _national(client)


def test_a_draft_file_failing_the_checks_stands_at_findings(client: TestClient) -> None:
    episodes = [{"id": 1, "title": "The first home visit"}]
    answer = client.post("/api/v1/reviews/import", json=_file("FEN-4", "draft", episodes=episodes))
    assert answer.status_code == 201, answer.text
    assert answer.json()["status"] == "findings"


@pytest.mark.parametrize("status", ["scoping", "gathering", "analysis", "findings", "archived"])
def test_a_file_at_an_unguarded_step_keeps_it(client: TestClient, status: str) -> None:
    answer = client.post("/api/v1/reviews/import", json=_file(f"FEN-{status}", status))
    assert answer.status_code == 201, answer.text
    assert answer.json()["status"] == status
    assert answer.json()["held_back"] is None


def test_the_command_line_imports_a_published_file_with_an_identifier_as_draft(
    scratch_database_url: str, configured_for: Callable[[str], None], tmp_path: Path
) -> None:
    configured_for(scratch_database_url)
    runner = CliRunner()
    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0
    file = _file("FEN-5", "published")
    PLANTED["a chronology entry's postcode"](file)
    path = tmp_path / "review.json"
    path.write_text(json.dumps(file))
    result = runner.invoke(cli, ["review", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "(draft)" in result.output
    assert "cannot be published" in result.output
    exported = json.loads(runner.invoke(cli, ["review", "export", "1"]).output)
    assert exported["review"]["status"] == "draft"
