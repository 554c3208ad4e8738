"""Findings found before travel in the exchange (``scr-exchange/1.1``) as references (source,
board, reference, finding number), and the instance that imports them links the same
findings, whichever of the two reviews arrives first; a link to a review that does not leave
itself is not sent."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from scr import migrate
from scr.board.models import Board
from scr.db import make_engine
from scr.demo.partnership import load_partnership
from scr.exchange import export, scanning
from scr.exchange.instance import instance_id
from scr.exchange.schemas import AcceptanceCreate, IdentifierCreate
from scr.finding.models import Finding
from scr.intake import importing
from scr.recurrence.models import FoundBefore
from scr.review.models import Review
from scr.review.schemas import ReviewReopen, ReviewUpdate
from scr.vocabulary import IdentifierKind, ReviewStatus
from scr.workflow import service as review_service
from tests.factories import make_board

TARGET = "instance-b"


@pytest.fixture
def partnership(session: Session) -> Board:
    board = make_board(session)
    load_partnership(session=session, board=board)
    session.flush()
    return board


@pytest.fixture
def other(second_scratch_database_url: str) -> Iterator[Session]:
    migrate.upgrade(second_scratch_database_url)
    engine = make_engine(second_scratch_database_url)
    with Session(engine, expire_on_commit=False) as other:
        yield other
    engine.dispose()


def _sent(session: Session) -> list[str]:
    return list(export.national(session, since=None, instance=instance_id(session)))


def _file(sent: list[str], path: Path, *, reverse: bool = False) -> Path:
    """The export as a file, its review lines in the order sent or the other way round (the
    manifest's digest made again for the order)."""
    lines, manifest = sent[:-1], json.loads(sent[-1])
    reviews = [x for x in lines if json.loads(x)["type"] == "review"]
    rest = [x for x in lines if json.loads(x)["type"] != "review"]
    ordered = (reviews[::-1] if reverse else reviews) + rest
    manifest["sha256"] = hashlib.sha256("".join(ordered).encode("utf-8")).hexdigest()
    path.write_text("".join(ordered) + json.dumps(manifest) + "\n", encoding="utf-8")
    return path


def _links(session: Session) -> set[tuple[str, int, str, int]]:
    """Each found-before link as (review, finding number, earlier review, its number)."""
    later, earlier = aliased(Finding), aliased(Finding)
    later_review, earlier_review = aliased(Review), aliased(Review)
    rows = session.execute(
        sa.select(later_review.reference, later.ordinal, earlier_review.reference, earlier.ordinal)
        .select_from(FoundBefore)
        .join(later, later.id == FoundBefore.finding_id)
        .join(later_review, later_review.id == later.review_id)
        .join(earlier, earlier.id == FoundBefore.earlier_finding_id)
        .join(earlier_review, earlier_review.id == earlier.review_id)
    )
    return {(a, b, c, d) for a, b, c, d in rows}


def _published_links(session: Session) -> set[tuple[str, int, str, int]]:
    published = set(
        session.exec(select(Review.reference).where(Review.status == ReviewStatus.published))
    )
    return {x for x in _links(session) if x[0] in published and x[2] in published}


def _import(session: Session, path: Path) -> importing.ImportReport:
    report = importing.import_file(
        session=session, path=path, actor="cli", own_instance=TARGET, batch=3
    )
    session.commit()
    return report


def test_a_line_names_each_earlier_finding_by_its_source_and_number(
    session: Session, partnership: Board
) -> None:
    expected = _published_links(session)
    assert len(expected) >= 3  # (the demo partnership's findings that came back)
    named = {
        (line["review"]["reference"], finding["ordinal"], earlier["reference"], earlier["finding"])
        for line in map(json.loads, _sent(session)[:-1])
        if line["type"] == "review"
        for finding in line["findings"]
        for earlier in finding["found_before"]
    }
    assert named == expected
    boards = {
        (earlier["instance"], earlier["board"])
        for line in map(json.loads, _sent(session)[:-1])
        if line["type"] == "review"
        for finding in line["findings"]
        for earlier in finding["found_before"]
    }
    assert boards == {(instance_id(session), partnership.code)}


@pytest.mark.parametrize("reverse", [False, True], ids=["in order", "later review first"])
def test_the_importer_links_the_same_findings_whichever_arrives_first(
    session: Session, partnership: Board, other: Session, tmp_path: Path, reverse: bool
) -> None:
    expected = _published_links(session)
    report = _import(other, _file(_sent(session), tmp_path / "a.ndjson", reverse=reverse))
    assert report.refused == 0
    assert _links(other) == expected
    # The same file again changes nothing, and makes no second link.
    again = _import(other, _file(_sent(session), tmp_path / "a.ndjson", reverse=reverse))
    assert again.unchanged == report.imported
    assert _links(other) == expected
    assert len(other.exec(select(FoundBefore)).all()) == len(expected)


def test_a_link_to_a_review_held_back_is_made_only_once_that_review_arrives(
    session: Session, partnership: Board, other: Session, tmp_path: Path
) -> None:
    linked = _published_links(session)
    earliest = min(linked, key=lambda x: x[2])[2]
    review = session.exec(select(Review).where(Review.reference == earliest)).one()
    # A known identifier found in it holds it back (an open scan hit): it leaves only as a
    # withdrawal line, and the importer links nothing to it.
    finding = session.exec(
        select(Finding).where(Finding.review_id == review.id).order_by(col(Finding.ordinal))
    ).first()
    assert finding is not None
    scanning.add_identifier(
        session=session,
        review=review,
        data=IdentifierCreate(text=finding.statement.split()[0], kind=IdentifierKind.name),
        actor="test",
    )
    sent = [json.loads(x) for x in _sent(session)[:-1]]
    assert [x["source"]["reference"] for x in sent if x["type"] == "withdrawal"] == [earliest]
    _import(other, _file(_sent(session), tmp_path / "a.ndjson"))
    assert _links(other) == {x for x in linked if x[2] != earliest}
    # Cleared at its source (reopened, the hit accepted, published again), it leaves; the
    # links to it are made from the references kept.
    review_service.reopen(
        session=session,
        review=review,
        data=ReviewReopen(version=review.version, reason="A scan hit to look at."),
    )
    for hit in scanning.scan_review(session=session, review=review).hits:
        if hit.status == "open":
            scanning.accept(
                session=session,
                review=review,
                data=AcceptanceCreate(
                    record=hit.record,
                    field=hit.field,
                    kind=hit.kind,
                    text=hit.text,
                    reason="A common word here, not the child's name.",
                ),
                actor="test",
            )
    review_service.update(
        session=session,
        review=review,
        data=ReviewUpdate(version=review.version, status=ReviewStatus.published),
    )
    _import(other, _file(_sent(session), tmp_path / "b.ndjson"))
    assert _links(other) == linked


def test_a_newer_revision_of_the_earlier_review_keeps_its_links(
    session: Session, partnership: Board, other: Session, tmp_path: Path
) -> None:
    expected = _published_links(session)
    _import(other, _file(_sent(session), tmp_path / "a.ndjson"))
    earliest = min(expected, key=lambda x: x[2])[2]
    # The copy of the earlier review is replaced by a newer revision: its findings go, and
    # the links to them are made again from the references kept.
    lines = [json.loads(x) for x in _sent(session)[:-1]]
    newer = next(x for x in lines if x.get("review", {}).get("reference") == earliest)
    newer["source"]["revision"] += 1
    newer["findings"][0]["why_it_matters"] = "Said again at the newer revision."
    manifest = json.loads(_sent(session)[-1])
    text = json.dumps(newer, ensure_ascii=False, separators=(",", ":")) + "\n"
    manifest |= {"count": 1, "withdrawals": 0}
    manifest["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    path = tmp_path / "newer.ndjson"
    path.write_text(text + json.dumps(manifest) + "\n", encoding="utf-8")
    report = _import(other, path)
    assert report.replaced == 1
    assert _links(other) == expected
