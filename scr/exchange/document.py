"""The exchange format ``scr-exchange/1.1``: what one published review looks like when it
leaves, and which reviews that left must no longer be counted.

A file is NDJSON: one review a line, then one line for each withdrawal, then one closing
manifest line. Version 1.1 adds the withdrawal lines (a review reopened, deleted or withheld
at its source since it left) and the manifest's count of them, and a finding's optional
``found_before``: the earlier findings of other published reviews it was found before in,
each named by its review's source and its number there.
Files in format 1 are still read. A line carries the
review's structure, codes and approved text, at the level the national body may see: years
rather than the incident's date, months rather than days for an episode's period, agencies
by their national code, no chronology, no participants, no case summary, no known
identifiers, and only the agreed tags. Records are numbered 1, 2, 3 ... within the line, and
links and tags name records by those numbers (``episode:2``).

These models are the format's definition: the JSON Schema served at
``/api/v1/exports/schema`` and kept as ``scr-exchange-1.1.schema.json`` is generated from them,
and a test fails when the two part (``scr-exchange-1.schema.json`` is format 1, as it was).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AwareDatetime,
    BaseModel,
    Field,
    StringConstraints,
    ValidationInfo,
    model_validator,
)

from scr.agency.schemas import AgencyCode
from scr.common.schemas import WriteBase
from scr.common.types import MAX_INT, Code, Id, LongText, ShortText
from scr.factor.schemas import FactorCreate
from scr.finding.schemas import FindingCreate
from scr.link.schemas import LinkCreate
from scr.vocabulary import (
    ALLOWED_ENDPOINTS,
    AgeBand,
    AppraisalRating,
    LearningTogetherSize,
    Outcome,
    Region,
    ReviewType,
    WithdrawalReason,
)

FORMAT = "scr-exchange/1.1"
"""The format this instance writes."""
READS = ("scr-exchange/1", FORMAT)
"""The formats this instance reads."""
Format = Literal["scr-exchange/1", "scr-exchange/1.1"]
SCHEMA_FILE = Path(__file__).with_name("scr-exchange-1.1.schema.json")
CHECKED: dict[str, Any] = {"checked": True}
"""The validation context (this very object) of a review line read again, the same bytes as
a line validated before: its records are not checked again for holding together."""

Month = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$"),
    Field(description="A month, YYYY-MM: an episode's period is shared no finer than this."),
]
Year = Annotated[int, Field(ge=1900, le=2100)]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
InstanceId = Annotated[
    str,
    StringConstraints(max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"),
    Field(min_length=1),
]
TagTargetKey = Annotated[
    str,
    StringConstraints(pattern=r"^(review|(episode|factor|finding):[1-9][0-9]{0,9})$"),
    Field(description="The review itself, or one of its records by its number in the line."),
]


class Source(WriteBase):
    """Where the review lives and which of its revisions this is: the import key."""

    instance: InstanceId
    board: Code
    reference: ShortText
    revision: Annotated[int, Field(ge=1, le=MAX_INT)]


class BoardEntry(WriteBase):
    code: Code
    name: ShortText
    region: Region


class ReviewEntry(WriteBase):
    reference: ShortText
    child_pseudonym: ShortText
    review_type: ReviewType
    learning_together_size: LearningTogetherSize | None
    incident_year: Year | None
    notification_year: Year | None
    publication_date: date | None
    child_age_band: AgeBand | None
    outcome: Outcome | None
    context_codes: list[Code] = Field(max_length=50)


class AgencyEntry(WriteBase):
    code: AgencyCode
    name: ShortText


class EpisodeEntry(WriteBase):
    id: Id
    ordinal: Annotated[int, Field(ge=1, le=10_000)]
    title: ShortText
    period_start: Month | None
    period_end: Month | None
    agencies: list[AgencyCode] = Field(max_length=50)
    roles_involved: list[ShortText] = Field(max_length=50)
    what_happened: LongText | None
    view_at_the_time: LongText | None
    appraisal: LongText | None
    appraisal_rating: AppraisalRating | None
    went_well: LongText | None
    queries: LongText | None
    suggested_changes: LongText | None


class FactorEntry(FactorCreate):
    id: Id
    # (the factor's agreed codes here, which the line's tags also carry)
    typology_codes: list[Code] = Field(default_factory=list, max_length=50)


class FoundBeforeEntry(WriteBase):
    """An earlier finding this one was found before in (``scr-exchange/1.1``): its review by
    the review's source, the finding by its number there."""

    instance: InstanceId
    board: Code
    reference: ShortText
    finding: Annotated[int, Field(ge=1, le=10_000)] = Field(
        description="The earlier finding's number in its review (its ordinal)."
    )


class FindingEntry(FindingCreate):
    id: Id
    category: Code | None = Field(default=None, description="The typology category it belongs to.")
    found_before: list[FoundBeforeEntry] = Field(
        default_factory=list,
        max_length=100,
        description="The earlier findings, in other published reviews, that its reviewer "
        "linked it to as found before (1.1; none in format 1).",
    )


class TagEntry(WriteBase):
    target: TagTargetKey
    code: Code
    typology_version: Annotated[str, StringConstraints(min_length=1, max_length=20)]
    rationale: LongText | None


class ExchangeReview(WriteBase):
    """One published review: a line of an ``scr-exchange/1.1`` file (or of format 1)."""

    format: Format
    type: Literal["review"]
    source: Source
    typology_version: Annotated[str, StringConstraints(min_length=1, max_length=20)] = Field(
        description="The typology version of the review's context codes and factors' codes."
    )
    board: BoardEntry
    review: ReviewEntry
    agencies: list[AgencyEntry] = Field(max_length=500)
    episodes: list[EpisodeEntry] = Field(max_length=5_000)
    factors: list[FactorEntry] = Field(max_length=10_000)
    findings: list[FindingEntry] = Field(max_length=1_000)
    links: list[LinkCreate] = Field(max_length=50_000)
    tags: list[TagEntry] = Field(max_length=50_000)

    @model_validator(mode="after")
    def _references_resolve(self, info: ValidationInfo) -> Self:
        if info.context is CHECKED:  # (the very line, checked before: scr.exchange.checking)
            return self
        problems: list[str] = []
        if self.board.code != self.source.board or self.review.reference != self.source.reference:
            problems.append("source names another board or reference than the review does")
        numbers: dict[str, set[int]] = {}
        for kind, records in (
            ("episode", self.episodes),
            ("factor", self.factors),
            ("finding", self.findings),
        ):
            ids = [r.id for r in records]
            numbers[kind] = set(ids)
            if len(ids) != len(numbers[kind]):
                problems.append(f"two {kind}s have the same id")
        agencies = {a.code for a in self.agencies}
        problems += [
            f"episode {e.id} names agency {code!r}, which is not in agencies"
            for e in self.episodes
            for code in e.agencies
            if code not in agencies
        ]
        # (a key's kind is a NodeKind's value, by its pattern; a StrEnum equals its value)
        known = {f"{kind}:{n}" for kind, ns in numbers.items() for n in ns}
        ends = [
            (f"links[{i}]", end) for i, x in enumerate(self.links) for end in (x.source, x.target)
        ]
        ends += [(f"tags[{i}]", t.target) for i, t in enumerate(self.tags) if t.target != "review"]
        for i, x in enumerate(self.links):
            source_kind, target_kinds = ALLOWED_ENDPOINTS[x.kind]
            if (
                x.source.partition(":")[0] != source_kind
                or x.target.partition(":")[0] not in target_kinds
            ):
                problems.append(f"links[{i}] is a {x.kind.value} link between the wrong kinds")
        for where, end in ends:
            if end not in known:
                problems.append(f"{where} names {end}, which is not in the line")
        for g in self.findings:
            for earlier in g.found_before:
                if self.format == "scr-exchange/1":
                    problems.append(f"finding {g.id} names found_before, which is format 1.1")
                    break
                if (earlier.instance, earlier.board, earlier.reference) == (
                    self.source.instance,
                    self.source.board,
                    self.source.reference,
                ):
                    problems.append(
                        f"finding {g.id} is found before in its own review; it must be another"
                    )
        if problems:
            raise ValueError("does not hold together: " + "; ".join(problems[:20]))
        return self


class Withdrawal(WriteBase):
    """A review that left earlier and must no longer be counted (``scr-exchange/1.1``): an
    importer holding revision ``source.revision`` or older removes its copy."""

    format: Literal["scr-exchange/1.1"]
    type: Literal["withdrawal"]
    source: Source = Field(
        description="The review, and its revision when it was withdrawn: a later revision, "
        "published again, replaces the withdrawal."
    )
    reason: WithdrawalReason = Field(
        description="reopened: its lead reviewer reopened it for change; deleted: deleted at "
        "its source; withheld: an identifier was found in it, so it may not leave as it is."
    )
    withdrawn_at: AwareDatetime


class Manifest(WriteBase):
    """The closing line: what came before it, so a reader knows the file is whole."""

    format: Format
    type: Literal["manifest"]
    count: Annotated[int, Field(ge=0)] = Field(description="How many review lines came before.")
    withdrawals: Annotated[int, Field(ge=0)] = Field(
        default=0, description="How many withdrawal lines came before (1.1; none in format 1)."
    )
    sha256: Sha256 = Field(
        description="SHA-256 of the lines before the manifest exactly as sent, each with its "
        "newline."
    )
    typology_versions: list[str] = Field(description="Every typology version the lines use.")
    generated_at: AwareDatetime
    since: AwareDatetime | None = Field(description="The request's since, if it had one.")
    next_since: AwareDatetime = Field(
        description="Pass this as since next time: nothing revised later is missed (a little "
        "overlap is re-sent, and importing it again changes nothing)."
    )
    withheld: Annotated[int, Field(ge=0)] = Field(
        description="Published reviews left out because an identifier scan hit is open."
    )


class Line(BaseModel):
    """Any kind of line, told apart by ``type``."""

    line: Annotated[ExchangeReview | Withdrawal | Manifest, Field(discriminator="type")]


def json_schema() -> dict[str, Any]:
    """The format's JSON Schema (draft 2020-12), one schema for any line."""
    schema = Line.model_json_schema()
    line = schema["properties"]["line"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://scr-workbench.example.org/schemas/scr-exchange-1.1.schema.json",
        "title": FORMAT,
        "description": (
            "One line of an scr-exchange/1.1 NDJSON file: a published review, a withdrawal of "
            "one that left earlier, or the closing manifest. A file is review lines, then "
            "withdrawal lines, followed by exactly one manifest line. Format 1 is the same "
            "without withdrawal lines and without a finding's found_before."
        ),
        "oneOf": line["oneOf"],
        "$defs": schema["$defs"],
    }


def committed_schema() -> dict[str, Any]:
    """The schema as kept in the repository (what clients are told the format is)."""
    loaded: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return loaded
