"""Drawing one review of the corpus: its partnership, dates, case context and participants."""

from __future__ import annotations

import random
import string
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from scr.demo.corpus.codes import carry_forward
from scr.demo.corpus.plan import Plan, weighted, zipf
from scr.demo.corpus.records import draw_episodes, draw_factors, draw_findings
from scr.demo.corpus.words import (
    AGE_WORDS,
    AGES,
    CHILD,
    CP_PLANS,
    FAMILY,
    FATAL,
    HARMS,
    LONG_TAIL,
    PLACES,
    SIZES,
    STATUSES,
    TYPES,
    YEARS,
)
from scr.review.models import RECORD_KEYS
from scr.vocabulary import (
    AgeBand,
    LearningTogetherSize,
    Outcome,
    ParticipantRole,
    Region,
    ReviewStatus,
    ReviewType,
    TagTarget,
)
from typology.loader import Typology


@dataclass(frozen=True)
class CorpusBoard:
    code: str
    name: str
    region: Region


def corpus_boards() -> list[CorpusBoard]:
    """The corpus's partnerships, the same for every seed."""
    return [
        CorpusBoard(f"CORPUS-{abbr}-{i}", f"{place} Safeguarding Children Partnership", region)
        for region, (abbr, places) in PLACES.items()
        for i, place in enumerate(places, start=1)
    ]


def reference(seed: int, n: int) -> str:
    """The reference of review ``n`` of the corpus drawn with ``seed``."""
    return f"CORPUS-{seed}-{n}"


def plan_review(seed: int, n: int, typology: Typology) -> Plan:
    """Draw review ``n`` of the corpus for ``seed``: the same arguments give the same plan."""
    rng = random.Random(f"scr-corpus/{seed}/{n}")
    boards = corpus_boards()
    if n <= len(Region):  # the first nine reviews, one in each region
        boards = [b for b in boards if b.region is list(Region)[n - 1]]
    year = weighted(rng, YEARS)
    # The last year's reviews are notified by September, so that none starts a year ahead.
    notified = date(year, 1, 1) + timedelta(days=rng.randrange(273 if year == 2026 else 365))
    incident = notified - timedelta(days=rng.randint(1, 10))
    started = notified + timedelta(days=rng.randint(20, 75))
    status = weighted(rng, STATUSES.get(year, STATUSES[0]))
    done = status in (ReviewStatus.published, ReviewStatus.archived)
    published = notified + timedelta(days=rng.randint(150, 420)) if done else None
    age = weighted(rng, AGES)
    outcome = Outcome.death if rng.random() < 0.55 else Outcome.serious_harm
    review_type = weighted(rng, TYPES[year >= 2019])
    themed = review_type is ReviewType.themed_review
    size = LearningTogetherSize.themed if themed else weighted(rng, SIZES)
    months = rng.randint(9, 15) if age is AgeBand.under_1 else rng.randint(12, 36)
    context = _case_context(rng, list(AgeBand).index(age), outcome)
    pseudonym = f"Child {rng.choice(string.ascii_uppercase)}{n}"
    plan = Plan(
        board=rng.choice(boards).code,
        review={
            "reference": reference(seed, n),
            "child_pseudonym": pseudonym,
            "review_type": review_type,
            "learning_together_size": size,
            "status": status,
            "incident_date": incident,
            "notification_date": notified,
            "start_date": started,
            "publication_date": published,
            "scope_start": incident - timedelta(days=30 * months),
            "scope_end": incident,
            "child_age_band": age,
            "outcome": outcome,
            "context_codes": context,
            # Drawn apart from the plan's own draws, so the corpus is the same as before keys
            # existed; a generated corpus repeats its published figures for the same seed.
            "record_key": random.Random(f"scr-corpus/{seed}/{n}/key").randrange(RECORD_KEYS),
        },
        # Agreed when the analysis was done: before publication, or after the review started.
        submitted_at=datetime.combine(published or started + timedelta(days=30), time(12), UTC),
    )
    plan.tag(TagTarget.review, 0, *context)
    themes = _themes(rng)
    draw_episodes(rng, plan, list(AgeBand).index(age), themes)
    draw_factors(rng, plan, typology, themes)
    draw_findings(rng, plan, typology)
    agencies = dict.fromkeys(a for agencies in plan.episode_agencies for a in agencies)
    plan.review["case_summary"] = (
        f"{pseudonym}, {AGE_WORDS[age]}, "
        f"{'died' if outcome is Outcome.death else 'was seriously harmed'}; "
        f"{len(agencies)} agencies had worked with the family. A review of the fictional "
        "demonstration corpus: every person and place in it is invented."
    )
    leads = 2 if size in (LearningTogetherSize.full, LearningTogetherSize.intensive) else 1
    people: dict[tuple[ParticipantRole, str | None, str], None] = {}
    for i in range(1, leads + 1):
        people[(ParticipantRole.lead_reviewer, None, f"lead reviewer {i} (independent)")] = None
    for agency in agencies:
        people[(ParticipantRole.review_team, agency, "senior manager")] = None
    for episode, where in zip(plan.episodes, plan.episode_agencies, strict=True):
        for agency, role in zip(where, episode["roles_involved"], strict=True):
            people[(ParticipantRole.case_group, agency, role)] = None
    plan.participants = list(people)
    if not done:  # still in progress: coded under the current version
        older = list(AgeBand).index(age) >= list(AgeBand).index(AgeBand.age_10_to_15)
        carry_forward(random.Random(f"scr-corpus/{seed}/{n}/typology"), plan, older)
    return plan


def _case_context(rng: random.Random, age: int, outcome: Outcome) -> list[str]:
    """The review's case-context codes: one plan category, the harm, the class of a death,
    and family and child context (domestic abuse brings the rest of the 'toxic trio')."""
    cp_plan = weighted(rng, {code: weight for code, (weight, _) in CP_PLANS.items()})
    harm = CP_PLANS[cp_plan][1] if rng.random() < 0.85 else rng.choice(HARMS)
    codes = [cp_plan, harm]
    fatal = None
    if outcome is Outcome.death:
        weights = dict(FATAL)
        if harm == "cc.harm.physical":
            weights["cc.fatal-class.severe-physical-assault"] += 25
        if harm == "cc.harm.neglect":
            weights["cc.fatal-class.extreme-neglect"] += 18
        fatal = weighted(rng, weights)
        codes.append(fatal)
    abuse = rng.random() < 0.55
    related = fatal == "cc.fatal-class.related-not-caused"
    chances = (
        1.0 if abuse else 0.0,
        0.6 if abuse else 0.25,
        0.6 if abuse else 0.35,
        0.3,
        0.07,
        0.1,
        0.7 if age == 0 and related else 0.0,
        0.5 if age == 0 and harm in ("cc.harm.physical", "cc.harm.multiple") else 0.0,
        0.25 if age >= 3 else 0.0,
        0.2 if age >= 3 else 0.0,
        0.6 if age >= 3 and related else 0.0,
        0.08,
    )
    codes += [c for c, p in zip((*FAMILY, *CHILD), chances, strict=True) if rng.random() < p]
    return codes


def _themes(rng: random.Random) -> list[str]:
    """The 3 to 7 codes a review is mostly about, the nationally common ones most often; an
    over-optimistic view usually comes with too little professional curiosity."""
    themes: dict[str, None] = {}
    wanted = rng.randint(3, 7)
    while len(themes) < wanted:
        themes[zipf(rng, LONG_TAIL)] = None
    if "sp.reasoning.over-optimism" in themes and rng.random() < 0.7:
        themes["pt.professional-curiosity"] = None
    return list(themes)
