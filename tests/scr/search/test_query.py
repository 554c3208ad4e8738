from __future__ import annotations

from scr.search.query import MAX_PHRASES, fts5, lone_words, phrases


def test_quoted_words_are_one_phrase_and_the_others_one_each() -> None:
    assert phrases('missed "strategy  discussion" visits') == [
        "strategy discussion",
        "missed",
        "visits",
    ]


def test_an_unbalanced_quote_and_the_engines_operators_are_plain_text() -> None:
    assert phrases('"open quote') == ["open", "quote"]
    assert phrases("NEAR(a b) * ^c -") == ["NEAR(a", "b)", "^c"]
    assert phrases('* "" - _') == []


def test_control_characters_separate_words_and_repeats_count_once() -> None:
    assert phrases("home\x00visit home") == ["home", "visit"]
    assert len(phrases(" ".join(f"w{n}" for n in range(40)))) == MAX_PHRASES


def test_each_phrase_is_an_fts5_string() -> None:
    assert fts5(["a b", 'say "no"']) == '"a b" "say ""no"""'


def test_only_a_single_word_typed_without_quotes_is_a_lone_word() -> None:
    text = 'board "board" "safe sleep" co-worker assessment 2021 "visit" visit'
    # (a word also asked in quotes is asked as a phrase; "co-worker" is two words to the engines)
    assert lone_words(text) == ["assessment", "2021"]
