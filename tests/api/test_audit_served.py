"""In the server as it runs (its own sessions, not the tests'): a read, a change and a
refused read are each recorded once with who, what, which record and the request's id, and
a change that failed is not recorded."""

from __future__ import annotations

from collections.abc import Callable

import httpx
from sqlmodel import col, select
from typer.testing import CliRunner

from scr.audit.models import AuditEntry
from scr.cli import app as cli
from scr.db import session_scope
from scr.vocabulary import AuditAction, Role
from tests.factories import bearer, make_review, make_user
from tests.served import served

runner = CliRunner()


def test_reads_changes_and_refusals_are_recorded_as_they_happen(
    scratch_database_url: str, configured_for: Callable[[str], None]
) -> None:
    configured_for(scratch_database_url)
    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0
    with session_scope() as session:
        own, other = make_review(session), make_review(session)
        user = make_user(session, Role.reviewer, leads=(own,))
        email, own_id, other_id, headers = user.email, own.id, other.id, bearer(user)
    factor = {"description": "Supervision was not available.", "level": "own_team"}
    with served() as app, httpx.Client(base_url=app.base, headers=headers) as client:

        def send(method: str, path: str, request_id: str, **body: object) -> int:
            sent = client.request(method, path, headers={"X-Request-ID": request_id}, **body)
            return sent.status_code

        assert send("GET", f"/api/v1/reviews/{own_id}/factors", "read-1") == 200
        assert send("POST", f"/api/v1/reviews/{own_id}/factors", "change-1", json=factor) == 201
        assert send("POST", f"/api/v1/reviews/{own_id}/factors", "failed-1", json={}) == 422
        assert send("GET", f"/api/v1/reviews/{other_id}", "refused-1") == 404
    with session_scope() as session:
        made = session.exec(select(AuditEntry).order_by(col(AuditEntry.id))).all()
        rows = [
            (e.actor, e.action, e.object_type, e.review_id, e.request_id, e.at is not None)
            for e in made
        ]
    assert rows == [
        (email, AuditAction.read, "factors", own_id, "read-1", True),
        (email, AuditAction.create, "factors", own_id, "change-1", True),
        (email, AuditAction.refused, "reviews", other_id, "refused-1", True),
    ]
