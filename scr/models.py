"""Every table, imported in one place so the metadata is complete (for Alembic and mappers)."""

from __future__ import annotations

from scr.account.models import ApiToken, Commission, ReviewAssignment, SignInAttempt, User
from scr.agency.models import Agency
from scr.audit.models import AuditEntry, AuditHead
from scr.board.models import Board
from scr.chronology.models import ChronologyColumns, ChronologyEntry
from scr.episode.models import EpisodeCitation, KeyPracticeEpisode
from scr.exchange.models import (
    ExchangeLine,
    ExchangePull,
    FoundBeforeReference,
    ImportedReview,
    InstanceIdentity,
    KnownIdentifier,
    ScanAcceptance,
)
from scr.factor.models import ContributoryFactor
from scr.finding.models import ActionNote, BoardAction, BoardQuestion, Finding
from scr.health.models import WriteProbe
from scr.link.models import CausalLink
from scr.participant.models import Participant
from scr.patterns.models import CodeRollup, CodeRollupSource
from scr.recurrence.models import FoundBefore
from scr.report.models import PublishedReport
from scr.review.models import Review, ReviewReopening
from scr.search.models import SearchDocument
from scr.tag.models import Adjudication, Tag

__all__ = [
    "ActionNote",
    "Adjudication",
    "Agency",
    "ApiToken",
    "AuditEntry",
    "AuditHead",
    "Board",
    "BoardAction",
    "BoardQuestion",
    "CausalLink",
    "ChronologyColumns",
    "ChronologyEntry",
    "CodeRollup",
    "CodeRollupSource",
    "Commission",
    "ContributoryFactor",
    "EpisodeCitation",
    "ExchangeLine",
    "ExchangePull",
    "Finding",
    "FoundBefore",
    "FoundBeforeReference",
    "ImportedReview",
    "InstanceIdentity",
    "KeyPracticeEpisode",
    "KnownIdentifier",
    "Participant",
    "PublishedReport",
    "Review",
    "ReviewAssignment",
    "ReviewReopening",
    "ScanAcceptance",
    "SearchDocument",
    "SignInAttempt",
    "Tag",
    "User",
    "WriteProbe",
]
