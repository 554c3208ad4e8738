"""Agencies' chronologies in: fictional workbooks of different layouts, previewed, committed."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from scr.account.models import User
from scr.board.models import Board
from scr.chronology.models import ChronologyColumns, ChronologyEntry
from scr.review.models import Review
from scr.vocabulary import Role
from tests.factories import agency_id, make_entry, make_review, make_user
from tests.scr.chronology.files import health_workbook, police_workbook, school_csv, workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def send(
    client: TestClient,
    review: Review,
    data: bytes,
    name: str = "chronology.xlsx",
    *,
    agency: str = "police",
    commit: bool = False,
    columns: dict[str, str] | None = None,
    sheet: str | None = None,
) -> Any:
    form: dict[str, str] = {"agency": agency, "commit": str(commit).lower()}
    if columns is not None:
        form["columns"] = json.dumps(columns)
    if sheet is not None:
        form["sheet"] = sheet
    return client.post(
        f"/api/v1/reviews/{review.id}/chronology/imports",
        files={"file": (name, data, XLSX if name.endswith(".xlsx") else "text/csv")},
        data=form,
    )


def entries(session: Session, review: Review) -> list[ChronologyEntry]:
    session.expire_all()
    return list(
        session.exec(
            select(ChronologyEntry)
            .where(ChronologyEntry.review_id == review.id)
            .order_by(ChronologyEntry.entry_date)  # type: ignore[arg-type]
        )
    )


def test_a_police_workbook_is_previewed_then_committed(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    preview = send(client, review, police_workbook())
    assert preview.status_code == 200, preview.text
    report = preview.json()
    assert report["committed"] is False
    assert report["header_row"] == 3
    assert report["columns"] == {
        "date": "Date/Time",
        "summary": "Details",
        "source": "Source",
        "author_role": "Officer",
        "significant": "Key event",
    }
    assert report["columns_from"] == "guessed"
    assert [r["outcome"] for r in report["rows"]] == ["imported"] * 3
    first, _, third = report["rows"]
    assert (first["row"], first["entry_date"], first["entry_time"]) == (4, "2019-04-03", "14:30:00")
    assert first["significant"] is True
    assert (third["entry_date"], third["date_precision"]) == ("2019-05-01", "month")
    assert entries(session, review) == [], "a preview writes nothing"

    committed = send(client, review, police_workbook(), commit=True)
    assert committed.status_code == 200, committed.text
    assert committed.json()["committed"] is True
    held = entries(session, review)
    assert (held[0].summary, held[0].author_role, held[0].source) == (
        "Call from neighbour about shouting.",
        "PC 1",
        "Storm log",
    )
    assert {e.agency_id for e in held} == {agency_id(session, "police")}


def test_a_workbook_of_several_sheets_names_them_and_imports_the_one_chosen(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    book = workbook(
        [["Contents: one sheet per year"]],
        title="Notes",
        **{
            "2019": [["Date", "Details"], ["03/04/2019 2pm", "Home visit; no answer."]],
            "2020": [["Date", "Details"], ["05/01/2020", "Strategy discussion."]],
        },
    )
    first = send(client, review, book, columns={"date": "Date", "summary": "Details"})
    assert first.status_code == 422, "the first sheet has no date column"
    assert "the header of the sheet 'Notes' (row 1) has no such column" in first.text
    assert "The workbook's other sheets: '2019', '2020'." in first.text
    assert (first.json()["sheet"], first.json()["sheets"]) == ("Notes", ["Notes", "2019", "2020"])
    preview = send(client, review, book, sheet="2019")
    assert preview.status_code == 200, preview.text
    read = preview.json()
    assert (read["sheet"], read["sheets"]) == ("2019", ["Notes", "2019", "2020"])
    assert read["rows"][0]["entry_time"] == "14:00:00"

    committed = send(client, review, book, sheet="2020", commit=True)
    assert committed.status_code == 200, committed.text
    assert [e.summary for e in entries(session, review)] == ["Strategy discussion."]

    missing = send(client, review, book, sheet="2021", commit=True)
    assert missing.status_code == 422
    assert "has no sheet called '2021'; its sheets are 'Notes', '2019' and '2020'" in missing.text
    on_csv = send(client, review, school_csv(), "school.csv", agency="school", sheet="2019")
    assert on_csv.status_code == 422
    assert "CSV text, which has no sheets" in on_csv.text
    assert len(entries(session, review)) == 1, "a refused import writes nothing"


def test_health_visiting_dates_cells_times_and_years_keep_their_precision(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    answer = send(client, review, health_workbook(), agency="health-visiting", commit=True)
    assert answer.status_code == 200, answer.text
    assert answer.json()["columns"]["time"] == "Time"
    held = entries(session, review)
    assert [(e.entry_date, e.date_precision.value) for e in held] == [
        (date(2019, 1, 1), "year"),
        (date(2019, 2, 1), "day"),
        (date(2019, 3, 5), "day"),
    ]
    assert [e.significant for e in held] == [True, True, False]
    assert held[1].entry_time is not None
    assert held[1].entry_time.strftime("%H:%M") == "09:15"


def test_a_schools_csv_in_windows_encoding_with_semicolons(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    answer = send(client, review, school_csv(), "school.csv", agency="school", commit=True)
    assert answer.status_code == 200, answer.text
    held = entries(session, review)
    assert [(e.entry_date, e.date_precision.value, e.source) for e in held] == [
        (date(2019, 9, 1), "month", "Attendance register"),
        (date(2019, 10, 14), "day", "CPOMS"),
    ]


def test_a_row_that_cannot_be_read_is_refused_with_its_reason_and_blocks_the_commit(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    data = workbook(
        [
            ["Date", "Summary", "Significant"],
            ["01/02/2019", "Seen at home.", "yes"],
            ["31/02/2019", "A day that does not exist.", ""],
            ["02/02/2019", "", ""],
            ["03/02/2019", "Flag is odd.", "perhaps"],
        ]
    )
    report = send(client, review, data).json()
    assert [(r["row"], r["outcome"]) for r in report["rows"]] == [
        (2, "imported"),
        (3, "refused"),
        (4, "refused"),
        (5, "refused"),
    ]
    reasons = [r["reason"] for r in report["rows"][1:]]
    assert reasons == [
        "the date '31/02/2019' is not a day of the calendar",
        "it has no summary",
        "'perhaps' in the significant column is not yes or no",
    ]
    answer = send(client, review, data, commit=True)
    assert answer.status_code == 422
    assert "3 row(s)" in answer.json()["detail"]
    assert "nothing was imported" in answer.json()["detail"]
    assert answer.json()["report"]["refused"] == 3
    assert entries(session, review) == []


def test_likely_duplicates_of_held_entries_and_of_earlier_rows_are_left_out(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    held = make_entry(
        session,
        review,
        entry_date="2019-04-11",
        agency_id=agency_id(session, "police"),
        summary="Domestic abuse risk assessment (DASH) - medium",
    )
    data = workbook(
        [
            ["Date", "Details"],
            ["11/04/2019", "Domestic abuse risk assessment (DASH): medium."],
            ["12/04/2019", "Strategy discussion."],
            ["12/04/2019", "strategy  discussion"],
        ]
    )
    report = send(client, review, data).json()
    assert [(r["outcome"], r["duplicate_of"]) for r in report["rows"]] == [
        ("duplicate", held.id),
        ("imported", None),
        ("duplicate", None),
    ]
    assert report["rows"][2]["reason"] == "it repeats row 3"
    assert (report["imported"], report["duplicates"]) == (1, 2)
    assert send(client, review, data, commit=True).status_code == 200
    assert len(entries(session, review)) == 2
    again = send(client, review, data).json()
    assert again["imported"] == 0, "importing the same file again brings in nothing new"


def test_columns_given_are_used_and_remembered_for_the_agencys_next_import(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    data = workbook([["Occurred", "Narrative text", "Who"], ["2019", "Referral received.", "SW 1"]])
    unguessable = send(client, review, data, agency="childrens-social-care")
    assert unguessable.status_code == 422
    assert "no date column" in unguessable.json()["detail"]
    assert unguessable.json()["headers"] == ["Occurred", "Narrative text", "Who"]
    columns = {"date": "Occurred", "summary": "Narrative text", "author_role": "Who"}
    answer = send(
        client, review, data, agency="childrens-social-care", columns=columns, commit=True
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["columns_from"] == "given"
    saved = session.exec(select(ChronologyColumns)).one()
    assert saved.columns == columns

    another = make_review(session, board=session.get(Board, review.board_id))
    later = send(client, another, data, agency="childrens-social-care").json()
    assert later["columns_from"] == "remembered"
    assert later["columns"] == columns
    assert later["imported"] == 1


def test_a_column_or_field_that_does_not_exist_is_refused(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    data = workbook([["Date", "Summary"], ["2019", "Seen."]])
    wrong_header = send(client, review, data, columns={"date": "Date", "summary": "Notes"})
    assert wrong_header.status_code == 422
    assert "has no such column" in wrong_header.json()["detail"]
    wrong_field = send(client, review, data, columns={"date": "Date", "name": "Summary"})
    assert wrong_field.status_code == 422
    assert "'name' is not a field" in wrong_field.json()["detail"]
    not_json = client.post(
        f"/api/v1/reviews/{review.id}/chronology/imports",
        files={"file": ("c.xlsx", data, XLSX)},
        data={"agency": "police", "columns": "date=Date"},
    )
    assert not_json.status_code == 422
    unknown_agency = send(client, review, data, agency="no-such-agency")
    assert unknown_agency.status_code == 422
    assert "no agency with the code 'no-such-agency'" in unknown_agency.json()["detail"]
    assert entries(session, review) == []


def test_the_list_finds_entries_by_words_agency_and_period(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    police = agency_id(session, "police")
    make_entry(
        session,
        review,
        entry_date="2019-03-01",
        summary="GP saw Mother",
        agency_id=agency_id(session, "gp"),
    )
    make_entry(
        session,
        review,
        entry_date="2019-04-10",
        summary="Police called to 50% row",
        agency_id=police,
    )
    make_entry(
        session,
        review,
        entry_date="2019-04-01",
        date_precision="month",
        summary="Police letter",
        agency_id=police,
    )
    make_entry(
        session, review, entry_date="2019-01-01", date_precision="year", summary="Police notes"
    )
    url = f"/api/v1/reviews/{review.id}/chronology"

    def summaries(**query: Any) -> list[str]:
        answer = client.get(url, params=query)
        assert answer.status_code == 200, answer.text
        return [e["summary"] for e in answer.json()["items"]]

    assert summaries(q="police") == ["Police notes", "Police letter", "Police called to 50% row"]
    assert summaries(q="POLICE row") == ["Police called to 50% row"]
    assert summaries(q="50%") == ["Police called to 50% row"]
    assert summaries(q="%") == ["Police called to 50% row"], "% is a character, not a wildcard"
    assert summaries(agency_id=police) == ["Police letter", "Police called to 50% row"]
    # 15 April to 30 April: the month entry for April overlaps, the year entry for 2019 too.
    assert summaries(date_from="2019-04-15", date_to="2019-04-30") == [
        "Police notes",
        "Police letter",
    ]
    assert summaries(date_to="2019-03-31") == ["Police notes", "GP saw Mother"]


def test_a_commit_gives_the_review_one_new_revision(client: TestClient, session: Session) -> None:
    review = make_review(session)
    before = review.revision
    assert send(client, review, police_workbook()).status_code == 200
    session.refresh(review)
    assert review.revision == before, "a preview changes nothing"
    assert send(client, review, police_workbook(), commit=True).status_code == 200
    session.refresh(review)
    assert review.revision == before + 1


def test_only_the_reviews_reviewers_may_import(
    session: Session, client_as: Callable[[User], TestClient]
) -> None:
    review = make_review(session)
    board = session.get(Board, review.board_id)
    member = client_as(make_user(session, Role.board, board=board))
    assert send(member, review, police_workbook()).status_code == 403
    outsider = client_as(make_user(session, Role.reviewer))
    assert send(outsider, review, police_workbook(), commit=True).status_code == 404
    assert entries(session, review) == []
