from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import serious_accessibility_violations

pytestmark = pytest.mark.browser


def test_the_home_page_says_what_the_product_is_and_lists_the_demo_review(
    page: Page, live_server: str
) -> None:
    page.goto(live_server + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Record case reviews")
    table = page.get_by_role("table", name="Reviews")
    expect(table).to_contain_text("EAS-2023-04")
    expect(table).to_contain_text("Child M")
    expect(table).to_contain_text("Local child safeguarding practice review")

    page.get_by_role("link", name="API documentation").click()
    expect(page).to_have_url(live_server + "/api/v1/docs")
    expect(page.get_by_text("SCR Workbench").first).to_be_visible()


def test_the_home_page_has_no_serious_accessibility_problem(page: Page, live_server: str) -> None:
    page.goto(live_server + "/")
    expect(page.get_by_role("table", name="Reviews")).to_be_visible()
    assert serious_accessibility_violations(page) == []
