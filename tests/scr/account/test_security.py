from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta

import jwt
import pytest

from scr.account import security
from scr.config import InsecureSettings, Settings, signing_secret

SECRET = "a-test-secret-that-is-long-enough-to-sign-with-1234"


def test_a_token_round_trips_and_carries_its_subject() -> None:
    token = security.issue_access_token(subject="42", secret=SECRET, minutes=15)
    claims = security.read_access_token(token, secret=SECRET)
    assert claims is not None
    assert claims["sub"] == "42"


def test_tampered_expired_foreign_and_unsigned_tokens_are_refused() -> None:
    token = security.issue_access_token(subject="42", secret=SECRET, minutes=15)
    header, payload, signature = token.split(".")
    forged = json.loads(base64.urlsafe_b64decode(payload + "==")) | {"sub": "1"}
    tampered = ".".join(
        [
            header,
            base64.urlsafe_b64encode(json.dumps(forged).encode()).decode().rstrip("="),
            signature,
        ]
    )
    assert security.read_access_token(tampered, secret=SECRET) is None

    expired = jwt.encode(
        {"sub": "42", "exp": datetime.now(UTC) - timedelta(seconds=1)}, SECRET, algorithm="HS256"
    )
    assert security.read_access_token(expired, secret=SECRET) is None
    assert security.read_access_token(token, secret=SECRET + "x") is None

    unsigned = jwt.encode(
        {"sub": "42", "exp": datetime.now(UTC) + timedelta(minutes=5)}, None, algorithm="none"
    )
    assert security.read_access_token(unsigned, secret=SECRET) is None
    assert security.read_access_token("not a token", secret=SECRET) is None


def test_passwords_and_machine_tokens_are_stored_hashed() -> None:
    hashed = security.hash_password("correct horse battery")
    assert hashed.startswith("$argon2")
    assert security.verify_password("correct horse battery", hashed)
    assert not security.verify_password("wrong", hashed)
    token = security.new_machine_token()
    assert len(security.hash_machine_token(token)) == 64
    assert security.hash_machine_token(token) != token


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({}, "Set SCR_SECRET_KEY"),
        ({"secret_key": "short"}, "too weak"),
        ({"secret_key": "changeme"}, "too weak"),
    ],
)
def test_settings_refuse_missing_or_weak_secrets(
    values: dict[str, str], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SCR_SECRET_KEY")
    with pytest.raises(InsecureSettings, match=message):
        signing_secret(Settings(**values))


def test_the_demo_may_use_its_own_secret_and_real_secrets_are_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SCR_SECRET_KEY")
    assert signing_secret(Settings(demo=True)).startswith("scr-workbench-demo-only")
    assert signing_secret(Settings(secret_key=SECRET)) == SECRET
