"""What the national export and import cost, against a plain read of the same rows.

Loads the fictional corpus (``scr demo --corpus``) into a fresh database, 2,000 reviews and
then the same corpus grown to 20,000. At each size, each in a process of its own so that its
peak memory is its own:

- export: every published review as ``scr-exchange/1.1`` lines (what ``/exports/national``
  streams), written to a file; the fastest of three runs, then one run under tracemalloc;
- plain read: one SELECT per table of the same rows (the published reviews and their
  episodes, factors, findings, questions, actions, links, agreed tags), every row fetched;
- import: that file into an empty database of the same engine, as ``scr exchange import``
  does it (committing in batches, giving way to writers waiting).

It prints reviews per second, the export's throughput over the plain read's (aim: at least
0.5), and each process's peak memory (resident set, and Python's own allocations for the
export); then memory at the large size over the small (aim: at most 1.2).

Run: ``.venv/bin/python -m benchmarks.exchange [--sizes 2000,20000]``; on PostgreSQL:
``./scripts/with-postgres .venv/bin/python -m benchmarks.exchange [--engines postgresql]``.
With ``--reuse DIR`` the export of each size is kept in DIR (``export-SIZE.ndjson``), and a
later run that finds it there times only its import (no corpus is loaded, nothing exported):
for timing the import again and again, on either engine, from the same file.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session

from benchmarks.common import engines_here, fresh_database, scratch_folder
from scr import collector, migrate
from scr.db import make_engine, session_scope, take_turns

PUBLISHED = "SELECT id FROM review WHERE status = 'published'"
PLAIN_READ = [
    f"SELECT * FROM review WHERE id IN ({PUBLISHED})",
    f"SELECT * FROM key_practice_episode WHERE review_id IN ({PUBLISHED})",
    f"SELECT * FROM contributory_factor WHERE review_id IN ({PUBLISHED})",
    f"SELECT * FROM finding WHERE review_id IN ({PUBLISHED})",
    "SELECT q.* FROM board_question q JOIN finding f ON f.id = q.finding_id "
    f"WHERE f.review_id IN ({PUBLISHED})",
    "SELECT a.* FROM board_action a JOIN board_question q ON q.id = a.question_id "
    f"JOIN finding f ON f.id = q.finding_id WHERE f.review_id IN ({PUBLISHED})",
    f"SELECT * FROM causal_link WHERE review_id IN ({PUBLISHED})",
    f"SELECT * FROM tag WHERE agreed AND review_id IN ({PUBLISHED})",
]


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child_export(url: str, out: str) -> dict[str, float]:
    from scr.exchange import export
    from scr.exchange.instance import instance_id

    engine = make_engine(url)

    def run() -> int:
        count = 0
        with Session(engine) as session, open(out, "w", encoding="utf-8") as file:
            instance = instance_id(session)
            session.commit()
            for line in export.national(session, since=None, instance=instance):
                file.write(line)
                count += 1
        return count - 1

    times = []
    for _ in range(3):
        began = time.perf_counter()
        reviews = run()
        times.append(time.perf_counter() - began)
    rss = _peak_rss_mb()
    tracemalloc.start()
    run()
    traced = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return {"seconds": min(times), "reviews": reviews, "rss_mb": rss, "traced_mb": traced}


def _child_read(url: str) -> dict[str, float]:
    engine = make_engine(url)

    def run() -> int:
        rows = 0
        with engine.connect() as connection:
            for sql in PLAIN_READ:
                for _row in connection.execute(text(sql)):
                    rows += 1
        return rows

    times = []
    for _ in range(3):
        began = time.perf_counter()
        rows = run()
        times.append(time.perf_counter() - began)
    with engine.connect() as connection:
        reviews = connection.execute(text(f"SELECT COUNT(*) FROM ({PUBLISHED}) p")).scalar_one()
    return {"seconds": min(times), "reviews": reviews, "rows": rows, "rss_mb": _peak_rss_mb()}


def _child_import(url: str, file: str) -> dict[str, float]:
    from scr.exchange.instance import instance_id
    from scr.intake import importing

    engine = make_engine(url)
    began = time.perf_counter()
    # as ``scr exchange import`` does
    with collector.settled(), session_scope(engine, writer=True) as session:
        report = importing.import_file(
            session=session,
            path=Path(file),
            actor="benchmark",
            own_instance=instance_id(session),
            checkpoint=take_turns(session),
        )
    seconds = time.perf_counter() - began
    if not report.accepted or report.refused:
        raise SystemExit(f"the import failed: {report.problems[:3]}")
    return {"seconds": seconds, "reviews": report.imported, "rss_mb": _peak_rss_mb()}


def _in_child(*args: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.exchange", "--child", *args],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _import_only(engine_name: str, folder: str, size: int, file: Path) -> dict[str, float]:
    """Time the import of a kept export into a fresh database; its figures for the memory
    ratio."""
    target = fresh_database(engine_name, folder, f"scr_bench_import_{size}")
    migrate.upgrade(target)
    imported = _in_child("import", target, str(file))
    print(
        f"{engine_name}, {size:,} reviews, import only ({int(imported['reviews']):,} published, "
        f"{file.stat().st_size / 2**20:,.1f} MB of NDJSON kept in {file.parent}):"
    )
    print(
        f"  import  {imported['seconds']:8.2f} s  "
        f"{imported['reviews'] / imported['seconds']:8.0f} reviews/s   "
        f"peak RSS {imported['rss_mb']:6.0f} MB"
    )
    return {"export": 0.0, "traced": 0.0, "import": imported["rss_mb"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="2000,20000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--engines", default="sqlite,postgresql", help="postgresql only under with-postgres"
    )
    parser.add_argument("--no-import", action="store_true", help="time the export only")
    parser.add_argument(
        "--reuse",
        metavar="DIR",
        help="keep each size's export in DIR, and time only the import of one found there",
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        run = {"export": _child_export, "read": _child_read, "import": _child_import}[kind]
        print(json.dumps(run(*rest)))
        return

    from scr.demo.corpus import add_corpus

    sizes = [int(s) for s in args.sizes.split(",")]
    engines = engines_here(args.engines.split(","))
    folder = scratch_folder("scr-bench-exchange-")
    print("Each figure from its own process; export and read: fastest of 3 runs.")
    for engine_name in engines:
        source = fresh_database(engine_name, folder, "scr_bench_exchange")
        migrate.upgrade(source)
        engine = make_engine(source)
        memory: dict[int, dict[str, float]] = {}
        for size in sizes:
            kept = None if args.reuse is None else Path(args.reuse) / f"export-{size}.ndjson"
            if kept is not None and kept.exists() and not args.no_import:
                memory[size] = _import_only(engine_name, folder, size, kept)
                continue
            with Session(engine) as session:
                add_corpus(session=session, count=size, seed=args.seed)
            out = f"{folder}/export-{engine_name}-{size}.ndjson"
            exported = _in_child("export", source, out)
            if kept is not None:
                kept.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(out, kept)
            read = _in_child("read", source)
            if args.no_import:
                imported = {"seconds": 1.0, "reviews": 0.0, "rss_mb": 0.0}
            else:
                target = fresh_database(engine_name, folder, f"scr_bench_import_{size}")
                migrate.upgrade(target)
                imported = _in_child("import", target, out)
            memory[size] = {
                "export": exported["rss_mb"],
                "traced": exported["traced_mb"],
                "import": imported["rss_mb"],
            }
            n = exported["reviews"]
            rate = {k: n / v["seconds"] for k, v in (("export", exported), ("read", read))}
            print(
                f"{engine_name}, {size:,} reviews ({int(n):,} published, "
                f"{Path(out).stat().st_size / 2**20:,.1f} MB of NDJSON):"
            )
            print(
                f"  export  {exported['seconds']:8.2f} s  {rate['export']:8.0f} reviews/s   "
                f"peak RSS {exported['rss_mb']:6.0f} MB, Python {exported['traced_mb']:6.1f} MB"
            )
            print(
                f"  read    {read['seconds']:8.2f} s  {rate['read']:8.0f} reviews/s   "
                f"({int(read['rows']):,} rows)"
            )
            verdict = "ok" if rate["export"] / rate["read"] >= 0.5 else "under the aim of 0.5"
            print(
                f"  export throughput / plain read {rate['export'] / rate['read']:.2f} ({verdict})"
            )
            if args.no_import:
                continue
            print(
                f"  import  {imported['seconds']:8.2f} s  "
                f"{imported['reviews'] / imported['seconds']:8.0f} reviews/s   "
                f"peak RSS {imported['rss_mb']:6.0f} MB"
            )
        if len(sizes) > 1:
            small, large = memory[sizes[0]], memory[sizes[-1]]
            print(f"{engine_name}: peak memory at {sizes[-1]:,} over {sizes[0]:,} (aim <= 1.2):")
            for key, label in (
                ("export", "export RSS"),
                ("traced", "export Python"),
                *([] if args.no_import else [("import", "import RSS")]),
            ):
                if small[key] and large[key]:  # (no export figures for a kept file)
                    print(f"  {label:14} {large[key] / small[key]:5.2f}x")
        engine.dispose()


if __name__ == "__main__":
    main()
