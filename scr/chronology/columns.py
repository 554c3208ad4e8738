"""Which column of an agency's spreadsheet holds which field of a chronology entry.

A mapping names, for each field, the text of the header above its column. It is guessed from
the header names, given by the reviewer, or remembered from the agency's last import into a
review of the same board (``ChronologyColumns``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from enum import StrEnum

from sqlmodel import Session, select

from scr.chronology.models import ChronologyColumns
from scr.common import crud
from scr.errors import InvalidInput


class EntryField(StrEnum):
    """The fields of a chronology entry a spreadsheet's column can fill."""

    date = "date"
    time = "time"
    summary = "summary"
    source = "source"
    significant = "significant"
    author_role = "author_role"


FIELD_LABELS = {
    EntryField.date: "date",
    EntryField.time: "time",
    EntryField.summary: "summary",
    EntryField.source: "source",
    EntryField.significant: "significant",
    EntryField.author_role: "author role",
}

# The header names agencies use, normalised (lower case, words only), the likeliest first.
_EXACT: dict[EntryField, tuple[str, ...]] = {
    EntryField.date: (
        "date",
        "entry date",
        "event date",
        "contact date",
        "date of contact",
        "date of event",
        "date time",
        "date and time",
        "when",
    ),
    EntryField.time: ("time", "time of contact", "event time", "contact time"),
    EntryField.summary: (
        "summary",
        "details",
        "detail",
        "description",
        "event",
        "what happened",
        "narrative",
        "notes",
        "entry",
        "summary of contact",
        "contact details",
        "event details",
        "information",
    ),
    EntryField.source: (
        "source",
        "source document",
        "record",
        "record type",
        "reference",
        "document",
        "system",
    ),
    EntryField.significant: (
        "significant",
        "significance",
        "significant event",
        "key event",
        "key",
        "flag",
    ),
    EntryField.author_role: (
        "author role",
        "author",
        "role",
        "practitioner",
        "practitioner role",
        "officer",
        "worker",
        "professional",
        "recorded by",
        "completed by",
    ),
}
# Words that mark a header as a field's when no header is one of its exact names.
_WORDS: dict[EntryField, tuple[str, ...]] = {
    EntryField.date: ("date",),
    EntryField.time: ("time",),
    EntryField.summary: ("summary", "detail", "details", "description", "narrative", "notes"),
    EntryField.source: ("source",),
    EntryField.significant: ("significant", "significance"),
    EntryField.author_role: ("author", "role", "practitioner", "officer"),
}


def _normal(header: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", header.lower()))


def guess(headers: Sequence[str]) -> dict[EntryField, str]:
    """The likeliest column for each field, from the header names; a header serves one field."""
    found: dict[EntryField, str] = {}
    taken: set[str] = set()
    normal = {h: _normal(h) for h in headers if h}
    for field, names in _EXACT.items():
        for name in names:
            match = next((h for h, n in normal.items() if n == name and h not in taken), None)
            if match is not None:
                found[field] = match
                taken.add(match)
                break
    for field, words in _WORDS.items():
        if field in found:
            continue
        match = next(
            (h for h, n in normal.items() if h not in taken and any(w in n.split() for w in words)),
            None,
        )
        if match is not None:
            found[field] = match
            taken.add(match)
    return found


def from_json(text: str | None) -> dict[str, str] | None:
    """A mapping sent as JSON text (``{"date": "Date of contact", ...}``), or None if none is."""
    if text is None or not text.strip():
        return None
    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str | None) for k, v in value.items()
    ):
        raise InvalidInput(
            'The columns must be a JSON object naming a header for each field, e.g. {"date": '
            '"Date", "summary": "Details"}.',
            field=("body", "columns"),
        )
    return {k: v for k, v in value.items() if v}


def check(
    mapping: dict[EntryField, str],
    headers: Sequence[str],
    *,
    header_row: int,
    sheet: str = "CSV",
    sheets: Sequence[str] = (),
) -> None:
    """Refuse a mapping that names a header the sheet lacks or has no date or summary; the
    refusal names the sheet's headers (``headers``) and the workbook's sheets (``sheet``, the
    one read, and ``sheets``), so that a person can choose."""
    found = {"headers": list(headers), "sheet": sheet, "sheets": list(sheets)}
    where = f"the header of the sheet {sheet!r}" if sheets else "the sheet's header"
    others = [repr(s) for s in sheets if s != sheet]
    elsewhere = f" The workbook's other sheets: {', '.join(others)}." if others else ""
    for field, header in mapping.items():
        if header not in headers:
            raise InvalidInput(
                f"The {FIELD_LABELS[field]} column is mapped to {header!r}, but {where} "
                f"(row {header_row}) has no such column. Its columns are: "
                + ", ".join(repr(h) for h in headers if h)
                + f".{elsewhere} Nothing was imported.",
                field=("body", "columns", field.value),
                **found,
            )
    for needed in (EntryField.date, EntryField.summary):
        if needed not in mapping:
            named = ", ".join(repr(h) for h in headers if h) or "no names"
            raise InvalidInput(
                f"{where[0].upper()}{where[1:]} (row {header_row}: {named}) has no "
                f"{FIELD_LABELS[needed]} column that the import recognises. Choose the column "
                f"that holds the {FIELD_LABELS[needed]}s, or name it '{needed.value.title()}'."
                f"{elsewhere} Nothing was imported.",
                field=("body", "columns", needed.value),
                **found,
            )


def remembered(*, session: Session, board_id: int, agency_id: int) -> ChronologyColumns | None:
    """The columns this agency's last import into one of the board's reviews used."""
    return session.exec(
        select(ChronologyColumns).where(
            ChronologyColumns.board_id == board_id, ChronologyColumns.agency_id == agency_id
        )
    ).first()


def remember(
    *,
    session: Session,
    board_id: int,
    agency_id: int,
    mapping: dict[EntryField, str],
    actor: str | None,
) -> None:
    """Keep the mapping for the agency's next import into a review of this board."""
    columns = {field.value: header for field, header in mapping.items()}
    saved = remembered(session=session, board_id=board_id, agency_id=agency_id)
    if saved is None:
        saved = ChronologyColumns(board_id=board_id, agency_id=agency_id, columns=columns)
        crud.stamp_new(saved, actor=actor)
        session.add(saved)
    elif saved.columns != columns:
        crud.apply_changes(saved, {"columns": columns}, actor=actor)
