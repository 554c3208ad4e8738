"""The identifiers that look alike in every review, found in folded text (see ``normalise``:
lower case, each run of spaces written " " and of dashes "-").

- **NHS numbers**: ten digits in any grouping, the groups split by single spaces, dashes or
  dots ("943 476 5919", "983 6900 608", "9434765919"), passing the modulus 11 check.
- **National Insurance numbers**: two letters, six digits, and a letter A to D, with or
  without spaces between the pairs; any two letters, so specimen prefixes such as QQ
  count. The final letter may be missing, unless the two letters are a word of everyday
  prose ("at 12 34 56" is not a number, "AT 12 34 56 B" is).
- **Postcodes**: the Royal Mail's shape, with or without the space, any case.
- **Phone numbers**: 0 and nine or ten more digits, or +44 (or 0044), with or without
  "(0)", and the digits grouped in any way, an area code in brackets too.
- **E-mail addresses**.
- **Full dates**, which could be dates of birth: day, month and year in numbers with "/",
  "." or "-" between them (day-first or month-first, two- or four-digit years: "03.07.19",
  "3/7/2019"), year-first ISO dates ("2019-07-03"), and dates with the month's name, day
  first or month first, with or without an ordinal, "of" or commas ("3rd of March 2019",
  "March 3, '19", "3-Mar-2019"). A month and year alone ("March 2019") is not a full date.

Each function yields ``(start, end, kind)`` in the folded text. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from scr.vocabulary import MONTH_NAMES

Span = tuple[int, int, str]

_DIGIT_RUN = re.compile(r"(?<!\d)\d+(?:[ .-]\d+)*(?!\d)")
_NI = re.compile(
    r"(?<![a-z0-9])([a-z]{2})[ -]?(\d{2})[ -]?(\d{2})[ -]?(\d{2})(?:[ -]?([a-d]))?(?![a-z0-9])"
)
_PROSE_PAIRS = frozenset(
    {
        "am", "an", "as", "at", "be", "by", "do", "go", "he", "hi", "if", "in", "is", "it", "me",
        "my", "no", "of", "oh", "ok", "on", "or", "so", "to", "up", "us", "we",
    }
)  # fmt: skip
_POSTCODE = re.compile(
    r"(?<![a-z0-9])(?:gir[ -]?0aa|[a-pr-uwyz][a-hk-y]?\d[a-hjkpstuw\d]?[ -]?\d[abd-hjlnp-uw-z]{2})"
    r"(?![a-z0-9])"
)
_PHONE = re.compile(
    r"(?<![\w+])(?P<prefix>(?:\+|00) ?44 ?(?:\( ?0 ?\) ?)?|\( ?(?=0))?"
    r"(?P<number>\d(?:(?:[ .-]|\) ?)?\d)+)(?!\d)"
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+")
_MONTHS = MONTH_NAMES
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_SEP = r"[ ,./-]{1,3}"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"'?(?P<year>\d{4}|\d{2})(?!\d)"
_NUMERIC_DATE = re.compile(
    r"(?<![\d.])(?P<a>\d{1,2}) ?(?P<sep>[/.-]) ?(?P<b>\d{1,2}) ?(?P=sep) ?(?P<year>\d{4}|\d{2})"
    r"(?!\d|\.\d)"
)
_ISO_DATE = re.compile(
    r"(?<![\d.])(?P<year>\d{4})(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?!\d)"
)
_DAY_FIRST = re.compile(
    rf"(?<![\w]){_DAY}(?:{_SEP}of)?{_SEP}(?P<month>{_MONTH})(?![a-z]){_SEP}{_YEAR}"
)
_MONTH_FIRST = re.compile(rf"(?<![\w])(?P<month>{_MONTH})(?![a-z]){_SEP}{_DAY}{_SEP}{_YEAR}")


def nhs_number_is_valid(digits: str) -> bool:
    """The modulus 11 check of an NHS number's tenth digit."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def nhs_numbers(text: str) -> Iterator[Span]:
    """Every run of digit groups holding ten digits that pass the check, group to group."""
    for run in _DIGIT_RUN.finditer(text):
        groups = [
            (m.start() + run.start(), m.end() + run.start())
            for m in re.finditer(r"\d+", run.group())
        ]
        for first in range(len(groups)):
            digits = ""
            for last in range(first, len(groups)):
                digits += text[groups[last][0] : groups[last][1]]
                if len(digits) >= 10:
                    if len(digits) == 10 and nhs_number_is_valid(digits):
                        yield groups[first][0], groups[last][1], "nhs_number"
                    break


def ni_numbers(text: str) -> Iterator[Span]:
    for match in _NI.finditer(text):
        if match.group(1) in _PROSE_PAIRS and match.group(5) is None:
            continue
        yield match.start(), match.end(), "ni_number"


def postcodes(text: str) -> Iterator[Span]:
    for match in _POSTCODE.finditer(text):
        yield match.start(), match.end(), "postcode"


def phones(text: str) -> Iterator[tuple[int, int, str, bool]]:
    """Phone numbers, each saying whether it is written with a prefix (+44, brackets)."""
    for match in _PHONE.finditer(text):
        prefix, number = match.group("prefix") or "", match.group("number")
        digits = re.sub(r"\D", "", number)
        if "44" in prefix:
            fits = len(digits) in (9, 10) and not digits.startswith("0")
        else:
            fits = digits.startswith("0") and len(digits) in (10, 11)
        if fits:
            yield match.start(), match.end(), "phone", bool(prefix)


def emails(text: str) -> Iterator[Span]:
    for match in _EMAIL.finditer(text):
        yield match.start(), match.end(), "email"


def _is_date(year: int, month: int, day: int) -> bool:
    years = [year] if year >= 100 else [2000 + year, 1900 + year]
    for y in years:
        try:
            date(y, month, day)
        except ValueError:
            continue
        return True
    return False


def dates(text: str) -> Iterator[Span]:
    for match in _NUMERIC_DATE.finditer(text):
        a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
        if _is_date(year, b, a) or _is_date(year, a, b):
            yield match.start(), match.end(), "full_date"
    for match in _ISO_DATE.finditer(text):
        if _is_date(int(match["year"]), int(match["month"]), int(match["day"])):
            yield match.start(), match.end(), "full_date"
    for pattern in (_DAY_FIRST, _MONTH_FIRST):
        for match in pattern.finditer(text):
            month = _MONTHS[match["month"]]
            if _is_date(int(match["year"]), month, int(match["day"])):
                yield match.start(), match.end(), "full_date"


def shapes(text: str) -> Iterator[Span]:
    """Every identifier of a shape in ``text``. Ten digits that could be an NHS number or a
    phone number are an NHS number, unless written with +44 or an area code in brackets."""
    found = list(phones(text))
    prefixed = [(s, e) for s, e, _, prefix in found if prefix]
    nhs = [
        (s, e, kind)
        for s, e, kind in nhs_numbers(text)
        if not any(ps <= s and e <= pe for ps, pe in prefixed)
    ]
    yield from nhs
    for start, end, kind, prefix in found:
        if prefix or not any(s < end and start < e for s, e, _ in nhs):
            yield start, end, kind
    for more in (ni_numbers, postcodes, emails, dates):
        yield from more(text)
