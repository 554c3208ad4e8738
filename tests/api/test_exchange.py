"""The national exchange: the format and its schema, export, import, and pulling between two
instances (the second a database of its own)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import jsonschema
import networkx as nx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from api.main import create_app
from scr import migrate
from scr.account import service as account_service
from scr.account.models import User
from scr.account.schemas import MachineTokenCreate
from scr.audit.models import AuditEntry
from scr.board.models import Board
from scr.cli import app as cli
from scr.config import get_settings
from scr.db import make_engine, session_scope
from scr.demo.loader import load_demo
from scr.episode.models import KeyPracticeEpisode
from scr.exchange import export
from scr.exchange.document import ExchangeReview, Manifest, committed_schema, json_schema
from scr.exchange.instance import instance_id
from scr.intake.pull import pull
from scr.review.models import Review
from scr.vocabulary import Role
from tests.api.exchange_world import REASON, Ready, lines_of, ready
from tests.factories import bearer, make_user
from tests.responses import ok


@pytest.fixture
def published(session: Session, client_as: Callable[[User], TestClient]) -> Ready:
    r = ready(session, client_as)
    answer = r.publish()
    assert answer.status_code == 200, answer.text
    return r


@pytest.fixture
def national(session: Session, client_as: Callable[[User], TestClient]) -> TestClient:
    return client_as(make_user(session, Role.national))


def _file(lines: list[dict[str, Any]]) -> bytes:
    """An exchange file of these review lines with a manifest that matches them."""
    body = b"".join(json.dumps(line).encode() + b"\n" for line in lines)
    manifest = {
        "format": "scr-exchange/1",
        "type": "manifest",
        "count": len(lines),
        "sha256": hashlib.sha256(body).hexdigest(),
        "typology_versions": ["1.0"],
        "generated_at": "2026-11-22T10:00:00Z",
        "since": None,
        "next_since": "2026-11-22T09:55:00Z",
        "withheld": 0,
    }
    return body + json.dumps(manifest).encode() + b"\n"


def _as_from_elsewhere(line: dict[str, Any], reference: str) -> dict[str, Any]:
    """The line as another instance would send a review of its own."""
    copy = json.loads(json.dumps(line))
    copy["source"]["instance"] = "scr-elsewhere"
    copy["source"]["reference"] = copy["review"]["reference"] = reference
    return copy


def _review_count(session: Session) -> int:
    return int(session.exec(select(func.count()).select_from(Review)).one())


# The format and its schema


def test_the_committed_schema_is_the_one_the_code_defines(anonymous: TestClient) -> None:
    assert committed_schema() == json_schema(), (
        "the exchange models changed: run `scr exchange schema > "
        "scr/exchange/scr-exchange-1.1.schema.json`, "
        "and if old files no longer validate, this is a new format version"
    )
    served = anonymous.get("/api/v1/exports/schema")
    assert served.status_code == 200
    assert served.headers["content-type"].startswith("application/schema+json")
    assert served.json() == committed_schema()
    jsonschema.Draft202012Validator.check_schema(served.json())


def test_each_exported_line_is_valid_under_the_schema(
    published: Ready, national: TestClient
) -> None:
    answer = national.get("/api/v1/exports/national")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/x-ndjson")
    validator = jsonschema.Draft202012Validator(committed_schema())
    lines = lines_of(answer.content)
    for line in lines:
        validator.validate(line)
    review, manifest = lines
    ExchangeReview.model_validate(review)
    Manifest.model_validate(manifest)
    assert manifest["count"] == 1
    assert manifest["sha256"] == hashlib.sha256(answer.content.splitlines(True)[0]).hexdigest()
    assert manifest["typology_versions"] == ["1.1"]
    assert review["source"]["reference"] == "EAS-2023-04"
    assert review["review"]["notification_year"] == 2023
    assert "case_summary" not in review["review"]
    assert "chronology" not in review
    assert {t["code"] for t in review["tags"]} == {
        "sp.management.caseload-volume",
        "cc.harm.neglect",
    }
    assert len(review["episodes"]) == 8
    assert all(len(e.get("period_start") or "2020-01") == 7 for e in review["episodes"])


def test_each_export_is_recorded_in_the_audit_trail(
    session: Session, published: Ready, national: TestClient
) -> None:
    before = session.exec(
        select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "export")
    ).one()
    assert national.get("/api/v1/exports/national").status_code == 200
    after = session.exec(
        select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "export")
    ).one()
    assert after == before + 1


def test_unpublished_reviews_are_not_exported(
    session: Session, client_as: Callable[[User], TestClient], national: TestClient
) -> None:
    ready(session, client_as)
    lines = lines_of(national.get("/api/v1/exports/national").content)
    assert lines == [lines[-1]]
    assert lines[-1]["count"] == 0


def test_since_returns_only_reviews_revised_after_it(
    session: Session, published: Ready, national: TestClient
) -> None:
    first = lines_of(national.get("/api/v1/exports/national").content)
    manifest = first[-1]
    later = national.get("/api/v1/exports/national", params={"since": "2999-01-01T00:00:00Z"})
    assert lines_of(later.content)[-1]["count"] == 0
    # next_since lies a little before the export began, so a pull right after sends it again.
    again = national.get("/api/v1/exports/national", params={"since": manifest["next_since"]})
    assert lines_of(again.content)[-1]["count"] == 1
    naive = national.get("/api/v1/exports/national", params={"since": "2026-01-01T00:00:00"})
    assert naive.status_code == 422


def test_a_revision_leaves_as_the_same_line_even_after_its_board_is_renamed(
    session: Session, published: Ready, national: TestClient
) -> None:
    before = national.get("/api/v1/exports/national").content.splitlines()[0]
    board = session.get(Board, published.review.board_id)
    assert board is not None
    board.name = "Eastmere and Westmere Safeguarding Partnership"
    session.flush()
    after = national.get("/api/v1/exports/national").content.splitlines()[0]
    assert after == before, "an importer refuses a known revision with other content"


def test_every_change_to_a_review_gives_it_one_new_revision(
    session: Session, published: Ready
) -> None:
    session.refresh(published.review)
    start = published.review.revision
    episode = session.exec(
        select(KeyPracticeEpisode).where(KeyPracticeEpisode.review_id == published.review.id)
    ).first()
    assert episode is not None
    current = published.lead_client.get(published.url)  # a read changes nothing
    reopened = published.lead_client.post(
        f"{published.url}/reopen",
        json={"version": ok(current)["version"], "reason": "To record what went well."},
    )
    assert reopened.status_code == 200
    session.refresh(published.review)
    assert published.review.revision == start + 1
    answer = published.lead_client.patch(
        f"{published.url}/episodes/{episode.id}",
        json={"version": episode.version, "went_well": "The visit was prompt."},
    )
    assert answer.status_code == 200
    session.refresh(published.review)
    assert published.review.revision == start + 2


# Importing


def test_a_review_from_elsewhere_is_imported_once_then_unchanged_then_replaced(
    session: Session, client: TestClient, published: Ready, national: TestClient
) -> None:
    line = lines_of(national.get("/api/v1/exports/national").content)[0]
    other = _as_from_elsewhere(line, "ELS-2024-01")
    before = _review_count(session)
    first = client.post("/api/v1/imports", content=_file([other]))
    assert first.status_code == 200, first.text
    assert [r["outcome"] for r in first.json()["lines"]] == ["imported"]
    assert _review_count(session) == before + 1
    again = client.post("/api/v1/imports", content=_file([other]))
    assert [r["outcome"] for r in ok(again)["lines"]] == ["unchanged"]
    assert _review_count(session) == before + 1
    held = select(Review.record_key).where(Review.reference == "ELS-2024-01")
    record_key = session.exec(held).one()

    newer = json.loads(json.dumps(other))
    newer["source"]["revision"] += 1
    newer["episodes"][0]["title"] = "Booking appointment (revised)"
    replaced = client.post("/api/v1/imports", content=_file([newer]))
    assert [r["outcome"] for r in ok(replaced)["lines"]] == ["replaced"]
    older = client.post("/api/v1/imports", content=_file([other]))
    assert [r["outcome"] for r in ok(older)["lines"]] == ["older"]
    assert _review_count(session) == before + 1
    titles = session.exec(
        select(KeyPracticeEpisode.title).where(
            col(KeyPracticeEpisode.title).like("Booking appointment%")
        )
    ).all()
    assert "Booking appointment (revised)" in titles
    # A newer revision is the same review to disclosure control: its figures do not move.
    assert session.exec(held).one() == record_key


def test_a_tag_moved_onto_a_deprecated_code_arrives_but_a_retired_code_does_not(
    session: Session, client: TestClient, published: Ready, national: TestClient
) -> None:
    line = lines_of(national.get("/api/v1/exports/national").content)[0]
    kept = _as_from_elsewhere(line, "ELS-2024-05")
    # Moved to 1.1 at its source, the tag kept the code 1.1 deprecates: old tags may.
    kept["tags"][0] |= {"code": "sp.crisis.out-of-hours", "typology_version": "1.1"}
    gone = _as_from_elsewhere(line, "ELS-2024-06")
    gone["tags"][0] |= {"code": "fl.family", "typology_version": "1.1"}
    answer = client.post("/api/v1/imports", content=_file([kept, gone]))
    assert answer.status_code == 200, answer.text
    report = answer.json()["lines"]
    assert [r["outcome"] for r in report] == ["imported", "refused"]
    assert "Typology 1.1 has no code fl.family." in report[1]["message"]


def test_a_line_that_cannot_be_imported_is_refused_and_the_others_are_imported(
    session: Session, client: TestClient, published: Ready, national: TestClient
) -> None:
    line = lines_of(national.get("/api/v1/exports/national").content)[0]
    good = _as_from_elsewhere(line, "ELS-2024-02")
    bad = _as_from_elsewhere(line, "ELS-2024-03")
    bad["tags"][0]["typology_version"] = "9.9"
    own = line  # this instance's own review, sent back to it
    before = _review_count(session)
    answer = client.post("/api/v1/imports", content=_file([good, bad, own]))
    assert answer.status_code == 200, answer.text
    report = answer.json()
    assert [r["outcome"] for r in report["lines"]] == ["imported", "refused", "refused"]
    assert "9.9" in report["lines"][1]["message"]
    assert "this instance" in report["lines"][2]["message"]
    assert (report["imported"], report["refused"]) == (1, 2)
    assert _review_count(session) == before + 1


def test_lines_written_together_still_see_the_lines_before_them_in_the_file(
    session: Session, client: TestClient, published: Ready, national: TestClient
) -> None:
    line = lines_of(national.get("/api/v1/exports/national").content)[0]
    first = _as_from_elsewhere(line, "ELS-2024-11")
    newer = json.loads(json.dumps(first))
    newer["source"]["revision"] += 1
    newer["episodes"][0]["title"] = "Booking appointment (second revision)"
    rival = json.loads(json.dumps(first))  # the same board and reference, from a third place
    rival["source"]["instance"] = "scr-thirdplace"
    rival_again = json.loads(json.dumps(rival))
    rival_again["source"]["revision"] += 1
    other = _as_from_elsewhere(line, "ELS-2024-12")
    before = _review_count(session)
    answer = client.post(
        "/api/v1/imports", content=_file([first, rival, newer, rival_again, other])
    )
    assert answer.status_code == 200, answer.text
    report = answer.json()
    outcomes = [r["outcome"] for r in report["lines"]]
    assert outcomes == ["imported", "refused", "replaced", "refused", "imported"]
    for refused in (report["lines"][1], report["lines"][3]):
        assert "already has a review ELS-2024-11" in refused["message"]
    assert (report["imported"], report["replaced"], report["refused"]) == (2, 1, 2)
    assert _review_count(session) == before + 2
    titles = session.exec(
        select(KeyPracticeEpisode.title).where(
            col(KeyPracticeEpisode.title).like("Booking appointment%")
        )
    ).all()
    assert "Booking appointment (second revision)" in titles


def _good_file(national: TestClient) -> bytes:
    line = lines_of(national.get("/api/v1/exports/national").content)[0]
    return _file([_as_from_elsewhere(line, "ELS-2024-09")])


def _truncated(good: bytes) -> bytes:
    return good.splitlines(True)[0]


def _manifest_count(good: bytes) -> bytes:
    review, manifest = good.splitlines(True)
    m = json.loads(manifest)
    m["count"] = 2
    return review + json.dumps(m).encode() + b"\n"


def _altered(good: bytes) -> bytes:
    review, manifest = good.splitlines(True)
    return review.replace(b"Booking appointment", b"Booking appointmenT") + manifest


def _duplicated(good: bytes) -> bytes:
    review = good.splitlines(True)[0]
    return _file([json.loads(review), json.loads(review)])


def _wrong_format(good: bytes) -> bytes:
    return re.sub(rb'"scr-exchange/1(\.1)?"', b'"scr-exchange/2"', good)


def _off_schema(good: bytes) -> bytes:
    line = json.loads(good.splitlines(True)[0])
    line["review"]["review_type"] = "inquest"
    return _file([line])


BAD_FILES: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "malformed line": (lambda good: b"{not json\n" + good, "Line 1 is not JSON"),
    "wrong schema version": (
        _wrong_format,
        "this instance reads scr-exchange/1 and scr-exchange/1.1.",
    ),
    "line off the schema": (_off_schema, "does not match the schema"),
    "truncated stream": (_truncated, "ends without its manifest"),
    "manifest count mismatch": (_manifest_count, "counts 2 review line(s) but the file has 1"),
    "manifest hash mismatch": (_altered, "do not match the manifest's SHA-256"),
    "duplicate lines": (_duplicated, "repeats line 1"),
    "empty file": (lambda good: b"", "The file is empty"),
}


@pytest.mark.parametrize("fault", sorted(BAD_FILES))
def test_a_faulty_file_is_refused_whole_with_a_report(
    session: Session, client: TestClient, published: Ready, national: TestClient, fault: str
) -> None:
    spoil, expected = BAD_FILES[fault]
    body = spoil(_good_file(national))
    before = _review_count(session)
    answer = client.post("/api/v1/imports", content=body)
    assert answer.status_code == 422, answer.text
    assert expected in answer.json()["detail"]
    assert answer.json()["report"]["accepted"] is False
    assert _review_count(session) == before


def test_an_oversized_upload_is_refused_and_nothing_is_imported(
    session: Session,
    client: TestClient,
    published: Ready,
    national: TestClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from scr.config import get_settings

    body = _good_file(national)
    monkeypatch.setenv("SCR_MAX_IMPORT_BYTES", str(len(body) - 1))
    get_settings.cache_clear()
    try:
        before = _review_count(session)
        answer = client.post("/api/v1/imports", content=body)
    finally:
        monkeypatch.delenv("SCR_MAX_IMPORT_BYTES")
        get_settings.cache_clear()
    assert answer.status_code == 413
    assert "larger than" in answer.json()["detail"]
    assert _review_count(session) == before


# Two instances


@pytest.fixture
def second_instance(scratch_database_url: str) -> Iterator[Session]:
    migrate.upgrade(scratch_database_url)
    engine = make_engine(scratch_database_url)
    with Session(engine, expire_on_commit=False) as other:
        yield other
    engine.dispose()


def _graph_shape(line: dict[str, Any]) -> tuple[Any, ...]:
    g = nx.DiGraph()
    g.add_edges_from((x["source"], x["target"], {"kind": x["kind"]}) for x in line["links"])
    return (
        g.number_of_nodes(),
        sorted((s, t, k) for s, t, k in g.edges(data="kind")),
        sorted((t["target"], t["code"], t["typology_version"]) for t in line["tags"]),
    )


def test_a_review_published_here_arrives_identical_on_a_second_instance_by_pull(
    session: Session,
    app: Any,
    published: Ready,
    second_instance: Session,
) -> None:
    _, token = account_service.create_machine_token(
        session=session,
        settings=get_settings(),
        data=MachineTokenCreate(name="national instance", role=Role.national),
        actor="test",
    )
    source = TestClient(app)
    sent = lines_of(
        source.get("/api/v1/exports/national", headers={"Authorization": f"Bearer {token}"}).content
    )[0]

    report = pull(session=second_instance, client=source, url="http://testserver", token=token)
    second_instance.commit()
    assert (report.accepted, report.imported) == (True, 1), report
    there = export.national(second_instance, since=None, instance=instance_id(second_instance))
    received = [json.loads(line) for line in there]
    assert received[0] == sent, "the line passed on is the line that was received"
    assert _graph_shape(received[0]) == _graph_shape(sent)

    again = pull(session=second_instance, client=source, url="http://testserver", token=token)
    second_instance.commit()
    assert (again.imported, again.unchanged, again.replaced) == (0, 1, 0)
    count = second_instance.exec(select(func.count()).select_from(Review)).one()
    assert count == 1

    # A change on the source (reopened, changed, published again) is a new revision, which
    # replaces the copy on the next pull.
    episode = session.exec(
        select(KeyPracticeEpisode).where(KeyPracticeEpisode.review_id == published.review.id)
    ).first()
    assert episode is not None
    version = ok(published.lead_client.get(published.url))["version"]
    reopened = published.lead_client.post(
        f"{published.url}/reopen", json={"version": version, "reason": "To add what went well."}
    )
    assert reopened.status_code == 200
    changed = published.lead_client.patch(
        f"{published.url}/episodes/{episode.id}",
        json={"version": episode.version, "went_well": "The midwife asked again, alone."},
    )
    assert changed.status_code == 200
    assert published.publish().status_code == 200
    third = pull(session=second_instance, client=source, url="http://testserver", token=token)
    second_instance.commit()
    assert third.replaced == 1
    assert "The midwife asked again, alone." in json.dumps(
        [json.loads(line) for line in export.national(second_instance, since=None, instance="x")]
    )


def test_the_command_line_imports_a_file_and_reports_a_bad_one(
    published: Ready,
    national: TestClient,
    scratch_database_url: str,
    configured_for: Callable[[str], None],
    tmp_path: Any,
) -> None:
    line = lines_of(national.get("/api/v1/exports/national").content)[0]
    good = tmp_path / "good.ndjson"
    good.write_bytes(_file([line]))
    bad = tmp_path / "bad.ndjson"
    bad.write_bytes(_truncated(good.read_bytes()))
    migrate.upgrade(scratch_database_url)
    configured_for(scratch_database_url)
    runner = CliRunner()
    first = runner.invoke(cli, ["exchange", "import", str(good)])
    assert first.exit_code == 0, first.output
    assert "1 imported" in first.output
    second = runner.invoke(cli, ["exchange", "import", str(good)])
    assert "1 unchanged" in second.output
    refused = runner.invoke(cli, ["exchange", "import", str(bad)])
    assert refused.exit_code == 1
    assert "ends without its manifest" in refused.output


# Aggregates and the code network


def test_the_aggregates_file_carries_the_suppressed_pattern_figures(
    published: Ready, national: TestClient, client: TestClient
) -> None:
    answer = national.get("/api/v1/exports/aggregates.csv")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert rows[0]["table"] == "note"
    assert "changed by a small random amount" in rows[0]["label"]
    frequencies = [r for r in rows if r["table"] == "frequencies"]
    expected = ok(client.get("/api/v1/patterns/frequencies", params={"limit": 200}))
    assert {r["code"] for r in frequencies} == {i["code"] for i in expected["items"]}
    # One review is below any threshold: the national analyst sees every count suppressed.
    assert frequencies
    assert all(r["suppressed"] == "true" and r["reviews"] == "" for r in frequencies)


def test_the_code_network_downloads_as_graphml(national: TestClient, published: Ready) -> None:
    answer = national.get("/api/v1/exports/network.graphml", params={"min_support": 1})
    assert answer.status_code == 200
    graph = nx.parse_graphml(answer.text)
    assert isinstance(graph, nx.Graph)


def test_a_served_instance_exports_with_its_own_sessions_and_a_second_pulls_it(
    scratch_database_url: str,
    second_scratch_database_url: str,
    configured_for: Callable[[str], None],
) -> None:
    """As in production: each request's sessions are real ones on the instance's database
    (the other tests share one test session), so a write waiting on another would show."""
    migrate.upgrade(scratch_database_url)
    configured_for(scratch_database_url)
    with session_scope() as setup:
        review, _ = load_demo(session=setup)
        lead = make_user(setup, Role.reviewer, leads=(review,))
        _, token = account_service.create_machine_token(
            session=setup,
            settings=get_settings(),
            data=MachineTokenCreate(name="national instance", role=Role.national),
            actor="test",
        )
        lead_headers, url = bearer(lead), f"/api/v1/reviews/{review.id}"
    served = TestClient(create_app(check_migrations=False))
    version = ok(served.get(url, headers=lead_headers))["version"]
    publish = {"version": version, "status": "published", "checks_override_reason": REASON}
    assert served.patch(url, headers=lead_headers, json=publish).status_code == 200
    for _ in range(2):  # the first export also names the instance
        answer = served.get(
            "/api/v1/exports/national", headers={"Authorization": f"Bearer {token}"}
        )
        assert answer.status_code == 200, answer.text
        assert lines_of(answer.content)[-1]["count"] == 1

    migrate.upgrade(second_scratch_database_url)
    engine = make_engine(second_scratch_database_url)
    try:
        with Session(engine) as second:
            report = pull(session=second, client=served, url="http://testserver", token=token)
            second.commit()
        assert (report.accepted, report.imported) == (True, 1), report
    finally:
        engine.dispose()


def test_the_record_key_never_leaves(
    published: Ready, national: TestClient, client: TestClient
) -> None:
    """Knowing the keys would let an analyst take the cell key method's changes away."""
    key = str(published.review.record_key)
    for answer in (
        client.get(published.url),
        client.get(f"{published.url}/export"),
        national.get("/api/v1/exports/national"),
        client.get("/api/v1/reviews", params={"limit": 200}),
    ):
        assert answer.status_code == 200, answer.text
        assert "record_key" not in answer.text
        assert not re.search(rf"\b{key}\b", answer.text)
