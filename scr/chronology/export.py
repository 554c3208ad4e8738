"""The merged multi-agency chronology as a file for the case group meeting: XLSX or CSV.

One row an entry, by date; an agency column; significant entries marked (a "Yes" and, in
the workbook, bold on a yellow fill); the workbook has filters on its header and the header
row frozen. Dates keep their precision: a month entry reads "April 2019", a year entry "2019".
Agencies' text is written as text, never as a formula: in the workbook each cell is typed as a
string, and in CSV a cell that a spreadsheet would take for a formula (=, +, -, @ first) is
preceded by an apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from sqlmodel import Session, select

from scr.agency.models import Agency
from scr.chronology import service as chronology_service
from scr.chronology.models import ChronologyEntry
from scr.review.models import Review
from scr.vocabulary import DatePrecision

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
HEADERS = ["Date", "Time", "Agency", "Summary", "Source", "Author role", "Significant"]
_DATE_FORMATS = {
    DatePrecision.day: "dd/mm/yyyy",
    DatePrecision.month: "mmmm yyyy",
    DatePrecision.year: "yyyy",
}
_WIDTHS = {"A": 14, "B": 8, "C": 28, "D": 80, "E": 24, "F": 22, "G": 12}


def _entries(session: Session, review: Review) -> Iterator[tuple[ChronologyEntry, str]]:
    agencies = {a.id: a.name for a in session.exec(select(Agency))}
    stmt = (
        select(ChronologyEntry)
        .where(ChronologyEntry.review_id == review.id)
        .order_by(*chronology_service.ORDER)
    )
    for entry in session.exec(stmt):
        yield entry, agencies.get(entry.agency_id, str(entry.agency_id))


def date_text(entry: ChronologyEntry) -> str:
    """The entry's date as the case group reads it, no more precise than it is known."""
    if entry.date_precision is DatePrecision.year:
        return str(entry.entry_date.year)
    if entry.date_precision is DatePrecision.month:
        return entry.entry_date.strftime("%B %Y")
    return entry.entry_date.strftime("%d/%m/%Y")


def file(*, session: Session, review: Review, fmt: str) -> tuple[bytes, str]:
    """The review's whole chronology as ``fmt`` ("xlsx" or "csv"), and its media type."""
    if fmt == "csv":
        return _csv(session, review), CSV
    return _xlsx(session, review), XLSX


def _safe_cell(text: str | None) -> str:
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text or ""


def _csv(session: Session, review: Review) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for entry, agency in _entries(session, review):
        writer.writerow(
            [
                date_text(entry),
                entry.entry_time.strftime("%H:%M") if entry.entry_time else "",
                _safe_cell(agency),
                _safe_cell(entry.summary),
                _safe_cell(entry.source),
                _safe_cell(entry.author_role),
                "Yes" if entry.significant else "",
            ]
        )
    # With a byte-order mark, Excel opens the file as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _xlsx(session: Session, review: Review) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Chronology"
    sheet.append(HEADERS)
    for heading in sheet[1]:
        heading.font = Font(bold=True)
    marked = PatternFill("solid", start_color="FFF2CC")
    wrap = Alignment(wrap_text=True, vertical="top")
    count = 1
    for entry, agency in _entries(session, review):
        count += 1
        texts = [agency, entry.summary, entry.source, entry.author_role]
        sheet.cell(count, 1, entry.entry_date).number_format = _DATE_FORMATS[entry.date_precision]
        if entry.entry_time is not None:
            sheet.cell(count, 2, entry.entry_time).number_format = "hh:mm"
        for column, text in enumerate(texts, start=3):
            written = sheet.cell(count, column)
            if text:
                written.value = text
                written.data_type = "s"  # text, even if it starts with "=": never a formula
            written.alignment = wrap
        sheet.cell(count, 7, "Yes" if entry.significant else None)
        if entry.significant:
            for in_row in sheet[count]:
                in_row.fill = marked
                in_row.font = Font(bold=True)
    sheet.auto_filter.ref = f"A1:G{count}"
    sheet.freeze_panes = "A2"
    for letter, width in _WIDTHS.items():
        sheet.column_dimensions[letter].width = width
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
