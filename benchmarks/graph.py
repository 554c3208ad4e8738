"""How much the causal-graph analysis costs on top of reading a review's rows.

Builds two generated reviews in a fresh SQLite database (or SCR_DATABASE_URL's): about 500
nodes and 2,000 links, and about 5,000 nodes and 20,000 links. For each it times, through
HTTP (uvicorn serving the app in a process of its own), GET /analysis and GET /checks, and,
on the same database, the plain reading of the review's rows that the analysis starts from;
it prints medians and the ratio. Run: ``.venv/bin/python -m benchmarks.graph [--repeat N]``.
"""

from __future__ import annotations

import argparse
import os
import random
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import httpx
from sqlalchemy import Engine, insert
from sqlmodel import Session, select

from benchmarks import common
from benchmarks.common import fastest_and_median
from scr import migrate
from scr.board.models import Board
from scr.db import get_engine
from scr.episode.models import KeyPracticeEpisode
from scr.factor.models import ContributoryFactor
from scr.finding.models import BoardQuestion, Finding
from scr.link.models import CausalLink
from scr.review.models import Review
from scr.vocabulary import Role

LEVELS = ["family", "worker_role", "working_conditions", "own_team", "organisational"]


def _stamp() -> dict[str, object]:
    now = datetime.now(UTC)
    return {"version": 1, "created_at": now, "updated_at": now}


def generate(
    session: Session,
    *,
    name: str,
    episodes: int,
    factors: int,
    findings: int,
    edges: int,
    seed: int,
) -> int:
    """Insert one review with the given shape; return its id."""
    rng = random.Random(seed)
    board = Board(name=f"Benchmark {name}", code=f"BENCH-{name}", region="london")
    session.add(board)
    session.flush()
    review = Review(
        board_id=board.id, reference=name, child_pseudonym="Child B", review_type="other"
    )
    session.add(review)
    session.flush()
    start = date(2020, 1, 1)
    session.execute(
        insert(KeyPracticeEpisode),
        [
            {
                "review_id": review.id,
                "ordinal": i + 1,
                "title": f"Episode {i + 1}",
                "period_start": start + timedelta(days=i),
                "agency_ids": [],
                "roles_involved": [],
                "appraisal": "Reasonable at the time.",
                "appraisal_rating": "as_expected",
                **_stamp(),
            }
            for i in range(episodes)
        ],
    )
    session.execute(
        insert(ContributoryFactor),
        [
            {
                "review_id": review.id,
                "description": f"Factor {i + 1}",
                "level": rng.choice(LEVELS),
                "typology_codes": [],
                **_stamp(),
            }
            for i in range(factors)
        ],
    )
    session.execute(
        insert(Finding),
        [
            {
                "review_id": review.id,
                "ordinal": i + 1,
                "title": f"Finding {i + 1}",
                "statement": "A pattern.",
                "pattern_kind": "unsafe",
                **_stamp(),
            }
            for i in range(findings)
        ],
    )
    e = list(
        session.exec(select(KeyPracticeEpisode.id).where(KeyPracticeEpisode.review_id == review.id))
    )
    f = list(
        session.exec(select(ContributoryFactor.id).where(ContributoryFactor.review_id == review.id))
    )
    g = list(session.exec(select(Finding.id).where(Finding.review_id == review.id)))
    session.execute(
        insert(BoardQuestion), [{"finding_id": i, "ordinal": 1, "question": "Q?"} for i in g]
    )
    chosen: set[tuple[str, str, int, str, int]] = set()
    shares = [
        ("contributed_to", 0.45),
        ("influenced", 0.40),
        ("led_to", 0.07),
        ("evidenced_by", 0.08),
    ]
    for kind, share in shares:
        wanted = int(edges * share)
        while sum(1 for c in chosen if c[0] == kind) < wanted:
            if kind == "contributed_to":
                edge = (kind, "factor", rng.choice(f), "episode", rng.choice(e))
            elif kind == "influenced":
                a, b = rng.sample(f, 2)
                edge = (kind, "factor", a, "factor", b)
            elif kind == "led_to":
                a, b = sorted(rng.sample(e, 2))  # forward in time only: stays acyclic
                edge = (kind, "episode", a, "episode", b)
            else:
                edge = (
                    kind,
                    "finding",
                    rng.choice(g),
                    *rng.choice([("episode", rng.choice(e)), ("factor", rng.choice(f))]),
                )
            chosen.add(edge)
    session.execute(
        insert(CausalLink),
        [
            {
                "review_id": review.id,
                "kind": k,
                "source_kind": sk,
                "source_id": si,
                "target_kind": tk,
                "target_id": ti,
                **_stamp(),
            }
            for k, sk, si, tk, ti in chosen
        ],
    )
    session.commit()
    assert review.id is not None
    return review.id


def read_rows(engine: Engine, review_id: int) -> int:
    """What the analysis reads before it computes anything: the review's graph rows, in a
    fresh session as a request has."""
    from scr.episode.schemas import EpisodeRead
    from scr.factor.schemas import FactorRead
    from scr.finding.schemas import FindingRead
    from scr.link.schemas import LinkRead

    pairs = [
        (KeyPracticeEpisode, EpisodeRead),
        (ContributoryFactor, FactorRead),
        (Finding, FindingRead),
        (CausalLink, LinkRead),
    ]
    count = 0
    with Session(engine) as session:
        for model, read in pairs:
            rows = session.exec(select(model).where(model.review_id == review_id))
            count += len([read.model_validate(x) for x in rows])
    return count


def timings(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(fastest, median) seconds of ``repeat`` runs. Python's cyclic garbage collector pauses
    at moments of its own on both paths, so the fastest run is the steadier comparison."""
    return fastest_and_median(common.timings(run, repeat))


def _measure(
    engine: Engine, client: httpx.Client, review_id: int, repeat: int
) -> dict[str, tuple[float, float]]:
    base = f"/api/v1/reviews/{review_id}"
    return {
        "read rows": timings(lambda: read_rows(engine, review_id), repeat),
        "analysis": timings(lambda: client.get(f"{base}/analysis").raise_for_status(), repeat),
        "checks": timings(lambda: client.get(f"{base}/checks").raise_for_status(), repeat),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=11)
    args = parser.parse_args()
    folder = common.scratch_folder()
    url = os.environ.setdefault("SCR_DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3")
    migrate.upgrade(url)
    engine = get_engine()
    print(f"database: {engine.url.render_as_string(hide_password=True)}; {args.repeat} runs each")
    print("ms as fastest / median; ratio = endpoint / reading the rows (fastest, median)")
    with common.signed_in(engine, Role.admin) as client:
        _all_sizes(engine, client, args.repeat)


SIZES = [("R500", 150, 300, 50, 2_000), ("R5000", 1_500, 3_000, 500, 20_000)]


def _all_sizes(engine: Engine, client: httpx.Client, repeat: int) -> None:
    for name, episodes, factors, findings, edges in SIZES:
        with Session(engine) as session:
            review_id = generate(
                session,
                name=name,
                episodes=episodes,
                factors=factors,
                findings=findings,
                edges=edges,
                seed=11,
            )
        results = _measure(engine, client, review_id, repeat)
        read = results["read rows"]
        print(f"{name}: {episodes + factors + findings} nodes, {edges} edges")
        for label, (fast, median) in results.items():
            ratio = f"{fast / read[0]:.2f}, {median / read[1]:.2f}"
            print(f"  {label:10} {fast * 1000:8.1f} / {median * 1000:8.1f}   ratio {ratio}")


if __name__ == "__main__":
    main()
