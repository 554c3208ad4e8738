"""scr-exchange/1.1's withdrawals: a review reopened, deleted or withheld at its source stops
being counted on every instance that pulled it, and an older copy is not taken back in."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from scr import migrate
from scr.account import service as account_service
from scr.account.models import User
from scr.account.schemas import MachineTokenCreate
from scr.config import get_settings
from scr.db import make_engine
from scr.exchange import export
from scr.exchange.instance import instance_id
from scr.intake.pull import pull
from scr.patterns import service as patterns
from scr.patterns.schemas import PatternFilters
from scr.patterns.selection import Scope
from scr.review.models import Review
from scr.vocabulary import Role
from tests.api.exchange_world import Ready, lines_of, ready
from tests.factories import make_user
from tests.responses import ok


@pytest.fixture
def published(session: Session, client_as: Callable[[User], TestClient]) -> Ready:
    r = ready(session, client_as)
    answer = r.publish()
    assert answer.status_code == 200, answer.text
    return r


@pytest.fixture
def second_instance(scratch_database_url: str) -> Iterator[Session]:
    migrate.upgrade(scratch_database_url)
    engine = make_engine(scratch_database_url)
    with Session(engine, expire_on_commit=False) as other:
        yield other
    engine.dispose()


@pytest.fixture
def token(session: Session) -> str:
    _, made = account_service.create_machine_token(
        session=session,
        settings=get_settings(),
        data=MachineTokenCreate(name="national instance", role=Role.national),
        actor="test",
    )
    return made


def _national_reviews(session: Session) -> int:
    """How many reviews the instance's national figures count (exactly, unprotected)."""
    figures = patterns.frequencies(
        session=session,
        filters=PatternFilters(),
        scope=Scope(boards=None, full=True, threshold=10),
        limit=10,
        offset=0,
    )
    assert not figures.reviews.suppressed
    assert figures.reviews.reviews is not None
    return figures.reviews.reviews


def _reviews(session: Session) -> int:
    return int(session.exec(select(func.count()).select_from(Review)).one())


def _pull(source: TestClient, into: Session, token: str) -> Any:
    report = pull(session=into, client=source, url="http://testserver", token=token)
    into.commit()
    assert report.accepted, report
    return report


def _reopen(published: Ready) -> None:
    version = ok(published.lead_client.get(published.url))["version"]
    answer = published.lead_client.post(
        f"{published.url}/reopen", json={"version": version, "reason": "A date was wrong."}
    )
    assert answer.status_code == 200, answer.text


def _export_bytes(app: FastAPI, token: str) -> bytes:
    answer = TestClient(app).get(
        "/api/v1/exports/national", headers={"Authorization": f"Bearer {token}"}
    )
    assert answer.status_code == 200, answer.text
    return answer.content


def _export(app: FastAPI, token: str) -> list[dict[str, Any]]:
    return lines_of(_export_bytes(app, token))


def test_a_review_reopened_at_its_source_leaves_the_national_figures_of_an_instance_that_pulled_it(
    app: FastAPI, session: Session, published: Ready, second_instance: Session, token: str
) -> None:
    source = TestClient(app)
    assert _pull(source, second_instance, token).imported == 1
    assert _national_reviews(second_instance) == 1

    _reopen(published)
    sent = _export(app, token)
    withdrawal = sent[-2]
    assert (withdrawal["type"], withdrawal["reason"]) == ("withdrawal", "reopened")
    assert withdrawal["source"]["reference"] == published.review.reference
    assert (sent[-1]["count"], sent[-1]["withdrawals"]) == (0, 1)

    report = _pull(source, second_instance, token)
    assert (report.withdrawn, report.imported) == (1, 0), report
    assert "removed and no longer counted" in report.lines[0].message
    assert _reviews(second_instance) == 0
    assert _national_reviews(second_instance) == 0
    again = _pull(source, second_instance, token)
    assert (again.withdrawn, again.imported) == (0, 0), "pulled again, nothing changes"

    # Published again at the source: a newer revision, which comes back.
    assert published.publish().status_code == 200
    back = _pull(source, second_instance, token)
    assert back.imported == 1, back
    assert _national_reviews(second_instance) == 1


def test_an_older_copy_sent_again_after_its_withdrawal_is_not_taken_back_in(
    app: FastAPI, published: Ready, second_instance: Session, token: str, tmp_path: Any
) -> None:
    source = TestClient(app)
    before = _export_bytes(app, token)
    _pull(source, second_instance, token)
    _reopen(published)
    _pull(source, second_instance, token)
    assert _reviews(second_instance) == 0

    stale = tmp_path / "stale.ndjson"
    stale.write_bytes(before)
    from scr.intake import importing

    report = importing.import_file(
        session=second_instance,
        path=stale,
        actor="test",
        own_instance=instance_id(second_instance),
    )
    second_instance.commit()
    assert (report.accepted, report.older, report.imported) == (True, 1, 0), report
    assert "was withdrawn at its source (reopened)" in report.lines[0].message
    assert _reviews(second_instance) == 0


def test_a_review_deleted_at_its_source_is_withdrawn_as_deleted(
    app: FastAPI, session: Session, published: Ready, second_instance: Session, token: str
) -> None:
    source = TestClient(app)
    _pull(source, second_instance, token)
    _reopen(published)
    admin = TestClient(app, headers=_admin(session))
    gone = admin.delete(published.url, params={"cascade": "true"})
    assert gone.status_code == 204, gone.text
    withdrawals = [line for line in _export(app, token) if line["type"] == "withdrawal"]
    assert [w["reason"] for w in withdrawals] == ["deleted"], "one line a review, the latest"
    report = _pull(source, second_instance, token)
    assert report.withdrawn == 1
    assert _national_reviews(second_instance) == 0


def _admin(session: Session) -> dict[str, str]:
    from tests.factories import bearer

    return bearer(make_user(session, Role.admin))


def test_a_review_withheld_for_an_identifier_found_after_it_left_is_withdrawn(
    app: FastAPI, published: Ready, second_instance: Session, token: str
) -> None:
    source = TestClient(app)
    _pull(source, second_instance, token)
    known = {"text": published.review.child_pseudonym, "kind": "other"}
    assert published.lead_client.post(f"{published.url}/identifiers", json=known).is_success
    sent = _export(app, token)
    assert [line["type"] for line in sent] == ["withdrawal", "manifest"]
    assert sent[0]["reason"] == "withheld"
    assert (sent[-1]["withheld"], sent[-1]["withdrawals"]) == (1, 1)
    report = _pull(source, second_instance, token)
    assert report.withdrawn == 1
    assert _national_reviews(second_instance) == 0


def test_an_instance_passes_on_the_withdrawals_it_applied(
    app: FastAPI, published: Ready, second_instance: Session, token: str
) -> None:
    source = TestClient(app)
    _pull(source, second_instance, token)
    _reopen(published)
    _pull(source, second_instance, token)
    relayed = [
        json.loads(line) for line in export.national(second_instance, since=None, instance="second")
    ]
    assert relayed[0]["type"] == "withdrawal"
    assert relayed[0]["source"]["reference"] == published.review.reference
    assert relayed[0]["source"]["instance"] != "second", "the source is where it came from"


def _file(lines: list[dict[str, Any]], **manifest: Any) -> bytes:
    body = b"".join(json.dumps(line).encode() + b"\n" for line in lines)
    closing = {
        "format": "scr-exchange/1.1",
        "type": "manifest",
        "count": sum(line["type"] == "review" for line in lines),
        "withdrawals": sum(line["type"] == "withdrawal" for line in lines),
        "sha256": hashlib.sha256(body).hexdigest(),
        "typology_versions": ["1.0"],
        "generated_at": "2026-12-03T10:00:00Z",
        "since": None,
        "next_since": "2026-12-03T09:55:00Z",
        "withheld": 0,
        **manifest,
    }
    return body + json.dumps(closing).encode() + b"\n"


def _import(client: TestClient, body: bytes) -> Any:
    return client.post("/api/v1/imports", content=body)


def test_a_withdrawal_cannot_be_slipped_into_or_out_of_a_file(
    app: FastAPI, session: Session, published: Ready, token: str
) -> None:
    """The manifest counts and hashes the withdrawal lines as it does the reviews, so one
    added or taken out on the way is found and the file refused whole."""
    admin = TestClient(app, headers=_admin(session))
    withdrawal = {
        "format": "scr-exchange/1.1",
        "type": "withdrawal",
        "source": {"instance": "elsewhere", "board": "X", "reference": "R-1", "revision": 3},
        "reason": "deleted",
        "withdrawn_at": "2026-12-03T10:00:00Z",
    }
    good = _file([withdrawal])
    taken_out = good.split(b"\n", 1)[1]
    assert "counts 1 withdrawal line(s) but the file has 0" in _import(admin, taken_out).text
    slipped_in = json.dumps(withdrawal).encode() + b"\n" + _file([])
    refused = _import(admin, slipped_in)
    assert refused.status_code == 422
    assert "counts 0 withdrawal line(s) but the file has 1" in refused.text
    recounted = json.dumps(withdrawal).encode() + b"\n" + _file([], withdrawals=1)
    assert "do not match the manifest's SHA-256" in _import(admin, recounted).text
    in_format_1 = _file([{**withdrawal, "format": "scr-exchange/1"}])
    assert "withdrawal that does not match the schema" in _import(admin, in_format_1).text
    accepted = _import(admin, good)
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["withdrawn"] == 1


def test_a_file_in_format_1_is_still_read(
    app: FastAPI, published: Ready, second_instance: Session, token: str, tmp_path: Any
) -> None:
    from scr.intake import importing

    lines = [line for line in _export(app, token) if line["type"] == "review"]
    old = [{**line, "format": "scr-exchange/1"} for line in lines]
    path = tmp_path / "format-1.ndjson"
    manifest = {"format": "scr-exchange/1"}
    body = _file(old, **manifest)
    closing = json.loads(body.splitlines()[-1])
    del closing["withdrawals"]  # (format 1's manifest has no such field)
    path.write_bytes(b"".join(line + b"\n" for line in body.splitlines()[:-1]))
    with path.open("ab") as out:
        out.write(json.dumps(closing).encode() + b"\n")
    report = importing.import_file(
        session=second_instance, path=path, actor="test", own_instance="second"
    )
    assert (report.accepted, report.imported) == (True, 1), report
