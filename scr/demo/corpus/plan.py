"""A drawn review as rows without ids (``Plan``), and the skewed random choices that fill it."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any, TypeVar

from scr.vocabulary import LinkKind, NodeKind, ParticipantRole, TagTarget


@dataclass
class Plan:
    """One review as rows without ids; links and tags point at records by list position."""

    board: str
    review: dict[str, Any]
    submitted_at: datetime
    episodes: list[dict[str, Any]] = field(default_factory=list)
    episode_agencies: list[list[str]] = field(default_factory=list)  # agency codes
    factors: list[dict[str, Any]] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)
    questions: list[list[str]] = field(default_factory=list)  # for the Board, by finding
    participants: list[tuple[ParticipantRole, str | None, str]] = field(default_factory=list)
    links: dict[tuple[LinkKind, NodeKind, int, NodeKind, int], None] = field(default_factory=dict)
    tags: dict[tuple[TagTarget, int, str], None] = field(default_factory=dict)
    typology_version: str = "1.0"  # of the tags and the records' codes

    def tag(self, kind: TagTarget, index: int, *codes: str) -> None:
        for code in codes:
            self.tags[(kind, index, code)] = None

    def codes_of(self, kind: TagTarget, index: int) -> list[str]:
        return [c for k, i, c in self.tags if k == kind and i == index]

    def codes_of_kind(self, kind: TagTarget) -> list[str]:
        return [c for k, _, c in self.tags if k == kind]

    def link(
        self, kind: LinkKind, source: tuple[NodeKind, int], target: tuple[NodeKind, int]
    ) -> None:
        self.links[(kind, *source, *target)] = None


T = TypeVar("T")


def weighted(rng: random.Random, weights: Mapping[T, float]) -> T:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@lru_cache
def _zipf_weights(n: int) -> tuple[float, ...]:
    return tuple(1 / (rank + 1) ** 1.2 for rank in range(n))


def zipf(rng: random.Random, codes: Sequence[str]) -> str:
    """A code, the first far more often than the last: national frequencies have a long tail."""
    return rng.choices(codes, weights=_zipf_weights(len(codes)))[0]
