"""What suggesting earlier findings costs through HTTP over the fictional national corpus.

Loads the corpus (``scr demo --corpus``) into a fresh database, ``--reviews`` reviews, and
times ``GET /api/v1/reviews/{id}/findings/{id}/suggestions`` through HTTP (uvicorn serving
the app in a process of its own) for findings of the busiest partnership, as a board member of
it (their partnership's reviews and the published ones of every other) and as an
administrator (the same scope: suggestions never reach another partnership's unpublished
reviews). For each it prints the median and the 95th percentile over all the findings asked,
how many findings could be suggested, and how many were. SQLite by default; with
SCR_TEST_DATABASE_URL (``scripts/with-postgres``), on PostgreSQL too.

Run: ``.venv/bin/python -m benchmarks.recurrence [--reviews 200] [--findings 10] [--repeat 5]``;
``--database URL`` times an existing corpus database instead (``scr demo --corpus`` or
``benchmarks.corpus`` built it, at 20,000 reviews say), with no corpus loaded.
"""

from __future__ import annotations

import argparse

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from benchmarks.common import (
    busiest_board,
    corpora,
    corpus_arguments,
    median_and_p95,
    signed_in,
    timings,
)
from scr.finding.models import Finding
from scr.review.models import Review
from scr.tag.models import Tag
from scr.vocabulary import Role, TagTarget

P95_AIM = 0.200  # seconds, through HTTP, at 20,000 reviews (#23)


def _findings(engine: Engine, board_id: int, count: int) -> list[tuple[int, int]]:
    """(review id, finding id) of ``count`` findings of the board, spread over its reviews."""
    with Session(engine) as session:
        rows = session.exec(
            select(Finding.review_id, Finding.id)
            .join(Review, col(Review.id) == col(Finding.review_id))
            .where(Review.board_id == board_id)
            .order_by(col(Finding.id))
        ).all()
    step = max(1, len(rows) // count)
    return [(int(r), int(f)) for r, f in rows[::step][:count]]  # type: ignore[arg-type]


def _measure(
    engine: Engine, role: Role, board_id: int | None, asked: list[tuple[int, int]], repeat: int
) -> None:
    times: list[float] = []
    suggested = candidates = 0
    with signed_in(engine, role, board_id) as client:
        for review_id, finding_id in asked:
            url = f"/api/v1/reviews/{review_id}/findings/{finding_id}/suggestions"
            first = client.get(url, params={"limit": 5}, timeout=300)
            first.raise_for_status()
            suggested += first.json()["total"]
            times += timings(
                lambda u=url: client.get(u, params={"limit": 5}, timeout=300).raise_for_status(),
                repeat,
            )
        candidates = len(asked)
    figures, verdict = median_and_p95(times, P95_AIM)
    print(
        f"  {figures} over {len(times)} requests   "
        f"{suggested / max(candidates, 1):,.0f} suggested a finding on average   ({verdict})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    corpus_arguments(parser, reviews=200)
    parser.add_argument("--findings", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"{args.repeat} runs for each of {args.findings} findings; median / p95 through HTTP")
    for corpus in corpora(args, "scr_bench_recurrence"):
        engine = corpus.engine
        with Session(engine) as session:
            findings = session.exec(select(func.count()).select_from(Finding)).one()
            coded = session.exec(
                select(func.count(func.distinct(Tag.target_id))).where(
                    Tag.target_kind == TagTarget.finding, col(Tag.agreed).is_(True)
                )
            ).one()
        board = busiest_board(engine)
        asked = _findings(engine, board, args.findings)
        print(f"{corpus.described()}, {findings:,} findings ({coded:,} with agreed codes):")
        print(" a board member of the busiest partnership:")
        _measure(engine, Role.board, board, asked, args.repeat)
        print(" an administrator:")
        _measure(engine, Role.admin, None, asked, args.repeat)


if __name__ == "__main__":
    main()
