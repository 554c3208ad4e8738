"""The audit trail: every read, change and export of case data is attributed, and tampering
with the trail in the database is found by ``scr audit verify``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import Session, select
from typer.testing import CliRunner

from scr.account.models import User
from scr.audit import service as audit_service
from scr.audit.models import AuditEntry
from scr.cli import app as cli
from scr.db import session_scope
from scr.vocabulary import AuditAction, Role
from tests.factories import make_factor, make_review, make_user

runner = CliRunner()


def _trail(session: Session, **filters: object) -> list[tuple[str, str, int | None, int | None]]:
    entries, _ = audit_service.list_(
        session=session, filters=audit_service.AuditFilters(**filters), limit=100, offset=0
    )
    return [(e.action.value, e.object_type, e.object_id, e.review_id) for e in reversed(entries)]


def test_reads_changes_and_exports_of_case_data_are_attributed(
    session: Session, client_as: Callable[[User], TestClient]
) -> None:
    review = make_review(session)
    factor = make_factor(session, review)
    user = make_user(session, Role.reviewer, reviews=(review,))
    reviewer = client_as(user)
    case = f"/api/v1/reviews/{review.id}"

    read = reviewer.get(case, headers={"X-Request-ID": "meeting-prep-1"})
    assert read.headers["x-request-id"] == "meeting-prep-1"
    changed = reviewer.patch(
        f"{case}/factors/{factor.id}", json={"version": factor.version, "detail": "More."}
    )
    assert changed.status_code == 200
    assert reviewer.get(f"{case}/export").status_code == 200
    assert reviewer.get(f"{case}/analysis").status_code == 200
    assert reviewer.get(f"{case}/graph", params={"format": "graphml"}).status_code == 200
    assert reviewer.get(f"{case}/graph").status_code == 200  # JSON, as the workbench draws it
    reviewer.get("/api/v1/typologies")  # not case data: not audited

    assert _trail(session, actor=user.email) == [
        ("read", "reviews", review.id, review.id),
        ("update", "factors", factor.id, review.id),
        ("export", "reviews", review.id, review.id),
        ("read", "graph", None, review.id),
        ("export", "graph", None, review.id),
        ("read", "graph", None, review.id),
    ]
    tagged = session.exec(select(AuditEntry).where(AuditEntry.request_id == "meeting-prep-1"))
    assert [(e.actor, e.action) for e in tagged] == [(user.email, AuditAction.read)]


def test_a_refused_request_changes_nothing_and_leaves_no_entry(
    session: Session, client_as: Callable[[User], TestClient]
) -> None:
    review = make_review(session)
    outsider = make_user(session, Role.reviewer)
    assert client_as(outsider).get(f"/api/v1/reviews/{review.id}").status_code == 404
    assert _trail(session, actor=outsider.email) == []


def test_administrators_filter_the_trail_by_person_object_and_time(
    client: TestClient, session: Session, client_as: Callable[[User], TestClient]
) -> None:
    review, other = make_review(session), make_review(session)
    user = make_user(session, Role.reviewer, reviews=(review, other))
    reviewer = client_as(user)
    before = datetime.now(UTC) - timedelta(seconds=1)
    reviewer.get(f"/api/v1/reviews/{review.id}")
    reviewer.get(f"/api/v1/reviews/{other.id}/factors")

    def listed(**params: object) -> list[tuple[str, str | None, int | None]]:
        answer = client.get("/api/v1/audit", params=params)
        assert answer.status_code == 200, answer.text
        return [(e["actor"], e["object_type"], e["review_id"]) for e in answer.json()["items"]]

    assert listed(actor=user.email.upper()) == [
        (user.email, "factors", other.id),
        (user.email, "reviews", review.id),
    ]
    assert listed(actor=user.email, review_id=review.id) == [(user.email, "reviews", review.id)]
    assert listed(actor=user.email, object_type="factors") == [(user.email, "factors", other.id)]
    assert len(listed(actor=user.email, since=before.isoformat())) == 2
    assert listed(actor=user.email, until=before.isoformat()) == []
    # Only administrators read the trail.
    assert client_as(user).get("/api/v1/audit").status_code == 403


def _fill_trail(count: int) -> None:
    with session_scope() as session:
        for i in range(count):
            audit_service.record(
                session=session,
                actor=f"reviewer.{i}@example.org",
                action=AuditAction.read,
                object_type="reviews",
                object_id=1,
                review_id=1,
                request_id=f"request-{i}",
            )


def _rehash_entry_3(session: Session) -> None:
    entry = session.get(AuditEntry, 3)
    assert entry is not None
    entry.actor = "someone.else@example.org"
    entry.entry_hash = audit_service.entry_hash(entry)
    session.add(entry)


@pytest.mark.parametrize(
    ("tampering", "named"),
    [
        (
            "UPDATE audit_entry SET actor = 'someone.else@example.org' WHERE id = 3",
            "Entry 3 has been altered.",
        ),
        ("UPDATE audit_entry SET object_id = 2 WHERE id = 1", "Entry 1 has been altered."),
        ("DELETE FROM audit_entry WHERE id = 2", "Entry 2 has been removed"),
        ("DELETE FROM audit_entry WHERE id = 5", "entries after 4 have been removed"),
        (_rehash_entry_3, "Entry 3 or entry 4 has been altered"),
    ],
)
def test_editing_or_deleting_an_entry_in_the_database_is_found(
    scratch_database_url: str,
    configured_for: Callable[[str], None],
    tampering: str | Callable[[Session], None],
    named: str,
) -> None:
    configured_for(scratch_database_url)
    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0
    _fill_trail(5)
    intact = runner.invoke(cli, ["audit", "verify"])
    assert intact.exit_code == 0, intact.output
    assert "intact: 5 entries" in intact.output

    with session_scope() as session:
        if isinstance(tampering, str):
            session.execute(text(tampering))
        else:
            tampering(session)
    found = runner.invoke(cli, ["audit", "verify"])
    assert found.exit_code == 1
    assert named in found.output
