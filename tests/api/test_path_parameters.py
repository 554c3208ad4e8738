"""A path parameter is checked before anything uses it: a 404 or 422, never a server error,
and a refused path leaves nothing behind (no audit entry of a request that never ran)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from scr.audit.models import AuditEntry
from tests.factories import make_review

BEYOND_POSTGRES = str(2**31)
BEYOND_SQLITE = str(2**63)
BAD_IDS = ["abc", "0", "-1", "1.5", BEYOND_POSTGRES, BEYOND_SQLITE, "9" * 40, "%00", "1e3"]


def _entries(session: Session) -> int:
    return session.exec(select(func.count()).select_from(AuditEntry)).one()


@pytest.mark.parametrize("bad", BAD_IDS)
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/reviews/{review}/episodes/{bad}"),
        ("PATCH", "/reviews/{review}/factors/{bad}"),
        ("DELETE", "/reviews/{review}/findings/{bad}"),
        ("DELETE", "/reviews/{review}/tags/{bad}"),
        ("GET", "/reviews/{bad}/chronology"),
        ("GET", "/reviews/{bad}"),
        ("DELETE", "/auth/tokens/{bad}"),
        ("PATCH", "/boards/{bad}"),
    ],
)
def test_an_id_that_is_not_one_is_422_and_records_nothing(
    client: TestClient, session: Session, method: str, path: str, bad: str
) -> None:
    review = make_review(session)
    before = _entries(session)
    answer = client.request(
        method, "/api/v1" + path.format(review=review.id, bad=bad), json={"version": 1}
    )
    assert answer.status_code == 422, answer.text
    assert answer.json()["errors"][0]["loc"][0] == "path"
    assert _entries(session) == before


def test_a_word_where_a_tag_id_goes_is_422(client: TestClient, session: Session) -> None:
    review = make_review(session)
    for method in ("DELETE", "GET", "PATCH"):
        answer = client.request(method, f"/api/v1/reviews/{review.id}/tags/submit")
        assert answer.status_code in (405, 422), (method, answer.text)
    assert client.delete(f"/api/v1/reviews/{review.id}/tags/submit").status_code == 422


def test_the_largest_id_is_a_plain_404(client: TestClient, session: Session) -> None:
    review = make_review(session)
    largest = str(2**31 - 1)
    assert client.get(f"/api/v1/reviews/{largest}").status_code == 404
    assert client.get(f"/api/v1/reviews/{review.id}/episodes/{largest}").status_code == 404


def test_a_bad_path_is_422_before_the_sign_in_is_even_read(anonymous: TestClient) -> None:
    # Nothing about the caller is looked up for a path that cannot name a record.
    assert anonymous.get("/api/v1/reviews/abc").status_code == 422
    assert anonymous.get("/api/v1/reviews/1").status_code == 401
