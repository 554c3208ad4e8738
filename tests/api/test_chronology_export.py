"""The merged chronology out (XLSX and CSV, for the case group), and never to the nation."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlmodel import Session, select

from scr.account.models import User
from scr.audit.models import AuditEntry
from scr.vocabulary import Role
from tests.api.exchange_world import ready
from tests.api.test_chronology_import import send
from tests.factories import agency_id, make_entry, make_review, make_user
from tests.scr.chronology.files import workbook


def _three_agencies(session: Session) -> int:
    review = make_review(session, reference="TST-CHRON 1")
    make_entry(
        session,
        review,
        entry_date="2019-04-03",
        entry_time="14:30",
        agency_id=agency_id(session, "police"),
        summary='=HYPERLINK("http://attacker.example","Call")',
        source="Storm log",
        author_role="PC 1",
        significant=True,
    )
    make_entry(
        session,
        review,
        entry_date="2019-04-01",
        date_precision="month",
        agency_id=agency_id(session, "school"),
        summary="Attendance fell to 60%.",
    )
    make_entry(
        session,
        review,
        entry_date="2018-01-01",
        date_precision="year",
        agency_id=agency_id(session, "gp"),
        summary="Registered with the practice.",
    )
    assert review.id is not None
    return review.id


def test_the_workbook_has_one_sheet_an_agency_column_marks_filters_and_a_frozen_header(
    client: TestClient, session: Session
) -> None:
    review_id = _three_agencies(session)
    answer = client.get(f"/api/v1/reviews/{review_id}/chronology/export", params={"format": "xlsx"})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert 'filename="chronology-TST-CHRON-1.xlsx"' in answer.headers["content-disposition"]
    book = load_workbook(io.BytesIO(answer.content))
    assert book.sheetnames == ["Chronology"]
    sheet = book["Chronology"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Date", "Time", "Agency", "Summary", "Source", "Author role", "Significant")
    assert [r[2] for r in rows[1:]] == ["General practice (GP)", "School", "Police"]
    assert [sheet.cell(r, 1).number_format for r in (2, 3, 4)] == [
        "yyyy",
        "mmmm yyyy",
        "dd/mm/yyyy",
    ]
    assert rows[3][6] == "Yes"
    assert sheet.cell(4, 4).font.bold is True
    assert sheet.cell(4, 4).data_type == "s", "an agency's text is never a formula"
    assert rows[3][3] == '=HYPERLINK("http://attacker.example","Call")'
    assert sheet.auto_filter.ref == "A1:G4"
    assert sheet.freeze_panes == "A2"


def test_the_csv_reads_dates_as_precise_as_known_and_defuses_formulas(
    client: TestClient, session: Session
) -> None:
    review_id = _three_agencies(session)
    answer = client.get(f"/api/v1/reviews/{review_id}/chronology/export", params={"format": "csv"})
    assert answer.status_code == 200
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert rows[1][:3] == ["2018", "", "General practice (GP)"]
    assert rows[2][0] == "April 2019"
    assert rows[3][:4] == [
        "03/04/2019",
        "14:30",
        "Police",
        '\'=HYPERLINK("http://attacker.example","Call")',
    ]
    assert rows[3][6] == "Yes"


def test_an_export_is_audited_and_only_for_those_who_may_read_the_review(
    session: Session, client: TestClient, client_as: Callable[[User], TestClient]
) -> None:
    review_id = _three_agencies(session)
    url = f"/api/v1/reviews/{review_id}/chronology/export"
    assert client.get(url).status_code == 200
    entry = session.exec(select(AuditEntry).where(AuditEntry.review_id == review_id)).all()[-1]
    assert entry.action == "export"
    outsider = client_as(make_user(session, Role.reviewer))
    assert outsider.get(url).status_code == 404
    assert client.get(url, params={"format": "pdf"}).status_code == 422


def test_an_imported_chronology_never_leaves_in_the_national_exchange(
    session: Session, client_as: Callable[[User], TestClient]
) -> None:
    world = ready(session, client_as)
    data = workbook([["Date", "Details"], ["03/04/2019", "Jessamy Quillfeather-Oxbury at home."]])
    assert send(world.lead_client, world.review, data, commit=True).status_code == 200
    assert world.publish().status_code == 200
    national = client_as(make_user(session, Role.national))
    exported = national.get("/api/v1/exports/national")
    assert exported.status_code == 200
    assert str(world.review.reference).encode() in exported.content, "the review itself leaves"
    assert b"Quillfeather" not in exported.content
    assert b"chronology" not in exported.content.lower()
