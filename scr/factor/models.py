"""Contributory factors: what in the system made the practice in an episode more likely."""

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from scr.common.columns import Tracked, enum_type, narrative
from scr.common.types import LongText, Paragraph
from scr.records import kinds
from scr.vocabulary import FactorLevel


class FactorFields(SQLModel):
    """A contributory factor's fields a client writes: the table and its schemas share them."""

    description: Paragraph = Field(
        sa_type=sa.String(1000),
        description="What in the system made the practice in an episode more likely, in a "
        "paragraph.",
    )
    level: FactorLevel = Field(
        sa_type=enum_type(FactorLevel),
        description="The level of the system it belongs to: the family, the worker's own role, "
        "working conditions, the team, the inter-agency team, the organisation, the wider "
        "context...",
    )
    detail: LongText | None = narrative("More about the factor and how it worked.")


class ContributoryFactor(FactorFields, Tracked, table=True):
    __tablename__ = "contributory_factor"

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    # Its typology codes are tags (scr/tag/form.py), not a column.


kinds.register("factor", ContributoryFactor)
