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
engines (``--engines postgresql`` for one). ``--database URL`` times an existing corpus
database instead (``scr demo --corpus`` or ``benchmarks.corpus`` built it, at 20,000 reviews
say), with no corpus loaded.
"""

from __future__ import annotations

import argparse

from sqlalchemy import Engine, func
from sqlmodel import Session, select

from benchmarks.common import (
    busiest_board,
    corpora,
    corpus_arguments,
    median_and_p95,
    signed_in,
    timings,
)
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
    corpus_arguments(parser, reviews=200)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    print(f"{args.repeat} runs each; median / p95 through HTTP; 20 hits a page")
    for corpus in corpora(args, "scr_bench_search"):
        engine = corpus.engine
        board = busiest_board(engine)
        with Session(engine) as session:
            documents = session.exec(select(func.count()).select_from(SearchDocument)).one()
            own = session.exec(
                select(func.count()).select_from(Review).where(Review.board_id == board)
            ).one()
        print(f"{corpus.described()}, {documents:,} records indexed:")
        print(f" a board member ({own:,} reviews of their partnership):")
        _measure(engine, Role.board, board, args.repeat)
        print(" an administrator (every review):")
        _measure(engine, Role.admin, None, args.repeat)


if __name__ == "__main__":
    main()
