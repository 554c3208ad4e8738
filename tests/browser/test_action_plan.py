"""The action plan across reviews: the demo partnership's board member finds an overdue action
(it stands out), notes progress on it, marks it done, and the plan shows the change; the home
page and the Board dashboard count the overdue actions."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import BOARD_MEMBER, serious_accessibility_violations, sign_in

pytestmark = pytest.mark.browser

OVERDUE = re.compile(r"(\d+) actions? (is|are) overdue")


def _overdue_said(page: Page) -> int:
    """How many actions the page (home, or the Board dashboard) says are overdue."""
    said = page.get_by_text(OVERDUE)
    expect(said).to_be_visible()
    found = OVERDUE.search(said.inner_text())
    assert found is not None
    return int(found.group(1))


def _only_overdue(page: Page, only: bool) -> None:
    """Tick or clear the filter: the plan reloads (its filters are kept in the address)."""
    box = page.get_by_label("Only overdue actions")
    box.click()
    expect(page).to_have_url(re.compile(r"overdue=true") if only else re.compile(r"/actions$"))
    expect(box).to_be_checked(checked=only)


def test_a_board_member_finds_an_overdue_action_and_updates_it(
    page: Page, live_server: str
) -> None:
    sign_in(page, live_server, BOARD_MEMBER)
    overdue = _overdue_said(page)
    assert overdue >= 2  # the demo partnership has overdue actions in more than one review
    page.get_by_role("link", name="Patterns", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="Board dashboard")).to_be_visible()
    assert _overdue_said(page) == overdue  # the dashboard says so too

    page.get_by_role("link", name="Action plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Action plan")
    table = page.get_by_role("table", name="Actions, soonest due first")
    rows = table.locator("tbody tr")
    expect(rows.first).to_be_visible()
    assert rows.count() > overdue
    expect(page.get_by_role("status")).to_contain_text(f"{overdue} overdue")
    # Overdue rows stand out: marked, with a red tag that says so; the others do not.
    late = table.locator("tbody tr.scr-action--overdue")
    expect(late).to_have_count(overdue)
    expect(late.first.locator(".govuk-tag--red")).to_contain_text("Overdue")
    expect(rows.filter(has_not=page.locator(".govuk-tag--red")).first).to_be_visible()

    _only_overdue(page, True)
    expect(rows).to_have_count(overdue)
    row = rows.filter(has_text="Overdue, in progress").first
    link = row.get_by_role("link").first
    action, href = link.inner_text(), link.get_attribute("href")
    link.click()

    expect(page.get_by_role("heading", level=1)).to_have_text(action)
    expect(page.get_by_text("This action is overdue")).to_be_visible()
    expect(page.get_by_label("Status")).to_have_value("in_progress")
    today = date.today()
    progress = page.get_by_role("group", name="Date of the progress")
    progress.get_by_label("Day").fill(str(today.day))
    progress.get_by_label("Month").fill(str(today.month))
    progress.get_by_label("Year").fill(str(today.year))
    note = "The task group signed off the last agency's part; the audit confirms it."
    page.get_by_label("What was done").fill(note)
    page.get_by_role("button", name="Add the note").click()
    expect(page.get_by_role("listitem").filter(has_text=note)).to_contain_text(today.isoformat())

    page.get_by_label("Status").select_option(label="Done")
    page.get_by_role("button", name="Save the changes").click()
    expect(page.get_by_role("alert")).to_contain_text("The action was updated.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Action plan")
    assert serious_accessibility_violations(page) == []

    # It is done, no longer overdue, and found by its own link: the same action was agreed
    # after other reviews too.
    updated = rows.filter(has=page.locator(f'a[href="{href}"]'))
    expect(updated).to_have_count(1)
    expect(updated.get_by_role("cell").last).to_have_text("Done")
    expect(updated).not_to_have_class(re.compile("scr-action--overdue"))
    expect(page.get_by_role("status")).to_contain_text(f"{overdue - 1} overdue")
    _only_overdue(page, True)
    expect(rows).to_have_count(overdue - 1)
    expect(updated).to_have_count(0)
    _only_overdue(page, False)
    updated.get_by_role("link", name=action).click()
    expect(page.get_by_text(note)).to_be_visible()
    expect(page.get_by_label("Status")).to_have_value("completed")
    expect(page.get_by_text("This action is overdue")).to_have_count(0)

    page.goto(live_server + "/")
    assert _overdue_said(page) == overdue - 1
