"""Schema pieces every domain shares: the list envelope and the tracked fields of a Read."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar, Generic, TypeVar, cast, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.fields import FieldInfo
from sqlmodel import SQLModel
from sqlmodel._compat import SQLModelConfig

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list: ``items`` and the ``total`` matching the filters."""

    items: list[T] = Field(description="The records on this page, in the list's order.")
    total: int = Field(description="How many records match the filters, on every page.")


class ReadBase(BaseModel):
    """Fields every Read schema carries."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="The record's number, unique among records of its kind.")
    version: int = Field(
        description="Its version: send it back with a change; a stale one answers 409."
    )
    created_at: datetime = Field(description="When it was recorded (UTC).")
    updated_at: datetime = Field(description="When it was last changed (UTC).")
    updated_by: str | None = Field(description="Who last changed it (their user name).")


def _plain_new(cls: type[Any], /, *args: Any, **kwargs: Any) -> Any:
    """A schema's ``__new__``, in place of SQLModel's (which readies a table row)."""
    return object.__new__(cls)


class WriteBase(BaseModel):
    """Create and Update schemas refuse fields they do not know, so typos are not lost.

    A Create that inherits its entity's Fields class lists the Fields class's fields first;
    ``__field_order__ = ("ordinal", "title", ...)`` in its body puts them back in the order
    clients have always seen (the OpenAPI document's and the 422 errors' order). (A class
    argument would not do: SQLModel's metaclass drops the ones it does not know.)"""

    # (typed as SQLModel's, so a Create may inherit both this and its entity's Fields class)
    model_config = SQLModelConfig(extra="forbid")

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        rebuild = False
        if cls.__pydantic_custom_init__ and cls.__init__ is SQLModel.__init__:  # type: ignore[comparison-overlap]
            # A Create inheriting its entity's Fields class has SQLModel's ``__init__`` and
            # ``__new__``, which ready a table's row: pydantic takes the first for a custom
            # one, so each record nested in a request or an exchange line would be built
            # through Python and validated twice. A schema needs neither: pydantic builds
            # it itself (a national import's reading of a line takes half the time).
            cls.__pydantic_custom_init__ = False
            cls.__new__ = _plain_new  # type: ignore[method-assign,assignment]
            rebuild = True
        order: tuple[str, ...] | None = getattr(cls, "__field_order__", None)
        if order is not None:
            fields = cls.__pydantic_fields__
            unknown = set(order) - set(fields)
            if unknown:
                raise TypeError(f"{cls.__name__}.__field_order__ names no field: {sorted(unknown)}")
            # (a subclass's own fields come after its parent's, as they always did)
            ordered = [*order, *(name for name in fields if name not in order)]
            if ordered != list(fields):
                cls.__pydantic_fields__ = {name: fields[name] for name in ordered}
                rebuild = True
        if rebuild:
            cls.model_rebuild(force=True)


def _not_null(value: Any) -> Any:
    if value is None:
        raise ValueError("cannot be emptied: leave it out of the request to keep its value")
    return value


def reject_null(*fields: str) -> Any:
    """In an Update schema: these fields may be left out, but not set to null."""
    return field_validator(*fields, mode="before")(_not_null)


def _own_metadata(fields: type[BaseModel], name: str) -> list[Any]:
    """The constraints ``fields`` gives ``name`` by ``Field(...)``, beyond its type's own."""
    source = fields.model_fields[name]
    typed = FieldInfo.from_annotation(get_type_hints(fields, include_extras=True)[name])
    own = source.metadata[: len(source.metadata) - len(typed.metadata)]
    # (SQLModel keeps its column arguments there too: no constraint, not for a schema)
    return [m for m in own if not type(m).__module__.startswith("sqlmodel")]


def _described_by(cls: type[BaseModel], fields: type[BaseModel], *, constraints: bool) -> None:
    """Give each of ``cls``'s fields that ``fields`` declares too that field's description.

    With ``constraints`` (an Update), also the constraints its
    ``Field(...)`` adds to its type, on the type ``cls`` writes (the Fields class's, made
    optional: a test checks it). Without (a Read), ``cls`` keeps its own plain output type."""
    changed = False
    for name, info in cls.__pydantic_fields__.items():
        source = fields.model_fields.get(name)
        if source is None:
            continue
        if constraints:
            made = FieldInfo.from_annotated_attribute(
                cast(Any, info.annotation),
                FieldInfo(
                    default=None,
                    description=info.description or source.description,
                    examples=info.examples,
                ),
            )
            made.metadata = [*made.metadata, *_own_metadata(fields, name)]
            cls.__pydantic_fields__[name] = made
        elif info.description is None:
            info.description = source.description
        changed = True
    if changed:
        cls.model_rebuild(force=True)


class _Described:
    """A schema taking its fields' descriptions from its entity's Fields class, named by the
    class argument ``fields=``; ``_constraints`` says whether their constraints come too."""

    __fields_source__: ClassVar[type[BaseModel] | None] = None
    _constraints: ClassVar[bool] = False

    def __init_subclass__(cls, fields: type[BaseModel] | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.__fields_source__ = fields

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        if cls.__fields_source__ is not None:
            _described_by(
                cast(type[BaseModel], cls), cls.__fields_source__, constraints=cls._constraints
            )
        super().__pydantic_init_subclass__(**kwargs)  # type: ignore[misc]


class UpdateBase(_Described, WriteBase):
    """An Update schema: ``class FindingUpdate(UpdateBase, fields=FindingFields)``.

    Each field it lists under a name the Fields class declares (``title: ShortText | None =
    None``, written for the type checker) is that field made optional: its description and
    constraints are the Fields class's, so they are written once. (Not its examples: an
    Update has never shown them.)"""

    _constraints: ClassVar[bool] = True


class DescribedRead(_Described, ReadBase):
    """A Read schema: ``class FindingRead(DescribedRead, fields=FindingFields)``.

    Each field it lists under a name the Fields class declares takes that field's
    description; its type stays the plain output type (``title: str``): a Read never
    refuses a stored row."""


class DescribedModel(_Described, BaseModel):
    """A Read of a record kept as written, without a Read's version and changes (an action's
    progress note): ``class ActionNoteRead(DescribedModel, fields=ActionNoteFields)``, its
    fields described as ``DescribedRead``'s are."""

    model_config = ConfigDict(from_attributes=True)
