"""The codes entered on a record's form: the coder's own tags on that record.

A review's case-context codes, a factor's typology codes and a finding's systemic pattern are
not stored with the record: they are tags (one store, one rule). Which tags a form shows and
sets depends on who fills it in (``Coding``):

- the review's lead reviewer, or an administrator, sets the record's agreed tags: the review's
  own codes, which the patterns count (recorded directly, they are the lead's coding, and the
  agreement compares them with a second coder's);
- any other reviewer sets their own blind tags, which no one else sees until they submit, and
  which they can no longer change once submitted;
- a board member or the national analyst reads the agreed codes.

A code already on the record is kept as it is, in whatever typology version it was tagged in;
a new one is tagged in the current version and must be one of its current codes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement
from sqlmodel import Session, col, select

from scr.account import access
from scr.account.access import Principal
from scr.coding import catalogue
from scr.review.models import Review
from scr.tag import service as tag_service
from scr.tag.models import Tag
from scr.tag.schemas import TagCreate
from scr.vocabulary import Role, TagTarget


@dataclass(frozen=True)
class Coding:
    """Whose tags a form shows and sets: ``agreed`` ones (the review's own), or ``coder``'s
    blind ones. ``coder`` is who records a new tag; with none, the form only reads. New tags
    are made in typology ``version`` (the current one if none)."""

    coder: str | None
    agreed: bool
    version: str | None = None


def coding_of(principal: Principal, review: Review) -> Coding:
    """The tags ``principal``'s forms on ``review`` show and set."""
    if access.may_override_checks(principal, review):
        return Coding(coder=principal.name, agreed=True)
    if principal.role == Role.reviewer:
        return Coding(coder=principal.name, agreed=False)
    return Coding(coder=None, agreed=True)


def operator(actor: str | None, version: str | None = None) -> Coding:
    """An operator's import (a review file, the demo): its codes are the review's agreed ones,
    in the file's typology ``version``."""
    return Coding(coder=actor or "import", agreed=True, version=version)


def _visible(coding: Coding) -> ColumnElement[bool]:
    if coding.agreed:
        return col(Tag.agreed).is_(True)
    return col(Tag.agreed).is_(False) & (col(Tag.coder) == coding.coder)


def codes(
    session: Session, coding: Coding, kind: TagTarget, ids: Iterable[int]
) -> dict[int, list[str]]:
    """The codes each record of ``kind`` (by id) carries for ``coding``, in the order tagged."""
    wanted = list(ids)
    found: dict[int, list[str]] = defaultdict(list)
    if not wanted:
        return found
    stmt = (
        select(Tag.target_id, Tag.code)
        .where(Tag.target_kind == kind, col(Tag.target_id).in_(wanted), _visible(coding))
        .order_by(col(Tag.id))
    )
    for target_id, code in session.exec(stmt):
        if code not in found[target_id]:
            found[target_id].append(code)
    return found


def codes_of(session: Session, coding: Coding, kind: TagTarget, item_id: int) -> list[str]:
    """The codes one record carries for ``coding``."""
    return codes(session, coding, kind, [item_id]).get(item_id, [])


def set_codes(
    session: Session,
    review: Review,
    coding: Coding,
    kind: TagTarget,
    item_id: int,
    wanted: Sequence[str],
    field: tuple[str | int, ...],
) -> None:
    """Make ``wanted`` the codes the record carries for ``coding``: tag the new ones (in the
    coding's typology version), remove the tags of the ones left out, keep the others."""
    if coding.coder is None:
        raise AssertionError("a form that only reads sets no codes")
    have = codes_of(session, coding, kind, item_id)
    added = [c for c in dict.fromkeys(wanted) if c not in have]
    removed = [c for c in have if c not in wanted]
    if not added and not removed:
        return
    catalogue.ensure_codes(added, kind.value, field, coding.version)
    target = f"{kind.value}:{item_id}"
    for code in added:
        data = TagCreate(
            target=target, code=code, typology_version=coding.version, agreed=coding.agreed
        )
        tag_service.create(session=session, review=review, data=data, coder=coding.coder)
    for tag in _tags(session, coding, kind, item_id, *removed):
        tag_service.delete(session=session, tag=tag)


def _tags(
    session: Session, coding: Coding, kind: TagTarget, item_id: int, *with_codes: str
) -> list[Tag]:
    if not with_codes:
        return []
    stmt = select(Tag).where(
        Tag.target_kind == kind,
        Tag.target_id == item_id,
        col(Tag.code).in_(with_codes),
        _visible(coding),
    )
    return list(session.exec(stmt.order_by(col(Tag.id))))


def set_first(
    session: Session,
    review: Review,
    coding: Coding,
    kind: TagTarget,
    item_id: int,
    code: str | None,
    field: tuple[str | int, ...],
) -> None:
    """Make ``code`` the first of the record's codes for ``coding`` (a finding's systemic
    pattern, which its form shows as one code): the first tag takes the new code in its place;
    ``None`` removes the first. The record's other codes stay."""
    have = codes_of(session, coding, kind, item_id)
    if not have or code is None:
        set_codes(
            session, review, coding, kind, item_id, [*([code] if code else []), *have[1:]], field
        )
        return
    if have[0] == code:
        return
    catalogue.ensure_codes([code], kind.value, field, coding.version)
    # A later tag with the new code would be its duplicate: it goes first.
    set_codes(session, review, coding, kind, item_id, [c for c in have if c != code], field)
    for tag in _tags(session, coding, kind, item_id, have[0]):
        tag_service.recode(
            session=session, review=review, tag=tag, code=code, version=coding.version
        )
