from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from scr.account import security
from scr.account import service as account_service
from scr.config import get_settings
from scr.errors import Conflict, InvalidInput
from scr.vocabulary import Role
from tests.factories import make_board

SECRET = "a-test-secret-that-is-long-enough-to-sign-with-1234"
PASSWORD = "a long enough password"


@pytest.fixture(autouse=True)
def secret(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("SCR_SECRET_KEY", SECRET)
    get_settings.cache_clear()
    yield
    monkeypatch.delenv("SCR_SECRET_KEY")
    get_settings.cache_clear()


def _sign_in(client: TestClient, email: str, password: str) -> object:
    return client.post("/api/v1/auth/token", data={"username": email, "password": password})


def test_a_user_signs_in_and_gets_a_short_lived_token(client: TestClient, session: Session) -> None:
    user = account_service.create(
        session=session, email="Reviewer.One@example.org", role=Role.reviewer, password=PASSWORD
    )
    session.commit()
    answer = _sign_in(client, "reviewer.one@example.org", PASSWORD)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 15 * 60
    claims = security.read_access_token(body["access_token"], secret=SECRET)
    assert claims is not None
    assert claims["sub"] == str(user.id)


def test_wrong_passwords_and_disabled_accounts_get_401(
    client: TestClient, session: Session
) -> None:
    account_service.create(
        session=session, email="a@example.org", role=Role.national, password=PASSWORD
    )
    session.commit()
    wrong = _sign_in(client, "a@example.org", "not the password")
    assert wrong.status_code == 401
    assert wrong.headers["www-authenticate"] == "Bearer"
    assert "not right" in wrong.json()["detail"]
    account_service.disable(session=session, email="a@example.org")
    session.commit()
    assert _sign_in(client, "a@example.org", PASSWORD).status_code == 401


def test_the_sixth_failure_within_a_minute_gets_429(client: TestClient, session: Session) -> None:
    account_service.create(
        session=session, email="b@example.org", role=Role.admin, password=PASSWORD
    )
    session.commit()
    codes = [_sign_in(client, "b@example.org", f"guess {i}").status_code for i in range(5)]
    assert codes == [401] * 5
    sixth = _sign_in(client, "b@example.org", PASSWORD)
    assert sixth.status_code == 429
    assert "Wait a minute" in sixth.json()["detail"]


def test_account_rules(session: Session) -> None:
    board = make_board(session)
    member = account_service.create(
        session=session,
        email="m@example.org",
        role=Role.board,
        password=PASSWORD,
        board_code=board.code,
    )
    assert member.board_id == board.id
    with pytest.raises(InvalidInput, match="needs --board"):
        account_service.create(
            session=session, email="n@example.org", role=Role.board, password=PASSWORD
        )
    with pytest.raises(InvalidInput, match="Only board members"):
        account_service.create(
            session=session,
            email="o@example.org",
            role=Role.admin,
            password=PASSWORD,
            board_code=board.code,
        )
    with pytest.raises(InvalidInput, match="at least 12"):
        account_service.create(
            session=session, email="p@example.org", role=Role.admin, password="short"
        )
    with pytest.raises(Conflict):
        account_service.create(
            session=session, email="M@example.org", role=Role.admin, password=PASSWORD
        )
    with pytest.raises(InvalidInput, match="Only reviewers"):
        account_service.assign(session=session, email="m@example.org", review_id=1)


def test_a_user_name_that_is_not_an_e_mail_address_is_422(client: TestClient) -> None:
    for name in ["a\x00b@example.org", "x" * 300 + "@example.org", "no-at-sign"]:
        answer = _sign_in(client, name, PASSWORD)
        assert answer.status_code == 422
        assert answer.json()["errors"][0]["field"] == "username"
