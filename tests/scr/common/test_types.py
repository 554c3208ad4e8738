"""Text both engines can store: ``storable`` refuses exactly NUL, the C0 controls but tab and
newline, lone surrogates and the two non-characters, whatever else the text holds."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scr.common.types import storable

REFUSED = frozenset(
    {chr(c) for c in range(0x00, 0x20) if chr(c) not in "\t\n"}
    | {chr(c) for c in range(0xD800, 0xE000)}
    | {"\ufffe", "\uffff"}
)


def _refused(text: str) -> bool:
    return any(c in REFUSED for c in text)


ANY_CHARACTER = st.one_of(
    st.sampled_from(sorted(REFUSED)), st.characters(codec=None, exclude_categories=())
)


@given(st.text(alphabet=ANY_CHARACTER, max_size=60))
def test_text_is_refused_exactly_when_it_holds_a_character_no_engine_stores(text: str) -> None:
    if _refused(text):
        with pytest.raises(ValueError, match=r"must not contain|not valid text"):
            storable(text)
    else:
        assert storable(text) == text


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("a\x00b", "must not contain the NUL character"),
        ("a\ud800b", "contains characters that are not valid text"),
        ("tab\tok\x07", r"control characters \(U\+0007 at position 7\)"),
        ("\ufffe", r"control characters \(U\+FFFE at position 1\)"),
    ],
)
def test_a_refusal_says_which_character_and_where(text: str, said: str) -> None:
    with pytest.raises(ValueError, match=said):
        storable(text)
