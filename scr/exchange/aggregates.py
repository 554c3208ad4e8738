"""The pattern tables as one CSV, for an analyst's spreadsheet or statistics package.

Long format, one published figure a row: the table it belongs to, the code (or the pair, or
the chain) with its label, the year for trends, the count of reviews, its share, whether it
is suppressed (then the count and share are empty, never zero), and for a pair the lift and
the p-value of Fisher's exact test shown on screen (empty when suppressed). Outside a board's
own view the first row (table ``note``) says how the figures were protected. Every figure
comes from the patterns service, so it is suppressed exactly as the pattern endpoints
suppress it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from sqlmodel import Session

from scr.coding import catalogue
from scr.patterns import service as patterns
from scr.patterns.schemas import Count, PatternFilters
from scr.patterns.selection import Scope, label

COLUMNS = [
    "table",
    "code",
    "label",
    "code_b",
    "label_b",
    "year",
    "reviews",
    "share",
    "suppressed",
    "lift",
    "p_value",
    "q_value",
    "significant",
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


def _number(value: float | None) -> object:
    """A figure in full (``repr`` keeps every digit), or empty when it is not published."""
    return "" if value is None else repr(value)


def rows(
    *, session: Session, filters: PatternFilters, scope: Scope, min_support: int
) -> Iterator[list[object]]:
    """Every figure of the frequency, trend, co-occurrence and chain tables."""
    freq = patterns.frequencies(session=session, filters=filters, scope=scope, limit=ALL, offset=0)
    base = [freq.threshold, freq.version]
    total = freq.reviews.reviews
    unpaired = ["", ""]  # code_b and label_b
    untested = ["", "", "", ""]  # lift, p_value, q_value and significant

    def row(table: str, code: str, label: str, year: object, figure: list[object]) -> list[object]:
        return [table, code, label, *unpaired, year, *figure, *untested, *base]

    if freq.note:
        yield row("note", "", freq.note, "", ["", "", ""])
    yield row("reviews", "", "Reviews selected", "", _figure(freq.reviews, total))
    for item in freq.items:
        yield row("frequencies", item.code, item.label, "", _figure(item.count, total))
    trends = patterns.trends(
        session=session, filters=filters, scope=scope, codes=[], limit=ALL, offset=0
    )
    for trend in trends.items:
        for year in trend.years:
            yield row("trends", trend.code, trend.label, year.year, _figure(year.count, None))
    pairs = patterns.cooccurrence(
        session=session,
        filters=filters,
        scope=scope,
        min_support=min_support,
        rolled_up=False,
        limit=ALL,
        offset=0,
    )
    typology = catalogue.get(pairs.version)
    for pair in pairs.items:
        yield [
            "cooccurrence",
            pair.code_a,
            label(typology, pair.code_a),
            pair.code_b,
            label(typology, pair.code_b),
            "",
            *_figure(pair.count, total),
            _number(pair.lift),
            _number(pair.p_value),
            _number(pair.q_value),
            "" if pair.q_value is None else str(pair.significant).lower(),
            *base,
        ]
    chains = patterns.chains(
        session=session,
        filters=filters,
        scope=scope,
        min_support=min_support,
        limit=ALL,
        offset=0,
    )
    for chain in chains.items:
        codes, labels = " > ".join(chain.codes), " > ".join(chain.labels)
        yield row("chains", codes, labels, "", _figure(chain.count, total))


def csv_text(lines: Iterator[list[object]]) -> str:
    """The rows as CSV text with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(lines)
    return out.getvalue()
