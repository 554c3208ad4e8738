"""Dependencies shared by the routes: the session, paging, and records loaded or 404 once."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Annotated, Any, TypeVar

import anyio
import anyio.to_thread
import sqlalchemy as sa
from fastapi import Depends, Path, Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.dependencies.utils import request_params_to_args
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from fastapi.security import OAuth2PasswordBearer
from pydantic import BaseModel
from sqlmodel import Session, SQLModel

from api import refusals
from api.refusals import REFUSALS_PER_MINUTE
from scr.account import access, security
from scr.account.access import Principal
from scr.audit import service as audit_service
from scr.audit.models import AuditEntry
from scr.board import service as board_service
from scr.board.models import Board
from scr.chronology.models import ChronologyEntry
from scr.common.lookup import get_in_review, id_of
from scr.common.schemas import Page
from scr.common.types import MAX_INT
from scr.config import MAX_PAGE_SIZE, get_settings, signing_secret
from scr.db import session_scope
from scr.episode.models import KeyPracticeEpisode
from scr.errors import DomainError, Forbidden, NotFound, Unauthenticated
from scr.factor.models import ContributoryFactor
from scr.finding.models import Finding
from scr.link.models import CausalLink
from scr.participant.models import Participant
from scr.review.models import Review
from scr.vocabulary import AuditAction, Role

API_PREFIX = "/api/v1"

R = TypeVar("R", bound=BaseModel)
M = TypeVar("M", bound=SQLModel)


_PENDING = "scr_audit_pending"
"""``Session.info`` key: the audit entries of a read, written once the read has succeeded."""


def _request_session(request: Request) -> Iterator[Session]:
    """One transaction per request: committed if the route succeeds, rolled back if not.

    A change takes its turn as a writer from the start (on SQLite; see ``session_scope``) and
    its audit entry is written in its own transaction. A read (GET) only reads, so on SQLite
    it waits for no writer; its audit entries are written once it has succeeded, in a short
    transaction of their own that is committed before the answer is sent, so the read is
    still recorded in the same request, and a read that failed leaves nothing. On PostgreSQL,
    where inserting an entry waits for no one, they are written at the end of the read's own
    transaction instead, committed with it: one transaction a read rather than two.
    """
    try:
        with session_scope(writer=request.method != "GET") as session:
            yield session
            if session.get_bind().dialect.name != "sqlite":
                entries = pending_audit(session)
                if entries:
                    write_audit(session, entries)
    except DomainError as exc:
        refused = refusal(request, exc)
        if refused is not None:
            with session_scope(writer=True) as audit_session:
                write_audit(audit_session, [refused])
        raise
    pending = pending_audit(session)
    if pending:
        with session_scope(writer=True) as audit_session:
            write_audit(audit_session, pending)


async def get_session(request: Request) -> AsyncIterator[Session]:
    """The request's session (see ``_request_session``), made here in the event loop, since
    making it touches no database (it connects at its first statement), and ended on a thread,
    where it commits: one hand-over to a thread a request fewer than FastAPI's way with a
    plain generator, whose ending this copies (shielded from cancellation, on a thread of its
    own so that it never waits for one held by a request waiting for its connection)."""
    scope = contextmanager(_request_session)(request)
    session = scope.__enter__()
    try:
        yield session
    except BaseException as exc:
        if not await _end(scope, type(exc), exc, exc.__traceback__):
            raise
    else:
        await _end(scope, None, None, None)


async def _end(scope: AbstractContextManager[Session], *exc_info: Any) -> bool:
    """End the request's session on a thread of its own, shielded from cancellation; whether
    it swallowed the exception ``exc_info`` names."""
    with anyio.CancelScope(shield=True):
        swallowed = await anyio.to_thread.run_sync(
            scope.__exit__, *exc_info, limiter=anyio.CapacityLimiter(1)
        )
    return bool(swallowed)


_AUDIT_COLUMNS = [c.key for c in sa.inspect(AuditEntry).columns if c.key != "id"]


def write_audit(session: Session, entries: list[AuditEntry]) -> None:
    """Insert audit entries in the session's transaction, as plain rows in one statement (the
    session's unit of work cost more than the insert itself); the database numbers them."""
    rows = [{key: getattr(entry, key) for key in _AUDIT_COLUMNS} for entry in entries]
    session.connection().execute(sa.insert(AuditEntry), rows[0] if len(rows) == 1 else rows)


CASE_ROUTES = ("reviews", "boards", "patterns", "search", "exports", "imports", "audit")
"""The first path segments (after the API prefix) whose refusals are recorded."""
_refusals = refusals.Limiter(per_minute=REFUSALS_PER_MINUTE)


def refusal(request: Request, exc: Exception) -> AuditEntry | None:
    """The audit entry of a case route refused (401, 403, 404), so that someone probing for
    other boards' reviews is seen; None for anything else, or when this caller's refusals
    are past ``REFUSALS_PER_MINUTE`` (they cannot flood the trail)."""
    if not isinstance(exc, NotFound | Forbidden | Unauthenticated):
        return None
    parts = request.url.path.removeprefix(API_PREFIX).strip("/").split("/")
    if parts[0] not in CASE_ROUTES:
        return None
    principal = getattr(request.state, "principal", None)
    client = request.client.host if request.client else "unknown"
    actor = principal.name if principal is not None else f"anonymous@{client}"[:254]
    if not _refusals.allow(actor):
        return None
    raw = request.path_params.get("review_id")
    review_id = int(raw) if isinstance(raw, str) and raw.isdigit() else None
    return audit_service.new_entry(
        actor=actor,
        action=AuditAction.refused,
        object_type=parts[0][:60],
        review_id=review_id if review_id is not None and review_id <= MAX_INT else None,
        request_id=request.state.request_id,
    )


def pending_audit(session: Session) -> list[AuditEntry]:
    """Take the audit entries a read has left to be written after it (see ``get_session``)."""
    pending: list[AuditEntry] = session.info.pop(_PENDING, [])
    return pending


def get_read_session() -> Iterator[Session]:
    """A session that only reads, for a response streamed after the request's own session has
    committed: it never holds the write lock, so a long export does not keep others waiting."""
    with session_scope() as session:
        yield session


# scope="function" ends the transaction before the response is sent, so a failed commit
# becomes an error answer rather than a success that was never saved.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]

ItemId = Annotated[int, Path(ge=1, le=MAX_INT, description="The record's id.")]


def _path_fields(dependant: Dependant) -> list[Any]:
    fields = list(dependant.path_params)
    for sub in dependant.dependencies:
        fields.extend(f for f in _path_fields(sub) if f not in fields)
    return fields


_PATH_FIELDS = "_scr_path_fields"
"""An attribute of a route: its path parameters with its dependencies', gathered once."""


async def valid_path(request: Request) -> None:
    """Refuse (422) a path whose parameters do not fit their types, before anything else runs.

    FastAPI checks an endpoint's own path parameters only after its dependencies have run, so
    without this ``ReviewDep`` would audit ``/reviews/1/episodes/abc`` (or an id beyond what
    the database holds) with the raw text before ``episode_id`` was ever checked. (Async, as
    are the other dependencies that only compute: FastAPI runs a plain function on a thread of
    its pool, a hand-over that costs more than the check.)
    """
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    fields = getattr(route, _PATH_FIELDS, None)
    if fields is None:
        fields = _path_fields(route.dependant)
        setattr(route, _PATH_FIELDS, fields)
    _values, errors = request_params_to_args(fields, request.path_params)
    if errors:
        raise RequestValidationError(errors)


class Paging(BaseModel):
    limit: int
    offset: int


async def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Page size.")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_INT, description="Records to skip.")] = 0,
) -> Paging:
    """Read ``limit`` (capped) and ``offset``."""
    return Paging(limit=limit, offset=offset)


PagingDep = Annotated[Paging, Depends(paging)]
CascadeQuery = Annotated[
    bool,
    Query(description="Also delete the links or citations that would otherwise block this."),
]


def page_of(read: type[R], result: tuple[list[Any], int]) -> Page[R]:
    """Wrap a service's (records, total) as a list envelope of Read schemas."""
    items, total = result
    return Page[read](items=[read.model_validate(x) for x in items], total=total)  # type: ignore[valid-type]


_bearer = OAuth2PasswordBearer(tokenUrl=f"{API_PREFIX}/auth/token", auto_error=False)


def current_principal(
    session: SessionDep, request: Request, token: Annotated[str | None, Depends(_bearer)]
) -> Principal:
    """The signed-in person (access token) or machine (``scr_`` token); 401 otherwise."""
    if not token:
        raise Unauthenticated("Sign in first: this needs an access token.")
    principal = None
    settings = get_settings()
    if token.startswith(security.MACHINE_TOKEN_PREFIX):
        principal = access.of_machine_token(
            session, token, max_days=settings.machine_token_max_days
        )
    else:
        claims = security.read_access_token(
            token, secret=signing_secret(settings), max_minutes=settings.token_max_minutes
        )
        if claims is not None:
            principal = access.of_access_token(session, claims)
    if principal is None:
        raise Unauthenticated("Your sign-in is not valid or has expired. Please sign in again.")
    request.state.principal = principal  # for the audit of a refusal (``refusal``)
    return principal


PrincipalDep = Annotated[Principal, Depends(current_principal)]

_ACTIONS = {
    "GET": AuditAction.read,
    "POST": AuditAction.create,
    "PUT": AuditAction.update,
    "PATCH": AuditAction.update,
    "DELETE": AuditAction.delete,
}
AUDIT_AS = "x-audit-action"
"""A route's ``openapi_extra`` key naming its audit action where the method does not say it."""
AUDIT_FILE_AS = "x-audit-file-action"
"""A route's ``openapi_extra`` key naming the audit action of a request for a file, that is with
a ``format`` other than json (a GraphML file for Gephi is an export; the same graph read as
JSON by the workbench is a read)."""


def audit(
    session: Session,
    principal: Principal,
    request: Request,
    *,
    review_id: int | None = None,
) -> None:
    """Record the request in the audit trail: its action, the object its path names, the review."""
    route = request.scope.get("route")
    extra = (route.openapi_extra or {}) if isinstance(route, APIRoute) else {}
    action = AuditAction(extra.get(AUDIT_AS, _ACTIONS[request.method]))
    if AUDIT_FILE_AS in extra and request.query_params.get("format", "json") != "json":
        action = AuditAction(extra[AUDIT_FILE_AS])
    object_type = str(route.tags[0]) if isinstance(route, APIRoute) and route.tags else "app"
    ids = [v for k, v in request.path_params.items() if k.endswith("_id") and k != "review_id"]
    object_id = int(ids[-1]) if ids else review_id if object_type == "reviews" else None
    entry = audit_service.new_entry(
        actor=principal.name,
        action=action,
        object_type=object_type,
        object_id=object_id,
        review_id=review_id,
        request_id=request.state.request_id,
    )
    if request.method == "GET":
        session.info.setdefault(_PENDING, []).append(entry)
    else:
        write_audit(session, [entry])


def _audited(session: SessionDep, principal: PrincipalDep, request: Request) -> None:
    audit(session, principal, request)


Audited = Depends(_audited)
"""A route dependency recording the request, for reads that name no review: figures a
caller sees in full, files, the audit trail and the token list."""


def allow(*roles: Role, doing: str) -> Any:
    """A route dependency: 403 for other roles; a change (any method but GET) is audited."""

    def check(session: SessionDep, principal: PrincipalDep, request: Request) -> Principal:
        access.require_role(principal, *roles, doing=doing)
        if request.method != "GET" and "review_id" not in request.path_params:
            audit(session, principal, request)  # (a review's records are audited by ReviewDep)
        return principal

    return Depends(check)


def _review(
    session: SessionDep, principal: PrincipalDep, request: Request, review_id: ItemId
) -> Review:
    change = request.method != "GET"
    review = access.check_review(principal, session.get(Review, review_id), change=change)
    audit(session, principal, request, review_id=review_id)
    return review


ReviewDep = Annotated[Review, Depends(_review)]


def own_board(principal: PrincipalDep) -> int | None:
    """A board member sees only their own board; others see every board."""
    return principal.board_id if principal.role == Role.board else None


def _board(session: SessionDep, principal: PrincipalDep, board_id: ItemId) -> Board:
    only = own_board(principal)
    if only is not None and only != board_id:
        raise NotFound(f"There is no board with id {board_id}.")
    return board_service.get(session=session, board_id=board_id)


BoardDep = Annotated[Board, Depends(_board)]


def _in_review(model: type[M], noun: str, id_name: str) -> Any:
    """A dependency loading the review's ``model`` record whose id the path names ``id_name``,
    or answering 404 (another review's record is not found either)."""

    def load(session: Session, review: Review, **path: int) -> M:
        return get_in_review(session, model, id_of(review), path[id_name], noun)

    # FastAPI reads a dependency's parameters from its signature: name the path's own.
    load.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter("session", inspect.Parameter.KEYWORD_ONLY, annotation=SessionDep),
            inspect.Parameter("review", inspect.Parameter.KEYWORD_ONLY, annotation=ReviewDep),
            inspect.Parameter(id_name, inspect.Parameter.KEYWORD_ONLY, annotation=ItemId),
        ]
    )
    return Depends(load)


ChronologyEntryDep = Annotated[
    ChronologyEntry, _in_review(ChronologyEntry, "chronology entry", "entry_id")
]
EpisodeDep = Annotated[
    KeyPracticeEpisode, _in_review(KeyPracticeEpisode, "key practice episode", "episode_id")
]
FactorDep = Annotated[
    ContributoryFactor, _in_review(ContributoryFactor, "contributory factor", "factor_id")
]
LinkDep = Annotated[CausalLink, _in_review(CausalLink, "causal link", "link_id")]
FindingDep = Annotated[Finding, _in_review(Finding, "finding", "finding_id")]
ParticipantDep = Annotated[Participant, _in_review(Participant, "participant", "participant_id")]
