"""Import an agency's chronology from its spreadsheet: a preview of every row, then a commit.

The same file is sent twice: first to preview (nothing is written), then with ``commit`` to
import it. The API keeps no upload between the two requests (its processes are stateless), and
the commit reads and checks the file again, so what is committed is what the file says. A
commit is all or nothing: while any row is refused, nothing is imported. A row that repeats an
entry the review already has from the agency (the same date and summary, whatever the case,
spacing and punctuation), or an earlier row of the file, is a likely duplicate and is left out.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from pydantic import ValidationError
from sqlalchemy import insert
from sqlmodel import Session, select

from scr.agency import service as agency_service
from scr.agency.models import Agency
from scr.chronology import columns, reading
from scr.chronology.columns import EntryField
from scr.chronology.dates import read_date, read_time
from scr.chronology.models import ChronologyEntry
from scr.chronology.schemas import (
    ChronologyEntryCreate,
    ChronologyImportOutcome,
    ChronologyImportReport,
    ChronologyImportRow,
)
from scr.common.columns import utcnow
from scr.common.lookup import id_of
from scr.common.problems import describe
from scr.errors import InvalidInput
from scr.review import revision
from scr.review.models import Review
from scr.vocabulary import DatePrecision

_YES = {"yes", "y", "true", "1", "x", "\u2713", "\u2714", "significant", "key"}
_NO = {"", "no", "n", "false", "0", "-"}


def run(
    *,
    session: Session,
    review: Review,
    agency_code: str,
    file_name: str,
    data: bytes,
    given: dict[str, str] | None = None,
    commit: bool = False,
    actor: str | None = None,
    limits: reading.Limits = reading.Limits(),
    sheet_name: str | None = None,
) -> ChronologyImportReport:
    """Preview the import of ``data`` (an agency's spreadsheet), or with ``commit`` import it."""
    agency = _agency(session, review, agency_code)
    sheet = reading.read(data, file_name, limits, sheet_name)
    mapping, columns_from = _mapping(session, review, agency, sheet.headers, given)
    columns.check(
        mapping, sheet.headers, header_row=sheet.header_row, sheet=sheet.name, sheets=sheet.sheets
    )
    if not sheet.rows:
        raise InvalidInput(
            f"{file_name} has a header (row {sheet.header_row}) but no rows under it. "
            "Nothing was imported.",
            field=("body", "file"),
        )
    rows, entries = _rows(session, review, agency, sheet, mapping)
    report = ChronologyImportReport(
        committed=False,
        file_name=file_name,
        sha256=hashlib.sha256(data).hexdigest(),
        agency_id=id_of(agency),
        agency_code=agency.code,
        sheet=sheet.name,
        sheets=sheet.sheets,
        header_row=sheet.header_row,
        headers=sheet.headers,
        columns={f.value: h for f, h in mapping.items()},
        columns_from=columns_from,
        imported=sum(r.outcome is ChronologyImportOutcome.imported for r in rows),
        refused=sum(r.outcome is ChronologyImportOutcome.refused for r in rows),
        duplicates=sum(r.outcome is ChronologyImportOutcome.duplicate for r in rows),
        rows=rows,
    )
    if not commit:
        return report
    if report.refused:
        first = [f"row {r.row}: {r.reason}" for r in rows if r.reason and r.outcome == "refused"]
        raise InvalidInput(
            f"{report.refused} row(s) of {file_name} are refused, so nothing was imported "
            f"(the first: {'; '.join(first[:3])}). Correct them and send the file again.",
            field=("body", "file"),
            report=report.model_dump(mode="json"),
        )
    # Thousands of rows: one INSERT with many values, not an ORM object each (far faster).
    now = utcnow()
    stamps = {"version": 1, "created_at": now, "updated_at": now, "updated_by": actor}
    if entries:
        session.connection().execute(
            insert(ChronologyEntry.__table__),  # type: ignore[attr-defined]
            [{"review_id": id_of(review), **e.model_dump(), **stamps} for e in entries],
        )
        revision.revise(session, id_of(review))
    columns.remember(
        session=session,
        board_id=review.board_id,
        agency_id=id_of(agency),
        mapping=mapping,
        actor=actor,
    )
    session.flush()
    return report.model_copy(update={"committed": True})


def _agency(session: Session, review: Review, code: str) -> Agency:
    agency = agency_service.get_by_code(session=session, code=code.strip())
    if agency is None or agency.board_id not in (None, review.board_id):
        raise InvalidInput(
            f"There is no agency with the code {code!r} in this board's list of agencies.",
            field=("body", "agency"),
        )
    return agency


def _mapping(
    session: Session,
    review: Review,
    agency: Agency,
    headers: list[str],
    given: dict[str, str] | None,
) -> tuple[dict[EntryField, str], Any]:
    if given is not None:
        known = {f.value for f in EntryField}
        for name in given:
            if name not in known:
                raise InvalidInput(
                    f"{name!r} is not a field of a chronology entry; the fields are "
                    + ", ".join(sorted(known))
                    + ".",
                    field=("body", "columns", name),
                )
        return {EntryField(k): v for k, v in given.items() if v}, "given"
    saved = columns.remembered(session=session, board_id=review.board_id, agency_id=id_of(agency))
    if saved is not None and all(h in headers for h in saved.columns.values()):
        return {EntryField(k): v for k, v in saved.columns.items()}, "remembered"
    return columns.guess(headers), "guessed"


def _key(day: object, precision: object, summary: str) -> tuple[object, object, str]:
    return day, precision, " ".join(re.findall(r"\w+", summary.lower()))


def _text(cell: object) -> str | None:
    if cell is None:
        return None
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = str(cell).strip()
    return text or None


def _significant(cell: object) -> bool:
    if isinstance(cell, bool):
        return cell
    text = (_text(cell) or "").lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValueError(f"{text!r} in the significant column is not yes or no")


def _rows(
    session: Session,
    review: Review,
    agency: Agency,
    sheet: reading.Sheet,
    mapping: dict[EntryField, str],
) -> tuple[list[ChronologyImportRow], list[ChronologyEntryCreate]]:
    held = {
        _key(e.entry_date, e.date_precision, e.summary): id_of(e)
        for e in session.exec(
            select(ChronologyEntry).where(
                ChronologyEntry.review_id == review.id, ChronologyEntry.agency_id == agency.id
            )
        )
    }
    seen: dict[tuple[object, object, str], int] = {}
    where = {field: sheet.headers.index(header) for field, header in mapping.items()}
    rows: list[ChronologyImportRow] = []
    entries: list[ChronologyEntryCreate] = []
    for number, cells in sheet.rows:
        values = {f: cells[i] if i < len(cells) else None for f, i in where.items()}
        try:
            data = _entry(values, id_of(agency))
        except ValueError as exc:
            rows.append(
                ChronologyImportRow(
                    row=number, outcome=ChronologyImportOutcome.refused, reason=str(exc)
                )
            )
            continue
        shown = data.model_dump(exclude={"agency_id"})
        key = _key(data.entry_date, data.date_precision, data.summary)
        if key in held:
            rows.append(
                ChronologyImportRow(
                    row=number,
                    outcome=ChronologyImportOutcome.duplicate,
                    reason=f"the review already has this entry from {agency.name}",
                    duplicate_of=held[key],
                    **shown,
                )
            )
        elif key in seen:
            rows.append(
                ChronologyImportRow(
                    row=number,
                    outcome=ChronologyImportOutcome.duplicate,
                    reason=f"it repeats row {seen[key]}",
                    **shown,
                )
            )
        else:
            seen[key] = number
            rows.append(
                ChronologyImportRow(row=number, outcome=ChronologyImportOutcome.imported, **shown)
            )
            entries.append(data)
    return rows, entries


def _entry(values: dict[EntryField, object], agency_id: int) -> ChronologyEntryCreate:
    """The entry a row makes; ValueError saying why the row is refused."""
    when = read_date(values.get(EntryField.date))
    clock = read_time(values.get(EntryField.time)) or when.time
    if clock is not None and when.precision is not DatePrecision.day:
        raise ValueError(f"it gives a time for a date known only to the {when.precision.value}")
    fields = {
        "entry_date": when.day,
        "date_precision": when.precision,
        "entry_time": clock,
        "agency_id": agency_id,
        "summary": _text(values.get(EntryField.summary)) or "",
        "source": _text(values.get(EntryField.source)),
        "author_role": _text(values.get(EntryField.author_role)),
        "significant": _significant(values.get(EntryField.significant)),
    }
    if not fields["summary"]:
        raise ValueError("it has no summary")
    try:
        return ChronologyEntryCreate.model_validate(fields)
    except ValidationError as exc:
        problems = [describe(e).message.rstrip(".") for e in exc.errors()]
        raise ValueError("; ".join(problems).replace("author_role", "the author role")) from None
