"""An agency's chronology of 2,000 rows comes in through the workbench, and an episode cites
one entry found among them by search."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

import pytest
from openpyxl import Workbook
from playwright.sync_api import Page, expect

from tests.browser.conftest import Api, sign_in

pytestmark = pytest.mark.browser

NEEDLE = "Neighbour reported Child W alone on the balcony late at night."
ROWS = 2_000


def _police_workbook() -> bytes:
    """A fictional police chronology whose headers the import cannot guess."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Occurred", "Narrative", "Officer"])
    start = date(2018, 1, 1)
    for n in range(ROWS):
        day = start + timedelta(days=n)
        text = (
            NEEDLE if n == 1_234 else f"Patrol passed the address; nothing of note (log {n + 1})."
        )
        sheet.append([day.strftime("%d/%m/%Y"), text, f"PC {n % 12 + 1}"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_workbook_is_mapped_previewed_imported_and_an_entry_found_among_2000_is_cited(
    page: Page, live_server: str
) -> None:
    api = Api(page.request, live_server)
    board_id = api.demo_review()["board_id"]
    review = api.post(
        "/reviews",
        {
            "board_id": board_id,
            "reference": "BROWSER-IMPORT-1",
            "child_pseudonym": "Child W",
            "review_type": "rapid_review",
        },
    )
    sign_in(page, live_server)
    page.goto(f"{live_server}/reviews/{review['id']}/chronology")
    page.get_by_role("link", name="Import an agency's chronology").click()
    page.get_by_label("The agency's chronology").set_input_files(
        files=[
            {
                "name": "police.xlsx",
                "mimeType": "application/octet-stream",
                "buffer": _police_workbook(),
            }
        ]
    )
    page.get_by_label("Agency", exact=True).select_option(label="Police")
    page.get_by_role("button", name="Preview the import").click()

    expect(page.get_by_role("alert")).to_contain_text("no date column")
    page.locator("#column-date").select_option("Occurred")
    page.locator("#column-summary").select_option("Narrative")
    page.locator("#column-author_role").select_option("Officer")
    page.get_by_role("button", name="Preview again with these columns").click()
    expect(
        page.get_by_text("2,000 to import, 0 likely duplicates (left out), 0 refused.")
    ).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("Patrol passed the address")
    page.screenshot(path="/tmp/wt22-import-preview.png", full_page=True)
    page.get_by_role("button", name="Import 2,000 entries").click()

    expect(page.get_by_role("alert")).to_contain_text("2,000 entries from Police were imported")
    expect(page.get_by_role("table").first).to_contain_text("of 2,000 that match")
    page.get_by_label("Words").fill("")
    page.get_by_label("From", exact=True).fill("2021-05-01")
    page.get_by_label("To", exact=True).fill("2021-05-31")
    page.get_by_role("button", name="Find entries").click()
    expect(page.get_by_role("table").first).to_contain_text("of 31 that match")
    expect(page.get_by_role("table").first).to_contain_text(NEEDLE)
    page.get_by_label("Words").fill("balcony")
    page.get_by_role("button", name="Find entries").click()
    expect(page.get_by_role("table").first).to_contain_text(NEEDLE)
    page.get_by_role("button", name="Zoom in").click()
    page.screenshot(path="/tmp/wt22-chronology.png", full_page=True)

    page.goto(f"{live_server}/reviews/{review['id']}/episodes/new")
    page.get_by_label("Title").fill("Night-time report not shared with social care")
    page.locator("#period-start").fill("10")
    page.locator("#period-start-month").fill("5")
    page.locator("#period-start-year").fill("2021")
    expect(page.get_by_role("checkbox", name=re.compile("^19 May 2021"))).to_have_count(0)
    page.get_by_label("Find entries by words").fill("balcony")
    page.get_by_role("button", name="Search the chronology").click()
    page.get_by_role("button", name=re.compile("^Cite ?the entry of 19 May 2021, Police")).click()
    expect(
        page.get_by_role("button", name=re.compile("^Remove ?the entry of 19 May 2021"))
    ).to_be_visible()
    page.screenshot(path="/tmp/wt22-episode.png", full_page=True)
    page.get_by_role("button", name="Add the episode").click()
    expect(page.get_by_role("alert")).to_contain_text("was added.")

    episodes = api.get(f"/reviews/{review['id']}/episodes")["items"]
    entries = api.get(f"/reviews/{review['id']}/chronology?q=balcony")["items"]
    assert [e["chronology_entry_ids"] for e in episodes] == [[entries[0]["id"]]]
