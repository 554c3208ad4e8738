"""The files a person downloads: named after what they cover, carrying the figures shown on
screen, in the forms the tools that read them expect (GraphML, GEXF, CSV)."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date

import networkx as nx
from fastapi.testclient import TestClient
from sqlmodel import Session

from scr.account.models import User
from scr.board.models import Board
from scr.tag import service as tag_service
from scr.tag.schemas import TagCreate
from scr.vocabulary import ReviewStatus, Role
from tests.factories import (
    make_board,
    make_episode,
    make_factor,
    make_finding,
    make_link,
    make_review,
    make_user,
)
from tests.responses import ok

SignIn = Callable[[User], TestClient]
DOMESTIC_ABUSE, MENTAL_HEALTH, POVERTY = (
    "cc.family.domestic-abuse",
    "cc.family.parental-mental-health",
    "cc.family.poverty",
)


def _coded_reviews(session: Session, board: Board) -> None:
    """Reviews of ``board`` with agreed case-context codes: domestic abuse and parental
    mental ill-health together in 8 of 14, poverty with domestic abuse in 3."""
    for codes in (
        [(DOMESTIC_ABUSE, MENTAL_HEALTH)] * 8
        + [(DOMESTIC_ABUSE, POVERTY)] * 3
        + [(MENTAL_HEALTH,)] * 3
    ):
        review = make_review(session, board, notification_date=date(2020, 5, 1))
        for code in codes:
            data = TagCreate(target=f"review:{review.id}", code=code, agreed=True)
            tag_service.create(session=session, review=review, data=data, coder="lead@example.org")
        review.status = ReviewStatus.published
        session.flush()


def _member_of_a_coded_board(session: Session, client_as: SignIn, **board: str) -> TestClient:
    """A board member of a new board (with ``board``'s fields) whose reviews are coded."""
    made = make_board(session, **board)
    _coded_reviews(session, made)
    return client_as(make_user(session, Role.board, board=made))


def _filename(answer: object) -> str:
    disposition = answer.headers["content-disposition"]  # type: ignore[attr-defined]
    assert disposition.startswith("attachment; ")
    return str(disposition.split('filename="', 1)[1].rstrip('"'))


def test_a_boards_downloads_are_named_after_the_board(session: Session, client_as: SignIn) -> None:
    member = _member_of_a_coded_board(session, client_as, name="Eastmere Safeguarding Partnership")
    params = {"min_support": 1}

    network = member.get("/api/v1/exports/network.graphml", params=params)
    assert network.status_code == 200, network.text
    assert _filename(network) == "eastmere-safeguarding-partnership-code-network.graphml"
    figures = member.get("/api/v1/exports/aggregates.csv", params=params)
    assert _filename(figures) == "eastmere-safeguarding-partnership-aggregates.csv"
    gexf = member.get("/api/v1/patterns/cooccurrence", params=params | {"format": "gexf"})
    assert _filename(gexf) == "eastmere-safeguarding-partnership-cooccurrence.gexf"


def test_figures_beyond_one_board_are_named_after_the_region_or_england(
    session: Session, client: TestClient
) -> None:
    _coded_reviews(session, make_board(session, region="north_east"))
    region = client.get(
        "/api/v1/exports/network.graphml", params={"region": "north_east", "min_support": 10}
    )
    assert region.status_code == 200, region.text
    assert _filename(region) == "north-east-code-network.graphml"
    england = client.get("/api/v1/exports/network.graphml", params={"min_support": 10})
    assert _filename(england) == "england-code-network.graphml"


def test_the_csvs_pairs_carry_the_labels_lift_p_and_q_values_shown_on_screen(
    session: Session, client_as: SignIn
) -> None:
    member = _member_of_a_coded_board(session, client_as)
    params = {"min_support": 1}
    shown = ok(member.get("/api/v1/patterns/cooccurrence", params=params))["items"]
    assert len(shown) == 2

    text = member.get("/api/v1/exports/aggregates.csv", params=params).text
    rows = [r for r in csv.DictReader(io.StringIO(text)) if r["table"] == "cooccurrence"]
    assert {(r["code"], r["code_b"]) for r in rows} == {(p["code_a"], p["code_b"]) for p in shown}
    labels = {
        DOMESTIC_ABUSE: "Domestic abuse",
        MENTAL_HEALTH: "Parental mental ill-health",
        POVERTY: "Poverty and debt",
    }
    for pair in shown:
        [row] = [r for r in rows if (r["code"], r["code_b"]) == (pair["code_a"], pair["code_b"])]
        assert (row["label"], row["label_b"]) == (labels[row["code"]], labels[row["code_b"]])
        assert int(row["reviews"]) == pair["count"]["reviews"]
        assert float(row["lift"]) == pair["lift"]
        assert float(row["p_value"]) == pair["p_value"]
        # The q-value corrects the p-value for the pairs tested; the screen's "significant".
        assert float(row["q_value"]) == pair["q_value"]
        assert row["significant"] == str(pair["significant"]).lower()
    # The other tables leave the pair's columns empty.
    first = next(csv.DictReader(io.StringIO(text)))
    pair_columns = ("code_b", "label_b", "lift", "p_value", "q_value", "significant")
    assert tuple(first[c] for c in pair_columns) == ("",) * 6


def test_graphml_booleans_are_the_schemas_true_and_false(
    session: Session, client_as: SignIn
) -> None:
    member = _member_of_a_coded_board(session, client_as)
    text = member.get("/api/v1/exports/network.graphml", params={"min_support": 1}).text

    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(text)
    booleans = {k.get("id") for k in root.iterfind("g:key", ns) if k.get("attr.type") == "boolean"}
    written = {d.text for d in root.iterfind(".//g:data", ns) if d.get("key") in booleans}
    assert booleans
    assert written == {"false"}, "a board's own view suppresses nothing"
    graph = nx.parse_graphml(text)
    assert all(d["suppressed"] is False for _, d in graph.nodes(data=True))


def test_a_reviews_causal_graph_downloads_as_graphml_and_gexf(
    session: Session, client: TestClient
) -> None:
    review = make_review(session, reference="WST-2024-07")
    episode = make_episode(session, review, title="Home visit")
    factor = make_factor(session, review, description="Caseloads were high")
    pressure = make_factor(session, review, description="Supervision was short")
    finding = make_finding(session, review, title="Nobody held the whole case")
    links = [
        ("contributed_to", f"factor:{factor.id}", f"episode:{episode.id}"),
        ("influenced", f"factor:{pressure.id}", f"factor:{factor.id}"),
        ("influenced", f"factor:{factor.id}", f"factor:{pressure.id}"),
        ("evidenced_by", f"finding:{finding.id}", f"episode:{episode.id}"),
    ]
    for kind, source, target in links:
        make_link(session, review, kind, source, target)
    url = f"/api/v1/reviews/{review.id}/graph"

    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        answer = client.get(url, params={"format": fmt})
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"].startswith(f"application/{fmt}+xml")
        assert _filename(answer) == f"WST-2024-07.{fmt}"
        graph = read(io.BytesIO(answer.content))
        assert graph.is_directed()
        kinds = {n: d["kind"] for n, d in graph.nodes(data=True)}
        assert kinds == {
            f"episode:{episode.id}": "episode",
            f"factor:{factor.id}": "factor",
            f"factor:{pressure.id}": "factor",
            f"finding:{finding.id}": "finding",
        }
        assert {(u, v, d["kind"]) for u, v, d in graph.edges(data=True)} == {
            (s, t, k) for k, s, t in links
        }
        labels = {d["label"] for _, d in graph.nodes(data=True)}
        assert "Caseloads were high" in labels
