"""The audit trail: every read, change and export of case data is attributed, and tampering
with the trail in the database is found by ``scr audit verify``."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import Session, func, select
from typer.testing import CliRunner

from api import deps, refusals
from api.refusals import REFUSALS_PER_MINUTE
from scr.account.models import User
from scr.audit import service as audit_service
from scr.audit.models import AuditEntry, AuditHead
from scr.audit.sealer import seal_all
from scr.board.models import Board
from scr.cli import app as cli
from scr.config import audit_key, get_settings
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


@pytest.fixture
def refusals_counted_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(deps, "_refusals", refusals.Limiter(REFUSALS_PER_MINUTE))


def test_a_refused_request_changes_nothing_and_leaves_only_its_refusal(
    session: Session, client_as: Callable[[User], TestClient], refusals_counted_afresh: None
) -> None:
    review = make_review(session)
    factor = make_factor(session, review)
    outsider = make_user(session, Role.reviewer)
    board = make_user(session, Role.board, board=session.get(Board, review.board_id))
    case = f"/api/v1/reviews/{review.id}"
    assert client_as(outsider).get(case).status_code == 404
    assert client_as(board).delete(f"{case}/factors/{factor.id}").status_code == 403
    assert TestClient(client_as(outsider).app).get(case).status_code == 401
    assert _trail(session, actor=outsider.email) == [("refused", "reviews", None, review.id)]
    assert _trail(session, actor=board.email) == [("refused", "reviews", None, review.id)]
    assert _trail(session, actor="anonymous@testclient") == [
        ("refused", "reviews", None, review.id)
    ]
    assert session.get(type(factor), factor.id) is not None


def test_a_request_that_failed_otherwise_leaves_no_entry(
    session: Session, client_as: Callable[[User], TestClient]
) -> None:
    review = make_review(session)
    factor = make_factor(session, review)
    user = make_user(session, Role.reviewer, reviews=(review,))
    stale = {"version": factor.version + 5, "detail": "More."}
    answer = client_as(user).patch(f"/api/v1/reviews/{review.id}/factors/{factor.id}", json=stale)
    assert answer.status_code == 409
    assert _trail(session, actor=user.email) == []


def test_refusals_are_recorded_only_up_to_a_rate_so_they_cannot_flood_the_trail(
    session: Session, client_as: Callable[[User], TestClient], refusals_counted_afresh: None
) -> None:
    outsider = make_user(session, Role.reviewer)
    prober = client_as(outsider)
    for review_id in range(1000, 1000 + REFUSALS_PER_MINUTE + 15):
        assert prober.get(f"/api/v1/reviews/{review_id}").status_code == 404
    assert len(_trail(session, actor=outsider.email)) == REFUSALS_PER_MINUTE
    other = make_user(session, Role.reviewer)  # counted apart
    assert client_as(other).get("/api/v1/reviews/999").status_code == 404
    assert len(_trail(session, actor=other.email)) == 1


def test_figures_files_the_audit_and_the_token_list_are_recorded_when_read(
    session: Session, client_as: Callable[[User], TestClient]
) -> None:
    review = make_review(session)
    board = make_user(session, Role.board, board=session.get(Board, review.board_id))
    member = client_as(board)
    for path, params in [
        ("/api/v1/patterns/frequencies", {}),
        ("/api/v1/patterns/cooccurrence", {}),
        ("/api/v1/patterns/cooccurrence", {"format": "graphml"}),
        ("/api/v1/patterns/chains", {}),
        ("/api/v1/exports/aggregates.csv", {}),
        ("/api/v1/exports/network.graphml", {}),
    ]:
        answer = member.get(path, params=params)
        assert answer.status_code == 200, (path, answer.text)
    assert _trail(session, actor=board.email) == [
        ("read", "patterns", None, None),
        ("read", "patterns", None, None),
        ("export", "patterns", None, None),
        ("read", "patterns", None, None),
        ("export", "exchange", None, None),
        ("export", "exchange", None, None),
    ]
    admin = make_user(session, Role.admin)
    client = client_as(admin)
    assert client.get("/api/v1/audit").status_code == 200
    assert client.get("/api/v1/auth/tokens").status_code == 200
    assert _trail(session, actor=admin.email)[-2:] == [
        ("read", "audit", None, None),
        ("read", "auth", None, None),
    ]


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


def _sealed(session: Session, seq: int) -> AuditEntry:
    entry = session.exec(select(AuditEntry).where(AuditEntry.seq == seq)).one()
    return entry


def _rechain_from(session: Session, seq: int, key: bytes) -> None:
    """Recompute every hash from ``seq`` on, and the head, as someone with database access
    would: with ``key``, which is not the trail's."""
    previous = _sealed(session, seq - 1).entry_hash if seq > 1 else audit_service.GENESIS
    last = session.exec(select(func.max(AuditEntry.seq))).one() or 0
    for n in range(seq, last + 1):
        entry = _sealed(session, n)
        entry.entry_hash = audit_service.entry_hash(entry, previous_hash=previous or "", key=key)
        previous = entry.entry_hash
        session.add(entry)
    head = session.get(AuditHead, 1)
    assert head is not None
    head.last_seq, head.last_hash = last, previous or ""
    session.add(head)
    session.flush()


def _rewrite_entry_3_and_rechain(session: Session) -> None:
    entry = _sealed(session, 3)
    entry.actor = "someone.else@example.org"
    session.add(entry)
    # Without the key an attacker can at best guess one; an unkeyed chain (an empty key)
    # would accept this.
    _rechain_from(session, 3, key=b"")


def _delete_entry_3_renumber_and_rechain(session: Session) -> None:
    session.delete(_sealed(session, 3))
    session.flush()
    for n in (4, 5):
        entry = _sealed(session, n)
        entry.seq = n - 1
        session.add(entry)
        session.flush()
    _rechain_from(session, 3, key=hashlib.sha256(b"a guessed key").digest())


def _swap_entries_2_and_3(session: Session) -> None:
    for step in ("-1 WHERE seq = 2", "2 WHERE seq = 3", "3 WHERE seq = -1"):
        session.execute(text(f"UPDATE audit_entry SET seq = {step}"))


@pytest.mark.parametrize(
    ("tampering", "named"),
    [
        (
            "UPDATE audit_entry SET actor = 'someone.else@example.org' WHERE seq = 3",
            "Entry 3 has been altered.",
        ),
        ("UPDATE audit_entry SET object_id = 2 WHERE seq = 1", "Entry 1 has been altered."),
        ("UPDATE audit_entry SET at = '2020-01-01 00:00:00' WHERE seq = 4", "Entry 4 has been"),
        ("DELETE FROM audit_entry WHERE seq = 2", "Entry 2 has been removed"),
        ("DELETE FROM audit_entry WHERE seq = 5", "entries after 4 have been removed"),
        (_swap_entries_2_and_3, "Entry 2 has been altered."),
        (_rewrite_entry_3_and_rechain, "Entry 3 has been altered."),
        (_delete_entry_3_renumber_and_rechain, "Entry 3 has been altered."),
    ],
)
def test_editing_deleting_reordering_or_rechaining_an_entry_is_found(
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

    with session_scope(writer=True) as session:
        if isinstance(tampering, str):
            session.execute(text(tampering))
        else:
            tampering(session)
    found = runner.invoke(cli, ["audit", "verify"])
    assert found.exit_code == 1, found.output
    assert named in found.output


def test_the_chain_is_keyed_and_entries_written_meanwhile_are_sealed_after(
    scratch_database_url: str, configured_for: Callable[[str], None]
) -> None:
    configured_for(scratch_database_url)
    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0
    _fill_trail(3)
    key = audit_key(get_settings())
    assert seal_all(key=key) == 3
    _fill_trail(2)  # written after the seal: the next round seals them, in order
    assert seal_all(key=key) == 2
    with session_scope() as session:
        assert [e.seq for e in session.exec(select(AuditEntry).order_by(AuditEntry.id))] == [
            1, 2, 3, 4, 5,
        ]  # fmt: skip
        assert audit_service.verify(session=session, key=key).problem is None
        wrong = audit_service.verify(session=session, key=b"x" * 32)
    assert wrong.problem == "Entry 1 has been altered."
