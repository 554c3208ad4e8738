"""What the report keeps: a published review's report as it was made at publication."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from scr.common.columns import UtcDateTime, enum_column, utcnow
from scr.vocabulary import ReportFormat


class PublishedReport(SQLModel, table=True):
    """A published review's report in one format, the bytes made at publication: what is
    handed out while that revision stands, so the report the Board published is the same
    file ever after (a newer WeasyPrint or python-docx, or a changed typology label, does
    not change it). Reopening the review drops it; publishing again makes it anew."""

    __tablename__ = "published_report"

    review_id: int = Field(foreign_key="review.id", primary_key=True)
    format: ReportFormat = Field(sa_column=enum_column(ReportFormat, primary_key=True))
    revision: int
    body: bytes = Field(sa_type=sa.LargeBinary)
    made_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime, nullable=False)
