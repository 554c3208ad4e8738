"""An agency's spreadsheet read safely into a header and rows, whatever people send.

What is checked before a byte of XML is parsed: the file's size; what it is by its content,
not its name (an Excel workbook is a zip, CSV is text; an encrypted or 97-2003 workbook is an
OLE file; a PDF or picture is refused); for a workbook, the number of parts and their unpacked
size and compression ratio (a zip bomb), macros (``vbaProject.bin``, a macro-enabled content
type), and DTDs and entity declarations (a billion-laughs file). openpyxl then reads the
workbook in read-only mode with defusedxml, formulas as their cached values (never evaluated),
with limits on sheets, rows and columns.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from scr.chronology import columns
from scr.errors import InvalidInput

Cell = Any
"""A cell's value: text, a number, a bool, a date, a datetime, a time, or None."""


@dataclass(frozen=True)
class Limits:
    """What one import accepts."""

    file_bytes: int = 10_000_000
    unpacked_bytes: int = 200_000_000
    compression_ratio: int = 200
    parts: int = 1_000
    sheets: int = 50
    rows: int = 20_000
    scanned_rows: int = 100_000
    columns: int = 60
    cell_chars: int = 20_000


@dataclass
class Sheet:
    """The sheet an import reads: its name, header row and the rows under it."""

    name: str
    header_row: int
    headers: list[str]
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    """The workbook's visible sheets, in order (empty for CSV), so that a person can choose."""


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG picture",
    b"\xff\xd8\xff": "a JPEG picture",
    b"GIF8": "a GIF picture",
    b"{\\rtf": "a Word (RTF) document",
}
_WORKBOOK_NAMES = {".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".ods"}
_TEXT_NAMES = {".csv", ".txt", ".tsv"}
_ENTITY = re.compile(rb"<!\s*(doctype|entity)", re.IGNORECASE)


def _refuse(file_name: str, why: str) -> InvalidInput:
    return InvalidInput(f"{file_name} {why} Nothing was imported.", field=("body", "file"))


def read(data: bytes, file_name: str, limits: Limits = Limits(), sheet: str | None = None) -> Sheet:
    """The sheet to import from ``data`` (a file called ``file_name``), or InvalidInput: the
    sheet called ``sheet`` of a workbook, else its first visible sheet that is not blank."""
    name = PurePath(file_name).name or "The file"
    suffix = PurePath(file_name).suffix.lower()
    if len(data) > limits.file_bytes:
        raise _refuse(
            name,
            f"is {len(data):,} bytes, more than the {limits.file_bytes:,} an import accepts: "
            "split the chronology into smaller files.",
        )
    if not data.strip():
        raise _refuse(name, "is empty.")
    if data.startswith(_OLE):
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise _refuse(
                name, "is protected by a password: remove the password in Excel and save again."
            )
        raise _refuse(
            name, "is an Excel 97-2003 workbook (.xls): save it as .xlsx (or CSV) and send that."
        )
    for signature, what in _SIGNATURES.items():
        if data.startswith(signature):
            raise _refuse(
                name, f"is {what}, not a spreadsheet: send the chronology as .xlsx or CSV."
            )
    if data.startswith(b"PK\x03\x04"):
        if suffix in _TEXT_NAMES:
            raise _refuse(name, "is called CSV but is a zip file (a workbook?): check the file.")
        return _workbook(data, name, limits, sheet)
    if suffix in _WORKBOOK_NAMES:
        raise _refuse(name, f"is called {suffix} but is not an Excel workbook: check the file.")
    if sheet not in (None, "CSV"):
        raise _refuse(name, f"is CSV text, which has no sheets: it has no sheet called {sheet!r}.")
    return _csv(data, name, limits)


def _workbook(data: bytes, name: str, limits: Limits, chosen: str | None) -> Sheet:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _refuse(name, "is damaged: it could not be opened as a workbook.") from None
    with archive:
        _check_parts(archive, parts, name, limits)
    return _sheet(data, name, limits, chosen)


def _check_parts(
    archive: zipfile.ZipFile, parts: Sequence[zipfile.ZipInfo], name: str, limits: Limits
) -> None:
    names = {p.filename for p in parts}
    if len(parts) > limits.parts:
        raise _refuse(name, f"has {len(parts):,} parts; a workbook has far fewer.")
    unpacked = sum(p.file_size for p in parts)
    if unpacked > limits.unpacked_bytes or any(
        p.file_size > 1_000_000 and p.file_size > limits.compression_ratio * max(p.compress_size, 1)
        for p in parts
    ):
        raise _refuse(
            name,
            "unpacks to far more than a chronology holds (a 'zip bomb'?); it was not opened.",
        )
    if "mimetype" in names and b"opendocument" in archive.read("mimetype"):
        raise _refuse(
            name, "is an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV and send that."
        )
    if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
        raise _refuse(name, "is a zip file but not an Excel workbook: check the file.")
    types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    if any(n.lower().endswith("vbaproject.bin") for n in names) or b"macroEnabled" in types:
        raise _refuse(
            name,
            "is a macro-enabled workbook: macros are never opened. Save it as an ordinary "
            ".xlsx workbook (without macros) and send that.",
        )
    if "xl/workbook.bin" in names:
        raise _refuse(name, "is a binary workbook (.xlsb): save it as .xlsx and send that.")
    for part in parts:
        if part.filename.endswith((".xml", ".rels", ".vml")):
            with archive.open(part) as stream:
                head = stream.read(4096).replace(b"\x00", b"")
            if _ENTITY.search(head):
                raise _refuse(
                    name,
                    "declares XML entities (a 'billion laughs' file?), which a workbook "
                    "never needs; it was not opened.",
                )


def _sheet(data: bytes, name: str, limits: Limits, chosen: str | None) -> Sheet:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True, keep_links=False
        )
    except Exception as exc:  # a damaged file raises anything: say so, never a 500
        raise _unreadable(name, exc, "it could not be read as a workbook") from None
    try:
        if len(workbook.worksheets) > limits.sheets:
            raise _refuse(
                name,
                f"has {len(workbook.worksheets)} sheets; an import reads at most {limits.sheets}.",
            )
        sheets = [
            s for s in workbook.worksheets if getattr(s, "sheet_state", "visible") == "visible"
        ]
        titles = [s.title for s in sheets]
        if chosen is not None and chosen not in titles:
            raise _refuse(
                name, f"has no sheet called {chosen!r}; its sheets are {_listed(titles)}."
            )
        for sheet in sheets:
            if chosen is not None and sheet.title != chosen:
                continue
            sheet.reset_dimensions()  # a dimension that claims a million columns is ignored
            rows = sheet.iter_rows(values_only=True, max_col=limits.columns + 1)
            found = _table(sheet.title, enumerate(rows, start=1), name, limits)
            if found is not None:
                found.sheets = titles
                return found
    except InvalidInput:
        raise
    except Exception as exc:  # as above
        raise _unreadable(name, exc, "its sheets could not be read") from None
    finally:
        workbook.close()
    if chosen is not None:
        raise _refuse(name, f"has no rows to import in the sheet {chosen!r}: it is empty.")
    raise _refuse(name, "has no rows to import: its sheets are empty.")


def _listed(titles: Sequence[str]) -> str:
    named = [repr(t) for t in titles]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]


def _unreadable(name: str, exc: BaseException, what: str) -> InvalidInput:
    """The refusal of a workbook openpyxl could not read: unsafe XML (which defusedxml stops,
    however deep openpyxl wraps its error) or a damaged file."""
    from defusedxml import DefusedXmlException

    seen: BaseException | None = exc
    for _ in range(20):  # a chain of causes, never followed round a loop
        if seen is None:
            break
        if isinstance(seen, DefusedXmlException):
            return _refuse(name, "holds XML that is not safe to read; it was not opened.")
        seen = seen.__cause__ or seen.__context__
    return _refuse(name, f"is damaged: {what}.")


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data:
        raise _refuse(
            name, "is not a spreadsheet or CSV text: send the chronology as .xlsx or CSV."
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _refuse(name, "is not text in a known encoding: save it as CSV UTF-8.")


def _csv(data: bytes, name: str, limits: Limits) -> Sheet:
    text = _decode(data, name)
    try:
        dialect: Any = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    field_limit = csv.field_size_limit()
    csv.field_size_limit(limits.cell_chars * 4)
    try:
        rows = (
            (n, list(row[: limits.columns + 1]) + ([None] if len(row) > limits.columns + 1 else []))
            for n, row in enumerate(csv.reader(io.StringIO(text, newline=""), dialect), start=1)
        )
        found = _table("CSV", rows, name, limits)
    except csv.Error as exc:
        raise _refuse(name, f"could not be read as CSV ({exc}).") from None
    finally:
        csv.field_size_limit(field_limit)
    if found is None:
        raise _refuse(name, "has no rows to import: it is empty.")
    return found


def _blank(row: Iterable[Cell]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in row)


def _table(
    sheet_name: str, rows: Iterator[tuple[int, Sequence[Cell]]], name: str, limits: Limits
) -> Sheet | None:
    """The header (the first of the first rows in which a date column is recognised, else the
    first row that is not blank) and the rows below it; None if the sheet is blank."""
    before: list[tuple[int, list[Cell]]] = []
    sheet: Sheet | None = None
    for number, raw in rows:
        if number > limits.scanned_rows:
            raise _refuse(name, f"has more than {limits.scanned_rows:,} rows in {sheet_name!r}.")
        row = list(raw)
        if len(row) > limits.columns and any(c not in (None, "") for c in row[limits.columns :]):
            raise _refuse(
                name,
                f"has more than {limits.columns} columns in {sheet_name!r} (row {number}); a "
                "chronology needs a few.",
            )
        if sheet is None:
            if _blank(row):
                continue
            before.append((number, row))
            if columns.EntryField.date in columns.guess(_headers(row)):
                sheet = Sheet(sheet_name, number, _headers(row))
            elif len(before) == 10:
                sheet = _first_as_header(sheet_name, before)
            continue
        if _blank(row):
            continue
        if len(sheet.rows) == limits.rows:
            raise _refuse(
                name,
                f"has more than {limits.rows:,} rows in {sheet_name!r}; an import takes at most "
                f"{limits.rows:,}: split the chronology into smaller files.",
            )
        sheet.rows.append((number, row[: len(sheet.headers)]))
    if sheet is None and before:
        sheet = _first_as_header(sheet_name, before)
    return sheet


def _first_as_header(sheet_name: str, before: list[tuple[int, list[Cell]]]) -> Sheet:
    number, row = before[0]
    sheet = Sheet(sheet_name, number, _headers(row))
    sheet.rows.extend((n, r[: len(sheet.headers)]) for n, r in before[1:])
    return sheet


def _headers(row: Sequence[Cell]) -> list[str]:
    while row and (row[-1] is None or str(row[-1]).strip() == ""):
        row = row[:-1]
    named = [str(c).strip() if c is not None else "" for c in row]
    headers: list[str] = []
    for i, text in enumerate(named):
        header = text or f"Column {_letters(i + 1)}"
        if header in headers:  # two columns of one name stay two columns
            header = f"{header} ({_letters(i + 1)})"
        headers.append(header)
    return headers


def _letters(n: int) -> str:
    text = ""
    while n:
        n, rest = divmod(n - 1, 26)
        text = chr(65 + rest) + text
    return text
