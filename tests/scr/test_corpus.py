from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import networkx as nx
from sqlalchemy import func
from sqlmodel import Session, SQLModel, col, select
from typer.testing import CliRunner

from scr import migrate
from scr.agency.models import Agency
from scr.board.models import Board
from scr.cli import app
from scr.coding import catalogue
from scr.db import get_engine, make_engine
from scr.demo.corpus import Plan, add_corpus, corpus_typology, plan_review
from scr.demo.partnership_words import REVIEWS as PARTNERSHIP_REVIEWS
from scr.episode.models import KeyPracticeEpisode
from scr.exchange import scanning
from scr.factor.models import ContributoryFactor
from scr.finding.models import BoardQuestion, Finding
from scr.graph import service as graph_service
from scr.link.models import CausalLink
from scr.participant.models import Participant
from scr.review.models import Review
from scr.tag import service as tag_service
from scr.tag.models import Tag
from scr.vocabulary import (
    ALLOWED_ENDPOINTS,
    AgeBand,
    LinkKind,
    Region,
    ReviewStatus,
    ReviewType,
    TagTarget,
)

runner = CliRunner()
STAMPS = {"id", "created_at", "updated_at", "revised_at", "review_id", "finding_id"}


def _of(session: Session, model: Any, review_ids: list[int]) -> list[Any]:
    stmt = select(model).where(col(model.review_id).in_(review_ids)).order_by(col(model.id))
    return list(session.exec(stmt))


def _corpus(session: Session, seed: int) -> list[Review]:
    stmt = select(Review).where(col(Review.reference).startswith(f"CORPUS-{seed}-"))
    return list(session.exec(stmt.order_by(col(Review.id))))


def test_a_small_corpus_has_the_shape_of_the_national_reviews(session: Session) -> None:
    added = add_corpus(session=session, count=30, seed=5)

    assert (added.added, added.existing) == (30, 0)
    reviews = _corpus(session, 5)
    assert sorted(r.reference for r in reviews) == sorted(f"CORPUS-5-{n}" for n in range(1, 31))
    ids = [r.id for r in reviews if r.id is not None]
    episodes = _of(session, KeyPracticeEpisode, ids)
    factors = _of(session, ContributoryFactor, ids)
    findings = _of(session, Finding, ids)
    links = _of(session, CausalLink, ids)
    tags = _of(session, Tag, ids)
    records = {
        TagTarget.review.value: {r.id: r.id for r in reviews},
        TagTarget.episode.value: {e.id: e.review_id for e in episodes},
        TagTarget.factor.value: {f.id: f.review_id for f in factors},
        TagTarget.finding.value: {g.id: g.review_id for g in findings},
    }
    for review in reviews:
        year = review.notification_date.year if review.notification_date else 0
        assert 2012 <= year <= 2026
        assert review.child_pseudonym.startswith("Child ")
        assert review.scope_start is not None
        assert review.scope_end is not None
        assert review.scope_start < review.scope_end
    counts = {kind: Counter(records[kind].values()) for kind in ("episode", "factor", "finding")}
    for review in reviews:
        assert 5 <= counts["episode"][review.id] <= 20
        assert 10 <= counts["factor"][review.id] <= 40
        assert 2 <= counts["finding"][review.id] <= 6
    for episode in episodes:
        assert episode.appraisal
        assert episode.appraisal_rating is not None
        review = next(r for r in reviews if r.id == episode.review_id)
        assert review.scope_start <= episode.period_start <= episode.period_end
        assert episode.period_end <= review.scope_end

    led_to = nx.DiGraph()
    for link in links:
        source_kind, targets = ALLOWED_ENDPOINTS[link.kind]
        assert link.source_kind is source_kind, link
        assert link.target_kind in targets, link
        assert records[link.source_kind.value][link.source_id] == link.review_id
        assert records[link.target_kind.value][link.target_id] == link.review_id
        if link.kind is LinkKind.led_to:
            led_to.add_edge(link.source_id, link.target_id)
    assert nx.is_directed_acyclic_graph(led_to)
    evidenced = {x.source_id for x in links if x.kind is LinkKind.evidenced_by}
    asked = set(session.exec(select(BoardQuestion.finding_id)))
    for finding in findings:
        assert finding.id in evidenced
        assert finding.id in asked

    corpus_typology()  # refuses a typology without the codes the corpus draws
    status = {r.id: r.status for r in reviews}
    done = (ReviewStatus.published, ReviewStatus.archived)
    for tag in tags:
        # Reviews in progress are coded under the current version, the rest under 1.0.
        version = "1.0" if status[tag.review_id] in done else "1.1"
        assert (tag.agreed, tag.coder, tag.typology_version) == (True, "corpus", version)
        assert tag.submitted_at is not None
        # Every tag is one its coder could have made: a code of its version, fit for the
        # record, not deprecated.
        tag_service.check_code(tag.typology_version, tag.code, tag.target_kind)
        assert records[tag.target_kind.value][tag.target_id] == tag.review_id
    assert {t.typology_version for t in tags} == {"1.0", "1.1"}
    for review in reviews:
        own = [
            t.code for t in tags if t.target_kind is TagTarget.review and t.target_id == review.id
        ]
        assert sum(c.startswith("cc.cp-plan.") for c in own) == 1
        assert sum(c.startswith("cc.harm.") for c in own) == 1
    for review in reviews[:5]:
        assert graph_service.check(session=session, review=review).blocking == 0


def test_sixty_reviews_reach_every_region_and_boards_are_made_once(session: Session) -> None:
    add_corpus(session=session, count=60, seed=2)
    add_corpus(session=session, count=10, seed=3)

    boards = session.exec(select(Board).where(col(Board.code).startswith("CORPUS-"))).all()
    assert len({b.code for b in boards}) == len(boards)
    used = {r.board_id for r in _corpus(session, 2)}
    assert {b.region for b in boards if b.id in used} == set(Region)
    for board in boards:
        assert board.name.endswith(" Safeguarding Children Partnership")


def test_the_corpus_is_skewed_and_correlated_as_national_reviews_are() -> None:
    typology = corpus_typology()
    plans = [plan_review(9, n, typology) for n in range(1, 401)]

    review_codes = [p.codes_of_kind(TagTarget.review) for p in plans]
    plans_by_category = Counter(c for codes in review_codes for c in codes if "cp-plan" in c)
    assert plans_by_category.most_common(1)[0][0] == "cc.cp-plan.neglect-only"
    assert 0.3 < plans_by_category["cc.cp-plan.neglect-only"] / len(plans) < 0.55
    ages = Counter(p.review["child_age_band"] for p in plans)
    assert ages.most_common(1)[0][0] is AgeBand.under_1
    early = Counter(
        p.review["review_type"] for p in plans if p.review["notification_date"].year < 2019
    )
    later = Counter(
        p.review["review_type"] for p in plans if p.review["notification_date"].year >= 2019
    )
    assert early.most_common(1)[0][0] is ReviewType.serious_case_review
    assert later.most_common(1)[0][0] is ReviewType.local_child_safeguarding_practice_review
    assert ReviewType.rapid_review in later
    published = [p for p in plans if p.review["status"] is ReviewStatus.published]
    assert len(published) > 0.6 * len(plans)

    abuse = [c for c in review_codes if "cc.family.domestic-abuse" in c]
    others = [c for c in review_codes if "cc.family.domestic-abuse" not in c]
    for partner in ("cc.family.parental-substance-misuse", "cc.family.parental-mental-health"):
        assert _share(abuse, partner) > _share(others, partner) + 0.15

    factor_codes = [p.codes_of(TagTarget.factor, i) for p in plans for i in range(len(p.factors))]
    optimistic = [c for c in factor_codes if "sp.reasoning.over-optimism" in c]
    rest = [c for c in factor_codes if "sp.reasoning.over-optimism" not in c]
    assert _share(optimistic, "pt.professional-curiosity") > 3 * _share(
        rest, "pt.professional-curiosity"
    )

    in_reviews = Counter(
        code
        for p in plans
        for code in set(p.codes_of_kind(TagTarget.factor))
        if not code.startswith("fl.")
    )
    frequencies = sorted(in_reviews.values(), reverse=True)
    assert frequencies[0] > len(plans) / 2
    assert frequencies[0] > 5 * frequencies[len(frequencies) // 2]

    chain = ("sp.management.caseload", "sp.management.supervision", "pt.risk-assessment")
    assert sum(_has_chain(p, *chain) for p in plans) > len(plans) / 5


def _share(groups: list[list[str]], code: str) -> float:
    return sum(code in g for g in groups) / len(groups)


def _has_chain(plan: Plan, a: str, b: str, c: str) -> bool:
    """Whether a factor coded ``a`` influenced a factor coded ``b`` that contributed to an
    episode coded ``c``."""
    influenced = [(x[2], x[4]) for x in plan.links if x[0] is LinkKind.influenced]
    contributed = [(x[2], x[4]) for x in plan.links if x[0] is LinkKind.contributed_to]
    return any(
        a in plan.codes_of(TagTarget.factor, first)
        and b in plan.codes_of(TagTarget.factor, second)
        and c in plan.codes_of(TagTarget.episode, episode)
        for first, second in influenced
        for source, episode in contributed
        if source == second
    )


def _row(record: SQLModel, **replace: Any) -> dict[str, Any]:
    return record.model_dump(exclude=STAMPS) | replace


def _dump(session: Session, seed: int) -> list[dict[str, Any]]:
    """The corpus of ``seed`` without ids or time stamps: records by position, links and tags
    by the positions of their ends."""
    agencies = {a.id: a.code for a in session.exec(select(Agency))}
    boards = {b.id: b.code for b in session.exec(select(Board))}
    dumped = []
    for review in _corpus(session, seed):
        assert review.id is not None
        episodes = _of(session, KeyPracticeEpisode, [review.id])
        factors = _of(session, ContributoryFactor, [review.id])
        findings = _of(session, Finding, [review.id])
        key = {("review", review.id): "review"}
        for kind, records in (("episode", episodes), ("factor", factors), ("finding", findings)):
            key |= {(kind, r.id): f"{kind}:{i}" for i, r in enumerate(records)}
        dumped.append(
            {
                "review": _row(review, board_id=boards[review.board_id]),
                "episodes": [
                    _row(e, agency_ids=[agencies[a] for a in e.agency_ids]) for e in episodes
                ],
                "factors": [_row(f) for f in factors],
                "findings": [
                    _row(g, questions=[q.question for q in g.questions]) for g in findings
                ],
                "participants": sorted(
                    (p.role, agencies.get(p.agency_id), p.job_role)
                    for p in _of(session, Participant, [review.id])
                ),
                "links": sorted(
                    (x.kind, key[(x.source_kind, x.source_id)], key[(x.target_kind, x.target_id)])
                    for x in _of(session, CausalLink, [review.id])
                ),
                "tags": sorted(
                    (key[(t.target_kind, t.target_id)], t.code, str(t.submitted_at), t.agreed)
                    for t in _of(session, Tag, [review.id])
                ),
            }
        )
    return dumped


def test_the_same_seed_gives_the_same_corpus_in_another_database(
    session: Session, scratch_database_url: str
) -> None:
    add_corpus(session=session, count=12, seed=11, batch=5)
    ours = _dump(session, 11)
    migrate.upgrade(scratch_database_url)
    engine = make_engine(scratch_database_url)
    try:
        with Session(engine, expire_on_commit=False) as other:
            add_corpus(session=other, count=12, seed=11)
            theirs = _dump(other, 11)
    finally:
        engine.dispose()

    assert len(ours) == 12
    assert ours == theirs
    add_corpus(session=session, count=12, seed=12)
    different = _dump(session, 12)
    for review in different:
        review["review"]["reference"] = review["review"]["reference"].replace("-12-", "-11-")
    assert different != ours


def test_scr_demo_adds_a_corpus_once(
    scratch_database_url: str, configured_for: Callable[[str], None]
) -> None:
    configured_for(scratch_database_url)
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0

    first = runner.invoke(app, ["demo", "--corpus", "20", "--seed", "1"])
    assert first.exit_code == 0, first.output
    assert first.output.startswith("Loaded demo review")
    assert "Added 20 corpus reviews (seed 1)" in first.output
    again = runner.invoke(app, ["demo", "--corpus", "20", "--seed", "1"])
    assert again.exit_code == 0, again.output
    assert "Added 0 corpus reviews (seed 1)" in again.output
    assert "20 of CORPUS-1-1 to CORPUS-1-20 were there already" in again.output
    more = runner.invoke(app, ["demo", "--corpus", "25", "--seed", "1"])
    assert "Added 5 corpus reviews" in more.output

    with Session(get_engine()) as session:
        reviews = session.exec(select(func.count()).select_from(Review)).one()
        assert reviews == 1 + len(PARTNERSHIP_REVIEWS) + 25
        corpus = _corpus(session, 1)
    assert sorted(int(r.reference.rsplit("-", 1)[1]) for r in corpus) == list(range(1, 26))


def test_corpus_text_holds_no_identifier_so_its_published_reviews_stand_cleared(
    session: Session,
) -> None:
    add_corpus(session=session, count=40, seed=5)
    reviews = list(session.exec(select(Review).where(col(Review.reference).like("CORPUS-5-%"))))
    assert len(reviews) == 40
    assert any(r.status == ReviewStatus.published for r in reviews)
    for review in reviews:
        assert scanning.scan_review(session=session, review=review).hits == []
        published = review.status == ReviewStatus.published
        assert (review.cleared_revision == review.revision) is published


def test_reviews_in_progress_are_coded_under_1_1_in_codes_it_accepts() -> None:
    typology = corpus_typology()
    plans = [plan_review(9, n, typology) for n in range(1, 401)]
    done = (ReviewStatus.published, ReviewStatus.archived)
    later = [p for p in plans if p.typology_version == "1.1"]
    assert [p for p in plans if p.review["status"] not in done] == later
    assert 0.05 * len(plans) < len(later) < 0.5 * len(plans)
    second = catalogue.get("1.1")
    for p in later:
        for kind, _, code in p.tags:
            tag_service.check_code("1.1", code, kind)
        # The records' own codes say what their tags say, in 1.1 too.
        assert sorted(p.review["context_codes"]) == sorted(p.codes_of(TagTarget.review, 0))
        for i, factor in enumerate(p.factors):
            assert factor["typology_codes"] == p.codes_of(TagTarget.factor, i)
        for i, finding in enumerate(p.findings):
            assert finding["category"] in p.codes_of(TagTarget.finding, i)
            assert second.code(finding["category"]) is not None
    used = Counter(code for p in later for code in {c for _, _, c in p.tags})
    assert not any(code.startswith("fl.") for code in used)
    for added in ("cc.child.online-harm", "cc.extra-familial.peer-harm", "pt.supervision"):
        assert used[added] > 0, added
    # The split caseload code is carried to both of its successors across the reviews.
    assert used["sp.management.caseload-volume"] > 0
    assert used["sp.management.caseload-complexity"] > 0
