"""``scr search``: search the reviews an account may see, from the command line."""

from __future__ import annotations

import uuid
from typing import Annotated

import typer
from pydantic import ValidationError

from scr.account import access
from scr.audit import service as audit_service
from scr.common.problems import describe
from scr.db import session_scope
from scr.errors import DomainError
from scr.search import service as search_service
from scr.search.schemas import SearchFilters, SearchHit
from scr.vocabulary import AuditAction, Role, SearchKind


def _line(hit: SearchHit) -> str:
    snippet = "".join(
        typer.style(part.text, bold=True) if part.match else part.text for part in hit.snippet
    )
    head = f"{hit.review.reference}  {hit.name}: {hit.title}"
    return f"{head}\n    {' '.join(snippet.split())}"


def search(
    query: Annotated[str, typer.Argument(metavar="QUERY", help='Words; "a phrase" in quotes.')],
    as_: Annotated[str, typer.Option("--as", metavar="EMAIL", help="Search as this account sees.")],
    kind: Annotated[list[SearchKind] | None, typer.Option(help="Only this kind (repeat).")] = None,
    review: Annotated[int | None, typer.Option(help="Only this review's records.")] = None,
    board: Annotated[int | None, typer.Option(help="Only this board's reviews.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=500)] = 20,
) -> None:
    """Search the records of the reviews an account may see, best match first (the matched
    words in bold); recorded in the audit trail as the account's read."""
    try:
        filters = SearchFilters(q=query, kind=kind, review_id=review, board_id=board)
    except ValidationError as exc:
        raise _fail(describe(exc.errors()[0]).message) from None
    try:
        with session_scope(writer=True) as session:
            principal = access.of_account(session, as_)
            if principal is None:
                raise _fail(f"There is no enabled account {as_}.")
            access.require_role(
                principal, Role.admin, Role.reviewer, Role.board, doing="search the reviews"
            )
            hits, total = search_service.search(
                session=session,
                filters=filters,
                visible=access.visible_reviews(principal),
                chronology=access.chronology_reviews(principal),
                limit=limit,
                offset=0,
            )
            audit_service.record(
                session=session,
                actor=principal.name,
                action=AuditAction.read,
                object_type="search",
                request_id=f"cli-{uuid.uuid4().hex}",
            )
    except DomainError as exc:
        raise _fail(exc.message) from None
    for hit in hits:
        typer.echo(_line(hit))
    typer.echo(f"{len(hits)} of {total} shown.")


def _fail(message: str) -> typer.Exit:
    typer.secho(message, err=True, fg=typer.colors.RED)
    return typer.Exit(code=1)
