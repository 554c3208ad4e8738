"""Fictional agency chronologies made in the test: workbooks with openpyxl, CSV as text."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook


def workbook(rows: Sequence[Sequence[Any]], *, title: str = "Chronology", **sheets: Any) -> bytes:
    """An .xlsx workbook whose first sheet holds ``rows``; ``sheets`` adds more by name."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for name, more in sheets.items():
        extra = book.create_sheet(name)
        for row in more:
            extra.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def police_workbook() -> bytes:
    """The police's layout: a title row, then 'Date/Time', 'Details', 'Officer', 'Key event'."""
    return workbook(
        [
            ["Testshire Police: chronology for Child T"],
            [],
            ["Date/Time", "Details", "Source", "Officer", "Key event"],
            ["03/04/2019 14:30", "Call from neighbour about shouting.", "Storm log", "PC 1", "Y"],
            ["11/04/2019", "Domestic abuse risk assessment (DASH): medium.", "Niche", "PC 2", ""],
            ["May 2019", "Officer attended; no answer at the door.", "Niche", "PC 1", "N"],
        ]
    )


def health_workbook() -> bytes:
    """Health visiting's layout: real date cells, a separate time column, 'Significant?'."""
    from datetime import date, datetime, time

    return workbook(
        [
            ["Entry date", "Time", "Summary of contact", "Author role", "Significant?"],
            [
                date(2019, 2, 1),
                time(9, 15),
                "New birth visit; Child T well.",
                "health visitor 1",
                "yes",
            ],
            [
                datetime(2019, 3, 5, 0, 0),
                None,
                "Missed appointment at clinic.",
                "health visitor 1",
                "no",
            ],
            [2019, None, "Letters to family unanswered during the year.", "health visitor 2", "x"],
        ],
        title="HV records",
    )


def school_csv() -> bytes:
    """The school's CSV: semicolons, Windows' encoding, month-only dates."""
    text = (
        "When;What happened;Record\r\n"
        "09/2019;Child T started in reception, attendance 82%.;Attendance register\r\n"
        "14/10/2019;Designated safeguarding lead spoke to Mother about bruising.;CPOMS\r\n"
    )
    return text.encode("cp1252")


def zipped(parts: dict[str, bytes | str], *, compress: bool = True) -> bytes:
    """A zip file with these parts (to make workbooks that are not what they seem)."""
    out = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    return out.getvalue()


def parts_of(data: bytes) -> dict[str, bytes]:
    """The parts of a workbook, to change one of them."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n) for n in archive.namelist()}
