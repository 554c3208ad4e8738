"""A lead reviewer records systemic findings with their questions for the Board and the
episodes and factors they rest on; a board member reads them; a stale edit shows both versions."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import (
    BOARD_MEMBER,
    Api,
    open_demo_review,
    review_nav,
    serious_accessibility_violations,
    sign_in,
)

pytestmark = pytest.mark.browser


def _evidence_records(api: Api, review_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """An episode and a factor of the demo review."""
    episode = api.get(f"/reviews/{review_id}/episodes?limit=1")["items"][0]
    factor = api.get(f"/reviews/{review_id}/factors?limit=1")["items"][0]
    return episode, factor


def _finding_through_the_api(api: Api, review_id: int, title: str) -> dict[str, Any]:
    """A finding with one question and an episode as evidence, as another tool would add it."""
    episode, _ = _evidence_records(api, review_id)
    finding: dict[str, Any] = api.send(
        "POST",
        f"/reviews/{review_id}/findings",
        {
            "title": title,
            "statement": "Discharge summaries reach the GP but not the health visitor.",
            "questions": [{"question": "Who tells the health visitor about a discharge?"}],
        },
    )
    api.send(
        "POST",
        f"/reviews/{review_id}/links",
        {
            "kind": "evidenced_by",
            "source": f"finding:{finding['id']}",
            "target": f"episode:{episode['id']}",
        },
    )
    return finding


def _row(page: Page, title: str) -> Locator:
    table = page.get_by_role("table", name="Findings in the report's order")
    return table.get_by_role("row").filter(has_text=title)


def test_a_lead_reviewer_adds_a_finding_with_questions_and_evidence_then_edits_it(
    page: Page, live_server: str
) -> None:
    api = Api(page.request, live_server)
    review = api.demo_review()
    episode, factor = _evidence_records(api, review["id"])
    mark = uuid.uuid4().hex[:6]
    title = f"Supervision time goes on allocating cases ({mark})"

    sign_in(page, live_server)
    open_demo_review(page)
    review_nav(page, "Findings")
    expect(page.get_by_role("heading", level=1)).to_have_text("Findings")
    expect(page.get_by_role("table", name="Findings in the report's order")).to_be_visible()
    assert serious_accessibility_violations(page) == []

    page.get_by_role("link", name="Add a finding").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a finding")
    page.get_by_label("Title").fill(title)
    page.get_by_label("Statement of the finding").fill(
        "Supervision in health visiting is taken up by allocating cases; reassurance goes untested."
    )
    page.get_by_label("Systemic pattern (optional)").select_option(label="Competing priorities")
    page.get_by_label("What the case shows").fill(
        "Health visitor 2's supervision did not discuss Child M (KPE 3)."
    )
    page.get_by_role("button", name="Add a question for the Board").click()
    first = page.get_by_role("group", name="Question 1 for the Board")
    expect(first.get_by_label("The question")).to_be_focused()
    first.get_by_label("The question").fill(
        f"How does the Board know supervision is protected? ({mark})"
    )
    page.get_by_role("button", name="Add another question").click()
    page.get_by_role("group", name="Question 2 for the Board").get_by_label("The question").fill(
        "What caseload does the Board consider safe for a health visitor?"
    )

    evidence = page.get_by_label("Add an episode or factor as evidence")
    evidence.select_option(value=f"episode:{episode['id']}")
    page.get_by_label("How it shows the finding (optional)").fill(
        "Supervision notes list allocations only."
    )
    page.get_by_role("button", name="Add as evidence").click()
    evidence.select_option(value=f"factor:{factor['id']}")
    page.get_by_role("button", name="Add as evidence").click()
    expect(
        page.get_by_role("table", name="Evidence for this finding").get_by_role("row")
    ).to_have_count(3)
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Add the finding").click()

    expect(page.get_by_role("alert")).to_contain_text("was added.")
    row = _row(page, title)
    expect(row).to_contain_text("Unsafe")
    expect(row).to_contain_text("Competing priorities")
    expect(row.get_by_role("cell").nth(3)).to_have_text("2")
    expect(row).to_contain_text("1 episode, 1 factor")
    (saved,) = [
        f
        for f in api.get(f"/reviews/{review['id']}/findings?limit=200")["items"]
        if f["title"] == title
    ]
    assert [q["question"] for q in saved["questions"]] == [
        f"How does the Board know supervision is protected? ({mark})",
        "What caseload does the Board consider safe for a health visitor?",
    ]
    links = api.get(f"/reviews/{review['id']}/links?node=finding:{saved['id']}&limit=200")["items"]
    assert sorted((x["kind"], x["target"], x["evidence_note"]) for x in links) == sorted(
        [
            (
                "evidenced_by",
                f"episode:{episode['id']}",
                "Supervision notes list allocations only.",
            ),
            ("evidenced_by", f"factor:{factor['id']}", None),
        ]
    )

    # Edit: the Board's response and an action under the first question; the second goes.
    row.get_by_role("link", name=title).click()
    expect(page.get_by_label("Title")).to_have_value(title)
    question = page.get_by_role("group", name="Question 1 for the Board")
    question.get_by_text("The Board's response and actions").click()
    question.get_by_label("The Board's response (optional)").fill(
        "The Board will audit supervision records."
    )
    question.get_by_role("button", name="Add an action to question 1").click()
    question.get_by_label("What the Board will do").fill("Audit 20 supervision records.")
    question.get_by_label("Owner (optional)").fill("Head of health visiting")
    question.get_by_label("Status").select_option(label="In progress")
    page.get_by_role("button", name="Remove question 2").click()
    page.get_by_role("button", name="Save the changes").click()

    expect(page.get_by_role("alert")).to_contain_text(f"Finding {saved['ordinal']} was changed.")
    row = _row(page, title)
    expect(row.get_by_role("cell").nth(3)).to_contain_text("1 answered")
    changed = api.get(f"/reviews/{review['id']}/findings/{saved['id']}")
    assert changed["version"] == saved["version"] + 1
    (only,) = changed["questions"]
    assert only["board_response"] == "The Board will audit supervision records."
    assert [(a["description"], a["owner_role"], a["status"]) for a in only["actions"]] == [
        ("Audit 20 supervision records.", "Head of health visiting", "in_progress")
    ]


def test_evidence_is_removed_at_once_and_a_finding_is_deleted_only_after_the_question(
    page: Page, live_server: str
) -> None:
    api = Api(page.request, live_server)
    review = api.demo_review()
    title = f"Discharge summaries miss the health visitor ({uuid.uuid4().hex[:6]})"
    finding = _finding_through_the_api(api, review["id"], title)
    sign_in(page, live_server)
    page.goto(f"{live_server}/reviews/{review['id']}/findings/{finding['id']}")

    table = page.get_by_role("table", name="Evidence for this finding")
    table.get_by_role("button", name=re.compile(r"^Remove .* from the evidence$")).click()
    table.get_by_role("button", name=re.compile(r"^Yes, remove ")).click()
    expect(page.get_by_role("status")).to_contain_text("is no longer evidence for this finding.")
    assert api.get(f"/reviews/{review['id']}/links?node=finding:{finding['id']}")["items"] == []

    page.get_by_role("button", name="Delete this finding").click()
    expect(page.get_by_text(f"Delete finding {finding['ordinal']}?")).to_be_visible()
    page.get_by_role("button", name="Yes, delete the finding").click()
    expect(page.get_by_role("alert")).to_contain_text(f"Finding {finding['ordinal']} was deleted.")
    expect(page.get_by_role("link", name=title)).to_have_count(0)
    answer = page.request.get(
        f"{api.base}/reviews/{review['id']}/findings/{finding['id']}", headers=api.headers
    )
    assert answer.status == 404


def test_a_stale_edit_of_a_finding_shows_both_versions(page: Page, live_server: str) -> None:
    api = Api(page.request, live_server)
    review = api.demo_review()
    mark = uuid.uuid4().hex[:6]
    finding = _finding_through_the_api(api, review["id"], f"Discharge letters ({mark})")
    sign_in(page, live_server)
    page.goto(f"{live_server}/reviews/{review['id']}/findings/{finding['id']}")
    expect(page.get_by_label("Title")).to_have_value(f"Discharge letters ({mark})")

    # A colleague saves first, through the API, after the page has read version 1.
    api.send(
        "PATCH",
        f"/reviews/{review['id']}/findings/{finding['id']}",
        {
            "version": finding["version"],
            "title": f"Discharge letters go to the GP only ({mark})",
            "questions": [{"question": "Who tells the health visitor? (theirs)"}],
        },
    )
    page.get_by_label("Title").fill(f"Hospital discharges are not shared ({mark})")
    page.get_by_role("group", name="Question 1 for the Board").get_by_label("The question").fill(
        "Who tells the health visitor? (mine)"
    )
    page.get_by_role("button", name="Save the changes").click()

    notice = page.locator(".govuk-error-summary").filter(has_text="Someone else changed this")
    expect(notice).to_contain_text("you had version 1, it is now at version 2")
    versions = notice.get_by_role("table", name="Their version and yours")
    title_row = versions.get_by_role("row", name=re.compile("^Title"))
    expect(title_row).to_contain_text(f"Discharge letters go to the GP only ({mark})")
    expect(title_row).to_contain_text(f"Hospital discharges are not shared ({mark})")
    questions_row = versions.get_by_role("row", name=re.compile("^Questions for the Board"))
    expect(questions_row).to_contain_text("(theirs)")
    expect(questions_row).to_contain_text("(mine)")
    expect(page.get_by_label("Title")).to_have_value(f"Hospital discharges are not shared ({mark})")

    page.get_by_role("button", name="Keep my version over theirs").click()
    page.get_by_role("button", name="Save the changes").click()
    expect(page.get_by_role("alert")).to_contain_text("was changed.")
    saved = api.get(f"/reviews/{review['id']}/findings/{finding['id']}")
    assert (saved["version"], saved["title"]) == (3, f"Hospital discharges are not shared ({mark})")
    assert [q["question"] for q in saved["questions"]] == ["Who tells the health visitor? (mine)"]


def test_a_board_member_reads_the_findings_but_cannot_change_them(
    page: Page, live_server: str
) -> None:
    api = Api(page.request, live_server)
    review = api.demo_review()
    title = f"Discharge summaries reach only the GP ({uuid.uuid4().hex[:6]})"
    _finding_through_the_api(api, review["id"], title)
    sign_in(page, live_server, BOARD_MEMBER)
    open_demo_review(page)
    review_nav(page, "Findings")

    row = _row(page, title)
    expect(row).to_contain_text("1 episode")
    expect(page.get_by_role("link", name="Add a finding")).to_have_count(0)
    assert serious_accessibility_violations(page) == []

    row.get_by_role("link", name=title).click()
    expect(
        page.get_by_text("You can read this finding; only the review's reviewers change it.")
    ).to_be_visible()
    # A document, not greyed-out form fields.
    expect(page.locator("main").get_by_role("textbox")).to_have_count(0)
    expect(page.get_by_role("term").first).to_have_text("Statement of the finding")
    expect(page.locator("main")).to_contain_text("Who tells the health visitor about a discharge?")
    expect(
        page.get_by_role("table", name="Evidence for this finding").get_by_role("row")
    ).to_have_count(2)
    expect(page.get_by_role("button")).to_have_count(0)
    expect(page.get_by_label("Add an episode or factor as evidence")).to_have_count(0)
    assert serious_accessibility_violations(page) == []
