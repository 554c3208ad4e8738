"""Browsing the typology from the Tagging screen, with the keyboard: open a category, choose a
code of the tree and tag a record with it; and a word of the method explained on the pairs
table of the patterns screen.

The test tags a factor of its own, added to the demo review by the API, so it moves no figure
another browser test reads.
"""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    BOARD_MEMBER,
    LEAD,
    Api,
    open_demo_review,
    review_nav,
    serious_accessibility_violations,
    sign_in,
)

pytestmark = pytest.mark.browser

CATEGORY = "Management systems: human-management system operation"
CODE = "Caseload volume against capacity"


def test_the_lead_reviewer_browses_the_tree_with_the_keyboard_and_tags_a_factor(
    page: Page, live_server: str
) -> None:
    api = Api(page.request, live_server)
    review_id = api.demo_review()["id"]
    mark = uuid.uuid4().hex[:6]
    factor = api.post(
        f"/reviews/{review_id}/factors",
        {"description": f"Caseloads grew with no new posts ({mark}).", "level": "own_team"},
    )

    sign_in(page, live_server)
    open_demo_review(page)
    review_nav(page, "Tagging")
    page.get_by_role("heading", name="Contributory factors").wait_for()
    row = (
        page.get_by_role("table")
        .get_by_role("row")
        .filter(has=page.get_by_role("rowheader", name=re.compile(mark)))
    )
    row.get_by_role("button", name=re.compile(r"^Add a tag")).click()
    form = page.get_by_role("form", name=re.compile(r"^Tag "))

    browse = form.locator("summary", has_text="Or browse the codes")
    browse.focus()
    page.keyboard.press("Enter")
    tree = form.locator("details.scr-code-browser")
    # Only what may tag a factor: no case-context axis; each category folded at first.
    expect(tree.get_by_role("heading", name="Systemic patterns")).to_be_visible()
    expect(tree.get_by_role("heading", name="Case context")).to_have_count(0)
    pick = tree.get_by_role("button", name=CODE, exact=True)
    expect(pick).to_be_hidden()
    category = tree.locator("summary", has_text=CATEGORY)
    category.focus()
    page.keyboard.press("Enter")
    expect(pick).to_be_visible()
    page.keyboard.press("Enter")  # folds it again
    expect(pick).to_be_hidden()
    page.keyboard.press("Space")
    pick.focus()
    page.keyboard.press("Enter")
    expect(pick).to_have_attribute("aria-pressed", "true")
    expect(tree.get_by_role("status")).to_have_text(
        re.compile(rf"^Chosen: .{CODE}. \(sp\.management\.caseload-volume\)\. Add the tag below\.$")
    )
    expect(form.get_by_role("radio", name=CODE)).to_be_checked()
    assert serious_accessibility_violations(page) == []

    form.get_by_label("Rationale (optional)").fill("Posts stayed the same as referrals rose.")
    form.get_by_role("button", name="Add the tag").click()
    expect(row.get_by_role("status")).to_have_text(
        re.compile(rf"^Tagged with .{CODE}. as an agreed tag\.$")
    )
    tags = [
        (t["code"], t["coder"])
        for t in api.get(f"/reviews/{review_id}/tags?limit=200")["items"]
        if t["target"] == f"factor:{factor['id']}"
    ]
    assert tags == [("sp.management.caseload-volume", LEAD)]


def test_the_pairs_table_explains_significance_on_focus_and_says_what_it_corrects_for(
    page: Page, live_server: str
) -> None:
    sign_in(page, live_server, BOARD_MEMBER)
    page.get_by_role("link", name="Patterns", exact=True).click()
    table = page.get_by_role("table", name="Pairs of codes")
    table.wait_for()
    expect(page.locator("#cooccurrence-correction")).to_contain_text(
        re.compile(r"corrected for the [\d,]+ pairs? tested here \(the Benjamini.Hochberg method\)")
    )
    explain = table.get_by_role("button", name="What “Significant” means")
    tip = page.locator(f'[id="{explain.get_attribute("aria-describedby")}"]')
    expect(tip).to_be_hidden()
    explain.focus()
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("q-value is at most the false-discovery rate")
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    assert serious_accessibility_violations(page) == []
