"""The typology the corpus tags against, checked to hold every code the corpus writes."""

from __future__ import annotations

import random

from scr.coding import catalogue
from scr.demo.corpus.plan import Plan
from scr.demo.corpus.words import (
    CHAINS,
    CHILD,
    CP_PLANS,
    EPISODE_CODES,
    FAMILY,
    FATAL,
    HARMS,
    LONG_TAIL,
)
from scr.errors import InvalidInput
from scr.vocabulary import FactorLevel, TagTarget
from typology.loader import Typology

# The corpus is drawn in 1.0's codes. Reviews still in progress are coded under the current
# version: their drawn codes are carried through the mappings to it, as a reviewer moving
# their tags would, and they may use the codes the later version added.
TYPOLOGY_VERSION = "1.0"
LATER_VERSION = "1.1"
# Codes 1.1 added, for the case context of reviews coded under it: each with the chance a
# review with harm outside the home has it, and the chance any other review of a child of
# ten or more has it.
LATER_CONTEXT = {
    "cc.extra-familial.peer-harm": (0.5, 0.05),
    "cc.child.online-harm": (0.4, 0.15),
}


def level_code(level: FactorLevel) -> str:
    """The code that tags a factor with its level: ``fl.`` and the level, hyphenated."""
    return "fl." + level.value.replace("_", "-")


def _uses() -> dict[str, set[str]]:
    """Every code the corpus may write, with the records it tags."""
    uses: dict[str, set[str]] = {}
    factor = [*LONG_TAIL, *(level_code(level) for level in FactorLevel)]
    factor += [code for chain in CHAINS for code in (chain[1], chain[3])]
    episode = [*EPISODE_CODES, "pt.good-practice", *(chain[4] for chain in CHAINS)]
    finding = [*(c for c in factor if c.startswith("sp.")), *EPISODE_CODES]
    review = [*CP_PLANS, *HARMS, *(h for _, h in CP_PLANS.values()), *FATAL, *FAMILY, *CHILD]
    for kind, codes in (("factor", factor), ("episode", episode), ("finding", finding)):
        for code in codes:
            uses.setdefault(code, set()).add(kind)
    for code in review:
        uses.setdefault(code, set()).add("review")
    return uses


def corpus_typology() -> Typology:
    """Typology 1.0, refused unless it holds every code the corpus uses, for those records."""
    typology = catalogue.get(TYPOLOGY_VERSION)
    faults = []
    for code_id, kinds in sorted(_uses().items()):
        code = typology.code(code_id)
        if code is None or not kinds <= set(code.applies_to):
            faults.append(f"{code_id} ({', '.join(sorted(kinds))})")
    if faults:
        raise InvalidInput(
            f"Typology {TYPOLOGY_VERSION} lacks codes the corpus tags with: {'; '.join(faults)}."
        )
    return typology


def carry_forward(rng: random.Random, plan: Plan, older_child: bool) -> None:
    """Code ``plan`` under ``LATER_VERSION``: every drawn code, tag and record field alike,
    carried through the mappings. Where a split leaves a choice it is drawn once for the
    review; a code with no successor is dropped; a deprecated one, which new tags may not
    use, gives way to its parent."""
    later = catalogue.get(LATER_VERSION)
    chosen: dict[str, list[str]] = {}

    def carried(code: str) -> list[str]:
        if code not in chosen:
            mapped = catalogue.map_code(code, TYPOLOGY_VERSION, LATER_VERSION).codes
            picked = [rng.choice(mapped)] if len(mapped) > 1 else list(mapped)
            usable = []
            for new in picked:
                found = later.require(new)
                usable.append(found.parent if found.deprecated and found.parent else new)
            chosen[code] = usable
        return chosen[code]

    def each(codes: list[str]) -> list[str]:
        return list(dict.fromkeys(new for code in codes for new in carried(code)))

    plan.typology_version = LATER_VERSION
    tags = list(plan.tags)
    plan.tags = {}
    for kind, index, code in tags:
        plan.tag(kind, index, *carried(code))
    context = each(plan.review["context_codes"])
    outside = any(c.startswith("cc.extra-familial.") for c in context)
    for code, (with_outside, otherwise) in LATER_CONTEXT.items():
        if rng.random() < (with_outside if outside else otherwise if older_child else 0.0):
            context.append(code)
            plan.tag(TagTarget.review, 0, code)
    plan.review["context_codes"] = context
    for factor in plan.factors:
        factor["typology_codes"] = each(factor["typology_codes"])
    for finding in plan.findings:
        finding["category"] = next(iter(carried(finding["category"])), None)
