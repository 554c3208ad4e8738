"""What the graph endpoints answer."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class FactorStandingRead(BaseModel):
    factor: str
    label: str
    root: bool
    reach: int
    """How many episodes the factor explains, directly or through other factors."""
    episodes: list[str] | None
    """Those episodes, when the analysis was asked for them (``?episodes=true``)."""
    betweenness: float


class FeedbackLoopsRead(BaseModel):
    loops: list[list[str]]
    more: bool


class BackwardsLinkRead(BaseModel):
    source: str
    target: str
    link_id: int | None
    source_date: str
    target_date: str


class AnalysisRead(BaseModel):
    """What the causal graph says about the review."""

    root_factors: list[str]
    factors: list[FactorStandingRead]
    feedback_loops: FeedbackLoopsRead
    backwards_led_to: list[BackwardsLinkRead]
    components: list[list[str]]
    longest_chains: list[list[list[str]]]


class CheckRead(BaseModel):
    code: str
    severity: Literal["blocking", "advisory"]
    message: str
    records: list[str] = Field(examples=[["episode:12"]])
    names: list[str] = Field(
        description="The records' names as the method gives them, in the order of ``records``.",
        examples=[["KPE 3"]],
    )


class ChecksRead(BaseModel):
    """The completeness checks that fail; ``blocking`` counts those that stop a draft."""

    blocking: int
    advisory: int
    checks: list[CheckRead]
