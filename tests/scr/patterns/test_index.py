"""The pattern index brought up to date holds what reading it afresh from the database holds."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import numpy as np
import pytest
import sqlalchemy as sa
from sqlmodel import Session, col, select

from scr.board.models import Board
from scr.demo.corpus import add_corpus
from scr.patterns.index import load, snapshot, store
from scr.patterns.index.snapshot import Snapshot
from scr.review.models import Review
from scr.tag import service as tag_service
from scr.tag.schemas import TagCreate
from scr.vocabulary import Outcome, Region, ReviewStatus
from scr.workflow import service as review_service
from tests.factories import make_review


def _content(index: Snapshot) -> dict[int, Any]:
    """Each review's attributes, codes and chains, whatever its row, in the current version
    (where the tags of both versions count)."""
    coded = index.in_version("1.1")
    rows = index.rows
    found: dict[int, Any] = {}
    for row, review in enumerate(rows.ids.tolist()):
        chains = {
            coded.chains[c]
            for c, r in zip(coded.chain_id.tolist(), coded.chain_row.tolist(), strict=True)
            if r == row
        }
        found[review] = (
            int(rows.board[row]),
            int(index.region[row]),
            int(rows.year[row]),
            int(rows.key[row]),
            {name: int(values[row]) for name, values in rows.attributes.items()},
            {
                (load.KINDS[k], coded.codes[c], bool(coded.exact[k, row, c]))
                for k, c in zip(*np.nonzero(coded.rolled[:, row]), strict=True)
            },
            chains,
        )
    return found


def test_the_index_brought_up_to_date_is_the_index_read_afresh(session: Session) -> None:
    add_corpus(session=session, count=40, seed=9)
    before = store.current(session)
    assert len(before.rows.ids) == 40
    # Unpublished ones: a published review refuses every change.
    reviews = session.exec(
        select(Review).where(Review.status != ReviewStatus.published).order_by(Review.id)  # type: ignore[arg-type]
    ).all()
    tag_service.create(
        session=session,
        review=reviews[0],
        data=TagCreate(target=f"review:{reviews[0].id}", code="cc.harm.neglect", agreed=True),
        coder="lead@example.org",
    )
    review_service.delete(session=session, review=reviews[1], cascade=True)
    board = session.get(Board, reviews[2].board_id)
    assert board is not None
    board.region = Region.london if board.region != Region.london else Region.south_west
    session.add(board)
    added = make_review(session, board, notification_date="2020-05-01")
    session.flush()

    after = store.current(session)
    assert after is not before
    assert store.current(session) is after  # nothing changed since: the same snapshot
    afresh = snapshot.build(session, load.fingerprint(session))
    assert _content(after) == _content(afresh)
    assert added.id in _content(after)
    assert reviews[1].id not in _content(after)
    assert ("review", "cc.harm.neglect", True) in _content(after)[reviews[0].id][5]


def _unpublished(session: Session) -> list[Review]:
    return list(
        session.exec(
            select(Review).where(Review.status != ReviewStatus.published).order_by(Review.id)  # type: ignore[arg-type]
        ).all()
    )


def _reading_stamps(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Record the ``since`` of every reading of the reviews' stamps."""
    calls: list[object] = []
    read = load.revisions

    def recorded(session: Session, since: object = None) -> dict[int, load.Stamp]:
        calls.append(since)
        return read(session, since)  # type: ignore[arg-type]

    monkeypatch.setattr(load, "revisions", recorded)
    return calls


def test_a_change_is_found_among_the_recently_revised_reviews_alone(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_corpus(session=session, count=40, seed=9)
    store.current(session)
    calls = _reading_stamps(monkeypatch)
    review = _unpublished(session)[0]
    tag_service.create(
        session=session,
        review=review,
        data=TagCreate(target=f"review:{review.id}", code="cc.harm.neglect", agreed=True),
        coder="lead@example.org",
    )
    session.flush()
    after = store.current(session)
    assert ("review", "cc.harm.neglect", True) in _content(after)[review.id][5]
    assert calls  # the stamps were read ...
    assert None not in calls  # ... never every review's
    assert _content(after) == _content(snapshot.build(session, load.fingerprint(session)))


@pytest.mark.parametrize("hidden", ["stamped long before", "removed", "added long before"])
def test_a_change_not_among_the_recently_revised_is_found_by_comparing_every_review(
    session: Session, monkeypatch: pytest.MonkeyPatch, hidden: str
) -> None:
    """A change whose revision time is older than the margin (its transaction committed long
    after it stamped the review), a review removed, a review added with an old time: the
    recent reviews do not account for them, so every review's stamp is compared."""
    add_corpus(session=session, count=40, seed=9)
    before = store.current(session)
    calls = _reading_stamps(monkeypatch)
    review = _unpublished(session)[0]
    long_ago = datetime(2001, 1, 1, tzinfo=UTC)
    if hidden == "stamped long before":
        session.execute(
            sa.update(Review)
            .where(col(Review.id) == review.id)
            .values(
                revision=Review.revision + 1,
                revised_at=long_ago,
                outcome=Outcome.death if review.outcome != Outcome.death else Outcome.serious_harm,
            )
        )
    elif hidden == "removed":
        review_service.delete(session=session, review=review, cascade=True)
    else:
        board = session.get(Board, review.board_id)
        assert board is not None
        added = make_review(session, board, notification_date="2020-05-01")
        session.flush()
        session.execute(
            sa.update(Review).where(col(Review.id) == added.id).values(revised_at=long_ago)
        )
    session.flush()
    session.expire_all()
    after = store.current(session)
    assert after is not before
    assert None in calls  # every stamp read
    assert _content(after) == _content(snapshot.build(session, load.fingerprint(session)))
