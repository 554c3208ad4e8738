"""``scr chronology import``: an agency's chronology from its spreadsheet into a review."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from scr.chronology.schemas import ChronologyImportReport
from scr.db import session_scope
from scr.errors import DomainError

app = typer.Typer(help="A review's multi-agency chronology.", no_args_is_help=True)


def _show(report: ChronologyImportReport) -> None:
    for row in report.rows:
        if row.outcome != "imported":
            typer.echo(f"  row {row.row}: {row.outcome}: {row.reason}", err=True)
    columns = ", ".join(f"{field} <- {header!r}" for field, header in report.columns.items())
    others = [s for s in report.sheets if s != report.sheet]
    typer.echo(
        f"Sheet {report.sheet!r}, header in row {report.header_row}; "
        f"columns ({report.columns_from}): {columns}."
        + (f" Other sheets (--sheet): {', '.join(map(repr, others))}." if others else "")
    )
    done = "imported" if report.committed else "to import"
    typer.echo(
        f"{report.imported} {done}, {report.duplicates} likely duplicates left out, "
        f"{report.refused} refused."
    )


@app.command("import")
def import_(
    review_id: Annotated[int, typer.Argument(metavar="REVIEW", help="The review's id.")],
    path: Annotated[Path, typer.Argument(metavar="FILE", exists=True, dir_okay=False)],
    agency: Annotated[str, typer.Option(help="The agency's code, e.g. police.")],
    columns: Annotated[
        str | None,
        typer.Option(help='Which column fills each field, as JSON: {"date": "Date", ...}.'),
    ] = None,
    preview: Annotated[
        bool, typer.Option("--preview", help="Show what would be imported; write nothing.")
    ] = False,
    sheet: Annotated[
        str | None,
        typer.Option(help="The workbook's sheet to read (else its first that is not blank)."),
    ] = None,
) -> None:
    """Import an agency's chronology (.xlsx or .csv) into review REVIEW, all or nothing."""
    from scr.chronology import columns as chronology_columns
    from scr.chronology import importing
    from scr.workflow import service as review_service

    try:
        with session_scope(writer=True) as session:
            review = review_service.get(session=session, review_id=review_id)
            report = importing.run(
                session=session,
                review=review,
                agency_code=agency,
                file_name=path.name,
                data=path.read_bytes(),
                given=chronology_columns.from_json(columns),
                commit=not preview,
                actor="cli",
                sheet_name=sheet,
            )
    except DomainError as exc:
        found = exc.details.get("report")
        if found is not None:
            _show(ChronologyImportReport.model_validate(found))
        typer.secho(exc.message, err=True, fg=typer.colors.RED)
        raise typer.Exit(code=1) from None
    _show(report)
