"""The Board's response and action plan: the second document of a review, made from its
questions for the Board, the Board's responses and the actions agreed.

It is laid out from the same ``Report`` as the report, so it says the findings and the
questions in the same words and numbers. Unlike the report it is not frozen at publication:
the Board records its response and works its actions after the review is published.
"""

from __future__ import annotations

from scr.records import names as record_names
from scr.report.document import Report
from scr.report.layout import Block, Heading, Items, Para, Table


def recorded(report: Report) -> bool:
    """Whether the Board has responded to any question yet."""
    return any(q.response or q.actions for f in report.findings for q in f.questions)


def title(report: Report) -> str:
    return f"The Board's response to the {report.title[0].lower()}{report.title[1:]}"


def blocks(report: Report) -> list[Block]:
    """The response document after its title page and contents."""
    questions = [q for f in report.findings for q in f.questions]
    answered = sum(q.response is not None for q in questions)
    actions = [a for q in questions for a in q.actions]
    out: list[Block] = [
        Heading(2, "introduction", "1. Introduction"),
        Para(
            f"The review made {len(report.findings)} findings and put {len(questions)} "
            f"questions to {report.board}. The Board has responded to {answered} of them "
            f"and agreed {len(actions)} actions. Each finding is summarised in the review's "
            "report; this document gives the Board's response to each question and the "
            "action it has taken or plans."
        ),
        Table(
            "The actions at a glance",
            ("Status", "Actions"),
            [
                (status, str(n))
                for status in ("Planned", "In progress", "Completed", "Dropped")
                if (n := sum(a.status == status for a in actions))
            ],
        ),
        Heading(2, "responses", "2. The Board's response, finding by finding"),
    ]
    for f in report.findings:
        out.append(
            Heading(3, f"response-{f.number}", f"{record_names.finding(f.number)}: {f.title}")
        )
        out.append(Para(f.statement))
        for q in f.questions:
            out.append(Heading(4, "", f"Question {q.number}: {q.text}"))
            if q.response:
                out += [Para(p.strip()) for p in q.response.split("\n\n") if p.strip()]
                if q.responded:
                    out.append(Para(f"Responded {q.responded}."))
            else:
                out.append(Para("The Board has not yet responded to this question.", True))
            if q.actions:
                out.append(
                    Table(
                        f"Actions on question {q.number}",
                        ("Action", "Owner", "Due", "Status"),
                        [
                            (
                                a.description,
                                ", ".join(x for x in (a.owner_role, a.agency) if x),
                                a.due or "",
                                a.status,
                            )
                            for a in q.actions
                        ],
                    )
                )
                impact = [a for a in q.actions if a.evidence_of_impact]
                if impact:
                    out.append(
                        Items([f"Evidence of impact: {a.evidence_of_impact}" for a in impact])
                    )
    return out
