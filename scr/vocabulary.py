"""The review method's closed vocabularies, in the words of ``shared/domain.md``.

Stored as their string values, so adding a value later needs no schema migration.
"""

from __future__ import annotations

from enum import StrEnum


class Region(StrEnum):
    """The nine regions of England."""

    north_east = "north_east"
    north_west = "north_west"
    yorkshire_and_the_humber = "yorkshire_and_the_humber"
    east_midlands = "east_midlands"
    west_midlands = "west_midlands"
    east_of_england = "east_of_england"
    london = "london"
    south_east = "south_east"
    south_west = "south_west"


class ReviewType(StrEnum):
    """Both generations of review: SCRs (to 2018) and the practice reviews that replaced them."""

    serious_case_review = "serious_case_review"
    rapid_review = "rapid_review"
    local_child_safeguarding_practice_review = "local_child_safeguarding_practice_review"
    themed_review = "themed_review"
    other = "other"


class LearningTogetherSize(StrEnum):
    """How large a Learning Together review is."""

    full = "full"
    intensive = "intensive"
    speed_plus = "speed_plus"
    mid_range = "mid_range"
    focused = "focused"
    themed = "themed"


class ReviewStatus(StrEnum):
    """Where the review stands, from scoping through draft to published (or archived)."""

    scoping = "scoping"
    gathering = "gathering"
    analysis = "analysis"
    findings = "findings"
    draft = "draft"
    published = "published"
    archived = "archived"


class WithdrawalReason(StrEnum):
    """Why a review that left in the national exchange must no longer be counted there."""

    reopened = "reopened"  # its lead reviewer reopened it for change
    deleted = "deleted"  # deleted at its source
    withheld = "withheld"  # an identifier scan hit is open: it may not leave as it stands


class Outcome(StrEnum):
    """What happened to the child."""

    death = "death"
    serious_harm = "serious_harm"


class AgeBand(StrEnum):
    """The child's age when the incident happened, banded so a child cannot be singled out."""

    under_1 = "under_1"
    age_1_to_4 = "age_1_to_4"
    age_5_to_9 = "age_5_to_9"
    age_10_to_15 = "age_10_to_15"
    age_16_to_17 = "age_16_to_17"


class ParticipantRole(StrEnum):
    """The parts people play in a review; never their names."""

    lead_reviewer = "lead_reviewer"
    review_team = "review_team"
    case_group = "case_group"
    family = "family"


class DatePrecision(StrEnum):
    """How much of a chronology date is known: records often say only 'March 2019'."""

    day = "day"
    month = "month"
    year = "year"


class AppraisalRating(StrEnum):
    """The appraisal of a key practice episode, judged on what was knowable at the time."""

    good_practice = "good_practice"
    as_expected = "as_expected"
    below_expected = "below_expected"
    not_assessable = "not_assessable"


class FactorLevel(StrEnum):
    """Learning Together's levels of contributory factor."""

    family = "family"
    worker_role = "worker_role"
    working_conditions = "working_conditions"
    personal = "personal"
    own_team = "own_team"
    inter_agency_team = "inter_agency_team"
    organisational = "organisational"
    wider_context = "wider_context"
    other = "other"


class NodeKind(StrEnum):
    """The records that are nodes of the review's causal graph."""

    episode = "episode"
    factor = "factor"
    finding = "finding"


class SearchKind(StrEnum):
    """The records search finds: the analysis, the Board's questions and actions, and (for
    the review's own reviewers) the chronology."""

    episode = "episode"
    factor = "factor"
    finding = "finding"
    question = "question"
    action = "action"
    chronology = "chronology"


class TagTarget(StrEnum):
    """The records a typology code may tag."""

    review = "review"
    episode = "episode"
    factor = "factor"
    finding = "finding"


class LinkKind(StrEnum):
    """Typed edges of the causal graph (design.md, 'The review graph')."""

    contributed_to = "contributed_to"
    influenced = "influenced"
    led_to = "led_to"
    evidenced_by = "evidenced_by"


ALLOWED_ENDPOINTS: dict[LinkKind, tuple[NodeKind, frozenset[NodeKind]]] = {
    LinkKind.contributed_to: (NodeKind.factor, frozenset({NodeKind.episode})),
    LinkKind.influenced: (NodeKind.factor, frozenset({NodeKind.factor})),
    LinkKind.led_to: (NodeKind.episode, frozenset({NodeKind.episode})),
    LinkKind.evidenced_by: (NodeKind.finding, frozenset({NodeKind.episode, NodeKind.factor})),
}
"""For each kind of link: the kind of record it starts from and the kinds it may point to."""


class PatternKind(StrEnum):
    """A systemic finding describes a pattern that makes practice safer or less safe."""

    unsafe = "unsafe"
    constructive = "constructive"


class ActionStatus(StrEnum):
    """Progress of an action the Board agreed in response to a question."""

    planned = "planned"
    in_progress = "in_progress"
    completed = "completed"
    dropped = "dropped"


class AuditAction(StrEnum):
    """What an audit entry records."""

    read = "read"
    create = "create"
    update = "update"
    delete = "delete"
    export = "export"
    import_ = "import"
    refused = "refused"  # a case route answered 401, 403 or 404 (rate-limited per caller)


class Role(StrEnum):
    """What an account may do (design.md, 'Access')."""

    admin = "admin"
    reviewer = "reviewer"
    board = "board"
    national = "national"


class IdentifierKind(StrEnum):
    """What a review's known identifier is: the words that must never leave the review."""

    name = "name"
    nickname = "nickname"
    place = "place"
    school = "school"
    date = "date"
    other = "other"


MONTH_NAMES: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
"""Each month's number by the names people write it under, in lower case ("sept" too)."""


class QualityMarker(StrEnum):
    """SCIE's 18 quality markers of a good case review, in their three groups (the groups and
    labels: scr/review/quality.py)."""

    referral = "referral"
    decision = "decision"
    advising_the_board = "advising_the_board"
    informing_the_family = "informing_the_family"
    clarity_of_purpose = "clarity_of_purpose"
    commissioning = "commissioning"
    governance = "governance"
    management = "management"
    parallel_processes = "parallel_processes"
    assembling_information = "assembling_information"
    practitioner_involvement = "practitioner_involvement"
    family_involvement = "family_involvement"
    analysis = "analysis"
    report = "report"
    improvement_action = "improvement_action"
    board_response = "board_response"
    publication = "publication"
    implementation_and_evaluation = "implementation_and_evaluation"


class MarkerStatus(StrEnum):
    """Where a review stands against one quality marker."""

    not_assessed = "not_assessed"
    met = "met"
    partly_met = "partly_met"
    not_met = "not_met"
    not_applicable = "not_applicable"


class ReportFormat(StrEnum):
    """The files a review's report (and the Board's response) is made as."""

    html = "html"
    pdf = "pdf"
    docx = "docx"
