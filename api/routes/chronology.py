"""A review's multi-agency chronology."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import File, Form, Query, UploadFile, status
from fastapi.responses import Response

from api.deps import (
    AUDIT_AS,
    CascadeQuery,
    ChronologyEntryDep,
    PagingDep,
    PrincipalDep,
    ReviewDep,
    SessionDep,
    page_of,
)
from api.routing import APIRouter
from scr.chronology import columns as chronology_columns
from scr.chronology import export as chronology_export
from scr.chronology import importing
from scr.chronology import service as chronology_service
from scr.chronology.models import ChronologyEntry
from scr.chronology.reading import Limits
from scr.chronology.schemas import (
    ChronologyEntryCreate,
    ChronologyEntryRead,
    ChronologyEntryUpdate,
    ChronologyFilters,
    ChronologyImportReport,
)
from scr.common.schemas import Page
from scr.episode import citations
from scr.vocabulary import AuditAction

router = APIRouter(prefix="/reviews/{review_id}/chronology", tags=["chronology"])


@router.get("", response_model=Page[ChronologyEntryRead])
def list_(
    session: SessionDep,
    review: ReviewDep,
    paging: PagingDep,
    filters: Annotated[ChronologyFilters, Query()],
) -> Page[ChronologyEntryRead]:
    """List the chronology by date, filtered: significant=true for the significant entries,
    q for words in the summary, source or author role, agency_id, and a period (date_from,
    date_to: an entry known only to the month or year counts if its month or year overlaps)."""
    result = chronology_service.list_(
        session=session, review=review, filters=filters, **paging.model_dump()
    )
    return page_of(ChronologyEntryRead, result)


@router.get(
    "/export",
    response_class=Response,
    responses={
        200: {"content": {chronology_export.XLSX: {}, chronology_export.CSV: {}}},
    },
    openapi_extra={AUDIT_AS: AuditAction.export.value},
)
def export(
    session: SessionDep, review: ReviewDep, format: Literal["xlsx", "csv"] = "xlsx"
) -> Response:
    """The merged multi-agency chronology as a file for the case group: every entry by date,
    with its agency, significant entries marked; XLSX (filters, frozen header) or CSV."""
    body, media_type = chronology_export.file(session=session, review=review, fmt=format)
    name = f"chronology-{review.reference}"
    return Response(
        content=body,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{_safe(name)}.{format}"'},
    )


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in name).strip("-") or "chronology"


@router.post(
    "/imports",
    response_model=ChronologyImportReport,
    openapi_extra={AUDIT_AS: AuditAction.import_.value},
)
def import_(
    session: SessionDep,
    principal: PrincipalDep,
    review: ReviewDep,
    file: Annotated[UploadFile, File(description="The agency's chronology: .xlsx or .csv.")],
    agency: Annotated[str, Form(max_length=100, description="The agency's code.")],
    columns: Annotated[
        str | None,
        Form(
            max_length=10_000,
            description='Which column fills each field, as JSON: {"date": "Date of contact", '
            '"summary": "Details", ...}; when left out, the agency\'s remembered columns, '
            "else a guess from the header names.",
        ),
    ] = None,
    commit: Annotated[bool, Form(description="Import the rows; false previews them.")] = False,
    sheet: Annotated[
        str | None,
        Form(
            max_length=100,
            description="The workbook's sheet to read; when left out, its first sheet that "
            "is not blank.",
        ),
    ] = None,
) -> ChronologyImportReport:
    """Preview an agency's chronology (every row: imported, refused with its reason, or a
    likely duplicate), then send the same file again with commit=true to import it, all or
    nothing. Nothing is kept between the two requests."""
    limits = Limits()
    data = file.file.read(limits.file_bytes + 1)
    return importing.run(
        session=session,
        review=review,
        agency_code=agency,
        file_name=file.filename or "The file",
        data=data,
        given=chronology_columns.from_json(columns),
        commit=commit,
        actor=principal.name,
        limits=limits,
        sheet_name=sheet,
    )


@router.post("", response_model=ChronologyEntryRead, status_code=status.HTTP_201_CREATED)
def create(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, data: ChronologyEntryCreate
) -> ChronologyEntry:
    """Add a chronology entry."""
    return chronology_service.create(
        session=session, review=review, data=data, actor=principal.name
    )


@router.get("/{entry_id}", response_model=ChronologyEntryRead)
def read(entry: ChronologyEntryDep) -> ChronologyEntry:
    """Read a chronology entry."""
    return entry


@router.patch("/{entry_id}", response_model=ChronologyEntryRead)
def update(
    session: SessionDep,
    principal: PrincipalDep,
    review: ReviewDep,
    entry: ChronologyEntryDep,
    data: ChronologyEntryUpdate,
) -> ChronologyEntry:
    """Change a chronology entry; send the version you read."""
    return chronology_service.update(
        session=session, review=review, entry=entry, data=data, actor=principal.name
    )


@router.delete("/{entry_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete(session: SessionDep, entry: ChronologyEntryDep, cascade: CascadeQuery = False) -> None:
    """Delete a chronology entry; if episodes cite it, only with cascade=true."""
    citations.delete_entry(session=session, entry=entry, cascade=cascade)
