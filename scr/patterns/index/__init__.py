"""The pattern index: for each review, what the pattern answers count, held in memory as
numpy arrays and counted there (``counting``), so that an answer at national scale takes
milliseconds rather than the seconds the same aggregates take in SQL.

- ``load``: reads the reviews' attributes, their agreed tags (mapped to each typology version
  and rolled up, in Python, from the typology files) and their causal chains from the
  database, for every review or for the few that changed;
- ``snapshot``: one immutable state of the index, and how a newer one is made from it;
- ``store``: the process's current snapshot, brought up to date before each answer.

The database stays the source of truth: the index is rebuilt from it whenever a process
starts, and before every answer each process checks a fingerprint of the reviews (their
count, ids, revisions and last revision time, and the boards'), so an answer reflects every
change committed before the request, whichever process made it.
"""
