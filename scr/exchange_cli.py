"""``scr exchange``: import national learning from a file, or pull it from another instance."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress

from scr import collector
from scr.db import session_scope, take_turns
from scr.errors import DomainError
from scr.exchange.schemas import ImportReport

app = typer.Typer(help="The national learning exchange (scr-exchange/1.1).", no_args_is_help=True)


def _lines_in(path: Path) -> int:
    with path.open("rb") as stream:
        return sum(1 for _ in stream)


def _summary(report: ImportReport) -> str:
    return (
        f"{report.imported} imported, {report.replaced} replaced by a newer revision, "
        f"{report.unchanged} unchanged, {report.older} older than held, {report.refused} refused, "
        f"{report.withdrawn} withdrawn at their source."
    )


def _refused_lines(report: ImportReport) -> None:
    for line in report.lines:
        if line.outcome == "refused":
            typer.secho(
                f"  line {line.line} ({line.reference}): {line.message}", err=True, fg="red"
            )


def _report(report: ImportReport) -> None:
    if not report.accepted:
        typer.secho("The file was refused; nothing was imported:", err=True, fg="red")
        for problem in report.problems:
            typer.secho(f"  - {problem}", err=True, fg="red")
        raise typer.Exit(code=1)
    _refused_lines(report)
    typer.echo(_summary(report))
    if report.refused:
        raise typer.Exit(code=1)


@app.command("import")
def import_(path: Annotated[Path, typer.Argument(exists=True, dir_okay=False)]) -> None:
    """Import an scr-exchange/1.1 (or 1) file: refused whole if it has faults, else line by
    line."""
    from scr.exchange.instance import instance_id
    from scr.intake import importing

    total = _lines_in(path)
    with (
        collector.settled(),
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
    url: Annotated[
        str | None,
        typer.Argument(help="The other instance's address, e.g. https://... (or --sources)."),
    ] = None,
    token: Annotated[
        str | None, typer.Option(envvar="SCR_PULL_TOKEN", help="A national machine token there.")
    ] = None,
    sources: Annotated[
        Path | None,
        typer.Option(
            exists=True,
            dir_okay=False,
            help="A TOML file of instances to pull from, each with its url and the "
            "environment variable holding its token (see the README).",
        ),
    ] = None,
) -> None:
    """Fetch the published learning (and the withdrawals) another instance has revised since
    the last pull, and import it; with --sources, from each instance listed, each from where
    its own last pull ended. Pulling again changes nothing."""
    import os

    from scr.intake import sources as listed

    if (url is None) == (sources is None):
        typer.secho("Give the instance's address, or --sources FILE (not both).", err=True)
        raise typer.Exit(code=2)
    if url is not None:
        if not token:
            typer.secho("Give --token (or set SCR_PULL_TOKEN).", err=True, fg="red")
            raise typer.Exit(code=2)
        try:
            report = _pull_one(url, token)
        except DomainError as exc:
            typer.secho(exc.message, err=True, fg="red")
            raise typer.Exit(code=1) from None
        _report(report)
        return
    assert sources is not None
    try:
        instances = listed.read(sources)
    except DomainError as exc:
        typer.secho(exc.message, err=True, fg="red")
        raise typer.Exit(code=2) from None
    failed = 0
    for source in instances:
        secret = os.environ.get(source.token_env)
        try:
            if not secret:
                raise DomainError(f"{source.token_env} is not set, so there is no token.")
            report = _pull_one(source.url, secret)
        except DomainError as exc:
            failed += 1
            typer.secho(f"{source.name}: not pulled: {exc.message}", err=True, fg="red")
            continue
        if not report.accepted:
            failed += 1
            typer.secho(
                f"{source.name}: refused, nothing imported: " + " ".join(report.problems),
                err=True,
                fg="red",
            )
            continue
        failed += report.refused > 0
        typer.echo(f"{source.name}: {_summary(report)}")
        _refused_lines(report)
    typer.echo(f"{len(instances) - failed} of {len(instances)} sources pulled in full.")
    if failed:
        raise typer.Exit(code=1)


def _pull_one(url: str, token: str) -> ImportReport:
    """Pull from one instance in a transaction of its own (committed in batches)."""
    import httpx

    from scr.intake.pull import pull as pull_from

    with (
        collector.settled(),
        Progress(console=Console(stderr=True), transient=True) as bar,
        session_scope(writer=True) as session,
        httpx.Client(timeout=httpx.Timeout(30.0, read=600.0)) as client,
    ):
        download = bar.add_task("Downloading (bytes)", total=None)
        importing = bar.add_task("Importing", total=None)
        return pull_from(
            session=session,
            client=client,
            url=url,
            token=token,
            received=lambda n: bar.advance(download, n),
            progress=lambda _n: bar.advance(importing, 1),
            checkpoint=take_turns(session),
            actor="cli",
        )


@app.command()
def schema() -> None:
    """Print the JSON Schema of an scr-exchange/1.1 line (as kept in the repository)."""
    import json

    from scr.exchange.document import json_schema

    typer.echo(json.dumps(json_schema(), indent=2, sort_keys=True, ensure_ascii=False))
