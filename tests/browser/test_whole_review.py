"""The whole flow, through the screens only: a reviewer records a small review from scratch
(chronology entry, episode, factor, a link drawn in the graph, finding, agreed tag) and a
board member of the partnership sees it counted in the board's dashboard."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    BOARD_MEMBER,
    Api,
    drag,
    graph_node,
    review_nav,
    serious_accessibility_violations,
    sign_in,
)

pytestmark = pytest.mark.browser

BOARD = "Eastmere Safeguarding Children Partnership"
CODE, CODE_LABEL = "sp.management.caseload-volume", "Caseload volume against capacity"


def _date(page: Page, field: str, day: str, month: str, year: str) -> None:
    page.locator(f"#{field}").fill(day)
    page.locator(f"#{field}-month").fill(month)
    page.locator(f"#{field}-year").fill(year)


def _open_the_review(page: Page, reference: str) -> int:
    page.get_by_role("link", name="Reviews", exact=True).click()
    page.get_by_role("button", name="Open a review").click()
    page.get_by_label("Safeguarding partnership").select_option(label=BOARD)
    page.get_by_label("Reference").fill(reference)
    page.get_by_label("Child", exact=True).fill("Child W")
    page.get_by_role("radio", name="Local child safeguarding practice review").check()
    page.get_by_role("checkbox", name="Neglect only").check()
    page.get_by_role("button", name="Open the review").click()
    page.get_by_role("button", name=f"Yes, open it for {BOARD}").click()
    expect(page.get_by_role("alert")).to_contain_text(f"Review {reference} was opened.")
    found = re.search(r"/reviews/(\d+)", page.url)
    assert found is not None
    return int(found.group(1))


def _chronology_entry(page: Page, summary: str) -> None:
    review_nav(page, "Chronology")
    page.get_by_role("link", name="Add an entry").click()
    _date(page, "entry-date", "3", "5", "2024")
    page.get_by_label("Agency").select_option(label="Health visiting")
    page.get_by_label("Summary").fill(summary)
    page.get_by_role("button", name="Add the entry").click()
    expect(page.get_by_role("alert")).to_contain_text("The entry was added.")


def _episode(page: Page, title: str) -> None:
    review_nav(page, "Key practice episodes")
    page.get_by_role("link", name="Add an episode").click()
    page.get_by_label("Title").fill(title)
    _date(page, "period-start", "3", "5", "2024")
    page.get_by_role("checkbox", name="Health visiting", exact=True).check()
    page.get_by_label("What happened", exact=True).fill(
        "Health visitor 1 found the baby's weight had fallen and booked a review in a month."
    )
    page.get_by_label("The practitioners' view at the time").fill(
        "The family were engaging and the last weight had been fine."
    )
    page.get_by_label("Appraisal of the practice").fill(
        "A falling weight in a baby under six months calls for a GP review within days."
    )
    page.get_by_role("radio", name="Below expected").check()
    page.get_by_label("Find entries by words").fill("weight falling")
    page.get_by_role("button", name="Search the chronology").click()
    page.get_by_role(
        "button", name=re.compile(r"^Cite ?the entry of 3 May 2024, Health visiting")
    ).click()
    page.get_by_role("button", name="Add the episode").click()
    expect(page.get_by_role("alert")).to_contain_text("was added.")


def _factor(page: Page, description: str) -> None:
    review_nav(page, "Contributory factors")
    page.get_by_role("link", name="Add a factor").click()
    page.get_by_label("Description").fill(description)
    page.get_by_role("radio", name="Working conditions").check()
    page.get_by_role("button", name="Add the factor").click()
    expect(page.get_by_role("alert")).to_contain_text("The factor was added.")


def _draw_the_link(page: Page, factor_key: str, episode_key: str) -> None:
    review_nav(page, "Causal graph")
    expect(page.locator(graph_node(factor_key))).to_be_visible()
    page.locator(".scr-graph").scroll_into_view_if_needed()
    drag(
        page,
        f'{graph_node(factor_key)} .react-flow__handle[data-handleid="out"]',
        f'{graph_node(episode_key)} .react-flow__handle[data-handleid="in"]',
    )
    page.get_by_role("form", name="Add a link").get_by_role("button", name="Add the link").click()
    expect(page.get_by_role("alert")).to_contain_text("The link was added")
    expect(page.locator(".react-flow__edge")).to_have_count(1)


def _finding(page: Page, title: str, episode_key: str, factor_key: str) -> None:
    review_nav(page, "Findings")
    page.get_by_role("link", name="Add a finding").click()
    page.get_by_label("Title").fill(title)
    page.get_by_label("Statement of the finding").fill(
        "Health visitors' caseloads leave no room to follow a falling weight within days."
    )
    page.get_by_role("button", name="Add a question for the Board").click()
    page.get_by_role("group", name="Question 1 for the Board").get_by_label("The question").fill(
        "How does the Board know that a falling weight is followed up within days?"
    )
    evidence = page.get_by_label("Add an episode or factor as evidence")
    for key in (episode_key, factor_key):
        evidence.select_option(value=key)
        page.get_by_role("button", name="Add as evidence").click()
    page.get_by_role("button", name="Add the finding").click()
    expect(page.get_by_role("alert")).to_contain_text("was added.")


def _agreed_tag(page: Page, factor_description: str, code_label: str) -> None:
    review_nav(page, "Tagging")
    row = (
        page.get_by_role("table")
        .get_by_role("row")
        .filter(has=page.get_by_role("rowheader", name=re.compile(re.escape(factor_description))))
    )
    row.get_by_role("button", name=re.compile(r"^Add a tag")).click()
    form = page.get_by_role("form", name=re.compile(r"^Tag "))
    form.get_by_role("searchbox", name="Find a code").fill("caseload")
    form.get_by_role("radio", name=code_label).check()
    # The case-context code chosen when the review was opened is the lead's agreed tag, their
    # coding of the review: the lead no longer codes it blind, so a tag of theirs is agreed.
    expect(form).to_contain_text("Added as an agreed tag of the review")
    form.get_by_role("button", name="Add the tag").click()
    expect(row).to_contain_text("Agreed")


def _reviews_with(api: Api, code: str) -> int:
    """How many of the board's reviews the patterns service counts with ``code``."""
    items = api.get("/patterns/frequencies?limit=200")["items"]
    counts = [item["count"]["reviews"] for item in items if item["code"] == code]
    return counts[0] if counts else 0


def test_a_reviewer_records_a_review_from_scratch_and_the_board_sees_it_counted(
    page: Page, live_server: str
) -> None:
    mark = uuid.uuid4().hex[:6].upper()
    reference = f"EAS-2024-W{mark}"
    description = f"Health visitors carry caseloads far above the safe limit ({mark})."
    episode_title = f"Weight review booked a month ahead ({mark})"
    finding_title = f"Caseloads crowd out follow-up ({mark})"

    board = Api(page.request, live_server, BOARD_MEMBER)
    before = _reviews_with(board, CODE)

    sign_in(page, live_server)
    review_id = _open_the_review(page, reference)
    _chronology_entry(page, f"Health visitor 1 weighed the baby: weight falling ({mark}).")
    _episode(page, episode_title)
    _factor(page, description)

    api = Api(page.request, live_server)
    (episode,) = api.get(f"/reviews/{review_id}/episodes")["items"]
    (factor,) = api.get(f"/reviews/{review_id}/factors")["items"]
    episode_key, factor_key = f"episode:{episode['id']}", f"factor:{factor['id']}"
    _draw_the_link(page, factor_key, episode_key)
    _finding(page, finding_title, episode_key, factor_key)

    (finding,) = api.get(f"/reviews/{review_id}/findings")["items"]
    finding_key = f"finding:{finding['id']}"
    links = api.get(f"/reviews/{review_id}/links")["items"]
    assert sorted((x["kind"], x["source"], x["target"]) for x in links) == [
        ("contributed_to", factor_key, episode_key),
        ("evidenced_by", finding_key, episode_key),
        ("evidenced_by", finding_key, factor_key),
    ]
    _agreed_tag(page, description, CODE_LABEL)
    tags = api.get(f"/reviews/{review_id}/tags")["items"]
    # The case-context code chosen on opening the review, and the factor's code: both agreed.
    assert sorted((t["target"], t["code"], t["agreed"]) for t in tags) == sorted(
        [(f"review:{review_id}", "cc.cp-plan.neglect-only", True), (factor_key, CODE, True)]
    )
    review_nav(page, "Overview")
    assert serious_accessibility_violations(page) == []

    # The board member of the partnership sees the new review counted, in full.
    page.get_by_role("link", name="Sign out").click()
    sign_in(page, live_server, BOARD_MEMBER)
    page.get_by_role("link", name="Patterns", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="Board dashboard")).to_be_visible()
    table = page.get_by_role("table", name="Reviews per code", exact=True)
    table.wait_for()  # the partnership has more codes than the first twenty shown
    section = page.locator("section", has=table)
    show_all = section.get_by_role("button", name=re.compile(r"^Show all \d+ codes$"))
    if show_all.count():
        show_all.click()
    row = table.locator("tbody tr").filter(
        has=page.locator(".scr-code", has_text=re.compile(f"^{re.escape(CODE)}$"))
    )
    expect(row.get_by_role("cell").first).to_have_text(str(before + 1))
