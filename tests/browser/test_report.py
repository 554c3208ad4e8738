"""A reviewer opens the demo review's Report screen, reads the preview (DRAFT, the findings)
and downloads the report in Word and as a PDF, both real documents holding the findings."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from playwright.sync_api import Page, expect

from tests.browser.conftest import Api, open_demo_review, review_nav, sign_in

pytestmark = pytest.mark.browser


def _download(page: Page, name: str, folder: Path) -> Path:
    """Click a download link on the Report screen; the file the browser saved."""
    with page.expect_download(timeout=60_000) as downloaded:
        page.get_by_role("link", name=name).click()
    saved = folder / downloaded.value.suggested_filename
    downloaded.value.save_as(saved)
    return saved


def test_a_reviewer_previews_the_draft_report_and_downloads_it_in_word_and_as_a_pdf(
    page: Page, live_server: str, tmp_path: Path
) -> None:
    api = Api(page.request, live_server)
    review = api.demo_review()
    assert review["status"] != "published"
    findings = api.get(f"/reviews/{review['id']}/findings?limit=200")["items"]
    assert findings, "the demo review has findings"
    title = findings[0]["title"]

    sign_in(page, live_server)
    open_demo_review(page)
    review_nav(page, "Report")
    page.get_by_role("heading", level=1, name="Report").wait_for()
    expect(page.get_by_text("the report is a draft, marked DRAFT on every page")).to_be_visible()

    preview = page.frame_locator('iframe[title="Preview of the report"]')
    expect(preview.locator(".draft-mark")).to_have_text("DRAFT")
    # The report's style sheet applies in the frame (the policy allows it by its hash).
    expect(preview.locator(".draft-mark")).to_have_css("color", "rgb(212, 53, 28)")
    expect(preview.get_by_role("heading", name=re.compile(re.escape(title))).first).to_be_visible()

    word = _download(page, "Download the report in Word", tmp_path)
    assert word.name == f"{review['reference']}-report-draft.docx"
    document = Document(str(word))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert any(title in text for text in paragraphs)
    assert any("DRAFT" in p.text for s in document.sections for p in s.header.paragraphs)

    pdf = _download(page, "Download the report as a PDF", tmp_path)
    assert pdf.name == f"{review['reference']}-report-draft.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    pdftotext = shutil.which("pdftotext")
    assert pdftotext is not None, "Debian's poppler-utils is installed (README)"
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert " ".join(title.split()) in " ".join(text.split())
    assert "DRAFT" in text
