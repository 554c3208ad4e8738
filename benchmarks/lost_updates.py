"""Clients racing to change one review, each sending the version it read: what gets lost.

20 clients (threads) send 500 PATCHes in all to one review through real HTTP (uvicorn in a
process of its own, on a loopback port). Each reads the review, then changes its counter
(the case summary, "count N") to one more, with the version it read, and does not retry.
Only one PATCH per version may succeed, so it prints: PATCHes answered 200; versions that
more than one 200 claimed; the counter's rise (what the 200s really added) and the
increments lost (200s less that rise); and 409s. Correct: no version claimed twice, no
increment lost.

Run: ``.venv/bin/python -m benchmarks.lost_updates`` and
``./scripts/with-postgres .venv/bin/python -m benchmarks.lost_updates`` for both engines.
"""

from __future__ import annotations

import argparse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
from sqlmodel import Session

from benchmarks.common import engines_here, fresh_database, scratch_folder, signed_in
from scr import migrate
from scr.board import service as board_service
from scr.board.schemas import BoardCreate
from scr.db import make_engine
from scr.review.schemas import ReviewCreate
from scr.vocabulary import Role
from scr.workflow import service as review_service


def _review(session: Session) -> int:
    board = board_service.create(
        session=session, data=BoardCreate(name="Raceby Partnership", code="RACE", region="london")
    )
    review = review_service.create(
        session=session,
        data=ReviewCreate(
            board_id=board.id,  # type: ignore[arg-type]
            reference="RACE-1",
            child_pseudonym="Child R",
            review_type="rapid_review",  # type: ignore[arg-type]
            case_summary="count 0",
        ),
    )
    session.commit()
    assert review.id is not None
    return review.id


def _race(client: httpx.Client, address: str, clients: int, patches: int) -> dict[str, int]:
    def change(_n: int) -> tuple[int, int]:
        reading = client.get(address, timeout=120)
        if reading.status_code != 200:
            return reading.status_code, 0
        read = reading.json()
        count = int(read["case_summary"].rsplit(" ", 1)[1])
        body = {"version": read["version"], "case_summary": f"count {count + 1}"}
        answer = client.patch(address, json=body, timeout=120)
        return answer.status_code, read["version"]

    with ThreadPoolExecutor(max_workers=clients) as pool:
        answers = list(pool.map(change, range(patches)))
    statuses = Counter(status for status, _version in answers)
    claimed = Counter(version for status, version in answers if status == 200)
    final = int(client.get(address).json()["case_summary"].rsplit(" ", 1)[1])
    return {
        "ok": statuses[200],
        "twice": sum(1 for n in claimed.values() if n > 1),
        "rise": final,
        "lost": statuses[200] - final,
        "conflicts": statuses[409],
        "other": sum(n for s, n in statuses.items() if s not in (200, 409)),  # reads too
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--patches", type=int, default=500)
    parser.add_argument("--engines", default="sqlite,postgresql")
    args = parser.parse_args()
    folder = scratch_folder("scr-bench-race-")
    print(f"{args.clients} clients, {args.patches} PATCHes of one review, no retries")
    print("engine      200s  versions claimed twice  counter rise  increments lost  409s  other")
    for engine_name in engines_here(args.engines.split(",")):
        url = fresh_database(engine_name, folder, "scr_bench_race")
        migrate.upgrade(url)
        engine = make_engine(url)
        with Session(engine) as session:
            review_id = _review(session)
        with signed_in(engine, Role.admin) as client:
            f = _race(client, f"/api/v1/reviews/{review_id}", args.clients, args.patches)
        engine.dispose()
        print(
            f"{engine_name:<10} {f['ok']:>5} {f['twice']:>23} {f['rise']:>13} {f['lost']:>16} "
            f"{f['conflicts']:>5} {f['other']:>6}"
        )


if __name__ == "__main__":
    main()
