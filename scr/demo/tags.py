"""The demo review's agreed tags, as its lead reviewer would have recorded them after coding,
so that a board member of the demo partnership finds its patterns counted."""

from __future__ import annotations

from sqlmodel import Session, select

from scr.demo.accounts import DEMO_ACCOUNTS
from scr.episode.models import KeyPracticeEpisode
from scr.factor.models import ContributoryFactor
from scr.finding.models import Finding
from scr.review.models import Review
from scr.tag import service as tag_service
from scr.tag.models import Tag
from scr.tag.schemas import TagCreate

DEMO_CODER = next(account.email for account in DEMO_ACCOUNTS if account.lead)

# The demo review was coded under typology 1.0 and stays there until a reviewer moves its tags
# (the tagging screen's move to the current version shows 1.0's mappings at work).
DEMO_VERSION = "1.0"

CASE_CONTEXT = ("cc.family.domestic-abuse", "cc.family.parental-mental-health")

# Each factor by the start of its description, with the systemic pattern it shows.
FACTORS = {
    "Cuts to the public health grant": "fl.wider-context",
    "There was no agreed route for police domestic abuse": "sp.crisis.referral-feedback",
    "The front-door screening form": "sp.tools.need-over-risk",
    "Practitioners across agencies did not know each other": "sp.longer-term.knowing-each-other",
    "Caseloads in midwifery and health visiting": "sp.management.caseload",
    "Contacts were kept short": "sp.management.competing-priorities",
    "Concerns not resolved at one contact": "pt.was-not-brought",
    "Practitioners were reassured by Mother's warmth": "sp.reasoning.over-optimism",
    "Mother's partner stayed at the flat": "sp.family.men-invisible",
    "Health visiting supervision was used to manage caseloads": "sp.management.supervision",
    "Early help closed cases for non-engagement": "sp.longer-term.closure",
    "The GP practice's system recorded missed immunisations": "sp.tools.it-silos",
    "Adult mental health referral, assessment and discharge": "sp.tools.templates",
    "Front-line practitioners saw the partnership's escalation": "pt.escalation",
}

# Each finding by its number, with the category it belongs to.
FINDINGS = {
    1: "sp.crisis.referral-feedback",
    2: "pt.was-not-brought",
    3: "sp.reasoning.over-optimism",
    4: "pt.good-practice",
}


def tag_demo(*, session: Session, review: Review) -> int:
    """Record the demo review's agreed tags, unless it has tags already; how many were added."""
    if session.exec(select(Tag.id).where(Tag.review_id == review.id)).first() is not None:
        return 0
    wanted = [(f"review:{review.id}", code) for code in CASE_CONTEXT]
    factors = session.exec(
        select(ContributoryFactor).where(ContributoryFactor.review_id == review.id)
    )
    for factor in factors:
        for start, code in FACTORS.items():
            if factor.description.startswith(start):
                wanted.append((f"factor:{factor.id}", code))
    findings = session.exec(select(Finding).where(Finding.review_id == review.id))
    wanted += [(f"finding:{f.id}", FINDINGS[f.ordinal]) for f in findings if f.ordinal in FINDINGS]
    episodes = session.exec(
        select(KeyPracticeEpisode).where(KeyPracticeEpisode.review_id == review.id)
    )
    wanted += [(f"episode:{e.id}", "pt.information-sharing") for e in episodes if e.ordinal == 2]
    for target, code in wanted:
        tag_service.create(
            session=session,
            review=review,
            data=TagCreate(target=target, code=code, typology_version=DEMO_VERSION, agreed=True),
            coder=DEMO_CODER,
        )
    return len(wanted)
