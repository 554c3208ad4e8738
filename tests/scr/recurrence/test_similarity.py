from __future__ import annotations

from scr.recurrence import similarity


def test_words_drop_common_words_and_meet_at_their_stem() -> None:
    assert similarity.words("The referrals were not shared") == [
        ("referral", "referrals"),
        ("shar", "shared"),
    ]
    assert similarity.stem("sharing") == similarity.stem("shared") == "shar"
    assert similarity.stem("assessments") == similarity.stem("assessment") == "assess"
    assert similarity.stem("cases") == "case"  # four letters stay


def test_bm25_ranks_the_document_holding_the_rarer_words_first() -> None:
    query = similarity.terms("Referrals from schools were not acknowledged")
    documents = {
        1: similarity.terms("Schools sent referrals that nobody acknowledged"),
        2: similarity.terms("Schools were inspected"),
        3: similarity.terms("Supervision was infrequent"),
        4: similarity.terms("Schools closed for summer"),
    }
    matches = similarity.bm25(query, documents)
    assert set(matches) == {1, 2, 4}  # 3 shares no word, so it is left out
    assert matches[1].score > matches[2].score
    assert set(matches[1].shared) == {"referral", "school", "acknowledg"}
    # "schools" is held by three of the four, so it weighs least of the three words
    assert similarity.strongest(matches[1], {"referral": "referrals"}, most=2)[0] in {
        "referrals",
        "acknowledg",
    }
    assert similarity.strongest(matches[1], {}, most=3)[-1] == "school"


def test_nothing_matches_an_empty_query_or_corpus() -> None:
    assert similarity.bm25(similarity.terms("the and of"), {1: similarity.terms("x")}) == {}
    assert similarity.bm25(similarity.terms("schools"), {}) == {}
