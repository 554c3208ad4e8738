"""Search through the API: what each caller finds, and that no query breaks it."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlmodel import Session, select

from scr.account.models import User
from scr.board.models import Board
from scr.common.lookup import id_of
from scr.exchange import scanning
from scr.exchange.schemas import IdentifierCreate
from scr.finding.models import ActionNote, BoardAction, Finding
from scr.review.models import Review
from scr.search import common as search_common
from scr.search import service as search_service
from scr.search.models import SearchDocument
from scr.vocabulary import IdentifierKind, Role
from tests.api.test_authorisation import CALLERS, _world
from tests.factories import (
    bearer,
    make_board,
    make_entry,
    make_episode,
    make_factor,
    make_finding,
    make_review,
    make_user,
)

WORD = "quillwort"  # in one record of each kind of every review below, and nowhere else
URL = "/api/v1/search"
Hits = set[tuple[str, int]]


def _find(client: TestClient, q: str, **params: Any) -> dict[str, Any]:
    answer = client.get(URL, params={"q": q, **params})
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def _kinds_and_reviews(body: dict[str, Any]) -> Hits:
    return {(hit["kind"], hit["review"]["id"]) for hit in body["items"]}


def _fill(session: Session, review: Review, *, action: bool = True) -> None:
    """A record of each kind in ``review`` holding WORD (an action too, when asked)."""
    make_episode(session, review, what_happened=f"The {WORD} leaflet was left at the door.")
    make_factor(session, review, detail=f"Nobody owned the {WORD} referral pathway.")
    finding = make_finding(
        session,
        review,
        statement=f"The {WORD} pathway is not known across agencies.",
        questions=[{"question": f"How does the Board know the {WORD} pathway is used?"}],
    )
    make_entry(session, review, summary=f"School nurse noted the {WORD} leaflet.")
    if action:
        finding.questions[0].actions.append(
            BoardAction(ordinal=1, description=f"Audit the {WORD} pathway.")
        )
        session.commit()


ANALYSIS = ("episode", "factor", "finding", "question", "action")


def test_a_board_member_finds_a_phrase_from_another_review_of_the_partnership(
    session: Session, client_as: Callable[[User], TestClient]
) -> None:
    board = make_board(session)
    own, other = make_review(session, board), make_review(session, board)
    elsewhere = make_review(session)  # another partnership's review, the same words
    for review in (other, elsewhere):
        make_episode(
            session,
            review,
            title="Strategy discussion without health",
            what_happened="The midwife was not invited to the strategy discussion held by phone.",
        )
    member = client_as(make_user(session, Role.board, board=board))

    body = _find(member, '"strategy discussion" midwife')

    assert body["total"] == 1
    (hit,) = body["items"]
    assert hit["kind"] == "episode"
    assert hit["review"] == {"id": other.id, "reference": other.reference}
    assert hit["name"] == "KPE 1"
    assert hit["title"] == "Strategy discussion without health"
    marked = " ".join(part["text"].lower() for part in hit["snippet"] if part["match"])
    assert {"midwife", "strategy", "discussion"} <= set(marked.split())
    assert "invited" not in marked
    assert "".join(p["text"] for p in hit["snippet"]).count("<") == 0
    assert own.id not in {h["review"]["id"] for h in body["items"]}


def _expected(caller: str, world: int, sibling: int, foreign: int) -> Hits | int:
    """What each caller of the authorisation table finds: its review's records (the chronology
    for its reviewer only), its partnership's other review, never another partnership's."""
    analysis = {(kind, world) for kind in ANALYSIS}
    sibling_hits = {(kind, sibling) for kind in ANALYSIS}
    return {
        "anonymous": 401,
        "reviewer on the review": analysis | {("chronology", world)},
        "reviewer not on it": set(),
        "board member of its board": analysis | sibling_hits,
        "board member of another board": set(),
        "national analyst": 403,
        "administrator": analysis | sibling_hits | {(kind, foreign) for kind in ANALYSIS},
    }[caller]


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize("narrowed", [search_service.MOST_NARROWED, 0], ids=["kept", "too many"])
def test_each_caller_of_the_authorisation_table_finds_only_what_they_may_see(
    app: FastAPI,
    session: Session,
    caller: str,
    narrowed: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On SQLite FTS5 keeps to the caller's reviews itself, or, when there are too many to
    hand it (here: any), the query's conditions alone do; either way the same is found."""
    monkeypatch.setattr(search_service, "MOST_NARROWED", narrowed)
    world = _world(session)
    review, board = session.get(Review, world.review), session.get(Board, world.board)
    assert review is not None
    sibling, foreign = make_review(session, board), make_review(session)
    for r in (review, sibling, foreign):
        _fill(session, r)
    user = world.users.get(caller)
    client = TestClient(app, headers=bearer(user) if user else {})
    filters: list[dict[str, Any]] = [
        {},
        {"review_id": world.review},
        {"board_id": world.board},
        {"kind": "chronology"},
        {"review_id": foreign.id},
    ]

    expected = _expected(caller, world.review, id_of(sibling), id_of(foreign))
    answers = [client.get(URL, params={"q": WORD, **extra}) for extra in filters]

    for answer in answers:
        if isinstance(expected, int):
            assert answer.status_code == expected, answer.text
            assert answer.json()["detail"]
            continue
        assert answer.status_code == 200, answer.text
    if isinstance(expected, int):
        return
    everything, *narrowed = (_kinds_and_reviews(a.json()) for a in answers)
    assert everything == expected
    assert answers[0].json()["total"] == len(expected)
    # Each filter narrows what the caller may see, and never widens it.
    by_review, by_board, chronology, foreign_review = narrowed
    assert by_review == {h for h in expected if h[1] == world.review}
    assert by_board == {h for h in expected if h[1] in (world.review, sibling.id)}
    assert chronology == {h for h in expected if h[0] == "chronology"}
    assert foreign_review == {h for h in expected if h[1] == foreign.id}


def test_a_records_kind_and_its_reviews_id_are_not_words_it_holds(
    session: Session, client_as: Callable[[User], TestClient]
) -> None:
    """The index of every record also holds each one's kind, review id and board id, to keep a
    search to a caller's reviews: typing a kind or an id finds only records whose text holds
    it."""
    review = make_review(session)
    _fill(session, review)
    make_factor(session, review, description="Unshared", detail="The finding was not shared.")
    make_episode(session, review, title="Home visit", went_well="Seen alone.")
    lead = client_as(make_user(session, Role.reviewer, leads=(review,)))

    bodies = session.exec(select(SearchDocument.body)).all()
    named = ("episode", "factor", "finding", "chronology", "action", "question")
    for word in (*named, review.id, review.board_id):
        holding = sum(bool(re.search(rf"\b{word}\b", b, re.IGNORECASE)) for b in bodies)
        found = _find(lead, str(word))
        assert found["total"] == holding < 6, word
        for hit in found["items"]:
            assert any(part["match"] for part in hit["snippet"]), word


def test_known_identifiers_are_never_found(
    session: Session, client_as: Callable[[User], TestClient]
) -> None:
    review = make_review(session)
    _fill(session, review)
    scanning.add_identifier(
        session=session,
        review=review,
        data=IdentifierCreate(text="Ravensholt Primary", kind=IdentifierKind.school),
        actor="lead reviewer 1",
    )
    session.commit()
    lead = client_as(make_user(session, Role.reviewer, leads=(review,)))

    assert _find(lead, "Ravensholt")["total"] == 0
    assert _find(lead, WORD)["total"] == 6
    bodies = session.exec(select(SearchDocument.body)).all()
    assert not any("Ravensholt" in b for b in bodies)


def test_an_edit_shows_at_once_and_a_deleted_record_is_gone(
    session: Session, client_as: Callable[[User], TestClient]
) -> None:
    review = make_review(session)
    episode = make_episode(session, review, appraisal="The plan relied on one home visit.")
    factor = make_factor(session, review, description="Caseloads above the agreed ceiling.")
    lead = client_as(make_user(session, Role.reviewer, leads=(review,)))
    case = f"/api/v1/reviews/{review.id}"
    assert _find(lead, "home visit")["total"] == 1

    changed = lead.patch(
        f"{case}/episodes/{episode.id}",
        json={"version": episode.version, "appraisal": "The plan relied on a telephone call."},
    )
    assert changed.status_code == 200, changed.text
    assert _find(lead, "home visit")["total"] == 0
    assert [h["record_id"] for h in _find(lead, "telephone")["items"]] == [episode.id]

    assert _find(lead, "caseloads ceiling")["total"] == 1
    assert lead.delete(f"{case}/factors/{factor.id}").status_code == 204
    assert _find(lead, "caseloads ceiling")["total"] == 0


def test_an_actions_progress_notes_are_found_with_it_and_a_deleted_review_leaves_nothing(
    session: Session, client: TestClient
) -> None:
    review = make_review(session)
    _fill(session, review)
    finding = session.exec(select(Finding).where(Finding.review_id == review.id)).one()
    action = finding.questions[0].actions[0]
    action.notes.append(ActionNote(noted_on=date(2026, 11, 2), note="Escalation audit under way."))
    session.commit()

    (hit,) = _find(client, "escalation audit")["items"]
    assert (hit["kind"], hit["record_id"], hit["finding_id"]) == ("action", action.id, finding.id)
    assert hit["name"] == "Finding 1, question 1, action 1"

    assert client.delete(f"/api/v1/reviews/{review.id}?cascade=true").status_code == 204
    assert _find(client, WORD)["total"] == 0
    left = session.exec(select(SearchDocument).where(SearchDocument.review_id == review.id))
    assert left.all() == []


def _analysed(session: Session) -> None:
    """The index's statistics, which PostgreSQL keeps when it analyses a table (autovacuum
    does, as the table grows) and tells a common word from."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("ANALYZE search_document"))


def test_a_common_word_asked_with_a_rarer_one_finds_the_rarer_words_records(
    session: Session, client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    review = make_review(session)
    common = [make_factor(session, review, detail="The pathway was unclear.") for _ in range(40)]
    both = make_factor(session, review, detail=f"The {WORD} pathway was unclear.")
    rare = make_episode(session, review, what_happened=f"The {WORD} leaflet was left at the door.")
    _analysed(session)  # 42 records: "pathway" in 41, WORD in 2 (under one in twenty)
    records = {("factor", id_of(both)), ("episode", id_of(rare))}

    # In an index this small no word is common: every word asked must be held.
    assert _kinds_and_ids(_find(client, f"pathway {WORD}")) == {("factor", id_of(both))}

    monkeypatch.setattr(search_common, "FEWEST", 1)  # (a real index holds thousands)
    body = _find(client, f"pathway {WORD}")
    assert _kinds_and_ids(body) == records
    assert body["total"] == 2
    marked = {p["text"].lower() for h in body["items"] for p in h["snippet"] if p["match"]}
    assert marked == {"pathway", WORD}  # the common word is still marked where it is
    # Common words alone are matched as asked; and a common word in quotes must be held.
    assert _find(client, "pathway")["total"] == len(common) + 1
    assert _find(client, "unclear pathway")["total"] == len(common) + 1
    assert _kinds_and_ids(_find(client, f'"pathway" {WORD}')) == {("factor", id_of(both))}
    assert _find(client, "pathway leaflet")["total"] == 1


def _kinds_and_ids(body: dict[str, Any]) -> set[tuple[str, int]]:
    return {(hit["kind"], hit["record_id"]) for hit in body["items"]}


def test_the_total_counts_every_match_whatever_the_page(
    session: Session, client: TestClient
) -> None:
    review = make_review(session)
    for n in range(7):
        make_factor(session, review, detail=f"The {WORD} pathway, part {n}.")

    pages = [_find(client, WORD, limit=3, offset=offset) for offset in (0, 3, 6, 9)]

    assert [page["total"] for page in pages] == [7, 7, 7, 7]
    assert [len(page["items"]) for page in pages] == [3, 3, 1, 0]
    assert len({h["record_id"] for page in pages for h in page["items"]}) == 7


@pytest.mark.parametrize(
    "q",
    ['"', '"unbalanced words', "*", "AND", "NEAR(a b)", "a:* & !b", "(", "-", "^x", "'", "\\"],
)
def test_the_engines_query_syntax_is_read_as_text(client: TestClient, q: str) -> None:
    answer = client.get(URL, params={"q": q})
    assert answer.status_code in (200, 422), answer.text
    assert answer.json().get("detail") or "items" in answer.json()


def test_signs_alone_and_very_long_queries_are_refused_with_a_reason(client: TestClient) -> None:
    for q in ("*", '""', "  ", "x" * 201):
        answer = client.get(URL, params={"q": q})
        assert answer.status_code == 422, q
        assert answer.json()["detail"]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(q=st.text(max_size=250))
def test_no_query_is_a_server_error(client: TestClient, q: str) -> None:
    answer = client.get(URL, params={"q": q})
    assert answer.status_code in (200, 422), answer.text
