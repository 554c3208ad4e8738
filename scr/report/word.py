"""The report as a Word document (python-docx), the same bytes each time for the same report.

Word's own heading styles (so the navigation pane and a screen reader see the structure),
tables whose first row repeats as a header row, the figure with its alternative text, and
DRAFT in the header of every page until publication. A Board's own template
(``SCR_REPORT_TEMPLATE``, a .docx) gives its styles, and its header and footer (a logo, say),
to the report: its body is replaced, and the placeholders in its headers and footers
(``PLACEHOLDERS``: ``{{reference}}``, say) are filled in from the review.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime, time
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, RGBColor

from scr.report import words
from scr.report.document import Report
from scr.report.layout import Block, Figure, Heading, Items, Para, Table, blocks, contents

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _open(template: Path | None) -> DocumentType:
    if template is None:
        return Document()
    document = Document(str(template))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):  # the last section's header and footer stay
            body.remove(child)
    return document


PLACEHOLDERS = ("partnership", "title", "reference", "date", "status")
"""What a Board's template may write in its headers and footers, in double braces: the
partnership, the document's title, the review's reference, the report's date and its status
(Draft or Published)."""
_PLACEHOLDER = re.compile(r"\{\{\s*(" + "|".join(PLACEHOLDERS) + r")\s*\}\}")


def _fill_placeholders(document: DocumentType, values: dict[str, str]) -> None:
    """Fill the placeholders of every header and footer (first page, even pages and the
    rest, of every section). Word splits a paragraph's text into runs where it likes (a
    placeholder may be typed across three), so a paragraph holding one is written again in
    its first run, whose formatting it keeps."""
    parts = []
    for section in document.sections:
        for part in ("header", "first_page_header", "even_page_header"):
            parts.append(getattr(section, part))
            parts.append(getattr(section, part.replace("header", "footer")))
    for part in parts:
        if part.is_linked_to_previous:
            continue
        for paragraph in [*part.paragraphs, *_cell_paragraphs(part.tables)]:
            text = paragraph.text
            if not _PLACEHOLDER.search(text) or not paragraph.runs:
                continue
            first, *rest = paragraph.runs
            first.text = _PLACEHOLDER.sub(lambda m: values[m.group(1)], text)
            for run in rest:
                run._r.getparent().remove(run._r)


def _cell_paragraphs(tables: list[Any]) -> list[Any]:
    return [p for t in tables for row in t.rows for cell in row.cells for p in cell.paragraphs]


def _header_row(row: object) -> None:
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _style(document: DocumentType, name: str) -> Any:
    """The document's style of that name, or None (its default) where it has none. Found
    once a name per document: python-docx looks a style up by walking the styles' XML, and a
    large review has hundreds of tables."""
    known = document.element.__dict__.setdefault("_scr_styles", {})
    if name not in known:
        known[name] = next((s for s in document.styles if s.name == name), None)
    return known[name]


def render(
    report: Report,
    png: bytes | None,
    template: Path | None = None,
    body: list[Block] | None = None,
    title: str | None = None,
) -> bytes:
    """The report as a .docx; ``png`` is the drawn figure, if any. ``body`` and ``title``
    make another document of the review (the Board's response) instead."""
    document = _open(template)
    body = blocks(report) if body is None else body
    title = title or report.title
    _fill_placeholders(
        document,
        {
            "partnership": report.board,
            "title": title,
            "reference": report.reference,
            "date": words.day(report.date),
            "status": "Draft" if report.draft else "Published",
        },
    )
    properties = document.core_properties
    properties.title = f"{title} ({report.reference})"
    properties.author = report.board
    properties.last_modified_by = report.board
    properties.comments = ""
    properties.revision = 1
    stamp = datetime.combine(report.date, time())
    properties.created = stamp
    properties.modified = stamp
    properties.last_printed = stamp
    if report.draft:
        for section in document.sections:
            mark = section.header.add_paragraph()
            mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = mark.add_run("DRAFT")
            run.bold = True
            run.font.color.rgb = RGBColor(0xD4, 0x35, 0x1C)
    document.add_paragraph(report.board)
    document.add_heading(title, level=0)
    document.add_paragraph(f"Reference: {report.reference}")
    state = "Draft of" if report.draft else "Published"
    document.add_paragraph(f"{state} {words.day(report.date)}")
    document.add_page_break()  # type: ignore[no-untyped-call]
    document.add_heading("Contents", level=1)
    for heading in contents(body):
        paragraph = document.add_paragraph(heading.text)
        if heading.level == 3:
            paragraph.paragraph_format.left_indent = Cm(1)
    list_bullet = _style(document, "List Bullet")
    for block in body:
        if isinstance(block, Heading):
            if block.level == 2:
                document.add_page_break()  # type: ignore[no-untyped-call]
            document.add_heading(block.text, level=block.level - 1)
        elif isinstance(block, Para):
            paragraph = document.add_paragraph()
            paragraph.add_run(block.text).italic = block.emphasis
        elif isinstance(block, Items):
            for item in block.items:
                document.add_paragraph(item, style=None if block.ordered else list_bullet)
        elif isinstance(block, Table):
            _table(document, block)
        elif isinstance(block, Figure):
            _figure(document, block, png)
    out = io.BytesIO()
    document.save(out)
    return _fixed_times(out.getvalue())


def _table(document: DocumentType, block: Table) -> None:
    document.add_paragraph(block.caption, style=_style(document, "Caption"))
    table = document.add_table(rows=1, cols=len(block.head))
    if (grid := _style(document, "Table Grid")) is not None:
        table.style = grid
    _header_row(table.rows[0])
    for cell, text in zip(table.rows[0].cells, block.head, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in block.rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


def _figure(document: DocumentType, block: Figure, png: bytes | None) -> None:
    if png is None:
        document.add_paragraph(
            "The figure could not be drawn on this server (Graphviz is missing)."
        )
        return
    document.add_picture(io.BytesIO(png), width=Cm(16))
    inline = document.inline_shapes[-1]._inline
    inline.docPr.set("descr", block.alt)
    inline.docPr.set("title", "The review's causal graph")
    document.add_paragraph(block.caption, style=_style(document, "Caption"))


def _fixed_times(docx: bytes) -> bytes:
    """The same archive with every member dated 1980-01-01, so the bytes depend only on the
    content (python-docx dates them by the clock)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            fixed = zipfile.ZipInfo(item.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = item.external_attr
            target.writestr(fixed, source.read(item.filename))
    return out.getvalue()
