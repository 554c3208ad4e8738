"""Password hashing (argon2), access tokens (JWT, HS256 only) and machine-token hashing."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

import jwt
from pwdlib import PasswordHash

ALGORITHM = "HS256"
MACHINE_TOKEN_PREFIX = "scr_"
_passwords = PasswordHash.recommended()


def hash_password(password: str) -> str:
    """An argon2 hash of the password."""
    return _passwords.hash(password)


def verify_password(password: str, hashed: str) -> bool:
    """Whether the password matches the hash."""
    return _passwords.verify(password, hashed)


@lru_cache(maxsize=1)
def dummy_hash() -> str:
    """A hash no password is known for: checked against when there is no account (or a
    disabled one), so that answer takes as long as a wrong password does."""
    return _passwords.hash(secrets.token_urlsafe(32))


def issue_access_token(*, subject: str, secret: str, minutes: int) -> str:
    """A signed, short-lived access token for ``subject``."""
    now = datetime.now(UTC)
    claims = {"sub": subject, "iat": now, "exp": now + timedelta(minutes=minutes)}
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


_VERIFIED_KEPT = 4096
_verified: dict[tuple[str, str], dict[str, Any]] = {}
"""Tokens whose signature and claims were found good, with their claims, by (key, token)."""


def read_access_token(token: str, *, secret: str, max_minutes: int) -> dict[str, Any] | None:
    """The claims of a valid, unexpired token signed with ``secret`` and issued for at most
    ``max_minutes``, no more than that long ago; None otherwise.

    The algorithm is pinned, so ``alg: none`` and tokens signed another way are refused. The
    lifetime is checked here, not only when issuing: a token issued under a longer setting, or
    signed with a long ``exp`` by anyone who had the key, stops working within the maximum.

    A token found good is kept (the last few thousand), so that its signature is not checked
    again at every request: the token and the key are the same, so the answer would be. What
    depends on the time (expiry, age) is checked at every call.
    """
    kept = _verified.get((secret, token))
    if kept is None:
        try:
            claims: dict[str, Any] = jwt.decode(
                token, secret, algorithms=[ALGORITHM], options={"require": ["sub", "exp", "iat"]}
            )
        except jwt.PyJWTError:
            return None
        if not isinstance(claims["iat"], int | float) or not isinstance(claims["exp"], int | float):
            return None
        if len(_verified) >= _VERIFIED_KEPT:
            _verified.clear()
        _verified[(secret, token)] = kept = claims
    issued, expires = kept["iat"], kept["exp"]
    now = datetime.now(UTC).timestamp()
    longest = max_minutes * 60
    if expires <= now or expires - issued > longest or now - issued > longest:
        return None
    return dict(kept)


def new_machine_token() -> str:
    """A random token to show once."""
    return MACHINE_TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_machine_token(token: str) -> str:
    """The stored form of a machine token (they are long and random: no salt needed)."""
    return hashlib.sha256(token.encode()).hexdigest()
