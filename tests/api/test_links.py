from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.factories import make_episode, make_factor, make_finding, make_link, make_review
from tests.responses import ok


def test_each_allowed_kind_of_link_is_accepted(client: TestClient, session: Session) -> None:
    review = make_review(session)
    e1, e2 = make_episode(session, review), make_episode(session, review)
    f1, f2 = make_factor(session, review), make_factor(session, review)
    g = make_finding(session, review)
    base = f"/api/v1/reviews/{review.id}/links"
    for kind, source, target in [
        ("contributed_to", f"factor:{f1.id}", f"episode:{e1.id}"),
        ("influenced", f"factor:{f1.id}", f"factor:{f2.id}"),
        ("influenced", f"factor:{f2.id}", f"factor:{f1.id}"),  # a feedback loop is allowed
        ("led_to", f"episode:{e1.id}", f"episode:{e2.id}"),
        ("evidenced_by", f"finding:{g.id}", f"episode:{e1.id}"),
        ("evidenced_by", f"finding:{g.id}", f"factor:{f2.id}"),
    ]:
        answer = client.post(base, json={"kind": kind, "source": source, "target": target})
        assert answer.status_code == 201, answer.text
        assert (answer.json()["source"], answer.json()["target"]) == (source, target)
    assert ok(client.get(base))["total"] == 6
    touching = ok(client.get(base, params={"node": f"factor:{f2.id}"}))
    assert touching["total"] == 3


def test_a_wrong_kind_of_link_names_the_kinds_allowed(client: TestClient, session: Session) -> None:
    review = make_review(session)
    e, f = make_episode(session, review), make_factor(session, review)
    answer = client.post(
        f"/api/v1/reviews/{review.id}/links",
        json={"kind": "contributed_to", "source": f"episode:{e.id}", "target": f"factor:{f.id}"},
    )
    assert answer.status_code == 422
    detail = answer.json()["detail"]
    assert "contributed_to: factor -> episode" in detail
    assert "evidenced_by: finding -> episode or factor" in detail


def test_an_unknown_kind_is_refused(client: TestClient, session: Session) -> None:
    review = make_review(session)
    answer = client.post(
        f"/api/v1/reviews/{review.id}/links",
        json={"kind": "caused", "source": "factor:1", "target": "episode:1"},
    )
    assert answer.status_code == 422
    assert "contributed_to" in answer.json()["detail"]


def test_links_stay_inside_one_review(client: TestClient, session: Session) -> None:
    review, other = make_review(session), make_review(session)
    f = make_factor(session, review)
    foreign = make_episode(session, other)
    answer = client.post(
        f"/api/v1/reviews/{review.id}/links",
        json={
            "kind": "contributed_to",
            "source": f"factor:{f.id}",
            "target": f"episode:{foreign.id}",
        },
    )
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["field"] == "target"
    assert "same review" in answer.json()["detail"]


def test_led_to_may_not_close_a_cycle(client: TestClient, session: Session) -> None:
    review = make_review(session)
    e1, e2, e3 = (make_episode(session, review) for _ in range(3))
    make_link(session, review, "led_to", f"episode:{e1.id}", f"episode:{e2.id}")
    make_link(session, review, "led_to", f"episode:{e2.id}", f"episode:{e3.id}")
    answer = client.post(
        f"/api/v1/reviews/{review.id}/links",
        json={"kind": "led_to", "source": f"episode:{e3.id}", "target": f"episode:{e1.id}"},
    )
    assert answer.status_code == 422
    cycle = [f"episode:{e3.id}", f"episode:{e1.id}", f"episode:{e2.id}", f"episode:{e3.id}"]
    assert answer.json()["cycle"] == cycle
    said = " → ".join(f"KPE {e.ordinal}" for e in (e3, e1, e2, e3))
    assert f"would close the cycle {said}." in answer.json()["detail"]


def test_a_link_changed_into_a_cycle_is_refused(client: TestClient, session: Session) -> None:
    review = make_review(session)
    e1, e2, e3 = (make_episode(session, review) for _ in range(3))
    make_link(session, review, "led_to", f"episode:{e1.id}", f"episode:{e2.id}")
    second = make_link(session, review, "led_to", f"episode:{e2.id}", f"episode:{e3.id}")
    answer = client.patch(
        f"/api/v1/reviews/{review.id}/links/{second.id}",
        json={"version": 1, "target": f"episode:{e1.id}"},
    )
    assert answer.status_code == 422
    kept = ok(client.get(f"/api/v1/reviews/{review.id}/links/{second.id}"))
    assert (kept["target"], kept["version"]) == (f"episode:{e3.id}", 1)


def test_duplicate_and_self_links_are_refused(client: TestClient, session: Session) -> None:
    review = make_review(session)
    f1, f2 = make_factor(session, review), make_factor(session, review)
    base = f"/api/v1/reviews/{review.id}/links"
    body = {"kind": "influenced", "source": f"factor:{f1.id}", "target": f"factor:{f2.id}"}
    assert client.post(base, json=body).status_code == 201
    again = client.post(base, json=body)
    assert again.status_code == 409
    assert again.json()["detail"] == "Factor 1 is already linked to Factor 2 (influenced)."
    itself = client.post(base, json=body | {"target": f"factor:{f1.id}"})
    assert itself.status_code == 422


def test_a_linked_record_is_deleted_only_with_cascade(client: TestClient, session: Session) -> None:
    make_factor(session, make_review(session))  # (so that the factor's id is not its number)
    review = make_review(session)
    e = make_episode(session, review)
    f = make_factor(session, review, description="Supervision was cancelled.")
    link = make_link(session, review, "contributed_to", f"factor:{f.id}", f"episode:{e.id}")
    url = f"/api/v1/reviews/{review.id}/factors/{f.id}"
    refused = client.delete(url)
    assert refused.status_code == 409
    assert [x["id"] for x in refused.json()["links"]] == [link.id]
    assert refused.json()["detail"].startswith(
        "Factor 1 'Supervision was cancelled.' is linked to other records "
        "(1 link(s): Factor 1 contributed to KPE 1)."
    )
    assert client.get(f"/api/v1/reviews/{review.id}/links/{link.id}").status_code == 200

    assert client.delete(url, params={"cascade": True}).status_code == 204
    assert client.get(f"/api/v1/reviews/{review.id}/links/{link.id}").status_code == 404
    assert client.get(f"/api/v1/reviews/{review.id}/episodes/{e.id}").status_code == 200
