"""What search costs through HTTP over the fictional national corpus.

Loads the corpus (``scr demo --corpus``) into a fresh database, ``--reviews`` reviews, and
times ``GET /api/v1/search`` through HTTP (uvicorn serving the app in a process of its own)
for a few queries, from a word in nearly every review to a phrase in few, as two callers: a
board member (their partnership's reviews: the scope in SQL) and an administrator (every
review: the most rows to rank). For each it prints the median and the 95th percentile, and how
many records matched. SQLite by default; with SCR_TEST_DATABASE_URL (``scripts/with-postgres``),
on PostgreSQL too.

Run: ``.venv/bin/python -m benchmarks.search [--reviews 200] [--repeat 20]`` and
``./scripts/with-postgres .venv/bin/python -m benchmarks.search --reviews 2000`` for both
engines (``--engines postgresql`` for one).
"""

from __future__ import annotations

import argparse
import time

from sqlalchemy import Engine, func
from sqlmodel import Session, select

from benchmarks.common import (
    busiest_board,
    engines_here,
    median_and_p95,
    scratch_folder,
    served_database,
    signed_in,
    timings,
)
from scr.demo.corpus import add_corpus
from scr.review.models import Review
from scr.search.models import SearchDocument
from scr.vocabulary import Role

QUERIES = {
    "a word in every review": "board",
    "a word in many reviews": "assessment",
    "a common phrase": '"domestic abuse"',
    "two words": "referral screened",
    "a rare phrase": '"safe sleep"',
    "no match": "quillwort",
}
P95_AIM = 0.200  # seconds, through HTTP, at 20,000 reviews (#23)


def _measure(engine: Engine, role: Role, board_id: int | None, repeat: int) -> None:
    with signed_in(engine, role, board_id) as client:
        for label, q in QUERIES.items():
            params = {"q": q, "limit": 20}
            first = client.get("/api/v1/search", params=params, timeout=300)
            first.raise_for_status()
            total = first.json()["total"]
            times = timings(
                lambda p=params: client.get("/api/v1/search", params=p).raise_for_status(),
                repeat,
            )
            figures, verdict = median_and_p95(times, P95_AIM)
            print(f"  {label:24} {figures}   {total:>9,} matched   ({verdict})")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--reviews", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--engines", default="sqlite,postgresql", help="PostgreSQL under scripts/with-postgres"
    )
    args = parser.parse_args()
    folder = scratch_folder()
    print(f"{args.repeat} runs each; median / p95 through HTTP; 20 hits a page")
    for engine_name in engines_here(args.engines.split(",")):
        engine = served_database(engine_name, folder, "scr_bench_search")
        began = time.perf_counter()
        with Session(engine) as session:
            add_corpus(session=session, count=args.reviews, seed=args.seed)
            documents = session.exec(select(func.count()).select_from(SearchDocument)).one()
        loaded = time.perf_counter() - began
        board = busiest_board(engine)
        with Session(engine) as session:
            own = session.exec(
                select(func.count()).select_from(Review).where(Review.board_id == board)
            ).one()
        print(
            f"{engine_name}, {args.reviews:,} reviews, {documents:,} records indexed "
            f"(corpus loaded and indexed in {loaded:.0f} s):"
        )
        print(f" a board member ({own:,} reviews of their partnership):")
        _measure(engine, Role.board, board, args.repeat)
        print(" an administrator (every review):")
        _measure(engine, Role.admin, None, args.repeat)
        engine.dispose()


if __name__ == "__main__":
    main()
