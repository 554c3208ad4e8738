"""The method's names for a review's records: the one way a person reads which record is meant.

Every screen, message and output that names a record to a person names it here, never by its
database id (the id stays in the machine's key, ``episode:12``):

- a key practice episode is "KPE 3", by its ordinal;
- a finding is "Finding 2", by its ordinal; its questions and actions "Finding 2, question 1"
  and "Finding 2, question 1, action 3";
- a contributory factor is "Factor 4". Factors have no ordinal of their own, so they are
  numbered within their review in the order they were recorded (by id), from 1: the order the
  report lists them in and draws them in its figure. Deleting a factor renumbers those
  recorded after it, as it renumbers them in the next report;
- a chronology entry by its date (to its precision) and source, or its agency where it has no
  source: "Chronology, 20 January 2025, GP records";
- a participant by role and agency, never by name: "Health visitor 1, Health visiting";
- a causal link by its two ends: "Factor 2 → KPE 3";
- a tag by what it tags ("Tag on KPE 3"), an agency by its name, the review as "The review".

A key this module cannot name (a record since deleted) is named by its key. ``of`` names
keys from the database; ``episode``, ``factor`` and ``finding`` give the same names from a
number already in hand, for code that reads no database (the graph's labels, the report's
headings).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

import sqlalchemy as sa
from sqlmodel import Session, col

from scr.agency.models import Agency
from scr.chronology.models import ChronologyEntry
from scr.common.written import written_date
from scr.episode.models import KeyPracticeEpisode
from scr.factor.models import ContributoryFactor
from scr.finding.models import BoardAction, BoardQuestion, Finding
from scr.link.models import CausalLink
from scr.participant.models import Participant
from scr.tag.models import Tag

Names = dict[str, str]
"""Record key ("episode:12") -> the method's name ("KPE 3")."""


def episode(ordinal: int) -> str:
    """A key practice episode's name, from its ordinal: "KPE 3"."""
    return f"KPE {ordinal}"


def factor(number: int) -> str:
    """A contributory factor's name, from its number within its review: "Factor 4"."""
    return f"Factor {number}"


def finding(ordinal: int) -> str:
    """A finding's name, from its ordinal: "Finding 2"."""
    return f"Finding {ordinal}"


def of(session: Session, records: Iterable[str]) -> Names:
    """The name of each record key, of any reviews: a query or two per kind of record."""
    records = list(records)
    ids: dict[str, list[int]] = defaultdict(list)
    for record in records:
        kind, _, item = record.partition(":")
        if item.isdigit():
            ids[kind].append(int(item))
    named: Names = {}
    for kind, wanted in ids.items():
        if kind in _READERS:
            named |= _READERS[kind](session, wanted)
    return {r: named.get(r, r) for r in records}


def one(session: Session, record: str) -> str:
    """The name of one record key."""
    return of(session, [record])[record]


def factor_numbers(session: Session, factor_ids: Iterable[int]) -> dict[int, int]:
    """Each factor's number within its review (the order factors were recorded in)."""
    wanted = list(factor_ids)
    if not wanted:
        return {}
    reviews = sa.select(col(ContributoryFactor.review_id)).where(
        col(ContributoryFactor.id).in_(wanted)
    )
    numbered = (
        sa.select(
            col(ContributoryFactor.id).label("id"),
            sa.func.row_number()
            .over(
                partition_by=col(ContributoryFactor.review_id),
                order_by=col(ContributoryFactor.id),
            )
            .label("number"),
        )
        .where(col(ContributoryFactor.review_id).in_(reviews))
        .subquery()
    )
    stmt = sa.select(numbered.c.id, numbered.c.number).where(numbered.c.id.in_(wanted))
    return {int(i): int(n) for i, n in session.execute(stmt)}


def _episodes(session: Session, ids: list[int]) -> Names:
    stmt = sa.select(col(KeyPracticeEpisode.id), col(KeyPracticeEpisode.ordinal)).where(
        col(KeyPracticeEpisode.id).in_(ids)
    )
    return {f"episode:{i}": episode(n) for i, n in session.execute(stmt)}


def _factors(session: Session, ids: list[int]) -> Names:
    return {f"factor:{i}": factor(n) for i, n in factor_numbers(session, ids).items()}


def _findings(session: Session, ids: list[int]) -> Names:
    stmt = sa.select(col(Finding.id), col(Finding.ordinal)).where(col(Finding.id).in_(ids))
    return {f"finding:{i}": finding(n) for i, n in session.execute(stmt)}


def _questions(session: Session, ids: list[int]) -> Names:
    stmt = (
        sa.select(col(BoardQuestion.id), col(BoardQuestion.ordinal), col(Finding.ordinal))
        .join(Finding, col(Finding.id) == col(BoardQuestion.finding_id))
        .where(col(BoardQuestion.id).in_(ids))
    )
    return {f"question:{i}": f"{finding(f)}, question {n}" for i, n, f in session.execute(stmt)}


def _actions(session: Session, ids: list[int]) -> Names:
    stmt = (
        sa.select(
            col(BoardAction.id),
            col(BoardAction.ordinal),
            col(BoardQuestion.ordinal),
            col(Finding.ordinal),
        )
        .join(BoardQuestion, col(BoardQuestion.id) == col(BoardAction.question_id))
        .join(Finding, col(Finding.id) == col(BoardQuestion.finding_id))
        .where(col(BoardAction.id).in_(ids))
    )
    return {
        f"action:{i}": f"{finding(f)}, question {q}, action {n}"
        for i, n, q, f in session.execute(stmt)
    }


def _entries(session: Session, ids: list[int]) -> Names:
    stmt = (
        sa.select(
            col(ChronologyEntry.id),
            col(ChronologyEntry.entry_date),
            col(ChronologyEntry.date_precision),
            col(ChronologyEntry.source),
            col(Agency.name),
        )
        .outerjoin(Agency, col(Agency.id) == col(ChronologyEntry.agency_id))
        .where(col(ChronologyEntry.id).in_(ids))
    )
    named = {}
    for i, day, precision, source, agency in session.execute(stmt):
        by = " ".join((source or agency or "").split())
        named[f"chronology:{i}"] = f"Chronology, {written_date(day, precision)}" + (
            f", {by}" if by else ""
        )
    return named


def _participants(session: Session, ids: list[int]) -> Names:
    stmt = (
        sa.select(col(Participant.id), col(Participant.job_role), col(Agency.name))
        .outerjoin(Agency, col(Agency.id) == col(Participant.agency_id))
        .where(col(Participant.id).in_(ids))
    )
    return {
        f"participant:{i}": f"{role}, {agency}" if agency else role
        for i, role, agency in session.execute(stmt)
    }


def _agencies(session: Session, ids: list[int]) -> Names:
    stmt = sa.select(col(Agency.id), col(Agency.name)).where(col(Agency.id).in_(ids))
    return {f"agency:{i}": name for i, name in session.execute(stmt)}


def _links(session: Session, ids: list[int]) -> Names:
    stmt = sa.select(
        col(CausalLink.id),
        col(CausalLink.source_kind),
        col(CausalLink.source_id),
        col(CausalLink.target_kind),
        col(CausalLink.target_id),
    ).where(col(CausalLink.id).in_(ids))
    rows = [
        (i, f"{_value(sk)}:{si}", f"{_value(tk)}:{ti}")
        for i, sk, si, tk, ti in session.execute(stmt)
    ]
    ends = of(session, [key for _, s, t in rows for key in (s, t)])
    return {f"link:{i}": f"{ends[s]} → {ends[t]}" for i, s, t in rows}


def _tags(session: Session, ids: list[int]) -> Names:
    stmt = sa.select(col(Tag.id), col(Tag.target_kind), col(Tag.target_id)).where(
        col(Tag.id).in_(ids)
    )
    rows = [(i, f"{_value(k)}:{t}") for i, k, t in session.execute(stmt)]
    targets = of(session, [t for _, t in rows])
    return {f"tag:{i}": f"Tag on {_on(t, targets[t])}" for i, t in rows}


def _on(record: str, name: str) -> str:
    return "the review" if record.startswith("review:") else name


def _reviews(session: Session, ids: list[int]) -> Names:
    return {f"review:{i}": "The review" for i in ids}


def _value(kind: object) -> str:
    return str(getattr(kind, "value", kind))


_READERS: dict[str, Callable[[Session, list[int]], Names]] = {
    "review": _reviews,
    "episode": _episodes,
    "factor": _factors,
    "finding": _findings,
    "question": _questions,
    "action": _actions,
    "chronology": _entries,
    "participant": _participants,
    "agency": _agencies,
    "link": _links,
    "tag": _tags,
}
