"""Applying a withdrawal line an import receives (``scr-exchange/1.1``): the copy held here,
if it is not newer than the withdrawal, is removed (it leaves the national figures at once),
and the withdrawal is kept, to be passed on and to keep an older line from coming back."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from scr.exchange import withdrawals
from scr.exchange.document import Withdrawal
from scr.exchange.schemas import ImportLineReport
from scr.workflow import service as review_service


def apply(session: Session, number: int, line: Withdrawal, own_instance: str) -> ImportLineReport:
    """Apply a withdrawal line (line ``number`` of the file) and say what it did."""
    s = line.source

    def report(outcome: Any, message: str) -> ImportLineReport:
        return ImportLineReport(
            line=number, reference=s.reference, outcome=outcome, message=message
        )

    if s.instance == own_instance:
        return report("unchanged", "This review is this instance's own; nothing to withdraw.")
    held = withdrawals.held_copy(session, s)
    if held is not None and held.revision > s.revision:
        return report(
            "older",
            f"The withdrawal of revision {s.revision} is older than revision {held.revision}, "
            "kept here.",
        )
    gone = withdrawals.standing(session, instance=s.instance, board=s.board, reference=s.reference)
    if held is None and gone is not None and gone.revision >= s.revision:
        return report("unchanged", f"Revision {s.revision} is withdrawn here already.")
    with session.begin_nested():
        if held is not None:
            review = review_service.get(session=session, review_id=held.review_id)
            review_service.delete(session=session, review=review, cascade=True)
        withdrawals.withdraw(
            session,
            instance=s.instance,
            board=s.board,
            reference=s.reference,
            revision=s.revision,
            reason=line.reason,
        )
    why = {
        "reopened": "reopened for change",
        "deleted": "deleted",
        "withheld": "withheld (an identifier was found in it)",
    }[line.reason.value]
    if held is None:
        return report(
            "withdrawn",
            f"Review {s.reference} of board {s.board} was {why} at its source; none was held "
            "here, and an older copy will not be taken in.",
        )
    return report(
        "withdrawn",
        f"Review {s.reference} of board {s.board} was {why} at its source: the copy held "
        "here is removed and no longer counted.",
    )
