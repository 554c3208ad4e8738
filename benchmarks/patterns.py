"""What the pattern endpoints cost against the same aggregate written by hand in SQL.

Loads the fictional national corpus (``scr demo --corpus``) into a fresh database: first
2,000 reviews, then the same corpus grown to 20,000. At each size, for each endpoint, it times
the request through HTTP (uvicorn serving the app in a process of its own) as a national
analyst (suppressed, the national view) and the one hand-written SQL query that computes the
same aggregate on the same database, and prints the median, the 95th percentile and their
ratio, then how time grew from the small size to the large one. Beside them: the service
call in process (the server's own time) for the national analyst (published reviews, the cell
key method) and with an exact scope over every review (no protection: the cost of #17's
disclosure control, in the same run); the "limit", the same count done with numpy on arrays
already in memory; and what the pattern index costs to build from the database and holds in
memory (tracemalloc's peak). SQLite by default; with
SCR_TEST_DATABASE_URL (``scripts/with-postgres``), on PostgreSQL too.

Run: ``.venv/bin/python -m benchmarks.patterns [--sizes 2000,20000] [--repeat 7]`` and
``./scripts/with-postgres .venv/bin/python -m benchmarks.patterns`` for both engines (``--engines
postgresql`` for one). ``--database URL`` times an existing corpus database instead (built by
``benchmarks.corpus --count 200000``, say), with no corpus loaded.
"""

from __future__ import annotations

import argparse
import os
import time
import tracemalloc
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlmodel import Session

from benchmarks.common import corpora, engines_here, p95, scratch_folder, signed_in, timings
from scr import migrate
from scr.config import get_settings
from scr.db import get_engine
from scr.demo.corpus import add_corpus
from scr.patterns import rollup, tables
from scr.patterns import service as patterns
from scr.patterns.index import store
from scr.patterns.schemas import PatternFilters
from scr.patterns.selection import Scope
from scr.vocabulary import Role

VERSION = "1.0"
CP_PLANS = ", ".join(
    f"'cc.cp-plan.{c}'"
    for c in (
        "neglect-only",
        "physical-only",
        "sexual-only",
        "emotional-only",
        "multiple-with-neglect",
        "multiple-without-neglect",
        "none",
    )
)
SUPPORT = 5


def _year(dialect: str) -> str:
    when = "COALESCE(v.notification_date, v.incident_date)"
    if dialect == "sqlite":
        return f"CAST(strftime('%Y', {when}) AS INTEGER)"
    return f"CAST(EXTRACT(YEAR FROM {when}) AS INTEGER)"


_COUNTED = (
    "JOIN code_rollup r ON r.to_version = '1.0' AND r.from_version = t.typology_version "
    "AND r.from_code = t.code"
)


def _hand_written(dialect: str) -> dict[str, str]:
    """For each endpoint, one query computing the same aggregate."""
    year = _year(dialect)
    queries = {
        "frequencies": f"""
            SELECT r.to_code, COUNT(DISTINCT t.review_id) FROM tag t {_COUNTED}
            WHERE t.agreed GROUP BY r.to_code""",
        "cooccurrence": f"""
            WITH rc AS (SELECT DISTINCT t.review_id, r.to_code AS code FROM tag t {_COUNTED}
                        WHERE t.agreed AND r.depth = 0)
            SELECT a.code, b.code, COUNT(*) FROM rc a
            JOIN rc b ON a.review_id = b.review_id AND a.code < b.code
            GROUP BY a.code, b.code HAVING COUNT(*) >= {SUPPORT}""",
        "chains": f"""
            SELECT ra.to_code, rb.to_code, rc.to_code, COUNT(DISTINCT l1.review_id)
            FROM causal_link l1
            JOIN causal_link l2 ON l2.review_id = l1.review_id AND l2.kind = 'contributed_to'
                 AND l2.source_kind = 'factor' AND l2.source_id = l1.target_id
            JOIN tag ta ON ta.review_id = l1.review_id AND ta.target_kind = 'factor'
                 AND ta.target_id = l1.source_id AND ta.agreed
            JOIN code_rollup ra ON ra.to_version = '1.0' AND ra.from_version = ta.typology_version
                 AND ra.from_code = ta.code AND ra.depth = 0
            JOIN tag tb ON tb.review_id = l1.review_id AND tb.target_kind = 'factor'
                 AND tb.target_id = l1.target_id AND tb.agreed
            JOIN code_rollup rb ON rb.to_version = '1.0' AND rb.from_version = tb.typology_version
                 AND rb.from_code = tb.code AND rb.depth = 0
            JOIN tag tc ON tc.review_id = l1.review_id AND tc.target_kind = 'episode'
                 AND tc.target_id = l2.target_id AND tc.agreed
            JOIN code_rollup rc ON rc.to_version = '1.0' AND rc.from_version = tc.typology_version
                 AND rc.from_code = tc.code AND rc.depth = 0
            WHERE l1.kind = 'influenced'
            GROUP BY ra.to_code, rb.to_code, rc.to_code
            HAVING COUNT(DISTINCT l1.review_id) >= {SUPPORT}""",
        "trends": f"""
            SELECT r.to_code, {year}, COUNT(DISTINCT t.review_id) FROM tag t {_COUNTED}
            JOIN review v ON v.id = t.review_id
            WHERE t.agreed AND {year} IS NOT NULL GROUP BY r.to_code, {year}""",
        "table": f"""
            SELECT b.region, r.to_code, COUNT(DISTINCT t.review_id) FROM code_rollup r
            JOIN tag t ON r.from_version = t.typology_version AND r.from_code = t.code
            JOIN review v ON v.id = t.review_id JOIN board b ON b.id = v.board_id
            WHERE r.to_version = '1.0' AND t.agreed AND r.to_code IN ({CP_PLANS})
            GROUP BY b.region, r.to_code""",
    }
    if dialect == "sqlite":
        # SQLite joins in the order written after CROSS JOIN. Left to itself, at 20,000
        # reviews it planned these two about 2 and 20 times slower than the app's own queries,
        # which flattered the ratio; written in the best order found, they are the baseline.
        for name in ("chains", "table"):
            queries[name] = queries[name].replace(" JOIN ", " CROSS JOIN ")
    return queries


REQUESTS = {
    "frequencies": ("/api/v1/patterns/frequencies", {}),
    "cooccurrence": ("/api/v1/patterns/cooccurrence", {"min_support": SUPPORT}),
    "chains": ("/api/v1/patterns/chains", {"min_support": SUPPORT}),
    "trends": ("/api/v1/patterns/trends", {}),
    "table": ("/api/v1/patterns/table", {"rows": "region", "columns": "code:cc.cp-plan"}),
}
P95_AIMS = {2_000: 0.050, 20_000: 0.050, 200_000: 0.500}  # seconds, through HTTP (#25)


@dataclass(frozen=True)
class Figures:
    median: float
    p95: float
    sql_median: float
    protected: float  # in process, the national analyst's scope
    exact: float  # in process, every review counted exactly
    limit: float  # the count alone, numpy on arrays in memory

    @property
    def ratio(self) -> float:
        return self.median / self.sql_median


def _fresh_database(engine_name: str, folder: str) -> str:
    if engine_name == "sqlite":
        return f"sqlite:///{folder}/patterns.sqlite3"
    url = make_url(os.environ["SCR_TEST_DATABASE_URL"])
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql('DROP DATABASE IF EXISTS "scr_bench_patterns" WITH (FORCE)')
        connection.exec_driver_sql('CREATE DATABASE "scr_bench_patterns"')
    admin.dispose()
    return url.set(database="scr_bench_patterns").render_as_string(hide_password=False)


def _measure(engine: Engine, repeat: int, by_hand: bool = True) -> dict[str, Figures]:
    with Session(engine) as session:
        rollup.ensure(session, VERSION)
        session.commit()
    queries = _hand_written(engine.dialect.name)
    found = {}
    with signed_in(engine, Role.national) as client:
        for name, (path, params) in REQUESTS.items():
            # Warm: a new server's first answer builds the index, which may take longer than
            # httpx's default timeout of 5 s on a busy machine.
            client.get(path, params=params, timeout=300).raise_for_status()
            http = timings(
                lambda p=path, q=params: client.get(p, params=q).raise_for_status(), repeat
            )

            def hand_written(sql: str = queries[name]) -> None:
                with engine.connect() as connection:
                    connection.execute(text(sql)).all()

            sql = [float("nan")]
            if by_hand:
                hand_written()
                sql = timings(hand_written, repeat)
            protected, exact = (
                _median(timings(lambda s=scope, n=name: _in_process(engine, n, s), repeat))
                for scope in (_NATIONAL, _EXACT)
            )
            limit = _median(timings(_limits(engine)[name], repeat))
            found[name] = Figures(_median(http), p95(http), _median(sql), protected, exact, limit)
    return found


def _limits(engine: Engine) -> dict[str, Any]:
    """Each endpoint's count alone, with numpy on the index's arrays already in memory."""
    with Session(engine) as session:
        index = store.current(session)
    coded = index.in_version(VERSION)
    rolled = coded.rolled.any(axis=0)
    exact = coded.exact.any(axis=0).astype(np.float64)
    exact32 = exact.astype(np.float32)  # counts: exact in float32, as the service has them
    keys, year = index.rows.key, index.rows.year
    children = [coded.column[c] for c in coded.codes if c.startswith("cc.cp-plan.")]
    regions = np.stack([index.region == r for r in range(9)], axis=1).astype(np.float64)
    return {
        "frequencies": lambda: (rolled.sum(axis=0), keys @ rolled),
        "cooccurrence": lambda: (exact32.T @ exact32, exact.T @ (exact * keys[:, None])),
        "chains": lambda: np.bincount(coded.chain_id, weights=keys[coded.chain_row]),
        "trends": lambda: [rolled[year == y].sum(axis=0) for y in range(2012, 2027)],
        "table": lambda: regions.T @ rolled[:, children],
    }


def _index_cost(engine: Engine) -> tuple[float, float]:
    """Seconds to build the pattern index (with the current version's codes), and MB held."""
    store.forget()
    tracemalloc.start()
    started = time.perf_counter()
    with Session(engine) as session:
        store.current(session).in_version(VERSION)
    took = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return took, peak / 1e6


def _median(times: list[float]) -> float:
    return sorted(times)[len(times) // 2]


_NATIONAL = Scope(boards=None, full=False, threshold=10)
_EXACT = Scope(boards=None, full=True, threshold=10)


def _in_process(engine: Engine, name: str, scope: Scope) -> None:
    """One endpoint's service call, as the route makes it, for ``scope``."""
    _, params = REQUESTS[name]
    with Session(engine) as session:
        filters = PatternFilters()
        if name == "table":
            tables.table(
                session=session,
                filters=filters,
                scope=scope,
                rows_axis="region",
                columns_axis="code:cc.cp-plan",
            )
            return
        call = getattr(patterns, name)
        extra: dict[str, Any] = {"limit": 50, "offset": 0}
        if "min_support" in params:
            extra["min_support"] = params["min_support"]
        if name == "cooccurrence":
            extra["rolled_up"] = False
        if name == "trends":
            extra["codes"] = []
        call(session=session, filters=filters, scope=scope, **extra)


def _report(engine_name: str, size: int, results: dict[str, Figures]) -> None:
    print(f"{engine_name}, {size:,} reviews:")
    aim = min((a for at, a in P95_AIMS.items() if at >= size), default=None)
    for name, f in results.items():
        verdict = "ok" if aim is None or f.p95 <= aim else f"p95 over {aim * 1000:.0f} ms"
        print(
            f"  {name:13} {f.median * 1000:9.1f} / {f.p95 * 1000:9.1f}   "
            f"SQL {f.sql_median * 1000:9.1f}   ratio {f.ratio:5.2f} ({verdict})   "
            f"server {f.protected * 1000:7.1f} (exact {f.exact * 1000:7.1f})   "
            f"limit {f.limit * 1000:6.2f}"
        )


def _report_index(engine: Engine) -> None:
    took, megabytes = _index_cost(engine)
    print(f"  the pattern index: built in {took:.2f} s, {megabytes:.0f} MB at its peak")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="2000,20000")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--engines", default="sqlite,postgresql", help="PostgreSQL under scripts/with-postgres"
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help=(
            "an existing corpus database (migrated; benchmarks.corpus built it, at 200,000 "
            "reviews say), timed as it stands; --sizes, --seed and --engines are then ignored"
        ),
    )
    parser.add_argument(
        "--without-sql",
        action="store_true",
        help=(
            "with --database: leave out the SQL written by hand (at 200,000 reviews it takes "
            "most of the run, and the service's changes do not change it)"
        ),
    )
    args = parser.parse_args()
    store.one_blas_thread()  # as the server does (api.main), for the in-process figures
    print(
        f"{args.repeat} runs each; ms as median / p95 through HTTP, SQL median; ratio = HTTP / SQL"
    )
    if args.database:
        for corpus in corpora(args, "scr_bench_patterns"):
            figures = _measure(corpus.engine, args.repeat, by_hand=not args.without_sql)
            _report(corpus.engine_name, corpus.reviews, figures)
            _report_index(corpus.engine)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    engines = engines_here(args.engines.split(","))
    folder = scratch_folder()
    for engine_name in engines:
        url = _fresh_database(engine_name, folder)
        migrate.upgrade(url)
        # The app reads its database from the settings, as in production.
        os.environ["SCR_DATABASE_URL"] = url
        get_settings.cache_clear()
        get_engine.cache_clear()
        engine = get_engine()
        results: dict[int, dict[str, Figures]] = {}
        for size in sizes:
            with Session(engine) as session:
                add_corpus(session=session, count=size, seed=args.seed)
            results[size] = _measure(engine, args.repeat)
            _report(engine_name, size, results[size])
            _report_index(engine)
        if len(sizes) > 1:
            small, large = results[sizes[0]], results[sizes[-1]]
            print(f"{engine_name}: time at {sizes[-1]:,} over time at {sizes[0]:,} (aim <= 12):")
            for name in REQUESTS:
                print(f"  {name:13} {large[name].median / small[name].median:6.1f}x")
        engine.dispose()


if __name__ == "__main__":
    main()
