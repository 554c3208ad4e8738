"""Contributory factors: what in the system made the practice in an episode more likely."""

import sqlalchemy as sa
from sqlmodel import Field

from scr.common.columns import Tracked, enum_column
from scr.records import kinds
from scr.vocabulary import FactorLevel


class ContributoryFactor(Tracked, table=True):
    __tablename__ = "contributory_factor"

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    description: str = Field(max_length=1000)
    level: FactorLevel = Field(sa_column=enum_column(FactorLevel))
    detail: str | None = Field(default=None, sa_type=sa.Text)
    # Its typology codes are tags (scr/tag/form.py), not a column.


kinds.register("factor", ContributoryFactor)
