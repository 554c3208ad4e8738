"""The demo partnership's other reviews: about a dozen over several years, so that its board
member's dashboard, action plan and patterns show something real.

Each review in ``REVIEWS`` (scr/demo/partnership_words.py) takes its episodes, factors, causal
links, participants and case context from the fictional corpus's generator (``plan_review``),
and its findings from the themes that recur across the partnership's reviews. It is written
through the services a reviewer's work takes: imported at scoping as a ``scr-review/1`` file,
its codes recorded as its lead reviewer's agreed tags, moved to its status through the guarded
step (publication passes the completeness checks and the identifier scan), and, once
published, answered by the Board through the action plan: responses, actions owned by a role
in an agency, their progress notes and evidence of impact.

Decisions:

- Codes are recorded only as agreed tags, never in a record's form fields.
- Reviews are found by reference: a review already there is skipped, so loading twice adds
  nothing, and a review deleted is added again by the next load.
- A review's own dates are fixed (its reference carries its year). The Board's action dates
  are drawn relative to the day the demo is loaded (``today``), so the same actions stay
  overdue whenever it is loaded: the same ``today`` gives the same partnership.
- Reviews published three years or more before ``today`` have their actions mostly done,
  one dropped, and in every other review one still in progress long after it was due; later
  reviews' actions are at every stage, two of every six overdue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from scr.actionplan import service as actionplan_service
from scr.actionplan.schemas import ActionCreate, ActionNoteCreate, ResponseUpdate
from scr.agency import service as agency_service
from scr.board.models import Board
from scr.board.schemas import BoardCreate
from scr.coding import catalogue
from scr.common.lookup import id_of
from scr.demo.corpus import corpus_typology, plan_review
from scr.demo.corpus.plan import Plan
from scr.demo.corpus.words import AGE_WORDS
from scr.demo.loader import DEMO_ACTOR
from scr.demo.partnership_words import REVIEWS, THEMES, PartnershipReview
from scr.demo.tags import DEMO_CODER
from scr.episode.models import KeyPracticeEpisode
from scr.factor.models import ContributoryFactor
from scr.finding.models import BoardQuestion, Finding
from scr.finding.schemas import BoardQuestionIn
from scr.link.schemas import LinkCreate
from scr.participant.schemas import ParticipantCreate
from scr.recurrence import service as recurrence_service
from scr.recurrence.schemas import FoundBeforeCreate
from scr.review.models import Review
from scr.review.schemas import ReviewUpdate
from scr.tag import service as tag_service
from scr.tag.schemas import TagCreate
from scr.vocabulary import ActionStatus, LinkKind, Outcome, ReviewStatus, TagTarget
from scr.workflow import service as review_service
from scr.workflow.transfer import (
    AgencyEntry,
    EpisodeFile,
    FactorFile,
    FindingFile,
    ReviewFile,
    ReviewFileFields,
    import_review,
)

SEED = 23
"""The corpus seed the partnership's reviews are drawn with (review ``n`` of ``REVIEWS`` is
the corpus's review ``n`` of this seed, under the partnership's own reference)."""

ACTIONS_PER_QUESTION = 2
SETTLED_AFTER = timedelta(days=3 * 365)
"""How long after publication a review's actions stand mostly done."""


@dataclass(frozen=True)
class PartnershipAdded:
    """What a load did: reviews added, and reviews of the partnership already there."""

    added: int
    existing: int


def load_partnership(
    *, session: Session, board: Board, today: date | None = None
) -> PartnershipAdded:
    """Add the partnership's reviews that are not there yet to ``board``, dating the Board's
    actions from ``today`` (the day it is loaded unless given)."""
    today = today or date.today()
    there = set(session.exec(select(Review.reference).where(col(Review.board_id) == id_of(board))))
    typology = corpus_typology()
    added = 0
    # Each theme's first finding in this load, which the later ones were found before in.
    first: dict[str, int] = {}
    for n, spec in enumerate(REVIEWS, start=1):
        if spec.reference in there:
            continue
        plan = plan_review(SEED, n, typology)
        review = import_review(
            session=session, file=_file(session, board, spec, plan), actor=DEMO_ACTOR
        ).review
        _tag(session, review, spec, plan)
        _found_before(session, review, spec, first)
        _take_status(session, review, spec)
        if spec.status is ReviewStatus.published:
            _answer(session, review, n, today)
        added += 1
    return PartnershipAdded(added=added, existing=len(REVIEWS) - added)


def _file(session: Session, board: Board, spec: PartnershipReview, plan: Plan) -> ReviewFile:
    """The review as a ``scr-review/1`` file at scoping, its dates moved to the spec's."""
    drawn = plan.review
    notified = spec.started - timedelta(days=45)
    incident = notified - timedelta(days=3)
    shift = incident - drawn["incident_date"]
    codes = dict.fromkeys(
        [a for where in plan.episode_agencies for a in where]
        + [a for _, a, _ in plan.participants if a]
    )
    agencies: list[AgencyEntry] = []
    for code in codes:
        agency = agency_service.get_by_code(session=session, code=code)
        if agency is not None:
            agencies.append(AgencyEntry(id=len(agencies) + 1, code=code, name=agency.name))
    number = {a.code: a.id for a in agencies}
    gathering = spec.status is ReviewStatus.gathering
    outcome = "died" if drawn["outcome"] is Outcome.death else "was seriously harmed"
    return ReviewFile(
        format="scr-review/1",
        board=BoardCreate(name=board.name, code=board.code, region=board.region),
        review=ReviewFileFields(
            reference=spec.reference,
            child_pseudonym=spec.pseudonym,
            review_type=spec.review_type,
            learning_together_size=spec.size,
            incident_date=incident,
            notification_date=notified,
            start_date=spec.started,
            scope_start=drawn["scope_start"] + shift,
            scope_end=incident,
            child_age_band=drawn["child_age_band"],
            outcome=drawn["outcome"],
            case_summary=f"{spec.pseudonym}, {AGE_WORDS[drawn['child_age_band']]}, {outcome}; "
            f"{len(agencies)} agencies had worked with the family. A review of the fictional "
            "demo partnership: every person, place and organisation in it is invented.",
        ),
        agencies=agencies,
        participants=[
            ParticipantCreate(role=role, agency_id=number.get(agency or ""), job_role=job)
            for role, agency, job in plan.participants
        ],
        episodes=[
            EpisodeFile(
                id=i,
                **_shifted(episode, shift),
                agency_ids=[number[a] for a in where if a in number],
            )
            for i, (episode, where) in enumerate(
                zip(plan.episodes, plan.episode_agencies, strict=True), start=1
            )
        ],
        factors=[]
        if gathering
        else [
            FactorFile(id=i, description=f["description"], level=f["level"])
            for i, f in enumerate(plan.factors, start=1)
        ],
        findings=[_finding(spec, k, plan) for k in range(len(spec.themes))],
        links=[] if gathering else _links(spec, plan),
    )


EPISODE_FIELDS = (
    "ordinal",
    "title",
    "roles_involved",
    "what_happened",
    "view_at_the_time",
    "appraisal",
    "appraisal_rating",
    "went_well",
)


def _shifted(episode: dict[str, Any], shift: timedelta) -> dict[str, Any]:
    fields = {name: episode.get(name) for name in EPISODE_FIELDS}
    fields["period_start"] = episode["period_start"] + shift
    fields["period_end"] = episode["period_end"] + shift
    return fields


def _evidence(k: int, code: str, plan: Plan) -> tuple[list[int], list[int]]:
    """The episodes and factors (positions from 1) finding ``k`` of the review rests on: up to
    two factors coded with its pattern (or one of its family: ``sp.crisis`` for
    ``sp.crisis.referral-feedback``), else two by position, and the episodes they contributed
    to, else two by position."""
    family = ".".join(code.split(".")[:2])

    def closeness(i: int) -> int | None:
        codes = plan.codes_of(TagTarget.factor, i)
        if code in codes:
            return 0
        return 1 if any(c == family or c.startswith(family + ".") for c in codes) else None

    coded = [(c, i) for i in range(len(plan.factors)) if (c := closeness(i)) is not None]
    factors = [i for _, i in sorted(coded)[:2]]
    if not factors:
        count = len(plan.factors)
        factors = sorted({(2 * k) % count, (2 * k + 5) % count})
    episodes = sorted(
        {e for kind, _, f, _, e in plan.links if kind is LinkKind.contributed_to and f in factors}
    )[:2]
    if not episodes:
        count = len(plan.episodes)
        episodes = sorted({(3 * k) % count, (3 * k + 1) % count})
    return [e + 1 for e in episodes], [f + 1 for f in factors]


def _finding(spec: PartnershipReview, k: int, plan: Plan) -> FindingFile:
    """Finding ``k`` of the review, in the words its theme takes in this review."""
    n = REVIEWS.index(spec)
    theme = THEMES[spec.themes[k]]
    episodes, _ = _evidence(k, theme.code, plan)
    return FindingFile(
        id=k + 1,
        ordinal=k + 1,
        title=theme.titles[n % len(theme.titles)],
        statement=theme.statements[n % len(theme.statements)],
        how_it_appeared="It showed in " + " and ".join(f"KPE {e}" for e in episodes) + ".",
        evidence_beyond_case=theme.evidence_beyond_case,
        why_it_matters=theme.why_it_matters,
        questions=[BoardQuestionIn(question=theme.question)],
    )


def _links(spec: PartnershipReview, plan: Plan) -> list[LinkCreate]:
    """The drawn causal links between episodes and factors, and each finding's evidence."""
    links = [
        LinkCreate(kind=kind, source=f"{sk.value}:{si + 1}", target=f"{tk.value}:{ti + 1}")
        for kind, sk, si, tk, ti in plan.links
        if kind is not LinkKind.evidenced_by
    ]
    for k in range(len(spec.themes)):
        episodes, factors = _evidence(k, THEMES[spec.themes[k]].code, plan)
        links += [
            LinkCreate(kind=LinkKind.evidenced_by, source=f"finding:{k + 1}", target=target)
            for target in [f"episode:{e}" for e in episodes] + [f"factor:{f}" for f in factors]
        ]
    return links


def _tag(session: Session, review: Review, spec: PartnershipReview, plan: Plan) -> None:
    """Record the review's codes as its lead reviewer's agreed tags: the drawn case context,
    episodes' and factors' codes, and each finding's theme (carried to the plan's version)."""
    version = plan.typology_version
    targets: dict[TagTarget, list[int]] = {TagTarget.review: [id_of(review)]}
    if spec.status is not ReviewStatus.gathering:
        for kind, model, order in (
            (TagTarget.episode, KeyPracticeEpisode, col(KeyPracticeEpisode.ordinal)),
            (TagTarget.factor, ContributoryFactor, col(ContributoryFactor.id)),
        ):
            stmt = select(model.id).where(model.review_id == review.id).order_by(order)
            targets[kind] = [int(i) for i in session.exec(stmt) if i is not None]
    wanted = [
        (f"{kind.value}:{targets[kind][index]}", code)
        for kind, index, code in plan.tags
        if kind in targets
    ]
    findings = session.exec(
        select(Finding.id).where(Finding.review_id == review.id).order_by(col(Finding.ordinal))
    )
    for finding_id, theme in zip(findings, spec.themes, strict=True):
        code = THEMES[theme].code
        if version != "1.0":
            code = catalogue.map_code(code, "1.0", version).codes[0]
        wanted.append((f"finding:{finding_id}", code))
    for target, code in wanted:
        tag_service.create(
            session=session,
            review=review,
            data=TagCreate(target=target, code=code, typology_version=version, agreed=True),
            coder=DEMO_CODER,
        )


def _found_before(
    session: Session, review: Review, spec: PartnershipReview, first: dict[str, int]
) -> None:
    """Link each finding whose theme came up in an earlier review of the partnership to that
    theme's first finding, as its reviewer would ("found before in ..."), so the dashboard's
    findings that came back show something."""
    findings = session.exec(
        select(Finding).where(Finding.review_id == review.id).order_by(col(Finding.ordinal))
    )
    for finding, theme in zip(findings, spec.themes, strict=True):
        if theme not in first:
            first[theme] = id_of(finding)
            continue
        recurrence_service.link(
            session=session,
            review=review,
            finding=finding,
            data=FoundBeforeCreate(earlier_finding_id=first[theme]),
            visible=sa.true(),
            actor=DEMO_ACTOR,
        )


def _take_status(session: Session, review: Review, spec: PartnershipReview) -> None:
    if spec.status is ReviewStatus.scoping:
        return
    dated = {"publication_date": spec.published} if spec.published else {}
    step = ReviewUpdate(version=review.version, status=spec.status, **dated)
    review_service.update(session=session, review=review, data=step, actor=DEMO_ACTOR)


@dataclass(frozen=True)
class Step:
    """One action's stage: its status, due date, progress notes, and whether it showed impact."""

    status: ActionStatus
    due: date
    notes: tuple[tuple[date, str], ...]
    impact: bool = False


def _settled(n: int, j: int, responded: date, today: date) -> Step:
    """An action of a review published long ago: done, dropped, or (in every other review)
    one still open long after it was due."""
    due = responded + timedelta(days=150 + 30 * (j % 4))
    started = (responded + timedelta(days=40), "Work started; a lead was agreed in each agency.")
    if j % 6 == 4 and n % 2 == 1:
        late = (today - timedelta(days=75), "Still in progress: the agencies have not agreed it.")
        return Step(ActionStatus.in_progress, due, (started, late))
    if j % 6 == 2:
        why = "Dropped: a later action of the Board replaced it."
        return Step(ActionStatus.dropped, due, (started, (due - timedelta(days=20), why)))
    done = (due - timedelta(days=10), "Done and reported to the Board.")
    return Step(ActionStatus.completed, due, (started, done), impact=j % 2 == 0)


def _current(n: int, j: int, responded: date, today: date) -> Step:
    """An action of a recent review, at one of every stage; some overdue."""
    started = (min(responded + timedelta(days=30), today), "A task group met and agreed a plan.")
    stages: dict[int, Callable[[], Step]] = {
        0: lambda: Step(ActionStatus.in_progress, today - timedelta(days=45), (started,)),
        1: lambda: Step(ActionStatus.planned, today + timedelta(days=120), ()),
        2: lambda: Step(
            ActionStatus.completed,
            responded + timedelta(days=90),
            (started, (responded + timedelta(days=80), "Done and reported to the Board.")),
            impact=True,
        ),
        3: lambda: Step(ActionStatus.in_progress, today + timedelta(days=60), (started,)),
        4: lambda: Step(ActionStatus.planned, today - timedelta(days=20), ()),
        5: lambda: Step(ActionStatus.dropped, today + timedelta(days=30), (started,)),
    }
    step = stages[j % len(stages)]()
    floor = responded + timedelta(days=14)
    return Step(step.status, max(step.due, floor), step.notes, step.impact)


def _answer(session: Session, review: Review, n: int, today: date) -> None:
    """The Board's response to each question of a published review, and its actions."""
    spec = REVIEWS[n - 1]
    assert spec.published is not None
    responded = spec.published + timedelta(days=42)
    staged = _settled if today - spec.published >= SETTLED_AFTER else _current
    questions = session.exec(
        select(BoardQuestion, Finding)
        .join(Finding, col(Finding.id) == col(BoardQuestion.finding_id))
        .where(Finding.review_id == review.id)
        .order_by(col(Finding.ordinal), col(BoardQuestion.ordinal))
    ).all()
    j = 0
    for (question, _), theme_name in zip(questions, spec.themes, strict=True):
        theme = THEMES[theme_name]
        answer = ResponseUpdate(
            version=question.version, board_response=theme.response, response_date=responded
        )
        actionplan_service.respond(
            session=session, question=question, review=review, data=answer, actor=DEMO_ACTOR
        )
        for i in range(ACTIONS_PER_QUESTION):
            words = theme.actions[(n + i) % len(theme.actions)]
            agency = agency_service.get_by_code(session=session, code=words.agency)
            step = staged(n, j, responded, today)
            action = actionplan_service.add_action(
                session=session,
                question=question,
                review=review,
                data=ActionCreate(
                    description=words.description,
                    owner_role=words.owner_role,
                    agency_id=agency.id if agency else None,
                    due_date=step.due,
                    status=step.status,
                    evidence_of_impact=theme.impact if step.impact else None,
                ),
                actor=DEMO_ACTOR,
            )
            for noted_on, note in step.notes:
                actionplan_service.add_note(
                    session=session,
                    action=action,
                    review=review,
                    data=ActionNoteCreate(noted_on=min(noted_on, today), note=note),
                    actor=DEMO_ACTOR,
                )
            j += 1
    session.flush()
