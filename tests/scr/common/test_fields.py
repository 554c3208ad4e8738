"""Each migrated entity declares its fields once, in its Fields class (scr/<entity>/models.py).

Its table and its Create schema inherit that class; its Update lists each field made optional
and takes the description and constraints from it; its Read lists each field with its plain
output type and takes the description from it. And every property of every schema the
entity's operations use, in the OpenAPI document, says what it is.
"""

from __future__ import annotations

import types
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

import pytest
from pydantic import BaseModel

from api.main import create_app
from scr.account import models as account_models
from scr.account import schemas as account_schemas
from scr.actionplan import schemas as actionplan_schemas
from scr.agency import models as agency_models
from scr.agency import schemas as agency_schemas
from scr.board import models as board_models
from scr.board import schemas as board_schemas
from scr.chronology import models as chronology_models
from scr.chronology import schemas as chronology_schemas
from scr.episode import models as episode_models
from scr.episode import schemas as episode_schemas
from scr.factor import models as factor_models
from scr.factor import schemas as factor_schemas
from scr.finding import models as finding_models
from scr.finding import schemas as finding_schemas
from scr.link import models as link_models
from scr.link import schemas as link_schemas
from scr.participant import models as participant_models
from scr.participant import schemas as participant_schemas
from scr.review import models as review_models
from scr.review import schemas as review_schemas
from scr.tag import models as tag_models
from scr.tag import schemas as tag_schemas

# (Fields class, its table, its Create, its Update or None, its Read)
ENTITIES: dict[str, tuple[type[BaseModel], type[Any], type[BaseModel], Any, type[BaseModel]]] = {
    "agency": (
        agency_models.AgencyFields,
        agency_models.Agency,
        agency_schemas.AgencyCreate,
        None,
        agency_schemas.AgencyRead,
    ),
    "machine token": (
        account_models.MachineTokenFields,
        account_models.ApiToken,
        account_schemas.MachineTokenCreate,
        None,
        account_schemas.MachineTokenRead,
    ),
    "board": (
        board_models.BoardFields,
        board_models.Board,
        board_schemas.BoardCreate,
        board_schemas.BoardUpdate,
        board_schemas.BoardRead,
    ),
    "chronology entry": (
        chronology_models.ChronologyEntryFields,
        chronology_models.ChronologyEntry,
        chronology_schemas.ChronologyEntryCreate,
        chronology_schemas.ChronologyEntryUpdate,
        chronology_schemas.ChronologyEntryRead,
    ),
    "episode": (
        episode_models.EpisodeFields,
        episode_models.KeyPracticeEpisode,
        episode_schemas.EpisodeCreate,
        episode_schemas.EpisodeUpdate,
        episode_schemas.EpisodeRead,
    ),
    "factor": (
        factor_models.FactorFields,
        factor_models.ContributoryFactor,
        factor_schemas.FactorCreate,
        factor_schemas.FactorUpdate,
        factor_schemas.FactorRead,
    ),
    "finding": (
        finding_models.FindingFields,
        finding_models.Finding,
        finding_schemas.FindingCreate,
        finding_schemas.FindingUpdate,
        finding_schemas.FindingRead,
    ),
    "board question": (
        finding_models.BoardQuestionFields,
        finding_models.BoardQuestion,
        finding_schemas.BoardQuestionIn,
        None,
        finding_schemas.BoardQuestionRead,
    ),
    "board action": (
        finding_models.BoardActionFields,
        finding_models.BoardAction,
        finding_schemas.BoardActionIn,
        None,
        finding_schemas.BoardActionRead,
    ),
    "action": (
        finding_models.ActionFields,
        finding_models.BoardAction,
        actionplan_schemas.ActionCreate,
        actionplan_schemas.ActionUpdate,
        finding_schemas.BoardActionRead,
    ),
    "action note": (
        finding_models.ActionNoteFields,
        finding_models.ActionNote,
        actionplan_schemas.ActionNoteCreate,
        None,
        finding_schemas.ActionNoteRead,
    ),
    "link": (
        link_models.LinkFields,
        link_models.CausalLink,
        link_schemas.LinkCreate,
        link_schemas.LinkUpdate,
        link_schemas.LinkRead,
    ),
    "participant": (
        participant_models.ParticipantFields,
        participant_models.Participant,
        participant_schemas.ParticipantCreate,
        participant_schemas.ParticipantUpdate,
        participant_schemas.ParticipantRead,
    ),
    "review": (
        review_models.ReviewFields,
        review_models.Review,
        review_schemas.ReviewCreate,
        review_schemas.ReviewUpdate,
        review_schemas.ReviewRead,
    ),
    "tag": (
        tag_models.TagFields,
        tag_models.Tag,
        tag_schemas.TagCreate,
        None,
        tag_schemas.TagRead,
    ),
}

SCHEMAS = {
    "account": [
        "AccessToken",
        "Me",
        "MachineTokenCreate",
        "MachineTokenCreated",
        "Page_MachineTokenRead_",
        "CommissionCreate",
        "CommissionRead",
    ],
    "action plan": [
        "Page_ActionPlanItem_",
        "ActionPlanItem",
        "ActionCreate",
        "ActionUpdate",
        "ActionNoteCreate",
        "ResponseUpdate",
        "BoardQuestionRead",
    ],
    "agency": ["AgencyCreate", "AgencyRead", "Page_AgencyRead_"],
    "board": ["BoardCreate", "BoardUpdate", "BoardRead", "Page_BoardRead_"],
    "chronology entry": [
        "ChronologyEntryCreate",
        "ChronologyEntryUpdate",
        "ChronologyEntryRead",
        "Page_ChronologyEntryRead_",
        "ChronologyImportReport",
    ],
    "episode": ["EpisodeCreate", "EpisodeUpdate", "EpisodeRead", "Page_EpisodeRead_"],
    "factor": ["FactorCreate", "FactorUpdate", "FactorRead", "Page_FactorRead_"],
    "finding": ["FindingCreate", "FindingUpdate", "FindingRead", "Page_FindingRead_"],
    "link": ["LinkCreate", "LinkUpdate", "LinkRead", "Page_LinkRead_"],
    "participant": [
        "ParticipantCreate",
        "ParticipantUpdate",
        "ParticipantRead",
        "Page_ParticipantRead_",
    ],
    "review": [
        "ReviewCreate",
        "ReviewUpdate",
        "ReviewRead",
        "Page_ReviewRead_",
        "ReviewReopen",
        "ReviewImported",
        "ReviewFile",
    ],
    "tag": [
        "TagCreate",
        "TagRead",
        "Page_TagRead_",
        "Submitted",
        "AgreementRead",
        "AdjudicationCreate",
        "TagMigrationPreview",
        "TagMigrationApply",
    ],
    # (no Fields class: what the team's schemas show is read from other tables)
    "team": ["Page_TeamMemberRead_", "Page_TeamCandidateRead_", "TeamMemberAdd"],
}
"""The OpenAPI component schemas of each migrated entity's operations (with those they refer
to, followed through $ref)."""


def _plain(hint: Any) -> Any:
    """``hint`` without its constraints: ``ShortText | None`` is ``str | None``."""
    if get_origin(hint) is Annotated:
        return _plain(get_args(hint)[0])
    if get_origin(hint) in (Union, types.UnionType):
        return Union[tuple(_plain(arg) for arg in get_args(hint))]  # noqa: UP007
    origin = get_origin(hint)
    if origin is list:
        return list[_plain(get_args(hint)[0])]  # type: ignore[misc]
    return hint


def _hints(cls: type[Any]) -> dict[str, Any]:
    import scr.common.types as common_types
    import scr.vocabulary as vocabulary

    namespace = {**vars(common_types), **vars(vocabulary), **vars(finding_models)}
    return get_type_hints(cls, localns=namespace, include_extras=True)


@pytest.mark.parametrize("entity", sorted(ENTITIES))
def test_the_table_and_the_create_schema_inherit_the_fields(entity: str) -> None:
    fields, table, create, _update, _read = ENTITIES[entity]
    assert issubclass(table, fields)
    assert issubclass(create, fields)
    for name, info in fields.model_fields.items():
        assert info.description, f"{fields.__name__}.{name} says nothing of itself"
        assert create.model_fields[name].description == info.description


@pytest.mark.parametrize("entity", sorted(e for e in ENTITIES if ENTITIES[e][3] is not None))
def test_each_update_field_is_the_fields_field_made_optional(entity: str) -> None:
    fields, _table, _create, update, _read = ENTITIES[entity]
    written, declared = _hints(update), _hints(fields)
    shared = [name for name in update.model_fields if name in fields.model_fields]
    assert set(shared) == set(fields.model_fields), "an Update lets every field be changed"
    for name in shared:
        assert written[name] == declared[name] | None, f"{update.__name__}.{name}"
        info = update.model_fields[name]
        assert info.description == fields.model_fields[name].description
        assert info.default is None
        assert info.is_required() is False


@pytest.mark.parametrize("entity", sorted(ENTITIES))
def test_each_read_field_is_the_fields_field_in_its_plain_form(entity: str) -> None:
    fields, _table, _create, _update, read = ENTITIES[entity]
    written, declared = _hints(read), _hints(fields)
    for name, info in fields.model_fields.items():
        assert name in read.model_fields, f"{read.__name__} does not give {name}"
        assert _plain(written[name]) == _plain(declared[name]), f"{read.__name__}.{name}"
        assert read.model_fields[name].description == info.description
        # a Read never refuses a stored row: no constraint from the Fields class
        assert read.model_fields[name].metadata == []


def test_the_update_keeps_the_constraints_of_the_fields() -> None:
    update = finding_schemas.FindingUpdate
    refused = update.model_validate_json
    # (the words pydantic has always given for an emptied statement)
    with pytest.raises(ValueError, match="at least 1 item after validation"):
        refused('{"version": 1, "statement": ""}')
    with pytest.raises(ValueError, match="at least 1 character"):
        refused('{"version": 1, "title": "   "}')
    assert update.model_validate({"version": 1, "title": " Late referrals "}).title == (
        "Late referrals"
    )


def _reached(schemas: dict[str, Any], names: list[str]) -> list[str]:
    """``names`` and every component schema they refer to, directly or not."""
    seen: list[str] = []
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.append(name)
        text = repr(schemas[name])
        prefix = "#/components/schemas/"
        start = text.find(prefix)
        while start != -1:
            end = text.find("'", start)
            todo.append(text[start + len(prefix) : end])
            start = text.find(prefix, end)
    return sorted(seen)


@pytest.mark.parametrize("entity", sorted(SCHEMAS))
def test_every_property_of_the_entitys_schemas_is_described(entity: str) -> None:
    schemas = create_app(check_migrations=False).openapi()["components"]["schemas"]
    undescribed = [
        f"{name}.{prop}"
        for name in _reached(schemas, SCHEMAS[entity])
        for prop, spec in schemas[name].get("properties", {}).items()
        if not spec.get("description")
    ]
    assert undescribed == []
