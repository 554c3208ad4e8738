"""The demo partnership's reviews as a table, and the findings that recur across them.

Every person and place is invented: children have pseudonyms, practitioners and action owners
are roles in agencies. Each finding theme is a systemic pattern the partnership's reviews find
again and again (the national Panel calls such findings "stubborn"), with the code its finding
is agreed under, the statement each review words its own way, and what the Board answered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from scr.vocabulary import LearningTogetherSize, ReviewStatus, ReviewType


@dataclass(frozen=True)
class ActionWords:
    description: str
    owner_role: str
    agency: str  # a national agency's code


@dataclass(frozen=True)
class Theme:
    code: str  # typology 1.0: carried forward for a review coded under a later version
    titles: tuple[str, ...]
    statements: tuple[str, ...]
    evidence_beyond_case: str
    why_it_matters: str
    question: str
    response: str
    actions: tuple[ActionWords, ...]
    impact: str


THEMES: dict[str, Theme] = {
    "notifications": Theme(
        code="sp.crisis.referral-feedback",
        titles=(
            "Domestic abuse notifications do not reach health services",
            "Police notifications stop at the front door",
            "Universal services are not told of domestic abuse incidents",
        ),
        statements=(
            "Police notifications of domestic abuse go to the children's social care front "
            "door and, once screened out, reach neither midwifery, health visiting nor the GP, "
            "who see the mother and baby most often.",
            "Notifications of domestic abuse screened as needing no further action are not "
            "passed to the universal services, so the practitioners best placed to ask a "
            "parent about abuse when alone do not know it has happened.",
            "The route for police notifications ends at the front door: the health services "
            "that see young children are not told of incidents at the home, and the referrer "
            "is not told what was decided.",
        ),
        evidence_beyond_case="An audit of screened-out notifications found few shared with "
        "health services; earlier reviews of the partnership found the same.",
        why_it_matters="Domestic abuse often begins or worsens in pregnancy and early "
        "childhood; unknown to those who could act, the risk stays hidden.",
        question="How will the Board make sure that notifications of domestic abuse reach "
        "the health services working with the family, and how will it know they do?",
        response="The Board accepts the finding. The front door and the health providers "
        "will agree a route for notifications involving a pregnant woman or a child under "
        "five, and the Board will audit it.",
        actions=(
            ActionWords(
                "Agree a protocol for sharing screened-out domestic abuse notifications with "
                "midwifery and health visiting",
                "Head of the front door",
                "childrens-social-care",
            ),
            ActionWords(
                "Audit a sample of notifications every quarter to check they reached health "
                "services",
                "Designated nurse for safeguarding",
                "health-visiting",
            ),
            ActionWords(
                "Tell referrers the outcome of every referral within three working days",
                "Front door team manager",
                "childrens-social-care",
            ),
        ),
        impact="The quarterly audit found most notifications shared within two working days.",
    ),
    "not-brought": Theme(
        code="pt.was-not-brought",
        titles=(
            "Children not brought to appointments are recorded as missed appointments",
            "'Did not attend' hides a child who was not brought",
            "Missed health appointments are not followed up",
        ),
        statements=(
            "When a child is not brought to a health appointment it is recorded as the "
            "family's missed appointment, not as a possible sign of neglect, and no one looks "
            "at the pattern across services.",
            "Health services record a young child's missed appointments as 'did not attend' "
            "and discharge, so repeated missed care for the child is not seen as a concern.",
            "Appointments missed for a child are counted service by service; nobody sees that "
            "the same child has missed care in several places.",
        ),
        evidence_beyond_case="The GP practices' records show most children discharged after "
        "two missed appointments without contact; the national analyses find the same.",
        why_it_matters="A young child depends on adults to be brought to care; missed care is "
        "often an early sign of neglect.",
        question="What will the Board do so that a child not brought to an appointment is "
        "followed up as a possible concern?",
        response="The Board agrees. Health providers will adopt a 'was not brought' policy and "
        "report on its use.",
        actions=(
            ActionWords(
                "Adopt a 'was not brought' policy across GP practices and community health "
                "services",
                "Named GP for safeguarding",
                "gp",
            ),
            ActionWords(
                "Add a prompt to the hospital's booking system when a child under two is not "
                "brought twice",
                "Named nurse for safeguarding",
                "hospital",
            ),
        ),
        impact="An audit of children not brought found each one followed up by a phone call.",
    ),
    "optimism": Theme(
        code="sp.reasoning.over-optimism",
        titles=(
            "Parents' cooperation is taken as evidence of change",
            "Over-optimism about the family's progress",
            "Practitioners are reassured by parents' warmth",
        ),
        statements=(
            "Practitioners take parents' cooperation and warmth as evidence that the child is "
            "safe, and plans are stepped down before the change has lasted.",
            "Early signs of progress are read as change that will last, and the history of "
            "the case is not weighed against them.",
            "A family that engages well is thought to be a family that is changing; the "
            "child's own experience is less often asked about.",
        ),
        evidence_beyond_case="Three of the partnership's earlier reviews found the same; the "
        "national analyses name over-optimism as a recurring theme.",
        why_it_matters="Optimism closes down curiosity: concerns that do not fit the hopeful "
        "picture are explained away.",
        question="How will the Board help practitioners test their view of a family's "
        "progress against its history?",
        response="The Board accepts the finding and will add reflective supervision and "
        "training on optimism bias to its learning offer.",
        actions=(
            ActionWords(
                "Run multi-agency training on over-optimism and professional curiosity",
                "Partnership learning and development lead",
                "childrens-social-care",
            ),
            ActionWords(
                "Require a review of the case history before a plan is stepped down",
                "Head of safeguarding and quality",
                "childrens-social-care",
            ),
        ),
        impact="Practitioners who attended the training describe using the case history "
        "before stepping a plan down.",
    ),
    "closure": Theme(
        code="sp.longer-term.closure",
        titles=(
            "Cases close for non-engagement without a check on the child",
            "Early help closes when the family declines",
        ),
        statements=(
            "Early help and adult services close cases when a family does not engage, without "
            "asking what non-engagement means for the child.",
            "A family that declines support is closed to the service, and the agencies that "
            "referred are not told, so no one weighs the risk of closing.",
        ),
        evidence_beyond_case="Early help's closure records show a third of closures are for "
        "non-engagement, most with no contact with the referrer.",
        why_it_matters="The families least likely to engage are often those whose children "
        "most need someone to keep them in mind.",
        question="How will the Board make sure that closing a case for non-engagement "
        "considers the child, and tells the agencies that referred?",
        response="The Board agrees. Closure for non-engagement will need a manager's decision "
        "and a letter to the referrer.",
        actions=(
            ActionWords(
                "Require a manager's decision, recording the risk to the child, before a case "
                "closes for non-engagement",
                "Head of early help",
                "early-help",
            ),
            ActionWords(
                "Tell the referring agency whenever a case closes for non-engagement",
                "Early help service manager",
                "early-help",
            ),
        ),
        impact="Every closure for non-engagement sampled had a manager's decision recorded.",
    ),
    "supervision": Theme(
        code="sp.management.supervision",
        titles=(
            "Supervision is used to manage caseloads",
            "Too little time in supervision to reflect on a case",
        ),
        statements=(
            "Supervision in health visiting and social care is taken up by checking caseloads "
            "and deadlines, leaving little time to think about a child's situation.",
            "Practitioners rarely have time in supervision to reflect on what they see; "
            "supervision checks that tasks are done.",
        ),
        evidence_beyond_case="The partnership's workforce survey found most practitioners "
        "spent under ten minutes of supervision on reflection.",
        why_it_matters="Without reflection, a worried practitioner's unease goes unspoken and "
        "a case drifts.",
        question="How will the Board know that supervision gives practitioners time to "
        "reflect on the children they work with?",
        response="The Board accepts the finding and asks each agency to report on the "
        "quality of supervision.",
        actions=(
            ActionWords(
                "Introduce a reflective supervision standard across health visiting",
                "Head of health visiting",
                "health-visiting",
            ),
            ActionWords(
                "Audit the quality of supervision in children's social care every six months",
                "Principal social worker",
                "childrens-social-care",
            ),
        ),
        impact="The supervision audit found reflection recorded in most sessions sampled.",
    ),
    "hidden-men": Theme(
        code="sp.family.men-invisible",
        titles=(
            "Fathers and partners are not seen",
            "The men in the household are unknown to agencies",
        ),
        statements=(
            "Agencies work with the mother and rarely see, ask about or assess the father or a "
            "partner who lives with or visits the family.",
            "A partner's part in the household is not known to most agencies: he is not seen "
            "at visits and his history is not checked.",
        ),
        evidence_beyond_case="Most assessments the partnership audited recorded nothing about "
        "the men in the household; the national analyses call them 'hidden men'.",
        why_it_matters="A risk no one has assessed cannot be managed, and the men in a "
        "child's life may also be a source of care.",
        question="How will the Board make sure that practitioners find out who lives with or "
        "cares for a child, and see them?",
        response="The Board agrees and will set a standard that every assessment records the "
        "adults in the household.",
        actions=(
            ActionWords(
                "Add the adults in the household to the health visiting and social care "
                "assessment templates",
                "Head of service, assessment",
                "childrens-social-care",
            ),
            ActionWords(
                "Check police records for every adult named in an assessment",
                "Detective inspector, safeguarding hub",
                "police",
            ),
        ),
        impact="Assessments sampled now name the adults in the household in most cases.",
    ),
    "escalation": Theme(
        code="pt.escalation",
        titles=(
            "Practitioners do not use the escalation policy",
            "Disagreements between agencies are not escalated",
        ),
        statements=(
            "Front-line practitioners who disagree with another agency's decision rarely use "
            "the partnership's escalation policy, which they see as a last resort.",
            "When one agency disagrees with another's threshold decision, the disagreement is "
            "left with the practitioner and not taken up by managers.",
        ),
        evidence_beyond_case="The partnership recorded few escalations a year across all "
        "agencies; practitioners surveyed did not know how to start one.",
        why_it_matters="A disagreement left unresolved leaves the child with the decision "
        "that worried the practitioner.",
        question="How will the Board make escalation something practitioners use early and "
        "without fear?",
        response="The Board accepts the finding and will relaunch the escalation policy, with "
        "a named contact in each agency.",
        actions=(
            ActionWords(
                "Relaunch the escalation policy with a named contact in each agency",
                "Partnership business manager",
                "childrens-social-care",
            ),
            ActionWords(
                "Report the number of escalations and their outcomes to every Board meeting",
                "Partnership business manager",
                "childrens-social-care",
            ),
        ),
        impact="Escalations recorded in the year after the relaunch trebled.",
    ),
    "knowing": Theme(
        code="sp.longer-term.knowing-each-other",
        titles=(
            "Practitioners across agencies do not know each other",
            "No one holds the whole picture",
        ),
        statements=(
            "Practitioners working with the same family do not know who else is involved, so "
            "each holds part of the picture and no one holds the whole of it.",
            "Agencies working with a family rarely meet; each assumes another is leading.",
        ),
        evidence_beyond_case="Practitioners in the case group and in two earlier reviews said "
        "they did not know whom to call in other agencies.",
        why_it_matters="Concerns that are small in each agency can be serious together.",
        question="How will the Board help practitioners working with the same family know "
        "each other and talk?",
        response="The Board agrees and will set up locality meetings of the agencies working "
        "with young children.",
        actions=(
            ActionWords(
                "Set up monthly locality meetings of health visiting, early years and early help",
                "Locality manager",
                "early-help",
            ),
            ActionWords(
                "Publish a directory of safeguarding contacts in each agency",
                "Partnership business manager",
                "childrens-social-care",
            ),
        ),
        impact="Practitioners at the locality meetings say they now know whom to call.",
    ),
}


@dataclass(frozen=True)
class PartnershipReview:
    """One review of the demo partnership: its own fields, and the themes its findings take."""

    reference: str
    pseudonym: str
    status: ReviewStatus
    review_type: ReviewType
    size: LearningTogetherSize
    started: date
    published: date | None
    themes: tuple[str, ...]


_LCSPR = ReviewType.local_child_safeguarding_practice_review
_P = ReviewStatus.published

REVIEWS: tuple[PartnershipReview, ...] = (
    PartnershipReview(
        "EAS-2019-02", "Child A", _P, _LCSPR, LearningTogetherSize.full,
        date(2019, 9, 2), date(2020, 6, 15), ("notifications", "not-brought", "supervision"),
    ),
    PartnershipReview(
        "EAS-2019-05", "Child B", _P, _LCSPR, LearningTogetherSize.mid_range,
        date(2019, 12, 9), date(2020, 11, 23), ("optimism", "closure", "escalation"),
    ),
    PartnershipReview(
        "EAS-2020-03", "Child C", _P, ReviewType.themed_review, LearningTogetherSize.themed,
        date(2020, 10, 5), date(2021, 9, 20), ("not-brought", "hidden-men", "knowing"),
    ),
    PartnershipReview(
        "EAS-2021-01", "Child D", _P, _LCSPR, LearningTogetherSize.intensive,
        date(2021, 5, 10), date(2022, 4, 4), ("notifications", "optimism", "supervision"),
    ),
    PartnershipReview(
        "EAS-2021-06", "Child E", _P, _LCSPR, LearningTogetherSize.speed_plus,
        date(2021, 11, 1), date(2022, 10, 17), ("closure", "hidden-men", "escalation"),
    ),
    PartnershipReview(
        "EAS-2022-02", "Child F", _P, _LCSPR, LearningTogetherSize.full,
        date(2022, 6, 6), date(2023, 5, 22), ("notifications", "not-brought", "optimism"),
    ),
    PartnershipReview(
        "EAS-2024-01", "Child H", _P, _LCSPR, LearningTogetherSize.mid_range,
        date(2024, 2, 12), date(2024, 11, 25), ("notifications", "hidden-men", "optimism"),
    ),
    PartnershipReview(
        "EAS-2024-05", "Child J", _P, _LCSPR, LearningTogetherSize.focused,
        date(2024, 8, 19), date(2025, 6, 9), ("not-brought", "closure", "supervision"),
    ),
    PartnershipReview(
        "EAS-2025-02", "Child K", _P, _LCSPR, LearningTogetherSize.full,
        date(2025, 3, 3), date(2026, 1, 26), ("notifications", "optimism", "knowing"),
    ),
    PartnershipReview(
        "EAS-2025-06", "Child L", ReviewStatus.draft, _LCSPR, LearningTogetherSize.intensive,
        date(2025, 9, 8), None, ("not-brought", "hidden-men"),
    ),
    PartnershipReview(
        "EAS-2026-01", "Child N", ReviewStatus.findings, ReviewType.rapid_review,
        LearningTogetherSize.speed_plus, date(2026, 3, 16), None, ("notifications", "closure"),
    ),
    PartnershipReview(
        "EAS-2026-03", "Child P", ReviewStatus.gathering, _LCSPR, LearningTogetherSize.mid_range,
        date(2026, 7, 6), None, (),
    ),
)  # fmt: skip
