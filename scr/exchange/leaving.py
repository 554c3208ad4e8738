"""What leaves the instance as text: the one list the identifier scan reads.

Every output that carries a review's words draws them from the fields listed here: the
single-review file (``scr-review/1``, which carries the chronology and participants too),
the national exchange line (``scr-exchange/1.1``), the causal graph's files (their labels
and link notes), the CSV of figures (codes only, no free text), and the review's report and
the Board's response (``scr/report``: Word, PDF and HTML). The scan reads exactly
these fields of every record the review holds, so nothing can leave unscanned; a test
fills every text column of every table with a marker, runs each output, and fails if an
output carries a marker the scan did not read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from scr.agency.models import Agency
from scr.chronology.models import ChronologyEntry
from scr.episode.models import KeyPracticeEpisode
from scr.factor.models import ContributoryFactor
from scr.finding.models import Finding
from scr.link.models import CausalLink
from scr.participant.models import Participant
from scr.review.models import Review
from scr.tag.models import Tag


@dataclass(frozen=True)
class Text:
    """A piece of text that leaves, and where it lives in the review."""

    record: str  # "review:3", "episode:12", "chronology:40" ...
    field: str  # "appraisal", "questions[1].actions[2].description" ...
    value: str


TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "review": (
        "reference", "child_pseudonym", "case_summary", "reason_for_review", "independence",
        "methodological_comment", "acknowledgements", "rapid_review_outcome",
    ),
    "chronology": ("summary", "source", "author_role"),
    "participant": ("job_role",),
    "episode": (
        "title", "roles_involved", "what_happened", "view_at_the_time", "appraisal",
        "went_well", "queries", "suggested_changes",
    ),
    "factor": ("description", "detail"),
    "finding": ("title", "statement", "how_it_appeared", "evidence_beyond_case", "why_it_matters"),
    "question": ("question", "board_response"),
    "action": ("description", "owner_role", "evidence_of_impact"),
    "link": ("evidence_note",),
    "tag": ("rationale",),
    "agency": ("name",),
}  # fmt: skip
"""For each kind of record, the fields of it that leave in some output."""

REVIEW_ENTRIES: dict[str, tuple[str, ...]] = {
    "family_composition": ("pseudonym", "relationship"),
    "quality_markers": ("note",),
}
"""The review's lists of entries (JSON), and the text of each entry that leaves."""

_OWNED: dict[str, Any] = {
    "chronology": ChronologyEntry,
    "participant": Participant,
    "episode": KeyPracticeEpisode,
    "factor": ContributoryFactor,
    "finding": Finding,
    "link": CausalLink,
}


def _of(record: str, kind: str, row: Any) -> Iterator[Text]:
    for name in TEXT_FIELDS[kind]:
        value = getattr(row, name)
        if isinstance(value, list):
            yield from (Text(record, f"{name}[{i}]", v) for i, v in enumerate(value) if v)
        elif value:
            yield Text(record, name, value)


def _review(review: Review) -> Iterator[Text]:
    me = f"review:{review.id}"
    yield from _of(me, "review", review)
    for name, keys in REVIEW_ENTRIES.items():
        for i, entry in enumerate(getattr(review, name)):
            for key in keys:
                if value := entry.get(key):
                    yield Text(me, f"{name}[{i}].{key}", value)


def _finding(finding: Finding) -> Iterator[Text]:
    me = f"finding:{finding.id}"
    yield from _of(me, "finding", finding)
    for q in finding.questions:
        for name in TEXT_FIELDS["question"]:
            if value := getattr(q, name):
                yield Text(me, f"questions[{q.ordinal}].{name}", value)
        for a in q.actions:
            for name in TEXT_FIELDS["action"]:
                if value := getattr(a, name):
                    yield Text(me, f"questions[{q.ordinal}].actions[{a.ordinal}].{name}", value)


def texts(session: Session, review: Review) -> list[Text]:
    """Every piece of text any output of the review carries."""
    session.flush()
    found = list(_review(review))
    agencies: set[int] = set()
    for kind, model in _OWNED.items():
        rows = session.exec(
            select(model).where(model.review_id == review.id).order_by(col(model.id))
        )
        for row in rows:
            if kind == "finding":
                found += _finding(row)
            else:
                found += _of(f"{kind}:{row.id}", kind, row)
            agencies.update(getattr(row, "agency_ids", ()))
            if getattr(row, "agency_id", None) is not None:
                agencies.add(row.agency_id)
    tags = select(Tag).where(Tag.review_id == review.id, col(Tag.agreed)).order_by(col(Tag.id))
    found += [t for tag in session.exec(tags) for t in _of(f"tag:{tag.id}", "tag", tag)]
    if agencies:
        named = select(Agency).where(col(Agency.id).in_(sorted(agencies)))
        found += [t for a in session.exec(named) for t in _of(f"agency:{a.id}", "agency", a)]
    return found
