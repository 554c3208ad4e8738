"""``scr audit``: check that the audit trail is whole."""

from __future__ import annotations

import typer

from scr.audit import service as audit_service
from scr.audit.sealer import seal_all
from scr.config import audit_key, get_settings
from scr.db import session_scope

app = typer.Typer(help="The audit trail of reads, changes and exports.", no_args_is_help=True)


@app.command()
def verify() -> None:
    """Seal what is waiting, walk the keyed chain; exit 1 naming the first entry altered or
    removed."""
    key = audit_key(get_settings())
    seal_all(key=key)
    with session_scope() as session:
        verdict = audit_service.verify(session=session, key=key)
    if verdict.problem is not None:
        typer.secho(
            f"The audit trail has been tampered with. {verdict.problem} "
            f"({verdict.entries} entries before it are intact.)",
            err=True,
            fg=typer.colors.RED,
        )
        raise typer.Exit(code=1)
    if verdict.unsealed:
        typer.echo(f"{verdict.unsealed} entries still being written are not sealed yet.")
    typer.echo(
        f"The audit trail is intact: {verdict.entries} entries, last hash {verdict.head_hash}."
    )
