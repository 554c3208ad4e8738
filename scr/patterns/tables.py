"""Cross-tabulations of reviews by an attribute or a typology code's narrower codes, with
totals and percentages, so a published table can be reproduced."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    Integer,
    cast,
    func,
    literal_column,
    select,
)
from sqlmodel import Session, col

from scr.board.models import Board
from scr.errors import InvalidInput
from scr.patterns import published, selection
from scr.patterns.disclosure import Tally
from scr.patterns.models import CodeRollup
from scr.patterns.schemas import (
    Count,
    CrossTable,
    PatternFilters,
    TableCell,
    TableRow,
)
from scr.patterns.selection import AnySelect, Scope
from scr.review.models import Review
from scr.review.service import review_year
from scr.vocabulary import (
    AgeBand,
    Outcome,
    Region,
    ReviewStatus,
    ReviewType,
)

# The review attributes a table can cross; a typology code's children are the other axis kind.
_ATTRIBUTES: dict[str, tuple[Any, Iterable[str] | None]] = {
    "region": (col(Board.region), [r.value for r in Region]),
    "review_type": (col(Review.review_type), [t.value for t in ReviewType]),
    "outcome": (col(Review.outcome), [o.value for o in Outcome]),
    "age_band": (col(Review.child_age_band), [a.value for a in AgeBand]),
    "status": (col(Review.status), [s.value for s in ReviewStatus]),
    "board": (col(Board.code), None),
    "year": (cast(review_year(), Integer), None),
}


AXES = (*_ATTRIBUTES, "code:<a typology code>")


def _axis(
    query: selection.Selection, filters: PatternFilters, axis: str
) -> tuple[AnySelect, list[str], list[str]]:
    """The (review, value) pairs of an axis, its values in order, and their labels."""
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
        tagged = selection.tagged(query, filters, exact=False).where(
            col(CodeRollup.to_code).in_(values)
        )
        return tagged, values, [selection.label(query.typology, v) for v in values]
    if axis not in _ATTRIBUTES:
        raise InvalidInput(
            f"There is no axis {axis}: use one of {', '.join(AXES)}.", field=("query", "rows")
        )
    expression, known = _ATTRIBUTES[axis]
    stmt = (
        select(col(Review.id).label("review_id"), expression.label("code"))
        .join(Board, col(Board.id) == col(Review.board_id))
        .where(query.selects(col(Review.id)), expression.is_not(None))
    )
    values = list(known) if known is not None else []
    return stmt, values, [v.replace("_", " ").capitalize() for v in values]


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
    left, row_values, row_labels = _axis(query, filters, rows_axis)
    lhs = left.subquery("lhs")
    if columns_axis is None:
        cells = selection.keyed(lhs, lhs.c.code.label("row")).subquery()
        column_values, column_labels = ["all"], ["All"]
        by, shown = [cells.c.row], [cells.c.row, literal_column("'all'")]
    else:
        right, column_values, column_labels = _axis(query, filters, columns_axis)
        rhs = right.subquery("rhs")
        both = (
            select(lhs.c.review_id, lhs.c.code.label("row"), rhs.c.code.label("column"))
            .join(rhs, rhs.c.review_id == lhs.c.review_id)
            .subquery()
        )
        cells = selection.keyed(both, both.c.row, both.c.column).subquery()
        by = shown = [cells.c.row, cells.c.column]
    stmt = select(
        *shown, func.count(), func.sum(cells.c.record_key), *selection.reviews_columns(query)
    ).group_by(*by)
    rows = session.execute(stmt).all()
    reviews = selection.review_count(session, query, rows)
    found = {(str(r), str(c)): selection.tally(n, k) for r, c, n, k, *_ in rows}
    for values, labels, index in ((row_values, row_labels, 0), (column_values, column_labels, 1)):
        extra = sorted({key[index] for key in found} - set(values))
        values.extend(extra)
        labels.extend(extra)
    matrix = [[found.get((r, c), Tally(0)) for c in column_values] for r in row_values]
    cells_shown, row_totals, column_totals, grand = published.table_counts(matrix, scope)

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
