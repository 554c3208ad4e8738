"""Causal links: typed edges between records of one review, checked against the method's rules."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx
from sqlalchemy import ColumnElement, or_
from sqlmodel import Session, col, select

from scr.common import crud
from scr.common.lookup import id_of
from scr.common.types import MAX_INT
from scr.errors import Conflict, InvalidInput
from scr.link.models import CausalLink
from scr.link.schemas import LinkCreate, LinkRead, LinkUpdate
from scr.records import kinds as record_kinds
from scr.records import names as record_names
from scr.review.models import Review
from scr.vocabulary import ALLOWED_ENDPOINTS, LinkKind, NodeKind


def list_(
    *, session: Session, review: Review, limit: int, offset: int, node: str | None = None
) -> tuple[list[CausalLink], int]:
    """List the review's links, optionally only those touching one record (``node``)."""
    stmt = select(CausalLink).where(CausalLink.review_id == review.id)
    if node is not None:
        kind, item_id = _split(node)
        stmt = stmt.where(_touching(kind, item_id))
    return crud.page(session, stmt.order_by(col(CausalLink.id)), limit=limit, offset=offset)


def _split(key: str) -> tuple[NodeKind, int]:
    kind, _, raw_id = key.partition(":")
    return NodeKind(kind), int(raw_id)


def _touching(kind: NodeKind, item_id: int) -> ColumnElement[bool]:
    return or_(
        (col(CausalLink.source_kind) == kind) & (col(CausalLink.source_id) == item_id),
        (col(CausalLink.target_kind) == kind) & (col(CausalLink.target_id) == item_id),
    )


def _ensure_in_review(session: Session, review: Review, key: str, field: str) -> None:
    kind, item_id = _split(key)
    record: Any = None
    if item_id <= MAX_INT:
        record = session.get(record_kinds.model(kind), item_id)
    if record is None or record.review_id != review.id:
        raise InvalidInput(
            f"{key} is not a record of this review: a link joins two records of the same review.",
            field=("body", field),
        )


def led_to_cycle(edges: Iterable[tuple[str, str]], source: str, target: str) -> list[str] | None:
    """The cycle a new ``led_to`` edge source -> target would close, or None. Pure: the
    link keeps ``led_to`` acyclic without the graph package, which sits above it."""
    graph = nx.DiGraph(edges)
    if target in graph and source in graph and nx.has_path(graph, target, source):
        path: list[str] = nx.shortest_path(graph, target, source)
        return [source, *path]
    return None


def _led_to_cycle(
    session: Session, review: Review, source: str, target: str, skip: int | None
) -> list[str] | None:
    stmt = select(CausalLink).where(
        CausalLink.review_id == review.id, CausalLink.kind == LinkKind.led_to
    )
    edges = [(x.source, x.target) for x in session.exec(stmt) if x.id != skip]
    return led_to_cycle(edges, source, target)


def _a(kind: NodeKind) -> str:
    return f"an {kind.value}" if kind.value[0] in "aeiou" else f"a {kind.value}"


def _validate(session: Session, review: Review, link: CausalLink) -> None:
    source_kind, target_kinds = ALLOWED_ENDPOINTS[link.kind]
    if link.source_kind != source_kind or link.target_kind not in target_kinds:
        allowed = "; ".join(
            f"{kind.value}: {src.value} -> {' or '.join(sorted(t.value for t in tgts))}"
            for kind, (src, tgts) in ALLOWED_ENDPOINTS.items()
        )
        raise InvalidInput(
            f"A {link.kind.value} link cannot go from {_a(link.source_kind)} to "
            f"{_a(link.target_kind)}. The kinds of link allowed are: {allowed}.",
            field=("body", "kind"),
        )
    if link.source == link.target:
        raise InvalidInput("A record cannot be linked to itself.", field=("body", "target"))
    _ensure_in_review(session, review, link.source, "source")
    _ensure_in_review(session, review, link.target, "target")
    if link.kind == LinkKind.led_to:
        cycle = _led_to_cycle(session, review, link.source, link.target, link.id)
        if cycle is not None:
            named = record_names.of(session, cycle)
            raise InvalidInput(
                "Episodes cannot lead to each other in a circle: this led_to link would close the "
                f"cycle {' → '.join(named[k] for k in cycle)}.",
                field=("body", "target"),
                cycle=cycle,
            )
    duplicate = session.exec(
        select(CausalLink).where(
            CausalLink.review_id == review.id,
            CausalLink.kind == link.kind,
            CausalLink.source_kind == link.source_kind,
            CausalLink.source_id == link.source_id,
            CausalLink.target_kind == link.target_kind,
            CausalLink.target_id == link.target_id,
        )
    ).first()
    if duplicate is not None and duplicate.id != link.id:
        named = record_names.of(session, [link.source, link.target])
        raise Conflict(
            f"{named[link.source]} is already linked to {named[link.target]} "
            f"({link.kind.value.replace('_', ' ')})."
        )


def _set_endpoints(link: CausalLink, source: str, target: str) -> None:
    link.source_kind, link.source_id = _split(source)
    link.target_kind, link.target_id = _split(target)


def create(
    *, session: Session, review: Review, data: LinkCreate, actor: str | None = None
) -> CausalLink:
    """Link two records of the review, if the method allows that kind of link between them."""
    source_kind, source_id = _split(data.source)
    target_kind, target_id = _split(data.target)
    link = CausalLink(
        review_id=id_of(review),
        kind=data.kind,
        source_kind=source_kind,
        source_id=source_id,
        target_kind=target_kind,
        target_id=target_id,
        evidence_note=data.evidence_note,
    )
    _validate(session, review, link)
    crud.add(session, link, actor=actor)
    return link


def update(
    *,
    session: Session,
    review: Review,
    link: CausalLink,
    data: LinkUpdate,
    actor: str | None = None,
) -> CausalLink:
    """Change a link, refusing a stale version, and check it again."""
    changes = crud.changes(
        session, link, data, LinkRead.model_validate, exclude={"source", "target"}
    )
    _set_endpoints(link, data.source or link.source, data.target or link.target)
    crud.apply_changes(link, changes, actor=actor)
    _validate(session, review, link)
    session.flush()
    return link


def delete(*, session: Session, link: CausalLink) -> None:
    """Delete a link (nothing depends on a link)."""
    session.delete(link)
    session.flush()


def touching(*, session: Session, kind: NodeKind, item_id: int) -> list[CausalLink]:
    """Every link from or to one record."""
    stmt = select(CausalLink).where(_touching(kind, item_id)).order_by(col(CausalLink.id))
    return list(session.exec(stmt).all())


def guard_delete(
    *, session: Session, kind: NodeKind, item_id: int, label: str, cascade: bool
) -> None:
    """Before a record goes: refuse while links touch it, or delete them when ``cascade``."""
    links = touching(session=session, kind=kind, item_id=item_id)
    if not links:
        return
    if not cascade:
        named = record_names.of(session, [key for x in links[:20] for key in (x.source, x.target)])
        listed = "; ".join(
            f"{named[x.source]} {x.kind.value.replace('_', ' ')} {named[x.target]}"
            for x in links[:20]
        )
        raise Conflict(
            f"{label} is linked to other records ({len(links)} link(s): {listed}). Delete those "
            "links first, or repeat with ?cascade=true to delete the links with it.",
            links=[LinkRead.model_validate(x).model_dump(mode="json") for x in links],
        )
    for link in links:
        session.delete(link)
    session.flush()
