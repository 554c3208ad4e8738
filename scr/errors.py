"""The domain's one error hierarchy; ``api/errors.py`` turns each into an HTTP answer once."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """Base of every error the domain raises on purpose; ``message`` is for a reviewer to read."""

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class NotFound(DomainError):
    """The record does not exist (or is not visible to the caller)."""


class Conflict(DomainError):
    """The request clashes with the current state: a stale version, a duplicate, linked records."""


class InvalidInput(DomainError):
    """The input is well-formed but breaks a rule of the review method.

    ``field`` is the path of the offending field, e.g. ``("body", "target")``.
    """

    def __init__(self, message: str, *, field: tuple[str | int, ...] = (), **details: Any) -> None:
        super().__init__(message, **details)
        self.field = field


class Forbidden(DomainError):
    """The caller may not do this."""


class Unauthenticated(DomainError):
    """The caller has not shown who they are, or the proof is not valid."""


class TooManyAttempts(DomainError):
    """Too many attempts in too short a time; try again later."""


class TooLarge(DomainError):
    """The upload is larger than this instance accepts."""
