"""How alike two findings read: BM25 over their words, in plain Python (no I/O).

A finding is read as the words of its title and statement, lower-cased, without the common
English words that carry no meaning of their own, each cut to a rough stem (a plural or a
verb's ending dropped, keeping at least four letters) so that "assessments" meets
"assessment" and "sharing" meets "shared". The documents are the candidates themselves: a word
that most of them hold counts for little, one that few hold counts for much.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

K1 = 1.2
B = 0.75
_WORD = re.compile(r"[^\W_]+")
_ENDINGS = ("ments", "ment", "ings", "ing", "ies", "ied", "ed", "es", "s")
_STOPWORDS = """
    a about above after again against all also an and any are as at be because been before
    being below between both but by can could did do does doing down during each either few
    for from further had has have having he her here hers him his how if in into is it its
    itself just may might more most much must no nor not of off on once only or other our out
    over own same she should so some such than that the their them then there these they this
    those through to too under until up upon very was we were what when where which while who
    whom why will with within without would you your
"""
_EVERY_REVIEW = """
    across agencies agency also case cases child children family families information involved
    practitioner practitioners professional professionals review reviews work worked working
"""
"""Words nearly every finding of a case review uses: they tell findings apart no better than
"the" does, and each would match most of the full-text index."""
_STOP = frozenset(_STOPWORDS.split()) | frozenset(_EVERY_REVIEW.split())


@lru_cache(maxsize=65536)  # (a corpus uses a few thousand words, each stemmed many times)
def stem(word: str) -> str:
    """A rough stem: the first ending of ``_ENDINGS`` the word has, cut if four letters stay."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def words(text: str) -> list[tuple[str, str]]:
    """The meaningful words of ``text`` in order, each as (stem, the word as written)."""
    found = []
    for match in _WORD.finditer(text.lower()):
        word = match.group(0)
        if len(word) < 3 or word in _STOP or word.isdigit():
            continue
        found.append((stem(word), word))
    return found


def terms(text: str) -> Counter[str]:
    """How often each stem occurs in ``text``."""
    return Counter(s for s, _ in words(text))


@dataclass(frozen=True)
class Match:
    """How one document matched the query: its BM25 score and the stems it shares."""

    score: float
    shared: dict[str, float]  # stem -> its part of the score


def bm25(query: Counter[str], documents: Mapping[int, Counter[str]]) -> dict[int, Match]:
    """Score each document that shares a stem with ``query`` (Okapi BM25, k1=1.2, b=0.75),
    with the inverse document frequency of the documents given; others are left out."""
    if not documents or not query:
        return {}
    n = len(documents)
    average = sum(sum(d.values()) for d in documents.values()) / n or 1.0
    held: Counter[str] = Counter()
    for document in documents.values():
        held.update(t for t in query if t in document)
    idf = {t: math.log(1 + (n - held[t] + 0.5) / (held[t] + 0.5)) for t in query if held[t]}
    matches = {}
    for key, document in documents.items():
        length = sum(document.values())
        parts = {}
        for term in idf:
            tf = document.get(term, 0)
            if tf:
                norm = tf + K1 * (1 - B + B * length / average)
                parts[term] = idf[term] * tf * (K1 + 1) / norm
        if parts:
            matches[key] = Match(score=sum(parts.values()), shared=parts)
    return matches


def strongest(match: Match, written: Mapping[str, str], most: int = 5) -> list[str]:
    """The shared words that weighed most, as the query wrote them."""
    ranked: Sequence[tuple[str, float]] = sorted(match.shared.items(), key=lambda p: (-p[1], p[0]))
    return [written.get(stem_, stem_) for stem_, _ in ranked[:most]]
