"""The report as one HTML page: the workbench's preview, and what WeasyPrint prints to PDF.

Real headings in order, tables with header rows and captions, the figure with its alternative
text, and a DRAFT mark on every printed page (and at the top of the preview) until the
review is published. The print style sheet is A4, numbers the pages and gives the contents
their page numbers (no dotted leaders: laying them out costs a large review's PDF seconds).
"""

from __future__ import annotations

import base64
import hashlib
from html import escape

from scr.report import words
from scr.report.document import Report
from scr.report.layout import Block, Heading, Items, Para, Table, blocks, contents

_STYLE = """
@page { size: A4; margin: 22mm 20mm 20mm 20mm;
  @top-center { content: string(mark); font-weight: bold; color: #d4351c;
    font-size: 12pt; letter-spacing: 0.2em; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages);
    font-size: 9pt; color: #505a5f; } }
.draft-mark { string-set: mark content(); color: #d4351c; font-weight: bold;
  letter-spacing: 0.2em; font-size: 14pt; margin: 0; }
@media print { .draft-mark { visibility: hidden; height: 0; overflow: hidden; } }
html { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45;
  color: #0b0c0c; }
body { margin: 0 auto; max-width: 50em; }
h1 { font-size: 24pt; margin: 0 0 12pt; }
h2 { font-size: 16pt; margin: 18pt 0 6pt; break-after: avoid; }
h3 { font-size: 12.5pt; margin: 12pt 0 4pt; break-after: avoid; }
h4 { font-size: 11pt; margin: 8pt 0 2pt; break-after: avoid; }
.title-page { break-after: page; padding-top: 40mm; }
.title-page .board { font-size: 14pt; }
.contents { break-after: page; }
.contents h2 { break-before: auto; }
h3[id^="finding-"] { break-before: page; }
ol.numbered { list-style: none; padding-left: 0; }
.contents ol { list-style: none; padding-left: 0; }
.contents li.level-3 { padding-left: 1.5em; }
.contents a { color: inherit; text-decoration: none; }
@media print { .contents a::after { content: "  (page " target-counter(attr(href), page) ")";
  color: #505a5f; } }
h2 { break-before: page; }
.title-page h1 { break-before: auto; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt; font-size: 9.5pt; }
caption { text-align: left; font-weight: bold; padding-bottom: 4pt; }
th, td { border: 1px solid #b1b4b6; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #f3f2f1; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
figure { margin: 0; }
figure { break-after: page; }
figure img { width: 100%; max-height: 225mm; object-fit: contain; }
figcaption { font-size: 9.5pt; margin-top: 4pt; }
"""

# The workbench's preview shows this page in a sandboxed frame, under the workbench's own
# Content-Security-Policy, which refuses inline style but this one style sheet, by its hash.
STYLE_SOURCE = (
    "'sha256-" + base64.b64encode(hashlib.sha256(_STYLE.encode()).digest()).decode() + "'"
)


def _block(block: Block, svg: bytes | None) -> str:
    if isinstance(block, Heading):
        anchor = f' id="{block.anchor}"' if block.anchor else ""
        return f"<h{block.level}{anchor}>{escape(block.text)}</h{block.level}>"
    if isinstance(block, Para):
        text = escape(block.text)
        return f"<p><em>{text}</em></p>" if block.emphasis else f"<p>{text}</p>"
    if isinstance(block, Table):
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in block.head)
        rows = "".join(
            "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in block.rows
        )
        return (
            f"<table><caption>{escape(block.caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )
    if isinstance(block, Items):
        tag = "ol" if block.ordered else "ul"
        style = ' class="numbered"' if block.ordered else ""
        items = "".join(f"<li>{escape(i)}</li>" for i in block.items)
        return f"<{tag}{style}>{items}</{tag}>"
    if svg is None:
        return "<p><em>The figure could not be drawn here (Graphviz is missing).</em></p>"
    data = base64.b64encode(svg).decode()
    return (
        f'<figure><img src="data:image/svg+xml;base64,{data}" alt="{escape(block.alt)}">'
        f"<figcaption>{escape(block.caption)}</figcaption></figure>"
    )


def render(
    report: Report, svg: bytes | None, body: list[Block] | None = None, title: str | None = None
) -> str:
    """The whole report as an HTML document; ``svg`` is the drawn figure, if any. ``body``
    and ``title`` make another document of the review (the Board's response) instead."""
    body = blocks(report) if body is None else body
    title = title or report.title
    mark = '<p class="draft-mark">DRAFT</p>' if report.draft else ""
    state = "Draft of" if report.draft else "Published"
    items = "".join(
        f'<li class="level-{h.level}"><a href="#{h.anchor}">{escape(h.text)}</a></li>'
        for h in contents(body)
    )
    return "".join(
        [
            '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">',
            f"<title>{escape(title)} ({escape(report.reference)})</title>",
            f'<meta name="author" content="{escape(report.board)}">',
            f"<style>{_STYLE}</style></head><body>",
            f'<section class="title-page">{mark}<p class="board">{escape(report.board)}</p>',
            f"<h1>{escape(title)}</h1><p>Reference: {escape(report.reference)}</p>",
            f"<p>{state} {escape(words.day(report.date))}</p></section>",
            f'<nav class="contents"><h2>Contents</h2><ol>{items}</ol></nav>',
            *(_block(b, svg) for b in body),
            "</body></html>",
        ]
    )
