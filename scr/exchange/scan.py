"""Find what could identify a child or family in free text, before anything leaves.

``scan`` looks for the review's own known identifiers (the ways people write them: see
``known``) and for the kinds of identifier that look the same in every review (see
``shapes``): NHS numbers, National Insurance numbers, UK postcodes, UK phone numbers,
e-mail addresses, and full dates, which could be dates of birth. Both are looked for in the
text's one normal form (see ``normalise``), so a non-breaking space, a line break, a soft
hyphen, a zero-width space, a look-alike letter from another alphabet or fullwidth letters
hide nothing; each hit still says where it is in the text as written, and the words around
it. Pure: text in, hits out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from scr.exchange import known as known_identifiers
from scr.exchange.normalise import fold
from scr.exchange.shapes import nhs_number_is_valid, shapes
from scr.vocabulary import IdentifierKind

__all__ = ["Hit", "HitKind", "Known", "nhs_number_is_valid", "scan"]

CONTEXT_WORDS = 6
"""How many words either side of a hit its context shows."""


class HitKind(StrEnum):
    known_identifier = "known_identifier"
    nhs_number = "nhs_number"
    ni_number = "ni_number"
    postcode = "postcode"
    phone = "phone"
    email = "email"
    full_date = "full_date"


@dataclass(frozen=True, order=True)
class Hit:
    start: int
    end: int
    kind: HitKind
    text: str
    context: str = field(default="", compare=False)


Known = str | tuple[str, IdentifierKind | str]
"""A known identifier: its text and kind (a text alone is matched whole, as "other")."""

_BEFORE = re.compile(rf"(?:\S+\s+){{0,{CONTEXT_WORDS}}}\S*$")
_AFTER = re.compile(rf"^\S*(?:\s+\S+){{0,{CONTEXT_WORDS}}}")


def context(text: str, start: int, end: int) -> str:
    """The hit with the words around it, on one line; "…" where the text goes on."""
    before = _BEFORE.search(text[:start])
    after = _AFTER.match(text[end:])
    head = before.group() if before else ""
    tail = after.group() if after else ""
    shown = head + text[start:end] + tail
    if len(head) < start:
        shown = "…" + shown
    if end + len(tail) < len(text):
        shown += "…"
    return " ".join(shown.split())


def scan(text: str, known: Iterable[Known] = ()) -> list[Hit]:
    """Every possible identifier in ``text``, in order of where it starts."""
    folded = fold(text)
    spans: list[tuple[int, int, str]] = []
    for identifier in {k if isinstance(k, tuple) else (k, "other") for k in known}:
        pattern = known_identifiers.pattern(identifier[0].strip(), identifier[1])
        if pattern is not None:
            spans += [
                (m.start(), m.end(), HitKind.known_identifier)
                for m in pattern.finditer(folded.text)
            ]
    spans += shapes(folded.text)
    known_spans = [(s, e) for s, e, kind in spans if kind == HitKind.known_identifier]
    found = set()
    for start, end, kind in spans:
        if kind == HitKind.known_identifier and any(
            s <= start and end <= e and (s, e) != (start, end) for s, e in known_spans
        ):
            continue  # "Marlowe" inside "Kayleigh Marlowe" is one hit, not two
        at, to = folded.span(start, end)
        found.add(Hit(at, to, HitKind(kind), text[at:to], context(text, at, to)))
    return sorted(found)
