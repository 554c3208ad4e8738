"""Patterns across reviews: counted in reviews from agreed tags, rolled up the typology tree,
mapped from older versions, filtered, and suppressed wherever they leave a board's own view."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from scipy.stats import fisher_exact
from sqlalchemy import Engine, event
from sqlmodel import Session

from scr.account.models import User
from scr.board.models import Board
from scr.review.models import Review
from scr.tag import service as tag_service
from scr.tag.schemas import TagCreate
from scr.vocabulary import ReviewStatus, Role
from tests.factories import make_board, make_episode, make_factor, make_link, make_review, make_user
from tests.responses import ok

SignIn = Callable[[User], TestClient]

# Brandon et al. (2013), Table 2.4: the category of child protection plan in 175 SCRs.
TABLE_2_4 = {
    "cc.cp-plan.neglect-only": (73, 42),
    "cc.cp-plan.physical-only": (32, 18),
    "cc.cp-plan.sexual-only": (12, 7),
    "cc.cp-plan.emotional-only": (19, 11),
    "cc.cp-plan.multiple-with-neglect": (28, 16),
    "cc.cp-plan.multiple-without-neglect": (11, 6),
}


def _agreed(session: Session, review: Review, target: str, code: str, version: str = "1.0") -> None:
    data = TagCreate(target=target, code=code, typology_version=version, agreed=True)
    tag_service.create(session=session, review=review, data=data, coder="lead@example.org")


def _review(
    session: Session,
    board: Board,
    codes: tuple[str, ...] = (),
    *,
    year: int = 2019,
    version: str = "1.0",
    published: bool = True,
    **overrides: Any,
) -> Review:
    """A review notified in ``year`` with an agreed tag for each code: review-level codes on
    the review, others on a factor of their own; published unless ``published`` is false."""
    review = make_review(session, board, notification_date=date(year, 3, 1), **overrides)
    for code in codes:
        if code.startswith("cc."):
            _agreed(session, review, f"review:{review.id}", code, version)
        else:
            factor = make_factor(session, review)
            _agreed(session, review, f"factor:{factor.id}", code, version)
    if published:
        review.status = ReviewStatus.published
        session.flush()
    return review


def _near(count: dict[str, Any], truth: int) -> bool:
    """A figure from outside a board's own view: published (the truth is at least 13, so the
    change cannot take it below the threshold), within the largest change of the truth."""
    assert truth >= 13
    reviews = count["reviews"]
    return count["suppressed"] is False and reviews >= 10 and abs(reviews - truth) <= 3


def _counts(answer: dict[str, Any]) -> dict[str, int | None]:
    return {item["code"]: item["count"]["reviews"] for item in answer["items"]}


def test_table_2_4_of_brandon_et_al_is_reproduced(session: Session, client_as: SignIn) -> None:
    board = make_board(session)
    for serial, code in enumerate(c for c, (n, _) in TABLE_2_4.items() for _ in range(n)):
        _review(session, board, (code,), year=2005 + serial % 7, published=serial % 3 != 0)
    member = client_as(make_user(session, Role.board, board=board))

    answer = member.get("/api/v1/patterns/table", params={"rows": "code:cc.cp-plan"})
    assert answer.status_code == 200, answer.text
    table = answer.json()
    assert table["suppressed"] is False  # the board's own view: exact, whatever the status
    assert table["note"] is None
    rows = {row["value"]: row for row in table["rows"]}
    for code, (count, percent) in TABLE_2_4.items():
        assert rows[code]["total"]["count"]["reviews"] == count
        assert round(rows[code]["total"]["percent"]) == percent
    assert rows["cc.cp-plan.none"]["total"]["count"] == {"reviews": 0, "suppressed": False}
    assert table["total"]["count"]["reviews"] == 175
    assert rows["cc.cp-plan.neglect-only"]["label"] == "Neglect only"


def test_a_code_counts_reviews_once_with_its_descendants_and_only_agreed_tags(
    session: Session, client: TestClient
) -> None:
    board = make_board(session)
    _review(session, board, ("cc.family.domestic-abuse", "cc.family.poverty"))
    _review(session, board, ("cc.family.domestic-abuse",))
    _review(session, board, ("cc.family",))
    untagged = _review(session, board, published=False)
    tag_service.create(  # a coder's tag, not agreed: it does not count
        session=session,
        review=untagged,
        data=TagCreate(target=f"review:{untagged.id}", code="cc.family.poverty"),
        coder="coder@example.org",
    )
    answer = ok(client.get("/api/v1/patterns/frequencies", params={"board": board.code}))
    assert answer["suppressed"] is False  # an administrator's view of one board
    assert answer["reviews"] == {"reviews": 4, "suppressed": False}
    assert _counts(answer) == {
        "cc.family": 3,
        "cc.family.domestic-abuse": 2,
        "cc.family.poverty": 1,
    }
    shares = {i["code"]: i["share"] for i in answer["items"]}
    assert shares["cc.family"] == 0.75
    assert answer["items"][0]["code"] == "cc.family"  # largest first


def test_a_board_sees_its_own_counts_in_full_and_others_see_them_suppressed(
    session: Session, client_as: SignIn
) -> None:
    own, other = make_board(session), make_board(session)
    for _ in range(12):
        _review(session, own, ("cc.harm.neglect",))
    for _ in range(3):
        _review(session, own, ("cc.harm.physical",))
    _review(session, other, ("cc.harm.neglect",))
    member = client_as(make_user(session, Role.board, board=own))
    analyst = client_as(make_user(session, Role.national))

    mine = ok(member.get("/api/v1/patterns/frequencies"))
    assert mine["suppressed"] is False
    assert _counts(mine)["cc.harm.physical"] == 3
    national = ok(analyst.get("/api/v1/patterns/frequencies"))
    assert national["suppressed"] is True
    assert "changed by a small random amount" in national["note"]
    physical = next(i for i in national["items"] if i["code"] == "cc.harm.physical")
    assert physical["count"] == {"reviews": None, "suppressed": True}
    assert physical["share"] is None
    neglect = next(i for i in national["items"] if i["code"] == "cc.harm.neglect")
    assert _near(neglect["count"], 13)
    assert ok(analyst.get("/api/v1/patterns/frequencies")) == national  # the same again
    assert national["items"][-1]["count"]["suppressed"] is True  # suppressed ones come last
    elsewhere = ok(member.get("/api/v1/patterns/frequencies", params={"board": other.code}))
    assert elsewhere["suppressed"] is True
    nul = member.get("/api/v1/patterns/frequencies", params={"board": "A\x00B"})
    assert nul.status_code == 422
    unknown = member.get("/api/v1/patterns/frequencies", params={"board": "NO-SUCH-BOARD"})
    assert unknown.status_code == 422
    assert unknown.json()["detail"] == "There is no board with code NO-SUCH-BOARD."


def test_every_filter_narrows_the_reviews_counted(session: Session, client: TestClient) -> None:
    north = make_board(session, region="north_east")
    south = make_board(session, region="south_west")
    # Ten of each kind, so that the cross-board figures are not small enough to suppress.
    for _ in range(10):
        _review(session, north, ("cc.harm.neglect", "cc.family.domestic-abuse"), year=2014)
        _review(
            session,
            north,
            ("cc.harm.neglect",),
            year=2021,
            outcome="death",
            child_age_band="under_1",
            review_type="rapid_review",
        )
        _review(session, south, ("cc.harm.neglect", "pt.escalation"), year=2021)

    def reviews(**params: Any) -> int | None:
        answer = client.get("/api/v1/patterns/frequencies", params=params)
        assert answer.status_code == 200, answer.text
        assert answer.json()["suppressed"] is False  # an administrator's view of one board
        return _counts(answer.json()).get("cc.harm.neglect", 0)

    assert reviews(board=north.code) == 20
    assert reviews(board=south.code) == 10
    assert reviews(board=north.code, region="north_east") == 20
    assert reviews(board=north.code, region="south_west") == 0
    assert reviews(board=north.code, year_from=2015) == 10
    assert reviews(board=north.code, year_to=2015) == 10
    assert reviews(board=north.code, review_type="rapid_review") == 10
    assert reviews(board=north.code, outcome="death") == 10
    assert reviews(board=north.code, age_band="under_1") == 10
    assert reviews(board=north.code, context="cc.family.domestic-abuse") == 10
    assert reviews(board=north.code, context="cc.family") == 10
    assert reviews(board=south.code, kind="factor") == 0
    by_kind = ok(
        client.get("/api/v1/patterns/frequencies", params={"board": south.code, "kind": "factor"})
    )
    assert _counts(by_kind) == {"pt.escalation": 10}
    bad = client.get("/api/v1/patterns/frequencies", params={"context": "cc.nothing"})
    assert bad.status_code == 422
    assert bad.json()["detail"] == "Typology 1.1 has no code cc.nothing."
    no_version = client.get("/api/v1/patterns/frequencies", params={"version": "9.9"})
    assert no_version.status_code == 422
    assert "no typology version 9.9" in no_version.json()["detail"]


def test_tags_under_an_older_version_count_in_the_newer_one(
    session: Session, client: TestClient, second_version: Path
) -> None:
    board = make_board(session)
    _review(session, board, ("sp.reasoning.fixed-view",), version="1.0")  # renamed in 1.1
    _review(session, board, ("sp.reasoning.narrow-view",), version="1.1")
    _review(session, board, ("sp.management.caseload",), version="1.0")  # split in 1.1
    params = {"board": board.code, "version": "1.1"}
    answer = client.get("/api/v1/patterns/frequencies", params=params)
    assert answer.status_code == 200, answer.text
    counts = _counts(answer.json())
    assert counts["sp.reasoning.narrow-view"] == 2
    assert counts["sp.reasoning"] == 2
    # The split is not guessed: the old tag counts under the parent both successors share.
    assert counts["sp.management"] == 1
    assert "sp.management.caseload-volume" not in counts
    assert "sp.management.caseload-complexity" not in counts
    under_old = client.get(
        "/api/v1/patterns/frequencies", params={"board": board.code, "version": "1.0"}
    )
    assert _counts(ok(under_old))["sp.reasoning.fixed-view"] == 1


def test_cooccurrence_counts_pairs_with_lift_and_fishers_exact_test(
    session: Session, client: TestClient
) -> None:
    board = make_board(session)
    a, b = "cc.family.domestic-abuse", "cc.family.parental-substance-misuse"
    for codes, times in (((a, b), 20), ((a,), 5), ((b,), 5), ((), 10)):
        for _ in range(times):
            _review(session, board, codes)
    params: dict[str, Any] = {"board": board.code, "min_support": 5}
    answer = client.get("/api/v1/patterns/cooccurrence", params=params)
    assert answer.status_code == 200, answer.text
    [pair] = answer.json()["items"]
    assert (pair["code_a"], pair["code_b"]) == (a, b)
    assert pair["count"]["reviews"] == 20
    assert (pair["count_a"]["reviews"], pair["count_b"]["reviews"]) == (25, 25)
    assert pair["lift"] == pytest.approx(20 * 40 / (25 * 25))
    expected = fisher_exact([[20, 5], [5, 10]], alternative="greater").pvalue
    assert pair["p_value"] == pytest.approx(expected, rel=1e-9)

    rolled = ok(client.get("/api/v1/patterns/cooccurrence", params=params | {"rolled_up": True}))
    assert [(p["code_a"], p["code_b"]) for p in rolled["items"]] == [(a, b)]  # not with cc.family
    assert (
        ok(client.get("/api/v1/patterns/cooccurrence", params=params | {"min_support": 21}))[
            "items"
        ]
        == []
    )

    graphml = client.get("/api/v1/patterns/cooccurrence", params=params | {"format": "graphml"})
    assert graphml.headers["content-type"].startswith("application/graphml+xml")
    network = nx.read_graphml(io.BytesIO(graphml.content))
    assert set(network.nodes) == {a, b}
    assert network.edges[a, b]["reviews"] == 20
    assert network.edges[a, b]["q_value"] == pytest.approx(pair["q_value"])
    assert network.nodes[a]["label"] == "Domestic abuse"
    gexf = client.get("/api/v1/patterns/cooccurrence", params=params | {"format": "gexf"})
    assert set(nx.read_gexf(io.BytesIO(gexf.content)).nodes) == {a, b}


def test_significance_is_corrected_for_every_pair_tested_not_only_the_page(
    session: Session, client: TestClient
) -> None:
    board = make_board(session)
    a, b, c = "cc.family.domestic-abuse", "cc.family.parental-substance-misuse", "cc.family.poverty"
    groups = (((a, b), 20), ((a, c), 3), ((b, c), 3), ((a,), 2), ((b,), 2), ((c,), 5), ((), 5))
    for codes, times in groups:
        for _ in range(times):
            _review(session, board, codes)
    params: dict[str, Any] = {"board": board.code, "min_support": 3}
    answer = ok(client.get("/api/v1/patterns/cooccurrence", params=params))
    assert (answer["tested"], answer["false_discovery_rate"]) == (3, 0.05)
    pairs = {(p["code_a"], p["code_b"]): p for p in answer["items"]}
    reviews = 40
    p_values = {}
    for key, pair in pairs.items():
        both, only_a = pair["count"]["reviews"], pair["count_a"]["reviews"]
        only_b = pair["count_b"]["reviews"]
        table = [[both, only_a - both], [only_b - both, reviews - only_a - only_b + both]]
        p_values[key] = fisher_exact(table, alternative="greater").pvalue
        assert pair["p_value"] == pytest.approx(p_values[key], rel=1e-9)
    # Benjamini-Hochberg by hand over the three: rank the p-values, scale by 3 / rank, then
    # lower each to the smallest at or above its rank.
    (first, p1), (second, p2), (third, p3) = sorted(p_values.items(), key=lambda kv: kv[1])
    expected = {third: p3, second: min(p2 * 3 / 2, p3), first: min(p1 * 3, p2 * 3 / 2, p3)}
    assert first == (a, b)
    for key, q in expected.items():
        assert pairs[key]["q_value"] == pytest.approx(q, rel=1e-9)
        assert pairs[key]["significant"] is bool(q <= 0.05)
    assert pairs[(a, b)]["significant"] is True
    assert pairs[(a, c)]["significant"] is False

    one = ok(client.get("/api/v1/patterns/cooccurrence", params=params | {"limit": 1}))
    [top] = one["items"]
    assert (top["code_a"], top["code_b"], one["tested"]) == (a, b, 3)
    assert top["q_value"] == pytest.approx(expected[(a, b)], rel=1e-9)


def test_a_network_file_holds_every_pair_whatever_the_page(
    session: Session, client: TestClient
) -> None:
    board = make_board(session)
    codes = ("cc.family.domestic-abuse", "cc.family.parental-substance-misuse", "cc.family.poverty")
    for _ in range(6):
        _review(session, board, codes)
    params: dict[str, Any] = {"board": board.code, "limit": 1}
    page = ok(client.get("/api/v1/patterns/cooccurrence", params=params))
    assert (len(page["items"]), page["total"]) == (1, 3)
    for format, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        file = client.get("/api/v1/patterns/cooccurrence", params=params | {"format": format})
        assert file.status_code == 200, file.text
        assert read(io.BytesIO(file.content)).number_of_edges() == 3


def test_trends_count_reviews_per_year_and_protect_each_year_and_the_total(
    session: Session, client: TestClient, client_as: SignIn
) -> None:
    board, other = make_board(session), make_board(session)
    for year, times in ((2018, 14), (2019, 3), (2020, 15)):
        for _ in range(times):
            _review(session, board, ("pt.escalation",), year=year)
    _review(session, other, ("pt.thresholds",), year=2019)
    mine = ok(
        client.get("/api/v1/patterns/trends", params={"board": board.code, "code": "pt.escalation"})
    )
    assert mine["years"] == [2018, 2019, 2020]
    [escalation] = mine["items"]
    assert [y["count"]["reviews"] for y in escalation["years"]] == [14, 3, 15]
    assert escalation["count"]["reviews"] == 32

    analyst = client_as(make_user(session, Role.national))
    national = ok(analyst.get("/api/v1/patterns/trends", params={"code": "pt.escalation"}))
    [escalation] = national["items"]
    published = [y["count"] for y in escalation["years"]]
    assert published[1] == {"reviews": None, "suppressed": True}
    assert _near(published[0], 14)
    assert _near(published[2], 15)
    # The total is the cell of the same reviews as the code's frequency: the same figure.
    assert _near(escalation["count"], 32)
    frequencies = ok(analyst.get("/api/v1/patterns/frequencies"))
    assert escalation["count"] == next(
        i["count"] for i in frequencies["items"] if i["code"] == "pt.escalation"
    )


def test_recurring_chains_are_counted_in_reviews(session: Session, client: TestClient) -> None:
    board = make_board(session)
    for _ in range(6):
        review = make_review(session, board)
        cause, effect = make_factor(session, review), make_factor(session, review)
        episode = make_episode(session, review)
        make_link(session, review, "influenced", f"factor:{cause.id}", f"factor:{effect.id}")
        make_link(session, review, "contributed_to", f"factor:{effect.id}", f"episode:{episode.id}")
        _agreed(session, review, f"factor:{cause.id}", "sp.management.caseload")
        _agreed(session, review, f"factor:{effect.id}", "pt.supervision")
        _agreed(session, review, f"episode:{episode.id}", "pt.escalation")
    # Counted in the version the tags were made in (in 1.1 the split caseload code counts
    # only under sp.management).
    answer = ok(
        client.get(
            "/api/v1/patterns/chains",
            params={"board": board.code, "min_support": 2, "version": "1.0"},
        )
    )
    assert [(c["codes"], c["count"]["reviews"]) for c in answer["items"]] == [
        (["sp.management.caseload", "pt.supervision", "pt.escalation"], 6)
    ]
    assert answer["items"][0]["labels"][2] == "Escalation between agencies"
    none = client.get(
        "/api/v1/patterns/chains",
        params={"board": board.code, "min_support": 7, "version": "1.0"},
    )
    assert ok(none)["items"] == []


def test_a_table_crosses_two_review_attributes_with_totals(
    session: Session, client: TestClient
) -> None:
    board = make_board(session, region="london")
    for outcome, band, times in (
        ("death", "under_1", 4),
        ("death", "age_1_to_4", 1),
        ("serious_harm", "under_1", 2),
    ):
        for _ in range(times):
            _review(session, board, outcome=outcome, child_age_band=band)
    answer = client.get(
        "/api/v1/patterns/table",
        params={"board": board.code, "rows": "outcome", "columns": "age_band"},
    )
    assert answer.status_code == 200, answer.text
    table = answer.json()
    assert table["columns"][:2] == ["under_1", "age_1_to_4"]
    death = next(r for r in table["rows"] if r["value"] == "death")
    assert [c["count"]["reviews"] for c in death["cells"][:2]] == [4, 1]
    assert death["total"]["count"]["reviews"] == 5
    assert [c["count"]["reviews"] for c in table["column_totals"][:2]] == [6, 1]
    assert table["total"] == {"count": {"reviews": 7, "suppressed": False}, "percent": 100.0}
    wrong = client.get("/api/v1/patterns/table", params={"rows": "shoe_size"})
    assert wrong.status_code == 422
    assert "There is no axis shoe_size" in wrong.json()["detail"]


@pytest.fixture
def statements(engine: Engine) -> Iterator[list[str]]:
    """The SQL statements sent while the test runs (savepoints aside)."""
    sent: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK")):
            sent.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    yield sent
    event.remove(engine, "before_cursor_execute", count)


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("frequencies", {}),
        ("cooccurrence", {"min_support": 1}),
        ("chains", {"min_support": 1}),
        ("trends", {}),
        ("table", {"rows": "code:cc.harm", "columns": "region"}),
    ],
)
def test_each_pattern_request_makes_at_most_five_queries_whatever_the_page_size(
    session: Session,
    client_as: SignIn,
    statements: list[str],
    path: str,
    params: dict[str, Any],
) -> None:
    board = make_board(session)
    for i in range(12):
        _review(
            session,
            board,
            ("cc.harm.neglect", "cc.family.poverty", "pt.escalation"),
            year=2015 + i % 4,
        )
    member = client_as(make_user(session, Role.board, board=board))
    member.get(f"/api/v1/patterns/{path}", params=params)  # the roll-up rows are filled once
    made = []
    for limit in (1, 200):
        statements.clear()
        answer = member.get(
            f"/api/v1/patterns/{path}", params=params | {"limit": limit, "board": board.code}
        )
        assert answer.status_code == 200, answer.text
        made.append(len(statements))
    assert made[0] == made[1] <= 5, statements
