"""The corpus's tables: invented places, the texts of records, the codes it tags with, the
chains that recur, and the national frequencies it draws from."""

from __future__ import annotations

from scr.vocabulary import (
    AgeBand,
    AppraisalRating,
    FactorLevel,
    LearningTogetherSize,
    Region,
    ReviewStatus,
    ReviewType,
)

# Invented places only: none is the name of a local authority.
PLACES: dict[Region, tuple[str, tuple[str, ...]]] = {
    Region.north_east: ("NE", ("Northby", "Cragmouth", "Heatherlaw", "Wexburn")),
    Region.north_west: ("NW", ("Fellhaven", "Marlstone", "Brackenmoor", "Irwick", "Saltmere")),
    Region.yorkshire_and_the_humber: ("YH", ("Dalesby", "Kestondale", "Rigghaven", "Thwaitby")),
    Region.east_midlands: ("EM", ("Fosswick", "Lindenby", "Wolderton")),
    Region.west_midlands: ("WM", ("Ardenwick", "Marchley", "Brindlecombe", "Hollowmere")),
    Region.east_of_england: ("EE", ("Easthaven", "Fenmarch", "Brecklow", "Marshby", "Sedgemere")),
    Region.london: ("LDN", ("Eldergate", "Ferrybank", "Kingsbarrow", "Larkwharf", "Millreach")),
    Region.south_east: ("SE", ("Chalkhaven", "Downsby", "Wealdmere", "Beaconsfold", "Cliffhurst")),
    Region.south_west: ("SW", ("Moorcombe", "Westhaven", "Quarrymouth", "Cobbleford")),
}

# (agency code, practitioner role, youngest and oldest age band index, title, what happened)
EPISODES: tuple[tuple[str, str, int, int, str, str], ...] = (
    ("midwifery", "midwife", 0, 0, "Booking appointment: routine enquiry not made",
     "The history was taken with the partner present throughout; the enquiry about domestic "
     "abuse was recorded as not asked and no plan was made to ask later."),
    ("midwifery", "midwife", 0, 0, "Antenatal appointments missed",
     "Three appointments were missed; letters were sent and no other agency was told."),
    ("health-visiting", "health visitor", 0, 1, "New birth visit",
     "The baby was weighed and safe sleep discussed; the partner was not seen."),
    ("health-visiting", "health visitor", 0, 1, "Developmental review not followed up",
     "The review was cancelled twice by the family and the child moved to the universal list."),
    ("gp", "GP", 0, 4, "Child not brought to an appointment",
     "The appointment was coded 'did not attend' and nobody followed it up."),
    ("gp", "GP", 0, 4, "Parent's low mood discussed at a consultation",
     "Medication was prescribed; the children in the household were not discussed."),
    ("hospital", "paediatrician", 0, 2, "Injury without a clear explanation",
     "The parents' account of a fall was accepted and the child discharged home."),
    ("emergency-department", "emergency department nurse", 0, 4, "Attendance after a fall",
     "The child was treated and discharged; the safeguarding prompt was marked 'no concerns'."),
    ("childrens-social-care", "social worker", 0, 4, "Referral screened out at the front door",
     "The referral was screened as needing no further action; the referrer was not told."),
    ("childrens-social-care", "social worker", 0, 4, "Child and family assessment",
     "The assessment was completed on time, based mainly on the parents' account."),
    ("childrens-social-care", "social worker", 0, 4, "Case stepped down to early help",
     "The case was closed with a plan that early help would contact the family."),
    ("childrens-social-care", "team manager", 0, 4, "Strategy discussion without health",
     "Social care and police met; health and education were told afterwards, if at all."),
    ("childrens-social-care", "social worker", 0, 4, "Initial child protection conference",
     "A plan was agreed; the core group met twice in the following three months."),
    ("police", "police officer", 0, 4, "Call-out to an argument at the home",
     "Officers spoke to both adults, recorded a verbal argument and notified social care."),
    ("police", "police officer", 2, 4, "Child reported missing overnight",
     "The child came back next morning; a return interview was offered and not taken up."),
    ("early-help", "family support worker", 0, 4, "Early help offer not taken up",
     "The family declined support and the case was closed after two attempts at contact."),
    ("adult-mental-health", "care coordinator", 0, 4, "Parent discharged by the mental health team",
     "The parent was discharged after missed appointments; the children were not mentioned."),
    ("substance-misuse", "recovery worker", 0, 4, "Parent's treatment ends after missed sessions",
     "The case was closed; the safe storage of medication at home was never checked."),
    ("housing", "housing officer", 0, 4, "Family moves to temporary accommodation",
     "The family moved across the boundary; agencies in the new area were not told."),
    ("school", "designated safeguarding lead", 2, 4, "Concerns about attendance and appearance",
     "Low attendance and the child's hunger at school were recorded and raised with a parent."),
    ("school", "designated safeguarding lead", 2, 4, "Disclosure to a teacher",
     "The child told a teacher about an incident at home; a referral was made the same day."),
    ("early-years", "nursery key worker", 1, 1, "Nursery notes bruising and weight loss",
     "The marks were recorded on a body map and discussed with the nursery manager."),
    ("camhs", "CAMHS clinician", 3, 4, "Referral not accepted",
     "The referral did not meet the threshold and was returned to the GP with advice."),
    ("youth-justice", "youth justice worker", 3, 4, "Young person arrested with drugs",
     "The young person was released under investigation; signs of exploitation were noted."),
    ("domestic-abuse-service", "domestic abuse adviser", 0, 4, "Case heard at the risk conference",
     "Actions went to agencies that did not know there were children in the household."),
    ("probation", "probation officer", 0, 4, "Risk assessment of a new partner",
     "The partner's risk to adults was assessed; the children in the household were not."),
)  # fmt: skip

VIEWS = (
    "{Role} had a full caseload and saw this as one of several families needing attention.",
    "What {role} saw fitted the family's account; nothing known then pointed the other way.",
    "{Role} understood that another agency was leading and expected to hear of any change.",
    "{Role} was attending to the parent's needs, which were pressing and visible.",
    "{Role} had seen the family make progress before and expected it to continue.",
    "{Role} followed the procedure as written and saw no reason to go further.",
)
APPRAISALS: dict[AppraisalRating, tuple[str, ...]] = {
    AppraisalRating.good_practice: (
        "On what was known at the time the practice went beyond what was expected: {role} "
        "looked past the immediate request and shared what they knew.",
    ),
    AppraisalRating.as_expected: (
        "The practice met the expected standard for what was known at the time.",
        "{Role} did what the procedure asked; nothing more could reasonably be expected.",
    ),
    AppraisalRating.below_expected: (
        "On what was knowable at the time the practice fell short: the history held by other "
        "agencies was not sought before the decision was made.",
        "The plan relied on the parents' account without checking it against what other "
        "agencies knew; the shortfall lies in the routine more than in {role}.",
        "The expected follow-up did not happen and nobody noticed that it had not.",
    ),
    AppraisalRating.not_assessable: (
        "The records do not show enough of what was known or decided to judge the practice.",
    ),
}
RATINGS = {
    AppraisalRating.below_expected: 45,
    AppraisalRating.as_expected: 30,
    AppraisalRating.good_practice: 15,
    AppraisalRating.not_assessable: 10,
}

# Per level: weight, how far up the system it sits (higher influences lower), the codes its
# factors are most often tagged with (most common first), and a description for an untagged one.
LEVELS: dict[FactorLevel, tuple[int, int, tuple[str, ...], str]] = {
    FactorLevel.family: (18, 0, (
        "sp.family.disguised-compliance", "sp.family.men-invisible", "sp.family.hostility",
        "sp.family.child-unseen", "pt.think-family", "pt.was-not-brought",
    ), "The family's circumstances made it hard for services to stay in touch."),
    FactorLevel.worker_role: (12, 1, (
        "sp.reasoning.over-optimism", "pt.professional-curiosity", "pt.risk-assessment",
        "sp.reasoning.fixed-view", "pt.voice-of-the-child", "sp.reasoning.incident-focus",
        "pt.recording",
    ), "Practitioners understood their task as narrower than the child's needs."),
    FactorLevel.personal: (6, 1, (
        "sp.reasoning.normalisation", "sp.reasoning.over-optimism", "pt.professional-curiosity",
    ), "A practitioner's own experience shaped how the family was seen."),
    FactorLevel.own_team: (10, 2, (
        "sp.management.supervision", "pt.supervision", "sp.reasoning.fixed-view", "pt.recording",
    ), "The team rarely discussed individual children together."),
    FactorLevel.inter_agency_team: (16, 2, (
        "pt.information-sharing", "sp.longer-term.what-to-share",
        "sp.longer-term.knowing-each-other", "sp.crisis.referral-feedback", "pt.escalation",
        "sp.crisis.strategy", "sp.longer-term.whole-case", "sp.longer-term.adult-services",
    ), "Agencies each held part of the picture and nobody held all of it."),
    FactorLevel.working_conditions: (14, 3, (
        "sp.management.caseload", "sp.management.workforce",
        "sp.management.competing-priorities", "sp.tools.templates",
    ), "Practitioners had too little time for the work they were asked to do."),
    FactorLevel.organisational: (14, 4, (
        "sp.tools.it-silos", "sp.crisis.screening", "sp.tools.need-over-risk", "pt.thresholds",
        "sp.longer-term.closure", "sp.management.targets", "sp.crisis.out-of-hours",
        "pt.written-agreements",
    ), "The organisation's procedures did not fit the work as it is done."),
    FactorLevel.wider_context: (6, 5, (
        "sp.management.workforce", "sp.management.caseload",
    ), "National funding decisions reduced the services available to families."),
    FactorLevel.other: (4, 0, ("pt.recording",), "Circumstances outside the usual levels."),
}  # fmt: skip
# Every factor code, most common first: a factor's second code is drawn from this long tail.
LONG_TAIL = (
    "pt.information-sharing", "sp.management.caseload", "pt.risk-assessment",
    "sp.reasoning.over-optimism", "pt.professional-curiosity", "sp.longer-term.what-to-share",
    "sp.management.supervision", "pt.voice-of-the-child", "sp.family.disguised-compliance",
    "sp.crisis.referral-feedback", "pt.think-family", "sp.tools.it-silos", "pt.escalation",
    "sp.longer-term.knowing-each-other", "sp.family.men-invisible", "pt.was-not-brought",
    "sp.management.workforce", "sp.crisis.screening", "sp.reasoning.fixed-view",
    "pt.thresholds", "sp.longer-term.whole-case", "pt.recording", "sp.family.child-unseen",
    "sp.management.competing-priorities", "sp.crisis.strategy", "pt.supervision",
    "sp.longer-term.adult-services", "sp.tools.need-over-risk", "sp.family.hostility",
    "sp.reasoning.incident-focus", "sp.reasoning.normalisation", "sp.longer-term.closure",
    "pt.written-agreements", "sp.tools.templates", "sp.management.targets",
    "sp.crisis.out-of-hours",
)  # fmt: skip
SP_TAIL = tuple(c for c in LONG_TAIL if c.startswith("sp."))
EPISODE_CODES = (
    "pt.information-sharing", "pt.risk-assessment", "pt.professional-curiosity",
    "pt.voice-of-the-child", "pt.was-not-brought", "pt.think-family", "pt.escalation",
    "pt.thresholds", "pt.recording", "pt.over-optimism", "pt.supervision",
    "pt.written-agreements",
)  # fmt: skip
# Recurring chains: factor (level, code) influenced factor (level, code), which contributed to
# an episode tagged with the third code; each planted in a review with the given chance.
CHAINS = (
    (FactorLevel.working_conditions, "sp.management.caseload", FactorLevel.own_team,
     "sp.management.supervision", "pt.risk-assessment", 0.35),
    (FactorLevel.organisational, "sp.tools.it-silos", FactorLevel.inter_agency_team,
     "sp.longer-term.what-to-share", "pt.information-sharing", 0.3),
    (FactorLevel.worker_role, "sp.reasoning.over-optimism", FactorLevel.worker_role,
     "pt.professional-curiosity", "pt.over-optimism", 0.25),
    (FactorLevel.family, "sp.family.disguised-compliance", FactorLevel.worker_role,
     "sp.reasoning.over-optimism", "pt.written-agreements", 0.2),
    (FactorLevel.organisational, "sp.crisis.screening", FactorLevel.inter_agency_team,
     "pt.thresholds", "pt.escalation", 0.15),
    (FactorLevel.wider_context, "sp.management.workforce", FactorLevel.working_conditions,
     "sp.management.caseload", "pt.was-not-brought", 0.12),
)  # fmt: skip
CP_PLANS = {  # Brandon et al. (2013): 175 serious case reviews of 2005-11
    "cc.cp-plan.neglect-only": (73, "cc.harm.neglect"),
    "cc.cp-plan.physical-only": (32, "cc.harm.physical"),
    "cc.cp-plan.sexual-only": (12, "cc.harm.sexual"),
    "cc.cp-plan.emotional-only": (19, "cc.harm.emotional"),
    "cc.cp-plan.multiple-with-neglect": (28, "cc.harm.multiple"),
    "cc.cp-plan.multiple-without-neglect": (11, "cc.harm.multiple"),
}
HARMS = ("cc.harm.neglect", "cc.harm.physical", "cc.harm.multiple", "cc.harm.emotional")
FATAL = {
    "cc.fatal-class.related-not-caused": 40,
    "cc.fatal-class.severe-physical-assault": 25,
    "cc.fatal-class.overt-homicide": 12,
    "cc.fatal-class.extreme-neglect": 12,
    "cc.fatal-class.covert-homicide": 11,
}
FAMILY = (
    "cc.family.domestic-abuse",
    "cc.family.parental-substance-misuse",
    "cc.family.parental-mental-health",
    "cc.family.poverty",
    "cc.family.parental-learning-disability",
    "cc.family.care-leaver-parent",
)
CHILD = (
    "cc.child.sudi",
    "cc.child.non-mobile-injury",
    "cc.child.criminal-exploitation",
    "cc.child.sexual-exploitation",
    "cc.child.young-suicide",
    "cc.child.disability",
)
YEARS = {year: 3 if year == 2026 else 6 if year < 2019 else 7 for year in range(2012, 2027)}
TYPES = {  # before 2019, and from 2019
    False: {
        ReviewType.serious_case_review: 92,
        ReviewType.themed_review: 4,
        ReviewType.other: 4,
    },
    True: {
        ReviewType.local_child_safeguarding_practice_review: 75,
        ReviewType.rapid_review: 20,
        ReviewType.themed_review: 3,
        ReviewType.other: 2,
    },
}
STATUSES = {  # by the year of notification; 0 for every earlier year
    0: {ReviewStatus.published: 93, ReviewStatus.archived: 4, ReviewStatus.draft: 3},
    2024: {
        ReviewStatus.published: 75,
        ReviewStatus.draft: 10,
        ReviewStatus.findings: 10,
        ReviewStatus.analysis: 5,
    },
    2025: {
        ReviewStatus.published: 35,
        ReviewStatus.draft: 20,
        ReviewStatus.findings: 25,
        ReviewStatus.analysis: 20,
    },
    2026: {ReviewStatus.analysis: 50, ReviewStatus.findings: 30, ReviewStatus.draft: 20},
}
AGES = {
    AgeBand.under_1: 40,
    AgeBand.age_1_to_4: 22,
    AgeBand.age_5_to_9: 10,
    AgeBand.age_10_to_15: 18,
    AgeBand.age_16_to_17: 10,
}
AGE_WORDS = {
    AgeBand.under_1: "a baby under one",
    AgeBand.age_1_to_4: "a child aged one to four",
    AgeBand.age_5_to_9: "a child aged five to nine",
    AgeBand.age_10_to_15: "a young person aged ten to fifteen",
    AgeBand.age_16_to_17: "a young person aged sixteen or seventeen",
}
SIZES = {
    LearningTogetherSize.full: 40,
    LearningTogetherSize.mid_range: 20,
    LearningTogetherSize.focused: 15,
    LearningTogetherSize.speed_plus: 15,
    LearningTogetherSize.intensive: 10,
}
QUESTIONS = (
    "How does the Board know how often {topic} affects work with children in its area?",
    "What would it take for partners to change how {topic} is handled, and who should lead?",
    "Is the Board assured that its partners' systems support practitioners with {topic}?",
    "What does the Board want to be different about {topic} in a year, and how will it know?",
)
BEYOND = (
    "A partnership audit of similar cases found the same pattern in most of those sampled.",
    "Two earlier reviews in the partnership describe the same pattern.",
    "The national analyses of reviews describe it as a recurring theme.",
    "The case group said this is how the system usually works, not an exception.",
)
MATTERS = (
    "It leaves risk to children unseen until harm has happened.",
    "Decisions rest on part of the picture, and nobody knows which part is missing.",
    "Good practice comes to depend on individual effort rather than on the system.",
)
