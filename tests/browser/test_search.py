"""The Search screen: a reviewer finds a word of the demo review's first finding, reads the
matched words marked in the snippet, and opens the finding from the results; a board member
finds a phrase of another review of their partnership, and nothing of another partnership's."""

from __future__ import annotations

import re
import uuid
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    BOARD_MEMBER,
    Api,
    serious_accessibility_violations,
    sign_in,
)

pytestmark = pytest.mark.browser


def test_a_reviewer_searches_the_reviews_and_opens_a_finding(page: Page, live_server: str) -> None:
    api = Api(page.request, live_server)
    review = api.demo_review()
    finding = api.get(f"/reviews/{review['id']}/findings")["items"][0]
    word = max(re.findall(r"[A-Za-z]{6,}", finding["title"]), key=len)

    sign_in(page, live_server)
    page.get_by_role("link", name="Search", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Search the reviews")
    page.get_by_label("Words to find").fill(word)
    page.get_by_label("Kind of record").select_option(label="Findings")
    page.get_by_role("button", name="Search").click()

    results = page.get_by_role("list", name="Search results")
    # (another test may have written a finding that repeats this one's title)
    named = f"{review['reference']}, Finding {finding['ordinal']}"
    link = results.get_by_role("link", name=re.compile(f"^{re.escape(named)}"))
    expect(link).to_contain_text(finding["title"][:20])
    expect(results.locator("mark").first).to_be_visible()
    told = re.compile(rf"records? holds? \u2018{word}\u2019")
    expect(page.get_by_role("status")).to_have_text(told)
    assert serious_accessibility_violations(page) == []
    link.click()
    expect(page).to_have_url(re.compile(rf"/reviews/{review['id']}/findings/{finding['id']}$"))


def _search(page: Page, words: str) -> None:
    page.get_by_label("Words to find").fill(words)
    page.get_by_role("button", name="Search").click()


def test_a_board_member_finds_their_partnerships_reviews_and_nothing_of_another(
    page: Page, live_server: str
) -> None:
    lead = Api(page.request, live_server)
    board_id = lead.demo_review()["board_id"]
    marker = uuid.uuid4().hex[:8]
    reference = f"SRCH-{marker.upper()}"
    other = lead.post(
        "/reviews",
        {
            "board_id": board_id,
            "reference": reference,
            "child_pseudonym": "Child W",
            "review_type": "rapid_review",
        },
    )
    phrase = f"the school nurse {marker} was never told"
    lead.post(
        f"/reviews/{other['id']}/findings",
        {"title": "Nobody told the school", "statement": f"In this case {phrase} of the plan."},
    )
    # A finding of a review of another partnership (the fictional national corpus), in words
    # of its own: the demo partnership's reviews are drawn from the corpus's phrases.
    admin = Api(page.request, live_server, "admin@demo.example.org")
    elsewhere = next(
        r
        for r in admin.get("/reviews?limit=200")["items"]
        if r["board_id"] != board_id and r["status"] != "published"
    )
    foreign = f"the ward clerk {marker} filed the letter"
    admin.post(
        f"/reviews/{elsewhere['id']}/findings",
        {"title": "Letters filed unread", "statement": f"In this case {foreign} unread."},
    )

    sign_in(page, live_server, BOARD_MEMBER)
    page.get_by_role("link", name="Search", exact=True).click()
    _search(page, f'"{phrase}"')
    results = page.get_by_role("list", name="Search results")
    expect(results.get_by_role("link")).to_have_count(1)
    expect(results.get_by_role("link")).to_contain_text(f"{reference}, Finding 1")

    _search(page, f'"{foreign}"')
    expect(page.get_by_role("status")).to_contain_text("Nothing you may see holds")
    expect(page.get_by_role("list", name="Search results").get_by_role("link")).to_have_count(0)
    # The same words, searched by someone who may see that review, are there.
    words = quote(f'"{foreign}"')
    found = admin.get(f"/search?q={words}&board_id={elsewhere['board_id']}")
    assert found["total"] >= 1
