"""Find what could identify a child or family in free text, before anything leaves.

``scan`` looks for the review's own known identifiers (names, nicknames, places, schools:
case-insensitive, whole words, with possessives) and for the kinds of identifier that look
the same in every review: NHS numbers (ten digits passing the modulus 11 check), National
Insurance numbers, UK postcodes, UK phone numbers, e-mail addresses, and full dates, which
could be dates of birth. Pure: text in, hits out, each with where it starts and ends.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


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


_NHS = re.compile(r"(?<![\d-])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d-])")
# Prefix letters the National Insurance scheme never issues are left out (HMRC's rules).
_NI = re.compile(
    r"(?<![A-Z0-9])(?!BG|GB|KN|NK|NT|TN|ZZ)([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])"
    r" ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])(?![A-Z0-9])",
    re.IGNORECASE,
)
_POSTCODE = re.compile(
    r"(?<![A-Z0-9])(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPSTUW\d]? ?\d[ABD-HJLNP-UW-Z]{2})"
    r"(?![A-Z0-9])",
    re.IGNORECASE,
)
_PHONE = re.compile(r"(?<![\d+])(?:\+44 ?(?:\(0\) ?)?|0)\d(?:[ -]?\d){8,9}(?!\d)")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_WORDED_DATE = re.compile(
    rf"(?<![\w])(\d{{1,2}})(?:st|nd|rd|th)?(?: of)? ({_MONTH})\.?,? (\d{{4}})(?!\d)"
    rf"|(?<![\w])({_MONTH})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})(?!\d)",
    re.IGNORECASE,
)


def nhs_number_is_valid(digits: str) -> bool:
    """The modulus 11 check of an NHS number's tenth digit."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _dates(text: str) -> Iterator[Hit]:
    for match in _NUMERIC_DATE.finditer(text):
        day, month, year = (int(g) for g in match.groups())
        if _is_date(year, month, day):
            yield Hit(match.start(), match.end(), HitKind.full_date, match.group())
    for match in _ISO_DATE.finditer(text):
        year, month, day = (int(g) for g in match.groups())
        if _is_date(year, month, day):
            yield Hit(match.start(), match.end(), HitKind.full_date, match.group())
    for match in _WORDED_DATE.finditer(text):
        g = match.groups()
        day_text, name, year_text = (g[0], g[1], g[2]) if g[0] else (g[4], g[3], g[5])
        if _is_date(int(year_text), _MONTHS[name.lower()], int(day_text)):
            yield Hit(match.start(), match.end(), HitKind.full_date, match.group())


def _numbers(text: str) -> Iterator[Hit]:
    nhs_spans = []
    for match in _NHS.finditer(text):
        if nhs_number_is_valid("".join(match.groups())):
            nhs_spans.append((match.start(), match.end()))
            yield Hit(match.start(), match.end(), HitKind.nhs_number, match.group())
    for match in _PHONE.finditer(text):
        if (match.start(), match.end()) not in nhs_spans:
            yield Hit(match.start(), match.end(), HitKind.phone, match.group())


def _known(text: str, identifiers: Iterable[str]) -> Iterator[Hit]:
    for identifier in {i.strip() for i in identifiers if i.strip()}:
        pattern = re.compile(
            rf"(?<!\w){re.escape(identifier)}(?:['\u2019]s?)?(?!\w)", re.IGNORECASE
        )
        for match in pattern.finditer(text):
            yield Hit(match.start(), match.end(), HitKind.known_identifier, match.group())


def scan(text: str, known: Iterable[str] = ()) -> list[Hit]:
    """Every possible identifier in ``text``, in order of where it starts."""
    found: list[Hit] = [*_known(text, known), *_numbers(text), *_dates(text)]
    for kind, pattern in (
        (HitKind.ni_number, _NI),
        (HitKind.postcode, _POSTCODE),
        (HitKind.email, _EMAIL),
    ):
        found.extend(Hit(m.start(), m.end(), kind, m.group()) for m in pattern.finditer(text))
    return sorted(set(found))
