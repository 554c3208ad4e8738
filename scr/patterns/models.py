"""Where each code of each typology version counts in a later version, as a table SQL can join.

A tag made under version ``from_version`` with ``from_code`` counts, in ``to_version``, under
``to_code`` (``depth`` 0: the code it maps to) and under each of that code's ancestors
(``depth`` 1, 2, ...: the roll-up). A split the tag's coder has not resolved counts under the
nearest code all its successors share, never under a guessed one. The rows are derived from
the typology files alone; ``fingerprint`` says which files they came from, so they are rebuilt
if a version's files ever differ.
"""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from scr.common import columns  # noqa: F401  (the naming convention, before any table)


class CodeRollup(SQLModel, table=True):
    __tablename__ = "code_rollup"

    to_version: str = Field(max_length=20, primary_key=True)
    from_version: str = Field(max_length=20, primary_key=True)
    from_code: str = Field(max_length=100, primary_key=True)
    to_code: str = Field(max_length=100, primary_key=True)
    depth: int


class CodeRollupSource(SQLModel, table=True):
    __tablename__ = "code_rollup_source"

    to_version: str = Field(max_length=20, primary_key=True)
    fingerprint: str = Field(max_length=64)
