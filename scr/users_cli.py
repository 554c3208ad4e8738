"""``scr users``: accounts for the people who use the workbench."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from scr.account import service as account_service
from scr.db import session_scope
from scr.errors import DomainError
from scr.vocabulary import Role

app = typer.Typer(help="Accounts and who works on which review.", no_args_is_help=True)


def _done(action: str) -> None:
    typer.echo(action)


def _fail(exc: DomainError) -> typer.Exit:
    typer.secho(exc.message, err=True, fg=typer.colors.RED)
    return typer.Exit(code=1)


@app.command()
def create(
    email: str,
    role: Annotated[Role, typer.Option(help="admin, reviewer, board or national")],
    board: Annotated[
        str | None, typer.Option(help="The board's code (board members only).")
    ] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
) -> None:
    """Open an account."""
    if not password_stdin:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\n")
    try:
        with session_scope() as session:
            user = account_service.create(
                session=session,
                email=email,
                role=role,
                password=password,
                board_code=board,
                actor="cli",
            )
            _done(f"Created {user.role.value} account {user.email}.")
    except DomainError as exc:
        raise _fail(exc) from None


@app.command("list")
def list_users() -> None:
    """List the accounts."""
    with session_scope() as session:
        for user in account_service.list_(session=session):
            state = " (disabled)" if user.disabled else ""
            board = f" board {user.board_id}" if user.board_id else ""
            typer.echo(f"{user.email:40} {user.role.value:9}{board}{state}")


@app.command()
def disable(email: str) -> None:
    """Stop an account signing in."""
    try:
        with session_scope() as session:
            account_service.disable(session=session, email=email, actor="cli")
    except DomainError as exc:
        raise _fail(exc) from None
    _done(f"Disabled {email}.")


@app.command()
def assign(
    email: str,
    review_id: int,
    lead: Annotated[
        bool, typer.Option("--lead", help="As the lead reviewer (may override checks).")
    ] = False,
) -> None:
    """Let a reviewer work on a review."""
    try:
        with session_scope() as session:
            account_service.assign(session=session, email=email, review_id=review_id, lead=lead)
    except DomainError as exc:
        raise _fail(exc) from None
    _done(f"{email} now works on review {review_id}{' as its lead reviewer' if lead else ''}.")
