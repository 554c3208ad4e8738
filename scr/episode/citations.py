"""The chronology entries an episode's appraisal cites, seen from the entry: deleting an entry
that episodes cite. It lives with the episodes, which hold the citations; the chronology sits
below them and imports none of them."""

from __future__ import annotations

from sqlalchemy import delete as sql_delete
from sqlmodel import Session, col, select

from scr.chronology.models import ChronologyEntry
from scr.episode.models import EpisodeCitation, KeyPracticeEpisode
from scr.errors import Conflict
from scr.records import names as record_names


def delete_entry(*, session: Session, entry: ChronologyEntry, cascade: bool) -> None:
    """Delete an entry; if episodes cite it, only with ``cascade`` (which drops the citations)."""
    citing = list(
        session.exec(
            select(KeyPracticeEpisode)
            .join(EpisodeCitation, col(EpisodeCitation.episode_id) == col(KeyPracticeEpisode.id))
            .where(EpisodeCitation.chronology_entry_id == entry.id)
            .order_by(col(KeyPracticeEpisode.ordinal))
        ).all()
    )
    if citing and not cascade:
        named = "; ".join(f"{record_names.episode(e.ordinal)} '{e.title}'" for e in citing)
        raise Conflict(
            f"The appraisal of {len(citing)} key practice episode(s) relies on this chronology "
            f"entry: {named}. Remove it from their citations first, or repeat with "
            "?cascade=true to remove the citations with the entry.",
            episodes=[e.id for e in citing],
        )
    session.execute(
        sql_delete(EpisodeCitation).where(col(EpisodeCitation.chronology_entry_id) == entry.id)
    )
    session.delete(entry)
    session.flush()
    session.expire_all()
