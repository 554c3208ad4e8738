"""The issue's acceptance script: record a small review through the API, read it back,
export it, import the export, and get the same review."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.factories import agency_id
from tests.responses import ok


def _ok(answer: Any, status: int = 201) -> Any:
    assert answer.status_code == status, answer.text
    return answer.json()


def test_record_read_export_and_reimport_a_review(client: TestClient, session: Any) -> None:
    board = _ok(
        client.post(
            "/api/v1/boards",
            json={"name": "Harbourside Partnership", "code": "HARBOUR", "region": "south_east"},
        )
    )
    review = _ok(
        client.post(
            "/api/v1/reviews",
            json={
                "board_id": board["id"],
                "reference": "HBR-2025-02",
                "child_pseudonym": "Child H",
                "review_type": "local_child_safeguarding_practice_review",
                "learning_together_size": "mid_range",
                "incident_date": "2024-09-14",
            },
        )
    )
    base = f"/api/v1/reviews/{review['id']}"
    entry = _ok(
        client.post(
            f"{base}/chronology",
            json={
                "entry_date": "2024-06-02",
                "agency_id": agency_id(session, "police"),
                "summary": "Police attended a report of shouting at the flat.",
                "significant": True,
            },
        )
    )
    episodes = [
        _ok(
            client.post(
                f"{base}/episodes",
                json={
                    "title": title,
                    "period_start": day,
                    "appraisal": "Reasonable on what was known then.",
                    "appraisal_rating": "as_expected",
                    "chronology_entry_ids": [entry["id"]],
                },
            )
        )
        for title, day in [
            ("Police call-out", "2024-06-02"),
            ("Referral not sent", "2024-06-05"),
            ("Health visit", "2024-07-01"),
        ]
    ]
    factors = [
        _ok(client.post(f"{base}/factors", json={"description": text, "level": level}))
        for text, level in [
            ("No routine notification from police to health visiting", "inter_agency_team"),
            ("Referral form assumes the referrer knows the threshold", "organisational"),
            ("Health visitor caseload above the service limit", "working_conditions"),
            ("Mother presented as coping", "family"),
        ]
    ]
    findings = [
        _ok(
            client.post(
                f"{base}/findings",
                json={
                    "title": title,
                    "statement": f"{title}: a pattern beyond this case.",
                    "questions": [{"question": "How will the Board know this has changed?"}],
                },
            )
        )
        for title in ["Domestic abuse notifications stop at the front door", "Caseloads"]
    ]
    ep = [f"episode:{e['id']}" for e in episodes]
    fa = [f"factor:{f['id']}" for f in factors]
    fi = [f"finding:{f['id']}" for f in findings]
    for kind, source, target in [
        ("contributed_to", fa[0], ep[1]),
        ("influenced", fa[1], fa[0]),
        ("led_to", ep[0], ep[1]),
        ("evidenced_by", fi[0], ep[1]),
        ("evidenced_by", fi[1], fa[2]),
    ]:
        _ok(client.post(f"{base}/links", json={"kind": kind, "source": source, "target": target}))

    assert ok(client.get(f"{base}/episodes"))["total"] == 3
    assert ok(client.get(f"{base}/factors"))["total"] == 4
    assert ok(client.get(f"{base}/links"))["total"] == 5
    assert ok(client.get(f"{base}/findings"))["total"] == 2

    exported = _ok(client.get(f"{base}/export"), 200)
    assert exported["format"] == "scr-review/1"
    copy = exported | {"review": exported["review"] | {"reference": "HBR-2025-02-COPY"}}
    imported = _ok(client.post("/api/v1/reviews/import", json=copy))
    assert imported["id"] != review["id"]
    assert imported["board_id"] == board["id"]

    again = _ok(client.get(f"/api/v1/reviews/{imported['id']}/export"), 200)
    for document in (exported, again):
        document.pop("exported_at")
    again["review"]["reference"] = "HBR-2025-02"
    assert again == exported

    duplicate = client.post("/api/v1/reviews/import", json=copy)
    assert duplicate.status_code == 409
    assert "nothing was imported" in duplicate.json()["detail"]


def test_an_import_that_fails_half_way_leaves_nothing_behind(client: TestClient) -> None:
    file = {
        "format": "scr-review/1",
        "board": {"name": "Brand-new Partnership", "code": "BRANDNEW", "region": "london"},
        "review": {"reference": "BN-1", "child_pseudonym": "Child B", "review_type": "other"},
        "agencies": [{"id": 1, "code": "police", "name": "Police"}],
        "chronology": [
            {"id": 1, "entry_date": "2024-01-01", "agency_id": 1, "summary": "Call-out."}
        ],
        "episodes": [{"id": 1, "title": "One"}, {"id": 2, "title": "Two"}],
        "links": [
            {"kind": "led_to", "source": "episode:1", "target": "episode:2"},
            {"kind": "led_to", "source": "episode:2", "target": "episode:1"},
        ],
    }
    answer = client.post("/api/v1/reviews/import", json=file)
    assert answer.status_code == 422
    assert "cycle" in answer.json()["detail"]
    codes = {b["code"] for b in ok(client.get("/api/v1/boards", params={"limit": 200}))["items"]}
    assert "BRANDNEW" not in codes
