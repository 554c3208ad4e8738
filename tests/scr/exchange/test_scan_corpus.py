"""The scan on the fictional planted corpus of ``benchmarks.scan_corpus``: every planted
identifier is found, and clean review prose is left alone (``benchmarks.scan`` prints the
figures for any seed)."""

from __future__ import annotations

from benchmarks.scan import found
from benchmarks.scan_corpus import clean_sentences, plants
from scr.exchange.scan import scan


def test_every_planted_identifier_is_found() -> None:
    planted = plants()
    assert len(planted) >= 200
    assert [(p.way, p.sentence) for p in planted if not found(p)] == []


def test_clean_prose_is_left_alone() -> None:
    clean = clean_sentences()
    assert len(clean) >= 1000
    flagged = [s for case, s in clean if scan(s, case.known())]
    assert len(flagged) / len(clean) < 0.01, flagged[:10]
