"""The ``scr`` command line: serve the workbench, migrate, load the demo, move reviews."""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from sqlmodel import Session

import scr.models  # noqa: F401  (every table registered, and every record kind with it)
from scr import audit_cli, chronology_cli, exchange_cli, search_cli, typology_cli, users_cli
from scr.common.problems import describe
from scr.config import InsecureSettings, get_settings, signing_secret
from scr.db import get_engine, session_scope
from scr.errors import DomainError
from scr.migrate import (
    DatabaseBehind,
    MigrationRefused,
    current_revisions,
    ensure_current,
    upgrade,
)
from scr.review.models import Review

app = typer.Typer(help="SCR Workbench: systems-methodology case reviews.", no_args_is_help=True)
db_app = typer.Typer(help="The database schema.", no_args_is_help=True)
review_app = typer.Typer(
    help="Move one review in and out as a JSON file; write its report.", no_args_is_help=True
)
app.add_typer(db_app, name="db")
app.add_typer(review_app, name="review")
app.add_typer(typology_cli.app, name="typology")
app.add_typer(users_cli.app, name="users")
app.add_typer(audit_cli.app, name="audit")
app.add_typer(exchange_cli.app, name="exchange")
app.add_typer(chronology_cli.app, name="chronology")
app.command("search")(search_cli.search)


def _database() -> str:
    return get_engine().url.render_as_string(hide_password=True)


def _fail(message: str) -> typer.Exit:
    typer.secho(message, err=True, fg=typer.colors.RED)
    return typer.Exit(code=1)


def _require_current() -> None:
    try:
        ensure_current(get_engine())
    except DatabaseBehind as exc:
        raise _fail(str(exc)) from None


def _require_secret() -> None:
    try:
        signing_secret(get_settings())
    except InsecureSettings as exc:
        raise _fail(str(exc)) from None


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
) -> None:
    """Serve the API and the workbench (the database must be migrated)."""
    import uvicorn

    from scr.serving import WORKER_START_SECONDS, NoDelayHttpToolsProtocol

    _require_secret()
    _require_current()
    if get_settings().demo:
        typer.echo("Demonstration instance: fictional data, a fixed signing key.")
    typer.echo(f"Database: {_database()}")
    if get_settings().database_url is None:
        typer.echo(f"Data folder: {get_settings().data_dir.resolve()}")
    typer.echo(f"Workbench: http://{host}:{port}/   API docs: http://{host}:{port}/api/v1/docs")
    uvicorn.run(
        "api.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        http=NoDelayHttpToolsProtocol,
        timeout_worker_healthcheck=WORKER_START_SECONDS,
        log_config=log_config(),
        # The app reads X-Forwarded-For itself, from SCR_FORWARDED_ALLOW_IPS only
        # (uvicorn's own default would believe it from 127.0.0.1).
        proxy_headers=False,
    )


APP_LOGGERS = ("api", "scr")


def log_config() -> dict[str, Any]:
    """uvicorn's logging, with the app's own messages (``api``, ``scr``: a statistics refresh,
    an unexpected error) shown from INFO up beside uvicorn's, in its format."""
    import uvicorn.config

    config: dict[str, Any] = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    for name in APP_LOGGERS:
        config["loggers"][name] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument()] = "head") -> None:
    """Migrate the database to the newest schema (or to REVISION)."""
    engine = get_engine()
    before = current_revisions(engine)
    typer.echo(f"Migrating {_database()} ...")
    try:
        upgrade(engine.url.render_as_string(hide_password=False), revision)
    except MigrationRefused as exc:
        raise _fail(f"Nothing was migrated: {exc}") from exc
    after = ", ".join(sorted(current_revisions(engine))) or "none"
    if not before:
        typer.echo(f"The database was new: its tables are made, at revision {after}.")
    elif before == current_revisions(engine):
        typer.echo(f"The database was already at revision {after}: nothing to do.")
    else:
        typer.echo(
            f"The database is migrated from revision {', '.join(sorted(before))} to {after}."
        )


@db_app.command("backup")
def db_backup(file: Annotated[Path, typer.Argument(help="A new file to write.")]) -> None:
    """Copy the database to FILE while the server runs (SQLite's online backup; pg_dump)."""
    from scr.backup import BackupFailed, backup

    typer.echo(f"Backing up {_database()} ...")
    try:
        size = backup(get_engine().url.render_as_string(hide_password=False), file)
    except BackupFailed as exc:
        raise _fail(f"No backup was made: {exc}") from None
    typer.echo(f"Backed up to {file} ({size:,} bytes).")


@db_app.command("restore")
def db_restore(
    file: Annotated[Path, typer.Argument(help="A file `scr db backup` made.")],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask first.")] = False,
) -> None:
    """Replace the whole database with the backup in FILE (stop the server first)."""
    from scr.backup import BackupFailed, restore

    if not yes:
        typer.confirm(f"Replace everything in {_database()} with {file}?", abort=True)
    try:
        restore(get_engine().url.render_as_string(hide_password=False), file)
    except BackupFailed as exc:
        raise _fail(f"Nothing was restored: {exc}") from None
    get_engine().dispose()
    typer.echo(f"Restored {_database()} from {file}.")
    try:
        ensure_current(get_engine())
    except DatabaseBehind as exc:
        typer.echo(str(exc))


@app.command()
def demo(
    corpus: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Also add this many reviews of the fictional national corpus "
            "(references CORPUS-SEED-1 to CORPUS-SEED-N; those already there are skipped).",
        ),
    ] = None,
    seed: Annotated[int, typer.Option(min=0, help="Which corpus to draw (with --corpus).")] = 1,
) -> None:
    """Load the fictional demo review and the other reviews of its partnership (adding only
    those not there yet); on a demonstration instance (SCR_DEMO=true), also an account for each
    role; with --corpus N, also N generated reviews, the same for the same seed."""
    from scr.board.models import Board
    from scr.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, ensure_demo_accounts
    from scr.demo.loader import load_demo
    from scr.demo.partnership import load_partnership
    from scr.demo.tags import tag_demo

    _require_current()
    accounts = get_settings().demo
    with session_scope() as session:
        review, created = load_demo(session=session)
        said = "Loaded" if created else "Already loaded:"
        typer.echo(
            f"{said} demo review {review.reference} ({review.child_pseudonym}), id {review.id}."
        )
        if created:
            tagged = tag_demo(session=session, review=review)
            typer.echo(f"Recorded {tagged} agreed tags of the demo review.")
        board = session.get(Board, review.board_id)
        assert board is not None
        others = load_partnership(session=session, board=board)
        typer.echo(
            f"Added {others.added} other reviews of the demo partnership ({board.name}); "
            f"{others.existing} were there already."
        )
        if accounts:
            ensure_demo_accounts(session=session, review=review)
        else:
            typer.echo("No demo accounts: this is not a demonstration instance (SCR_DEMO).")
    if accounts:
        typer.echo(f"Sign in with any of these, password {DEMO_PASSWORD}:")
        for account in DEMO_ACCOUNTS:
            typer.echo(f"  {account.email:36} {account.what}")
    if corpus is None:
        return
    from rich.console import Console
    from rich.progress import Progress

    from scr.demo.corpus import add_corpus

    try:
        with (
            Progress(console=Console(stderr=True), transient=True) as bar,
            session_scope() as session,
        ):
            task = bar.add_task(f"Corpus (seed {seed})", total=corpus)
            done = add_corpus(
                session=session,
                count=corpus,
                seed=seed,
                progress=lambda n: bar.advance(task, n),
            )
    except DomainError as exc:
        raise _fail(exc.message) from None
    typer.echo(
        f"Added {done.added} corpus reviews (seed {seed}); "
        f"{done.existing} of CORPUS-{seed}-1 to CORPUS-{seed}-{corpus} were there already."
    )


@review_app.command("export")
def review_export(review_id: int) -> None:
    """Write review REVIEW_ID as JSON to standard output."""
    from scr.workflow import service as review_service
    from scr.workflow.transfer import export_review

    _require_current()
    with session_scope() as session:
        try:
            review = review_service.get(session=session, review_id=review_id)
        except DomainError as exc:
            raise _fail(exc.message) from None
        file = export_review(session=session, review=review)
    sys.stdout.write(file.model_dump_json(indent=2) + "\n")


@review_app.command("import")
def review_import(path: Annotated[Path, typer.Argument(exists=True, dir_okay=False)]) -> None:
    """Import one review from a JSON file; a file that does not validate writes nothing."""
    from scr.workflow.transfer import ReviewFile, import_review

    _require_current()
    try:
        file = ReviewFile.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except json.JSONDecodeError as exc:
        raise _fail(f"{path} is not valid JSON: {exc}. Nothing was imported.") from None
    except ValidationError as exc:
        lines = [f"  - {describe(e, whole='The file').message}" for e in exc.errors()[:50]]
        raise _fail(
            f"{path} is not a valid review file; nothing was imported:\n" + "\n".join(lines)
        ) from None
    try:
        with session_scope() as session:
            imported = import_review(session=session, file=file, actor="cli")
            review = imported.review
            if imported.held_back:
                typer.echo(
                    f"The file has the review {file.review.status.value}; it stands at "
                    f"{review.status.value} here, because: {imported.held_back}"
                )
            typer.echo(
                f"Imported review {review.reference} ({review.status.value}) as id {review.id}."
            )
    except DomainError as exc:
        raise _fail(f"{exc.message} Nothing was imported.") from None


@review_app.command("report")
def review_report(
    review_id: int,
    output: Annotated[Path, typer.Option("-o", "--output", dir_okay=False, help="The file.")],
    format: Annotated[str, typer.Option(help="docx, pdf or html")] = "pdf",
    response: Annotated[
        bool, typer.Option("--response", help="The Board's response and action plan instead.")
    ] = False,
) -> None:
    """Write the review's report to a file: a DRAFT until it is published with a clean scan."""
    from scr.report import service as report_service

    if format not in report_service.MEDIA_TYPES:
        raise _fail(f"Unknown format {format!r}: choose one of docx, pdf or html.")
    _require_current()
    make = report_service.make_response if response else report_service.make
    try:
        with session_scope() as session:
            made = make(session=session, review=_review(session, review_id), fmt=format)  # type: ignore[arg-type]
    except DomainError as exc:
        raise _fail(exc.message) from None
    output.write_bytes(made.body)
    what = "the Board's response" if response else "the report"
    state = "a draft" if made.draft else "final"
    typer.echo(f"Wrote {what} ({state}, {len(made.body):,} bytes) to {output}.")


def _review(session: Session, review_id: int) -> Review:
    from scr.workflow import service as review_service

    try:
        return review_service.get(session=session, review_id=review_id)
    except DomainError as exc:
        raise _fail(exc.message) from None


@app.command()
def graph(
    review_id: int,
    format: Annotated[str, typer.Option(help="json, graphml, gexf or cytoscape")] = "json",
) -> None:
    """Write the review's causal graph to standard output (e.g. --format graphml > g.graphml)."""
    from scr.graph import export
    from scr.graph import service as graph_service

    writers: dict[str, Callable[[Any], str]] = {
        "json": lambda g: json.dumps(export.node_link(g), indent=2),
        "graphml": export.graphml,
        "gexf": export.gexf,
        "cytoscape": lambda g: json.dumps(export.cytoscape(g), indent=2),
    }
    if format not in writers:
        raise _fail(f"Unknown format {format!r}: choose one of {', '.join(writers)}.")
    _require_current()
    with session_scope() as session:
        g = graph_service.review_graph(session=session, review=_review(session, review_id))
    sys.stdout.write(writers[format](g) + "\n")


@app.command()
def check(review_id: int) -> None:
    """List the review's failing completeness checks; exit status 1 if any is blocking."""
    from scr.graph import service as graph_service

    _require_current()
    with session_scope() as session:
        result = graph_service.check(session=session, review=_review(session, review_id))
    for item in result.checks:
        typer.echo(f"{item.severity:9} {item.code:27} {item.message}")
    typer.echo(f"{result.blocking} blocking, {result.advisory} advisory.")
    if result.blocking:
        raise typer.Exit(code=1)
