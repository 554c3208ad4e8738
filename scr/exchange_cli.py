"""``scr exchange``: import national learning from a file, or pull it from another instance."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress

from scr.db import session_scope, take_turns
from scr.errors import DomainError
from scr.exchange.schemas import ImportReport

app = typer.Typer(help="The national learning exchange (scr-exchange/1).", no_args_is_help=True)


def _lines_in(path: Path) -> int:
    with path.open("rb") as stream:
        return sum(1 for _ in stream)


def _report(report: ImportReport) -> None:
    if not report.accepted:
        typer.secho("The file was refused; nothing was imported:", err=True, fg="red")
        for problem in report.problems:
            typer.secho(f"  - {problem}", err=True, fg="red")
        raise typer.Exit(code=1)
    for line in report.lines:
        if line.outcome == "refused":
            typer.secho(
                f"  line {line.line} ({line.reference}): {line.message}", err=True, fg="red"
            )
    typer.echo(
        f"{report.imported} imported, {report.replaced} replaced by a newer revision, "
        f"{report.unchanged} unchanged, {report.older} older than held, {report.refused} refused."
    )
    if report.refused:
        raise typer.Exit(code=1)


@app.command("import")
def import_(path: Annotated[Path, typer.Argument(exists=True, dir_okay=False)]) -> None:
    """Import an scr-exchange/1 file: refused whole if it has faults, else review by review."""
    from scr.exchange import importing
    from scr.exchange.instance import instance_id

    total = _lines_in(path)
    with (
        Progress(console=Console(stderr=True), transient=True) as bar,
        session_scope(writer=True) as session,
    ):
        task = bar.add_task("Importing", total=max(total - 1, 0))
        report = importing.import_file(
            session=session,
            path=path,
            actor="cli",
            own_instance=instance_id(session),
            progress=lambda _n: bar.advance(task, 1),
            checkpoint=take_turns(session),
        )
    _report(report)


@app.command()
def pull(
    url: Annotated[str, typer.Argument(help="The other instance's address, e.g. https://...")],
    token: Annotated[
        str, typer.Option(envvar="SCR_PULL_TOKEN", help="A national machine token there.")
    ],
) -> None:
    """Fetch the published learning another instance has revised since the last pull, and
    import it. Pulling again changes nothing."""
    import httpx

    from scr.exchange.pull import pull as pull_from

    try:
        with (
            Progress(console=Console(stderr=True), transient=True) as bar,
            session_scope(writer=True) as session,
            httpx.Client(timeout=httpx.Timeout(30.0, read=600.0)) as client,
        ):
            download = bar.add_task("Downloading (bytes)", total=None)
            importing = bar.add_task("Importing", total=None)
            report = pull_from(
                session=session,
                client=client,
                url=url,
                token=token,
                received=lambda n: bar.advance(download, n),
                progress=lambda _n: bar.advance(importing, 1),
                checkpoint=take_turns(session),
                actor="cli",
            )
    except DomainError as exc:
        typer.secho(exc.message, err=True, fg="red")
        raise typer.Exit(code=1) from None
    _report(report)


@app.command()
def schema() -> None:
    """Print the JSON Schema of an scr-exchange/1 line (as kept in the repository)."""
    import json

    from scr.exchange.document import json_schema

    typer.echo(json.dumps(json_schema(), indent=2, sort_keys=True, ensure_ascii=False))
