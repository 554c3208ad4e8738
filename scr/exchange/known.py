"""How a review's known identifiers are looked for: the ways people write them.

A known identifier is matched as a whole phrase, and by the parts of it that identify on
their own:

- a **name** or **nickname** also matches each of its words alone (a surname, "Mrs Marlowe";
  a first name), except a word in ``NEVER_NAMES`` (titles, family roles, and words of
  everyday prose that are also names: "May", "Will", "Grace", "Brown"), a single letter,
  and a word of digits;
- a **place** or **school** also matches its distinctive part: its words without the
  generic ones in ``PLACE_WORDS`` ("Oakfield Primary School" is also "Oakfield", "St Anne's
  Church of England Primary" also "St Anne's"), unless that part is one word in
  ``NEVER_NAMES`` ("Green Lane" is matched only whole);
- a **date** and **other** identifiers are matched whole (a date is also caught in any of
  its forms by the date patterns).

Words match whole, in any case, with a possessive or plural ending ("Marlowe's",
"Marlowes"), on the scan's normal form (see ``normalise``), so between the words of a phrase
any run of spaces or dashes, or none, may stand. Pure: no I/O.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scr.exchange.normalise import folded
from scr.vocabulary import IdentifierKind

NEVER_NAMES = frozenset(
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "lady", "lord", "rev", "master", "madam",
        "dame", "mother", "mum", "mom", "father", "dad", "baby", "child", "children", "son",
        "daughter", "brother", "sister", "aunt", "uncle", "nan", "nana", "nanna", "gran", "granny",
        "grandma", "grandad", "grandmother", "grandfather", "partner", "family", "boy", "girl",
        "may", "will", "mark", "grace", "hope", "faith", "joy", "bill", "rose", "summer", "april",
        "june", "july", "august", "autumn", "winter", "spring", "dawn", "eve", "frank", "sue",
        "pat", "art", "bob", "don", "guy", "ray", "rob", "sunny", "sandy", "ruby", "amber", "ivy",
        "holly", "daisy", "lily", "poppy", "hazel", "iris", "violet", "pearl", "angel", "honour",
        "honor", "patience", "mercy", "charity", "harmony", "melody", "precious", "destiny",
        "carol", "chase", "dean", "drew", "grant", "hunter", "jack", "jay", "earl", "glen",
        "brown", "white", "green", "black", "grey", "gray", "young", "long", "little", "small",
        "short", "hall", "wood", "hill", "king", "bell", "lane", "field", "ward", "stone", "day",
        "page", "law", "price", "case", "rich", "best", "good", "wise", "strong", "sharp", "swift",
        "love", "bond", "frost", "snow", "north", "south", "east", "west", "english", "french",
        "friend", "house", "street", "church", "judge", "cook", "baker", "mason", "marsh", "brook",
        "park", "the", "of", "and", "a", "an", "de", "la", "le", "van", "von", "der", "den", "du",
        "di", "da", "st", "saint",
    }
)  # fmt: skip
"""Words never looked for alone, even as part of a name or a place's distinctive part."""

PLACE_WORDS = frozenset(
    {
        "road", "rd", "street", "st", "lane", "ln", "avenue", "ave", "close", "drive", "way",
        "crescent", "place", "gardens", "grove", "terrace", "court", "mews", "square", "walk",
        "row", "park", "estate", "flats", "flat", "house", "tower", "towers", "view", "green",
        "primary", "secondary", "infant", "infants", "junior", "juniors", "nursery", "school",
        "academy", "college", "high", "community", "church", "ce", "rc", "c", "e", "catholic",
        "methodist", "england", "of", "the", "and", "surgery", "practice", "medical", "health",
        "centre", "center", "clinic", "hospital", "ward", "children's", "childrens", "family",
        "unit", "trust", "foundation", "preschool", "pre", "playgroup", "sure", "start",
    }
)  # fmt: skip
"""Generic words of places and schools: what is left without them is the distinctive part."""

_SAINT = frozenset({"st", "saint"})
_PARTS = {IdentifierKind.name, IdentifierKind.nickname}
_PLACES = {IdentifierKind.place, IdentifierKind.school}
_ENDING = r"(?:'s|s'|'|s)?"


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[ -]+", folded(text)) if w]


def _base(word: str) -> str:
    return word.removesuffix("'s").removesuffix("'")


def _alone(word: str) -> bool:
    base = _base(word)
    return len(base) > 1 and not base.isdigit() and base not in NEVER_NAMES


def _distinctive(words: list[str]) -> list[list[str]]:
    """The runs of a place's words that are not generic (a saint's name keeps its "st")."""
    runs: list[list[str]] = []
    run: list[str] = []
    for at, word in enumerate(words):
        keep = _base(word) not in PLACE_WORDS and not word.isdigit()
        saint = word in _SAINT and at + 1 < len(words) and _base(words[at + 1]) not in PLACE_WORDS
        if keep or saint:
            run.append(word)
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return [r for r in runs if len(r) > 1 or _alone(r[0])]


def phrases(text: str, kind: IdentifierKind | str) -> list[list[str]]:
    """The phrases (each a list of folded words) a known identifier is looked for as."""
    words = _words(text)
    if not words:
        return []
    found = [words]
    if kind in _PARTS:
        found += [[w] for w in words if _alone(w)]
    elif kind in _PLACES:
        found += _distinctive(words)
    unique = {tuple(p): p for p in found}
    return sorted(unique.values(), key=lambda p: (-sum(map(len, p)), p))


@lru_cache(maxsize=2048)
def pattern(text: str, kind: IdentifierKind | str) -> re.Pattern[str] | None:
    """One expression for every way the identifier is looked for, on folded text (longest
    phrase first, so "Kayleigh Marlowe" is one hit rather than two)."""
    found = phrases(text, kind)
    if not found:
        return None
    ways = "|".join("[ -]?".join(re.escape(_base(w)) + _ENDING for w in phrase) for phrase in found)
    return re.compile(rf"(?<!\w)(?:{ways})(?!\w)")
