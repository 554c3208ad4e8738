"""A lead reviewer records the chronology and key practice episodes in the browser."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import Api, open_demo_review, review_nav, sign_in

pytestmark = pytest.mark.browser

HEALTH_VISIT = "Health visitor 2 weighed Child M at the clinic: below the 2nd centile."


def _fill_date(page: Page, field: str, day: str, month: str, year: str) -> None:
    page.locator(f"#{field}").fill(day)
    page.locator(f"#{field}-month").fill(month)
    page.locator(f"#{field}-year").fill(year)


def test_a_lead_reviewer_adds_an_entry_marks_it_and_cites_it_in_an_episode(
    page: Page, live_server: str
) -> None:
    sign_in(page, live_server)
    open_demo_review(page)
    review_nav(page, "Chronology")
    page.get_by_role("link", name="Add an entry").click()
    _fill_date(page, "entry-date", "14", "2", "2023")
    page.get_by_label("Agency").select_option(label="Health visiting")
    page.get_by_label("Summary").fill(HEALTH_VISIT)
    page.get_by_label("Source (optional)").fill("Health visiting records")
    page.get_by_role("button", name="Add the entry").click()

    expect(page.get_by_role("alert")).to_contain_text("The entry was added.")
    row = page.get_by_role("row").filter(has_text=HEALTH_VISIT)
    expect(row).to_contain_text("14 February 2023")
    expect(row).to_contain_text("Health visiting")
    expect(row).not_to_contain_text("Significant")
    row.get_by_role("button", name=re.compile("^Mark significant")).click()
    expect(row.locator(".govuk-tag")).to_have_text("Significant")

    review_nav(page, "Key practice episodes")
    page.get_by_role("link", name="Add an episode").click()
    page.get_by_label("Title").fill("Clinic weighing: low weight not shared")
    _fill_date(page, "period-start", "14", "2", "2023")
    page.get_by_role("checkbox", name="Health visiting", exact=True).check()
    page.get_by_label("Roles involved").fill("health visitor 2")
    page.get_by_label("What happened", exact=True).fill(
        "Health visitor 2 recorded the low weight and booked a review in four weeks."
    )
    page.get_by_label("The practitioners' view at the time").fill(
        "She saw a tired mother who was engaging and thought the weight would catch up."
    )
    page.get_by_label("Appraisal of the practice").fill(
        "A weight below the 2nd centile calls for a referral to the GP within a week."
    )
    page.get_by_role("radio", name="Below expected").check()
    page.get_by_label("Find entries by words").fill("centile")
    page.get_by_role("button", name="Search the chronology").click()
    page.get_by_role(
        "button", name=re.compile(r"^Cite ?the entry of 14 February 2023, Health visiting")
    ).click()
    page.get_by_label("What went well, and why").fill("The weight was measured and plotted.")
    page.get_by_label("Open queries").fill("How often are low weights followed up within a week?")
    page.get_by_label("Changes the practitioners suggest").fill("A prompt in the record.")
    page.get_by_role("button", name="Add the episode").click()

    expect(page.get_by_role("alert")).to_contain_text("was added.")
    episodes = page.get_by_role("table", name="Episodes")
    expect(episodes).to_contain_text("Clinic weighing: low weight not shared")

    page.reload()
    episode = page.get_by_role("link", name="Clinic weighing: low weight not shared")
    expect(episode).to_be_visible()
    episode.click()
    expect(page.get_by_label("Title")).to_have_value("Clinic weighing: low weight not shared")
    expect(page.get_by_role("radio", name="Below expected")).to_be_checked()
    expect(page.get_by_role("checkbox", name="Health visiting", exact=True)).to_be_checked()
    expect(
        page.get_by_role(
            "button", name=re.compile(r"^Remove ?the entry of 14 February 2023, Health visiting")
        )
    ).to_be_visible()
    expect(page.get_by_label("Roles involved")).to_have_value("health visitor 2")

    page.reload()
    review_nav(page, "Chronology")
    expect(
        page.get_by_role("row").filter(has_text=HEALTH_VISIT).locator(".govuk-tag")
    ).to_have_text("Significant")


@pytest.fixture
def second_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    yield context.new_page()
    context.close()


def _new_entry(page: Page, live_server: str, summary: str) -> tuple[int, int]:
    """Add an entry to the demo review through the API, as another tool would: (review id,
    entry id). The lead has other reviews too (other tests open them): find it by reference."""
    api = Api(page.request, live_server)
    review = api.demo_review()
    agencies = api.get("/agencies?limit=200")["items"]
    health_visiting = next(a["id"] for a in agencies if a["code"] == "health-visiting")
    entry = api.post(
        f"/reviews/{review['id']}/chronology",
        {"entry_date": "2023-02-20", "agency_id": health_visiting, "summary": summary},
    )
    return review["id"], entry["id"]


def test_a_stale_edit_shows_both_versions_and_overwrites_only_when_asked(
    page: Page, second_page: Page, live_server: str
) -> None:
    review_id, entry_id = _new_entry(page, live_server, "Home visit by health visitor 2.")
    address = f"{live_server}/reviews/{review_id}/chronology/{entry_id}"
    for tab in (page, second_page):
        sign_in(tab, live_server)
        opened = tab.goto(address)  # the address itself, as a bookmark or a reload opens it
        assert opened is not None
        assert opened.status == 200
        expect(tab.get_by_label("Summary")).to_have_value("Home visit by health visitor 2.")

    second_page.get_by_label("Summary").fill("Home visit by health visitor 2: no answer.")
    second_page.get_by_role("button", name="Save the changes").click()
    expect(second_page.get_by_role("alert")).to_contain_text("The entry was changed.")

    page.get_by_label("Summary").fill("Home visit by health visitor 2: Mother seen alone.")
    page.get_by_role("button", name="Save the changes").click()
    notice = page.locator(".govuk-error-summary")
    expect(notice).to_contain_text("Someone else changed this")
    expect(notice).to_contain_text("you had version 1, it is now at version 2")
    versions = notice.get_by_role("table", name="Their version and yours")
    summary_row = versions.get_by_role("row", name=re.compile("^Summary"))
    expect(summary_row).to_contain_text("Home visit by health visitor 2: no answer.")
    expect(summary_row).to_contain_text("Home visit by health visitor 2: Mother seen alone.")
    expect(page.get_by_label("Summary")).to_have_value(
        "Home visit by health visitor 2: Mother seen alone."
    )

    page.get_by_role("button", name="Keep my version over theirs").click()
    page.get_by_role("button", name="Save the changes").click()
    expect(page.get_by_role("alert")).to_contain_text("The entry was changed.")
    expect(page.get_by_role("row").filter(has_text="Mother seen alone.")).to_have_count(1)


def test_a_second_click_on_a_stale_significance_shows_the_conflict(
    page: Page, second_page: Page, live_server: str
) -> None:
    _new_entry(page, live_server, "Telephone call from the nursery about bruising.")
    for tab in (page, second_page):
        sign_in(tab, live_server)
        open_demo_review(tab)
        review_nav(tab, "Chronology")
    row = second_page.get_by_role("row").filter(has_text="about bruising.")
    row.get_by_role("button", name=re.compile("^Mark significant")).click()
    expect(row.locator(".govuk-tag")).to_have_text("Significant")

    page.get_by_role("row").filter(has_text="about bruising.").get_by_role(
        "button", name=re.compile("^Mark significant")
    ).click()
    notice = page.locator(".govuk-error-summary")
    expect(notice).to_contain_text("Someone else changed this")
    page.get_by_role("button", name="Use their version").click()
    expect(
        page.get_by_role("row").filter(has_text="about bruising.").locator(".govuk-tag")
    ).to_have_text("Significant")


def test_leaving_a_form_with_unsaved_changes_asks_first(page: Page, live_server: str) -> None:
    sign_in(page, live_server)
    open_demo_review(page)
    review_nav(page, "Chronology")
    page.get_by_role("link", name="Add an entry").click()
    page.get_by_label("Summary").fill("Half-typed entry")

    review_nav(page, "Overview")
    warning = page.get_by_role("alertdialog", name="Unsaved changes")
    expect(warning).to_be_focused()
    warning.get_by_role("button", name="Stay on this page").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a chronology entry")
    expect(page.get_by_label("Summary")).to_have_value("Half-typed entry")

    page.get_by_role("link", name="Back to the chronology").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Leave without saving").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Chronology")
    expect(page.get_by_role("row").filter(has_text="Half-typed entry")).to_have_count(0)
