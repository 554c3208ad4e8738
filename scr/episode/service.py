"""Key practice episodes: the reviewers' selection of what mattered, good practice included."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select

from scr.agency import service as agency_service
from scr.chronology.models import ChronologyEntry
from scr.common import crud
from scr.common.lookup import id_of
from scr.common.types import MAX_INT
from scr.episode.models import KeyPracticeEpisode
from scr.episode.schemas import EpisodeCreate, EpisodeRead, EpisodeUpdate
from scr.errors import InvalidInput
from scr.link import service as link_service
from scr.records import names as record_names
from scr.review.models import Review
from scr.tag import service as tag_service
from scr.vocabulary import NodeKind, TagTarget


def list_(
    *, session: Session, review: Review, limit: int, offset: int
) -> tuple[list[KeyPracticeEpisode], int]:
    """List the review's episodes in their order."""
    stmt = select(KeyPracticeEpisode).where(KeyPracticeEpisode.review_id == review.id)
    stmt = stmt.order_by(col(KeyPracticeEpisode.ordinal), col(KeyPracticeEpisode.id))
    return crud.page(session, stmt, limit=limit, offset=offset)


def _cited(session: Session, review: Review, entry_ids: Sequence[int]) -> list[ChronologyEntry]:
    entries = []
    for index, entry_id in enumerate(dict.fromkeys(entry_ids)):
        entry = session.get(ChronologyEntry, entry_id) if entry_id <= MAX_INT else None
        if entry is None or entry.review_id != review.id:
            raise InvalidInput(
                f"There is no chronology entry with id {entry_id} in this review.",
                field=("body", "chronology_entry_ids", index),
            )
        entries.append(entry)
    return entries


def _check_period(episode: KeyPracticeEpisode) -> None:
    if episode.period_start and episode.period_end and episode.period_end < episode.period_start:
        raise InvalidInput(
            "The episode's period ends before it starts: period_end must be on or after "
            "period_start.",
            field=("body", "period_end"),
        )


def create(
    *, session: Session, review: Review, data: EpisodeCreate, actor: str | None = None
) -> KeyPracticeEpisode:
    """Add a key practice episode to the review."""
    agency_service.ensure_usable(session, review.board_id, data.agency_ids, ("body", "agency_ids"))
    fields = data.model_dump(exclude={"chronology_entry_ids", "ordinal"})
    episode = KeyPracticeEpisode(review_id=id_of(review), ordinal=data.ordinal or 0, **fields)
    if data.ordinal is None:
        last = session.exec(
            select(func.max(KeyPracticeEpisode.ordinal)).where(
                KeyPracticeEpisode.review_id == review.id
            )
        ).one()
        episode.ordinal = (last or 0) + 1
    _check_period(episode)
    episode.cited_entries = _cited(session, review, data.chronology_entry_ids)
    crud.add(session, episode, actor=actor)
    return episode


def update(
    *,
    session: Session,
    review: Review,
    episode: KeyPracticeEpisode,
    data: EpisodeUpdate,
    actor: str | None = None,
) -> KeyPracticeEpisode:
    """Change an episode, refusing a stale version."""
    changes = crud.changes(
        session, episode, data, EpisodeRead.model_validate, exclude={"chronology_entry_ids"}
    )
    if "agency_ids" in changes:
        agency_service.ensure_usable(
            session, review.board_id, changes["agency_ids"], ("body", "agency_ids")
        )
    if data.chronology_entry_ids is not None:
        episode.cited_entries = _cited(session, review, data.chronology_entry_ids)
    crud.apply_changes(episode, changes, actor=actor)
    _check_period(episode)
    session.flush()
    return episode


def delete(*, session: Session, episode: KeyPracticeEpisode, cascade: bool) -> None:
    """Delete an episode; links to it block this unless ``cascade`` deletes them too."""
    assert episode.id is not None
    label = f"{record_names.episode(episode.ordinal)} '{episode.title}'"
    link_service.guard_delete(
        session=session, kind=NodeKind.episode, item_id=episode.id, label=label, cascade=cascade
    )
    episode.cited_entries = []
    tag_service.delete_for(session=session, kind=TagTarget.episode, item_id=episode.id)
    session.delete(episode)
    session.flush()
