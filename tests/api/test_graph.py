"""The demo review's graph, hand-verified: its roots, its feedback loop, its deliberate gaps."""

from __future__ import annotations

from collections.abc import Callable
from io import StringIO

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from scr.account.models import User
from scr.demo.loader import load_demo
from scr.episode.models import KeyPracticeEpisode
from scr.factor.models import ContributoryFactor
from scr.review.models import Review
from scr.vocabulary import Role
from tests.factories import make_user
from tests.responses import ok


@pytest.fixture
def demo(session: Session) -> tuple[Review, list[str], list[str]]:
    """The demo review, with its episodes (KPE 1..8) and factors (1..15) as graph keys."""
    review, _ = load_demo(session=session)
    session.commit()
    episodes = session.exec(
        select(KeyPracticeEpisode.id)
        .where(KeyPracticeEpisode.review_id == review.id)
        .order_by(col(KeyPracticeEpisode.ordinal))
    ).all()
    factors = session.exec(
        select(ContributoryFactor.id)
        .where(ContributoryFactor.review_id == review.id)
        .order_by(col(ContributoryFactor.id))
    ).all()
    return review, [f"episode:{i}" for i in episodes], [f"factor:{i}" for i in factors]


def test_the_demo_roots_loop_and_components(client: TestClient, demo: tuple) -> None:
    review, e, f = demo
    answer = ok(client.get(f"/api/v1/reviews/{review.id}/analysis", params={"episodes": True}))
    assert answer["root_factors"] == [f[0], f[1], f[2], f[7], f[9], f[12], f[13]]
    assert answer["feedback_loops"] == {"loops": [[f[4], f[5], f[6]]], "more": False}
    assert [len(c) for c in answer["components"]] == [25, 1, 1]
    assert sorted(answer["components"][1] + answer["components"][2]) == sorted([e[7], f[14]])
    top = answer["factors"][0]
    assert top["factor"] == f[4]
    assert top["reach"] == 3
    assert top["episodes"] == [e[0], e[5], e[6]]
    brief = ok(client.get(f"/api/v1/reviews/{review.id}/analysis"))
    assert brief["factors"][0] == top | {"episodes": None}
    assert answer["longest_chains"][0] == [[f[0]], [f[4], f[5], f[6]], [f[10]], [f[8]], [e[6]]]


def test_the_demo_checks_find_the_deliberate_gaps(client: TestClient, demo: tuple) -> None:
    review, e, f = demo
    answer = ok(client.get(f"/api/v1/reviews/{review.id}/checks"))
    found = [(c["code"], c["severity"], c["records"]) for c in answer["checks"]]
    assert found == [
        ("episode-without-factor", "blocking", [e[7]]),
        ("hindsight", "blocking", [e[2]]),
        ("factor-unlinked", "advisory", [f[14]]),
    ]
    assert (answer["blocking"], answer["advisory"]) == (2, 1)
    assert [c["names"] for c in answer["checks"]] == [["KPE 8"], ["KPE 3"], ["Factor 15"]]
    assert answer["checks"][2]["message"].startswith("Factor 15 '")


def test_moving_to_draft_is_guarded_and_only_the_lead_reviewer_overrides(
    session: Session, client_as: Callable[[User], TestClient], demo: tuple
) -> None:
    review, _, _ = demo
    lead = client_as(make_user(session, Role.reviewer, leads=(review,)))
    colleague = client_as(make_user(session, Role.reviewer, reviews=(review,)))
    url = f"/api/v1/reviews/{review.id}"
    refused = lead.patch(url, json={"version": review.version, "status": "draft"})
    assert refused.status_code == 409
    assert [c["code"] for c in refused.json()["checks"]] == ["episode-without-factor", "hindsight"]
    assert ok(lead.get(url))["status"] == "analysis"

    too_short = lead.patch(
        url, json={"version": review.version, "status": "draft", "checks_override_reason": "ok"}
    )
    assert too_short.status_code == 422

    reason = "The housing episode is kept for context; the hindsight citation is noted."
    override = {"version": review.version, "status": "draft", "checks_override_reason": reason}
    not_lead = colleague.patch(url, json=override)
    assert not_lead.status_code == 403
    assert "lead reviewer" in not_lead.json()["detail"]
    assert ok(colleague.get(url))["status"] == "analysis"

    moved = lead.patch(url, json=override)
    assert moved.status_code == 200, moved.text
    assert moved.json()["status"] == "draft"
    assert moved.json()["checks_override_reason"] == reason
    assert moved.json()["checks_overridden_at"] is not None
    assert (
        colleague.patch(
            url, json={"version": moved.json()["version"], "status": "findings"}
        ).status_code
        == 200
    )


def test_a_review_whose_checks_pass_moves_to_draft_freely(
    client: TestClient, session: Session
) -> None:
    from tests.factories import make_review

    review = make_review(session)
    answer = client.patch(
        f"/api/v1/reviews/{review.id}", json={"version": 1, "status": "published"}
    )
    assert answer.status_code == 200
    assert answer.json()["checks_override_reason"] is None


@pytest.mark.parametrize(
    ("fmt", "media", "extension"),
    [
        ("json", "application/json", "json"),
        ("graphml", "application/graphml+xml", "graphml"),
        ("gexf", "application/gexf+xml", "gexf"),
        ("cytoscape", "application/json", "cyjs"),
    ],
)
def test_the_graph_downloads_in_each_format(
    client: TestClient, demo: tuple, fmt: str, media: str, extension: str
) -> None:
    review, _, _ = demo
    answer = client.get(f"/api/v1/reviews/{review.id}/graph", params={"format": fmt})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith(media)
    assert (
        answer.headers["content-disposition"] == f'attachment; filename="EAS-2023-04.{extension}"'
    )
    if fmt == "graphml":
        g = nx.read_graphml(StringIO(answer.text))
        assert g.number_of_nodes() == 8 + 15 + 4
        assert g.number_of_edges() == 42


def test_an_unknown_format_is_refused(client: TestClient, demo: tuple) -> None:
    review, _, _ = demo
    answer = client.get(f"/api/v1/reviews/{review.id}/graph", params={"format": "pdf"})
    assert answer.status_code == 422
    assert "graphml" in answer.json()["detail"]


@pytest.mark.parametrize(
    ("entry_date", "precision", "flagged"),
    [
        ("2019-06-20", "month", False),  # "June 2019": counts from 1 June
        ("2019-06-30", "month", False),
        ("2019-12-31", "year", False),  # "2019": counts from 1 January
        ("2019-07-01", "month", True),  # July is after the episode whatever the day
        ("2020-01-01", "year", True),
        ("2019-06-20", "day", True),  # a day-precise entry is its day
        ("2019-06-10", "day", False),
    ],
)
def test_hindsight_counts_a_month_or_year_entry_from_its_first_day(
    client: TestClient, session: Session, entry_date: str, precision: str, flagged: bool
) -> None:
    from tests.factories import make_entry, make_episode, make_review

    review = make_review(session)
    entry = make_entry(session, review, entry_date=entry_date, date_precision=precision)
    make_episode(
        session,
        review,
        period_start="2019-06-01",
        period_end="2019-06-10",
        appraisal="Judged on what was known.",
        chronology_entry_ids=[entry.id],
    )
    answer = client.get(f"/api/v1/reviews/{review.id}/checks")
    codes = [c["code"] for c in ok(answer)["checks"]]
    assert ("hindsight" in codes) is flagged
