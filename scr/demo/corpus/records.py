"""Drawing a review's records: its episodes, its factors with the links between them, and its
findings with their questions for the Board."""

from __future__ import annotations

import random
from datetime import timedelta

from scr.demo.corpus.codes import level_code
from scr.demo.corpus.plan import Plan, weighted, zipf
from scr.demo.corpus.words import (
    APPRAISALS,
    BEYOND,
    CHAINS,
    EPISODE_CODES,
    EPISODES,
    LEVELS,
    LONG_TAIL,
    MATTERS,
    QUESTIONS,
    RATINGS,
    SP_TAIL,
    VIEWS,
)
from scr.vocabulary import AppraisalRating, FactorLevel, LinkKind, NodeKind, PatternKind, TagTarget
from typology.loader import Typology


def draw_episodes(rng: random.Random, plan: Plan, age: int, themes: list[str]) -> None:
    """5 to 20 episodes in time order within the scope period, by agencies that fit the age."""
    start, end = plan.review["scope_start"], plan.review["scope_end"]
    fitting = [e for e in EPISODES if e[2] <= age <= e[3]]
    practice = [c for c in themes if c in EPISODE_CODES]
    count = round(rng.triangular(5, 20, 9))
    chosen = rng.sample(fitting, min(count, len(fitting)))
    chosen += rng.choices(fitting, k=count - len(chosen))
    days = sorted(rng.randrange((end - start).days + 1) for _ in chosen)
    for i, ((agency, role, _, _, title, what), day) in enumerate(zip(chosen, days, strict=True)):
        began = start + timedelta(days=day)
        ended = began if rng.random() < 0.6 else min(end, began + timedelta(rng.randint(7, 90)))
        who = f"{role} {rng.randint(1, 2)}"
        names = {"role": who, "Role": who[0].upper() + who[1:]}
        rating = weighted(rng, RATINGS)
        good = rating in (AppraisalRating.good_practice, AppraisalRating.as_expected)
        plan.episodes.append(
            {
                "ordinal": i + 1,
                "title": title,
                "period_start": began,
                "period_end": ended,
                "roles_involved": [who],
                "what_happened": what,
                "view_at_the_time": rng.choice(VIEWS).format(**names),
                "appraisal": rng.choice(APPRAISALS[rating]).format(**names),
                "appraisal_rating": rating,
                "went_well": "{Role} kept a clear record of what was seen.".format(**names)
                if good
                else None,
            }
        )
        plan.episode_agencies.append([agency])
        if rating is AppraisalRating.good_practice and rng.random() < 0.7:
            plan.tag(TagTarget.episode, i, "pt.good-practice")
        elif practice and rng.random() < 0.5:
            plan.tag(TagTarget.episode, i, rng.choice(practice))
        elif rng.random() < 0.1:
            plan.tag(TagTarget.episode, i, zipf(rng, EPISODE_CODES))
        if i and rng.random() < 0.45:
            plan.link(LinkKind.led_to, (NodeKind.episode, i - 1), (NodeKind.episode, i))
        if i > 1 and rng.random() < 0.1:
            earlier = rng.randrange(i - 1)
            plan.link(LinkKind.led_to, (NodeKind.episode, earlier), (NodeKind.episode, i))


def draw_factors(rng: random.Random, plan: Plan, typology: Typology, themes: list[str]) -> None:
    """10 to 40 factors, coded mostly with the review's themes that fit their level, the
    recurring chains among them, and the links that explain every episode; factors mostly
    influence those at their level of the system or below."""
    count = round(rng.triangular(10, 40, 18))
    factors: list[tuple[FactorLevel, list[str]]] = []
    chains: list[tuple[int, int, str]] = []
    for first, first_code, second, second_code, episode_code, chance in CHAINS:
        if rng.random() < chance and len(factors) + 2 <= count:
            factors += [(first, [first_code]), (second, [second_code])]
            chains.append((len(factors) - 2, len(factors) - 1, episode_code))
    levels = {level: weight for level, (weight, *_) in LEVELS.items()}
    while len(factors) < count:
        level = weighted(rng, levels)
        fits = [c for c in themes if c in LEVELS[level][2]]
        chance = rng.random()
        codes = [rng.choice(fits)] if fits and chance < 0.8 else []
        if not codes and chance < 0.4:
            codes.append(rng.choice(themes))
        if rng.random() < 0.1:
            codes.append(zipf(rng, LONG_TAIL))
        factors.append((level, codes))
    episodes = len(plan.episodes)
    for i, (level, codes) in enumerate(factors):
        if "sp.reasoning.over-optimism" in codes and rng.random() < 0.7:
            codes.append("pt.professional-curiosity")
        if rng.random() < 0.5:
            codes.insert(0, level_code(level))
        codes = list(dict.fromkeys(codes))
        main = next((typology.codes[c] for c in codes if not c.startswith("fl.")), None)
        plan.factors.append(
            {
                "description": f"{main.label}: {main.definition}" if main else LEVELS[level][3],
                "level": level,
                "typology_codes": codes,
            }
        )
        plan.tag(TagTarget.factor, i, *codes)
        if rng.random() < 0.7:
            for target in rng.sample(range(episodes), min(episodes, rng.randint(1, 3))):
                plan.link(LinkKind.contributed_to, (NodeKind.factor, i), (NodeKind.episode, target))
    for a, b, c in chains:
        target = rng.randrange(episodes)
        plan.link(LinkKind.influenced, (NodeKind.factor, a), (NodeKind.factor, b))
        plan.link(LinkKind.contributed_to, (NodeKind.factor, b), (NodeKind.episode, target))
        plan.tag(TagTarget.episode, target, c)
    height = [LEVELS[level][1] for level, _ in factors]
    for _ in range(round(count * rng.uniform(0.3, 0.6))):
        a, b = rng.sample(range(count), 2)
        if height[a] < height[b] and rng.random() < 0.7:
            a, b = b, a
        plan.link(LinkKind.influenced, (NodeKind.factor, a), (NodeKind.factor, b))
    explained = {link[4] for link in plan.links if link[0] is LinkKind.contributed_to}
    for target in range(episodes):
        if target not in explained:
            source = rng.randrange(count)
            plan.link(
                LinkKind.contributed_to, (NodeKind.factor, source), (NodeKind.episode, target)
            )
    linked = {link[2] for link in plan.links if link[1] is NodeKind.factor}
    linked |= {link[4] for link in plan.links if link[3] is NodeKind.factor}
    for i in range(count):
        if i not in linked:
            target = rng.randrange(episodes)
            plan.link(LinkKind.contributed_to, (NodeKind.factor, i), (NodeKind.episode, target))


def draw_findings(rng: random.Random, plan: Plan, typology: Typology) -> None:
    """2 to 6 findings, mostly on the patterns the factors were tagged with, each evidenced by
    the records that show it and posing 1 to 3 questions for the Board."""
    used = [c for c in plan.codes_of_kind(TagTarget.factor) if c.startswith("sp.")]
    categories: list[str] = []
    for i in range(weighted(rng, {2: 15, 3: 30, 4: 30, 5: 15, 6: 10})):
        fresh = [c for c in used if c not in categories]
        code = rng.choice(fresh) if fresh and rng.random() < 0.8 else zipf(rng, SP_TAIL)
        if code in categories:
            code = next(c for c in SP_TAIL if c not in categories)
        categories.append(code)
        shown = [(NodeKind.factor, f) for f in range(len(plan.factors))]
        shown = [s for s in shown if code in plan.codes_of(TagTarget.factor, s[1])]
        evidence = rng.sample(shown, min(len(shown), 3))
        for e in rng.sample(range(len(plan.episodes)), rng.randint(1, 2)):
            evidence.append((NodeKind.episode, e))
        for target in evidence:
            plan.link(LinkKind.evidenced_by, (NodeKind.finding, i), target)
        kpes = sorted(e + 1 for kind, e in evidence if kind is NodeKind.episode)
        label = typology.codes[code].label
        constructive = rng.random() < 0.1
        plan.findings.append(
            {
                "ordinal": i + 1,
                "title": label,
                "statement": typology.codes[code].definition,
                "pattern_kind": PatternKind.constructive if constructive else PatternKind.unsafe,
                "category": code,
                "how_it_appeared": "It showed in " + ", ".join(f"KPE {k}" for k in kpes) + ".",
                "evidence_beyond_case": rng.choice(BEYOND),
                "why_it_matters": rng.choice(MATTERS),
            }
        )
        asked = rng.sample(QUESTIONS, rng.randint(1, 3))
        plan.questions.append([q.format(topic=label.lower()) for q in asked])
        plan.tag(TagTarget.finding, i, code)
        if rng.random() < 0.4:
            plan.tag(TagTarget.finding, i, zipf(rng, EPISODE_CODES))
