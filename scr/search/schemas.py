"""What clients send to search and what they get back."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from scr.common.types import Id
from scr.vocabulary import SearchKind

MAX_QUERY = 200

SearchText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_QUERY)
]


class SearchFilters(BaseModel):
    """What to look for and where; every filter given must hold."""

    q: SearchText = Field(
        description='Words that must all be in the record; "words in quotes" as one phrase. '
        "Other signs are read as text: nothing has a special meaning."
    )
    kind: list[SearchKind] | None = Field(
        default=None, description="Only these kinds of record (repeat kind for more than one)."
    )
    review_id: Id | None = None
    board_id: Id | None = None


class SearchReview(BaseModel):
    id: int
    reference: str


class SnippetPart(BaseModel):
    """A piece of the snippet: the words that matched have ``match`` true."""

    text: str
    match: bool


class SearchHit(BaseModel):
    """A record that holds every phrase, with the words around the match."""

    kind: SearchKind
    review: SearchReview
    record_id: int
    name: str = Field(description='The method\'s name for the record: "KPE 3", "Finding 2".')
    title: str = Field(description="The record's title, or the start of its text.")
    finding_id: int | None = Field(
        description="The finding a question or action belongs to (to open it); else null."
    )
    snippet: list[SnippetPart]
    rank: float = Field(
        description="How well the record matches: higher is better, comparable only within "
        "one answer (each engine ranks its own way)."
    )
