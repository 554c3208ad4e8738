"""The patterns screen: a board member's dashboard of their own reviews in full, the national
view (published reviews only, changed by the cell key method, small counts suppressed) with
filters that select one cell of the lattice, filters kept in the address, and the CSV download.

Other browser tests add records and tags to the demo review while these run, so counts that
they could move are compared with what the API answers at the same moment, or avoided: the
national checks look at one region without the demo partnership (Eastmere, East Midlands).
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

# A case-context code no other browser test uses: only this file moves its count (the demo
# partnership's other reviews may have it already).
OWN_CODE = "cc.family.care-leaver-parent"
# One region without the demo partnership, so only the fictional corpus is counted. Outside a
# board's own view a question names one region at most; the corpus (seed 8) has codes there
# both published and suppressed.
CORPUS_REGION = "north_east"
# Said beside the figures outside a board's own view.
SUPPRESSED_EXPLAINED = re.compile(
    r"^Suppressed means fewer than 10 reviews after the small change.*"
    r"a true count from 1 to 12\."
)


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


def _own_count(member: Api) -> int:
    """How many of the board member's reviews have OWN_CODE, as the API answers now."""
    answer = member.get("/patterns/frequencies?limit=200")
    return next((i["count"]["reviews"] for i in answer["items"] if i["code"] == OWN_CODE), 0)


def test_a_board_member_sees_the_demo_reviews_codes_counted_in_full(
    page: Page, live_server: str
) -> None:
    lead = Api(page.request, live_server)
    review = lead.demo_review()
    before = _own_count(Api(page.request, live_server, BOARD_MEMBER))
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
    assert own[0] == str(before + 1)
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
    expect(page.get_by_text(SUPPRESSED_EXPLAINED)).to_have_count(1)
    assert serious_accessibility_violations(page) == []

    # The corpus alone, so no other test can move a count between the page and the API.
    query = f"region={CORPUS_REGION}"
    page.goto(f"{live_server}/patterns?{query}")
    rows = _frequency_rows(page)
    api = _national_frequencies(page, live_server, query)
    assert api["suppressed"] is True
    expect(page.get_by_text(api["note"], exact=True)).to_be_visible()
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


def _counted(api: dict[str, Any]) -> re.Pattern[str]:
    """What the page says it counts, for the API's answer to the same question."""
    reviews = api["reviews"]["reviews"]
    if reviews is None:
        return re.compile(r"^The number of reviews in this view is suppressed")
    return re.compile(rf"^This view counts {reviews} reviews?\.")


def test_a_filter_chosen_in_the_form_is_kept_in_the_address_and_the_csv_follows_it(
    page: Page, live_server: str, tmp_path: Path
) -> None:
    sign_in(page, live_server, NATIONAL)
    _open_patterns(page)
    _codes_table(page).wait_for()
    page.get_by_text("Change the filters").click()
    page.get_by_label("Partnership or region").select_option(label="North East")
    page.get_by_label("Tags on").select_option(label="Contributory factors")
    page.get_by_role("button", name="Apply filters").click()

    expect(page).to_have_url(re.compile(rf"/patterns\?region={CORPUS_REGION}&kind=factor$"))
    page.reload()
    applied = page.get_by_label("Filters applied")
    expect(applied).to_contain_text("North East")
    expect(applied).to_contain_text("Contributory factors")
    page.get_by_text("Change the filters").click()
    expect(page.get_by_label("Partnership or region")).to_have_value(f"region:{CORPUS_REGION}")
    expect(page.get_by_label("Tags on")).to_have_value("factor")
    expect(page.get_by_role("radio", name="All years")).to_be_checked()
    api = _national_frequencies(page, live_server, f"region={CORPUS_REGION}&kind=factor")
    expect(page.get_by_role("status")).to_have_text(_counted(api))
    assert serious_accessibility_violations(page) == []

    link = page.get_by_role("link", name="Every figure (CSV)")
    csv = re.compile(r"/api/v1/exports/aggregates\.csv")
    with page.expect_response(csv) as answered, page.expect_download() as downloaded:
        link.click()
    response = answered.value
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/csv")
    sent = parse_qs(urlsplit(response.url).query)
    assert sent["region"] == [CORPUS_REGION]
    assert sent["kind"] == ["factor"]
    saved = tmp_path / downloaded.value.suggested_filename
    downloaded.value.save_as(saved)
    # Saved under the service's name for the file: after the region it covers.
    assert saved.name == "north-east-aggregates.csv"
    lines = saved.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("table,code,label")
    assert any(line.startswith("note,") for line in lines)
    assert any(line.startswith("frequencies,") for line in lines)


def test_the_national_view_of_a_three_year_period_says_how_its_figures_were_protected(
    page: Page, live_server: str
) -> None:
    sign_in(page, live_server, NATIONAL)
    _open_patterns(page)
    _codes_table(page).wait_for()
    page.get_by_text("Change the filters").click()
    # Free ranges of years, several regions and a status are not offered outside a board.
    expect(page.get_by_role("checkbox")).to_have_count(0)
    expect(page.get_by_label("From", exact=True)).to_have_count(0)
    expect(page.get_by_text("Published reviews only", exact=True)).to_be_visible()
    page.get_by_role("radio", name="A three-year period").check()
    periods = page.get_by_label("Period", exact=True).locator("option").all_inner_texts()
    assert "2010 to 2012" in periods, periods
    assert "2022 to 2024" in periods, periods
    page.get_by_label("Period", exact=True).select_option(label="2022 to 2024")
    page.get_by_role("button", name="Apply filters").click()

    expect(page).to_have_url(re.compile(r"/patterns\?year_from=2022&year_to=2024$"))
    expect(page.get_by_label("Filters applied")).to_contain_text("2022 to 2024")
    api = _national_frequencies(page, live_server, "year_from=2022&year_to=2024")
    assert api["note"], "outside a board's own view the answer says how it was protected"
    expect(page.get_by_text(api["note"], exact=True)).to_be_visible()
    expect(page.get_by_text(SUPPRESSED_EXPLAINED)).to_be_visible()
    expect(page.get_by_role("status")).to_have_text(_counted(api))
    _codes_table(page).wait_for()
    assert serious_accessibility_violations(page) == []


def test_an_address_the_lattice_refuses_shows_the_apis_sentence(
    page: Page, live_server: str
) -> None:
    sign_in(page, live_server, NATIONAL)
    page.goto(f"{live_server}/patterns?region=london&region=south_east")
    national = Api(page.request, live_server, NATIONAL)
    answer = national.request.get(
        f"{national.base}/patterns/frequencies?region=london&region=south_east",
        headers=national.headers,
    )
    assert answer.status == 422
    sentence = answer.json()["detail"]
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name=sentence)).to_have_attribute("href", "#area")
    expect(_codes_table(page)).to_have_count(0)
    # The filters are open at the field, which says the same beside it.
    expect(page.locator("#area-error")).to_contain_text(sentence)
    expect(page.get_by_label("Partnership or region")).to_have_value("region:london")
