"""The episode's rules, held by its service whatever calls it (the API, an import, the CLI)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session

from scr.episode import service as episode_service
from scr.episode.schemas import EpisodeCreate, EpisodeUpdate
from scr.errors import InvalidInput
from tests.factories import agency_id, make_entry, make_episode, make_review


def test_an_episode_whose_period_ends_before_it_starts_is_refused(session: Session) -> None:
    review = make_review(session)
    data = EpisodeCreate(title="Visit", period_start=date(2022, 3, 2), period_end=date(2022, 3, 1))
    with pytest.raises(InvalidInput, match="period_end must be on or after") as refused:
        episode_service.create(session=session, review=review, data=data)
    assert refused.value.field == ("body", "period_end")
    same_day = data.model_copy(update={"period_end": date(2022, 3, 2)})
    made = episode_service.create(session=session, review=review, data=same_day)
    assert (made.period_start, made.period_end) == (date(2022, 3, 2), date(2022, 3, 2))


def test_a_change_that_leaves_the_period_backwards_is_refused_against_the_stored_start(
    session: Session,
) -> None:
    review = make_review(session)
    episode = make_episode(session, review, period_start="2022-03-02")
    change = EpisodeUpdate(version=episode.version, period_end=date(2022, 2, 1))
    with pytest.raises(InvalidInput, match="ends before it starts"):
        episode_service.update(session=session, review=review, episode=episode, data=change)


def test_an_episode_cites_only_its_own_reviews_chronology_and_each_entry_once(
    session: Session,
) -> None:
    review, other = make_review(session), make_review(session)
    own, foreign = make_entry(session, review), make_entry(session, other)
    with pytest.raises(InvalidInput, match=f"no chronology entry with id {foreign.id}") as refused:
        episode_service.create(
            session=session,
            review=review,
            data=EpisodeCreate(title="Visit", chronology_entry_ids=[own.id, foreign.id]),
        )
    assert refused.value.field == ("body", "chronology_entry_ids", 1)
    made = episode_service.create(
        session=session,
        review=review,
        data=EpisodeCreate(title="Visit", chronology_entry_ids=[own.id, own.id]),
    )
    assert [entry.id for entry in made.cited_entries] == [own.id]


def test_an_episode_names_only_agencies_its_board_may_use(session: Session) -> None:
    review, other = make_review(session), make_review(session)
    usable = EpisodeCreate(title="Visit", agency_ids=[agency_id(session)])
    assert episode_service.create(session=session, review=review, data=usable).agency_ids
    with pytest.raises(InvalidInput, match="no agency with id 999999") as refused:
        episode_service.create(
            session=session, review=other, data=EpisodeCreate(title="Visit", agency_ids=[999999])
        )
    assert refused.value.field == ("body", "agency_ids")
