"""Signing in (the OAuth2 password flow), who is signed in, and machine tokens."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, status
from fastapi.security import OAuth2PasswordRequestForm

from api.addresses import client_address
from api.deps import Audited, ItemId, PagingDep, PrincipalDep, SessionDep, allow, page_of
from api.routing import APIRouter
from scr.account import access
from scr.account import service as account_service
from scr.account.schemas import (
    AccessToken,
    MachineTokenCreate,
    MachineTokenCreated,
    MachineTokenRead,
    Me,
)
from scr.common.schemas import Page
from scr.config import get_settings
from scr.errors import Unauthenticated
from scr.vocabulary import Role

router = APIRouter(prefix="/auth", tags=["auth"])
AdminOnly = allow(Role.admin, doing="manage machine tokens")


@router.post("/token", response_model=AccessToken)
def token(
    session: SessionDep,
    request: Request,
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
) -> AccessToken:
    """Exchange an e-mail address and password for an access token."""
    settings = get_settings()
    address = client_address(request)
    issued = account_service.sign_in(
        session=session,
        settings=settings,
        email=form.username,
        password=form.password,
        address=address,
    )
    if issued is None:
        # Commit the failed attempt (it counts towards the limit), then refuse.
        session.commit()
        raise Unauthenticated("The e-mail address or the password is not right.")
    return AccessToken(access_token=issued, expires_in=settings.access_token_minutes * 60)


@router.get("/me", response_model=Me)
def me(principal: PrincipalDep) -> Me:
    """Who is signed in, with their role, board, and the reviews they work on."""
    return Me(
        email=principal.name,
        role=principal.role,
        board_id=principal.board_id,
        reviews=sorted(principal.reviews),
        leads=sorted(principal.leads),
    )


@router.post(
    "/tokens",
    response_model=MachineTokenCreated,
    status_code=status.HTTP_201_CREATED,
    dependencies=[AdminOnly],
)
def create_machine_token(
    session: SessionDep, principal: PrincipalDep, data: MachineTokenCreate
) -> MachineTokenCreated:
    """A token for a machine (e.g. a national instance pulling exports); shown once. Only a
    person makes them: a machine token, even an administrator's, cannot make another."""
    access.require_person(principal, doing="make tokens")
    token, secret = account_service.create_machine_token(
        session=session, settings=get_settings(), data=data, actor=principal.name
    )
    return MachineTokenCreated.model_validate(
        MachineTokenRead.model_validate(token).model_dump() | {"token": secret}
    )


@router.get("/tokens", response_model=Page[MachineTokenRead], dependencies=[AdminOnly, Audited])
def list_machine_tokens(session: SessionDep, paging: PagingDep) -> Page[MachineTokenRead]:
    """The machine tokens, newest first; their secrets are never shown again."""
    result = account_service.list_machine_tokens(session=session, **paging.model_dump())
    return page_of(MachineTokenRead, result)


@router.delete(
    "/tokens/{token_id}", status_code=status.HTTP_204_NO_CONTENT, dependencies=[AdminOnly]
)
def revoke_machine_token(session: SessionDep, principal: PrincipalDep, token_id: ItemId) -> None:
    """Revoke a machine token; it stops working at once."""
    account_service.revoke_machine_token(session=session, token_id=token_id, actor=principal.name)
