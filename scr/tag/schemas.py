"""What clients send and receive about tags and agreement."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from scr.common.schemas import DescribedRead, WriteBase
from scr.common.types import Code, LongText
from scr.tag.models import TagFields

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


_VERSION = "The typology version of the code."
_TARGET = "The record tagged, as kind:id, e.g. review:3 or factor:7."
_CODER = "Who coded it (their user name)."


class TagCreate(TagFields, WriteBase):
    """A tag, as a client writes it: the coder is always the signed-in account."""

    __field_order__ = ("target", "code", "typology_version", "rationale", "agreed")

    target: TargetKey
    typology_version: TypologyVersionText | None = Field(
        default=None, description="The typology version; the current one when omitted."
    )


class TagRead(DescribedRead, fields=TagFields):
    review_id: int = Field(description="The review the tagged record belongs to.")
    target: str = Field(description=_TARGET)
    code: str
    typology_version: str = Field(description=_VERSION)
    coder: str = Field(description=_CODER)
    rationale: str | None
    agreed: bool
    submitted: bool = Field(
        description="Whether its coder has submitted their coding (until then the other coders "
        "do not see it)."
    )


class CodeAgreement(BaseModel):
    code: str = Field(description="The typology code, or every code used, for the overall one.")
    units: int = Field(description="How many records the agreement is measured over.")
    percent_agreement: float | None = Field(
        description="The share of records on which every coder gave the same judgement; null "
        "with nothing to compare."
    )
    cohen_kappa: float | None = Field(
        description="Cohen's kappa, agreement beyond chance between exactly two coders; null "
        "otherwise or where chance agreement is total."
    )
    krippendorff_alpha: float | None = Field(
        description="Krippendorff's alpha, agreement beyond chance for any number of coders; "
        "null with too little to compare."
    )


class Disagreement(BaseModel):
    target: str = Field(description="The record the coders disagree on, as kind:id.")
    code: str = Field(description="The code some coders gave it and others did not.")
    tagged_by: list[str] = Field(description="The coders who gave the record the code.")
    not_tagged_by: list[str] = Field(description="The coders who did not.")
    adjudication: Literal["agreed", "rejected"] | None = Field(
        description="The lead reviewer's decision, once made; null while it is open."
    )
    adjudication_rationale: str | None = Field(description="The reason given for the decision.")


class AdjudicationCreate(WriteBase):
    """The lead reviewer's decision on one listed disagreement."""

    target: TargetKey
    code: Code = Field(description="The code the coders disagree on.")
    typology_version: TypologyVersionText | None = Field(
        default=None, description="The version the agreement was read in; current if omitted."
    )
    decision: Literal["agreed", "rejected"] = Field(
        description="agreed: the code becomes the review's agreed tag on the record; "
        "rejected: it does not."
    )
    rationale: LongText | None = Field(default=None, description="Why the lead decided so.")


class AgreementRead(BaseModel):
    """How far the coders who submitted agree, per code and over all codes used."""

    typology_version: str = Field(description="The typology version of the tags compared.")
    coders: list[str] = Field(description="The coders who submitted their coding.")
    overall: CodeAgreement = Field(description="The agreement over all the codes used.")
    codes: list[CodeAgreement] = Field(description="The agreement on each code used.")
    disagreements: list[Disagreement] = Field(
        description="The records and codes the coders disagree on, decided or open."
    )
    open_disagreements: int = Field(description="Disagreements not yet adjudicated.")


class TagMove(BaseModel):
    """What becomes of one tag in the later version."""

    tag_id: int = Field(description="The tag's number.")
    target: str = Field(description=_TARGET)
    coder: str = Field(description=_CODER)
    agreed: bool = Field(description="Whether it is the review's agreed tag.")
    from_version: str = Field(description="The typology version it is tagged in now.")
    from_code: str = Field(description="Its code now.")
    to_codes: list[str] = Field(
        description="The codes it may become in the later version: the first unless a person "
        "chooses."
    )
    needs_choice: bool = Field(
        description="Whether the code split, so that a person must choose one of to_codes."
    )
    dropped: bool = Field(
        description="The code was retired (or deprecated) with no successor: the move deletes "
        "this tag."
    )
    note: str = Field(description="What the mappings did to the code on the way, if anything.")


class TagMigrationPreview(BaseModel):
    to_version: str = Field(description="The typology version the tags move to.")
    moves: list[TagMove] = Field(description="What becomes of each tag.")
    needs_choice: int = Field(description="Tags whose code split: each needs a person's choice.")
    dropped: int = Field(description="Tags the move deletes, their codes having no successor.")


class TagChoice(WriteBase):
    tag_id: int = Field(ge=1, le=2_147_483_647, description="The tag whose code split.")
    code: Code = Field(description="The code it becomes: one of its move's to_codes.")


class TagMigrationApply(WriteBase):
    """Move the review's tags to ``to_version``; a split needs a person's choice per tag."""

    to_version: TypologyVersionText = Field(description="The typology version to move to.")
    choices: list[TagChoice] = Field(
        default_factory=list,
        max_length=10_000,
        description="A person's choice for each tag whose code split.",
    )
