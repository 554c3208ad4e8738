"""The method's vocabularies in the words a published report uses."""

from __future__ import annotations

from datetime import date

from scr.common.written import written_date
from scr.vocabulary import DatePrecision

REVIEW_TYPES = {
    "serious_case_review": "Serious case review",
    "rapid_review": "Rapid review",
    "local_child_safeguarding_practice_review": "Local child safeguarding practice review",
    "themed_review": "Themed review",
    "other": "Case review",
}
SIZES = {
    "full": "a full review",
    "intensive": "an intensive review",
    "speed_plus": "a Speed+ review",
    "mid_range": "a mid-range review",
    "focused": "a focused review",
    "themed": "a themed review",
}
RATINGS = {
    "good_practice": "Good practice",
    "as_expected": "As expected",
    "below_expected": "Below what was expected",
    "not_assessable": "Not assessable",
}
LEVELS = {
    "family": "Family",
    "worker_role": "The worker's own role",
    "working_conditions": "Working conditions",
    "personal": "Personal factors",
    "own_team": "Own team",
    "inter_agency_team": "The inter-agency team",
    "organisational": "Organisational culture and management",
    "wider_context": "The wider political context",
    "other": "Other",
}
PATTERNS = {"unsafe": "Unsafe pattern", "constructive": "Constructive pattern"}
ACTION_STATUSES = {
    "planned": "Planned",
    "in_progress": "In progress",
    "completed": "Completed",
    "dropped": "Dropped",
}
LINKS = {
    "contributed_to": "contributed to",
    "influenced": "influenced",
    "led_to": "led to",
    "evidenced_by": "is evidenced by",
}


def value(x: object) -> str:
    """An enumeration's stored value (or the string itself)."""
    return str(getattr(x, "value", x))


def day(d: date) -> str:
    """3 December 2026."""
    return written_date(d)


def month(d: date) -> str:
    """December 2026: periods are given no finer than a month, as the exchange gives them."""
    return written_date(d, DatePrecision.month)


def period(start: date | None, end: date | None) -> str:
    """The months a period runs over, in words; empty when neither end is known."""
    if start and end:
        first, last = month(start), month(end)
        return first if first == last else f"{first} to {last}"
    if start:
        return f"from {month(start)}"
    if end:
        return f"until {month(end)}"
    return ""
