# ruff: noqa: E501  (sentence templates read best on one line each)
"""A fictional planted corpus for the identifier scan: identifiers written in the ways people
(and attackers) write them, and clean sentences of review prose that hold none.

Every name, place and number is invented (NHS numbers are made to pass the check digit;
postcodes and phone numbers have the right shape only). The same seed gives the same corpus.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from scr.exchange.shapes import nhs_number_is_valid

FIRST = [
    "Kayleigh", "Jaxon", "Tiegan", "Oakley", "Brogan", "Kenzie", "Rylan", "Skye", "Callum",
    "Demi", "Lennox", "Maisie", "Tyler", "Ellis", "Harlow", "Reece", "Shannon", "Alfie",
]  # fmt: skip
SURNAMES = [
    "Marlowe", "Ashdown", "Penhaligon", "Threlkeld", "Quennell", "Orchardson", "Fairweather",
    "Dunstable", "Kettleby", "Holloway", "Ravensworth", "Pickering", "Thistlewood", "Garside",
]  # fmt: skip
SCHOOLS = [
    ("Oakfield Primary School", "Oakfield"),
    ("Brackenhurst Academy", "Brackenhurst"),
    ("St Winifred's CE Primary", "St Winifred's"),
    ("Larkspur Nursery", "Larkspur"),
    ("Fennimore Infant School", "Fennimore"),
]
STREETS = [
    ("Acacia Avenue", "Acacia"),
    ("Quarry Bank Close", "Quarry Bank"),
    ("Tollgate Road", "Tollgate"),
    ("Wintergreen Crescent", "Wintergreen"),
]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
AGENCIES = [
    "children's social care", "the police", "health visiting", "the GP", "the hospital",
    "the school", "early years", "probation", "housing", "adult mental health",
    "the substance misuse service",
]  # fmt: skip
ROLES = [
    "health visitor 1", "social worker 2", "the team manager", "GP 1", "the school nurse",
    "police officer 3", "the family support worker", "midwife 1", "the designated teacher",
]  # fmt: skip

CYRILLIC = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441"}
SEPARATORS = {
    "space": " ", "non-breaking space": "\u00a0", "newline": "\n", "tab": "\t",
    "two spaces": "  ", "hyphen": "-", "zero-width space": "\u200b", "soft hyphen": "\u00ad",
    "en dash": " \u2013 ",
}  # fmt: skip


@dataclass(frozen=True)
class Case:
    """One fictional review's known identifiers, as (text, kind)."""

    child: tuple[str, str]
    mother: tuple[str, str]
    school: tuple[str, str]
    street: tuple[str, str]

    def known(self) -> list[tuple[str, str]]:
        return [
            (" ".join(self.child), "name"),
            (f"{self.mother[0]} {self.mother[1]}", "name"),
            (self.school[0], "school"),
            (self.street[0], "place"),
        ]


@dataclass(frozen=True)
class Plant:
    case: Case
    sentence: str
    kind: str  # a HitKind value
    planted: str  # the text as planted in the sentence
    way: str  # how it was written
    core: str = ""  # the part a hit must cover, when not all of it ("Marlowe" of "Mrs Marlowe")


def _case(rng: random.Random) -> Case:
    child = (rng.choice(FIRST), rng.choice(SURNAMES))
    mother = (rng.choice([f for f in FIRST if f != child[0]]), child[1])
    return Case(child, mother, rng.choice(SCHOOLS), rng.choice(STREETS))


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def _cyrillic(text: str) -> str:
    return "".join(CYRILLIC.get(c, c) for c in text)


def _nhs(rng: random.Random) -> str:
    while True:
        digits = "".join(str(rng.randrange(10)) for _ in range(10))
        if digits[0] != "0" and nhs_number_is_valid(digits):
            return digits


def _group(digits: str, sizes: tuple[int, ...], sep: str) -> str:
    parts, at = [], 0
    for size in sizes:
        parts.append(digits[at : at + size])
        at += size
    return sep.join(parts)


def _names(rng: random.Random, case: Case) -> list[tuple[str, str] | tuple[str, str, str]]:
    first, surname = case.child
    written = [(sep.join(case.child), f"full name, {way}") for way, sep in SEPARATORS.items()]
    written += [
        (f"Mrs {case.mother[1]}", "surname with a title", case.mother[1]),
        (surname.upper(), "surname in capitals"),
        (f"{surname}'s", "surname, possessive"),
        (f"{first}\u2019s", "first name, curly possessive"),
        (first.lower(), "first name, lower case"),
        (case.mother[0], "mother's first name"),
        (_cyrillic(f"{first} {surname}"), "Cyrillic look-alikes"),
        (_fullwidth(f"{first} {surname}"), "fullwidth letters"),
        (f"{first[:2]}\u00ad{first[2:]} {surname}", "soft hyphen inside a word"),
        (case.school[1], "school, distinctive part"),
        (case.school[0], "school, whole"),
        (case.street[1], "street, distinctive part"),
        (f"{rng.randint(2, 90)} {case.street[0]}", "street with a house number", case.street[0]),
    ]
    return written


def _shapes(rng: random.Random) -> list[tuple[str, str, str]]:
    nhs = _nhs(rng)
    letters = "ABCEGHJKLMNPRSTWXYZ"
    pair = rng.choice(["QQ", rng.choice(letters) + rng.choice(letters)])
    ni = [f"{rng.randint(10, 99)}" for _ in range(3)]
    suffix = rng.choice("ABCD")
    area = rng.choice(["NE", "LS", "M", "B", "SW", "CF", "BS"])
    postcode = f"{area}{rng.randint(1, 20)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
    mobile = f"07{rng.randint(100, 999)}{rng.randint(100000, 999999)}"
    landline = f"0{rng.randint(113, 191)}{rng.randint(1000000, 9999999)}"
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2008, 2024)
    name = MONTHS[month - 1]
    return [
        ("nhs_number", _group(nhs, (3, 3, 4), " "), "NHS number, 3 3 4"),
        ("nhs_number", nhs, "NHS number, no spaces"),
        ("nhs_number", _group(nhs, (3, 4, 3), " "), "NHS number, 3 4 3"),
        ("nhs_number", _group(nhs, (3, 3, 4), "-"), "NHS number, dashes"),
        ("nhs_number", _group(nhs, (3, 3, 4), "\u00a0"), "NHS number, non-breaking spaces"),
        ("ni_number", f"{pair} {' '.join(ni)} {suffix}", "NI number, spaced"),
        ("ni_number", f"{pair}{''.join(ni)}{suffix}", "NI number, no spaces"),
        ("ni_number", f"{pair.lower()}{''.join(ni)}{suffix.lower()}", "NI number, lower case"),
        ("postcode", postcode, "postcode"),
        ("postcode", postcode.replace(" ", ""), "postcode, no space"),
        ("postcode", postcode.lower(), "postcode, lower case"),
        ("postcode", postcode.replace(" ", "\u00a0"), "postcode, non-breaking space"),
        ("phone", f"{mobile[:5]} {mobile[5:]}", "mobile"),
        ("phone", mobile, "mobile, no spaces"),
        ("phone", f"+44 {mobile[1:5]} {mobile[5:]}", "mobile, +44"),
        ("phone", f"+44 (0){mobile[1:5]} {mobile[5:]}", "mobile, +44 (0)"),
        ("phone", f"({landline[:4]}) {landline[4:7]} {landline[7:]}", "landline, brackets"),
        ("phone", f"{landline[:4]}\u00a0{landline[4:]}", "landline, non-breaking space"),
        ("email", f"{rng.choice(FIRST).lower()}.{rng.randint(1, 99)}@example.org", "e-mail"),
        ("full_date", f"{day:02d}/{month:02d}/{year}", "date, dd/mm/yyyy"),
        ("full_date", f"{day:02d}.{month:02d}.{year % 100:02d}", "date, dd.mm.yy"),
        ("full_date", f"{day}/{month}/{year % 100:02d}", "date, d/m/yy"),
        ("full_date", f"{year}-{month:02d}-{day:02d}", "date, ISO"),
        ("full_date", f"{day} {name} {year}", "date, day month year"),
        ("full_date", f"{_ordinal(day)} of {name}, {year}", "date, ordinal of month"),
        ("full_date", f"{name} {day}, {year}", "date, month first"),
        ("full_date", f"{day}-{name[:3]}-{year % 100:02d}", "date, d-Mon-yy"),
        ("full_date", f"{day}\u00a0{name}\u00a0{year}", "date, non-breaking spaces"),
    ]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


PLANT_FRAMES = [
    "The health visitor recorded {} in the notes after the home visit.",
    "At the strategy meeting it was noted that {} had been mentioned twice.",
    "{} was written on the referral form sent by the school.",
    "The police log for that night gives {} and nothing more.",
    "Nobody followed up {}, which the review team found striking.",
]


def plants(seed: int = 18, cases: int = 6) -> list[Plant]:
    """Identifiers written in varied ways, each in a sentence of its own."""
    rng = random.Random(seed)
    found = []
    for _ in range(cases):
        case = _case(rng)
        for text, way, *core in _names(rng, case):
            frame = rng.choice(PLANT_FRAMES)
            found.append(
                Plant(case, frame.format(text), "known_identifier", text, way, "".join(core))
            )
        for kind, text, way in _shapes(rng):
            frame = rng.choice(PLANT_FRAMES)
            found.append(Plant(case, frame.format(text), kind, text, way))
    return found


CLEAN_FRAMES: list[Callable[[random.Random], str]] = [
    lambda r: f"In {r.choice(MONTHS)} {r.randint(2012, 2024)} {r.choice(ROLES)} visited the family {r.randint(2, 12)} times.",
    lambda r: f"{r.choice(ROLES).capitalize()} said the mother may have been struggling with the baby's routine.",
    lambda r: f"The referral from {r.choice(AGENCIES)} was not shared with {r.choice(AGENCIES)} for {r.randint(2, 9)} weeks.",
    lambda r: f"Between {r.randint(2012, 2018)} and {r.randint(2019, 2024)} the caseload of the team rose by {r.randint(10, 60)}%.",
    lambda r: f"KPE {r.randint(1, 12)} shows that {r.choice(ROLES)} will often work alone after 5.30pm.",
    lambda r: f"The child, aged {r.randint(1, 15)}, was seen at school on {r.randint(3, 9)} occasions in the spring term.",
    lambda r: f"A section 47 enquiry began on day {r.randint(2, 14)} of the review period and closed after {r.randint(10, 40)} days.",
    lambda r: f"The Children Act 1989 sets out the duties the partnership had; section 17 applied from {r.choice(MONTHS)}.",
    lambda r: f"Supervision notes from {r.choice(MONTHS)} record good practice and a grace period for the family's rent arrears.",
    lambda r: f"The brown envelope from {r.choice(AGENCIES)} contained {r.randint(2, 30)} pages of records.",
    lambda r: f"{r.choice(ROLES).capitalize()} hoped the family would engage; there was hope, not evidence.",
    lambda r: f"The review team met on {r.randint(3, 9)} occasions; meeting {r.randint(1, 9)} of {r.randint(10, 12)} was cancelled.",
    lambda r: f"Version {r.randint(1, 4)}.{r.randint(0, 9)}.{r.randint(0, 9)} of the assessment form was in use at the time.",
    lambda r: f"The family lived in a flat with {r.randint(2, 4)} bedrooms and a small green garden.",
    lambda r: f"Practitioners described the home as chaotic; {r.randint(20, 80)} per cent of visits were unannounced.",
    lambda r: f"The threshold document, page {r.randint(10, 99)}, says a mark of {r.randint(1, 9)} out of 10 is needed.",
    lambda r: f"Will the Board ask {r.choice(AGENCIES)} how it knows that escalation works?",
    lambda r: f"The GP practice held {r.randint(2, 9)} appointments for the child between {r.choice(MONTHS)} and {r.choice(MONTHS)}.",
    lambda r: f"The rota showed {r.randint(3, 12)} vacancies out of {r.randint(20, 40)} posts at {r.randint(9, 11)}.{r.choice(['00', '15', '30', '45'])} that morning.",
    lambda r: f"Case number {r.randint(100, 999)}/{r.randint(10, 24)} was closed without a strategy discussion.",
    lambda r: f"The school's attendance for the child fell to {r.randint(40, 89)}.{r.randint(0, 9)}% in year {r.randint(1, 11)}.",
    lambda r: f"{r.choice(ROLES).capitalize()} rang {r.choice(AGENCIES)} at {r.randint(1, 12)} o'clock and left a message.",
    lambda r: "The mother's partner was described as friendly and helpful; the father was rarely seen.",
    lambda r: f"Records from {r.randint(2010, 2024)} to {r.randint(2010, 2024)} were summarised in {r.randint(3, 30)} entries.",
    lambda r: f"A multi-agency meeting on {r.choice(MONTHS)} {r.randint(2015, 2024)} agreed a plan with {r.randint(3, 8)} actions.",
    lambda r: f"The review found {r.randint(2, 7)} systemic findings and {r.randint(5, 20)} questions for the Board.",
    lambda r: f"An assessment of {r.randint(10, 45)} working days exceeded the {r.randint(35, 45)}-day timescale.",
    lambda r: f"Mark the date in the diary, said {r.choice(ROLES)}, and the team may review it in May.",
    lambda r: f"Rose, the family's dog, was mentioned in {r.randint(2, 6)} visit records.",
    lambda r: f"The hospital's ward {r.randint(1, 30)} discharged the baby on day {r.randint(2, 9)} with a plan.",
    lambda r: f"The rota ran from {r.randint(8, 9)}.00 to {r.randint(16, 18)}.30; {r.randint(1, 3)}/{r.randint(4, 5)} of staff were agency workers.",
    lambda r: f"The 0-19 service offered {r.randint(2, 6)} contacts; the NHS 111 line was called {r.randint(2, 5)} times and 999 once.",
    lambda r: f"Section 11 of the Children Act 2004 and Working Together 2018 both apply; see paragraph {r.randint(10, 99)}.{r.randint(1, 9)}.",
    lambda r: f"In the 2019/20 year the board saw {r.randint(100, 999)} referrals and {r.randint(1, 9)},{r.randint(100, 999)} contacts.",
    lambda r: f"The child moved from year {r.randint(1, 6)} to KS2; the Y6 teacher raised {r.randint(2, 8)} concerns.",
    lambda r: f"Reference NBY-{r.randint(2015, 2025)}-{r.randint(1, 20):02d} was given to the review; room B{r.randint(1, 20)} was used.",
    lambda r: f"A score of {r.randint(10, 15)}-{r.randint(16, 20)} on the scale meant a referral; {r.randint(1, 4)} in {r.randint(5, 10)} families met it.",
    lambda r: f"Costs rose to £{r.randint(1, 9)},{r.randint(100, 999)} a week; {r.randint(10, 99)}.{r.randint(1, 9)}% were met by the council.",
    lambda r: f"The CP plan was reviewed {r.randint(2, 4)} times; the S47 on {r.randint(1, 28)} {r.choice(MONTHS)} found no injury.",
    lambda r: f"A neighbour, Mr Okonkwo-Reid, told the police he had heard shouting on {r.randint(2, 5)} nights.",
    lambda r: f"Grace, a student social worker, shadowed {r.choice(ROLES)} in {r.choice(MONTHS)} {r.randint(2015, 2024)}.",
    lambda r: f"Tier {r.randint(2, 4)} services were offered at {r.randint(1, 12)}pm on {r.randint(2, 5)} {r.choice(['Mondays', 'Fridays'])}.",
    lambda r: f"The police log {r.randint(10, 99)}/{r.randint(100, 999)}/{r.randint(10, 24)} records a call from {r.choice(ROLES)}.",
    lambda r: f"The form asked for {r.randint(3, 9)} answers in {r.randint(5, 20)} minutes, at {r.randint(1, 9)}.{r.randint(10, 59)} in the morning.",
    lambda r: f"The review period ran {r.randint(2015, 2019)}-{r.randint(2020, 2024)}; {r.randint(2, 9)} of {r.randint(10, 40)} entries were significant.",
]  # fmt: skip


def clean_sentences(seed: int = 18, count: int = 1200) -> list[tuple[Case, str]]:
    """Sentences of review prose with no identifier in them, each with a case whose known
    identifiers the scan looks for."""
    rng = random.Random(seed + 1)
    found: dict[str, Case] = {}
    while len(found) < count:
        sentence = rng.choice(CLEAN_FRAMES)(rng)
        found.setdefault(sentence, _case(rng))
    return [(case, sentence) for sentence, case in found.items()]
