"""The pattern index is fresh: with two server processes on one database, a change written
through one is counted by the other in its very next answer."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from scr import migrate
from scr.db import session_scope
from scr.vocabulary import Role
from tests.factories import bearer, make_board, make_review, make_user


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def _served(url: str, headers: dict[str, str]) -> Iterator[httpx.Client]:
    """The app as uvicorn serves it, in a process of its own, on ``url``'s database."""
    port = _free_port()
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "uvicorn", "api.main:create_app", "--factory"),
            *("--log-level=warning", "--no-access-log", f"--port={port}"),
        ],
        env={**os.environ, "SCR_DATABASE_URL": url},
    )
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers) as client:
            for _ in range(1200):  # up to two minutes on a loaded machine
                assert server.poll() is None, "the server stopped"
                try:
                    client.get("/api/v1/health").raise_for_status()
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            yield client
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_change_through_one_server_is_counted_at_once_by_another(
    scratch_database_url: str, configured_for: Callable[[str], None]
) -> None:
    migrate.upgrade(scratch_database_url)
    configured_for(scratch_database_url)
    with session_scope() as setup:
        board = make_board(setup)
        first, second = make_review(setup, board), make_review(setup, board)
        headers = bearer(make_user(setup, Role.admin))
        code, ids = board.code, (first.id, second.id)

    def counts(client: httpx.Client) -> dict[str, Any]:
        answer = client.get("/api/v1/patterns/frequencies", params={"board": code})
        assert answer.status_code == 200, answer.text
        body = answer.json()
        found = {i["code"]: i["count"]["reviews"] for i in body["items"]}
        return {"reviews": body["reviews"]["reviews"], **found}

    with (
        _served(scratch_database_url, headers) as one,
        _served(scratch_database_url, headers) as two,
    ):
        assert counts(two) == {"reviews": 2}  # each process now holds an index
        assert counts(one) == {"reviews": 2}
        tags = []
        for n, review_id in enumerate(ids, start=1):
            made = one.post(
                f"/api/v1/reviews/{review_id}/tags",
                json={"target": f"review:{review_id}", "code": "cc.harm.neglect", "agreed": True},
            )
            assert made.status_code == 201, made.text
            tags.append((review_id, made.json()["id"]))
            assert counts(two) == {"reviews": 2, "cc.harm": n, "cc.harm.neglect": n}
        review_id, tag_id = tags[0]
        assert one.delete(f"/api/v1/reviews/{review_id}/tags/{tag_id}").status_code == 204
        assert counts(two) == {"reviews": 2, "cc.harm": 1, "cc.harm.neglect": 1}
        # A review removed through the second is gone from the first's next answer.
        gone = two.delete(f"/api/v1/reviews/{ids[1]}", params={"cascade": True})
        assert gone.status_code == 204, gone.text
        assert counts(one) == {"reviews": 1}
