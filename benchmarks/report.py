"""How long the review's report takes to make, in each format.

In a fresh SQLite database (or SCR_DATABASE_URL's): the demo review, and a generated review
of 500 records (150 episodes, 300 factors, 50 findings with a question each, 1,500 links,
``benchmarks.graph.generate``). For each it times the draft report as HTML, Word and PDF,
in process (the service, not HTTP), and once the keeping of the final report in all three
at publication; it prints the fastest and the median of the runs. Run:
``.venv/bin/python -m benchmarks.report [--repeat N]``.
"""

from __future__ import annotations

import argparse
import os

from sqlmodel import Session

from benchmarks import common
from benchmarks.common import fastest_and_median
from benchmarks.graph import generate
from scr import migrate
from scr.db import get_engine
from scr.demo.loader import load_demo
from scr.report import service as report_service
from scr.review.models import Review
from scr.vocabulary import ReportFormat


def _measure(session: Session, review: Review, repeat: int) -> None:
    for fmt in ReportFormat:
        size = 0

        def make(fmt: ReportFormat = fmt) -> None:
            nonlocal size
            size = len(report_service.make(session=session, review=review, fmt=fmt).body)

        fast, median = fastest_and_median(common.timings(make, repeat))
        print(f"  {fmt.value:5} {fast:6.2f} s / {median:6.2f} s   {size:>10,} bytes")
    (kept,) = common.timings(lambda: report_service.keep(session=session, review=review), 1)
    print(f"  kept at publication (all three): {kept:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder = common.scratch_folder()
    url = os.environ.setdefault("SCR_DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3")
    migrate.upgrade(url)
    engine = get_engine()
    print(f"database: {engine.url.render_as_string(hide_password=True)}; {args.repeat} runs each")
    print("seconds as fastest / median")
    with Session(engine) as session:
        demo, _ = load_demo(session=session)
        session.commit()
        generated = generate(
            session, name="R500", episodes=150, factors=300, findings=50, edges=1_500, seed=11
        )
        session.commit()
        for label, review in (
            ("demo review", demo),
            ("500 records", session.get(Review, generated)),
        ):
            assert review is not None
            print(f"{label} ({review.reference}):")
            _measure(session, review, args.repeat)
            session.rollback()


if __name__ == "__main__":
    main()
