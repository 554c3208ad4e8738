"""Findings that come back: suggestions, their ranking and who sees them, links and refusals."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event, text
from sqlmodel import Session

from scr.account.models import User
from scr.board.models import Board
from scr.finding.models import Finding
from scr.review.models import Review
from scr.search import common as search_common
from scr.tag.models import Tag
from scr.vocabulary import ReviewStatus, Role, TagTarget
from tests.factories import make_board, make_finding, make_review, make_user
from tests.responses import ok

CODE = "sp.crisis.referral-feedback"
OTHER_CODE = "sp.longer-term.whole-case"
SECRET = "marshwort"  # only in the statement of another partnership's unpublished review
NEW = "Referrals from schools are not acknowledged, so teachers stop referring."


def _agreed(session: Session, finding: Finding, *codes: str) -> None:
    for code in codes:
        session.add(
            Tag(
                review_id=finding.review_id,
                target_kind=TagTarget.finding,
                target_id=finding.id,
                typology_version="1.1",
                code=code,
                coder="lead@example.org",
                agreed=True,
            )
        )
    session.commit()


def _publish(session: Session, review: Review) -> None:
    """Published, and cleared by the identifier scan at the revision it stands at."""
    review.status = ReviewStatus.published
    session.flush()
    review.cleared_revision = review.revision
    session.commit()


def _url(finding: Finding, tail: str = "suggestions") -> str:
    return f"/api/v1/reviews/{finding.review_id}/findings/{finding.id}/{tail}"


def _suggested(client: TestClient, finding: Finding) -> list[dict[str, Any]]:
    answer = client.get(_url(finding))
    assert answer.status_code == 200, answer.text
    items: list[dict[str, Any]] = answer.json()["items"]
    assert answer.json()["total"] == len(items)
    return items


class World:
    def __init__(self, session: Session) -> None:
        self.a, self.b = make_board(session), make_board(session)
        self.review = make_review(session, self.a)
        self.new = make_finding(session, self.review, title="Referrals unanswered", statement=NEW)
        _agreed(session, self.new, CODE)
        earlier = make_review(session, self.a)
        self.coded = make_finding(
            session, earlier, title="Feedback to referrers", statement="Nobody tells the GP."
        )
        _agreed(session, self.coded, CODE, OTHER_CODE)
        self.worded = make_finding(
            session,
            earlier,
            title="Schools",
            statement="Schools' referrals are not acknowledged by the front door.",
        )
        self.unrelated = make_finding(session, earlier, statement="Supervision was infrequent.")
        national = make_review(session, self.b)
        self.published = make_finding(
            session, national, statement="Referrals from schools were never acknowledged."
        )
        _agreed(session, self.published, CODE)
        _publish(session, national)
        hidden = make_review(session, self.b, reference="HIDDEN-B-1")
        self.hidden = make_finding(
            session,
            hidden,
            title="Referrals from schools",
            statement=f"Referrals from schools are not acknowledged ({SECRET}).",
        )
        _agreed(session, self.hidden, CODE)


def test_the_partnership_comes_first_then_shared_codes_then_like_words(
    session: Session, client: TestClient
) -> None:
    w = World(session)
    items = _suggested(client, w.new)
    assert [i["earlier"]["finding_id"] for i in items] == [w.coded.id, w.worded.id, w.published.id]
    coded, worded, published = items
    assert coded["scope"] == worded["scope"] == "partnership"
    assert published["scope"] == "national"
    assert coded["shared_codes"] == [
        {"code": CODE, "label": "Referral and feedback between agencies"}
    ]
    assert worded["shared_codes"] == []
    assert {"referrals", "schools", "acknowledged"} <= set(worded["shared_words"])
    assert worded["text_score"] > 0
    assert coded["earlier"]["name"] == "Finding 1"
    assert published["earlier"]["board_name"] == w.b.name
    assert published["statement"] == "Referrals from schools were never acknowledged."


@pytest.fixture
def statements(engine: Engine) -> Iterator[list[str]]:
    """The SQL statements sent while the test runs (savepoints aside)."""
    sent: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK")):
            sent.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    yield sent
    event.remove(engine, "before_cursor_execute", count)


def test_suggestions_take_as_many_queries_however_many_findings_are_weighed(
    session: Session, client: TestClient, statements: list[str]
) -> None:
    w = World(session)

    def asked() -> tuple[int, int]:
        statements.clear()
        items = _suggested(client, w.new)
        return len(items), len(statements)

    few, queries = asked()
    for n in range(12):
        earlier = make_review(session, w.a)
        again = make_finding(session, earlier, statement=f"Schools' referrals, {n}.")
        _agreed(session, again, CODE)

    assert asked() == (few + 12, queries)
    tag_reads = [s for s in statements if "FROM tag" in s]
    assert len(tag_reads) == 3  # its own codes, the findings sharing them, theirs: once each


def test_a_word_most_records_hold_does_not_bring_findings_of_its_own(
    session: Session, client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = World(session)
    earlier = make_review(session, w.a)
    alike = [make_finding(session, earlier, statement=f"Teachers stop {n}.") for n in range(40)]
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("ANALYZE search_document"))
    before = {i["earlier"]["finding_id"] for i in _suggested(client, w.new)}
    assert {f.id for f in alike} <= before  # "teachers" is rare enough to weigh in a small index

    monkeypatch.setattr(search_common, "FEWEST", 1)  # (a real index holds thousands)
    after = [i["earlier"]["finding_id"] for i in _suggested(client, w.new)]
    # "teachers" and "stop" are now held by most records: the findings sharing only them are
    # no longer weighed; those sharing rarer words or codes still are, in the same order.
    assert after == [w.coded.id, w.worded.id, w.published.id]


def test_a_reviewer_gets_nothing_of_another_partnerships_unpublished_review(
    session: Session, client_as: Callable[[User], TestClient]
) -> None:
    w = World(session)
    attacker = client_as(make_user(session, Role.reviewer, reviews=(w.review,)))
    answer = attacker.get(_url(w.new))
    assert answer.status_code == 200
    found = {i["earlier"]["finding_id"] for i in answer.json()["items"]}
    # Their own partnership's other review is not theirs to see, and the other partnership's
    # is unpublished: only the published finding is suggested.
    assert found == {w.published.id}
    assert SECRET not in answer.text
    assert "HIDDEN-B-1" not in answer.text
    # Nor can they link to it, or learn from the refusal what it says.
    refused = attacker.post(_url(w.new, "found-before"), json={"earlier_finding_id": w.hidden.id})
    assert refused.status_code == 404
    assert SECRET not in refused.text
    assert "HIDDEN-B-1" not in refused.text


def test_a_board_member_reads_suggestions_from_their_partnership(
    session: Session, client_as: Callable[[User], TestClient]
) -> None:
    w = World(session)
    member = client_as(make_user(session, Role.board, board=w.a))
    found = [i["earlier"]["finding_id"] for i in _suggested(member, w.new)]
    assert found == [w.coded.id, w.worded.id, w.published.id]
    other = client_as(make_user(session, Role.board, board=w.b))
    assert other.get(_url(w.new)).status_code == 404


def test_a_reviewer_links_a_finding_to_an_earlier_one_and_unlinks_it(
    session: Session, client_as: Callable[[User], TestClient]
) -> None:
    w = World(session)
    reviewer = client_as(make_user(session, Role.reviewer, reviews=(w.review,)))
    url = _url(w.new, "found-before")
    made = reviewer.post(url, json={"earlier_finding_id": w.published.id})
    assert made.status_code == 201, made.text
    body = made.json()
    national = session.get(Review, w.published.review_id)
    assert national is not None
    assert body["found_before"] == f"Found before in {w.b.name} {national.reference}, Finding 1"
    assert body["earlier"]["title"] == w.published.title
    assert [x["id"] for x in ok(reviewer.get(url))] == [body["id"]]
    # A linked finding is no longer suggested.
    assert w.published.id not in {i["earlier"]["finding_id"] for i in _suggested(reviewer, w.new)}

    again = reviewer.post(url, json={"earlier_finding_id": w.published.id})
    assert again.status_code == 409
    assert "already linked" in again.json()["detail"]

    gone = reviewer.delete(f"{url}/{body['id']}")
    assert gone.status_code == 204
    assert ok(reviewer.get(url)) == []
    stale = reviewer.delete(f"{url}/{body['id']}")
    assert stale.status_code == 404
    assert "removed already" in stale.json()["detail"]


def test_links_that_make_no_sense_are_refused_in_words(
    session: Session, client: TestClient
) -> None:
    w = World(session)
    own = make_finding(session, w.review)
    url = _url(w.new, "found-before")
    same = client.post(url, json={"earlier_finding_id": own.id})
    assert same.status_code == 422
    assert "another review" in same.json()["detail"]
    assert client.post(url, json={"earlier_finding_id": 2_000_000_000}).status_code == 404
    assert client.post(url, json={"earlier_finding_id": 0}).status_code == 422
    assert client.post(url, json={"earlier_finding_id": w.coded.id}).status_code == 201
    # The earlier one cannot in turn be found before in the later one.
    back = client.post(_url(w.coded, "found-before"), json={"earlier_finding_id": w.new.id})
    assert back.status_code == 409
    assert "already linked as found before in Finding 1" in back.json()["detail"]


def test_only_those_who_may_change_the_review_link(
    session: Session, client_as: Callable[[User], TestClient]
) -> None:
    w = World(session)
    url = _url(w.new, "found-before")
    body = {"earlier_finding_id": w.published.id}
    member = client_as(make_user(session, Role.board, board=w.a))
    assert member.post(url, json=body).status_code == 403
    stranger = client_as(make_user(session, Role.reviewer, reviews=(make_review(session, w.a),)))
    assert stranger.post(url, json=body).status_code == 404
    analyst = client_as(make_user(session, Role.national))
    assert analyst.get(_url(w.new)).status_code == 403


def test_a_published_review_keeps_its_links_as_they_are(
    session: Session, client: TestClient
) -> None:
    w = World(session)
    url = _url(w.new, "found-before")
    made = client.post(url, json={"earlier_finding_id": w.coded.id})
    assert made.status_code == 201
    _publish(session, w.review)
    refused = client.post(url, json={"earlier_finding_id": w.worded.id})
    assert refused.status_code == 409
    assert "is published" in refused.json()["detail"]
    assert client.delete(f"{url}/{made.json()['id']}").status_code == 409
    assert len(ok(client.get(url))) == 1


def test_deleting_the_earlier_finding_removes_the_link(
    session: Session, client: TestClient
) -> None:
    w = World(session)
    url = _url(w.new, "found-before")
    assert client.post(url, json={"earlier_finding_id": w.worded.id}).status_code == 201
    deleted = client.delete(f"/api/v1/reviews/{w.worded.review_id}/findings/{w.worded.id}")
    assert deleted.status_code == 204
    assert ok(client.get(url)) == []


def _recurring(client: TestClient, board: Board) -> Any:
    answer = client.get(f"/api/v1/boards/{board.id}/recurring-findings")
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_the_dashboard_counts_how_often_a_finding_came_back(
    session: Session, client: TestClient, client_as: Callable[[User], TestClient]
) -> None:
    w = World(session)
    third = make_finding(session, make_review(session, w.a), statement=NEW)
    for later, earlier in ((w.new, w.coded), (third, w.new), (w.new, w.published)):
        answer = client.post(_url(later, "found-before"), json={"earlier_finding_id": earlier.id})
        assert answer.status_code == 201, answer.text
    member = client_as(make_user(session, Role.board, board=w.a))
    body = _recurring(member, w.a)
    assert body["total"] == 1
    (chain,) = body["items"]
    # third came back from new, which came back from coded: one chain, first found in coded;
    # the link to the other partnership's finding is not counted here.
    assert chain["earlier"]["finding_id"] == w.coded.id
    assert (chain["came_back"], chain["reviews"]) == (2, 2)
    assert [x["finding_id"] for x in chain["later"]] == [w.new.id, third.id]
    assert _recurring(client_as(make_user(session, Role.board, board=w.b)), w.b)["total"] == 0
    other = client_as(make_user(session, Role.board, board=w.b))
    assert other.get(f"/api/v1/boards/{w.a.id}/recurring-findings").status_code == 404
    reviewer = client_as(make_user(session, Role.reviewer, reviews=(w.review,)))
    assert reviewer.get(f"/api/v1/boards/{w.a.id}/recurring-findings").status_code == 403
