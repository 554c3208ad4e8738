"""The search index follows every write to the records it indexes, however it is made: the
ORM, a bulk insert (the corpus), a Core update or delete. Each kind is checked through Core
statements, which no ORM hook would see, so a trigger a later migration lost fails here."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from scr.chronology.models import ChronologyEntry
from scr.common.lookup import id_of
from scr.demo.corpus import add_corpus
from scr.episode.models import KeyPracticeEpisode
from scr.exchange.models import ImportedReview
from scr.factor.models import ContributoryFactor
from scr.finding.models import ActionNote, BoardAction, BoardQuestion, Finding
from scr.recurrence.suggestions import _by_words
from scr.review.models import Review
from scr.search.models import SearchDocument
from scr.vocabulary import SearchKind
from tests.factories import make_entry, make_episode, make_factor, make_finding, make_review

# For each kind: the table and one of its indexed texts.
TEXTS = {
    SearchKind.episode: (KeyPracticeEpisode, "went_well"),
    SearchKind.factor: (ContributoryFactor, "detail"),
    SearchKind.finding: (Finding, "why_it_matters"),
    SearchKind.question: (BoardQuestion, "board_response"),
    SearchKind.action: (BoardAction, "evidence_of_impact"),
    SearchKind.chronology: (ChronologyEntry, "source"),
}


def _records(session: Session, review: Review) -> dict[SearchKind, int]:
    episode, factor = make_episode(session, review), make_factor(session, review)
    finding = make_finding(session, review)
    question = finding.questions[0]
    question.actions.append(BoardAction(ordinal=1, description="Review the escalation policy."))
    entry = make_entry(session, review)
    session.commit()
    return {
        SearchKind.episode: id_of(episode),
        SearchKind.factor: id_of(factor),
        SearchKind.finding: id_of(finding),
        SearchKind.question: id_of(question),
        SearchKind.action: id_of(question.actions[0]),
        SearchKind.chronology: id_of(entry),
    }


def _body(session: Session, kind: SearchKind, record_id: int) -> str | None:
    stmt = select(SearchDocument.body).where(
        SearchDocument.kind == kind, SearchDocument.record_id == record_id
    )
    return session.exec(stmt).first()


@pytest.mark.parametrize("kind", list(SearchKind))
def test_a_core_insert_update_and_delete_each_reach_the_index(
    session: Session, kind: SearchKind
) -> None:
    review = make_review(session)
    record_id = _records(session, review)[kind]
    model, field = TEXTS[kind]
    table = sa.inspect(model).local_table
    body = _body(session, kind, record_id)
    assert body is not None

    session.execute(sa.update(table).where(table.c.id == record_id).values({field: "marram grass"}))
    changed = _body(session, kind, record_id)
    assert changed is not None
    assert "marram grass" in changed

    # What refers to a finding or question goes first (the references are not cascaded).
    questions = select(BoardQuestion.id).where(BoardQuestion.finding_id == record_id)
    if kind == SearchKind.finding:
        session.execute(sa.delete(BoardAction).where(col(BoardAction.question_id).in_(questions)))
        session.execute(sa.delete(BoardQuestion).where(col(BoardQuestion.finding_id) == record_id))
    if kind == SearchKind.question:
        session.execute(sa.delete(BoardAction).where(col(BoardAction.question_id) == record_id))
    session.execute(sa.delete(table).where(table.c.id == record_id))
    assert _body(session, kind, record_id) is None


def test_an_actions_notes_are_part_of_its_document(session: Session) -> None:
    review = make_review(session)
    action_id = _records(session, review)[SearchKind.action]
    note = ActionNote(action_id=action_id, noted_on=date(2026, 11, 3), note="Sampling begun.")
    session.add(note)
    session.flush()
    assert "Sampling begun." in (_body(session, SearchKind.action, action_id) or "")
    session.delete(note)
    session.flush()
    assert "Sampling begun." not in (_body(session, SearchKind.action, action_id) or "")


def test_the_corpus_bulk_inserts_are_indexed_record_for_record(session: Session) -> None:
    add_corpus(session=session, count=3, seed=7)
    reviews = select(Review.id).where(col(Review.reference).like("CORPUS-7-%"))
    for kind in (SearchKind.episode, SearchKind.factor, SearchKind.finding):
        model, _ = TEXTS[kind]
        records = session.exec(
            select(func.count()).select_from(model).where(col(model.review_id).in_(reviews))  # type: ignore[attr-defined]
        ).one()
        indexed = session.exec(
            select(func.count())
            .select_from(SearchDocument)
            .where(SearchDocument.kind == kind, col(SearchDocument.review_id).in_(reviews))
        ).one()
        assert records, kind
        assert indexed == records, kind


def test_the_engines_full_text_index_agrees_with_the_documents(session: Session) -> None:
    _records(session, make_review(session))
    documents = session.exec(select(func.count()).select_from(SearchDocument)).one()
    if session.get_bind().dialect.name == "sqlite":
        # FTS5 raises if its index does not match the content table it indexes.
        session.execute(
            sa.text("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
        )
        indexed = session.execute(sa.text("SELECT count(*) FROM search_fts")).scalar_one()
    else:  # PostgreSQL: the generated tsvector holds every document's words
        indexed = session.execute(
            sa.text(
                "SELECT count(*) FROM search_document WHERE tsv = to_tsvector('english', body) "
                "AND tsv <> ''::tsvector"
            )
        ).scalar_one()
    assert documents
    assert indexed == documents


def test_the_findings_own_index_follows_their_writes_and_holds_no_other_record(
    session: Session,
) -> None:
    """Suggestions look words up among findings alone (on SQLite in an index of their own):
    a finding's new words are found there at once, other records' never, a deleted one no
    more."""
    review = make_review(session)
    records = _records(session, review)
    for kind, record_id in records.items():
        model, field = TEXTS[kind]
        table = sa.inspect(model).local_table
        session.execute(sa.update(table).where(table.c.id == record_id).values({field: "marram"}))
    everyone = sa.true()
    finding_id = records[SearchKind.finding]
    assert _by_words(session, everyone, ["marram"], finding_id=0) == [finding_id]
    # (the finding itself is never its own suggestion)
    assert _by_words(session, everyone, ["marram"], finding_id=finding_id) == []

    finding = sa.inspect(Finding).local_table
    session.execute(sa.update(finding).where(finding.c.id == finding_id).values(why_it_matters=""))
    assert _by_words(session, everyone, ["marram"], finding_id=0) == []
    session.execute(
        sa.update(finding).where(finding.c.id == finding_id).values(why_it_matters="marram")
    )
    questions = select(BoardQuestion.id).where(BoardQuestion.finding_id == finding_id)
    session.execute(sa.delete(BoardAction).where(col(BoardAction.question_id).in_(questions)))
    session.execute(sa.delete(BoardQuestion).where(col(BoardQuestion.finding_id) == finding_id))
    session.execute(sa.delete(finding).where(finding.c.id == finding_id))
    assert _by_words(session, everyone, ["marram"], finding_id=0) == []
    if session.get_bind().dialect.name == "sqlite":
        # FTS5 raises if the index holds what its content (the finding documents) does not.
        check = (
            "INSERT INTO search_fts_finding(search_fts_finding, rank) VALUES ('integrity-check', 1)"
        )
        session.execute(sa.text(check))


def test_a_review_imported_from_another_instance_is_indexed_by_its_findings_alone(
    session: Session,
) -> None:
    """Of a review imported from another instance only its findings are looked for (the
    suggestions of findings found before); its other records are left out of the index,
    however they are written, and a review of this instance's keeps every kind."""
    imported, own = make_review(session), make_review(session)
    session.add(
        ImportedReview(
            source_instance="instance-b",
            source_board="B1",
            reference=imported.reference,
            revision=1,
            line_sha256="0" * 64,
            review_id=id_of(imported),
        )
    )
    session.flush()
    records, own_records = _records(session, imported), _records(session, own)
    for kind, record_id in records.items():
        model, field = TEXTS[kind]
        table = sa.inspect(model).local_table
        session.execute(sa.update(table).where(table.c.id == record_id).values({field: "marram"}))
        body = _body(session, kind, record_id)
        if kind == SearchKind.finding:
            assert body is not None
            assert "marram" in body
        else:
            assert body is None, kind
        assert _body(session, kind, own_records[kind]) is not None, kind
    finding_id = records[SearchKind.finding]
    assert _by_words(session, sa.true(), ["marram"], finding_id=0) == [finding_id]
    if session.get_bind().dialect.name == "sqlite":
        session.execute(
            sa.text("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
        )
