"""The typology's shape: frozen models, so a loaded version cannot be changed in memory."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Axis = Literal["systemic_pattern", "factor_level", "case_context", "practice_theme"]
Target = Literal["review", "episode", "factor", "finding"]
ChangeKind = Literal["rename", "merge", "split", "deprecate", "move", "redefine"]

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
    applies_to: tuple[Target, ...] = Field(min_length=1)
    deprecated: bool = False


class TypologyVersion(Frozen):
    """A version of the typology; once published it is never edited."""

    version: str = Field(pattern=VERSION)
    title: str
    published: date
    status: Literal["published", "draft"]
    codes: tuple[Code, ...]


class MappingEntry(Frozen):
    """What became of one old code: ``to`` lists the new code(s); a split lists several."""

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
