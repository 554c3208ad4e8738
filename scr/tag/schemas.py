"""What clients send and receive about tags and agreement."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from scr.common.schemas import ReadBase, WriteBase
from scr.common.types import Code, LongText

TargetKey = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, pattern=r"^(review|episode|factor|finding):[1-9][0-9]{0,9}$"
    ),
    Field(
        description="The record tagged, as kind:id, e.g. review:3 or factor:7.",
        examples=["factor:7"],
    ),
]
TypologyVersionText = Annotated[
    str, StringConstraints(max_length=20, pattern=r"^[0-9]{1,9}\.[0-9]{1,9}$")
]


class TagCreate(WriteBase):
    target: TargetKey
    code: Code = Field(examples=["sp.reasoning.over-optimism"])
    typology_version: TypologyVersionText | None = Field(
        default=None, description="The typology version; the current one when omitted."
    )
    rationale: LongText | None = None
    agreed: bool = Field(
        default=False,
        description="True for the review's agreed tag, set by its lead reviewer when "
        "adjudicating; the coder is always the signed-in account.",
    )


class TagRead(ReadBase):
    review_id: int
    target: str
    code: str
    typology_version: str
    coder: str
    rationale: str | None
    agreed: bool
    submitted: bool


class CodeAgreement(BaseModel):
    code: str
    units: int
    percent_agreement: float | None
    cohen_kappa: float | None
    krippendorff_alpha: float | None


class Disagreement(BaseModel):
    target: str
    code: str
    tagged_by: list[str]
    not_tagged_by: list[str]
    adjudication: Literal["agreed", "rejected"] | None = Field(
        description="The lead reviewer's decision, once made; null while it is open."
    )
    adjudication_rationale: str | None


class AdjudicationCreate(WriteBase):
    """The lead reviewer's decision on one listed disagreement."""

    target: TargetKey
    code: Code
    typology_version: TypologyVersionText | None = Field(
        default=None, description="The version the agreement was read in; current if omitted."
    )
    decision: Literal["agreed", "rejected"] = Field(
        description="agreed: the code becomes the review's agreed tag on the record; "
        "rejected: it does not."
    )
    rationale: LongText | None = None


class AgreementRead(BaseModel):
    """How far the coders who submitted agree, per code and over all codes used."""

    typology_version: str
    coders: list[str]
    overall: CodeAgreement
    codes: list[CodeAgreement]
    disagreements: list[Disagreement]
    open_disagreements: int = Field(description="Disagreements not yet adjudicated.")


class TagMove(BaseModel):
    """What becomes of one tag in the later version."""

    tag_id: int
    target: str
    coder: str
    agreed: bool
    from_version: str
    from_code: str
    to_codes: list[str]
    needs_choice: bool
    dropped: bool = Field(
        description="The code was retired (or deprecated) with no successor: the move deletes "
        "this tag."
    )
    note: str = Field(description="What the mappings did to the code on the way, if anything.")


class TagMigrationPreview(BaseModel):
    to_version: str
    moves: list[TagMove]
    needs_choice: int
    dropped: int = Field(description="Tags the move deletes, their codes having no successor.")


class TagChoice(WriteBase):
    tag_id: int = Field(ge=1, le=2_147_483_647)
    code: Code


class TagMigrationApply(WriteBase):
    """Move the review's tags to ``to_version``; a split needs a person's choice per tag."""

    to_version: TypologyVersionText
    choices: list[TagChoice] = Field(default_factory=list, max_length=10_000)
