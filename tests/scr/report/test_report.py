"""The report, made from the record: what the PDF and the Word document hold and in what
order, their accessibility, the gate (a draft only, while unpublished or with an open scan
hit), and the same bytes each time for a published review."""

from __future__ import annotations

import io
import subprocess
import time
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm
from sqlmodel import Session, col, select

from scr.board.models import Board
from scr.demo.loader import load_demo
from scr.errors import Conflict
from scr.exchange import leaving, scanning
from scr.exchange.schemas import IdentifierCreate
from scr.finding.models import Finding
from scr.report import document, figure, markup, words
from scr.report import service as report_service
from scr.report.models import PublishedReport
from scr.review.models import Review
from scr.review.schemas import ReviewReopen, ReviewUpdate
from scr.vocabulary import IdentifierKind
from scr.workflow import service as review_service
from tests.factories import make_episode, make_finding, make_link, make_participant, make_review


def pdf_text(body: bytes, tmp_path: Path) -> str:
    """The PDF's text as Debian's pdftotext reads it (pages split by form feeds)."""
    path = tmp_path / "report.pdf"
    path.write_bytes(body)
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode()


def docx_text(body: bytes) -> str:
    document = docx.Document(io.BytesIO(body))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def in_order(text: str, parts: list[str]) -> bool:
    at = 0
    for part in parts:
        at = text.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True


def publish(session: Session, review: Review) -> None:
    review_service.update(
        session=session,
        review=review,
        data=ReviewUpdate(
            version=review.version,
            status="published",  # type: ignore[arg-type]
            publication_date=date(2026, 11, 30),
            checks_override_reason="Published as it stands for the report's tests.",
        ),
        may_override=True,
    )


def small_review(session: Session) -> Review:
    """A review of two episodes and one finding with two questions."""
    review = make_review(
        session,
        case_summary="A baby was seriously harmed at home.",
        family_composition=[{"pseudonym": "Mother", "relationship": "Child T's mother"}],
    )
    first = make_episode(session, review, title="New birth visit", appraisal_rating="as_expected")
    make_episode(session, review, title="Missed appointments", appraisal_rating="below_expected")
    finding = make_finding(
        session,
        review,
        title="Appointments are seen one at a time",
        questions=[{"question": "Who sees the pattern?"}, {"question": "How would we know?"}],
    )
    make_link(session, review, "evidenced_by", f"finding:{finding.id}", f"episode:{first.id}")
    make_participant(session, review, role="case_group", job_role="health visitor 1")
    return review


@pytest.fixture
def demo(session: Session) -> Review:
    review, _ = load_demo(session=session)
    return review


def test_the_demo_pdf_holds_every_finding_and_question_in_order(
    session: Session, demo: Review, tmp_path: Path
) -> None:
    made = report_service.make(session=session, review=demo, fmt="pdf")
    text = pdf_text(made.body, tmp_path)
    pages = text.split("\f")[:-1]
    assert made.draft
    assert len(pages) > 10
    assert all("DRAFT" in page for page in pages)
    assert [page.count("DRAFT") for page in pages[:3]] == [1, 1, 1]  # once, in the header
    body = text[text.index("Appraisal of practice: in brief", text.index("2. Findings") + 20) :]
    expected = []
    stmt = select(Finding).where(Finding.review_id == demo.id).order_by(col(Finding.ordinal))
    for finding in session.exec(stmt):
        expected.append(f"Finding {finding.ordinal}: {finding.title}"[:40])
        expected += [" ".join(q.question.split()[:6]) for q in finding.questions]
    assert len(expected) > 8
    flat = " ".join(body.split())
    assert in_order(flat, expected), expected
    assert in_order(flat, ["1. Introduction", "2. Findings", "Appendix A", "Appendix B"])
    # Tagged (a structure tree a screen reader reads in order), titled, on A4.
    info = subprocess.run(
        ["pdfinfo", "-"], input=made.body, capture_output=True, check=True
    ).stdout.decode()
    assert "Tagged:          yes" in info
    assert "Title:           Local child safeguarding practice review concerning Child M" in info
    assert "(A4)" in info


def test_the_demo_word_document_has_real_headings_header_rows_and_alt_text(
    session: Session, demo: Review
) -> None:
    made = report_service.make(session=session, review=demo, fmt="docx")
    document = docx.Document(io.BytesIO(made.body))
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert headings[:3] == [
        ("Heading 1", "Contents"),
        ("Heading 1", "1. Introduction"),
        ("Heading 2", "1.1 Why this case was reviewed"),
    ]
    assert ("Heading 1", "Appendix B: The causal graph") in headings
    assert all(t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None for t in document.tables)
    (figure,) = document.inline_shapes
    assert figure._inline.docPr.get("descr").startswith("The review's causal graph: 8 key")
    assert document.sections[0].header.paragraphs[-1].text == "DRAFT"
    assert "Child M" in document.core_properties.title


def test_a_finding_added_appears_in_both(session: Session, tmp_path: Path) -> None:
    review = small_review(session)
    before = report_service.make(session=session, review=review, fmt="docx")
    assert "Supervision hears the case late" not in docx_text(before.body)
    make_finding(
        session,
        review,
        title="Supervision hears the case late",
        questions=[{"question": "When does supervision see a case first?"}],
    )
    word = docx_text(report_service.make(session=session, review=review, fmt="docx").body)
    pdf = pdf_text(report_service.make(session=session, review=review, fmt="pdf").body, tmp_path)
    for text in (word, " ".join(pdf.split())):
        assert in_order(
            text,
            [
                "Finding 1: Appointments are seen one at a time",
                "1.1 Who sees the pattern?",
                "1.2 How would we know?",
                "Finding 2: Supervision hears the case late",
                "2.1 When does supervision see a case first?",
            ],
        )
        assert "KPE 1: New birth visit" in text
        assert "health visitor 1" in text


def test_an_unpublished_review_makes_only_a_draft(session: Session) -> None:
    review = small_review(session)
    made = report_service.make(session=session, review=review, fmt="docx")
    assert made.draft
    assert made.filename.endswith("-report-draft.docx")
    assert "Draft of" in docx_text(made.body)


def test_an_identifier_in_the_report_alone_is_found_and_keeps_the_report_a_draft(
    session: Session,
) -> None:
    """The family is in the report, not in the exchange line: the scan reads it, publication
    is refused while the hit is open, and the report is only a draft meanwhile."""
    review = small_review(session)
    review.family_composition = [{"pseudonym": "Kayleigh", "relationship": "mother"}]
    session.add(review)
    session.flush()
    scanning.add_identifier(
        session=session,
        review=review,
        data=IdentifierCreate(text="Kayleigh", kind=IdentifierKind.name),
        actor="lead",
    )
    found = scanning.scan_review(session=session, review=review)
    assert [(h.field, h.text, h.status) for h in found.hits] == [
        ("family_composition[0].pseudonym", "Kayleigh", "open")
    ]
    with pytest.raises(Conflict):
        publish(session, review)
    made = report_service.make(session=session, review=review, fmt="html")
    assert made.draft
    assert '<p class="draft-mark">DRAFT</p>' in made.body.decode()


def test_a_published_review_whose_scan_opens_a_hit_is_reported_only_as_a_draft(
    session: Session,
) -> None:
    """A known identifier added after publication (the one change a frozen review takes)
    holds the published report back: only a draft is made while the hit is open."""
    review = small_review(session)
    publish(session, review)
    assert not report_service.make(session=session, review=review, fmt="html").draft
    scanning.add_identifier(
        session=session,
        review=review,
        data=IdentifierCreate(text="Child T's mother", kind=IdentifierKind.name),
        actor="lead",
    )
    made = report_service.make(session=session, review=review, fmt="html")
    assert made.draft
    assert '<p class="draft-mark">DRAFT</p>' in made.body.decode()


def test_a_published_report_is_the_same_bytes_whenever_it_is_made(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Made on another day, and with the clock years on (python-docx dates the archive's
    members by it), the published report is the same file."""
    review = small_review(session)
    publish(session, review)
    made = {}
    for fmt in ("docx", "pdf"):
        first = report_service.make(session=session, review=review, fmt=fmt, today=date(2027, 1, 4))
        with monkeypatch.context() as later:
            later.setattr(time, "time", lambda: 1_900_000_000.0)
            again = report_service.make(
                session=session, review=review, fmt=fmt, today=date(2030, 3, 17)
            )
        assert not first.draft
        assert first.body == again.body
        made[fmt] = first.body
    text = docx_text(made["docx"])
    assert "Published 30 November 2026" in text
    assert "DRAFT" not in text


def test_the_published_report_is_kept_when_first_made_and_handed_out_until_reopened(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kept bytes are what leaves, even once the software would lay the report out
    differently; reopening the review drops them."""
    review = small_review(session)
    publish(session, review)
    assert session.exec(select(PublishedReport)).all() == [], "publishing does not wait"
    first = {
        fmt: report_service.make(session=session, review=review, fmt=fmt).body
        for fmt in ("html", "pdf", "docx")
    }
    kept = {r.format: r for r in session.exec(select(PublishedReport))}
    assert sorted(kept) == ["docx", "html", "pdf"]
    assert {fmt: kept[fmt].body for fmt in kept} == first
    assert all(r.revision == review.revision for r in kept.values())
    monkeypatch.setattr(markup, "_STYLE", "body { color: red }")
    for fmt in ("html", "pdf", "docx"):
        assert report_service.make(session=session, review=review, fmt=fmt).body == kept[fmt].body
    review_service.reopen(
        session=session,
        review=review,
        data=ReviewReopen(version=review.version, reason="A factual error in finding 1."),
    )
    assert session.exec(select(PublishedReport)).all() == []
    redone = report_service.make(session=session, review=review, fmt="html")
    assert redone.draft
    assert "body { color: red }" in redone.body.decode()


def test_a_boards_word_template_gives_its_header_to_the_report(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = "Testshire Partnership (logo)"
    template.add_paragraph("The template's own sample text")
    path = tmp_path / "board.docx"
    template.save(str(path))
    monkeypatch.setenv("SCR_REPORT_TEMPLATE", str(path))
    from scr.config import get_settings

    get_settings.cache_clear()
    try:
        made = report_service.make(session=session, review=small_review(session), fmt="docx")
    finally:
        monkeypatch.delenv("SCR_REPORT_TEMPLATE")
        get_settings.cache_clear()
    document = docx.Document(io.BytesIO(made.body))
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert header == ["Testshire Partnership (logo)", "DRAFT"]
    assert "The template's own sample text" not in docx_text(made.body)


def test_a_boards_template_has_its_placeholders_filled_from_the_review(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = docx.Document()
    section = template.sections[0]
    header = section.header.paragraphs[0]
    for piece in ("{{part", "nership}} · {{ refer", "ence }}"):  # Word splits runs anywhere
        header.add_run(piece).bold = True
    section.footer.paragraphs[0].text = "{{status}} of {{date}}: {{title}} {{unknown}}"
    section.different_first_page_header_footer = True
    cell = section.first_page_header.add_table(rows=1, cols=1, width=Cm(10)).cell(0, 0)
    cell.text = "Logo | {{partnership}}"
    path = tmp_path / "board.docx"
    template.save(str(path))
    monkeypatch.setenv("SCR_REPORT_TEMPLATE", str(path))
    from scr.config import get_settings

    get_settings.cache_clear()
    review = small_review(session)
    try:
        made = report_service.make(session=session, review=review, fmt="docx")
    finally:
        monkeypatch.delenv("SCR_REPORT_TEMPLATE")
        get_settings.cache_clear()
    board = session.get(Board, review.board_id)
    assert board is not None
    made_section = docx.Document(io.BytesIO(made.body)).sections[0]
    filled = made_section.header.paragraphs[0]
    assert filled.text == f"{board.name} · {review.reference}"
    assert [run.bold for run in filled.runs] == [True]
    footer = made_section.footer.paragraphs[0].text
    assert footer.startswith(f"Draft of {words.day(date.today())}: ")
    assert footer.endswith(" {{unknown}}")  # not a placeholder: left for the Board to see
    assert "{{title}}" not in footer
    first = made_section.first_page_header.tables[0].cell(0, 0).text
    assert first == f"Logo | {board.name}"


def test_the_word_document_converts_with_libreoffice_headless(
    session: Session, tmp_path: Path
) -> None:
    """The .docx is a document another office suite opens: LibreOffice (Debian's
    libreoffice-writer-nogui) converts it to PDF with the findings and questions in order."""
    made = report_service.make(session=session, review=small_review(session), fmt="docx")
    source = tmp_path / "report.docx"
    source.write_bytes(made.body)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "out"),
            str(source),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    text = pdf_text((tmp_path / "out" / "report.pdf").read_bytes(), tmp_path)
    assert "DRAFT" in text.split("\f")[0]
    assert in_order(
        " ".join(text.split()),
        [
            "1. Introduction",
            "2. Findings",
            "Finding 1: Appointments are seen one at a time",
            "1.1 Who sees the pattern?",
            "1.2 How would we know?",
            "Appendix A",
        ],
    )


def test_a_graph_too_large_for_a_page_is_given_in_words_alone(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(figure, "MAX_DRAWN", 2)
    review = small_review(session)
    word = docx.Document(
        io.BytesIO(report_service.make(session=session, review=review, fmt="docx").body)
    )
    assert len(word.inline_shapes) == 0
    html = report_service.make(session=session, review=review, fmt="html").body.decode()
    assert "<img" not in html
    assert "too many to draw legibly on a page" in html
    assert "The links, in words" in html


def test_every_text_of_the_record_the_report_carries_is_one_the_scan_reads(
    session: Session, demo: Review
) -> None:
    report = document.build(session, demo, draft=True, today=date(2026, 12, 3))
    scanned = {t.value for t in leaving.texts(session, demo)}
    assert len(report.texts) > 100
    assert [t for t in report.texts if t.value not in scanned] == []
