"""How fast ``scr demo --corpus`` writes: reviews a minute into a fresh database.

Migrates a fresh SQLite file (or SCR_DATABASE_URL's database, which should be empty), adds the
corpus of a seed through ``add_corpus`` as the command does, without the progress bar, and
prints the time, the reviews a minute and the rows written per table. Run:
``.venv/bin/python -m benchmarks.corpus [--count N] [--seed S] [--batch B]``.
"""

from __future__ import annotations

import argparse
import os
import time

from sqlalchemy import func
from sqlmodel import Session, SQLModel, select

from benchmarks.common import scratch_folder
from scr import migrate
from scr.db import get_engine
from scr.demo.corpus import BATCH, add_corpus
from scr.episode.models import KeyPracticeEpisode
from scr.factor.models import ContributoryFactor
from scr.finding.models import BoardQuestion, Finding
from scr.link.models import CausalLink
from scr.participant.models import Participant
from scr.review.models import Review
from scr.tag.models import Tag

TABLES: list[type[SQLModel]] = [
    Review,
    KeyPracticeEpisode,
    ContributoryFactor,
    Finding,
    BoardQuestion,
    CausalLink,
    Tag,
    Participant,
]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--count", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch", type=int, default=BATCH)
    args = parser.parse_args()
    folder = scratch_folder()
    url = os.environ.setdefault("SCR_DATABASE_URL", f"sqlite:///{folder}/corpus.sqlite3")
    migrate.upgrade(url)
    engine = get_engine()
    print(f"database: {engine.url.render_as_string(hide_password=True)}")
    with Session(engine) as session:
        began = time.perf_counter()
        done = add_corpus(session=session, count=args.count, seed=args.seed, batch=args.batch)
        seconds = time.perf_counter() - began
        rows = {
            str(model.__tablename__): session.exec(select(func.count()).select_from(model)).one()
            for model in TABLES
        }
    print(f"seed {args.seed}, batches of {args.batch}: added {done.added} reviews")
    print(f"  {seconds:.1f} s, {done.added / seconds * 60:,.0f} reviews a minute")
    print(
        f"  {sum(rows.values()):,} rows in all: " + ", ".join(f"{t} {n:,}" for t, n in rows.items())
    )


if __name__ == "__main__":
    main()
