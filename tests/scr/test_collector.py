"""What the process holds as it settles is left out of the collector's walks for the block,
and only for the block; a server settles for its whole life."""

from __future__ import annotations

import gc
from collections.abc import Callable

from fastapi.testclient import TestClient

from api.main import create_app
from scr import collector, migrate


class Held:
    """An object the collector tracks (instances of a class with a __dict__ are)."""


def _walked(thing: object) -> bool:
    return any(o is thing for o in gc.get_objects())


def test_what_is_held_as_the_block_begins_is_not_walked_until_it_ends() -> None:
    before = Held()
    assert _walked(before)
    with collector.settled():
        assert not _walked(before)
        during = Held()
        assert _walked(during), "what is made in the block is collected as ever"
    assert _walked(before)
    assert gc.get_freeze_count() == 0


def test_blocks_nest_and_the_outermost_ends_the_settling() -> None:
    before = Held()
    with collector.settled():
        with collector.settled():
            assert not _walked(before)
        assert not _walked(before), "the inner block's end leaves the outer one settled"
    assert _walked(before)


def test_a_server_is_settled_while_it_serves(
    scratch_database_url: str, configured_for: Callable[[str], None]
) -> None:
    migrate.upgrade(scratch_database_url)
    configured_for(scratch_database_url)
    with TestClient(create_app()) as client:
        assert client.get("/api/v1/health").status_code == 200
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
