"""``scr typology``: list the versions, show codes, say what changed between two versions,
validate a version or mapping file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from scr.coding import catalogue
from scr.config import get_settings
from scr.errors import NotFound
from typology import diff as version_diff
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
def diff(old: str, new: str) -> None:
    """Say what changed from version OLD to NEW: added, retired, merged, split, deprecated,
    renamed or moved, redefined and relabelled codes."""
    try:
        changes = version_diff.diff(old, new, get_settings().typology_dir)
    except loader.TypologyError as exc:
        typer.secho(str(exc), err=True, fg=typer.colors.RED)
        for problem in exc.problems:
            typer.echo(f"  - {problem}", err=True)
        raise typer.Exit(code=1) from None
    for line in version_diff.describe(changes):
        typer.echo(line)


@app.command()
def validate(
    path: Annotated[Path | None, typer.Argument(exists=True, dir_okay=False)] = None,
) -> None:
    """Check a version or mapping file, or with no PATH every version and mapping on file;
    list every problem (exit status 1 if any).

    A mapping must map every code of the old version that was removed or changed, or mark it
    retired, and may map nothing onto a code the new version deprecates."""
    paths = [path] if path is not None else loader.shipped_files(get_settings().typology_dir)
    failed = False
    for each in paths:
        problems = loader.validate_file(each)
        if not problems:
            typer.echo(f"{each} is valid.")
            continue
        failed = True
        typer.secho(f"{each} has {len(problems)} problem(s):", err=True, fg=typer.colors.RED)
        for problem in problems:
            typer.echo(f"  - {problem}", err=True)
    if failed:
        raise typer.Exit(code=1)
