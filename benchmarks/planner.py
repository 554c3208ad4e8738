"""What SQLite's planner statistics are worth to the pattern queries, and what refreshing
them costs (``scr.planner``).

Loads the fictional national corpus into a fresh SQLite database, then times each pattern
query in process (the national view) three ways: with the statistics the corpus loader
gathers, with none (as in a database whose rows came in through the API and that nothing
analyzed), and after ``planner.refresh`` gathered them again. It prints the median of each
and what the refresh cost.

Run: ``.venv/bin/python -m benchmarks.planner [--reviews 2000] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from sqlalchemy import Engine
from sqlmodel import Session

from benchmarks.common import scratch_folder, timings
from scr import migrate, planner
from scr.db import make_engine
from scr.demo.corpus import add_corpus
from scr.patterns import service, tables
from scr.patterns.schemas import PatternFilters
from scr.patterns.selection import Scope

NATIONAL = Scope(boards=None, full=False, threshold=10)
EVERYTHING = PatternFilters()
PAGE = {"limit": 100, "offset": 0}
QUERIES: dict[str, Callable[[Session], object]] = {
    "frequencies": lambda s: service.frequencies(
        session=s, filters=EVERYTHING, scope=NATIONAL, **PAGE
    ),
    "cooccurrence": lambda s: service.cooccurrence(
        session=s, filters=EVERYTHING, scope=NATIONAL, min_support=5, rolled_up=False, **PAGE
    ),
    "chains": lambda s: service.chains(
        session=s, filters=EVERYTHING, scope=NATIONAL, min_support=5, **PAGE
    ),
    "trends": lambda s: service.trends(
        session=s, filters=EVERYTHING, scope=NATIONAL, codes=[], **PAGE
    ),
    "table": lambda s: tables.table(
        session=s,
        filters=EVERYTHING,
        scope=NATIONAL,
        rows_axis="region",
        columns_axis="code:cc.cp-plan",
    ),
}


def _medians(engine: Engine, repeat: int) -> dict[str, float]:
    found = {}
    for name, query in QUERIES.items():

        def run(q: Callable[[Session], object] = query) -> None:
            with Session(engine) as session:
                q(session)

        found[name] = statistics.median(timings(run, repeat))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--reviews", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    folder = scratch_folder()
    url = f"sqlite:///{folder}/planner.sqlite3"
    migrate.upgrade(url)
    engine = make_engine(url)
    with Session(engine) as session:
        add_corpus(session=session, count=args.reviews, seed=args.seed)
    _medians(engine, 1)  # warm the file cache and the typology
    loaded = _medians(engine, args.repeat)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE sqlite_stat1")
    none = _medians(engine, args.repeat)
    began = time.perf_counter()
    analyzed = planner.refresh(engine)
    took = time.perf_counter() - began
    refreshed = _medians(engine, args.repeat)
    began = time.perf_counter()
    again = planner.refresh(engine)
    check = time.perf_counter() - began
    print(f"SQLite, {args.reviews:,} reviews; median of {args.repeat} runs, in process, ms")
    print(f"  {'query':13} {'loaded':>9} {'none':>9} {'refreshed':>9}")
    for name in QUERIES:
        print(
            f"  {name:13} {loaded[name] * 1000:9.1f} {none[name] * 1000:9.1f} "
            f"{refreshed[name] * 1000:9.1f}"
        )
    print(f"refresh with no statistics: {took * 1000:.0f} ms, analyzed {len(analyzed)} tables")
    print(f"refresh when fresh: {check * 1000:.0f} ms, analyzed {len(again)} tables")
    engine.dispose()


if __name__ == "__main__":
    main()
