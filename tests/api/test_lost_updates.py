"""No lost update: clients racing real requests at a served app, on a database that commits.

Each client sends the version it read. Of several PATCHes made on one version only one may
succeed (the others are told someone else changed the record), and clients that reload and
retry lose no increment; edits to different records of one review each move the review's
revision on by one. This holds for the review itself and for records of every kind.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from typer.testing import CliRunner

from scr.cli import app as cli
from scr.db import session_scope
from scr.review.models import Review
from scr.vocabulary import Role
from tests.factories import (
    bearer,
    make_entry,
    make_episode,
    make_factor,
    make_finding,
    make_link,
    make_participant,
    make_review,
    make_user,
)
from tests.responses import ok
from tests.served import served

runner = CliRunner()

# kind -> (the path under the review, the text field that carries the counter)
FIELDS = {
    "review": ("", "case_summary"),
    "chronology": ("chronology", "summary"),
    "episode": ("episodes", "what_happened"),
    "factor": ("factors", "detail"),
    "link": ("links", "evidence_note"),
    "finding": ("findings", "why_it_matters"),
    "participant": ("participants", "job_role"),
}
ON_ONE_VERSION = 8
ROUNDS = 3
PER_RECORD = 2
INCREMENTS = 3
MAX_ATTEMPTS = 200


class World:
    def __init__(self, base: str, review_id: int, ids: dict[str, int], headers: dict[str, str]):
        self.base, self.review_id, self.ids, self.headers = base, review_id, ids, headers

    def address(self, kind: str) -> str:
        under, _field = FIELDS[kind]
        review = f"/api/v1/reviews/{self.review_id}"
        return review if kind == "review" else f"{review}/{under}/{self.ids[kind]}"

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.base, headers=self.headers, timeout=60)


@pytest.fixture(autouse=True)
def patient_writers(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite writers wait their turn for up to two minutes: what is tested is what gets
    saved, not how long a machine that is busy with other work takes (benchmarks do that)."""
    monkeypatch.setenv("SCR_SQLITE_BUSY_TIMEOUT_MS", "120000")


def _world(
    configure: Callable[[str], None], url: str
) -> tuple[int, dict[str, int], dict[str, str]]:
    configure(url)
    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0
    with session_scope() as session:
        review = make_review(session)
        factor, episode = make_factor(session, review), make_episode(session, review)
        records = {
            "chronology": make_entry(session, review),
            "episode": episode,
            "factor": factor,
            "link": make_link(
                session, review, "contributed_to", f"factor:{factor.id}", f"episode:{episode.id}"
            ),
            "finding": make_finding(session, review),
            "participant": make_participant(session, review),
        }
        ids = {kind: record.id for kind, record in records.items()}
        lead = make_user(session, Role.reviewer, leads=(review,))
        assert review.id is not None
        return review.id, ids, bearer(lead)


def _revision(review_id: int) -> int:
    with session_scope() as session:
        review = session.get(Review, review_id)
        assert review is not None
        return review.revision


def _race_on_one_version(world: World, kind: str) -> list[int]:
    """Clients read the same version, then all send a change made on it at once."""
    start = threading.Barrier(ON_ONE_VERSION)
    field = FIELDS[kind][1]

    def change(n: int) -> int:
        with world.client() as client:
            version = ok(client.get(world.address(kind)))["version"]
            start.wait(timeout=60)
            body = {"version": version, field: f"changed by client {n}"}
            return client.patch(world.address(kind), json=body).status_code

    with ThreadPoolExecutor(max_workers=ON_ONE_VERSION) as pool:
        return list(pool.map(change, range(ON_ONE_VERSION)))


def test_of_changes_made_on_one_version_only_one_succeeds_for_every_kind(
    scratch_database_url: str, configured_for: Callable[[str], None]
) -> None:
    review_id, ids, headers = _world(configured_for, scratch_database_url)
    with served() as app:
        world = World(app.base, review_id, ids, headers)
        for kind in FIELDS:
            for _ in range(ROUNDS):
                statuses = _race_on_one_version(world, kind)
                assert sorted(statuses) == [200] + [409] * (ON_ONE_VERSION - 1), kind


def _increment(world: World, kind: str) -> int:
    """Add one to the record's counter, reloading and retrying when told of a clash; the
    number of PATCHes that succeeded (one)."""
    field = FIELDS[kind][1]
    with world.client() as client:
        for _ in range(MAX_ATTEMPTS):
            record = ok(client.get(world.address(kind)))
            count = int(record[field].rsplit(" ", 1)[1])
            body = {"version": record["version"], field: f"count {count + 1}"}
            answer = client.patch(world.address(kind), json=body)
            if answer.status_code == 200:
                return 1
            assert answer.status_code == 409, answer.text
    raise AssertionError(f"{kind}: no change went through in {MAX_ATTEMPTS} attempts")


def test_racing_clients_lose_no_increment_and_every_change_moves_the_revision_on(
    scratch_database_url: str, configured_for: Callable[[str], None]
) -> None:
    review_id, ids, headers = _world(configured_for, scratch_database_url)
    with served() as app:
        world = World(app.base, review_id, ids, headers)
        with world.client() as client:
            for kind in FIELDS:
                record = ok(client.get(world.address(kind)))
                body = {"version": record["version"], FIELDS[kind][1]: "count 0"}
                assert client.patch(world.address(kind), json=body).status_code == 200
        before = _revision(review_id)
        jobs = [kind for kind in FIELDS for _ in range(PER_RECORD * INCREMENTS)]
        with ThreadPoolExecutor(max_workers=PER_RECORD * len(FIELDS)) as pool:
            succeeded = sum(pool.map(lambda kind: _increment(world, kind), jobs))
        with world.client() as client:
            counts = {kind: ok(client.get(world.address(kind)))[FIELDS[kind][1]] for kind in FIELDS}
    assert counts == dict.fromkeys(FIELDS, f"count {PER_RECORD * INCREMENTS}")
    assert succeeded == len(jobs)
    assert _revision(review_id) - before == len(jobs)
