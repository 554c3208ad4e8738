from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta

import jwt
import pytest

from scr.account import security
from scr.config import InsecureSettings, Settings, signing_secret

SECRET = "a-test-secret-that-is-long-enough-to-sign-with-1234"
MAX = 24 * 60


def test_a_token_round_trips_and_carries_its_subject() -> None:
    token = security.issue_access_token(subject="42", secret=SECRET, minutes=15)
    claims = security.read_access_token(token, secret=SECRET, max_minutes=MAX)
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
    assert security.read_access_token(tampered, secret=SECRET, max_minutes=MAX) is None

    expired = jwt.encode(
        {"sub": "42", "exp": datetime.now(UTC) - timedelta(seconds=1)}, SECRET, algorithm="HS256"
    )
    assert security.read_access_token(expired, secret=SECRET, max_minutes=MAX) is None
    assert security.read_access_token(token, secret=SECRET + "x", max_minutes=MAX) is None

    unsigned = jwt.encode(
        {"sub": "42", "exp": datetime.now(UTC) + timedelta(minutes=5)}, None, algorithm="none"
    )
    assert security.read_access_token(unsigned, secret=SECRET, max_minutes=MAX) is None
    assert security.read_access_token("not a token", secret=SECRET, max_minutes=MAX) is None


def _signed(**claims: object) -> str:
    return jwt.encode({"sub": "42"} | claims, SECRET, algorithm="HS256")


def test_a_validly_signed_token_is_refused_beyond_the_maximum_lifetime() -> None:
    now = datetime.now(UTC)
    # Signed with the real key, but for a year: refused though it has not expired.
    forged_long = _signed(iat=now, exp=now + timedelta(days=365))
    assert security.read_access_token(forged_long, secret=SECRET, max_minutes=MAX) is None
    # Issued long ago under a longer setting: refused once older than the maximum.
    old = _signed(iat=now - timedelta(minutes=MAX + 1), exp=now + timedelta(minutes=5))
    assert security.read_access_token(old, secret=SECRET, max_minutes=MAX) is None
    # No issue time: its age cannot be checked, so it is refused.
    undated = _signed(exp=now + timedelta(minutes=5))
    assert security.read_access_token(undated, secret=SECRET, max_minutes=MAX) is None
    within = _signed(iat=now, exp=now + timedelta(minutes=MAX))
    assert security.read_access_token(within, secret=SECRET, max_minutes=MAX) is not None
    shorter = security.issue_access_token(subject="42", secret=SECRET, minutes=60)
    assert security.read_access_token(shorter, secret=SECRET, max_minutes=30) is None


def test_settings_refuse_a_default_lifetime_beyond_the_maximum() -> None:
    with pytest.raises(ValueError, match="SCR_TOKEN_MAX_MINUTES"):
        Settings(access_token_minutes=120, token_max_minutes=60)
    with pytest.raises(ValueError, match="SCR_MACHINE_TOKEN_MAX_DAYS"):
        Settings(machine_token_days=120, machine_token_max_days=100)


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


def test_a_token_found_good_still_expires_and_ages_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """A token whose signature was checked once is kept, but what depends on the time is
    checked at every call: it stops working when it expires or grows older than the maximum,
    and a token kept under one key is no good under another."""
    token = security.issue_access_token(subject="42", secret=SECRET, minutes=15)
    assert security.read_access_token(token, secret=SECRET, max_minutes=MAX) is not None
    assert security.read_access_token(token, secret=SECRET + "x", max_minutes=MAX) is None
    assert security.read_access_token(token, secret=SECRET, max_minutes=10) is None
    claims = security.read_access_token(token, secret=SECRET, max_minutes=MAX)
    assert claims is not None
    claims["sub"] = "1"  # the caller's copy: the kept claims are not changed
    assert security.read_access_token(token, secret=SECRET, max_minutes=MAX) == claims | {
        "sub": "42"
    }

    class Later(datetime):
        @classmethod
        def now(cls, tz: object = None) -> Later:  # type: ignore[override]
            return cls.fromtimestamp(datetime.now(UTC).timestamp() + 15 * 60 + 1, tz=UTC)

    monkeypatch.setattr(security, "datetime", Later)
    assert security.read_access_token(token, secret=SECRET, max_minutes=MAX) is None
