"""The pattern index brought up to date holds what reading it afresh from the database holds."""

from __future__ import annotations

from typing import Any

import numpy as np
from sqlmodel import Session, select

from scr.board.models import Board
from scr.demo.corpus import add_corpus
from scr.patterns.index import load, snapshot, store
from scr.patterns.index.snapshot import Snapshot
from scr.review.models import Review
from scr.tag import service as tag_service
from scr.tag.schemas import TagCreate
from scr.vocabulary import Region, ReviewStatus
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
