"""How long an agency's chronology of 5,000 rows takes to preview and to commit.

Writes a fictional police workbook of 5,000 rows (dates in several of the ways agencies write
them, a title row above the header, some rows significant) and, through HTTP (uvicorn serving
the app in a process of its own), times ``POST /api/v1/reviews/{id}/chronology/imports`` as a
preview and as a commit (each commit into a fresh review, so none finds duplicates). The
target: under 5 s each, on SQLite and on PostgreSQL. Run:
``.venv/bin/python -m benchmarks.chronology_import [--rows N] [--repeat N]`` (under
``./scripts/with-postgres`` for PostgreSQL).
"""

from __future__ import annotations

import argparse
import io
import os
import random
from datetime import date, timedelta

import httpx
from openpyxl import Workbook
from sqlalchemy import Engine
from sqlmodel import Session

from benchmarks import common
from benchmarks.common import fastest_and_median, timings
from scr import migrate
from scr.board.models import Board
from scr.db import get_engine
from scr.review.models import Review
from scr.vocabulary import Role

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EVENTS = [
    "Call from neighbour about shouting at the address.",
    "Officers attended; Mother said all was well.",
    "Domestic abuse risk assessment completed: medium risk.",
    "Referral to children's social care sent.",
    "Strategy discussion with health and social care.",
]


def workbook(rows: int, seed: int = 22) -> bytes:
    """A fictional police chronology of ``rows`` rows, as an .xlsx file."""
    rng = random.Random(seed)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Police chronology")
    sheet.append(["Testshire Police: chronology for Child B"])
    sheet.append(["Date/Time", "Details", "Source", "Officer", "Key event"])
    start = date(2015, 1, 1)
    for n in range(rows):
        day = start + timedelta(days=n // 3)
        written = rng.choice(
            [day, day.strftime("%d/%m/%Y"), day.strftime("%d/%m/%Y 14:%M"), day.strftime("%B %Y")]
        )
        sheet.append(
            [
                written,
                f"{rng.choice(EVENTS)} (record {n + 1})",
                rng.choice(["Storm log", "Niche", "PNC"]),
                f"PC {rng.randint(1, 40)}",
                "Y" if rng.random() < 0.1 else "",
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _review(engine: Engine, name: str) -> int:
    with Session(engine) as session:
        board = session.get(Board, 1)
        if board is None:
            board = Board(name="Benchmark partnership", code="BENCH", region="london")
            session.add(board)
            session.flush()
        review = Review(
            board_id=board.id, reference=name, child_pseudonym="Child B", review_type="other"
        )
        session.add(review)
        session.commit()
        assert review.id is not None
        return review.id


def _send(client: httpx.Client, review_id: int, data: bytes, *, commit: bool) -> None:
    answer = client.post(
        f"/api/v1/reviews/{review_id}/chronology/imports",
        files={"file": ("police.xlsx", data, XLSX)},
        data={"agency": "police", "commit": str(commit).lower()},
        timeout=120,
    )
    answer.raise_for_status()
    report = answer.json()
    assert report["committed"] is commit
    assert report["refused"] == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    folder = common.scratch_folder()
    # Under scripts/with-postgres, its throwaway PostgreSQL; else a fresh SQLite file.
    url = os.environ.get("SCR_TEST_DATABASE_URL") or f"sqlite:///{folder}/bench.sqlite3"
    os.environ["SCR_DATABASE_URL"] = url
    migrate.upgrade(url)
    engine = get_engine()
    data = workbook(args.rows)
    print(
        f"database: {engine.url.render_as_string(hide_password=True)}; a workbook of "
        f"{args.rows:,} rows, {len(data):,} bytes; {args.repeat} runs each"
    )
    preview_review = _review(engine, "BENCH-PREVIEW")
    commit_reviews = iter([_review(engine, f"BENCH-COMMIT-{n}") for n in range(args.repeat)])
    with common.signed_in(engine, Role.admin) as client:
        _send(client, preview_review, data, commit=False)  # the server's first request warms up
        for label, run in (
            ("preview", lambda: _send(client, preview_review, data, commit=False)),
            ("commit", lambda: _send(client, next(commit_reviews), data, commit=True)),
        ):
            fastest, median = fastest_and_median(timings(run, args.repeat))
            verdict = "under" if median < 5 else "OVER"
            print(f"{label:8} fastest {fastest:6.2f} s, median {median:6.2f} s ({verdict} 5 s)")


if __name__ == "__main__":
    main()
