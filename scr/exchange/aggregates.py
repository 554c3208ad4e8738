"""The pattern tables as one CSV, for an analyst's spreadsheet or statistics package.

Long format, one published figure a row: the table it belongs to, the code (or the pair, or
the chain), the year for trends, the count of reviews, its share, and whether it is
suppressed (then the count and share are empty, never zero). Outside a board's own view the
first row (table ``note``) says how the figures were protected. Every figure comes from the
patterns service, so it is suppressed exactly as the pattern endpoints suppress it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from sqlmodel import Session

from scr.patterns import service as patterns
from scr.patterns.schemas import Count, PatternFilters
from scr.patterns.selection import Scope

COLUMNS = [
    "table",
    "code",
    "label",
    "code_b",
    "year",
    "reviews",
    "share",
    "suppressed",
    "threshold",
    "typology_version",
]
ALL = 1_000_000
"""No page limit: the file carries every figure."""


def _figure(count: Count, total: int | None) -> list[object]:
    if count.suppressed or count.reviews is None:
        return ["", "", "true"]
    share = "" if not total else f"{count.reviews / total:.4f}"
    return [count.reviews, share, "false"]


def rows(
    *, session: Session, filters: PatternFilters, scope: Scope, min_support: int
) -> Iterator[list[object]]:
    """Every figure of the frequency, trend, co-occurrence and chain tables."""
    freq = patterns.frequencies(session=session, filters=filters, scope=scope, limit=ALL, offset=0)
    base = [freq.threshold, freq.version]
    total = freq.reviews.reviews
    if freq.note:
        yield ["note", "", freq.note, "", "", "", "", "", *base]
    yield ["reviews", "", "Reviews selected", "", "", *_figure(freq.reviews, total), *base]
    for item in freq.items:
        yield ["frequencies", item.code, item.label, "", "", *_figure(item.count, total), *base]
    trends = patterns.trends(
        session=session, filters=filters, scope=scope, codes=[], limit=ALL, offset=0
    )
    for trend in trends.items:
        for year in trend.years:
            yield [
                "trends",
                trend.code,
                trend.label,
                "",
                year.year,
                *_figure(year.count, None),
                *base,
            ]
    pairs = patterns.cooccurrence(
        session=session,
        filters=filters,
        scope=scope,
        min_support=min_support,
        rolled_up=False,
        limit=ALL,
        offset=0,
    )
    for pair in pairs.items:
        yield ["cooccurrence", pair.code_a, "", pair.code_b, "", *_figure(pair.count, total), *base]
    chains = patterns.chains(
        session=session,
        filters=filters,
        scope=scope,
        min_support=min_support,
        limit=ALL,
        offset=0,
    )
    for chain in chains.items:
        yield [
            "chains",
            " > ".join(chain.codes),
            " > ".join(chain.labels),
            "",
            "",
            *_figure(chain.count, total),
            *base,
        ]


def csv_text(lines: Iterator[list[object]]) -> str:
    """The rows as CSV text with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(lines)
    return out.getvalue()
