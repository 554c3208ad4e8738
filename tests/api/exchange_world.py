"""The fictional demo review made ready to leave: its lead reviewer, agreed tags, publication."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from scr.account.models import User
from scr.demo.loader import load_demo
from scr.episode.models import KeyPracticeEpisode
from scr.factor.models import ContributoryFactor
from scr.review.models import Review
from scr.tag import service as tag_service
from scr.tag.schemas import TagCreate
from scr.vocabulary import Role
from tests.factories import make_user
from tests.responses import ok

REASON = "Published with its known gaps, so that the exchange can be tested."


@dataclass
class Ready:
    review: Review
    lead: User
    lead_client: TestClient

    @property
    def url(self) -> str:
        return f"/api/v1/reviews/{self.review.id}"

    def publish(self) -> Any:
        """Ask, as the lead reviewer, to publish the review (its blocking checks overridden)."""
        current = ok(self.lead_client.get(self.url))
        return self.lead_client.patch(
            self.url,
            json={
                "version": current["version"],
                "status": "published",
                "checks_override_reason": REASON,
            },
        )


def ready(session: Session, client_as: Callable[[User], TestClient]) -> Ready:
    """The demo review with two agreed tags and its lead reviewer, not yet published."""
    review, _ = load_demo(session=session)
    lead = make_user(session, Role.reviewer, leads=(review,))
    factor = session.exec(
        select(ContributoryFactor)
        .where(ContributoryFactor.review_id == review.id)
        .order_by(col(ContributoryFactor.id))
    ).first()
    episode = session.exec(
        select(KeyPracticeEpisode)
        .where(KeyPracticeEpisode.review_id == review.id)
        .order_by(col(KeyPracticeEpisode.ordinal))
    ).first()
    assert factor is not None
    assert episode is not None
    for target, code in (
        (f"factor:{factor.id}", "sp.management.caseload-volume"),
        (f"review:{review.id}", "cc.harm.neglect"),
    ):
        tag_service.create(
            session=session,
            review=review,
            data=TagCreate(target=target, code=code, agreed=True, rationale="Agreed at panel."),
            coder=lead.email,
        )
    session.flush()
    return Ready(review=review, lead=lead, lead_client=client_as(lead))


def lines_of(body: bytes | str) -> list[dict[str, Any]]:
    text = body.decode() if isinstance(body, bytes) else body
    return [json.loads(line) for line in text.splitlines()]
