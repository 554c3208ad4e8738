"""A table only ever written to and emptied again, to learn that writing still works."""

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


class WriteProbe(SQLModel, table=True):
    __tablename__ = "write_probe"

    id: int | None = Field(default=None, primary_key=True)
    body: str = Field(sa_type=sa.Text)
