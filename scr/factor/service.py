"""Contributory factors: the explanation of the episodes, at Learning Together's levels."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from scr.common import crud
from scr.common.lookup import id_of
from scr.factor.models import ContributoryFactor
from scr.factor.schemas import FactorCreate, FactorRead, FactorUpdate
from scr.node import service as node_service
from scr.records import names as record_names
from scr.review.models import Review
from scr.tag import form
from scr.vocabulary import FactorLevel, NodeKind, TagTarget


def list_(
    *, session: Session, review: Review, limit: int, offset: int, level: FactorLevel | None = None
) -> tuple[list[ContributoryFactor], int]:
    """List the review's factors, optionally of one level."""
    stmt = select(ContributoryFactor).where(ContributoryFactor.review_id == review.id)
    if level is not None:
        stmt = stmt.where(ContributoryFactor.level == level)
    return crud.page(session, stmt.order_by(col(ContributoryFactor.id)), limit=limit, offset=offset)


def read(
    *, session: Session, factors: Sequence[ContributoryFactor], coding: form.Coding
) -> list[FactorRead]:
    """The factors as ``coding`` reads them, each with its name ("Factor 4") and its codes."""
    ids = [id_of(f) for f in factors]
    numbers = record_names.factor_numbers(session, ids)
    codes = form.codes(session, coding, TagTarget.factor, ids)
    return [
        FactorRead.model_validate(
            f.model_dump()
            | {"name": record_names.factor(numbers[id_of(f)]), "typology_codes": codes[id_of(f)]}
        )
        for f in factors
    ]


def read_one(*, session: Session, factor: ContributoryFactor, coding: form.Coding) -> FactorRead:
    """One factor as ``coding`` reads it, with its name and codes."""
    return read(session=session, factors=[factor], coding=coding)[0]


FIELD = ("body", "typology_codes")


def create(
    *,
    session: Session,
    review: Review,
    data: FactorCreate,
    actor: str | None = None,
    coding: form.Coding | None = None,
) -> ContributoryFactor:
    """Add a contributory factor to the review; its typology codes are ``coding``'s tags (an
    operator's agreed ones by default)."""
    factor = ContributoryFactor(
        review_id=id_of(review), **data.model_dump(exclude={"typology_codes"})
    )
    crud.add(session, factor, actor=actor)
    if data.typology_codes:
        coding = coding or form.operator(actor)
        form.set_codes(
            session, review, coding, TagTarget.factor, id_of(factor), data.typology_codes, FIELD
        )
    return factor


def update(
    *,
    session: Session,
    review: Review,
    factor: ContributoryFactor,
    data: FactorUpdate,
    coding: form.Coding,
) -> ContributoryFactor:
    """Change a factor, refusing a stale version; sent typology codes become ``coding``'s."""
    changes = crud.changes(
        session,
        factor,
        data,
        lambda f: read_one(session=session, factor=f, coding=coding),
        exclude={"typology_codes"},
    )
    crud.apply_changes(factor, changes, actor=coding.coder)
    if data.typology_codes is not None:
        form.set_codes(
            session, review, coding, TagTarget.factor, id_of(factor), data.typology_codes, FIELD
        )
    session.flush()
    return factor


def delete(*, session: Session, factor: ContributoryFactor, cascade: bool) -> None:
    """Delete a factor; links to it block this unless ``cascade`` deletes them too."""
    label = f"{record_names.one(session, f'factor:{id_of(factor)}')} '{factor.description[:60]}'"
    node_service.delete(
        session=session, kind=NodeKind.factor, node=factor, label=label, cascade=cascade
    )
