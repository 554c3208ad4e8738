"""Column types and mixins every table shares."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Set before any table is declared (every table module imports this one), so constraints get
# stable names that later migrations can refer to on both engines.
metadata: sa.MetaData = SQLModel.metadata
metadata.naming_convention = NAMING_CONVENTION


def utcnow() -> datetime:
    """Now, in UTC, timezone-aware."""
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and read back timezone-aware on both engines."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


def enum_type(enum_cls: type[Enum]) -> sa.Enum:
    """The column type of an enumeration's string values (no database enum type to migrate).

    As ``Field(sa_type=enum_type(X))`` in a Fields class, whose annotation says whether the
    column is nullable; ``enum_column`` where a table needs a whole column."""
    return sa.Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=60,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


def enum_column(enum_cls: type[Enum], *, nullable: bool = False, primary_key: bool = False) -> Any:
    """A column holding an enumeration's string values (no database enum type to migrate)."""
    return sa.Column(enum_type(enum_cls), nullable=nullable, primary_key=primary_key)


def narrative(description: str) -> Any:
    """A Fields class's optional narrative: ``LongText | None = narrative("What went well.")``.

    A TEXT column, null until written, and the description every schema of it shows."""
    return Field(default=None, sa_type=sa.Text, description=description)


class Tracked(SQLModel):
    """Who changed a record and when, and the version that guards against lost updates."""

    version: int = Field(default=1, nullable=False)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime, nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime, nullable=False)
    updated_by: str | None = Field(default=None, max_length=200)
