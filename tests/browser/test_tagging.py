"""The typology browser, and tagging the demo review: the lead reviewer's agreed tags, a second
reviewer's blind coding, the agreement view and the lead's decision on a disagreement, and a
board member who only reads.

The demo's agreed tags are its lead's coding, so the lead no longer codes the demo review
blind. The blind-coding test closes the second coder's coding of the demo review (a submitted
coding cannot be reopened), so no other test of a run may code the demo review as the second
coder.
"""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import (
    BOARD_MEMBER,
    LEAD,
    SECOND_CODER,
    Api,
    open_demo_review,
    review_nav,
    serious_accessibility_violations,
    sign_in,
)

pytestmark = pytest.mark.browser


def _own_factor(api: Api, description: str) -> tuple[int, str, str]:
    """A new factor of the demo review, as another tool would add it, with a unique mark at the
    end of its description: the review's id, the factor's key (factor:7) and the mark."""
    review_id = api.demo_review()["id"]
    mark = uuid.uuid4().hex[:6]
    factor = api.post(
        f"/reviews/{review_id}/factors",
        {"description": f"{description} ({mark}).", "level": "working_conditions"},
    )
    return review_id, f"factor:{factor['id']}", mark


def _row(page: Page, text: str) -> Locator:
    """The row of the tagging screen's tables for the record whose name holds ``text``."""
    return (
        page.get_by_role("table")
        .get_by_role("row")
        .filter(has=page.get_by_role("rowheader", name=re.compile(re.escape(text))))
    )


def _tagging(page: Page) -> None:
    review_nav(page, "Tagging")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tagging")
    page.get_by_role("heading", name="Contributory factors").wait_for()


def _sign_out(page: Page) -> None:
    page.get_by_role("link", name="Sign out").click()
    page.get_by_label("E-mail address").wait_for()


def _add_tag(page: Page, row: Locator, search: str, code: str, rationale: str) -> None:
    row.get_by_role("button", name=re.compile(r"^Add a tag")).click()
    form = page.get_by_role("form", name=re.compile(r"^Tag "))
    form.get_by_role("searchbox", name="Find a code").fill(search)
    form.get_by_role("radio", name=code, exact=True).check()
    form.get_by_label("Rationale (optional)").fill(rationale)
    form.get_by_role("button", name="Add the tag").click()
    expect(form).to_have_count(0)


def test_the_typology_browser_searches_and_opens_a_code(page: Page, live_server: str) -> None:
    sign_in(page, live_server)
    page.get_by_role("link", name="Typology", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("National typology")
    version = page.get_by_label("Version")
    expect(version.locator("option").first).to_contain_text("(current)")
    assert serious_accessibility_violations(page) == []

    page.get_by_role("searchbox", name="Search the codes").fill("caseload")
    expect(page).to_have_url(re.compile(r"/typology\?q=caseload$"))
    expect(page.get_by_role("status").first).to_contain_text(
        re.compile(r"\d+ of \d+ codes match .caseload.")
    )
    # The match is shown under its category, which stays in view although it does not match.
    expect(
        page.get_by_role("link", name="Management systems: human-management system operation")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Performance indicators and targets")).to_have_count(0)

    name = "Caseload complexity against capacity"
    page.get_by_role("link", name=name, exact=True).click()
    detail = page.get_by_role("region", name=name)
    expect(detail.get_by_role("heading")).to_be_focused()
    expect(detail).to_contain_text("sp.management.caseload-complexity")
    expect(detail).to_contain_text("contributory factors")
    expect(detail).to_contain_text("weighting of cases not used")
    expect(page).to_have_url(re.compile(r"q=caseload&code=sp\.management\.caseload-complexity$"))
    assert serious_accessibility_violations(page) == []

    # The address is a bookmark: opened afresh, it shows the same search and code.
    page.goto(page.url)
    expect(page.get_by_role("searchbox", name="Search the codes")).to_have_value("caseload")
    expect(page.get_by_role("region", name=name)).to_be_visible()


def test_the_lead_reviewer_tags_a_factor_with_an_agreed_code_found_by_search(
    page: Page, live_server: str
) -> None:
    api = Api(page.request, live_server)
    review_id, target, mark = _own_factor(api, "Caseloads left no time for home visits")

    sign_in(page, live_server)
    open_demo_review(page)
    _tagging(page)
    assert serious_accessibility_violations(page) == []
    row = _row(page, mark)
    expect(row).to_contain_text("No tags you can see")

    row.get_by_role("button", name=re.compile(r"^Add a tag")).click()
    form = page.get_by_role("form", name=re.compile(r"^Tag "))
    form.get_by_role("searchbox", name="Find a code").fill("caseload")
    # Only codes that may tag a factor are offered: no case-context code of the review.
    expect(form.get_by_role("radio", name="Caseload volume against capacity")).to_be_visible()
    form.get_by_role("searchbox", name="Find a code").fill("domestic abuse")
    expect(form.get_by_role("status")).to_contain_text("No code that may tag a contributory factor")
    form.get_by_role("searchbox", name="Find a code").fill("caseload")
    form.get_by_role("radio", name="Caseload volume against capacity").check()
    # The demo's agreed tags are the lead's coding, so the lead no longer codes blind: the
    # form offers only an agreed tag.
    expect(form).to_contain_text("Added as an agreed tag of the review")
    expect(form.get_by_role("radio", name=re.compile(r"^My coding"))).to_have_count(0)
    form.get_by_label("Rationale (optional)").fill("Caseloads doubled over two years.")
    assert serious_accessibility_violations(page) == []
    form.get_by_role("button", name="Add the tag").click()

    expect(row.get_by_role("status")).to_have_text(
        re.compile(r"^Tagged with .Caseload volume against capacity. as an agreed tag\.$")
    )
    expect(row).to_contain_text("Agreed")
    expect(row).to_contain_text("sp.management.caseload-volume")
    expect(row.get_by_role("button", name=re.compile(r"^Add a tag"))).to_be_focused()
    tags = [
        t for t in api.get(f"/reviews/{review_id}/tags?limit=200")["items"] if t["target"] == target
    ]
    assert [(t["code"], t["agreed"], t["coder"], t["rationale"]) for t in tags] == [
        ("sp.management.caseload-volume", True, LEAD, "Caseloads doubled over two years.")
    ]


def test_a_second_coder_codes_blind_and_the_lead_adjudicates_the_disagreement(
    page: Page, live_server: str
) -> None:
    lead = Api(page.request, live_server)
    review_id, target, mark = _own_factor(lead, "Escalation routes were unknown to staff")
    # The lead codes the factor with an agreed tag, as another tool would do it: with the
    # demo's agreed tags it is the lead's coding, so the lead need not code it a second time.
    lead.post(
        f"/reviews/{review_id}/tags",
        {"target": target, "code": "pt.information-sharing", "agreed": True},
    )

    # The second coder codes blind: the lead's tags, agreed ones too, stay hidden until they
    # submit.
    sign_in(page, live_server, SECOND_CODER)
    open_demo_review(page)
    _tagging(page)
    expect(page.get_by_text("You are coding blind")).to_be_visible()
    row = _row(page, mark)
    expect(row).to_contain_text("No tags you can see")
    _add_tag(page, row, "escalat", "Escalation between agencies", "Nobody knew the route.")
    expect(row).to_contain_text("Your coding")
    expect(row).not_to_contain_text("Information sharing")
    page.get_by_role("link", name="Agreement", exact=True).click()
    expect(
        page.get_by_text("it opens for you once you have submitted your own coding")
    ).to_be_visible()
    page.get_by_role("link", name="Records and their tags").click()

    page.get_by_role("button", name="Submit my coding").click()
    expect(page.get_by_text(re.compile(r"Submit your coding \(\d+ tags?\)\?"))).to_be_visible()
    page.get_by_role("button", name="Yes, submit my coding").click()
    expect(page.get_by_role("alert")).to_contain_text("was submitted")
    row = _row(page, mark)
    expect(row).to_contain_text("Information sharing")
    expect(row).to_contain_text(f"By {LEAD}")
    expect(row.get_by_role("button")).to_have_count(0)
    expect(page.get_by_role("button", name="Submit my coding")).to_have_count(0)
    _sign_out(page)

    # The lead sees the disagreement, decides it, and the open count falls by one.
    sign_in(page, live_server)
    open_demo_review(page)
    _tagging(page)
    page.get_by_role("link", name="Agreement", exact=True).click()
    # The lead's agreed tags are their coding: the agreement opens without coding again.
    table = page.get_by_role("table", name="Disagreements, the open ones first")
    disagreement = (
        table.get_by_role("row")
        .filter(has_text=mark)
        .filter(has_text="Escalation between agencies")
    )
    expect(disagreement).to_contain_text(SECOND_CODER)
    expect(disagreement).to_contain_text("Open")
    expect(page.get_by_role("button", name="Open the agreement without coding")).to_have_count(0)
    counts = page.locator("#open-disagreements")
    before, total = (int(n) for n in re.findall(r"\d+", counts.inner_text()))
    assert serious_accessibility_violations(page) == []

    disagreement.get_by_role("button", name=re.compile(r"^Decide ")).click()
    expect(page.get_by_role("heading", name=re.compile(r"^Decide: Escalation"))).to_be_focused()
    page.get_by_role("radio", name=re.compile(r"^Agree:")).check()
    page.get_by_label("Reason", exact=True).fill(f"The factor is about escalation ({mark}).")
    page.get_by_role("button", name="Record the decision").click()

    remain = "disagreement remains" if before - 1 == 1 else "disagreements remain"
    expect(page.get_by_role("alert")).to_contain_text(f"{before - 1} {remain} open.")
    expect(counts).to_have_text(f"{before - 1} of {total}")
    expect(disagreement).to_contain_text("Agreed")
    expect(disagreement).to_contain_text(f"The factor is about escalation ({mark}).")
    decided = [
        d
        for d in lead.get(f"/reviews/{review_id}/agreement")["disagreements"]
        if d["target"] == target
    ]
    assert sorted((d["code"], d["tagged_by"], d["adjudication"]) for d in decided) == [
        ("pt.escalation", [SECOND_CODER], "agreed"),
        ("pt.information-sharing", [LEAD], "agreed"),
    ]

    page.get_by_role("link", name="Records and their tags").click()
    row = _row(page, mark)
    expect(
        row.locator("li").filter(has_text="Escalation between agencies").filter(has_text="Agreed")
    ).to_have_count(1)


def test_a_board_member_reads_the_tags_without_tagging_controls(
    page: Page, live_server: str
) -> None:
    lead = Api(page.request, live_server)
    review_id, target, mark = _own_factor(lead, "Supervision was spent on allocation")
    lead.post(
        f"/reviews/{review_id}/tags",
        {"target": target, "code": "pt.supervision", "agreed": True},
    )

    sign_in(page, live_server, BOARD_MEMBER)
    open_demo_review(page)
    _tagging(page)
    row = _row(page, mark)
    expect(row).to_contain_text("Supervision, reflection and oversight")
    expect(row).to_contain_text("Agreed")
    main = page.locator("main")
    # No control that changes anything (the buttons explaining the method's words aside).
    actions = main.locator("button:not(.scr-term__button)")
    expect(actions).to_have_count(0)
    expect(main.get_by_role("searchbox")).to_have_count(0)
    expect(page.get_by_text("only the review's reviewers tag it")).to_be_visible()
    assert serious_accessibility_violations(page) == []

    page.get_by_role("link", name="Agreement", exact=True).click()
    expect(page.get_by_role("heading", name="Agreement", exact=True)).to_be_visible()
    expect(actions).to_have_count(0)
