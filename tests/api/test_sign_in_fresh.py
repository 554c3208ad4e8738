"""The account behind an access token is read afresh at every request, in the server as it
runs: an account disabled, given another role or board, or taken off a review, is refused or
served under its new access at its very next request, with the same token."""

from __future__ import annotations

from collections.abc import Callable

import httpx
from sqlmodel import Session, delete
from typer.testing import CliRunner

from scr.account.models import ReviewAssignment, User
from scr.cli import app as cli
from scr.db import session_scope
from scr.vocabulary import Role
from tests.factories import bearer, make_board, make_review, make_user
from tests.responses import ok
from tests.served import served

runner = CliRunner()


def _change(user_id: int, change: Callable[[Session, User], None]) -> None:
    """Change the account in a transaction of its own, as another process would."""
    with session_scope(writer=True) as session:
        user = session.get(User, user_id)
        assert user is not None
        change(session, user)


def test_a_change_to_an_account_applies_at_its_next_request(
    scratch_database_url: str, configured_for: Callable[[str], None]
) -> None:
    configured_for(scratch_database_url)
    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0
    with session_scope() as session:
        first, second = make_board(session), make_board(session)
        own, elsewhere = make_review(session, first), make_review(session, second)
        user = make_user(session, Role.reviewer, leads=(own,))
        ids = (user.id, own.id, elsewhere.id, second.id)
        headers = bearer(user)
    user_id, own_id, elsewhere_id, second_id = ids
    assert user_id is not None
    with served() as app, httpx.Client(base_url=app.base, headers=headers) as client:
        me = ok(client.get("/api/v1/auth/me"))
        assert (me["role"], me["reviews"], me["leads"]) == ("reviewer", [own_id], [own_id])
        assert client.get(f"/api/v1/reviews/{own_id}").status_code == 200
        assert client.get(f"/api/v1/reviews/{elsewhere_id}").status_code == 404

        _change(user_id, lambda s, _u: s.exec(delete(ReviewAssignment)))  # type: ignore[call-overload]
        assert client.get(f"/api/v1/reviews/{own_id}").status_code == 404
        assert ok(client.get("/api/v1/auth/me"))["reviews"] == []

        def to_board_member(_s: Session, u: User) -> None:
            u.role, u.board_id = Role.board, second_id

        _change(user_id, to_board_member)
        me = ok(client.get("/api/v1/auth/me"))
        assert (me["role"], me["board_id"]) == ("board", second_id)
        assert client.get(f"/api/v1/reviews/{elsewhere_id}").status_code == 200
        factor = {"description": "Supervision was not available.", "level": "own_team"}
        refused = client.post(f"/api/v1/reviews/{elsewhere_id}/factors", json=factor)
        assert refused.status_code == 403

        def disable(_s: Session, u: User) -> None:
            u.disabled = True

        _change(user_id, disable)
        for path in ("/api/v1/auth/me", f"/api/v1/reviews/{elsewhere_id}"):
            answer = client.get(path)
            assert answer.status_code == 401
            assert answer.json()["detail"] == (
                "Your sign-in is not valid or has expired. Please sign in again."
            )
