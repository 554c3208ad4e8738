"""The patterns screen: a board member's dashboard of their own reviews in full, the national
view with small counts suppressed, filters kept in the address, and the CSV download.

Other browser tests add records and tags to the demo review while these run, so counts that
they could move are compared with what the API answers at the same moment, or avoided: the
national checks look at regions without the demo partnership (Eastmere, East Midlands).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import (
    BOARD_MEMBER,
    NATIONAL,
    Api,
    serious_accessibility_violations,
    sign_in,
)

pytestmark = pytest.mark.browser

# A case-context code no other browser test uses: only this file moves its count.
OWN_CODE = "cc.family.care-leaver-parent"
# Every region but the demo partnership's, so only the fictional corpus is counted.
CORPUS_REGIONS = [
    "north_east",
    "north_west",
    "yorkshire_and_the_humber",
    "west_midlands",
    "east_of_england",
    "london",
    "south_east",
    "south_west",
]


def _open_patterns(page: Page) -> None:
    page.get_by_role("link", name="Patterns", exact=True).click()


def _codes_table(page: Page) -> Locator:
    return page.get_by_role("table", name="Reviews per code", exact=True)


def _codes_chart(page: Page) -> Locator:
    return page.get_by_role("img", name="Reviews per code", exact=True)


def _frequency_rows(page: Page) -> Locator:
    """The rows of the frequencies table, all of them (not only the first twenty)."""
    table = _codes_table(page)
    table.wait_for()
    section = page.locator("section", has=table)
    show_all = section.get_by_role("button", name=re.compile(r"^Show all \d+ codes$"))
    if show_all.count():
        show_all.click()
    return table.locator("tbody tr")


def _row_of(rows: Locator, code: str) -> Locator:
    return rows.filter(
        has=rows.page.locator(".scr-code", has_text=re.compile(f"^{re.escape(code)}$"))
    )


def _cells(row: Locator) -> list[str]:
    return [text.strip() for text in row.get_by_role("cell").all_inner_texts()]


def test_a_board_member_sees_the_demo_reviews_codes_counted_in_full(
    page: Page, live_server: str
) -> None:
    lead = Api(page.request, live_server)
    review = lead.demo_review()
    lead.post(
        f"/reviews/{review['id']}/tags",
        {"target": f"review:{review['id']}", "code": OWN_CODE, "agreed": True},
    )

    sign_in(page, live_server, BOARD_MEMBER)
    _open_patterns(page)
    expect(page.get_by_role("heading", level=1, name="Board dashboard")).to_be_visible()
    expect(
        page.get_by_text("Eastmere Safeguarding Children Partnership", exact=True)
    ).to_be_visible()
    expect(
        page.get_by_text(re.compile(r"your partnership's own figures, shown in full"))
    ).to_be_visible()

    rows = _frequency_rows(page)
    own = _cells(_row_of(rows, OWN_CODE))
    assert own[0] == "1"
    assert own[1].endswith("%")
    # A board's own view suppresses nothing: no cell says Suppressed, every count is a number.
    expect(page.locator(".scr-suppressed")).to_have_count(0)
    assert all(re.fullmatch(r"\d+", _cells(rows.nth(i))[0]) for i in range(rows.count()))
    # The bar chart draws the code too.
    expect(_codes_chart(page).locator(f'[data-code="{OWN_CODE}"] rect')).to_have_count(1)

    assert serious_accessibility_violations(page) == []


def _national_frequencies(page: Page, live_server: str, query: str) -> dict[str, Any]:
    national = Api(page.request, live_server, NATIONAL)
    answer: dict[str, Any] = national.get(f"/patterns/frequencies?limit=200&{query}")
    return answer


def test_the_national_view_suppresses_small_counts_and_never_shows_them_as_0(
    page: Page, live_server: str
) -> None:
    sign_in(page, live_server, NATIONAL)
    _open_patterns(page)
    expect(page.get_by_role("heading", level=1, name="National patterns")).to_be_visible()
    _codes_table(page).wait_for()
    explained = re.compile(r"^Suppressed means a count of 1 to 9 reviews \(fewer than 10\)")
    expect(page.get_by_text(explained)).to_have_count(1)
    assert serious_accessibility_violations(page) == []

    # The corpus alone, so no other test can move a count between the page and the API.
    query = "&".join(f"region={region}" for region in CORPUS_REGIONS)
    page.goto(f"{live_server}/patterns?{query}")
    rows = _frequency_rows(page)
    api = _national_frequencies(page, live_server, query)
    assert api["suppressed"] is True
    hidden = [item["code"] for item in api["items"] if item["count"]["suppressed"]]
    published = {
        item["code"]: item["count"]["reviews"]
        for item in api["items"]
        if not item["count"]["suppressed"]
    }
    assert hidden, "the corpus should have codes in fewer than 10 reviews"
    expect(rows).to_have_count(len(api["items"]))
    for code in hidden:
        assert _cells(_row_of(rows, code)) == ["Suppressed", "Suppressed"], code
    for code, reviews in published.items():
        assert _cells(_row_of(rows, code))[0] == str(reviews), code
    # The chart leaves the suppressed codes out, and says so.
    expect(_codes_chart(page).locator("[data-code]")).to_have_count(len(published))
    left_out = re.compile(rf"^{len(hidden)} codes? ha(s|ve) a suppressed count")
    expect(page.get_by_text(left_out)).to_be_visible()
    # The yearly counts are small: suppressed cells there read Suppressed too, not 0.
    trends = page.get_by_role("table", name="Reviews per code and year")
    expect(trends.get_by_role("cell", name="Suppressed").first).to_be_visible()


def test_a_filter_chosen_in_the_form_is_kept_in_the_address_and_the_csv_follows_it(
    page: Page, live_server: str, tmp_path: Path
) -> None:
    sign_in(page, live_server, NATIONAL)
    _open_patterns(page)
    _codes_table(page).wait_for()
    page.get_by_text("Change the filters").click()
    page.get_by_role("checkbox", name="London", exact=True).check()
    page.get_by_role("checkbox", name="South East", exact=True).check()
    page.get_by_label("From", exact=True).fill("2014")
    page.get_by_role("button", name="Apply filters").click()

    expect(page).to_have_url(
        re.compile(r"/patterns\?region=london&region=south_east&year_from=2014$")
    )
    page.reload()
    applied = page.get_by_label("Filters applied")
    expect(applied).to_contain_text("London, South East")
    expect(applied).to_contain_text("From 2014")
    page.get_by_text("Change the filters").click()
    expect(page.get_by_role("checkbox", name="London", exact=True)).to_be_checked()
    expect(page.get_by_role("checkbox", name="North East", exact=True)).not_to_be_checked()
    expect(page.get_by_label("From", exact=True)).to_have_value("2014")
    api = _national_frequencies(page, live_server, "region=london&region=south_east&year_from=2014")
    expect(page.get_by_role("status")).to_have_text(
        re.compile(rf"^This view counts {api['reviews']['reviews']} reviews")
    )
    assert serious_accessibility_violations(page) == []

    link = page.get_by_role("link", name="Every figure (CSV)")
    csv = re.compile(r"/api/v1/exports/aggregates\.csv")
    with page.expect_response(csv) as answered, page.expect_download() as downloaded:
        link.click()
    response = answered.value
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/csv")
    sent = parse_qs(urlsplit(response.url).query)
    assert sent["region"] == ["london", "south_east"]
    assert sent["year_from"] == ["2014"]
    saved = tmp_path / downloaded.value.suggested_filename
    downloaded.value.save_as(saved)
    assert saved.name == "aggregates.csv"
    lines = saved.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("table,code,label")
    assert any(line.startswith("frequencies,") for line in lines)
