"""Two coders code a new review blind, through the record forms and the Tagging screen; its lead
decides where they disagree, and the board's dashboard counts the agreed codes (#24's done-when).

The codes on a record's form are the coder's own tags (scr/tag/form.py): the lead's are the
review's agreed ones, a second coder's stay blind until they submit.
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
    review_nav,
    serious_accessibility_violations,
    sign_in,
)

pytestmark = pytest.mark.browser

BOARD = "Eastmere Safeguarding Children Partnership"
# Codes no other browser test gives the demo partnership's reviews: the counts here are the
# dashboard's before this test, plus one.
CONTEXT = ("cc.cp-plan.emotional-only", "Emotional abuse only")
BOTH = ("sp.management.workforce", "Workforce churn and inexperience")
SECOND_ONLY = ("sp.management.targets", "Performance indicators and targets")
FACTOR = "Staff turnover left the team without anyone who knew the family"


def _counts(board: Api) -> dict[str, int]:
    """The board's own figures: how many of its reviews carry each code."""
    items = board.get("/patterns/frequencies?limit=200")["items"]
    return {item["code"]: item["count"]["reviews"] for item in items}


def _sign_out(page: Page) -> None:
    page.get_by_role("link", name="Sign out").click()
    page.get_by_label("E-mail address").wait_for()


def _open(page: Page, reference: str) -> None:
    page.get_by_role("link", name="Reviews", exact=True).click()
    page.get_by_role("table", name="Reviews").get_by_role("link", name=reference).click()
    page.get_by_role("heading", level=1, name="Overview").wait_for()


def _factor_form(page: Page) -> Locator:
    """The review's one factor, opened from its list, with its typology codes shown."""
    review_nav(page, "Contributory factors")
    page.get_by_role("link", name=re.compile(re.escape(FACTOR[:40]))).first.click()
    page.get_by_label("Description").wait_for()
    codes = page.locator("details", has_text="Typology codes")
    if codes.get_attribute("open") is None:
        codes.locator("summary").click()
    return codes


def _tagging_row(page: Page, text: str) -> Locator:
    review_nav(page, "Tagging")
    page.get_by_role("heading", name="Contributory factors").wait_for()
    return (
        page.get_by_role("table")
        .get_by_role("row")
        .filter(has=page.get_by_role("rowheader", name=re.compile(re.escape(text))))
    )


def test_two_coders_code_blind_on_the_forms_and_the_board_counts_what_the_lead_agreed(
    page: Page, live_server: str
) -> None:
    board = Api(page.request, live_server, BOARD_MEMBER)
    before = _counts(board)
    reference = f"CODE-{uuid.uuid4().hex[:6].upper()}"

    # The lead opens a review, its case context coded on the form, and adds a factor, coded
    # on its form too: these are the review's agreed codes.
    sign_in(page, live_server)
    page.get_by_role("link", name="Reviews", exact=True).click()
    page.get_by_role("button", name="Open a review").click()
    page.get_by_label("Safeguarding partnership").select_option(label=BOARD)
    page.get_by_label("Reference").fill(reference)
    page.get_by_label("Child", exact=True).fill("Child V")
    page.get_by_role("radio", name="Local child safeguarding practice review").check()
    expect(page.get_by_text("you record its agreed codes here")).to_be_visible()
    page.get_by_role("checkbox", name=CONTEXT[1]).check()
    page.get_by_role("button", name="Open the review").click()
    page.get_by_role("button", name=f"Yes, open it for {BOARD}").click()
    expect(page.get_by_role("alert")).to_contain_text(f"Review {reference} was opened.")
    found = re.search(r"/reviews/(\d+)", page.url)
    assert found is not None
    review_id = int(found.group(1))

    review_nav(page, "Contributory factors")
    page.get_by_role("link", name="Add a factor").click()
    page.get_by_label("Description").fill(f"{FACTOR}.")
    page.get_by_role("radio", name="Working conditions").check()
    codes = page.locator("details", has_text="Typology codes")
    codes.locator("summary").click()
    expect(codes).to_contain_text("you record its agreed codes here")
    codes.get_by_role("checkbox", name=BOTH[1]).check()
    page.get_by_role("button", name="Add the factor").click()
    expect(page.get_by_role("alert")).to_contain_text("The factor was added.")

    # The Tagging screen shows the form's codes as the lead's agreed tags.
    row = _tagging_row(page, FACTOR[:40])
    expect(row).to_contain_text(BOTH[1])
    expect(row).to_contain_text("Agreed")

    review_nav(page, "Team")
    coder = page.get_by_role("form", name="Add a second coder")
    coder.get_by_label("Reviewer").select_option(label=SECOND_CODER)
    coder.get_by_role("button", name="Add as a coder").click()
    expect(page.get_by_role("alert")).to_contain_text(f"{SECOND_CODER} was added as a coder")
    _sign_out(page)

    # The second coder codes blind: the factor's form shows none of the lead's codes.
    sign_in(page, live_server, SECOND_CODER)
    _open(page, reference)
    codes = _factor_form(page)
    expect(codes).to_contain_text("no one else sees them until you submit")
    expect(codes.get_by_role("checkbox", name=BOTH[1])).not_to_be_checked()
    codes.get_by_role("checkbox", name=BOTH[1]).check()
    codes.get_by_role("checkbox", name=SECOND_ONLY[1]).check()
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Save the changes").click()
    expect(page.get_by_role("alert")).to_contain_text("The factor was changed.")

    # ...and codes the review's case context on the Tagging screen.
    row = _tagging_row(page, f"Review {reference}")
    expect(page.get_by_text("You are coding blind")).to_be_visible()
    expect(row).to_contain_text("No tags you can see")
    row.get_by_role("button", name=re.compile(r"^Add a tag")).click()
    form = page.get_by_role("form", name=re.compile(r"^Tag "))
    form.get_by_role("searchbox", name="Find a code").fill("emotional abuse only")
    form.get_by_role("radio", name=CONTEXT[1], exact=True).check()
    form.get_by_role("button", name="Add the tag").click()
    expect(form).to_have_count(0)
    factor_row = _tagging_row(page, FACTOR[:40])
    expect(factor_row).to_contain_text(SECOND_ONLY[1])
    expect(factor_row).to_contain_text("Your coding")

    page.get_by_role("button", name="Submit my coding").click()
    page.get_by_role("button", name="Yes, submit my coding").click()
    expect(page.get_by_role("alert")).to_contain_text("was submitted")
    _sign_out(page)

    # The lead decides the one disagreement: the code only the second coder chose.
    sign_in(page, live_server)
    _open(page, reference)
    review_nav(page, "Tagging")
    page.get_by_role("link", name="Agreement", exact=True).click()
    table = page.get_by_role("table", name="Disagreements, the open ones first")
    expect(table.get_by_role("row")).to_have_count(2)
    disagreement = table.get_by_role("row").filter(has_text=SECOND_ONLY[1])
    expect(disagreement).to_contain_text(SECOND_CODER)
    expect(disagreement).to_contain_text(FACTOR)
    disagreement.get_by_role("button", name=re.compile(r"^Decide ")).click()
    page.get_by_role("radio", name=re.compile(r"^Agree:")).check()
    page.get_by_label("Reason", exact=True).fill("Targets drove the team's allocation.")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("alert")).to_contain_text("0 disagreements remain open.")

    # The lead's form now shows the agreed codes, the decided one among them.
    codes = _factor_form(page)
    expect(codes.get_by_role("checkbox", name=BOTH[1])).to_be_checked()
    expect(codes.get_by_role("checkbox", name=SECOND_ONLY[1])).to_be_checked()
    lead = Api(page.request, live_server, LEAD)
    factors = lead.get(f"/reviews/{review_id}/factors")["items"]
    assert [f["typology_codes"] for f in factors] == [[BOTH[0], SECOND_ONLY[0]]]
    _sign_out(page)

    # The board member's dashboard counts the review once for each agreed code.
    sign_in(page, live_server, BOARD_MEMBER)
    page.get_by_role("link", name="Patterns", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="Board dashboard")).to_be_visible()
    table = page.get_by_role("table", name="Reviews per code", exact=True)
    table.wait_for()
    section = page.locator("section", has=table)
    show_all = section.get_by_role("button", name=re.compile(r"^Show all \d+ codes$"))
    if show_all.count():
        show_all.click()
    for code, _ in (CONTEXT, BOTH, SECOND_ONLY):
        cells = table.locator("tbody tr").filter(
            has=page.locator(".scr-code", has_text=re.compile(f"^{re.escape(code)}$"))
        )
        expect(cells.get_by_role("cell").first).to_have_text(str(before.get(code, 0) + 1))
    assert {c: n for c, n in _counts(board).items() if c in (CONTEXT[0], BOTH[0])} == {
        CONTEXT[0]: before.get(CONTEXT[0], 0) + 1,
        BOTH[0]: before.get(BOTH[0], 0) + 1,
    }
