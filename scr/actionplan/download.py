"""The action plan as a file for the Board meeting: CSV, or an XLSX workbook with overdue
actions filled red."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from scr.actionplan.schemas import ActionPlanItem

STATUS_WORDS = {
    "planned": "Planned",
    "in_progress": "In progress",
    "completed": "Done",
    "dropped": "Dropped",
}
HEADINGS = (
    "Review",
    "Finding",
    "Question",
    "Board response",
    "Action",
    "Owner (role)",
    "Owner (agency)",
    "Due",
    "Status",
    "Overdue",
    "Progress notes",
    "Evidence of impact",
)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_OVERDUE = PatternFill(start_color="F4CCCC", end_color="F4CCCC", fill_type="solid")


def _cells(item: ActionPlanItem) -> list[str]:
    notes = "\n".join(f"{n.noted_on.isoformat()}: {n.note}" for n in item.notes)
    return [
        item.review_reference,
        f"{item.finding_ordinal}. {item.finding_title}",
        item.question,
        item.board_response or "",
        item.description,
        item.owner_role or "",
        item.agency_name or "",
        item.due_date.isoformat() if item.due_date else "",
        STATUS_WORDS[item.status.value],
        "yes" if item.overdue else "",
        notes,
        item.evidence_of_impact or "",
    ]


def _safe(cell: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (CSV and formula injection)."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def as_csv(items: Sequence[ActionPlanItem]) -> str:
    """The plan as CSV, one action a row."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADINGS)
    writer.writerows([_safe(c) for c in _cells(i)] for i in items)
    return out.getvalue()


def as_xlsx(items: Sequence[ActionPlanItem], title: str) -> bytes:
    """The plan as an XLSX workbook: a header row, one action a row, overdue rows filled."""
    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = "Action plan"
    sheet.append(list(HEADINGS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for item in items:
        sheet.append([_safe(c) for c in _cells(item)])
        if item.overdue:
            for cell in sheet[sheet.max_row]:
                cell.fill = _OVERDUE
    sheet.freeze_panes = "A2"
    book.properties.title = title
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
