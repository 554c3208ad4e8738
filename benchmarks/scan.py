"""How well the identifier scan finds what it must and leaves alone what it should.

Scans a fictional planted corpus (``benchmarks.scan_corpus``): identifiers written in varied
ways (separators, look-alike letters, fullwidth forms, parts of names, groupings of numbers,
date forms), each in a sentence, and clean sentences of review prose scanned against a
case's known identifiers. Prints recall on the plants (a plant is found when a hit of its
kind covers it) with every miss, and the share of clean sentences with any hit, with each.
Run: ``.venv/bin/python -m benchmarks.scan [--seed N]``.
"""

from __future__ import annotations

import argparse
import time

from benchmarks.scan_corpus import Plant, clean_sentences, plants
from scr.exchange.scan import scan


def found(plant: Plant) -> bool:
    """Whether a hit of the plant's kind covers the planted text."""
    start = plant.sentence.index(plant.planted)
    if plant.core:
        start += plant.planted.index(plant.core)
    end = start + len(plant.core or plant.planted)
    return any(
        hit.kind == plant.kind and hit.start <= start and end <= hit.end
        for hit in scan(plant.sentence, plant.case.known())
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    planted = plants(args.seed)
    clean = clean_sentences(args.seed)
    began = time.perf_counter()
    missed = [p for p in planted if not found(p)]
    flagged = [(s, hits) for case, s in clean if (hits := scan(s, case.known()))]
    seconds = time.perf_counter() - began
    recall = 1 - len(missed) / len(planted)
    print(f"planted identifiers: {len(planted)} ({len({p.way for p in planted})} ways)")
    print(f"recall: {recall:.1%} ({len(planted) - len(missed)} of {len(planted)} found)")
    for plant in missed:
        print(f"  missed ({plant.way}): {plant.sentence!r}")
    print(f"clean sentences: {len(clean)}")
    print(
        f"false positives: {len(flagged) / len(clean):.2%} "
        f"({len(flagged)} of {len(clean)} sentences with a hit)"
    )
    for sentence, hits in flagged:
        print(f"  flagged {[(h.kind.value, h.text) for h in hits]}: {sentence!r}")
    print(f"scanned {len(planted) + len(clean)} sentences in {seconds:.2f} s")


if __name__ == "__main__":
    main()
