"""Requests sent at once, as the workbench sends them, on a database that commits for real.

Every read of a review is audited, so every request writes (a read's entry in a short
transaction after it). On SQLite a transaction that has read and then writes cannot go on once
another has committed in between: the service must queue its writers rather than answer "the
database is busy".
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from fastapi.testclient import TestClient
from sqlmodel import col, func, select
from typer.testing import CliRunner

from api.main import create_app
from scr.audit.models import AuditEntry
from scr.cli import app as cli
from scr.db import session_scope
from scr.vocabulary import AuditAction, Role
from tests.factories import bearer, make_factor, make_review, make_user

runner = CliRunner()
READS = 48


def test_reads_and_changes_sent_at_once_are_all_answered_and_all_audited(
    scratch_database_url: str, configured_for: Callable[[str], None]
) -> None:
    configured_for(scratch_database_url)
    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0
    with session_scope() as session:
        review = make_review(session)
        make_factor(session, review)
        reviewer = make_user(session, Role.reviewer, reviews=(review,))
        review_id, headers = review.id, bearer(reviewer)
    client = TestClient(create_app(check_migrations=False))

    def send(n: int) -> int:
        if n % 6 == 5:  # a change now and then, among the reads
            answer = client.post(
                f"/api/v1/reviews/{review_id}/factors",
                headers=headers,
                json={"description": f"Factor sent at once, number {n}", "level": "own_team"},
            )
        else:
            answer = client.get(f"/api/v1/reviews/{review_id}/factors", headers=headers)
        return answer.status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(send, range(READS)))

    changes = READS // 6
    assert sorted(statuses) == sorted([200] * (READS - changes) + [201] * changes)
    with session_scope() as session:
        audited = session.exec(
            select(AuditEntry.action, func.count())
            .where(col(AuditEntry.review_id) == review_id)
            .group_by(col(AuditEntry.action))
        ).all()
    assert dict(audited) == {AuditAction.read: READS - changes, AuditAction.create: changes}
