"""What clients ask of patterns (the filters) and what they get back."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field, StringConstraints

from scr.common.types import Code, storable
from scr.tag.schemas import TypologyVersionText
from scr.vocabulary import AgeBand, Outcome, Region, ReviewStatus, ReviewType, TagTarget

BoardCodeText = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=100), AfterValidator(storable)
]


class PatternFilters(BaseModel):
    """Which reviews count; every filter narrows, and several values of one filter are
    alternatives (any of them), except ``context``, where a review needs every code."""

    board: list[BoardCodeText] = Field(default_factory=list, max_length=200)
    region: list[Region] = Field(default_factory=list, max_length=9)
    year_from: int | None = Field(default=None, ge=1900, le=2100)
    year_to: int | None = Field(default=None, ge=1900, le=2100)
    review_type: list[ReviewType] = Field(default_factory=list, max_length=10)
    outcome: list[Outcome] = Field(default_factory=list, max_length=10)
    age_band: list[AgeBand] = Field(default_factory=list, max_length=10)
    status: list[ReviewStatus] = Field(default_factory=list, max_length=10)
    context: list[Code] = Field(
        default_factory=list,
        max_length=20,
        description="Typology codes every counted review has among its agreed tags "
        "(a code counts its descendants).",
    )
    kind: list[TagTarget] = Field(
        default_factory=list,
        max_length=4,
        description="Count only the tags of these kinds of record (review, episode, factor, "
        "finding); all kinds when empty.",
    )
    version: TypologyVersionText | None = Field(
        default=None,
        description="The typology version to count in; older tags are mapped to it. The "
        "current version when omitted.",
    )


class Count(BaseModel):
    """A number of reviews, or ``suppressed`` (1 to threshold-1). Outside a board's own view
    a published number is changed by a small amount (the cell key method)."""

    reviews: int | None
    suppressed: bool = False


class Disclosure(BaseModel):
    """Whether the figures were protected for publication (outside a board's own view:
    published reviews only, changed by the cell key method, small counts suppressed), and at
    what threshold."""

    suppressed: bool
    threshold: int
    reviews: Count = Field(description="The reviews the filters select.")
    version: str
    note: str | None = Field(
        default=None,
        description="How the figures were protected, to show beside them; null in a "
        "board's own view, where they are exact.",
    )


class CodeFrequency(BaseModel):
    code: str
    label: str
    count: Count
    share: float | None = Field(description="Of the reviews selected; null when suppressed.")


class Frequencies(Disclosure):
    items: list[CodeFrequency]
    total: int


class CodePair(BaseModel):
    code_a: str
    code_b: str
    count: Count
    count_a: Count
    count_b: Count
    lift: float | None = Field(description="Observed over expected; null when suppressed.")
    p_value: float | None = Field(
        description="Fisher's exact test, one-sided (more often together than by chance); "
        "null when suppressed."
    )
    q_value: float | None = Field(
        description="The p-value adjusted for the number of pairs tested in this query "
        "(Benjamini-Hochberg false-discovery rate); null when suppressed."
    )
    significant: bool | None = Field(
        description="Whether the q-value is at most the false-discovery rate of the answer; "
        "null when suppressed."
    )


class Cooccurrence(Disclosure):
    min_support: int
    tested: int = Field(
        description="Pairs given a p-value in this query (every page's): the q-values correct "
        "for this many tests."
    )
    false_discovery_rate: float = Field(
        description="A pair is significant when its q-value is at most this."
    )
    items: list[CodePair]
    total: int


class YearCount(BaseModel):
    year: int
    count: Count


class CodeTrend(BaseModel):
    code: str
    label: str
    years: list[YearCount]
    count: Count


class Trends(Disclosure):
    years: list[int]
    items: list[CodeTrend]
    total: int


class Chain(BaseModel):
    """A factor code influencing a factor code that contributed to an episode code."""

    codes: list[str]
    labels: list[str]
    count: Count


class Chains(Disclosure):
    min_support: int
    items: list[Chain]
    total: int


class TableCell(BaseModel):
    count: Count
    percent: float | None = Field(description="Of the grand total; null when suppressed.")


class TableRow(BaseModel):
    value: str
    label: str
    cells: list[TableCell]
    total: TableCell


class CrossTable(Disclosure):
    rows_axis: str
    columns_axis: str | None
    columns: list[str]
    column_labels: list[str]
    rows: list[TableRow]
    column_totals: list[TableCell]
    total: TableCell
