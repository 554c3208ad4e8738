"""Make a review's report, or the Board's response, as HTML, PDF or Word, behind the gate.

The gate: until the review is published, and while its identifier scan has an open hit,
only a draft can be made (DRAFT on every page), dated the day it is made. Once published,
the final report in each format is made the first time it is asked for and kept
(``PublishedReport``; dated by the publication, from the frozen record); while that
revision stands the kept bytes are handed out, so the report the Board published is the
same file ever after. (Made on first asking, not at publication: a PDF takes seconds, and
publishing should not wait for three documents nobody has asked for yet.) The Board's
response is made afresh each time: the Board keeps working its actions
after publication.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete as sql_delete
from sqlmodel import Session, col

from scr.common.lookup import id_of
from scr.config import get_settings
from scr.errors import Conflict
from scr.exchange import scanning
from scr.report import document, figure, markup, pdf, response, word
from scr.report.layout import Block
from scr.report.models import PublishedReport
from scr.review.models import Review
from scr.vocabulary import ReportFormat, ReviewStatus

MEDIA_TYPES: dict[str, str] = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@dataclass(frozen=True)
class Made:
    body: bytes
    media_type: str
    filename: str
    draft: bool


def is_draft(*, session: Session, review: Review) -> bool:
    """Whether the review's report can only be a draft: unpublished, or with an open hit."""
    if review.status != ReviewStatus.published:
        return True
    return scanning.scan_review(session=session, review=review).open > 0


def _render(
    report: document.Report,
    fmt: ReportFormat,
    body: list[Block] | None = None,
    title: str | None = None,
) -> bytes:
    source = figure.dot_source(report.graph, report.node_names)
    drawn = body is None and figure.drawn(report.graph)
    if fmt == ReportFormat.docx:
        png = figure.draw(source, "png") if drawn else None
        return word.render(report, png, get_settings().report_template, body, title)
    svg = figure.draw(source, "svg") if drawn else None
    html = markup.render(report, svg, body, title)
    return pdf.render(html) if fmt == ReportFormat.pdf else html.encode()


def _made(review: Review, body: bytes, fmt: ReportFormat, draft: bool, what: str) -> Made:
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", review.reference).strip("-") or "review"
    suffix = "-draft" if draft else ""
    return Made(body, MEDIA_TYPES[fmt], f"{stem}-{what}{suffix}.{fmt.value}", draft)


def keep(
    *, session: Session, review: Review, formats: tuple[ReportFormat, ...] = tuple(ReportFormat)
) -> None:
    """Make the published review's final report in ``formats`` and keep the bytes."""
    report = document.build(session, review, draft=False, today=date.today())
    for fmt in formats:
        stale = session.get(PublishedReport, (id_of(review), fmt))
        if stale is not None:
            session.delete(stale)
            session.flush()
        session.add(
            PublishedReport(
                review_id=id_of(review),
                format=fmt,
                revision=review.revision,
                body=_render(report, fmt),
            )
        )
    session.flush()


def forget(*, session: Session, review: Review) -> None:
    """Drop the review's kept report (it is reopened, or deleted)."""
    session.execute(
        sql_delete(PublishedReport).where(col(PublishedReport.review_id) == id_of(review))
    )


def make(
    *,
    session: Session,
    review: Review,
    fmt: ReportFormat,
    today: date | None = None,
    blind: bool = False,
) -> Made:
    """The review's report in ``fmt``: the kept final report once published with no open
    hit, otherwise a draft made now (``blind``: without the agreed codes, for a coder who
    codes the review blind; the published report is the public document, whole)."""
    fmt = ReportFormat(fmt)
    if not is_draft(session=session, review=review):
        kept = session.get(PublishedReport, (id_of(review), fmt))
        if kept is None or kept.revision != review.revision:
            # The first time it is asked for (or published before reports were kept).
            keep(session=session, review=review, formats=(fmt,))
            kept = session.get(PublishedReport, (id_of(review), fmt))
            assert kept is not None
        return _made(review, kept.body, fmt, False, "report")
    report = document.build(session, review, draft=True, today=today or date.today(), blind=blind)
    return _made(review, _render(report, fmt), fmt, True, "report")


def make_response(
    *, session: Session, review: Review, fmt: ReportFormat, today: date | None = None
) -> Made:
    """The Board's response and action plan in ``fmt``; Conflict until one is recorded."""
    fmt = ReportFormat(fmt)
    draft = is_draft(session=session, review=review)
    report = document.build(session, review, draft=draft, today=today or date.today())
    if not response.recorded(report):
        raise Conflict(
            f"The Board has not yet responded to any question of review {review.reference}: "
            "record a response or an action on a question for the Board first."
        )
    body = _render(report, fmt, response.blocks(report), response.title(report))
    return _made(review, body, fmt, draft, "board-response")
