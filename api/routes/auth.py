"""Signing in: the OAuth2 password flow, answering a short-lived access token."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.security import OAuth2PasswordRequestForm

from api.deps import SessionDep
from scr.account import service as account_service
from scr.account.schemas import AccessToken
from scr.config import get_settings
from scr.errors import Unauthenticated

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/token", response_model=AccessToken)
def token(
    session: SessionDep,
    request: Request,
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
) -> AccessToken:
    """Exchange an e-mail address and password for an access token."""
    settings = get_settings()
    address = request.client.host if request.client else "unknown"
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
