"""A password of twelve spaces, a run along the keyboard or a common word in disguise is
refused with a sentence that says why; a phrase of unrelated words is accepted."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from scr.account import passwords
from scr.account import service as account_service
from scr.demo.accounts import DEMO_PASSWORD
from scr.errors import InvalidInput
from scr.vocabulary import Role


@pytest.mark.parametrize(
    ("password", "why"),
    [
        ("short", "at least 12"),
        (" " * 12, "repeats"),
        ("a" * 20, "repeats"),
        ("abababababab", "repeats"),
        ("LetMeIn!LetMeIn!", "repeats"),
        ("123456789012", "run of keys"),
        ("qwertyuiopas", "run of keys"),
        ("zyxwvutsrqponm", "run of keys"),
        ("Password1234", "common words"),
        ("P4ssw0rd2024!", "common words"),
        ("!!iloveyou12345", "common words"),
        ("summer2024winter", "common words"),
        ("monkeydragon99", "common words"),
        ("jane.smith.1990", "e-mail address"),
    ],
)
def test_weak_passwords_are_refused_with_the_reason(password: str, why: str) -> None:
    weakness = passwords.weakness(password, email="jane.smith@example.org")
    assert weakness is not None
    assert why in weakness


@pytest.mark.parametrize(
    "password",
    [
        "correct horse battery staple",
        "a long enough password",
        "Zx9#mLq2vT!w",
        "ihatetuesdays",
        DEMO_PASSWORD,
    ],
)
def test_passwords_that_are_hard_enough_to_guess_are_accepted(password: str) -> None:
    assert passwords.weakness(password, email="jane.smith@example.org") is None


def test_the_bundled_list_is_there_and_lower_case() -> None:
    words = passwords.common_words()
    assert {"password", "qwerty", "letmein", "football", "safeguarding"} <= words
    assert all(w == w.lower() and w.isalpha() for w in words)


def test_an_account_is_not_opened_with_a_weak_password(session: Session) -> None:
    with pytest.raises(InvalidInput, match="repeats") as refused:
        account_service.create(
            session=session, email="q@example.org", role=Role.admin, password=" " * 12
        )
    assert refused.value.field == ("body", "password")
    with pytest.raises(InvalidInput, match="common words"):
        account_service.create(
            session=session, email="q@example.org", role=Role.admin, password="Welcome2026!!"
        )
