"""``scr audit``: check that the audit trail is whole."""

from __future__ import annotations

import typer

from scr.audit import service as audit_service
from scr.db import session_scope

app = typer.Typer(help="The audit trail of reads, changes and exports.", no_args_is_help=True)


@app.command()
def verify() -> None:
    """Walk the trail's hash chain; exit 1 naming the first entry altered or removed."""
    with session_scope() as session:
        verdict = audit_service.verify(session=session)
    if verdict.problem is not None:
        typer.secho(
            f"The audit trail has been tampered with. {verdict.problem} "
            f"({verdict.entries} entries before it are intact.)",
            err=True,
            fg=typer.colors.RED,
        )
        raise typer.Exit(code=1)
    typer.echo(
        f"The audit trail is intact: {verdict.entries} entries, last hash {verdict.head_hash}."
    )
