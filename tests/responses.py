"""Reading an answer in a test: its status first, then its body."""

from __future__ import annotations

from typing import Any

import httpx


def ok(response: httpx.Response) -> Any:
    """The body of a successful answer; a failed one fails the test with its status and the
    sentence it gave, not with a KeyError further on."""
    asked = f"{response.request.method} {response.request.url.path}"
    assert response.is_success, f"{asked} answered {response.status_code}: {response.text}"
    return response.json()
