"""What a person types into the search box, read as phrases the engines match literally.

Words in double quotes are one phrase; every other word is a phrase of its own; a record must
hold every phrase, except a word typed alone, unquoted, that is common (more than one record in
twenty holds it, ``scr.search.common``) when rarer phrases are asked with it. Nothing else has a
meaning: an unbalanced quote, ``*``, ``AND``, ``NEAR``, ``:``, ``&`` or brackets are text like
any other, so no input can be read as the engine's own query syntax. Each phrase is then
handed to the engine as a value (PostgreSQL's ``phraseto_tsquery``) or as a quoted FTS5 string
(which reads only its own tokens).
"""

from __future__ import annotations

import re

MAX_PHRASES = 16
"""More phrases than anyone types; the rest are dropped so a query stays cheap."""

_QUOTED = re.compile(r'"([^"]*)"')
_NOT_TEXT = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
"""Control characters, lone surrogates and non-characters: no record holds them, and neither
engine takes all of them as a value (PostgreSQL refuses NUL), so they separate words."""
_TOKEN = re.compile(r"[^\W_]")  # a letter or digit: a phrase without one can match nothing
_WORD = re.compile(r"[^\W_]+")  # one word to either engine's tokeniser


def _split(text: str) -> tuple[list[str], list[str]]:
    """The quoted phrases of ``text`` and its other words, spaces tidied."""
    text = _NOT_TEXT.sub(" ", text)
    quoted, rest, at = [], [], 0
    for match in _QUOTED.finditer(text):
        rest.append(text[at : match.start()])
        quoted.append(" ".join(match.group(1).split()))
        at = match.end()
    rest.append(text[at:])
    return quoted, " ".join(rest).replace('"', " ").split()


def phrases(text: str) -> list[str]:
    """The phrases of ``text`` (those in quotes first), each once, spaces tidied."""
    quoted, loose = _split(text)
    found: list[str] = []
    for phrase in quoted + loose:
        if _TOKEN.search(phrase) and phrase not in found:
            found.append(phrase)
    return found[:MAX_PHRASES]


def lone_words(text: str) -> list[str]:
    """The phrases of ``text`` that are a single word typed without quotes (letters and
    digits only): those a search may leave out of its match when most records hold them."""
    quoted, _ = _split(text)
    return [p for p in phrases(text) if p not in quoted and _WORD.fullmatch(p)]


def fts5(found: list[str]) -> str:
    """An FTS5 query matching every phrase (a quoted string is only ever a phrase)."""
    return " ".join('"' + p.replace('"', '""') + '"' for p in found)


def in_text(query: str) -> str:
    """An FTS5 query matched in the documents' text alone: the index of every record also
    holds each one's kind, review id and board id (``scr.search.service``), which no words
    typed may match ("finding" is every finding's kind, "12" a review's id)."""
    return f"body : ({query})"
