"""Identifier scanning: each kind planted in free text is found where it is, and look-alikes
that are not identifiers are left alone. Every person, number and place here is invented."""

from __future__ import annotations

import pytest

from scr.exchange.scan import HitKind, nhs_number_is_valid, scan


def _found(text: str, known: tuple[str, ...] = ()) -> list[tuple[HitKind, str]]:
    return [(hit.kind, hit.text) for hit in scan(text, known)]


@pytest.mark.parametrize(
    ("text", "kind", "planted"),
    [
        (
            "The child's NHS number 943 476 5919 was on the form.",
            HitKind.nhs_number,
            "943 476 5919",
        ),
        ("NHS no. 9434765919 recorded.", HitKind.nhs_number, "9434765919"),
        ("Mother's NI number is QQ 12 34 56 C? No: AB123456C.", HitKind.ni_number, "AB123456C"),
        ("They moved to ZE9 9ZZ last spring.", HitKind.postcode, "ZE9 9ZZ"),
        ("The family lived near ze8 8yy.", HitKind.postcode, "ze8 8yy"),
        ("Call 07700 900123 after six.", HitKind.phone, "07700 900123"),
        ("Or +44 20 7946 0018 at work.", HitKind.phone, "+44 20 7946 0018"),
        ("E-mail parent.one@example.org about it.", HitKind.email, "parent.one@example.org"),
        ("Born 03/04/2015, seen by the GP.", HitKind.full_date, "03/04/2015"),
        ("Seen on 2019-03-12 by the health visitor.", HitKind.full_date, "2019-03-12"),
        ("On 12th March 2019 the school called.", HitKind.full_date, "12th March 2019"),
        ("By Sept 3, 2018 nothing had changed.", HitKind.full_date, "Sept 3, 2018"),
    ],
)
def test_each_kind_of_identifier_is_found_where_it_is(
    text: str, kind: HitKind, planted: str
) -> None:
    hits = [h for h in scan(text) if h.kind == kind]
    assert [h.text for h in hits] == [planted]
    assert text[hits[0].start : hits[0].end] == planted


def test_known_identifiers_match_whole_words_in_any_case_with_possessives() -> None:
    known = ("Kayden", "Brookfield Primary", "Little K")
    text = (
        "kayden's teacher at BROOKFIELD PRIMARY called Little K 'Kay'; Kaydenville is a town;"
        " Kayden\u2019s bag."
    )
    assert _found(text, known) == [
        (HitKind.known_identifier, "kayden's"),
        (HitKind.known_identifier, "BROOKFIELD PRIMARY"),
        (HitKind.known_identifier, "Little K"),
        (HitKind.known_identifier, "Kayden\u2019s"),
    ]
    assert _found("Annual review with Ann.", ("Ann",)) == [(HitKind.known_identifier, "Ann")]


def test_look_alikes_are_not_reported() -> None:
    assert not nhs_number_is_valid("9434765918")  # the check digit is wrong
    assert _found("Reference 943 476 5918 is a case number.") == []
    assert _found("Prefix GB123456A is never issued; nor DA123456A.") == []
    assert _found("31/02/2019 is no date; version 1.2.3 is none either.") == []
    assert _found("Episode 12 of 2019 and 40 factors.") == []


def test_an_nhs_number_is_not_also_reported_as_a_phone_number() -> None:
    assert _found("Number 0123456780.") == [(HitKind.phone, "0123456780")]
    assert nhs_number_is_valid("4010232137")
    assert _found("NHS 401 023 2137") == [(HitKind.nhs_number, "401 023 2137")]


def test_hits_come_in_order_of_where_they_start() -> None:
    text = "Kayden, ZE9 9ZZ, 07700 900123, parent.one@example.org, 03/04/2015"
    hits = scan(text, ("Kayden",))
    assert [h.kind for h in hits] == [
        HitKind.known_identifier,
        HitKind.postcode,
        HitKind.phone,
        HitKind.email,
        HitKind.full_date,
    ]
    assert [h.start for h in hits] == sorted(h.start for h in hits)
