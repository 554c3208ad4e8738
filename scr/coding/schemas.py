"""What the typology endpoints answer."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

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
