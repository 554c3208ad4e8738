"""The method's name and the title of each record a search found, read for one page at once.

The names are ``scr.records.names``'s, the one way the workbench names a record; the titles
(and the finding a question or action belongs to) are read here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import sqlalchemy as sa
from sqlmodel import Session, col

from scr.chronology.models import ChronologyEntry
from scr.episode.models import KeyPracticeEpisode
from scr.factor.models import ContributoryFactor
from scr.finding.models import BoardAction, BoardQuestion, Finding
from scr.records import names as record_names
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
    """Each found record's name, title and finding, by (kind, id): a query or two per kind."""
    ids: dict[SearchKind, list[int]] = defaultdict(list)
    for kind, record_id in found:
        ids[kind].append(record_id)
    titled = {
        (kind.value, record_id): (title, finding)
        for kind, wanted in ids.items()
        for record_id, title, finding in session.execute(_TITLES[kind](wanted))
    }
    called = record_names.of(session, [f"{kind}:{i}" for kind, i in titled])
    return {
        (kind, i): (called[f"{kind}:{i}"], _short(title), finding)
        for (kind, i), (title, finding) in titled.items()
    }


def _episodes(ids: list[int]) -> sa.Executable:
    return sa.select(col(KeyPracticeEpisode.id), col(KeyPracticeEpisode.title), sa.null()).where(
        col(KeyPracticeEpisode.id).in_(ids)
    )


def _factors(ids: list[int]) -> sa.Executable:
    return sa.select(
        col(ContributoryFactor.id), col(ContributoryFactor.description), sa.null()
    ).where(col(ContributoryFactor.id).in_(ids))


def _findings(ids: list[int]) -> sa.Executable:
    return sa.select(col(Finding.id), col(Finding.title), sa.null()).where(col(Finding.id).in_(ids))


def _questions(ids: list[int]) -> sa.Executable:
    return sa.select(
        col(BoardQuestion.id), col(BoardQuestion.question), col(BoardQuestion.finding_id)
    ).where(col(BoardQuestion.id).in_(ids))


def _actions(ids: list[int]) -> sa.Executable:
    return (
        sa.select(col(BoardAction.id), col(BoardAction.description), col(BoardQuestion.finding_id))
        .join(BoardQuestion, col(BoardQuestion.id) == col(BoardAction.question_id))
        .where(col(BoardAction.id).in_(ids))
    )


def _entries(ids: list[int]) -> sa.Executable:
    return sa.select(col(ChronologyEntry.id), col(ChronologyEntry.summary), sa.null()).where(
        col(ChronologyEntry.id).in_(ids)
    )


_TITLES = {
    SearchKind.episode: _episodes,
    SearchKind.factor: _factors,
    SearchKind.finding: _findings,
    SearchKind.question: _questions,
    SearchKind.action: _actions,
    SearchKind.chronology: _entries,
}
