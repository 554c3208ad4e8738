"""One review as a JSON file (``scr-review/1``): export, and an all-or-nothing import.

The file carries its own small ids: each list numbers its records 1, 2, 3 ... in a stable
order, and references inside the file (agencies, cited chronology entries, link ends) use
those numbers. Import gives the records new ids, so exporting an imported review gives back
the same file apart from ``exported_at``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, Self

from pydantic import BaseModel, Field, model_validator
from sqlmodel import Session, col, select

from scr.agency import service as agency_service
from scr.agency.models import Agency, AgencyFields
from scr.agency.schemas import AgencyCreate
from scr.board import service as board_service
from scr.board.models import Board
from scr.board.schemas import BoardCreate
from scr.chronology import service as chronology_service
from scr.chronology.models import ChronologyEntry
from scr.chronology.schemas import ChronologyEntryCreate
from scr.coding import catalogue
from scr.common.columns import utcnow
from scr.common.lookup import id_of
from scr.common.schemas import WriteBase
from scr.common.types import Id
from scr.episode import service as episode_service
from scr.episode.models import KeyPracticeEpisode
from scr.episode.schemas import EpisodeCreate
from scr.errors import Conflict, DomainError, InvalidInput, NotFound
from scr.factor import service as factor_service
from scr.factor.models import ContributoryFactor
from scr.factor.schemas import FactorCreate
from scr.finding import service as finding_service
from scr.finding.models import Finding
from scr.finding.schemas import FindingCreate
from scr.link import service as link_service
from scr.link.models import CausalLink
from scr.link.schemas import LinkCreate
from scr.participant import service as participant_service
from scr.participant.models import Participant
from scr.participant.schemas import ParticipantCreate
from scr.review.models import Review
from scr.review.schemas import ReviewCreate, ReviewIn, ReviewUpdate
from scr.tag import form
from scr.tag.models import Tag
from scr.vocabulary import ReviewStatus, TagTarget
from scr.workflow import service as review_service

FORMAT = "scr-review/1"


_FILE_ID = "Its number in this file, by which the file's other records refer to it."


class AgencyEntry(AgencyFields, WriteBase):
    __field_order__ = ("id", "code", "name")

    id: Id = Field(description=_FILE_ID)


class ChronologyEntryFile(ChronologyEntryCreate):
    id: Id = Field(description=_FILE_ID)


class EpisodeFile(EpisodeCreate):
    id: Id = Field(description=_FILE_ID)


class FactorFile(FactorCreate):
    id: Id = Field(description=_FILE_ID)


class FindingFile(FindingCreate):
    id: Id = Field(description=_FILE_ID)


class ReviewFileFields(ReviewIn):
    """A review's fields in a file, with the status it stood at where it was exported."""

    status: ReviewStatus = Field(
        default=ReviewStatus.scoping,
        description="The status the review stood at where it was exported.",
    )


class ReviewFile(WriteBase):
    """A whole review, as written by ``scr review export``."""

    format: Literal["scr-review/1"] = Field(description="The file's format and its version.")
    exported_at: datetime | None = Field(default=None, description="When it was exported (UTC).")
    typology_version: str | None = Field(
        default=None,
        pattern=r"^[0-9]+\.[0-9]+$",
        description="The typology version of the codes its records carry (the review's "
        "context codes, the factors' codes, the findings' categories): the current one if "
        "not given. On import they become the review's agreed tags.",
    )
    board: BoardCreate = Field(
        description="The board the review belongs to: on import, the one here with its code, "
        "made if there is none."
    )
    review: ReviewFileFields = Field(description="The review's own fields.")
    agencies: list[AgencyEntry] = Field(
        default_factory=list, max_length=500, description="The agencies its records name."
    )
    participants: list[ParticipantCreate] = Field(
        default_factory=list, max_length=1000, description="Who took part, by role and agency."
    )
    chronology: list[ChronologyEntryFile] = Field(
        default_factory=list, max_length=20_000, description="The multi-agency chronology."
    )
    episodes: list[EpisodeFile] = Field(
        default_factory=list, max_length=5_000, description="The key practice episodes."
    )
    factors: list[FactorFile] = Field(
        default_factory=list, max_length=10_000, description="The contributory factors."
    )
    findings: list[FindingFile] = Field(
        default_factory=list,
        max_length=1_000,
        description="The findings, with their questions for the Board and its actions.",
    )
    links: list[LinkCreate] = Field(
        default_factory=list,
        max_length=50_000,
        description="The causal links between its episodes, factors and findings, by their "
        "numbers in this file.",
    )

    @model_validator(mode="after")
    def _references_resolve(self) -> Self:
        problems: list[str] = []

        def ids(name: str, items: list[Any]) -> set[int]:
            seen: set[int] = set()
            for item in items:
                if item.id in seen:
                    problems.append(f"{name} has id {item.id} twice")
                seen.add(item.id)
            return seen

        agencies = ids("agencies", self.agencies)
        entries = ids("chronology", self.chronology)
        nodes = {
            "episode": ids("episodes", self.episodes),
            "factor": ids("factors", self.factors),
            "finding": ids("findings", self.findings),
        }
        used = [(f"chronology[{i}].agency_id", e.agency_id) for i, e in enumerate(self.chronology)]
        used += [
            (f"participants[{i}].agency_id", p.agency_id)
            for i, p in enumerate(self.participants)
            if p.agency_id is not None
        ]
        used += [
            (f"episodes[{i}].agency_ids", a)
            for i, e in enumerate(self.episodes)
            for a in e.agency_ids
        ]
        problems += [
            f"{where} names agency {a}, which is not in agencies"
            for where, a in used
            if a not in agencies
        ]
        problems += [
            f"episodes[{i}].chronology_entry_ids names entry {c}, which is not in chronology"
            for i, e in enumerate(self.episodes)
            for c in e.chronology_entry_ids
            if c not in entries
        ]
        for i, link in enumerate(self.links):
            for end in (link.source, link.target):
                kind, _, raw = end.partition(":")
                if int(raw) not in nodes[kind]:
                    problems.append(f"links[{i}] names {end}, which is not in the file")
        if problems:
            raise ValueError("does not hold together: " + "; ".join(problems[:20]))
        return self


def _numbering(records: list[Any]) -> dict[int, int]:
    return {record.id: position for position, record in enumerate(records, start=1)}


def _fields(schema: type[BaseModel], record: Any, **overrides: Any) -> dict[str, Any]:
    names = [n for n in schema.model_fields if n != "id" and n not in overrides]
    return {name: getattr(record, name) for name in names} | overrides


def _ordered(session: Session, model: Any, review: Review, *order: Any) -> list[Any]:
    return list(session.exec(select(model).where(model.review_id == review.id).order_by(*order)))


def export_review(*, session: Session, review: Review) -> ReviewFile:
    """Write a review, with everything it holds, as a ``scr-review/1`` file."""
    board = session.get(Board, review.board_id)
    assert board is not None
    participants = _ordered(session, Participant, review, col(Participant.id))
    chronology = _ordered(
        session, ChronologyEntry, review, col(ChronologyEntry.entry_date), col(ChronologyEntry.id)
    )
    episodes = _ordered(
        session,
        KeyPracticeEpisode,
        review,
        col(KeyPracticeEpisode.ordinal),
        col(KeyPracticeEpisode.id),
    )
    factors = _ordered(session, ContributoryFactor, review, col(ContributoryFactor.id))
    findings = _ordered(session, Finding, review, col(Finding.ordinal), col(Finding.id))
    links = _ordered(session, CausalLink, review, col(CausalLink.id))

    used = [e.agency_id for e in chronology] + [p.agency_id for p in participants if p.agency_id]
    used += [a for e in episodes for a in e.agency_ids]
    agencies = sorted(
        (a for a in (session.get(Agency, i) for i in set(used)) if a is not None),
        key=lambda a: a.code,
    )
    agency_no = _numbering(agencies)
    entry_no = _numbering(chronology)
    node_no = {
        "episode": _numbering(episodes),
        "factor": _numbering(factors),
        "finding": _numbering(findings),
    }

    def node(key: str) -> str:
        kind, _, raw = key.partition(":")
        return f"{kind}:{node_no[kind][int(raw)]}"

    # The records' codes are the review's agreed tags (scr/tag/form.py).
    agreed = form.Coding(coder=None, agreed=True)
    context = form.codes_of(session, agreed, TagTarget.review, id_of(review))
    factor_codes = form.codes(session, agreed, TagTarget.factor, [id_of(f) for f in factors])
    categories = form.codes(session, agreed, TagTarget.finding, [id_of(g) for g in findings])
    carried = [
        *context,
        *(c for one in [*factor_codes.values(), *categories.values()] for c in one),
    ]
    tagged = session.exec(
        select(Tag.typology_version).where(Tag.review_id == review.id, col(Tag.agreed)).distinct()
    )
    version = catalogue.version_holding(catalogue.current_version(), carried, tagged)

    return ReviewFile(
        format=FORMAT,
        exported_at=utcnow(),
        typology_version=version,
        board=BoardCreate.model_validate(_fields(BoardCreate, board)),
        review=ReviewFileFields.model_validate(
            _fields(ReviewFileFields, review, context_codes=context)
        ),
        agencies=[AgencyEntry(id=agency_no[id_of(a)], code=a.code, name=a.name) for a in agencies],
        participants=[
            ParticipantCreate.model_validate(
                _fields(
                    ParticipantCreate,
                    p,
                    agency_id=agency_no[p.agency_id] if p.agency_id is not None else None,
                )
            )
            for p in participants
        ],
        chronology=[
            ChronologyEntryFile.model_validate(
                _fields(ChronologyEntryFile, e, id=n, agency_id=agency_no[e.agency_id])
            )
            for n, e in enumerate(chronology, start=1)
        ],
        episodes=[
            EpisodeFile.model_validate(
                _fields(
                    EpisodeFile,
                    e,
                    id=n,
                    agency_ids=[agency_no[a] for a in e.agency_ids],
                    chronology_entry_ids=[entry_no[c] for c in e.chronology_entry_ids],
                )
            )
            for n, e in enumerate(episodes, start=1)
        ],
        factors=[
            FactorFile.model_validate(
                _fields(FactorFile, f, id=n, typology_codes=factor_codes[id_of(f)])
            )
            for n, f in enumerate(factors, start=1)
        ],
        findings=[
            FindingFile.model_validate(
                _fields(
                    FindingFile,
                    f,
                    id=n,
                    category=next(iter(categories[id_of(f)]), None),
                    questions=[
                        {
                            "question": q.question,
                            "board_response": q.board_response,
                            "response_date": q.response_date,
                            "actions": [
                                {
                                    "description": a.description,
                                    "owner_role": a.owner_role,
                                    "due_date": a.due_date,
                                    "status": a.status,
                                }
                                for a in q.actions
                            ],
                        }
                        for q in f.questions
                    ],
                )
            )
            for n, f in enumerate(findings, start=1)
        ],
        links=[
            LinkCreate(
                kind=x.kind,
                source=node(x.source),
                target=node(x.target),
                evidence_note=x.evidence_note,
            )
            for x in links
        ],
    )


def _agency_ids(
    session: Session, file: ReviewFile, board: Board, actor: str | None
) -> dict[int, int]:
    assert board.id is not None
    mapping: dict[int, int] = {}
    for entry in file.agencies:
        agency = agency_service.get_by_code(session=session, code=entry.code)
        if agency is None:
            data = AgencyCreate(code=entry.code, name=entry.name, board_id=board.id)
            agency = agency_service.create(session=session, data=data, actor=actor)
        elif agency.board_id not in (None, board.id):
            raise Conflict(f"Agency code {entry.code!r} belongs to another board's list.")
        assert agency.id is not None
        mapping[entry.id] = agency.id
    return mapping


@dataclass(frozen=True)
class Imported:
    """An imported review, and why it stands short of the file's status if it does."""

    review: Review
    held_back: str | None = None


def import_review(*, session: Session, file: ReviewFile, actor: str | None = None) -> Imported:
    """Create the file's review (and its board, if new) with new ids; refuse a duplicate.

    The review is opened at scoping, its records added, and only then moved to the file's
    status through the same guarded step as a change through the API (``_take_status``).
    The caller's transaction makes this all or nothing: nothing is kept if any record fails.
    """
    board = board_service.get_by_code(session=session, code=file.board.code)
    if board is None:
        board = board_service.create(session=session, data=file.board, actor=actor)
    assert board.id is not None
    existing = review_service.get_by_reference(
        session=session, board_id=board.id, reference=file.review.reference
    )
    if existing is not None:
        raise Conflict(
            f"Board {board.code} already has a review with reference {file.review.reference!r}; "
            "nothing was imported."
        )
    if file.typology_version is not None:
        try:
            catalogue.get(file.typology_version)
        except NotFound:
            raise InvalidInput(
                f"Typology version {file.typology_version} is not known to this instance.",
                field=("body", "typology_version"),
            ) from None
    coding = form.operator(actor, file.typology_version)
    agency = _agency_ids(session, file, board, actor)
    fields = file.review.model_dump(exclude={"status"}) | {"board_id": board.id}
    review = review_service.create(
        session=session, data=ReviewCreate.model_validate(fields), actor=actor, coding=coding
    )
    for p in file.participants:
        data = p.model_copy(update={"agency_id": agency.get(p.agency_id) if p.agency_id else None})
        participant_service.create(session=session, review=review, data=data, actor=actor)
    entry_ids: dict[int, int] = {}
    for e in file.chronology:
        fields = e.model_dump(exclude={"id"}) | {"agency_id": agency[e.agency_id]}
        created = chronology_service.create(
            session=session, review=review, data=ChronologyEntryCreate(**fields), actor=actor
        )
        entry_ids[e.id] = id_of(created)
    nodes: dict[str, dict[int, int]] = {"episode": {}, "factor": {}, "finding": {}}
    for ep in file.episodes:
        fields = ep.model_dump(exclude={"id"}) | {
            "agency_ids": [agency[a] for a in ep.agency_ids],
            "chronology_entry_ids": [entry_ids[c] for c in ep.chronology_entry_ids],
        }
        created_ep = episode_service.create(
            session=session, review=review, data=EpisodeCreate(**fields), actor=actor
        )
        nodes["episode"][ep.id] = id_of(created_ep)
    for f in file.factors:
        created_f = factor_service.create(
            session=session,
            review=review,
            data=FactorCreate(**f.model_dump(exclude={"id"})),
            actor=actor,
            coding=coding,
        )
        nodes["factor"][f.id] = id_of(created_f)
    for g in file.findings:
        created_g = finding_service.create(
            session=session,
            review=review,
            data=FindingCreate(**g.model_dump(exclude={"id"})),
            actor=actor,
            coding=coding,
        )
        nodes["finding"][g.id] = id_of(created_g)

    def node(key: str) -> str:
        kind, _, raw = key.partition(":")
        return f"{kind}:{nodes[kind][int(raw)]}"

    for x in file.links:
        link = LinkCreate(
            kind=x.kind, source=node(x.source), target=node(x.target), evidence_note=x.evidence_note
        )
        link_service.create(session=session, review=review, data=link, actor=actor)
    return Imported(review, _take_status(session, review, file.review, actor))


_FALLBACK = {
    ReviewStatus.published: (ReviewStatus.published, ReviewStatus.draft, ReviewStatus.findings),
    ReviewStatus.draft: (ReviewStatus.draft, ReviewStatus.findings),
}
"""The statuses an imported review is offered in turn: the file's, then the steps below it,
down to the last one no check guards."""


def _take_status(
    session: Session, review: Review, fields: ReviewFileFields, actor: str | None
) -> str | None:
    """Move the imported review to the file's status through ``review_service.update``, the
    path a lead reviewer's change takes: published only if it passes the gate here (the
    blocking checks, with no override, and the identifier scan), draft only if it passes the
    checks. A status refused is not taken: the review stands at the next step down that is
    allowed (draft, or findings), and the refusal is returned to say why."""
    if fields.status == ReviewStatus.scoping:
        return None
    refused: str | None = None
    for status in _FALLBACK.get(fields.status, (fields.status,)):
        dated = {"publication_date": fields.publication_date} if fields.publication_date else {}
        step = ReviewUpdate(version=review.version, status=status, **dated)
        try:
            with session.begin_nested():
                review_service.update(session=session, review=review, data=step, actor=actor)
        except DomainError as exc:
            refused = refused or exc.message
            continue
        return refused
    raise AssertionError("findings is not guarded, so an imported review always takes it")
