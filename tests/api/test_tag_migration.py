"""Moving a review's tags from typology 1.0 to a 1.1 that splits, merges and renames codes: a
test version first, then the shipped 1.1 and the demo review."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session

from scr.board.models import Board
from scr.demo.loader import load_demo
from scr.demo.tags import CASE_CONTEXT, FACTORS, FINDINGS, tag_demo
from tests.factories import make_factor, make_review
from tests.responses import ok


def test_tags_move_forward_and_a_split_waits_for_a_person(
    client: TestClient, session: Session, second_version: Path
) -> None:
    review = make_review(session)
    f1, f2 = make_factor(session, review), make_factor(session, review)
    base = f"/api/v1/reviews/{review.id}/tags"
    made = {}
    for target, code in [
        (f1, "sp.management.caseload"),
        (f1, "sp.reasoning.fixed-view"),
        (f1, "sp.reasoning.incident-focus"),
        (f2, "sp.family.men-invisible"),
    ]:
        answer = client.post(
            base,
            json={
                "target": f"factor:{target.id}",
                "code": code,
                "typology_version": "1.0",
            },
        )
        assert answer.status_code == 201, answer.text
        made[code] = answer.json()["id"]

    preview = ok(client.get(f"{base}/migration", params={"to_version": "1.1"}))
    assert preview["needs_choice"] == 1
    split = next(m for m in preview["moves"] if m["needs_choice"])
    assert split["from_code"] == "sp.management.caseload"
    assert split["to_codes"] == [
        "sp.management.caseload-volume",
        "sp.management.caseload-complexity",
    ]

    refused = client.post(f"{base}/migration", json={"to_version": "1.1"})
    assert refused.status_code == 422
    assert refused.json()["tags"] == [made["sp.management.caseload"]]
    assert (
        "Tag on Factor 1 (sp.management.caseload: sp.management.caseload-volume or "
        in (refused.json()["detail"])
    )
    still = ok(client.get(base))["items"]
    assert {t["typology_version"] for t in still} == {"1.0"}

    wrong = client.post(
        f"{base}/migration",
        json={"to_version": "1.1", "choices": [{"tag_id": split["tag_id"], "code": "fl.family"}]},
    )
    assert wrong.status_code == 422
    assert wrong.json()["detail"].startswith("Tag on Factor 1 (sp.management.caseload) can become")

    choice = {"tag_id": split["tag_id"], "code": "sp.management.caseload-complexity"}
    applied = client.post(f"{base}/migration", json={"to_version": "1.1", "choices": [choice]})
    assert applied.status_code == 200, applied.text
    after = ok(client.get(base))["items"]
    assert {(t["target"], t["code"], t["typology_version"]) for t in after} == {
        (f"factor:{f1.id}", "sp.management.caseload-complexity", "1.1"),
        (f"factor:{f1.id}", "sp.reasoning.narrow-view", "1.1"),
        (f"factor:{f2.id}", "sp.family.fathers-and-partners", "1.1"),
    }
    again = ok(client.get(f"{base}/migration", params={"to_version": "1.1"}))
    assert again["moves"] == []


def test_tags_move_to_the_shipped_1_1_and_a_retired_code_is_dropped_with_a_note(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    f1, f2 = make_factor(session, review), make_factor(session, review)
    base = f"/api/v1/reviews/{review.id}/tags"
    made = {}
    for target, code in [
        (f"factor:{f1.id}", "fl.family"),  # retired
        (f"factor:{f1.id}", "sp.reasoning.over-optimism"),  # merged into pt.over-optimism ...
        (f"factor:{f1.id}", "pt.over-optimism"),  # ... so these two become one
        (f"factor:{f2.id}", "sp.crisis.out-of-hours"),  # deprecated: old tags keep it
        (f"factor:{f2.id}", "sp.management.caseload"),  # split
        (f"review:{review.id}", "cc.child.criminal-exploitation"),  # moved
    ]:
        answer = client.post(base, json={"target": target, "code": code, "typology_version": "1.0"})
        assert answer.status_code == 201, answer.text
        made[code] = answer.json()["id"]

    preview = ok(client.get(f"{base}/migration", params={"to_version": "1.1"}))
    assert (preview["needs_choice"], preview["dropped"]) == (1, 1)
    moves = {m["from_code"]: m for m in preview["moves"]}
    retired = moves["fl.family"]
    assert (retired["to_codes"], retired["needs_choice"], retired["dropped"]) == ([], False, True)
    assert retired["note"] == (
        "1.0 -> 1.1: fl.family (retire) -> no successor. "
        "The code has no successor in 1.1, so the tag is dropped."
    )
    assert moves["sp.reasoning.over-optimism"]["to_codes"] == ["pt.over-optimism"]
    assert moves["pt.over-optimism"]["note"].startswith("1.0 -> 1.1: pt.over-optimism (redefine)")
    assert moves["sp.crisis.out-of-hours"]["to_codes"] == ["sp.crisis.out-of-hours"]
    assert moves["sp.management.caseload"]["needs_choice"] is True

    split = made["sp.management.caseload"]
    refused = client.post(
        f"{base}/migration",
        json={
            "to_version": "1.1",
            "choices": [
                {"tag_id": split, "code": "sp.management.caseload-volume"},
                {"tag_id": made["fl.family"], "code": "sp.family.hostility"},
            ],
        },
    )
    assert refused.status_code == 422
    assert "Tag on Factor 1 (fl.family) has no successor in 1.1" in refused.json()["detail"]
    assert {t["typology_version"] for t in ok(client.get(base))["items"]} == {"1.0"}

    choice = {"tag_id": split, "code": "sp.management.caseload-volume"}
    applied = client.post(f"{base}/migration", json={"to_version": "1.1", "choices": [choice]})
    assert applied.status_code == 200, applied.text
    after = ok(client.get(base))["items"]
    assert sorted((t["target"], t["code"], t["typology_version"]) for t in after) == sorted(
        [
            (f"factor:{f1.id}", "pt.over-optimism", "1.1"),
            (f"factor:{f2.id}", "sp.crisis.out-of-hours", "1.1"),
            (f"factor:{f2.id}", "sp.management.caseload-volume", "1.1"),
            (f"review:{review.id}", "cc.extra-familial.criminal-exploitation", "1.1"),
        ]
    )


def _figures(client: TestClient, board: str, version: str) -> dict[str, int]:
    answer = client.get(
        "/api/v1/patterns/frequencies", params={"board": board, "version": version, "limit": 200}
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["suppressed"] is False  # an administrator's view of one board
    return {item["code"]: item["count"]["reviews"] for item in answer.json()["items"]}


def test_the_demo_review_moves_to_1_1_and_its_board_counts_what_the_move_decided(
    client: TestClient, session: Session
) -> None:
    review, _ = load_demo(session=session)
    tag_demo(session=session, review=review)
    session.commit()
    board = session.get(Board, review.board_id)
    assert board is not None
    base = f"/api/v1/reviews/{review.id}/tags"
    assert {t["typology_version"] for t in ok(client.get(base))["items"]} == {"1.0"}
    under_old = _figures(client, board.code, "1.0")
    before = _figures(client, board.code, "1.1")
    # Counted in 1.1 through the mapping before any tag moves: the merged codes under the
    # practice themes, the split one only under the parent its successors share, the retired
    # factor-level code nowhere.
    assert under_old["sp.reasoning.over-optimism"] == under_old["fl.wider-context"] == 1
    assert before["pt.over-optimism"] == before["pt.supervision"] == before["sp.management"] == 1
    assert "sp.reasoning.over-optimism" not in before
    assert "sp.management.caseload-volume" not in before
    assert not any(code.startswith("fl.") for code in before)

    preview = ok(client.get(f"{base}/migration", params={"to_version": "1.1"}))
    assert (len(preview["moves"]), preview["needs_choice"], preview["dropped"]) == (
        len(CASE_CONTEXT) + len(FACTORS) + len(FINDINGS) + 1,
        1,
        1,
    )
    [split] = [m for m in preview["moves"] if m["needs_choice"]]
    assert split["from_code"] == "sp.management.caseload"
    choice = {"tag_id": split["tag_id"], "code": "sp.management.caseload-volume"}
    applied = client.post(f"{base}/migration", json={"to_version": "1.1", "choices": [choice]})
    assert applied.status_code == 200, applied.text

    tags = ok(client.get(base))["items"]
    assert {t["typology_version"] for t in tags} == {"1.1"}
    assert len(tags) == len(preview["moves"]) - 1  # the factor-level tag dropped
    after = _figures(client, board.code, "1.1")
    # The same figures, and the choice made for the split now counted as well.
    assert after == before | {"sp.management.caseload-volume": 1}
    # Moved tags no longer count under 1.0, which does not carry codes backwards.
    assert _figures(client, board.code, "1.0") == {}
