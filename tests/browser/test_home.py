from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from scr.demo.accounts import DEMO_PASSWORD
from tests.browser.conftest import LEAD, NATIONAL, serious_accessibility_violations

pytestmark = pytest.mark.browser


def _sign_in(page: Page, email: str, password: str) -> None:
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_a_reviewer_signs_in_sees_their_reviews_and_signs_out(page: Page, live_server: str) -> None:
    page.goto(live_server + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to SCR Workbench")
    expect(page.get_by_text("This is a demonstration with fictional data")).to_be_visible()
    _sign_in(page, LEAD, DEMO_PASSWORD)

    expect(page.get_by_role("heading", level=1)).to_contain_text("Record case reviews")
    expect(page.get_by_text(f"{LEAD} (reviewer)")).to_be_visible()
    table = page.get_by_role("table", name="Reviews")
    expect(table).to_contain_text("EAS-2023-04")
    expect(table).to_contain_text("Child M")
    expect(table).to_contain_text("Local child safeguarding practice review")

    page.reload()  # the sign-in lasts for the browser tab
    expect(page.get_by_role("table", name="Reviews")).to_contain_text("EAS-2023-04")
    page.get_by_role("link", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to SCR Workbench")
    page.reload()
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()


def test_a_wrong_password_is_said_plainly(page: Page, live_server: str) -> None:
    page.goto(live_server + "/")
    _sign_in(page, LEAD, "not the password")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("The e-mail address or the password is not right.")
    expect(summary).to_be_focused()
    expect(page.get_by_label("Password")).to_have_value("")


def test_a_national_analyst_sees_no_case(page: Page, live_server: str) -> None:
    page.goto(live_server + "/")
    _sign_in(page, NATIONAL, DEMO_PASSWORD)
    expect(page.get_by_text("(national analyst)")).to_be_visible()
    expect(page.get_by_text("never a review's own records")).to_be_visible()
    expect(page.get_by_role("table", name="Reviews")).to_have_count(0)


def test_the_api_documentation_is_one_click_away(page: Page, live_server: str) -> None:
    page.goto(live_server + "/")
    _sign_in(page, LEAD, DEMO_PASSWORD)
    page.get_by_role("link", name="API documentation").click()
    expect(page).to_have_url(live_server + "/api/v1/docs")
    expect(page.get_by_text("SCR Workbench").first).to_be_visible()


def test_sign_in_and_home_have_no_serious_accessibility_problem(
    page: Page, live_server: str
) -> None:
    page.goto(live_server + "/")
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert serious_accessibility_violations(page) == []
    _sign_in(page, LEAD, DEMO_PASSWORD)
    expect(page.get_by_role("table", name="Reviews")).to_be_visible()
    assert serious_accessibility_violations(page) == []


def test_the_api_documentation_renders_under_its_policy(page: Page, live_server: str) -> None:
    page.goto(live_server + "/api/v1/docs")
    expect(page.get_by_text("SCR Workbench").first).to_be_visible()
    expect(page.locator(".opblock").first).to_be_visible()  # the operations, drawn by script
