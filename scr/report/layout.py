"""The report's sections in order, as blocks every renderer lays out the same way.

``blocks`` turns a ``Report`` into headings, paragraphs, tables, lists and the figure, in the
order of a Learning Together report: 1. Introduction, 2. Findings, then the appendices. The
HTML (and so the PDF) and the Word document are made from the same blocks, so they say the
same things in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from scr.records import names as record_names
from scr.report import figure
from scr.report.document import Episode, Person, Report, SystemicFinding


@dataclass(frozen=True)
class Heading:
    level: int  # 2: a numbered section or an appendix; 3 and 4 below it
    anchor: str
    text: str


@dataclass(frozen=True)
class Para:
    text: str
    emphasis: bool = False  # a placeholder for what the record does not hold yet


@dataclass(frozen=True)
class Table:
    caption: str
    head: tuple[str, ...]
    rows: list[tuple[str, ...]]


@dataclass(frozen=True)
class Items:
    items: list[str]
    ordered: bool = False


@dataclass(frozen=True)
class Figure:
    alt: str
    caption: str


Block = Heading | Para | Table | Items | Figure


class _Out:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.numbers = [0, 0]

    def section(self, text: str, anchor: str) -> None:
        self.numbers = [self.numbers[0] + 1, 0]
        self.blocks.append(Heading(2, anchor, f"{self.numbers[0]}. {text}"))

    def sub(self, text: str, anchor: str) -> None:
        self.numbers[1] += 1
        self.blocks.append(Heading(3, anchor, f"{self.numbers[0]}.{self.numbers[1]} {text}"))

    def heading(self, level: int, text: str, anchor: str = "") -> None:
        self.blocks.append(Heading(level, anchor, text))

    def para(self, value: str | None, empty: str | None = None) -> None:
        if value:
            self.blocks += [Para(p.strip()) for p in value.split("\n\n") if p.strip()]
        elif empty:
            self.blocks.append(Para(empty, emphasis=True))

    def table(self, caption: str, head: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        self.blocks.append(Table(caption, tuple(head), [tuple(r) for r in rows]))


def blocks(report: Report) -> list[Block]:
    """Everything after the title page and the contents, in order."""
    out = _Out()
    _introduction(out, report)
    _findings(out, report)
    for letter, (title, anchor, body) in zip("ABCDEFGH", _APPENDICES, strict=False):
        out.heading(2, f"Appendix {letter}: {title}", anchor)
        body(out, report)
    return out.blocks


def contents(items: Sequence[Block]) -> list[Heading]:
    """The headings the contents list: sections, their parts, findings and appendices."""
    return [b for b in items if isinstance(b, Heading) and b.level <= 3 and b.anchor]


def _people(out: _Out, caption: str, people: Sequence[Person]) -> None:
    if people:
        out.table(
            caption, ("Role", "Agency"), [(p.job_role, p.agency or "Independent") for p in people]
        )


def _introduction(out: _Out, r: Report) -> None:
    out.section("Introduction", "introduction")
    out.sub("Why this case was reviewed", "why")
    out.para(r.reason_for_review, "The reason for the review has not been recorded.")
    out.para(r.rapid_review)
    out.sub("Succinct summary of the case", "summary")
    out.para(r.summary, "The summary of the case has not been recorded.")
    out.sub("Family composition", "family")
    if r.family:
        out.table("The family, by pseudonym", ("Pseudonym", "Relationship"), r.family)
    else:
        out.para(None, "The family's composition has not been recorded.")
    out.sub("Period under review", "period")
    out.para(
        f"The review looked at the agencies' work with the family {r.period}."
        if r.period
        else None,
        "The period under review has not been recorded.",
    )
    out.sub("Methodology", "methodology")
    out.para(
        f"The review used {r.method}. It treats the case as a window on the system: it asks "
        "not only what happened but why it made sense to the practitioners at the time, and "
        "which features of the local system made good or poor practice more likely. The "
        "evidence came from the agencies' records, merged into a multi-agency chronology, "
        "and from conversations with the practitioners and the family."
    )
    out.sub("Reviewing expertise: the review team and the case group", "team")
    out.para("Everyone who took part is named by role and agency only.")
    _people(out, "Lead reviewers", r.lead_reviewers)
    _people(out, "The review team", r.review_team)
    _people(out, "The case group", r.case_group)
    if r.family_participants:
        out.para(f"Members of the family who took part: {r.family_participants}.")
    out.sub("Independence", "independence")
    out.para(r.independence, "The statement of independence has not been recorded.")
    out.sub("Methodological comment and limitations", "limitations")
    out.para(r.methodological_comment, "No methodological comment has been recorded.")
    out.sub("Acknowledgements", "acknowledgements")
    out.para(r.acknowledgements, "No acknowledgements have been recorded.")


def _findings(out: _Out, r: Report) -> None:
    out.section("Findings", "findings")
    out.sub("Appraisal of practice: in brief", "appraisal")
    counts: dict[str, int] = {}
    for e in r.episodes:
        counts[e.rating or "Not yet appraised"] = counts.get(e.rating or "Not yet appraised", 0) + 1
    said = "; ".join(f"{label.lower()}: {n}" for label, n in counts.items())
    out.para(
        f"The review identified {len(r.episodes)} key practice episodes"
        + (f" ({said})." if said else ".")
    )
    out.table(
        "The key practice episodes and their appraisal",
        ("Episode", "Period", "Appraisal"),
        [(f"{record_names.episode(e.number)}: {e.title}", e.period, e.rating) for e in r.episodes],
    )
    out.sub("Summary of the findings", "summary-of-findings")
    out.table(
        "The findings",
        ("Finding", "Pattern", "Category", "Questions for the Board"),
        [
            (f"{f.number}. {f.title}", f.pattern, f.category or "", str(len(f.questions)))
            for f in r.findings
        ],
    )
    for f in r.findings:
        out.heading(3, f"{record_names.finding(f.number)}: {f.title}", f"finding-{f.number}")
        _finding(out, f)


def _finding(out: _Out, f: SystemicFinding) -> None:
    out.para(f.pattern + (f". Category: {f.category}." if f.category else "."))
    out.para(f.statement)
    out.heading(4, "How it showed in this case")
    out.para(f.how_it_appeared, None if f.evidence else "Not recorded.")
    if f.evidence:
        out.blocks.append(Items(f.evidence))
    out.heading(4, "Evidence that this is not peculiar to this case")
    out.para(f.evidence_beyond_case, "Not recorded.")
    out.heading(4, "Why it matters")
    out.para(f.why_it_matters, "Not recorded.")
    out.heading(4, "Questions for the Board")
    if f.questions:
        out.blocks.append(Items([f"{q.number} {q.text}" for q in f.questions], ordered=True))
    else:
        out.para(None, "No questions for the Board have been recorded.")


def _episodes(out: _Out, r: Report) -> None:
    for e in r.episodes:
        out.heading(3, f"{record_names.episode(e.number)}: {e.title}", f"kpe-{e.number}")
        _episode(out, e)


def _episode(out: _Out, e: Episode) -> None:
    out.table(
        f"{record_names.episode(e.number)} at a glance",
        ("", ""),
        [
            ("Period", e.period),
            ("Agencies", ", ".join(e.agencies)),
            ("Roles involved", ", ".join(e.roles)),
            ("Appraisal", e.rating),
        ],
    )
    for title, value in (
        ("What happened", e.what_happened),
        ("The view at the time", e.view_at_the_time),
        ("Appraisal of practice", e.appraisal),
        ("What went well", e.went_well),
        ("Open queries", e.queries),
        ("Changes the practitioners suggest", e.suggested_changes),
    ):
        if value:
            out.heading(4, title)
            out.para(value)


def _graph(out: _Out, r: Report) -> None:
    if not figure.drawn(r.graph):
        out.para(
            None,
            f"The causal graph holds {r.graph.number_of_nodes()} records: too many to draw "
            "legibly on a page, so its links are given in words below."
            if r.graph.number_of_nodes()
            else "The causal graph holds no records yet.",
        )
    else:
        out.blocks.append(
            Figure(
                figure.alt_text(r.graph),
                "Boxes are key practice episodes, ellipses contributory factors, hexagons "
                "findings. Solid lines: contributed to; dashed: influenced; bold: led to; "
                "dotted: is evidenced by.",
            )
        )
        out.table(
            "The records in the figure",
            ("Name", "Record"),
            [(r.node_names[k], r.node_titles[k]) for k in r.node_names],
        )
    links = figure.links_in_words(r.graph, r.node_names, r.node_titles)
    if figure.drawn(r.graph):
        out.table(
            "The links, in words (the figure's text alternative)", ("From", "Link", "To"), links
        )
        return
    # A large graph's links, each record's in one item: a table of thousands of rows would
    # run to a hundred pages.
    said: dict[tuple[str, str], list[str]] = {}
    for source, kind, target in links:
        said.setdefault((source, kind), []).append(target)
    out.heading(4, "The links, in words")
    out.blocks.append(
        Items(
            [f"{source} {kind}: {'; '.join(targets)}." for (source, kind), targets in said.items()]
        )
    )


def _codes(out: _Out, r: Report) -> None:
    if r.codes is None:
        out.para(
            None,
            "The agreed codes are not shown to you while you code this review blind; they "
            "are shown once you have submitted your own coding.",
        )
        return
    if not r.codes:
        out.para(None, "No typology codes have been agreed for this review.")
        return
    out.table(
        "The agreed codes of the national typology",
        ("Record", "Code", "Meaning"),
        [(c.record, c.code, c.label) for c in r.codes],
    )


def _markers(out: _Out, r: Report) -> None:
    out.para(
        "The review's standing against the 18 quality markers of the Social Care Institute "
        "for Excellence, in their three groups."
    )
    out.table("SCIE's quality markers", ("Group", "Marker", "Status", "Note"), r.markers)


_APPENDICES: list[tuple[str, str, Callable[[_Out, Report], None]]] = [
    ("The key practice episodes", "appendix-episodes", _episodes),
    ("The causal graph", "appendix-graph", _graph),
    ("The agreed typology codes", "appendix-codes", _codes),
    ("The quality markers", "appendix-quality", _markers),
]
