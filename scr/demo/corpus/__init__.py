"""A fictional national corpus of reviews for demonstrations and pattern queries.

``add_corpus`` adds reviews with the shape of the national analyses of reviews: partnerships in
all nine regions of England, serious case reviews before 2019 and practice reviews (and some
rapid reviews) from 2019, most children under one, 5 to 20 key practice episodes, 10 to 40
contributory factors, 2 to 6 findings with questions for the Board, and agreed tags against
typology 1.0: a few very common codes and a long tail, codes that go together (the "toxic
trio"; over-optimism and a lack of professional curiosity), and chains of a factor influencing
a factor that contributed to an episode, recurring across reviews. Reviews still in progress
are coded under 1.1 instead: their drawn codes carried through the mapping, with the codes 1.1
added for harm outside the home and online harm. Every child has one
child-protection-plan category, drawn with the frequencies of Brandon et al. (2013).

Decisions:

- Review ``n`` of seed ``S`` has the reference ``CORPUS-S-n`` and is drawn from a random
  generator of its own, seeded from ``S`` and ``n``, so its content depends on nothing else. A
  run skips the references that are there already: running it twice duplicates nothing, a
  larger ``N`` adds only the reviews still missing, and an interrupted run is finished by the
  next one.
- The partnerships are a fixed list of invented places (codes ``CORPUS-NE-1`` ...), the same
  for every seed, created when missing. The first nine reviews go one to each region.
- Reviews are written with bulk inserts, committed every ``BATCH`` reviews. The only values
  that differ between two runs are the ``created_at`` and ``updated_at`` stamps.
- A plan's factor ``typology_codes``, finding ``category`` and review ``context_codes`` say
  the same as the record's agreed tags, which is how they are written: the codes a record's
  form shows are its tags (``scr.tag.form``).
- There is no chronology (episodes cite no entries) and no audit entry: like ``scr review
  import``, the command is run by an operator, not by a signed-in user.
"""

from scr.demo.corpus.codes import corpus_typology
from scr.demo.corpus.plan import Plan
from scr.demo.corpus.review import plan_review
from scr.demo.corpus.write import BATCH, CorpusAdded, add_corpus

__all__ = ["BATCH", "CorpusAdded", "Plan", "add_corpus", "corpus_typology", "plan_review"]
