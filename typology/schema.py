"""The typology's shape: frozen models, so a loaded version cannot be changed in memory.

Code ids are dotted, lower case and start with their axis's prefix (``sp.``, ``fl.``,
``cc.``, ``pt.``); each further segment is a slug, and a child's id extends its parent's
(``sp.reasoning.over-optimism`` sits under ``sp.reasoning``). Ids never change meaning: a
code that changes is given a new id, or a mapping entry says what became of it.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Axis = Literal["systemic_pattern", "factor_level", "case_context", "practice_theme"]
Target = Literal["review", "episode", "factor", "finding"]
ChangeKind = Literal[
    "rename", "merge", "split", "deprecate", "retire", "move", "redefine", "unchanged"
]

AXIS_PREFIX: dict[str, str] = {
    "systemic_pattern": "sp",
    "factor_level": "fl",
    "case_context": "cc",
    "practice_theme": "pt",
}
CODE_ID = r"^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$"
VERSION = r"^[0-9]+\.[0-9]+$"


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Code(Frozen):
    """One code: what it means, what it covers, and which records it may tag."""

    id: str = Field(pattern=CODE_ID, description="Stable dotted id, e.g. 'pt.information-sharing'.")
    label: str = Field(min_length=1, max_length=120)
    definition: str = Field(min_length=10, description="A sentence a coder can apply.")
    includes: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    parent: str | None = None
    axis: Axis
    applies_to: tuple[Target, ...] = Field(description="The records it may tag: at least one.")
    deprecated: bool = False

    @field_validator("applies_to")
    @classmethod
    def _a_set(cls, value: tuple[Target, ...]) -> tuple[Target, ...]:
        # Checked here rather than by min_length, which pydantic also reports, misleadingly,
        # when an item is invalid.
        if not value:
            raise ValueError("names no record the code may tag")
        # A repeated target is always a slip in the file; refusing it, rather than tidying it
        # silently, keeps the published file and what coders see the same.
        repeated = sorted({t for t in value if value.count(t) > 1})
        if repeated:
            raise ValueError(f"lists {', '.join(repeated)} more than once")
        return value


class TypologyVersion(Frozen):
    """A version of the typology; once published it is never edited."""

    version: str = Field(pattern=VERSION)
    title: str
    published: date
    status: Literal["published", "draft"]
    codes: tuple[Code, ...]


class MappingEntry(Frozen):
    """What became of one old code.

    ``to`` lists the new code(s): exactly one for a rename, merge, move or redefinition; two
    or more for a split, which a person resolves code by code; none or the code itself for a
    deprecation; none for a retirement (the code leaves the version and its tags are dropped
    when a review's tags move); the code itself for ``unchanged``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    from_code: str = Field(alias="from")
    to: tuple[str, ...]
    kind: ChangeKind
    note: str = ""


class Mapping(Frozen):
    """How codes of ``from_version`` carry over to ``to_version``."""

    from_version: str = Field(pattern=VERSION)
    to_version: str = Field(pattern=VERSION)
    entries: tuple[MappingEntry, ...]
