"""Reviews to exchange lines, a batch at a time.

Every text a line carries is a field listed in ``leaving.TEXT_FIELDS``, which the identifier
scan reads (a test holds the line to it). A batch of reviews costs one query per table.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from scr.agency.models import Agency
from scr.board.models import Board
from scr.coding import catalogue
from scr.episode.models import KeyPracticeEpisode
from scr.exchange.document import FORMAT
from scr.exchange.models import ImportedReview
from scr.factor.models import ContributoryFactor
from scr.finding.models import BoardAction, BoardQuestion, Finding
from scr.link.models import CausalLink
from scr.recurrence.models import FoundBefore
from scr.review.models import Review
from scr.tag.models import Tag
from scr.vocabulary import ReviewStatus


@dataclass(frozen=True)
class Built:
    review: Any  # a Review, or a row of the review table
    line: dict[str, Any]  # as ExchangeReview defines it (the tests hold every line to it)

    def json(self) -> str:
        """The line as sent: compact JSON, UTF-8 text as it is."""
        return json.dumps(self.line, ensure_ascii=False, separators=(",", ":"))


def _month(value: date | None) -> str | None:
    return None if value is None else f"{value.year:04d}-{value.month:02d}"


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _year(value: date | None) -> int | None:
    return None if value is None else value.year


def _columns(model: Any, *names: str) -> list[Any]:
    table = model.__table__
    return [table.c[name] for name in names]


_EPISODE = _columns(
    KeyPracticeEpisode,
    "id", "review_id", "ordinal", "title", "period_start", "period_end", "agency_ids",
    "roles_involved", "what_happened", "view_at_the_time", "appraisal", "appraisal_rating",
    "went_well", "queries", "suggested_changes",
)  # fmt: skip
_FACTOR = _columns(ContributoryFactor, "id", "review_id", "description", "level", "detail")
_FINDING = _columns(
    Finding,
    "id", "review_id", "ordinal", "title", "statement", "pattern_kind",
    "how_it_appeared", "evidence_beyond_case", "why_it_matters",
)  # fmt: skip
_QUESTION = _columns(
    BoardQuestion, "id", "finding_id", "ordinal", "question", "board_response", "response_date"
)
_ACTION = _columns(
    BoardAction, "question_id", "ordinal", "description", "owner_role", "due_date", "status"
)
_LINK = _columns(
    CausalLink,
    "id", "review_id", "kind", "source_kind", "source_id", "target_kind", "target_id",
    "evidence_note",
)  # fmt: skip
_TAG = _columns(
    Tag, "id", "review_id", "target_kind", "target_id", "code", "typology_version", "rationale"
)
REVIEW_COLUMNS = _columns(
    Review,
    "id", "board_id", "status", "reference", "child_pseudonym", "review_type",
    "learning_together_size", "incident_date", "notification_date", "publication_date",
    "child_age_band", "outcome", "revision", "cleared_revision",
)  # fmt: skip
"""The review columns a line is made from (the export reads only these)."""


class _Batch:
    """The records of a batch of reviews, grouped by review: one query per table, only the
    columns a line carries, read as plain rows (no ORM identity map), so a long export holds
    only the batch in memory."""

    def __init__(self, session: Session, reviews: Sequence[Any], instance: str) -> None:
        ids = [r.id for r in reviews]
        self.session, self.connection = session, session.connection()
        self.instance = instance
        boards = self._rows(
            _columns(Board, "id", "code", "name", "region"), {r.board_id for r in reviews}
        )
        self.boards = {b.id: b for b in boards}
        self.episodes = self._grouped(_EPISODE, ids, "ordinal")
        self.factors = self._grouped(_FACTOR, ids, "id")
        self.findings = self._grouped(_FINDING, ids, "ordinal")
        finding_ids = [f.id for found in self.findings.values() for f in found]
        self.questions = self._grouped(_QUESTION, finding_ids, "ordinal")
        question_ids = [q.id for asked in self.questions.values() for q in asked]
        self.actions = self._grouped(_ACTION, question_ids, "ordinal")
        self.found_before = self._found_before(finding_ids)
        self.links = self._grouped(_LINK, ids, "id")
        self.tags = self._grouped(_TAG, ids, "id", col(Tag.agreed))
        origins = self._rows(
            _columns(
                ImportedReview,
                "review_id",
                "source_instance",
                "source_board",
                "reference",
                "revision",
            ),
            ids,
        )
        self.origins = {o.review_id: o for o in origins}
        used = {a for found in self.episodes.values() for e in found for a in e.agency_ids}
        self.agencies = {a.id: a for a in self._rows(_columns(Agency, "id", "code", "name"), used)}

    def _found_before(self, finding_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
        """The earlier findings each finding was found before in, named as the line names
        them; only those of a review that leaves itself (published, with no open scan hit),
        so that nothing names a review held back."""
        found: dict[int, list[dict[str, Any]]] = defaultdict(list)
        if not finding_ids:
            return found
        link, earlier = FoundBefore.__table__, Finding.__table__  # type: ignore[attr-defined]
        review, board = Review.__table__, Board.__table__  # type: ignore[attr-defined]
        origin = ImportedReview.__table__  # type: ignore[attr-defined]
        stmt = (
            sa.select(
                link.c.finding_id,
                review.c.id,
                review.c.revision,
                review.c.cleared_revision,
                earlier.c.ordinal,
                board.c.code,
                review.c.reference,
                origin.c.source_instance,
                origin.c.source_board,
                origin.c.reference.label("source_reference"),
            )
            .join(earlier, earlier.c.id == link.c.earlier_finding_id)
            .join(review, review.c.id == earlier.c.review_id)
            .join(board, board.c.id == review.c.board_id)
            .outerjoin(origin, origin.c.review_id == review.c.id)
            .where(
                link.c.finding_id.in_(finding_ids),
                review.c.status == ReviewStatus.published,
            )
            .order_by(link.c.finding_id, link.c.id)
        )
        rows = list(self.connection.execute(stmt))
        # (imported here, not above: the scan keeps lines, which are built here)
        from scr.exchange.scanning import open_hits_among

        held_back = open_hits_among(self.session, list({r.id: r for r in rows}.values()))
        for row in rows:
            if row.id in held_back:
                continue
            found[row.finding_id].append(
                {
                    "instance": row.source_instance or self.instance,
                    "board": row.source_board or row.code,
                    "reference": row.source_reference or row.reference,
                    "finding": row.ordinal,
                }
            )
        return found

    def _rows(self, columns: list[Any], values: Iterable[Any]) -> list[Any]:
        wanted = sorted(set(values))
        if not wanted:
            return []
        return list(self.connection.execute(sa.select(*columns).where(columns[0].in_(wanted))))

    def _grouped(
        self, columns: list[Any], owners: list[int], order: str, *where: Any
    ) -> dict[int, list[Any]]:
        """Rows whose owner (their second column, e.g. review_id) is among ``owners``, by owner,
        in ``order`` then id."""
        grouped: dict[int, list[Any]] = defaultdict(list)
        if not owners:
            return grouped
        owner = columns[1] if columns[0].name == "id" else columns[0]
        table = owner.table
        tie = [table.c.id] if "id" in table.c and order != "id" else []
        stmt = (
            sa.select(*columns)
            .where(owner.in_(owners), *where)
            .order_by(owner, table.c[order], *tie)
        )
        at = 1 if columns[0].name == "id" else 0
        for row in self.connection.execute(stmt).all():
            grouped[row[at]].append(row)
        return grouped


def build(session: Session, reviews: Sequence[Any], *, instance: str) -> list[Built]:
    """Each review as an exchange line."""
    session.flush()  # (the rows are read with plain SELECTs, which do not flush first)
    batch = _Batch(session, reviews, instance)
    version = catalogue.current_version()
    return [_line(batch, review, instance, version) for review in reviews]


def _line(batch: _Batch, review: Any, instance: str, current: str) -> Built:
    rid = review.id
    board = batch.boards[review.board_id]
    episodes = batch.episodes.get(rid, [])
    factors = batch.factors.get(rid, [])
    findings = batch.findings.get(rid, [])
    # The records' own codes (the fields their forms fill in) are their agreed tags' codes.
    on: dict[tuple[str, int], list[str]] = defaultdict(list)
    for t in batch.tags.get(rid, []):
        if t.code not in on[(t.target_kind, t.target_id)]:
            on[(t.target_kind, t.target_id)].append(t.code)
    codes = {c for found in on.values() for c in found}
    tagged = {t.typology_version for t in batch.tags.get(rid, [])}
    version = catalogue.version_holding(current, codes, tagged)
    # Each record's key in the line ("episode:3"), by kind and id.
    key = {
        kind: {r.id: f"{kind}:{n}" for n, r in enumerate(records, start=1)}
        for kind, records in (("episode", episodes), ("factor", factors), ("finding", findings))
    }
    key["review"] = {rid: "review"}

    agencies = sorted(
        {batch.agencies[a].code: batch.agencies[a] for e in episodes for a in e.agency_ids}.items()
    )
    document: dict[str, Any] = {
        "format": FORMAT,
        "type": "review",
        "source": _source(batch.origins.get(rid), instance, board.code, review),
        "typology_version": version,
        "board": {"code": board.code, "name": board.name, "region": board.region},
        "review": {
            "reference": review.reference,
            "child_pseudonym": review.child_pseudonym,
            "review_type": review.review_type,
            "learning_together_size": review.learning_together_size,
            "incident_year": _year(review.incident_date),
            "notification_year": _year(review.notification_date),
            "publication_date": _day(review.publication_date),
            "child_age_band": review.child_age_band,
            "outcome": review.outcome,
            "context_codes": on[("review", rid)],
        },
        "agencies": [{"code": code, "name": a.name} for code, a in agencies],
        "episodes": [_episode(e, n, batch) for n, e in enumerate(episodes, start=1)],
        "factors": [
            {
                "id": n,
                "description": f.description,
                "level": f.level,
                "detail": f.detail,
                "typology_codes": on[("factor", f.id)],
            }
            for n, f in enumerate(factors, start=1)
        ],
        "findings": [
            _finding(f, n, batch, next(iter(on[("finding", f.id)]), None))
            for n, f in enumerate(findings, start=1)
        ],
        "links": [
            {
                "kind": x.kind,
                "source": source,
                "target": target,
                "evidence_note": x.evidence_note,
            }
            for x in batch.links.get(rid, [])
            if (source := key[x.source_kind].get(x.source_id))
            and (target := key[x.target_kind].get(x.target_id))
        ],
        "tags": [
            {
                "target": target,
                "code": t.code,
                "typology_version": t.typology_version,
                "rationale": t.rationale,
            }
            for t in batch.tags.get(rid, [])
            if (target := key[t.target_kind].get(t.target_id))
        ],
    }
    return Built(review, document)


def _source(origin: Any, instance: str, board: str, review: Any) -> dict[str, Any]:
    """Where the review lives: here, or, for an imported one, the instance it came from (so
    a line passed on is the line that was received)."""
    if origin is not None:
        return {
            "instance": origin.source_instance,
            "board": origin.source_board,
            "reference": origin.reference,
            "revision": origin.revision,
        }
    return {
        "instance": instance,
        "board": board,
        "reference": review.reference,
        "revision": review.revision,
    }


def _episode(e: Any, n: int, batch: _Batch) -> dict[str, Any]:
    return {
        "id": n,
        "ordinal": e.ordinal,
        "title": e.title,
        "period_start": _month(e.period_start),
        "period_end": _month(e.period_end),
        "agencies": [batch.agencies[a].code for a in e.agency_ids if a in batch.agencies],
        "roles_involved": [role for i, role in enumerate(e.roles_involved)],
        **{name: getattr(e, name) for name in ("what_happened", "view_at_the_time", "appraisal")},
        "appraisal_rating": e.appraisal_rating,
        **{name: getattr(e, name) for name in ("went_well", "queries", "suggested_changes")},
    }


def _finding(f: Any, n: int, batch: _Batch, category: str | None) -> dict[str, Any]:
    return {
        "id": n,
        "ordinal": f.ordinal,
        **{
            name: getattr(f, name)
            for name in ("title", "statement", "how_it_appeared", "evidence_beyond_case")
        },
        "pattern_kind": f.pattern_kind,
        "category": category,
        "why_it_matters": f.why_it_matters,
        "found_before": batch.found_before.get(f.id, []),
        "questions": [
            {
                "question": q.question,
                "board_response": q.board_response,
                "response_date": _day(q.response_date),
                "actions": [
                    {
                        "description": a.description,
                        "owner_role": a.owner_role,
                        "due_date": _day(a.due_date),
                        "status": a.status,
                    }
                    for a in batch.actions.get(q.id, [])
                ],
            }
            for q in batch.questions.get(f.id, [])
        ],
    }
