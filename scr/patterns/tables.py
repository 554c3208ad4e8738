"""Cross-tabulations of reviews by an attribute or a typology code's narrower codes, with
totals and percentages, so a published table can be reproduced."""

from __future__ import annotations

import numpy as np
from sqlmodel import Session

from scr.errors import InvalidInput
from scr.patterns import published, selection
from scr.patterns.disclosure import Tally
from scr.patterns.index import load
from scr.patterns.schemas import (
    Count,
    CrossTable,
    PatternFilters,
    TableCell,
    TableRow,
)
from scr.patterns.selection import Scope

# The review attributes a table can cross; a typology code's children are the other axis kind.
_ATTRIBUTES = ("region", "review_type", "outcome", "age_band", "status", "board", "year")

AXES = (*_ATTRIBUTES, "code:<a typology code>")


def _axis(
    query: selection.Selection, filters: PatternFilters, axis: str
) -> tuple[np.ndarray, list[str], list[str]]:
    """Which review of the index has which value of the axis (every row x values, 0.0 or
    1.0), the values in order (those of the selected reviews, where the axis has no fixed
    list), and their labels."""
    if axis.startswith("code:"):
        parent = axis.removeprefix("code:")
        if query.typology.code(parent) is None:
            raise InvalidInput(
                f"Typology {query.version} has no code {parent}.", field=("query", "rows")
            )
        values = query.typology.children(parent)
        if not values:
            raise InvalidInput(
                f"Code {parent} has no narrower codes to tabulate.", field=("query", "rows")
            )
        has = query.codes(filters.kind, exact=False)
        columns = [query.coded.column[v] for v in values]
        return has[:, columns], values, [selection.label(query.typology, v) for v in values]
    if axis not in _ATTRIBUTES:
        raise InvalidInput(
            f"There is no axis {axis}: use one of {', '.join(AXES)}.", field=("query", "rows")
        )
    index, mask = query.index, query.mask
    if axis == "board":
        codes = {board: code for board, (code, _) in index.boards.items()}
        places = index.rows.board
        chosen = sorted({int(b) for b in places[mask]}, key=lambda b: codes[b])
        values, wanted = [codes[b] for b in chosen], chosen
    elif axis == "year":
        places = index.rows.year
        wanted = sorted({int(y) for y in places[mask]} - {-1})
        values = [str(y) for y in wanted]
    else:
        names = load.REGIONS if axis == "region" else load.ATTRIBUTES[axis]
        places = index.region if axis == "region" else index.rows.attributes[axis]
        values, wanted = list(names), list(range(len(names)))
    has = np.stack([places == w for w in wanted], axis=1) if wanted else np.zeros((len(mask), 0))
    known = axis not in ("board", "year")
    labels = [v.replace("_", " ").capitalize() for v in values] if known else list(values)
    return has.astype(np.float64), values, labels


def table(
    *,
    session: Session,
    filters: PatternFilters,
    scope: Scope,
    rows_axis: str,
    columns_axis: str | None,
) -> CrossTable:
    """Reviews by one axis (and another), with row and column totals and percentages."""
    query = selection.select_reviews(session, filters, scope)
    rows_of, row_values, row_labels = _axis(query, filters, rows_axis)
    if columns_axis is None:
        columns_of = np.ones((rows_of.shape[0], 1))
        column_values, column_labels = ["all"], ["All"]
    else:
        columns_of, column_values, column_labels = _axis(query, filters, columns_axis)
    counts = np.rint((rows_of * query.weights[:, None]).T @ columns_of).astype(np.int64)
    keys = np.rint((rows_of * query.key_weights[:, None]).T @ columns_of).astype(np.int64)
    matrix = [
        [Tally(int(counts[i, j]), int(keys[i, j])) for j in range(len(column_values))]
        for i in range(len(row_values))
    ]
    cells_shown, row_totals, column_totals, grand = published.table_counts(matrix, scope)
    reviews = query.reviews()

    def cell(count: Count) -> TableCell:
        percent = None
        if count.reviews is not None and grand.reviews:
            percent = round(100 * count.reviews / grand.reviews, 1)
        return TableCell(count=count, percent=percent)

    return CrossTable(
        **published.head(query, scope, reviews),
        rows_axis=rows_axis,
        columns_axis=columns_axis,
        columns=column_values,
        column_labels=column_labels,
        rows=[
            TableRow(value=v, label=label, cells=[cell(c) for c in line], total=cell(total))
            for v, label, line, total in zip(
                row_values, row_labels, cells_shown, row_totals, strict=True
            )
        ],
        column_totals=[cell(c) for c in column_totals],
        total=cell(grand),
    )
