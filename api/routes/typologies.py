"""The national typology: its versions, their trees, and code look-up."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

from api.deps import PagingDep
from api.routing import APIRouter
from scr.coding import catalogue
from scr.coding.schemas import (
    CodeDetail,
    CodeRead,
    TypologyChanges,
    TypologySummary,
    TypologyTree,
)
from scr.common.schemas import Page

router = APIRouter(prefix="/typologies", tags=["typologies"])

VersionPath = Annotated[str, Path(pattern=r"^[0-9]+\.[0-9]+$", examples=["1.0"])]
CodePath = Annotated[str, Path(max_length=100, examples=["sp.reasoning.over-optimism"])]


@router.get("", response_model=Page[TypologySummary])
def list_() -> Page[TypologySummary]:
    """The versions of the typology, newest first; one of them is current."""
    found = catalogue.summaries()
    return Page[TypologySummary](items=found, total=len(found))


@router.get("/{version}", response_model=TypologyTree)
def read(version: VersionPath) -> TypologyTree:
    """A version's codes as a tree."""
    return catalogue.tree(version)


@router.get("/{version}/changes", response_model=TypologyChanges)
def changes(version: VersionPath) -> TypologyChanges:
    """What changed from the previous version: codes added, retired, merged, split,
    deprecated, renamed or moved, redefined and relabelled, with the mapping's notes."""
    return catalogue.changes(version)


@router.get("/{version}/codes", response_model=Page[CodeRead])
def search(
    version: VersionPath,
    paging: PagingDep,
    q: Annotated[str, Query(min_length=1, max_length=100, description="Text to look for.")],
) -> Page[CodeRead]:
    """Codes whose id, label, definition or includes mention the text."""
    found = catalogue.search(version, q)
    return Page[CodeRead](
        items=found[paging.offset : paging.offset + paging.limit], total=len(found)
    )


@router.get("/{version}/codes/{code}", response_model=CodeDetail)
def code(version: VersionPath, code: CodePath) -> CodeDetail:
    """One code, with its ancestors and children."""
    return catalogue.code(version, code)
