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

This module reads the records' tables by name from the one metadata every model joins
(``scr.models`` lists them all, and the processes' entry points, ``api.main`` and ``scr.cli``,
import it), not through their model classes: every record service names records, so the naming
sits below every record package and imports none of them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

import sqlalchemy as sa
from sqlmodel import Session, SQLModel

from scr.common.written import written_date

Names = dict[str, str]
"""Record key ("episode:12") -> the method's name ("KPE 3")."""


def _table(name: str) -> sa.Table:
    """A record table, by its name in the metadata its model joined."""
    return SQLModel.metadata.tables[name]


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
    factors = _table("contributory_factor")
    reviews = sa.select(factors.c.review_id).where(factors.c.id.in_(wanted))
    numbered = (
        sa.select(
            factors.c.id.label("id"),
            sa.func.row_number()
            .over(partition_by=factors.c.review_id, order_by=factors.c.id)
            .label("number"),
        )
        .where(factors.c.review_id.in_(reviews))
        .subquery()
    )
    stmt = sa.select(numbered.c.id, numbered.c.number).where(numbered.c.id.in_(wanted))
    return {int(i): int(n) for i, n in session.execute(stmt)}


def _episodes(session: Session, ids: list[int]) -> Names:
    episodes = _table("key_practice_episode")
    stmt = sa.select(episodes.c.id, episodes.c.ordinal).where(episodes.c.id.in_(ids))
    return {f"episode:{i}": episode(n) for i, n in session.execute(stmt)}


def _factors(session: Session, ids: list[int]) -> Names:
    return {f"factor:{i}": factor(n) for i, n in factor_numbers(session, ids).items()}


def _findings(session: Session, ids: list[int]) -> Names:
    findings = _table("finding")
    stmt = sa.select(findings.c.id, findings.c.ordinal).where(findings.c.id.in_(ids))
    return {f"finding:{i}": finding(n) for i, n in session.execute(stmt)}


def _questions(session: Session, ids: list[int]) -> Names:
    questions, findings = _table("board_question"), _table("finding")
    stmt = (
        sa.select(questions.c.id, questions.c.ordinal, findings.c.ordinal)
        .join(findings, findings.c.id == questions.c.finding_id)
        .where(questions.c.id.in_(ids))
    )
    return {f"question:{i}": f"{finding(f)}, question {n}" for i, n, f in session.execute(stmt)}


def _actions(session: Session, ids: list[int]) -> Names:
    actions, questions, findings = (
        _table("board_action"),
        _table("board_question"),
        _table("finding"),
    )
    stmt = (
        sa.select(actions.c.id, actions.c.ordinal, questions.c.ordinal, findings.c.ordinal)
        .join(questions, questions.c.id == actions.c.question_id)
        .join(findings, findings.c.id == questions.c.finding_id)
        .where(actions.c.id.in_(ids))
    )
    return {
        f"action:{i}": f"{finding(f)}, question {q}, action {n}"
        for i, n, q, f in session.execute(stmt)
    }


def _entries(session: Session, ids: list[int]) -> Names:
    entries, agencies = _table("chronology_entry"), _table("agency")
    stmt = (
        sa.select(
            entries.c.id,
            entries.c.entry_date,
            entries.c.date_precision,
            entries.c.source,
            agencies.c.name,
        )
        .outerjoin(agencies, agencies.c.id == entries.c.agency_id)
        .where(entries.c.id.in_(ids))
    )
    named = {}
    for i, day, precision, source, agency in session.execute(stmt):
        by = " ".join((source or agency or "").split())
        named[f"chronology:{i}"] = f"Chronology, {written_date(day, precision)}" + (
            f", {by}" if by else ""
        )
    return named


def _participants(session: Session, ids: list[int]) -> Names:
    participants, agencies = _table("participant"), _table("agency")
    stmt = (
        sa.select(participants.c.id, participants.c.job_role, agencies.c.name)
        .outerjoin(agencies, agencies.c.id == participants.c.agency_id)
        .where(participants.c.id.in_(ids))
    )
    return {
        f"participant:{i}": f"{role}, {agency}" if agency else role
        for i, role, agency in session.execute(stmt)
    }


def _agencies(session: Session, ids: list[int]) -> Names:
    agencies = _table("agency")
    stmt = sa.select(agencies.c.id, agencies.c.name).where(agencies.c.id.in_(ids))
    return {f"agency:{i}": name for i, name in session.execute(stmt)}


def _links(session: Session, ids: list[int]) -> Names:
    links = _table("causal_link")
    stmt = sa.select(
        links.c.id,
        links.c.source_kind,
        links.c.source_id,
        links.c.target_kind,
        links.c.target_id,
    ).where(links.c.id.in_(ids))
    rows = [
        (i, f"{_value(sk)}:{si}", f"{_value(tk)}:{ti}")
        for i, sk, si, tk, ti in session.execute(stmt)
    ]
    ends = of(session, [key for _, s, t in rows for key in (s, t)])
    return {f"link:{i}": f"{ends[s]} → {ends[t]}" for i, s, t in rows}


def _tags(session: Session, ids: list[int]) -> Names:
    tags = _table("tag")
    stmt = sa.select(tags.c.id, tags.c.target_kind, tags.c.target_id).where(tags.c.id.in_(ids))
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
