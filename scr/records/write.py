"""Bulk inserts of a review's records through SQLAlchemy Core.

An insert here skips the ORM (no object, no identity map, no flush per row), so a row gets
the defaults its model declares filled in here, as building the model would have.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, SQLModel

from scr.common.columns import utcnow


def stamp(actor: str | None) -> dict[str, Any]:
    """The bookkeeping columns of a new row, written now by ``actor``."""
    now = utcnow()
    return {"version": 1, "created_at": now, "updated_at": now, "updated_by": actor}


def table(model: Any) -> sa.Table:
    """The table of ``model`` (a SQLModel table class), for Core statements."""
    return SQLModel.metadata.tables[str(model.__tablename__)]


@cache
def _defaults(model: type[SQLModel]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The model's fixed defaults and default factories, for the columns its table has."""
    columns = table(model).c
    fixed: dict[str, Any] = {}
    factories: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name == "id" or name not in columns:
            continue
        if info.default_factory is not None:
            factories[name] = info.default_factory
        elif not info.is_required():
            fixed[name] = info.default
    return fixed, factories


def insert(
    session: Session, model: type[SQLModel], rows: list[dict[str, Any]], *, ids: bool = False
) -> list[int]:
    """Insert ``rows`` in one statement, each completed with the model's defaults; with
    ``ids``, their new ids in the rows' order."""
    if not rows:
        return []
    fixed, factories = _defaults(model)
    full = []
    for row in rows:
        whole = fixed | {k: f() for k, f in factories.items() if k not in row} | row
        full.append(whole)
    into = table(model)
    if not ids:
        session.execute(sa.insert(into), full)
        return []
    if session.get_bind().dialect.name == "sqlite" and "id" not in full[0]:
        # SQLite cannot return the ids of a many-row insert in the rows' order, so SQLAlchemy
        # would send one statement a row. The first row goes alone; from then on this
        # transaction holds SQLite's one write lock, and no id above the first row's is
        # taken (a new rowid is the largest plus one), so the others are given the next ids.
        first = session.execute(sa.insert(into).returning(into.c.id), full[:1]).scalar_one()
        rest = [row | {"id": first + n} for n, row in enumerate(full[1:], start=1)]
        if rest:
            session.execute(sa.insert(into), rest)
        return [first + n for n in range(len(full))]
    stmt = sa.insert(into).returning(into.c.id, sort_by_parameter_order=True)
    return list(session.execute(stmt, full).scalars())
