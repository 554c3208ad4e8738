"""Patterns across reviews: what recurs, for a board and for the national body."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query
from fastapi.responses import Response

from api.deps import AUDIT_FILE_AS, Audited, PagingDep, PrincipalDep, SessionDep
from api.downloads import code_network
from api.routing import APIRouter
from scr.common.types import Code
from scr.config import get_settings
from scr.exchange.aggregates import ALL as EVERY_PAIR
from scr.patterns import service as patterns
from scr.patterns import tables
from scr.patterns.schemas import (
    Chains,
    Cooccurrence,
    CrossTable,
    Frequencies,
    PatternFilters,
    Trends,
)
from scr.patterns.selection import Scope, scope_for
from scr.vocabulary import AuditAction

router = APIRouter(prefix="/patterns", tags=["patterns"], dependencies=[Audited])

FiltersQuery = Annotated[PatternFilters, Query()]
Support = Annotated[
    int, Query(ge=1, le=100_000, description="The fewest reviews a pattern must occur in.")
]


def _scope(session: SessionDep, principal: PrincipalDep, filters: PatternFilters) -> Scope:
    return scope_for(session, principal, filters, get_settings().suppression_threshold)


@router.get("/frequencies", response_model=Frequencies)
def frequencies(
    session: SessionDep, principal: PrincipalDep, filters: FiltersQuery, paging: PagingDep
) -> Frequencies:
    """Per typology code, the number and share of the selected reviews that have it (a code
    counts its descendants), largest first."""
    return patterns.frequencies(
        session=session,
        filters=filters,
        scope=_scope(session, principal, filters),
        **paging.model_dump(),
    )


@router.get(
    "/cooccurrence",
    response_model=Cooccurrence,
    responses={200: {"content": {"application/graphml+xml": {}, "application/gexf+xml": {}}}},
    openapi_extra={AUDIT_FILE_AS: AuditAction.export.value},
)
def cooccurrence(
    session: SessionDep,
    principal: PrincipalDep,
    filters: FiltersQuery,
    paging: PagingDep,
    min_support: Support = 5,
    rolled_up: Annotated[
        bool, Query(description="Count each code's ancestors too (not paired with their own).")
    ] = False,
    format: Annotated[
        Literal["json", "graphml", "gexf"], Query(description="json, or the network as a file.")
    ] = "json",
) -> Cooccurrence | Response:
    """Pairs of codes in the same reviews, with count, lift and Fisher's exact test. The
    page applies to JSON; a GraphML or GEXF file holds the whole network."""
    page = paging.model_dump() if format == "json" else {"limit": EVERY_PAIR, "offset": 0}
    scope = _scope(session, principal, filters)
    result = patterns.cooccurrence(
        session=session,
        filters=filters,
        scope=scope,
        min_support=min_support,
        rolled_up=rolled_up,
        **page,
    )
    if format == "json":
        return result
    return code_network(session, filters, scope, result, format, "cooccurrence")


@router.get("/chains", response_model=Chains)
def chains(
    session: SessionDep,
    principal: PrincipalDep,
    filters: FiltersQuery,
    paging: PagingDep,
    min_support: Support = 5,
) -> Chains:
    """Recurring causal chains at the typology level: factor code -> factor code -> episode
    code along the reviews' graphs, counted in reviews."""
    return patterns.chains(
        session=session,
        filters=filters,
        scope=_scope(session, principal, filters),
        min_support=min_support,
        **paging.model_dump(),
    )


@router.get("/trends", response_model=Trends)
def trends(
    session: SessionDep,
    principal: PrincipalDep,
    filters: FiltersQuery,
    paging: PagingDep,
    code: Annotated[list[Code], Query(max_length=50, description="Only these codes.")] = [],  # noqa: B006
) -> Trends:
    """Per code, the reviews that have it in each year (the year the review was notified)."""
    return patterns.trends(
        session=session,
        filters=filters,
        scope=_scope(session, principal, filters),
        codes=code,
        **paging.model_dump(),
    )


@router.get("/table", response_model=CrossTable)
def table(
    session: SessionDep,
    principal: PrincipalDep,
    filters: FiltersQuery,
    rows: Annotated[
        str,
        Query(
            max_length=120,
            description="region, review_type, outcome, age_band, status, board, year, or "
            "code:CODE (the code's narrower codes).",
        ),
    ],
    columns: Annotated[str | None, Query(max_length=120, description="A second axis.")] = None,
) -> CrossTable:
    """Reviews cross-tabulated by one or two axes, with totals and percentages."""
    return tables.table(
        session=session,
        filters=filters,
        scope=_scope(session, principal, filters),
        rows_axis=rows,
        columns_axis=columns,
    )
