"""Nothing leaves unscanned: every text column of every record a review holds is given a
marker of its own, every output of the review is made, and each marker an output carries
must be in a text the scan reads. A new text field carried by an output, or a new output,
that the scan's list misses fails here."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import docx
import sqlalchemy as sa
from sqlmodel import Session, SQLModel, col, select
from sqlmodel.sql.sqltypes import AutoString

import scr.models  # noqa: F401  (every table registered)
from scr.agency.models import Agency
from scr.demo.loader import load_demo
from scr.exchange import leaving
from scr.exchange.build import build
from scr.finding.models import BoardAction, BoardQuestion, Finding
from scr.graph import export as graph_export
from scr.graph import service as graph_service
from scr.report import service as report_service
from scr.review.models import Review
from scr.tag import service as tag_service
from scr.tag.schemas import TagCreate
from scr.workflow.transfer import export_review

# Columns drawn from a controlled vocabulary (codes checked against the typology or a
# reference list) or kept for the instance itself: never a reviewer's words.
NOT_TEXT = frozenset(
    {"code", "category", "typology_version", "typology_versions", "line", "hit_kind", "record"}
)


def _text_columns(model: Any) -> Iterator[str]:
    for column in model.__table__.columns:
        if column.name in NOT_TEXT or isinstance(column.type, sa.Enum):
            continue
        if isinstance(column.type, sa.String | AutoString) or column.name == "roles_involved":
            yield column.name


def _rows_of(session: Session, review: Review) -> list[Any]:
    rows: list[Any] = [review]
    for table in Review.metadata.sorted_tables:
        # search_document is the search index of the other rows, rewritten by triggers
        # whenever they change: it holds no text of its own.
        if "review_id" not in table.c or table.name in ("review", "search_document"):
            continue
        model = next(m for m in _models() if m.__table__ is table)
        rows += session.exec(select(model).where(model.review_id == review.id)).all()
    findings = select(Finding.id).where(Finding.review_id == review.id)
    questions = session.exec(
        select(BoardQuestion).where(col(BoardQuestion.finding_id).in_(findings))
    ).all()
    rows += questions
    rows += session.exec(
        select(BoardAction).where(col(BoardAction.question_id).in_([q.id for q in questions]))
    ).all()
    rows += session.exec(select(Agency)).all()
    return rows


def _models() -> list[Any]:
    return [m for m in _all_subclasses(SQLModel) if hasattr(m, "__table__")]


def _all_subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _all_subclasses(sub)


def _mark_everything(session: Session, review: Review) -> dict[str, str]:
    """Give every text column of every row a marker of its own; say where each went."""
    where: dict[str, str] = {}
    for row in _rows_of(session, review):
        for name in _text_columns(type(row)):
            marker = f"zqx{len(where):04d}q"
            where[marker] = f"{row.__tablename__}.{name}"
            value = getattr(row, name)
            setattr(row, name, [marker] if isinstance(value, list) else marker)
    session.flush()
    session.expire_all()
    return where


def _mark_entries(review: Review, where: dict[str, str]) -> None:
    """The review's lists of entries (JSON columns) get a marker in each of their texts."""
    for name in ("family_composition", "quality_markers"):
        entries = []
        for entry in getattr(review, name):
            marked = dict(entry)
            for key, value in entry.items():
                if key not in ("marker", "status") and isinstance(value, str | None):
                    marker = f"zqx{len(where):04d}q"
                    where[marker] = f"review.{name}.{key}"
                    marked[key] = marker
            entries.append(marked)
        setattr(review, name, entries)


def _docx_text(body: bytes) -> str:
    document = docx.Document(io.BytesIO(body))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _outputs(session: Session, review: Review) -> dict[str, str]:
    graph = graph_service.review_graph(session=session, review=review)
    (line,) = build(session, [review], instance="here")
    report = {
        fmt: report_service.make(session=session, review=review, fmt=fmt).body
        for fmt in ("html", "docx")
    }
    response = report_service.make_response(session=session, review=review, fmt="html").body
    return {
        "report html": report["html"].decode(),
        "report docx": _docx_text(report["docx"]),
        "board response": response.decode(),
        "scr-review/1": export_review(session=session, review=review).model_dump_json(),
        "scr-exchange/1": line.json(),
        "graph json": json.dumps(graph_export.node_link(graph)),
        "graphml": graph_export.graphml(graph),
        "gexf": graph_export.gexf(graph),
        "cytoscape": json.dumps(graph_export.cytoscape(graph)),
    }


def test_every_text_an_output_carries_is_scanned(session: Session) -> None:
    review, _ = load_demo(session=session)
    tag_service.create(
        session=session,
        review=review,
        data=TagCreate(target=f"review:{review.id}", code="cc.harm.neglect", agreed=True),
        coder="lead@example.org",
    )
    where = _mark_everything(session, review)
    _mark_entries(review, where)
    session.flush()
    scanned = " ".join(t.value for t in leaving.texts(session, review))
    carried = {
        (output, where[marker])
        for output, body in _outputs(session, review).items()
        for marker in where
        if marker in body
    }
    unscanned = {
        (output, where[marker])
        for output, body in _outputs(session, review).items()
        for marker in where
        if marker in body and marker not in scanned
    }
    assert sorted(unscanned) == []
    # The test sees what it must: the chronology leaves in the review file, labels in graphs.
    assert ("scr-review/1", "chronology_entry.summary") in carried
    assert ("graphml", "contributory_factor.description") in carried
    assert ("scr-exchange/1", "board_action.description") in carried
    assert ("report html", "review.family_composition.relationship") in carried
    assert ("report docx", "review.quality_markers.note") in carried
    assert ("board response", "board_action.evidence_of_impact") in carried
