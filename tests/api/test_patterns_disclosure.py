"""Figures outside a board's own view, as an analyst would try them: published reviews only,
one cell of the lattice per question, the same figure for the same reviews whatever the
question, and pattern lists that never tell a true count."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from scr.account.models import User
from scr.vocabulary import Role
from tests.api.test_patterns import _review
from tests.factories import make_board, make_user

SignIn = Callable[[User], TestClient]


@pytest.fixture
def analyst(session: Session, client_as: SignIn) -> TestClient:
    return client_as(make_user(session, Role.national))


def _get(client: TestClient, path: str, **params: Any) -> dict[str, Any]:
    answer = client.get(f"/api/v1/patterns/{path}", params=params)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def _count(answer: dict[str, Any], code: str) -> dict[str, Any]:
    return dict(next(i["count"] for i in answer["items"] if i["code"] == code))


@pytest.mark.parametrize(
    ("params", "field", "words"),
    [
        ({"board": ["B-1", "B-2"]}, "board", "one partnership"),
        ({"board": ["B-1"], "region": ["london"]}, "region", "not both"),
        ({"region": ["london", "south_east"]}, "region", "one region"),
        ({"year_from": 2015, "year_to": 2018}, "year_to", "three-year period"),
        ({"year_from": 2020, "year_to": 2022}, "year_to", "divisible by three"),
        ({"year_from": 2015}, "year_to", "one year"),
        ({"year_to": 2015}, "year_from", "one year"),
        ({"age_band": ["under_1", "age_1_to_4"]}, "age_band", "one age band"),
        ({"outcome": ["death", "serious_harm"]}, "outcome", "one outcome"),
        ({"review_type": ["rapid_review", "other"]}, "review_type", "one type of review"),
        ({"kind": ["factor", "episode"]}, "kind", "one kind of record"),
        ({"context": ["cc.harm.neglect", "cc.family"]}, "context", "one case-context code"),
        ({"status": ["draft"]}, "status", "only published reviews"),
    ],
)
def test_a_question_outside_the_lattice_is_refused_with_what_may_be_asked(
    session: Session, analyst: TestClient, params: dict[str, Any], field: str, words: str
) -> None:
    for code in ("B-1", "B-2"):
        make_board(session, code=code)
    for path in ("frequencies", "cooccurrence", "chains", "trends"):
        answer = analyst.get(f"/api/v1/patterns/{path}", params=params)
        assert answer.status_code == 422, (path, answer.text)
        assert words in answer.json()["detail"]
        assert answer.json()["errors"][0]["loc"] == ["query", field]
    table = analyst.get("/api/v1/patterns/table", params=params | {"rows": "region"})
    assert table.status_code == 422
    csv = analyst.get("/api/v1/exports/aggregates.csv", params=params)
    assert csv.status_code == 422


def test_one_cell_of_each_kind_may_be_asked(session: Session, analyst: TestClient) -> None:
    board = make_board(session, region="london")
    _review(session, board, ("cc.harm.neglect",), year=2020)
    for params in (
        {},
        {"board": board.code},
        {"region": "london"},
        {"year_from": 2019, "year_to": 2021},
        {"year_from": 2020, "year_to": 2020},
        {"age_band": "under_1", "outcome": "death", "review_type": "rapid_review"},
        {"kind": "factor", "context": "cc.harm.neglect", "status": "published"},
    ):
        assert analyst.get("/api/v1/patterns/frequencies", params=params).status_code == 200


def test_only_published_reviews_count_outside_the_boards_own_view(
    session: Session, analyst: TestClient, client_as: SignIn
) -> None:
    board = make_board(session)
    for _ in range(15):
        _review(session, board, ("cc.harm.neglect",))
    for _ in range(15):
        _review(session, board, ("cc.harm.physical",), published=False)
    member = client_as(make_user(session, Role.board, board=board))
    own = _get(member, "frequencies")
    assert _count(own, "cc.harm.physical") == {"reviews": 15, "suppressed": False}
    assert own["reviews"]["reviews"] == 30
    national = _get(analyst, "frequencies")
    assert "cc.harm.physical" not in {i["code"] for i in national["items"]}
    assert abs(national["reviews"]["reviews"] - 15) <= 3
    assert _get(analyst, "frequencies", board=board.code) == national  # the same cells


def test_the_same_reviews_get_the_same_figure_whatever_the_question(
    session: Session, analyst: TestClient
) -> None:
    north, south = make_board(session, region="north_east"), make_board(session, region="london")
    for board, times in ((north, 23), (south, 31)):
        for n in range(times):
            codes = ("cc.harm.neglect", "cc.family.domestic-abuse") if n % 2 else ("cc.harm",)
            _review(session, board, codes, year=2019 + n % 3)
    frequencies = _get(analyst, "frequencies", region="london")
    # The region's reviews: the head of every answer, and its row of a table by region.
    by_region = _get(analyst, "table", rows="region")
    london = next(r for r in by_region["rows"] if r["value"] == "london")
    assert london["total"]["count"] == frequencies["reviews"]
    assert _get(analyst, "trends", region="london")["reviews"] == frequencies["reviews"]
    # A code's reviews: in frequencies, a table of the parent's narrower codes, a trend's
    # total (every review has a year), and a pair's single code when rolled up.
    neglect = _count(frequencies, "cc.harm.neglect")
    assert neglect["suppressed"] is False
    table = _get(analyst, "table", rows="code:cc.harm", region="london")
    assert next(r for r in table["rows"] if r["value"] == "cc.harm.neglect")["total"]["count"] == (
        neglect
    )
    trend = _get(analyst, "trends", region="london", code="cc.harm.neglect")
    assert trend["items"][0]["count"] == neglect
    pairs = _get(analyst, "cooccurrence", region="london", rolled_up=True, min_support=10)
    pair = next(
        p
        for p in pairs["items"]
        if (p["code_a"], p["code_b"]) == ("cc.family.domestic-abuse", "cc.harm.neglect")
    )
    assert pair["count_b"] == neglect
    # A period and the region over every year select the same reviews here (2019 to 2021).
    assert _get(analyst, "frequencies", region="london", year_from=2019, year_to=2021) == (
        frequencies
    )
    # And asking again changes nothing.
    assert _get(analyst, "frequencies", region="london") == frequencies


def test_pairs_are_listed_by_their_published_count_never_by_the_true_one(
    session: Session, analyst: TestClient, client: TestClient
) -> None:
    board = make_board(session)
    a, b, c = "cc.family.domestic-abuse", "cc.family.parental-substance-misuse", "cc.family.poverty"
    for codes, times in (((a, b), 20), ((a, c), 4), ((b,), 5)):
        for _ in range(times):
            _review(session, board, codes)
    exact = _get(client, "cooccurrence", board=board.code, min_support=1)
    assert {(p["code_a"], p["code_b"]) for p in exact["items"]} == {(a, b), (a, c)}
    national = _get(analyst, "cooccurrence", min_support=1)
    [pair] = national["items"]  # the small pair is not listed at all, not even as suppressed
    assert (pair["code_a"], pair["code_b"]) == (a, b)
    shown = pair["count"]["reviews"]
    assert abs(shown - 20) <= 3
    # Support applies to the published figure: just above it the pair is gone, at it listed.
    assert _get(analyst, "cooccurrence", min_support=shown)["items"] == [pair]
    assert _get(analyst, "cooccurrence", min_support=shown + 1)["items"] == []
    # Lift and Fisher's test are worked out from the published figures.
    reviews = national["reviews"]["reviews"]
    count_a = min(pair["count_a"]["reviews"], reviews)
    count_b = min(pair["count_b"]["reviews"], reviews)
    together = min(max(shown, count_a + count_b - reviews, 0), count_a, count_b)
    assert pair["lift"] == pytest.approx(together * reviews / (count_a * count_b))
