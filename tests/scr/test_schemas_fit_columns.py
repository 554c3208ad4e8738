"""Every string a Create or Update schema accepts fits the column it is written to.

SQLite stores a string of any length in a VARCHAR(n), PostgreSQL refuses it with an error:
a schema that allows more than its column is a server error on PostgreSQL only. So the
schemas are compared with the tables here, once, rather than found out by fuzzing.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import pytest
import sqlalchemy as sa
from pydantic import TypeAdapter
from sqlmodel import SQLModel

import scr
from scr.account.models import ApiToken, ReviewAssignment, TokenName, User
from scr.account.schemas import Email
from scr.agency.models import Agency
from scr.board.models import Board
from scr.chronology.models import ChronologyEntry
from scr.common.schemas import UpdateBase, WriteBase
from scr.episode.models import KeyPracticeEpisode
from scr.exchange.models import (
    FoundBeforeReference,
    ImportedReview,
    KnownIdentifier,
    ScanAcceptance,
)
from scr.factor.models import ContributoryFactor
from scr.finding.models import ActionNote, BoardAction, BoardQuestion, Finding
from scr.link.models import CausalLink
from scr.participant.models import Participant
from scr.recurrence.models import FoundBefore
from scr.review.models import Review, ReviewReopening
from scr.tag.models import Adjudication, Tag

for _module in pkgutil.walk_packages(scr.__path__, "scr."):
    if _module.name.endswith(".schemas"):
        importlib.import_module(_module.name)

TABLE_OF: dict[str, type[SQLModel] | None] = {
    "AcceptanceCreate": ScanAcceptance,
    "ActionCreate": BoardAction,
    "ActionNoteCreate": ActionNote,
    "ActionUpdate": BoardAction,
    "AdjudicationCreate": Adjudication,
    "AgencyCreate": Agency,
    "AgencyEntry": Agency,
    "BoardActionIn": BoardAction,
    "BoardCreate": Board,
    "BoardEntry": Board,
    "BoardQuestionIn": BoardQuestion,
    "BoardUpdate": Board,
    "ChronologyEntryCreate": ChronologyEntry,
    "ChronologyEntryFile": ChronologyEntry,
    "ChronologyEntryUpdate": ChronologyEntry,
    "EpisodeCreate": KeyPracticeEpisode,
    "EpisodeEntry": KeyPracticeEpisode,
    "EpisodeFile": KeyPracticeEpisode,
    "ExchangeReview": None,  # its records, each a schema of its own
    "EpisodeUpdate": KeyPracticeEpisode,
    "FamilyMember": None,  # an entry of Review.family_composition (JSON)
    "FactorCreate": ContributoryFactor,
    "FactorEntry": ContributoryFactor,
    "FactorFile": ContributoryFactor,
    "FactorUpdate": ContributoryFactor,
    "FindingCreate": Finding,
    "FindingEntry": Finding,
    "FindingFile": Finding,
    "FindingUpdate": Finding,
    "FoundBeforeCreate": FoundBefore,
    "IdentifierCreate": KnownIdentifier,
    "LinkCreate": CausalLink,
    "LinkUpdate": CausalLink,
    "MachineTokenCreate": ApiToken,
    "CommissionCreate": None,  # an account, by e-mail: kept as Commission.user_id
    "Manifest": None,  # checked, never stored
    "Withdrawal": None,  # its source, as Source's, kept in exchange_withdrawal
    "ParticipantCreate": Participant,
    "ParticipantUpdate": Participant,
    "QualityMarkerIn": None,  # an entry of Review.quality_markers (JSON)
    "ReviewCreate": Review,
    "ReviewEntry": Review,
    "ReviewFile": None,  # its records, each a schema of its own
    "ReviewIn": Review,
    "ReviewFileFields": Review,
    "ReviewUpdate": Review,
    "ReviewReopen": ReviewReopening,
    "ResponseUpdate": BoardQuestion,
    "Source": ImportedReview,
    "FoundBeforeEntry": FoundBeforeReference,
    "TagCreate": Tag,
    "TagEntry": Tag,
    "TagChoice": Tag,
    "TagMigrationApply": None,  # only choices, each a TagChoice
    "TeamMemberAdd": ReviewAssignment,
}
"""The table each write schema's fields go to (None: it stores nothing of its own)."""

COLUMN_OF = {
    ("AcceptanceCreate", "kind"): "hit_kind",
    ("Source", "instance"): "source_instance",
    ("Source", "board"): "source_board",
    ("FoundBeforeEntry", "instance"): "source_instance",
    ("FoundBeforeEntry", "board"): "source_board",
}
"""Fields stored under another name."""


def _write_schemas() -> list[type[WriteBase]]:
    found: list[type[WriteBase]] = []
    pending = list(WriteBase.__subclasses__())
    while pending:
        cls = pending.pop()
        if cls is not UpdateBase:  # (the base of Update schemas, no schema itself)
            found.append(cls)
        pending.extend(cls.__subclasses__())
    return sorted(found, key=lambda c: c.__name__)


def _max_lengths(prop: dict[str, Any]) -> list[int | None]:
    """The longest string each string form of a JSON-schema property allows (None: no limit)."""
    if "anyOf" in prop:
        return [n for option in prop["anyOf"] for n in _max_lengths(option)]
    if prop.get("type") == "string" and "enum" not in prop and "const" not in prop:
        return [prop.get("maxLength")]
    return []


def test_every_write_schema_names_its_table() -> None:
    assert {c.__name__ for c in _write_schemas()} == set(TABLE_OF)


@pytest.mark.parametrize("schema", _write_schemas(), ids=lambda c: c.__name__)
def test_every_string_a_schema_takes_fits_its_column(schema: type[WriteBase]) -> None:
    table = TABLE_OF[schema.__name__]
    if table is None:
        return
    columns = sa.inspect(table).columns
    properties = schema.model_json_schema()["properties"]
    too_long = []
    for field, prop in properties.items():
        column = columns.get(COLUMN_OF.get((schema.__name__, field), field))
        # (SQLModel's AutoString is a TypeDecorator over String, not a String.)
        limit = getattr(column.type, "length", None) if column is not None else None
        if limit is None:
            continue
        too_long += [(field, n, limit) for n in _max_lengths(prop) if n is None or n > limit]
    assert too_long == [], f"{schema.__name__}: (field, schema allows, column holds)"


def test_an_account_address_fits_wherever_it_is_written_as_the_actor() -> None:
    # The signed-in account's address is written as the coder of a tag, the person who
    # overrode the checks and the last to change any record.
    # A machine token acts as token:NAME.
    longest = max(
        TypeAdapter(Email).json_schema()["maxLength"],
        len("token:") + TypeAdapter(TokenName).json_schema()["maxLength"],
    )
    for column in (User.email, Tag.coder, Review.checks_overridden_by, Review.updated_by):
        assert longest <= sa.inspect(column).type.length, column
