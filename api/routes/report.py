"""A review's report, the document the Board publishes, as HTML, PDF or Word."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query
from fastapi.responses import Response

from api.deps import AUDIT_AS, PrincipalDep, ReviewDep, SessionDep
from api.routing import APIRouter
from scr.report import service as report_service
from scr.report.service import Made
from scr.tag import service as tag_service
from scr.vocabulary import AuditAction, ReportFormat

router = APIRouter(prefix="/reviews/{review_id}", tags=["report"])

_A_DOCUMENT: dict[str, Any] = {
    "response_class": Response,
    "responses": {200: {"content": {m: {} for m in report_service.MEDIA_TYPES.values()}}},
    "openapi_extra": {AUDIT_AS: AuditAction.export.value},
}
FormatQuery = Annotated[ReportFormat, Query(description="html (the preview), pdf or docx")]


@router.get("/report", **_A_DOCUMENT)
def read(
    session: SessionDep,
    principal: PrincipalDep,
    review: ReviewDep,
    format: FormatQuery = ReportFormat.html,
) -> Response:
    """The review's report; a DRAFT until the review is published with no open scan hit,
    and once published the same file each time (kept when first made). A coder who codes
    the review blind reads the draft without its agreed codes."""
    blind = tag_service.is_blind(session, review, principal)
    made = report_service.make(session=session, review=review, fmt=format, blind=blind)
    return _file(made, format)


@router.get("/response", **_A_DOCUMENT)
def board_response(
    session: SessionDep, review: ReviewDep, format: FormatQuery = ReportFormat.html
) -> Response:
    """The Board's response and action plan, from the questions, responses and actions;
    409 until the Board has responded to a question."""
    return _file(report_service.make_response(session=session, review=review, fmt=format), format)


def _file(made: Made, format: ReportFormat) -> Response:
    disposition = "inline" if format == ReportFormat.html else "attachment"
    return Response(
        content=made.body,
        media_type=made.media_type,
        headers={"Content-Disposition": f'{disposition}; filename="{made.filename}"'},
    )
