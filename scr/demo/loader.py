"""The fictional demo review: loaded once, however often it is asked for."""

from __future__ import annotations

import json
from importlib import resources

from sqlmodel import Session

from scr.board import service as board_service
from scr.review.models import Review
from scr.workflow import service as review_service
from scr.workflow.transfer import ReviewFile, import_review

DEMO_ACTOR = "demo"


def demo_file() -> ReviewFile:
    """The demo review as shipped (every person and place in it is invented)."""
    text = resources.files("scr.demo").joinpath("demo_review.json").read_text(encoding="utf-8")
    return ReviewFile.model_validate(json.loads(text))


def load_demo(*, session: Session) -> tuple[Review, bool]:
    """Load the demo review unless it is there already; say whether it was created."""
    file = demo_file()
    board = board_service.get_by_code(session=session, code=file.board.code)
    if board is not None and board.id is not None:
        existing = review_service.get_by_reference(
            session=session, board_id=board.id, reference=file.review.reference
        )
        if existing is not None:
            return existing, False
    return import_review(session=session, file=file, actor=DEMO_ACTOR).review, True
