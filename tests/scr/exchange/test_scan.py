"""Identifier scanning: each kind planted in free text is found where it is, however it is
written, and look-alikes that are not identifiers are left alone. Every person, number and
place here is invented."""

from __future__ import annotations

import pytest

from scr.exchange.scan import HitKind, Known, nhs_number_is_valid, scan

NAME: Known = ("Kayleigh Marlowe", "name")


def _found(text: str, known: tuple[Known, ...] = ()) -> list[tuple[HitKind, str]]:
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
        ("NHS 983 6900 608 on the letter.", HitKind.nhs_number, "983 6900 608"),
        ("NHS 943-476-5919.", HitKind.nhs_number, "943-476-5919"),
        ("NHS 94347 65919, then", HitKind.nhs_number, "94347 65919"),
        ("NHS 943.476.5919 again", HitKind.nhs_number, "943.476.5919"),
        ("Mother's NI number is AB123456C.", HitKind.ni_number, "AB123456C"),
        ("NI AB 12 34 56 C on file", HitKind.ni_number, "AB 12 34 56 C"),
        ("the specimen QQ 12 34 56 C", HitKind.ni_number, "QQ 12 34 56 C"),
        ("written qq123456c in the notes", HitKind.ni_number, "qq123456c"),
        ("NI JG 10 38 47 without its letter", HitKind.ni_number, "JG 10 38 47"),
        ("They moved to ZE9 9ZZ last spring.", HitKind.postcode, "ZE9 9ZZ"),
        ("The family lived near ze8 8yy.", HitKind.postcode, "ze8 8yy"),
        ("The family lived near NE14XF.", HitKind.postcode, "NE14XF"),
        ("The family lived near ne1 4xf.", HitKind.postcode, "ne1 4xf"),
        ("Call 07700 900123 after six.", HitKind.phone, "07700 900123"),
        ("Call 07700900123 after six.", HitKind.phone, "07700900123"),
        ("Or +44 20 7946 0018 at work.", HitKind.phone, "+44 20 7946 0018"),
        ("Or +44 (0)20 7946 0018 at work.", HitKind.phone, "+44 (0)20 7946 0018"),
        ("Or +447700900123 at work.", HitKind.phone, "+447700900123"),
        ("Or 0044 20 7946 0018 at work.", HitKind.phone, "0044 20 7946 0018"),
        ("Or (0191) 498 0123 at work.", HitKind.phone, "(0191) 498 0123"),
        ("Or 0191-498-0123 at work.", HitKind.phone, "0191-498-0123"),
        ("E-mail parent.one@example.org about it.", HitKind.email, "parent.one@example.org"),
        ("Born 03/04/2015, seen by the GP.", HitKind.full_date, "03/04/2015"),
        ("Born 03.07.19, seen by the GP.", HitKind.full_date, "03.07.19"),
        ("Born 3/7/19, seen by the GP.", HitKind.full_date, "3/7/19"),
        ("Born 3-7-2019, seen by the GP.", HitKind.full_date, "3-7-2019"),
        ("Born 07/23/2019 (as the US form has it).", HitKind.full_date, "07/23/2019"),
        ("Seen on 2019-03-12 by the health visitor.", HitKind.full_date, "2019-03-12"),
        ("On 12th March 2019 the school called.", HitKind.full_date, "12th March 2019"),
        ("On the 3rd of March, 2019 the school called.", HitKind.full_date, "3rd of March, 2019"),
        ("On 3 Mar 19 the school called.", HitKind.full_date, "3 Mar 19"),
        ("On 3-Mar-2019 the school called.", HitKind.full_date, "3-Mar-2019"),
        ("By Sept 3, 2018 nothing had changed.", HitKind.full_date, "Sept 3, 2018"),
        ("By March 3rd '19 nothing had changed.", HitKind.full_date, "March 3rd '19"),
    ],
)
def test_each_kind_of_identifier_is_found_where_it_is(
    text: str, kind: HitKind, planted: str
) -> None:
    hits = [h for h in scan(text) if h.kind == kind]
    assert [h.text for h in hits] == [planted]
    assert text[hits[0].start : hits[0].end] == planted


# The ways a known name was written to slip past the scan (issue 18), each between or inside
# the words of "Kayleigh Marlowe".
WAYS = {
    "non-breaking space": "Kayleigh\u00a0Marlowe",
    "newline": "Kayleigh\nMarlowe",
    "tab": "Kayleigh\tMarlowe",
    "two spaces": "Kayleigh  Marlowe",
    "hyphen": "Kayleigh-Marlowe",
    "en dash": "Kayleigh \u2013 Marlowe",
    "zero-width space": "Kayleigh\u200bMarlowe",
    "soft hyphen": "Kayleigh\u00adMarlowe",
    "soft hyphen inside a word": "Kay\u00adleigh Mar\u00adlowe",
    "zero-width space inside a word": "Kayl\u200beigh Marl\u200bowe",
    "Cyrillic look-alikes": "K\u0430yl\u0435igh M\u0430rl\u043ew\u0435",
    "Greek look-alikes": "\u039aayleigh \u039carl\u03bfwe",
    "fullwidth letters": "\uff2b\uff41\uff59\uff4c\uff45\uff49\uff47\uff48 Marlowe",
    "accents": "Kayl\u00e9igh Marl\u00f6we",
}


@pytest.mark.parametrize("way", sorted(WAYS))
def test_a_known_name_is_found_however_it_is_written(way: str) -> None:
    written = WAYS[way]
    text = f"The social worker visited {written}'s home twice."
    hits = scan(text, (NAME,))
    assert [h.kind for h in hits] == [HitKind.known_identifier], way
    # The hit points at the name as written in the stored text, not at a normalised copy.
    assert hits[0].text == text[hits[0].start : hits[0].end]
    assert hits[0].text.startswith(written)


@pytest.mark.parametrize(
    "way", ["Cyrillic look-alikes", "fullwidth letters", "soft hyphen inside a word"]
)
def test_a_known_identifier_written_oddly_is_found_in_plain_text(way: str) -> None:
    assert _found("Kayleigh Marlowe was seen.", ((WAYS[way], "name"),)) == [
        (HitKind.known_identifier, "Kayleigh Marlowe")
    ]


@pytest.mark.parametrize(
    ("kind", "planted"),
    [
        (HitKind.nhs_number, "943\u00a0476\u00a05919"),
        (HitKind.postcode, "NE1\u00a04XF"),
        (HitKind.phone, "07700\u00a0900123"),
        (HitKind.full_date, "3\u00a0March\u00a02019"),
        (HitKind.ni_number, "AB\u00a012\u00a034\u00a056\u00a0C"),
        (HitKind.nhs_number, "\uff19\uff14\uff13\uff14\uff17\uff16\uff15\uff19\uff11\uff19"),
        (HitKind.postcode, "NE1\u200b4XF"),
        (HitKind.phone, "07700\u2011900123"),
    ],
)
def test_numbers_postcodes_and_dates_written_with_odd_spaces_are_found(
    kind: HitKind, planted: str
) -> None:
    text = f"Recorded as {planted} in the notes."
    hits = scan(text)
    assert [(h.kind, h.text) for h in hits] == [(kind, planted)]


def test_each_hit_shows_the_words_around_it() -> None:
    text = (
        "At the strategy meeting the health visitor said that Kayleigh\u00a0Marlowe had not\n"
        "been seen at nursery for three weeks, and nobody asked why."
    )
    (hit,) = scan(text, (NAME,))
    assert hit.context == (
        "…meeting the health visitor said that Kayleigh Marlowe had not been seen at nursery…"
    )
    (whole,) = scan("Kayleigh Marlowe", (NAME,))
    assert whole.context == "Kayleigh Marlowe"


def test_a_name_is_found_by_each_part_that_identifies_on_its_own() -> None:
    text = "Mrs Marlowe and kayleigh arrived; the Marlowes' car; Marlowe's sister."
    assert _found(text, (NAME,)) == [
        (HitKind.known_identifier, "Marlowe"),
        (HitKind.known_identifier, "kayleigh"),
        (HitKind.known_identifier, "Marlowes'"),
        (HitKind.known_identifier, "Marlowe's"),
    ]
    # The whole name is one hit, not a hit for each part as well.
    assert _found("Kayleigh Marlowe left.", (NAME,)) == [
        (HitKind.known_identifier, "Kayleigh Marlowe")
    ]


def test_words_of_everyday_prose_are_never_looked_for_alone() -> None:
    known: tuple[Known, ...] = (("May Brown", "name"), ("Mr Will Grace", "nickname"))
    prose = "The family may move; Will said grace; brown paper; Mr Jones."
    assert _found(prose, known) == []
    assert _found("May Brown was there, and Mr Will Grace.", known) == [
        (HitKind.known_identifier, "May Brown"),
        (HitKind.known_identifier, "Mr Will Grace"),
    ]


def test_a_place_is_found_by_its_distinctive_part() -> None:
    known: tuple[Known, ...] = (
        ("Oakfield Primary School", "school"),
        ("St Anne's CE Primary", "school"),
        ("14 Acacia Avenue", "place"),
        ("Green Lane", "place"),
    )
    text = (
        "Oakfield said so; staff at St Anne\u2019s agreed; the flat on Acacia Avenue was cold;"
        " a green lane; the green."
    )
    assert _found(text, known) == [
        (HitKind.known_identifier, "Oakfield"),
        (HitKind.known_identifier, "St Anne\u2019s"),
        (HitKind.known_identifier, "Acacia"),
        (HitKind.known_identifier, "green lane"),
    ]


def test_other_identifiers_and_dates_are_matched_whole() -> None:
    known: tuple[Known, ...] = (("Little K", "other"), ("Brookfield Primary", "other"))
    assert _found("Little K at Brookfield; a little kite.", known) == [
        (HitKind.known_identifier, "Little K")
    ]


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
    assert _found("Seen at 12 34 56 and in 10 11 12, as is 10 of 12 14 16.") == []
    assert _found("31/02/2019 is no date; version 1.2.3 is none either; nor is 1.2.19.4.") == []
    assert _found("Episode 12 of 2019 and 40 factors; in March 2019; on 3 March.") == []
    assert _found("Between 2019 and 2020 the team met 12 times; 07700 is short.") == []


def test_an_nhs_number_is_not_also_reported_as_a_phone_number() -> None:
    assert _found("Number 0123456780.") == [(HitKind.phone, "0123456780")]
    assert nhs_number_is_valid("4010232137")
    assert _found("NHS 401 023 2137") == [(HitKind.nhs_number, "401 023 2137")]
    # Ten digits after +44 are a phone number, even when they would pass the NHS check.
    assert nhs_number_is_valid("7376393382")
    assert _found("Call +44 7376 393382.") == [(HitKind.phone, "+44 7376 393382")]


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
