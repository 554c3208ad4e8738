"""The method's name and the title of each record a search found, read for one page at once."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import sqlalchemy as sa
from sqlmodel import Session, col, select

from scr.chronology.models import ChronologyEntry
from scr.common.written import written_date
from scr.episode.models import KeyPracticeEpisode
from scr.factor.models import ContributoryFactor
from scr.finding.models import BoardAction, BoardQuestion, Finding
from scr.vocabulary import SearchKind

Named = tuple[str, str, int | None]
"""A record's name ("KPE 3"), its title, and the finding it belongs to (questions, actions)."""

TITLE = 200


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= TITLE else line[: TITLE - 1].rstrip() + "…"


def names(
    session: Session, found: Iterable[tuple[SearchKind, int]]
) -> dict[tuple[str, int], Named]:
    """Each found record's name, title and finding, by (kind, id): a query per kind found."""
    ids: dict[SearchKind, list[int]] = defaultdict(list)
    for kind, record_id in found:
        ids[kind].append(record_id)
    named: dict[tuple[str, int], Named] = {}
    for kind, wanted in ids.items():
        for record_id, name in _READERS[kind](session, wanted):
            named[(kind.value, record_id)] = name
    return named


def _episodes(session: Session, ids: list[int]) -> list[tuple[int, Named]]:
    rows = session.exec(
        select(KeyPracticeEpisode.id, KeyPracticeEpisode.ordinal, KeyPracticeEpisode.title).where(
            col(KeyPracticeEpisode.id).in_(ids)
        )
    )
    return [(int(i or 0), (f"KPE {n}", _short(t), None)) for i, n, t in rows]


def _factors(session: Session, ids: list[int]) -> list[tuple[int, Named]]:
    rows = session.exec(
        select(ContributoryFactor.id, ContributoryFactor.description).where(
            col(ContributoryFactor.id).in_(ids)
        )
    )
    return [(int(i or 0), (f"Factor {i}", _short(d), None)) for i, d in rows]


def _findings(session: Session, ids: list[int]) -> list[tuple[int, Named]]:
    rows = session.exec(
        select(Finding.id, Finding.ordinal, Finding.title).where(col(Finding.id).in_(ids))
    )
    return [(int(i or 0), (f"Finding {n}", _short(t), None)) for i, n, t in rows]


def _questions(session: Session, ids: list[int]) -> list[tuple[int, Named]]:
    rows = session.execute(
        sa.select(
            col(BoardQuestion.id),
            col(BoardQuestion.ordinal),
            col(BoardQuestion.question),
            col(Finding.id),
            col(Finding.ordinal),
        )
        .join(Finding, col(Finding.id) == col(BoardQuestion.finding_id))
        .where(col(BoardQuestion.id).in_(ids))
    )
    return [(int(i or 0), (f"Finding {fn}, question {n}", _short(q), f)) for i, n, q, f, fn in rows]


def _actions(session: Session, ids: list[int]) -> list[tuple[int, Named]]:
    rows = session.execute(
        sa.select(
            col(BoardAction.id),
            col(BoardAction.ordinal),
            col(BoardAction.description),
            col(BoardQuestion.ordinal),
            col(Finding.id),
            col(Finding.ordinal),
        )
        .join(BoardQuestion, col(BoardQuestion.id) == col(BoardAction.question_id))
        .join(Finding, col(Finding.id) == col(BoardQuestion.finding_id))
        .where(col(BoardAction.id).in_(ids))
    )
    return [
        (int(i), (f"Finding {fn}, question {qn}, action {n}", _short(d), f))
        for i, n, d, qn, f, fn in rows
    ]


def _entries(session: Session, ids: list[int]) -> list[tuple[int, Named]]:
    rows = session.execute(
        sa.select(
            col(ChronologyEntry.id),
            col(ChronologyEntry.entry_date),
            col(ChronologyEntry.date_precision),
            col(ChronologyEntry.summary),
        ).where(col(ChronologyEntry.id).in_(ids))
    )
    return [
        (int(i or 0), (f"Chronology, {written_date(d, p)}", _short(s), None)) for i, d, p, s in rows
    ]


_READERS = {
    SearchKind.episode: _episodes,
    SearchKind.factor: _factors,
    SearchKind.finding: _findings,
    SearchKind.question: _questions,
    SearchKind.action: _actions,
    SearchKind.chronology: _entries,
}
