"""Password guessing is slowed however it is sent: in parallel, from rotating forwarded
addresses, or against accounts that do not exist; and nothing a client sends as its address
reaches the database as it was sent."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, select
from typer.testing import CliRunner

from api.main import create_app
from scr.account import security
from scr.account import service as account_service
from scr.account.models import SignInAttempt
from scr.cli import app as cli
from scr.config import get_settings
from scr.db import session_scope
from scr.vocabulary import Role

PASSWORD = "a long enough password"
PROXY = ("10.1.2.3", 50000)


def _sign_in(client: TestClient, email: str, password: str, **headers: str | bytes) -> int:
    answer = client.post(
        "/api/v1/auth/token", data={"username": email, "password": password}, headers=headers
    )
    return answer.status_code


def test_parallel_wrong_passwords_for_one_account_pass_the_limit_at_most_five_times(
    scratch_database_url: str, configured_for: Callable[[str], None]
) -> None:
    configured_for(scratch_database_url)
    assert CliRunner().invoke(cli, ["db", "upgrade"]).exit_code == 0
    with session_scope() as session:
        account_service.create(
            session=session, email="target@example.org", role=Role.admin, password=PASSWORD
        )
    client = TestClient(create_app(check_migrations=False))

    def guess(n: int) -> int:
        # Each from an address of its own, so only the account's limit can stop them.
        headers = {"x-forwarded-for": f"192.0.2.{n + 1}"}
        return _sign_in(client, "target@example.org", f"guess number {n}", **headers)

    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(pool.map(guess, range(20)))
    assert sum(s != 429 for s in statuses) <= 5, statuses
    assert set(statuses) == {401, 429}
    assert _sign_in(client, "target@example.org", PASSWORD) == 429


def test_parallel_guesses_from_one_address_pass_its_limit_at_most_five_times(
    scratch_database_url: str, configured_for: Callable[[str], None]
) -> None:
    configured_for(scratch_database_url)
    assert CliRunner().invoke(cli, ["db", "upgrade"]).exit_code == 0
    client = TestClient(create_app(check_migrations=False))

    def guess(n: int) -> int:
        return _sign_in(client, f"someone.{n}@example.org", PASSWORD)

    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(pool.map(guess, range(20)))
    assert sum(s != 429 for s in statuses) <= 5, statuses


@pytest.fixture
def behind(monkeypatch: pytest.MonkeyPatch, app: FastAPI) -> Iterator[Callable[[str], TestClient]]:
    """A client whose requests come from the address PROXY, with SCR_FORWARDED_ALLOW_IPS set."""

    def client(allowed: str) -> TestClient:
        monkeypatch.setenv("SCR_FORWARDED_ALLOW_IPS", allowed)
        get_settings.cache_clear()
        return TestClient(app, client=PROXY)

    yield client
    get_settings.cache_clear()


def _addresses(session: Session) -> list[str]:
    return list(session.exec(select(SignInAttempt.address).order_by(SignInAttempt.id)))


def test_forwarded_addresses_are_not_believed_by_default(
    behind: Callable[[str], TestClient], session: Session
) -> None:
    client = behind("")
    codes = [
        _sign_in(client, f"a{n}@example.org", PASSWORD, **{"x-forwarded-for": f"198.51.100.{n}"})
        for n in range(1, 7)
    ]
    assert codes == [401] * 5 + [429]
    assert set(_addresses(session)) == {PROXY[0]}


def test_loopback_is_not_trusted_unless_configured(
    app: FastAPI, behind: Callable[[str], TestClient], session: Session
) -> None:
    # uvicorn would believe X-Forwarded-For from 127.0.0.1; the app does not.
    behind("")
    client = TestClient(app, client=("127.0.0.1", 40000))
    for n in range(1, 7):
        _sign_in(client, f"b{n}@example.org", PASSWORD, **{"x-forwarded-for": f"203.0.113.{n}"})
    assert set(_addresses(session)) == {"127.0.0.1"}


def test_a_configured_proxy_is_believed_for_the_hop_it_added_only(
    behind: Callable[[str], TestClient], session: Session
) -> None:
    client = behind("10.0.0.0/8")
    # The client wrote the first address itself; the proxy appended the real one.
    _sign_in(client, "c@example.org", PASSWORD, **{"x-forwarded-for": "1.1.1.1, 198.51.100.7"})
    # Through two proxies of ours.
    _sign_in(client, "d@example.org", PASSWORD, **{"x-forwarded-for": "198.51.100.8, 10.9.9.9"})
    assert _addresses(session) == ["198.51.100.7", "198.51.100.8"]


@pytest.mark.parametrize(
    "forwarded",
    [
        "x" * 5000,
        "1" * 101,
        "2001:db8::1%" + "e" * 200,
        "fe80::1%eth0",
        ", " * 3000,
        "\u202e198.51.100.1".encode(),
        "::::",
    ],
)
def test_any_forwarded_text_is_answered_and_never_stored_as_sent(
    behind: Callable[[str], TestClient], session: Session, forwarded: str | bytes
) -> None:
    client = behind("10.0.0.0/8")
    assert _sign_in(client, "e@example.org", PASSWORD, **{"x-forwarded-for": forwarded}) == 401
    (address,) = _addresses(session)
    assert address == PROXY[0]


def test_unknown_and_disabled_accounts_check_a_hash_as_a_wrong_password_does(
    client: TestClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    account_service.create(
        session=session, email="known@example.org", role=Role.national, password=PASSWORD
    )
    account_service.create(
        session=session, email="gone@example.org", role=Role.national, password=PASSWORD
    )
    account_service.disable(session=session, email="gone@example.org")
    session.commit()
    checked: list[str] = []
    verify = security.verify_password

    def counted(password: str, hashed: str) -> bool:
        checked.append(hashed)
        return verify(password, hashed)

    monkeypatch.setattr(security, "verify_password", counted)
    assert _sign_in(client, "known@example.org", "wrong password here") == 401
    assert _sign_in(client, "nobody@example.org", "wrong password here") == 401
    assert _sign_in(client, "gone@example.org", PASSWORD) == 401
    assert len(checked) == 3
    assert all(h.startswith("$argon2") for h in checked)
    assert checked[1] == checked[2] == security.dummy_hash() != checked[0]
