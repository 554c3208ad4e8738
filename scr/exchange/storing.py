"""Storing imported review lines: each line checked against what is here (and what the lines
before it in the same group will add), then a whole group of lines written at once, one
Core insert per table (through ``scr.records.write``), with no ORM object and no flush per
row.

A line is all or nothing: ``Store.prepare`` refuses a line (raising ``DomainError``) before
anything of it is written, so that only lines that pass go into ``Store.write``. The boards
and agencies are looked up once for the run and kept up to date as lines add them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from scr.agency.models import Agency
from scr.board.models import Board
from scr.common.columns import utcnow
from scr.episode.models import KeyPracticeEpisode
from scr.errors import Conflict
from scr.exchange import codes
from scr.exchange.document import ExchangeReview
from scr.exchange.models import ExchangeLine, FoundBeforeReference, ImportedReview
from scr.factor.models import ContributoryFactor
from scr.finding.models import BoardAction, BoardQuestion, Finding
from scr.link.models import CausalLink
from scr.records import write
from scr.review import frozen
from scr.review.models import Review
from scr.tag.models import Tag
from scr.vocabulary import NodeKind, ReviewStatus, TagTarget

REVISION = 2
"""An imported review's revision here: created at 1, and revised once by the records
written with it (as the flush hook revises a review whose records the ORM writes)."""


_TAG_TARGET = {kind: TagTarget(kind.value) for kind in NodeKind}


@dataclass
class Ready:
    """A line that passed every check, to be written."""

    number: int
    line: ExchangeReview
    text: str
    digest: str
    versions: list[str]
    record_key: int | None = None
    review_id: int | None = None  # once written


@dataclass
class _Adds:
    """The boards and agencies the prepared lines of a group will add."""

    boards: dict[str, ExchangeReview] = field(default_factory=dict)  # code: first line
    agencies: dict[str, tuple[str, str]] = field(default_factory=dict)  # code: (name, board)
    references: set[tuple[str, str]] = field(default_factory=set)  # (board code, reference)


def _first_of_year(year: int | None) -> date | None:
    return None if year is None else date(year, 1, 1)


def _first_of_month(month: str | None) -> date | None:
    return None if month is None else date(int(month[:4]), int(month[5:7]), 1)


class Store:
    """Writes imported lines for one run, keeping the boards and agencies it has seen."""

    def __init__(self, session: Session, actor: str | None) -> None:
        self.session = session
        self.actor = actor
        self.adds = _Adds()
        self.reload()

    def reload(self) -> None:
        """Read the boards and agencies again (after a write that failed, or others wrote)."""
        connection = self.session.connection()
        boards = write.table(Board)
        rows = connection.execute(sa.select(boards.c.code, boards.c.id)).all()
        self.boards: dict[str, int] = dict(rows)
        code_of = {v: k for k, v in self.boards.items()}
        agencies = write.table(Agency)
        self.agencies: dict[str, tuple[int | None, str | None]] = {
            code: (agency_id, None if board_id is None else code_of.get(board_id))
            for code, agency_id, board_id in connection.execute(
                sa.select(agencies.c.code, agencies.c.id, agencies.c.board_id)
            )
        }
        self.adds = _Adds()

    def references(self, lines: list[ExchangeReview]) -> set[tuple[str, str]]:
        """The (board code, reference) of the reviews here that these lines' references
        name."""
        wanted = sorted({x.review.reference for x in lines})
        if not wanted:
            return set()
        reviews, boards = write.table(Review), write.table(Board)
        stmt = (
            sa.select(boards.c.code, reviews.c.reference)
            .join(boards, boards.c.id == reviews.c.board_id)
            .where(col(reviews.c.reference).in_(wanted))
        )
        return set(self.session.connection().execute(stmt))

    def prepare(self, line: ExchangeReview, here: set[tuple[str, str]]) -> None:
        """Check the line as ``write`` will store it (refusing it with ``DomainError``), and
        count what it adds; ``here`` holds the (board code, reference) of the reviews here
        (from ``references``)."""
        codes.check(line)
        board = line.board.code
        reference = (board, line.review.reference)
        if reference in here or reference in self.adds.references:
            raise Conflict(
                f"Board {board} already has a review {line.review.reference} here that was "
                "not imported from that instance."
            )
        new_agencies: dict[str, tuple[str, str]] = {}
        for entry in line.agencies:
            known = self.agencies.get(entry.code)
            owner = known[1] if known is not None else None
            if known is None:
                pending = self.adds.agencies.get(entry.code) or new_agencies.get(entry.code)
                if pending is None:
                    new_agencies[entry.code] = (entry.name, board)
                    continue
                owner = pending[1]
            if owner not in (None, board):
                raise Conflict(f"Agency code {entry.code!r} belongs to another board's list here.")
        if board not in self.boards:
            self.adds.boards.setdefault(board, line)
        self.adds.agencies.update(new_agencies)
        self.adds.references.add(reference)

    def write(self, group: list[Ready]) -> None:
        """Write the prepared lines' reviews and records, one insert per table; sets each
        one's ``review_id``."""
        session, actor = self.session, self.actor
        adds, self.adds = self.adds, _Adds()
        board_codes = list(adds.boards)
        board_ids = write.insert(
            session,
            Board,
            [
                {"code": c, "name": x.board.name, "region": x.board.region} | write.stamp(actor)
                for c, x in adds.boards.items()
            ],
            ids=True,
        )
        self.boards.update(zip(board_codes, board_ids, strict=True))
        agency_codes = list(adds.agencies)
        agency_ids = write.insert(
            session,
            Agency,
            [
                {"code": c, "name": name, "board_id": self.boards[board]} | write.stamp(actor)
                for c, (name, board) in adds.agencies.items()
            ],
            ids=True,
        )
        for c, agency_id in zip(agency_codes, agency_ids, strict=True):
            self.agencies[c] = (agency_id, adds.agencies[c][1])

        now = utcnow()
        review_rows = []
        for ready in group:
            r = ready.line.review
            row = {
                "board_id": self.boards[ready.line.board.code],
                "reference": r.reference,
                "child_pseudonym": r.child_pseudonym,
                "review_type": r.review_type,
                "learning_together_size": r.learning_together_size,
                "status": ReviewStatus.published,
                "incident_date": _first_of_year(r.incident_year),
                "notification_date": _first_of_year(r.notification_year),
                "publication_date": r.publication_date,
                "child_age_band": r.child_age_band,
                "outcome": r.outcome,
                # The source scanned what it sent (its own identifiers never leave it).
                "revision": REVISION,
                "revised_at": now,
                "cleared_revision": REVISION,
            } | write.stamp(actor)
            if ready.record_key is not None:  # a new revision is the same review to patterns
                row["record_key"] = ready.record_key
            review_rows.append(row)
        review_ids = write.insert(session, Review, review_rows, ids=True)
        for ready, review_id in zip(group, review_ids, strict=True):
            ready.review_id = review_id
        frozen.thaw_ids(session, review_ids)  # (published from the start; records follow)
        write.insert(
            session,
            ImportedReview,
            [
                {
                    "source_instance": x.line.source.instance,
                    "source_board": x.line.source.board,
                    "reference": x.line.source.reference,
                    "revision": x.line.source.revision,
                    "line_sha256": x.digest,
                    "review_id": x.review_id,
                }
                for x in group
            ],
        )
        self._records(group)
        # The line passed on is the line received.
        write.insert(
            session,
            ExchangeLine,
            [
                {
                    "review_id": x.review_id,
                    "revision": REVISION,
                    "line": x.text,
                    "typology_versions": x.versions,
                    "built_at": now,
                }
                for x in group
            ],
        )

    def _records(self, group: list[Ready]) -> None:
        session, actor = self.session, self.actor
        stamps = [{"review_id": x.review_id, **write.stamp(actor)} for x in group]
        episode_ids = write.insert(
            session,
            KeyPracticeEpisode,
            [
                e.model_dump(exclude={"id", "agencies", "period_start", "period_end"})
                | {
                    "period_start": _first_of_month(e.period_start),
                    "period_end": _first_of_month(e.period_end),
                    "agency_ids": [self.agencies[a][0] for a in e.agencies],
                }
                | stamp
                for x, stamp in zip(group, stamps, strict=True)
                for e in x.line.episodes
            ],
            ids=True,
        )
        factor_ids = write.insert(
            session,
            ContributoryFactor,
            [
                f.model_dump(exclude={"id", "typology_codes"}) | stamp
                for x, stamp in zip(group, stamps, strict=True)
                for f in x.line.factors
            ],
            ids=True,
        )
        finding_ids = write.insert(
            session,
            Finding,
            [
                {
                    "ordinal": g.ordinal or n,
                    "title": g.title,
                    "statement": g.statement,
                    "pattern_kind": g.pattern_kind,
                    "how_it_appeared": g.how_it_appeared,
                    "evidence_beyond_case": g.evidence_beyond_case,
                    "why_it_matters": g.why_it_matters,
                }
                | stamp
                for x, stamp in zip(group, stamps, strict=True)
                for n, g in enumerate(x.line.findings, start=1)
            ],
            ids=True,
        )
        findings = [g for x in group for g in x.line.findings]
        review_of = [x.review_id for x in group for _ in x.line.findings]
        write.insert(
            session,
            FoundBeforeReference,
            [
                {
                    "review_id": review_id,
                    "finding_id": finding_id,
                    "source_instance": instance,
                    "source_board": board,
                    "reference": reference,
                    "finding_number": number,
                }
                for g, finding_id, review_id in zip(findings, finding_ids, review_of, strict=True)
                for instance, board, reference, number in dict.fromkeys(
                    (e.instance, e.board, e.reference, e.finding) for e in g.found_before
                )
            ],
        )
        asked = [
            (q, {"finding_id": finding_id, "ordinal": k, "question": q.question})
            for g, finding_id in zip(findings, finding_ids, strict=True)
            for k, q in enumerate(g.questions, start=1)
        ]
        bookkeeping = write.stamp(actor)
        question_ids = write.insert(
            session,
            BoardQuestion,
            [
                row
                | {"board_response": q.board_response, "response_date": q.response_date}
                | bookkeeping
                for q, row in asked
            ],
            ids=True,
        )
        write.insert(
            session,
            BoardAction,
            [
                {
                    "question_id": question_id,
                    "ordinal": j,
                    "description": a.description,
                    "owner_role": a.owner_role,
                    "due_date": a.due_date,
                    "status": a.status,
                }
                | bookkeeping
                for (q, _), question_id in zip(asked, question_ids, strict=True)
                for j, a in enumerate(q.actions, start=1)
            ],
        )
        episodes, factors, finds = iter(episode_ids), iter(factor_ids), iter(finding_ids)
        links: list[dict[str, Any]] = []
        tags: list[dict[str, Any]] = []
        now = utcnow()
        for x, stamp in zip(group, stamps, strict=True):
            line = x.line
            nodes = {  # a record by its key in the line, "episode:2": (kind, id here)
                **{f"episode:{e.id}": (NodeKind.episode, next(episodes)) for e in line.episodes},
                **{f"factor:{f.id}": (NodeKind.factor, next(factors)) for f in line.factors},
                **{f"finding:{g.id}": (NodeKind.finding, next(finds)) for g in line.findings},
            }
            for link in line.links:
                (sk, si), (tk, ti) = nodes[link.source], nodes[link.target]
                links.append(
                    {
                        "kind": link.kind,
                        "source_kind": sk,
                        "source_id": si,
                        "target_kind": tk,
                        "target_id": ti,
                        "evidence_note": link.evidence_note,
                    }
                    | stamp
                )
            for target, code, version, rationale in codes.agreed(line):
                if target == "review":
                    kind, target_id = TagTarget.review, x.review_id
                else:
                    node_kind, target_id = nodes[target]
                    kind = _TAG_TARGET[node_kind]
                tags.append(
                    {
                        "target_kind": kind,
                        "target_id": target_id,
                        "typology_version": version,
                        "code": code,
                        "coder": f"import:{line.source.instance}",
                        "rationale": rationale,
                        "agreed": True,
                        "submitted_at": now,
                    }
                    | stamp
                )
        write.insert(session, CausalLink, links)
        write.insert(session, Tag, tags)
