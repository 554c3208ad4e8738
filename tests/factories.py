"""Plain functions that make records for tests, through the same services the API uses."""

from __future__ import annotations

import itertools
from typing import Any, TypeVar

from sqlmodel import Session

from scr.account import security
from scr.account import service as account_service
from scr.account.models import User
from scr.agency import service as agency_service
from scr.board import service as board_service
from scr.board.models import Board
from scr.board.schemas import BoardCreate
from scr.chronology import service as chronology_service
from scr.chronology.models import ChronologyEntry
from scr.chronology.schemas import ChronologyEntryCreate
from scr.config import get_settings, signing_secret
from scr.episode import service as episode_service
from scr.episode.models import KeyPracticeEpisode
from scr.episode.schemas import EpisodeCreate
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
from scr.review.schemas import ReviewCreate
from scr.vocabulary import ReviewStatus, Role
from scr.workflow import service as review_service

_serial = itertools.count(1)
T = TypeVar("T")


def _saved(session: Session, record: T) -> T:
    # Commit (a savepoint inside the test's transaction), as if an earlier request had saved
    # it, so that a later failed request rolls back only its own work.
    session.commit()
    return record


def agency_id(session: Session, code: str = "health-visiting") -> int:
    agency = agency_service.get_by_code(session=session, code=code)
    assert agency is not None
    assert agency.id is not None
    return agency.id


def make_board(session: Session, **overrides: Any) -> Board:
    n = next(_serial)
    data = {"name": f"Testshire Partnership {n}", "code": f"TEST{n}", "region": "london"}
    return _saved(
        session, board_service.create(session=session, data=BoardCreate(**(data | overrides)))
    )


def make_review(session: Session, board: Board | None = None, **overrides: Any) -> Review:
    """A review; a ``status`` is set directly, as if it had passed through the steps (no
    client can open one beyond scoping)."""
    board = board or make_board(session)
    status = overrides.pop("status", None)
    data = {
        "board_id": board.id,
        "reference": f"TST-{next(_serial)}",
        "child_pseudonym": "Child T",
        "review_type": "local_child_safeguarding_practice_review",
    }
    review = review_service.create(session=session, data=ReviewCreate(**(data | overrides)))
    if status is not None:
        review.status = ReviewStatus(status)
    return _saved(session, review)


def make_entry(session: Session, review: Review, **overrides: Any) -> ChronologyEntry:
    data = {
        "entry_date": "2023-05-01",
        "agency_id": agency_id(session),
        "summary": "Health visitor saw Child T at home.",
    }
    return _saved(
        session,
        chronology_service.create(
            session=session, review=review, data=ChronologyEntryCreate(**(data | overrides))
        ),
    )


def make_episode(session: Session, review: Review, **overrides: Any) -> KeyPracticeEpisode:
    data = {"title": f"Episode {next(_serial)}"}
    return _saved(
        session,
        episode_service.create(
            session=session, review=review, data=EpisodeCreate(**(data | overrides))
        ),
    )


def make_factor(session: Session, review: Review, **overrides: Any) -> ContributoryFactor:
    data = {"description": f"Factor {next(_serial)}", "level": "working_conditions"}
    return _saved(
        session,
        factor_service.create(
            session=session, review=review, data=FactorCreate(**(data | overrides))
        ),
    )


def make_finding(session: Session, review: Review, **overrides: Any) -> Finding:
    data = {
        "title": f"Finding {next(_serial)}",
        "statement": "A pattern in the system.",
        "questions": [{"question": "How does the Board know?"}],
    }
    return _saved(
        session,
        finding_service.create(
            session=session, review=review, data=FindingCreate(**(data | overrides))
        ),
    )


def make_participant(session: Session, review: Review, **overrides: Any) -> Participant:
    data = {"role": "review_team", "job_role": f"health visitor {next(_serial)}"}
    return _saved(
        session,
        participant_service.create(
            session=session, review=review, data=ParticipantCreate(**(data | overrides))
        ),
    )


def make_link(session: Session, review: Review, kind: str, source: str, target: str) -> CausalLink:
    data = LinkCreate(kind=kind, source=source, target=target)  # type: ignore[arg-type]
    return _saved(session, link_service.create(session=session, review=review, data=data))


def make_user(
    session: Session,
    role: Role,
    *,
    board: Board | None = None,
    reviews: tuple[Review, ...] = (),
    leads: tuple[Review, ...] = (),
) -> User:
    """An account (its password hash is a placeholder: tests sign in with ``bearer``)."""
    user = User(
        email=f"{role.value}.{next(_serial)}@example.org",
        role=role,
        board_id=board.id if board else None,
        password_hash="placeholder, not a hash: no password matches it",
    )
    session.add(user)
    session.flush()
    assert user.id is not None
    for review in reviews + leads:
        assert review.id is not None
        account_service.assign_user(
            session=session, user_id=user.id, review_id=review.id, lead=review in leads
        )
    return _saved(session, user)


def bearer(user: User) -> dict[str, str]:
    """The Authorization header of a signed-in ``user``."""
    token = security.issue_access_token(
        subject=str(user.id), secret=signing_secret(get_settings()), minutes=15
    )
    return {"Authorization": f"Bearer {token}"}
