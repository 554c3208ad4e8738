"""``scr typology``: list the versions, show codes, validate a version or mapping file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from scr.coding import catalogue
from scr.errors import NotFound
from typology import loader

app = typer.Typer(help="The national typology of problems.", no_args_is_help=True)


@app.command("list")
def list_versions() -> None:
    """List the versions of the typology."""
    for s in catalogue.summaries():
        mark = " (current)" if s.current else ""
        typer.echo(f"{s.version:6} {s.status:9} {s.published}  {s.codes:4} codes  {s.title}{mark}")


@app.command()
def show(version: str, code: Annotated[str | None, typer.Argument()] = None) -> None:
    """Show a version's codes as a tree, or one CODE in full."""
    try:
        if code is None:
            t = catalogue.get(version)
            for top in t.children(None):
                for code_id in [top, *t.descendants(top)]:
                    depth = len(t.ancestors(code_id))
                    typer.echo(f"{'  ' * depth}{code_id}  {t.codes[code_id].label}")
            return
        detail = catalogue.code(version, code)
    except NotFound as exc:
        typer.secho(exc.message, err=True, fg=typer.colors.RED)
        raise typer.Exit(code=1) from None
    typer.echo(f"{detail.id}: {detail.label}\n{detail.definition}")
    for title, values in [("Includes", detail.includes), ("Excludes", detail.excludes)]:
        if values:
            typer.echo(f"{title}: " + "; ".join(values))
    typer.echo(f"Axis: {detail.axis}. May tag: {', '.join(detail.applies_to)}.")
    if detail.ancestors:
        typer.echo("Within: " + " > ".join(reversed(detail.ancestors)))


@app.command()
def validate(path: Annotated[Path, typer.Argument(exists=True, dir_okay=False)]) -> None:
    """Check a version or mapping file; list every problem (exit status 1 if any)."""
    problems = loader.validate_file(path)
    if not problems:
        typer.echo(f"{path} is valid.")
        return
    typer.secho(f"{path} has {len(problems)} problem(s):", err=True, fg=typer.colors.RED)
    for problem in problems:
        typer.echo(f"  - {problem}", err=True)
    raise typer.Exit(code=1)
