"""What the typology endpoints answer."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from typology.schema import Axis, Target


class TypologySummary(BaseModel):
    version: str
    title: str
    published: date
    status: str
    codes: int
    current: bool


class CodeRead(BaseModel):
    id: str
    label: str
    definition: str
    includes: list[str]
    excludes: list[str]
    parent: str | None
    axis: Axis
    applies_to: list[Target]
    deprecated: bool


class CodeDetail(CodeRead):
    version: str
    ancestors: list[str]
    children: list[str]


class CodeNode(CodeRead):
    children: list[CodeNode]


class TypologyTree(BaseModel):
    version: str
    title: str
    published: date
    status: str
    codes: list[CodeNode]


class CodeRef(BaseModel):
    id: str
    label: str


class CodeChange(BaseModel):
    """What became of one code from the previous version, or a code the version added."""

    kind: Literal[
        "added", "retired", "merged", "split", "deprecated", "renamed", "redefined", "relabelled"
    ]
    from_code: str | None = Field(description="The code in the previous version; null if added.")
    from_label: str | None
    to: list[CodeRef] = Field(
        description="What replaces it in this version (the code itself when it was added or "
        "relabelled); empty for a retired code, and for a code deprecated or redefined in place."
    )
    note: str


class TypologyChanges(BaseModel):
    """What changed from the version before this one, read from the mapping between them."""

    from_version: str | None = Field(description="The version before; null for the first.")
    to_version: str
    changes: list[CodeChange]
