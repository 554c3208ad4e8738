"""Schema pieces every domain shares: the list envelope and the tracked fields of a Read."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, field_validator

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list: ``items`` and the ``total`` matching the filters."""

    items: list[T]
    total: int


class ReadBase(BaseModel):
    """Fields every Read schema carries."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    version: int
    created_at: datetime
    updated_at: datetime
    updated_by: str | None


class WriteBase(BaseModel):
    """Create and Update schemas refuse fields they do not know, so typos are not lost."""

    model_config = ConfigDict(extra="forbid")


def _not_null(value: Any) -> Any:
    if value is None:
        raise ValueError("cannot be emptied: leave it out of the request to keep its value")
    return value


def reject_null(*fields: str) -> Any:
    """In an Update schema: these fields may be left out, but not set to null."""
    return field_validator(*fields, mode="before")(_not_null)
