from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta

import jwt
import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from scr.account import security
from scr.account import service as account_service
from scr.account.models import ApiToken
from scr.errors import Conflict, InvalidInput
from scr.vocabulary import Role
from tests.conftest import TEST_SECRET
from tests.factories import bearer, make_board, make_review, make_user
from tests.responses import ok

PASSWORD = "a long enough password"


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
    claims = security.read_access_token(
        body["access_token"], secret=TEST_SECRET, max_minutes=24 * 60
    )
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


def test_the_sixth_failure_from_one_address_gets_429_whatever_the_account(
    client: TestClient, session: Session
) -> None:
    account_service.create(
        session=session, email="d@example.org", role=Role.admin, password=PASSWORD
    )
    session.commit()
    guesses = [_sign_in(client, f"guess.{i}@example.org", PASSWORD) for i in range(5)]
    assert [g.status_code for g in guesses] == [401] * 5
    assert _sign_in(client, "d@example.org", PASSWORD).status_code == 429


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


def _unsigned(claims: dict[str, object]) -> str:
    return jwt.encode(claims, None, algorithm="none")


def test_tampered_expired_foreign_and_unsigned_tokens_get_401(
    anonymous: TestClient, session: Session
) -> None:
    admin = make_user(session, Role.admin)
    good = bearer(admin)["Authorization"].removeprefix("Bearer ")
    header, payload, signature = good.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    later = datetime.now(UTC) + timedelta(minutes=5)
    tokens = {
        "tampered": ".".join(
            [
                header,
                base64.urlsafe_b64encode(json.dumps(claims | {"sub": "999"}).encode())
                .decode()
                .rstrip("="),
                signature,
            ]
        ),
        "expired": jwt.encode(
            claims | {"exp": datetime.now(UTC) - timedelta(seconds=1)}, TEST_SECRET, "HS256"
        ),
        "foreign": jwt.encode(claims | {"exp": later}, "another-secret-" * 4, "HS256"),
        "alg none": _unsigned(claims | {"exp": later}),
        "garbage": "not-a-token",
    }
    assert anonymous.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {good}"}).is_success
    for what, token in tokens.items():
        answer = anonymous.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 401, what
        assert answer.json()["detail"] == (
            "Your sign-in is not valid or has expired. Please sign in again."
        )
    missing = anonymous.get("/api/v1/auth/me")
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"] == "Bearer"


def test_a_disabled_account_loses_access_at_once(client: TestClient, session: Session) -> None:
    user = account_service.create(
        session=session, email="c@example.org", role=Role.national, password=PASSWORD
    )
    token = _sign_in(client, "c@example.org", PASSWORD).json()["access_token"]
    me = client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert ok(me) == {
        "email": "c@example.org",
        "role": "national",
        "board_id": None,
        "reviews": [],
        "leads": [],
    }
    account_service.disable(session=session, email=user.email)
    after = client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert after.status_code == 401


def test_machine_tokens_are_shown_once_scoped_and_revocable(
    client: TestClient, anonymous: TestClient, session: Session
) -> None:
    board = make_board(session)
    own, other = make_review(session, board), make_review(session)
    made = client.post(
        "/api/v1/auth/tokens",
        json={"name": "board dashboard", "role": "board", "board_id": board.id},
    )
    assert made.status_code == 201, made.text
    secret = made.json()["token"]
    assert secret.startswith("scr_")
    listed = ok(client.get("/api/v1/auth/tokens"))["items"]
    assert [t["name"] for t in listed] == ["board dashboard"]
    assert secret not in json.dumps(listed)

    machine = {"Authorization": f"Bearer {secret}"}
    me = ok(anonymous.get("/api/v1/auth/me", headers=machine))
    assert me == {
        "email": "token:board dashboard",
        "role": "board",
        "board_id": board.id,
        "reviews": [],
        "leads": [],
    }
    seen = ok(anonymous.get("/api/v1/reviews", headers=machine))["items"]
    assert [r["id"] for r in seen] == [own.id]
    assert anonymous.get(f"/api/v1/reviews/{other.id}", headers=machine).status_code == 404
    assert (
        anonymous.post(
            f"/api/v1/reviews/{own.id}/factors",
            headers=machine,
            json={"description": "A factor.", "level": "organisational"},
        ).status_code
        == 403
    )

    assert client.delete(f"/api/v1/auth/tokens/{made.json()['id']}").status_code == 204
    assert anonymous.get("/api/v1/auth/me", headers=machine).status_code == 401
    assert ok(client.get("/api/v1/auth/tokens"))["items"][0]["revoked_at"] is not None


def test_a_validly_signed_token_lasting_beyond_the_maximum_gets_401(
    anonymous: TestClient, session: Session
) -> None:
    user = make_user(session, Role.admin)
    now = datetime.now(UTC)
    claims = {"sub": str(user.id), "iat": now}
    forged = jwt.encode(claims | {"exp": now + timedelta(days=3650)}, TEST_SECRET, "HS256")
    within = jwt.encode(claims | {"exp": now + timedelta(hours=1)}, TEST_SECRET, "HS256")
    me = "/api/v1/auth/me"
    assert anonymous.get(me, headers={"Authorization": f"Bearer {within}"}).status_code == 200
    refused = anonymous.get(me, headers={"Authorization": f"Bearer {forged}"})
    assert refused.status_code == 401


def _machine_token(client: TestClient, **extra: object) -> tuple[dict[str, str], dict[str, object]]:
    made = client.post("/api/v1/auth/tokens", json={"name": "pull", "role": "admin"} | extra)
    assert made.status_code == 201, made.text
    return {"Authorization": f"Bearer {made.json()['token']}"}, made.json()


def test_machine_tokens_expire_after_90_days_by_default_and_at_most_the_maximum(
    client: TestClient, anonymous: TestClient, session: Session
) -> None:
    machine, made = _machine_token(client)
    made_at = datetime.fromisoformat(str(made["created_at"]))
    expires = datetime.fromisoformat(str(made["expires_at"]))
    assert expires - made_at == timedelta(days=90)
    assert anonymous.get("/api/v1/auth/me", headers=machine).status_code == 200
    _, short = _machine_token(client, days=7)
    assert datetime.fromisoformat(str(short["expires_at"])) - datetime.fromisoformat(
        str(short["created_at"])
    ) == timedelta(days=7)
    too_long = client.post(
        "/api/v1/auth/tokens", json={"name": "x", "role": "national", "days": 1000}
    )
    assert too_long.status_code == 422
    assert too_long.json()["errors"][0]["field"] == "days"

    token = session.get(ApiToken, made["id"])
    assert token is not None
    token.expires_at = datetime.now(UTC) - timedelta(seconds=1)
    session.add(token)
    session.commit()
    expired = anonymous.get("/api/v1/auth/me", headers=machine)
    assert expired.status_code == 401


def test_a_machine_token_older_than_the_maximum_gets_401_whatever_its_expiry(
    client: TestClient, anonymous: TestClient, session: Session
) -> None:
    machine, made = _machine_token(client)
    token = session.get(ApiToken, made["id"])
    assert token is not None
    # As if made under a longer maximum, or its expiry altered in the database.
    token.created_at = datetime.now(UTC) - timedelta(days=400)
    token.expires_at = datetime.now(UTC) + timedelta(days=3650)
    session.add(token)
    session.commit()
    assert anonymous.get("/api/v1/auth/me", headers=machine).status_code == 401


def test_no_machine_token_makes_tokens_not_even_an_administrators(
    client: TestClient, anonymous: TestClient
) -> None:
    machine, _made = _machine_token(client)
    minted = anonymous.post(
        "/api/v1/auth/tokens", headers=machine, json={"name": "more", "role": "admin"}
    )
    assert minted.status_code == 403
    assert "machine token cannot make tokens" in minted.json()["detail"]
    assert [t["name"] for t in ok(client.get("/api/v1/auth/tokens"))["items"]] == ["pull"]


def test_machine_tokens_are_for_boards_and_the_national_body_only(client: TestClient) -> None:
    reviewer = client.post("/api/v1/auth/tokens", json={"name": "x", "role": "reviewer"})
    assert reviewer.status_code == 422
    assert "reviewer" in reviewer.json()["detail"]
    no_board = client.post("/api/v1/auth/tokens", json={"name": "x", "role": "board"})
    assert no_board.status_code == 422
    assert "board" in no_board.json()["detail"]


def test_a_reviewer_learns_which_reviews_they_work_on_and_lead(
    client: TestClient, session: Session
) -> None:
    led, assisted, elsewhere = make_review(session), make_review(session), make_review(session)
    reviewer = make_user(session, Role.reviewer, reviews=(assisted,), leads=(led,))
    me = ok(client.get("/api/v1/auth/me", headers=bearer(reviewer)))
    assert me["reviews"] == sorted([led.id, assisted.id])
    assert me["leads"] == [led.id]
    assert elsewhere.id not in me["reviews"]
