"""What makes a password too weak to accept: too short, one or two characters over and over,
a run along the keyboard or the alphabet, or nothing but common words in disguise.

The common words are a small list shipped with the package (``common_words.txt``); the
disguises people use on them (capitals, ``0`` for ``o``, ``!`` at the end, a year, the word
twice) are undone before looking, so the list stands for many thousands of passwords.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

MIN_LENGTH = 12
MIN_DISTINCT = 5
WORDS = Path(__file__).with_name("common_words.txt")
_LEET = str.maketrans("0134578@$!|+", "oieastbasilt")
_RUNS = (
    "abcdefghijklmnopqrstuvwxyz",
    "0123456789",
    "qwertyuiopasdfghjklzxcvbnm",
    "qwertzuiopasdfghjklyxcvbnm",
    "azertyuiopqsdfghjklmwxcvbn",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    "zaq1xsw2cde3vfr4bgt5nhy6mju7",
)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """The bundled list of common words."""
    lines = WORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def weakness(password: str, *, email: str | None = None) -> str | None:
    """Why ``password`` is too weak, as a sentence to show its owner; None if it will do."""
    if len(password) < MIN_LENGTH:
        return f"The password must be at least {MIN_LENGTH} characters long."
    lowered = password.lower()
    if len(set(lowered)) < MIN_DISTINCT or _repeats(lowered):
        return "The password repeats the same few characters: choose one that does not."
    if _is_run(lowered):
        return "The password is a run of keys or letters: choose one that is harder to guess."
    local = (email or "").split("@")[0].lower()
    if len(local) >= 4 and local in lowered:
        return "The password contains your e-mail address: choose one that does not."
    if any(_made_of_common_words(w) or _repeats(w) for w in _undisguised(lowered)):
        return (
            "The password is made of common words that are easy to guess, however they are "
            "spelt: try three or four unrelated words, or a longer phrase."
        )
    return None


def _undisguised(lowered: str) -> set[str]:
    """The letters of the password with digits and symbols before and after taken off, and
    those inside read as letters (``p4ssw0rd``) or left out (``summer2024winter``)."""
    core = lowered.strip("0123456789 !\"#%&'()*,-./:;<=>?[\\]^_`{}~")
    read = "".join(c for c in core.translate(_LEET) if c.isalpha())
    dropped = "".join(c for c in core if c.isalpha())
    return {w for w in (read, dropped) if w}


def _repeats(text: str) -> bool:
    """Whether ``text`` is a shorter piece written out two or more times."""
    return any(
        len(text) % size == 0 and text == text[:size] * (len(text) // size)
        for size in range(1, len(text) // 2 + 1)
    )


def _is_run(text: str) -> bool:
    compact = "".join(c for c in text if c.isalnum())
    if len(compact) < MIN_LENGTH // 2:
        return False
    return any(compact in run * 3 or compact in run[::-1] * 3 for run in _RUNS)


def _made_of_common_words(letters: str) -> bool:
    """Whether ``letters`` splits wholly into words of the list (dynamic programming)."""
    words = common_words()
    longest = max(len(w) for w in words)
    splits = [True] + [False] * len(letters)
    for end in range(1, len(letters) + 1):
        splits[end] = any(
            splits[start] and letters[start:end] in words
            for start in range(max(0, end - longest), end)
        )
    return splits[-1]
