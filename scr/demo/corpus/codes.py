"""The typology the corpus tags against, checked to hold every code the corpus writes."""

from __future__ import annotations

from scr.coding import catalogue
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
from scr.vocabulary import FactorLevel
from typology.loader import Typology

TYPOLOGY_VERSION = "1.0"


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
