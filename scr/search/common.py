"""Which words of a search are common: held by more than ``COMMON`` of the indexed records, and
by ``FEWEST`` of them at least.

Such a word narrows the match little and costs much (each engine reads every record holding
it to rank them), so when rarer phrases are asked with it, it is left out of the match
(``scr.search.service``) though still marked in the snippets. The engines tell how common a
word is from what they keep already: PostgreSQL from the statistics ``ANALYZE`` keeps of the
documents' ``tsvector`` (``pg_stats.most_common_elems``: the lexemes most documents hold and
the share of documents holding each), SQLite by counting, in FTS5's index, the records holding
the word, up to the number that makes it common and no further.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session

from scr.search.query import fts5, in_text

COMMON = 0.05
"""A word held by more than this share of the indexed records is common..."""

FEWEST = 1_000
"""... when it is held by this many records at least: fewer cost little to rank, and a small
installation's every word is held by a good share of its few records."""

CONFIG = "english"
"""PostgreSQL's text search configuration of the documents' tsvector."""

_LEXEMES = sa.text(
    """
    SELECT DISTINCT w.word
    FROM unnest(CAST(:words AS text[])) AS w(word),
         pg_stats AS s,
         unnest(CAST(CAST(s.most_common_elems AS text) AS text[]), s.most_common_elem_freqs)
             AS m(lexeme, share)
    WHERE s.schemaname = current_schema()
      AND s.tablename = 'search_document'
      AND s.attname = 'tsv'
      AND m.share > :common
      AND m.share * (SELECT c.reltuples FROM pg_class AS c
                     WHERE c.oid = CAST('search_document' AS regclass)) >= :fewest
      AND m.lexeme = ANY(tsvector_to_array(to_tsvector(CAST(:config AS regconfig), w.word)))
    """
)


def common_words(session: Session, words: list[str]) -> set[str]:
    """The words of ``words`` that are common (as the engine's statistics tell it on
    PostgreSQL: none before the documents were first analysed)."""
    if not words:
        return set()
    if session.get_bind().dialect.name != "sqlite":
        asked = {"words": words, "common": COMMON, "fewest": FEWEST, "config": CONFIG}
        found = session.execute(_LEXEMES, asked)
        return {str(w) for w in found.scalars()}
    # The highest id stands for the number of records (a count would read them all): a few
    # deleted ones only make a word a little harder to call common.
    highest = session.execute(sa.text("SELECT max(id) FROM search_document")).scalar()
    enough = max(int((highest or 0) * COMMON) + 1, FEWEST)
    counts = ", ".join(
        f"(SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH :w{n} "
        "LIMIT :enough))"
        for n in range(len(words))
    )
    params: dict[str, object] = {f"w{n}": in_text(fts5([w])) for n, w in enumerate(words)}
    held = session.execute(sa.text(f"SELECT {counts}"), {**params, "enough": enough}).one()
    return {word for word, count in zip(words, held, strict=True) if count >= enough}
