"""The report as one document structure, laid out as Learning Together reports are.

``build`` reads the record once and returns a ``Report``: the title page, the introduction,
the findings and the appendices, already in the report's words, with every piece of the
record's free text it carries (``Report.texts``). The identifier scan reads the fields
``scr/exchange/leaving.py`` lists; a test holds every one of these texts to that list. The
renderers (``markup.py`` for HTML and PDF, ``word.py``) only lay the structure out; they
read nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx
from sqlmodel import Session, col, select

from scr.agency.models import Agency
from scr.board.models import Board
from scr.coding import catalogue
from scr.common.lookup import id_of
from scr.episode.models import KeyPracticeEpisode
from scr.exchange.leaving import Text
from scr.factor.models import ContributoryFactor
from scr.finding.models import Finding
from scr.graph import service as graph_service
from scr.link.models import CausalLink
from scr.participant.models import Participant
from scr.records import names as record_names
from scr.report import words
from scr.review import quality
from scr.review.models import Review
from scr.tag.models import Tag
from scr.vocabulary import ParticipantRole, ReviewStatus, TagTarget


@dataclass(frozen=True)
class Person:
    """A participant, by role and agency: never by name."""

    job_role: str
    agency: str


@dataclass(frozen=True)
class Episode:
    number: int
    title: str
    period: str
    agencies: list[str]
    roles: list[str]
    rating: str
    what_happened: str | None
    view_at_the_time: str | None
    appraisal: str | None
    went_well: str | None
    queries: str | None
    suggested_changes: str | None


@dataclass(frozen=True)
class Action:
    description: str
    owner_role: str | None
    agency: str | None
    due: str | None
    status: str
    evidence_of_impact: str | None


@dataclass(frozen=True)
class Question:
    number: str  # "1.2": the finding's number, then the question's
    text: str
    response: str | None
    responded: str | None  # the day the Board responded, in words
    actions: list[Action]


@dataclass(frozen=True)
class SystemicFinding:
    number: int
    title: str
    pattern: str
    category: str | None
    statement: str
    how_it_appeared: str | None
    evidence: list[str]  # the episodes and factors it rests on, in words
    evidence_beyond_case: str | None
    why_it_matters: str | None
    questions: list[Question]


@dataclass(frozen=True)
class Coded:
    record: str
    code: str
    label: str


@dataclass(frozen=True)
class Report:
    """Everything the report says, in order; ``draft`` marks every page until publication."""

    draft: bool
    board: str
    reference: str
    child: str
    date: date
    review_type: str
    method: str
    reason_for_review: str | None
    rapid_review: str | None  # its month and outcome, in a sentence
    summary: str | None
    family: list[tuple[str, str]]
    period: str
    lead_reviewers: list[Person]
    review_team: list[Person]
    case_group: list[Person]
    family_participants: int
    independence: str | None
    methodological_comment: str | None
    acknowledgements: str | None
    episodes: list[Episode]
    findings: list[SystemicFinding]
    codes: list[Coded] | None  # None: withheld from a coder who codes the review blind
    markers: list[tuple[str, str, str, str]]  # group, marker, status, note
    graph: nx.DiGraph
    node_names: dict[str, str]  # node key -> "KPE 1", "Factor 3", "Finding 2" (scr.records.names)
    node_titles: dict[str, str]  # node key -> the episode's or finding's title, the factor
    texts: list[Text] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"{self.review_type} concerning {self.child}"


class _Collector:
    """Keeps every piece of record text the report carries, keyed as the exchange keys it."""

    def __init__(self) -> None:
        self.texts: list[Text] = []

    def __call__(self, record: str, name: str, value: Any) -> Any:
        if value:
            self.texts.append(Text(record, name, value))
        return value


def _rows(session: Session, model: Any, review_id: int, *order: Any) -> list[Any]:
    stmt = select(model).where(model.review_id == review_id).order_by(*order, col(model.id))
    return list(session.exec(stmt))


def _people(
    participants: list[Participant], agencies: dict[int, str], role: ParticipantRole, text: Any
) -> list[Person]:
    return [
        Person(
            text(f"participant:{p.id}", "job_role", p.job_role),
            agencies.get(p.agency_id, "") if p.agency_id else "",
        )
        for p in participants
        if p.role == role
    ]


def build(
    session: Session, review: Review, *, draft: bool, today: date, blind: bool = False
) -> Report:
    """Read the review's record and lay it out as its report. A published report is dated
    by its publication, a draft by ``today``; ``blind``: for a coder who codes the review
    blind, without its agreed codes."""
    rid = id_of(review)
    text = _Collector()
    me = f"review:{rid}"
    board = session.get(Board, review.board_id)
    agencies = {a.id: a.name for a in session.exec(select(Agency)) if a.id is not None}
    participants = _rows(session, Participant, rid)
    episodes = _rows(session, KeyPracticeEpisode, rid, col(KeyPracticeEpisode.ordinal))
    factors = _rows(session, ContributoryFactor, rid)
    findings = _rows(session, Finding, rid, col(Finding.ordinal))
    links = _rows(session, CausalLink, rid)
    # The figure's and the key's order: episodes, factors, findings, each by number (the
    # factors' numbers are their order within the review, as ``scr.records.names`` says).
    keys = [f"episode:{e.id}" for e in episodes] + [f"factor:{f.id}" for f in factors]
    names = record_names.of(session, keys + [f"finding:{g.id}" for g in findings])
    described = {f"episode:{e.id}": e.title for e in episodes}
    described |= {
        f"factor:{f.id}": text(f"factor:{f.id}", "description", f.description) for f in factors
    }
    described |= {f"finding:{g.id}": g.title for g in findings}
    evidence: dict[str, list[str]] = defaultdict(list)
    for link in links:
        if words.value(link.kind) == "evidenced_by" and link.target in described:
            evidence[link.source].append(f"{names[link.target]}: {described[link.target]}")
    patterns = {} if blind else _patterns(session, rid)
    published = review.status == ReviewStatus.published
    dated = review.publication_date if published and review.publication_date else today
    if published and not review.publication_date:
        dated = review.revised_at.date()
    return Report(
        draft=draft,
        board=board.name if board else "",
        reference=text(me, "reference", review.reference),
        child=text(me, "child_pseudonym", review.child_pseudonym),
        date=dated,
        review_type=words.REVIEW_TYPES[words.value(review.review_type)],
        method=_method(review),
        reason_for_review=text(me, "reason_for_review", review.reason_for_review),
        rapid_review=_rapid_review(
            review, text(me, "rapid_review_outcome", review.rapid_review_outcome)
        ),
        summary=text(me, "case_summary", review.case_summary),
        family=[
            (
                text(me, f"family_composition[{i}].pseudonym", m["pseudonym"]),
                text(me, f"family_composition[{i}].relationship", m["relationship"]),
            )
            for i, m in enumerate(review.family_composition)
        ],
        period=words.period(review.scope_start, review.scope_end),
        lead_reviewers=_people(participants, agencies, ParticipantRole.lead_reviewer, text),
        review_team=_people(participants, agencies, ParticipantRole.review_team, text),
        case_group=_people(participants, agencies, ParticipantRole.case_group, text),
        family_participants=sum(p.role == ParticipantRole.family for p in participants),
        independence=text(me, "independence", review.independence),
        methodological_comment=text(me, "methodological_comment", review.methodological_comment),
        acknowledgements=text(me, "acknowledgements", review.acknowledgements),
        episodes=[_episode(e, agencies, text) for e in episodes],
        findings=[
            _finding(g, evidence[f"finding:{g.id}"], agencies, text, patterns.get(id_of(g)))
            for g in findings
        ],
        codes=None if blind else _codes(session, rid, names),
        markers=[
            (
                m["group"],
                m["label"],
                quality.STATUS_WORDS[m["status"]],
                text(me, f"quality_markers[{m['marker'].value}].note", m["note"]) or "",
            )
            for m in quality.checklist(review.quality_markers)
        ],
        graph=graph_service.review_graph(session=session, review=review),
        node_names=names,
        node_titles=described,
        texts=text.texts,
    )


def _rapid_review(review: Review, outcome: str | None) -> str | None:
    if review.rapid_review_date is None and not outcome:
        return None
    when = f" in {words.month(review.rapid_review_date)}" if review.rapid_review_date else ""
    return f"The rapid review met{when}." + (f" {outcome}" if outcome else "")


def _method(review: Review) -> str:
    size = review.learning_together_size
    if size is None:
        return "SCIE's Learning Together systems model"
    return f"SCIE's Learning Together systems model, as {words.SIZES[words.value(size)]}"


def _episode(e: KeyPracticeEpisode, agencies: dict[int, str], text: Any) -> Episode:
    me = f"episode:{e.id}"
    return Episode(
        number=e.ordinal,
        title=text(me, "title", e.title),
        period=words.period(e.period_start, e.period_end),
        agencies=[agencies[a] for a in e.agency_ids if a in agencies],
        roles=[text(me, f"roles_involved[{i}]", r) for i, r in enumerate(e.roles_involved)],
        rating=words.RATINGS[words.value(e.appraisal_rating)] if e.appraisal_rating else "",
        **{
            name: text(me, name, getattr(e, name))
            for name in (
                "what_happened",
                "view_at_the_time",
                "appraisal",
                "went_well",
                "queries",
                "suggested_changes",
            )
        },
    )


def _patterns(session: Session, rid: int) -> dict[int, str]:
    """Each finding's systemic pattern, as its report names it: the label of the first of its
    agreed codes."""
    stmt = (
        select(Tag)
        .where(Tag.review_id == rid, Tag.target_kind == TagTarget.finding, col(Tag.agreed))
        .order_by(col(Tag.id))
    )
    found: dict[int, str] = {}
    for tag in session.exec(stmt):
        if tag.target_id not in found:
            code = catalogue.get(tag.typology_version).code(tag.code)
            found[tag.target_id] = code.label if code else tag.code
    return found


def _finding(
    g: Finding, evidence: list[str], agencies: dict[int, str], text: Any, category: str | None
) -> SystemicFinding:
    me = f"finding:{g.id}"
    questions = []
    for q in g.questions:
        where = f"questions[{q.ordinal}]"
        questions.append(
            Question(
                number=f"{g.ordinal}.{q.ordinal}",
                text=text(me, f"{where}.question", q.question),
                response=text(me, f"{where}.board_response", q.board_response),
                responded=words.day(q.response_date) if q.response_date else None,
                actions=[
                    Action(
                        description=text(
                            me, f"{where}.actions[{a.ordinal}].description", a.description
                        ),
                        owner_role=text(
                            me, f"{where}.actions[{a.ordinal}].owner_role", a.owner_role
                        ),
                        agency=agencies.get(a.agency_id) if a.agency_id else None,
                        due=words.day(a.due_date) if a.due_date else None,
                        status=words.ACTION_STATUSES[words.value(a.status)],
                        evidence_of_impact=text(
                            me,
                            f"{where}.actions[{a.ordinal}].evidence_of_impact",
                            a.evidence_of_impact,
                        ),
                    )
                    for a in q.actions
                ],
            )
        )
    return SystemicFinding(
        number=g.ordinal,
        title=text(me, "title", g.title),
        pattern=words.PATTERNS[words.value(g.pattern_kind)],
        category=category,
        statement=text(me, "statement", g.statement),
        how_it_appeared=text(me, "how_it_appeared", g.how_it_appeared),
        evidence=evidence,
        evidence_beyond_case=text(me, "evidence_beyond_case", g.evidence_beyond_case),
        why_it_matters=text(me, "why_it_matters", g.why_it_matters),
        questions=questions,
    )


def _codes(session: Session, rid: int, names: dict[str, str]) -> list[Coded]:
    stmt = select(Tag).where(Tag.review_id == rid, col(Tag.agreed)).order_by(col(Tag.id))
    found = []
    for tag in session.exec(stmt):
        code = catalogue.get(tag.typology_version).code(tag.code)
        target = tag.target
        record = "The review" if target.startswith("review:") else names.get(target)
        if record is None:
            continue
        found.append(Coded(record, tag.code, code.label if code else tag.code))
    return found
