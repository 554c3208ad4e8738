"""One normalisation of text for the identifier scan, applied to text and known identifiers alike.

Whatever way a word is typed, it is scanned in one form: Unicode NFKC (fullwidth and other
compatibility forms become plain letters and digits), accents dropped, format characters
(zero-width spaces, soft hyphens, joiners) removed, letters from other alphabets that look
like Latin ones folded to them (after Unicode TR39's confusables, for Cyrillic and Greek),
case folded, and every run of spaces and dashes written as one separator: ``" "`` where
the run holds a space of any kind (or a line break), ``"-"`` where it is dashes alone. Each
character of the result remembers which characters of the original it came from, so a hit
found in the folded text is reported where it is in the text as stored.

Pure: no I/O.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Cyrillic and Greek letters that look like Latin ones (after TR39's confusables.txt), by
# their Unicode names, and the Latin letter each passes for: (small, capital), None where a
# form does not look like a Latin letter (Greek small eta is an "n", its capital an "H").
_LOOK_ALIKES = {
    "CYRILLIC": {
        "A": ("a", "a"), "VE": ("b", "b"), "IE": ("e", "e"), "IO": ("e", "e"),
        "KA": ("k", "k"), "EM": ("m", "m"), "EN": ("h", "h"), "O": ("o", "o"),
        "ER": ("p", "p"), "ES": ("c", "c"), "TE": ("t", "t"), "U": ("y", None),
        "HA": ("x", "x"), "DZE": ("s", "s"), "BYELORUSSIAN-UKRAINIAN I": ("i", "i"),
        "YI": ("i", "i"), "JE": ("j", "j"), "KOMI DE": ("d", None), "QA": ("q", "q"),
        "WE": ("w", "w"), "PALOCHKA": ("l", None), "SHHA": ("h", "h"),
        "STRAIGHT U": ("y", "y"), "SOFT SIGN": (None, "b"),
    },
    "GREEK": {
        "ALPHA": ("a", "a"), "BETA": ("b", "b"), "GAMMA": ("y", None),
        "EPSILON": ("e", "e"), "ZETA": (None, "z"), "ETA": ("n", "h"), "IOTA": ("i", "i"),
        "KAPPA": ("k", "k"), "MU": (None, "m"), "NU": ("v", "n"), "OMICRON": ("o", "o"),
        "RHO": ("p", "p"), "SIGMA": ("o", None), "TAU": ("t", "t"), "UPSILON": ("u", "y"),
        "CHI": ("x", "x"), "OMEGA": ("w", None),
    },
}  # fmt: skip
_CONFUSABLE = {
    unicodedata.lookup(f"{script} {size} LETTER {name}"): latin
    for script, letters in _LOOK_ALIKES.items()
    for name, forms in letters.items()
    for size, latin in zip(("SMALL", "CAPITAL"), forms, strict=True)
    if latin is not None
} | {"\u04c0": "l", "\u03f2": "c", "\u03f9": "c", "\u03f3": "j"}  # palochka, lunate sigmas, yot
_APOSTROPHES = frozenset("'\u2018\u2019\u201b\u02bc\u2032\u0060\u00b4")
_DASH_LIKE = frozenset("\u2212\u2043\ufe63\uff0d\u02d7")  # minus signs, hyphen bullet ...


def _is_separator(char: str) -> str | None:
    """``" "`` for a space of any kind, ``"-"`` for a dash of any kind, else None."""
    if char.isspace() or unicodedata.category(char) in {"Zs", "Zl", "Zp"}:
        return " "
    if char in _DASH_LIKE or unicodedata.category(char) == "Pd":
        return "-"
    return None


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """What one character becomes: nothing, a separator, or folded letters."""
    separator = _is_separator(char)
    if separator:
        return separator
    if unicodedata.category(char) == "Cf":
        return ""
    if char in _APOSTROPHES:
        return "'"
    out = []
    for part in unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", char)):
        if unicodedata.combining(part):
            continue  # accents: "Zoë" is scanned as "zoe"
        separator = _is_separator(part)
        if separator:
            out.append(separator)
            continue
        out.append(_CONFUSABLE.get(part, part).casefold())
    return "".join(out)


@dataclass(frozen=True)
class Folded:
    """Text in its scanned form, with where each of its characters came from."""

    text: str
    starts: tuple[int, ...]  # the original index each character of ``text`` came from
    ends: tuple[int, ...]  # the original index just after it

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Where ``text[start:end]`` (not empty) lies in the original."""
        return self.starts[start], self.ends[end - 1]


def fold(original: str) -> Folded:
    """``original`` in the scan's one normal form (see the module's docstring)."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for at, char in enumerate(original):
        folded = _fold_char(char)
        for piece in folded:
            if piece in " -" and chars and chars[-1] in " -":
                # One separator for a run: a space wins over a dash ("a - b" is "a b").
                if piece == " ":
                    chars[-1] = " "
                ends[-1] = at + 1
                continue
            chars.append(piece)
            starts.append(at)
            ends.append(at + 1)
    return Folded("".join(chars), tuple(starts), tuple(ends))


def folded(original: str) -> str:
    """Only the folded text (for known identifiers, whose positions are never needed)."""
    return fold(original).text.strip(" -")
