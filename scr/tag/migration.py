"""Moving a review's tags to a later typology version, through the published mappings."""

from __future__ import annotations

from sqlmodel import Session, col, select

from scr.coding import catalogue
from scr.common import crud
from scr.errors import InvalidInput
from scr.records import names as record_names
from scr.review.models import Review
from scr.tag.models import Tag
from scr.tag.schemas import TagMigrationApply, TagMigrationPreview, TagMove
from typology.checks import version_key


def _older_tags(session: Session, review: Review, to_version: str) -> list[Tag]:
    """The review's tags under versions before ``to_version`` (later ones stay as they are:
    codes are carried forward only)."""
    catalogue.get(to_version)  # NotFound for an unknown version
    stmt = select(Tag).where(Tag.review_id == review.id, Tag.typology_version != to_version)
    newest = version_key(to_version)
    tags = session.exec(stmt.order_by(col(Tag.id)))
    return [t for t in tags if version_key(t.typology_version) < newest]


def preview(*, session: Session, review: Review, to_version: str) -> TagMigrationPreview:
    """Where each tag under an older version would land; splits are flagged, not guessed, and
    a tag whose code has no successor is marked dropped, with the reason in its note."""
    moves = []
    for tag in _older_tags(session, review, to_version):
        mapped = catalogue.map_code(tag.code, tag.typology_version, to_version)
        dropped = not mapped.codes
        note = "; ".join(mapped.changes)
        if dropped:
            note = f"{note}. The code has no successor in {to_version}, so the tag is dropped."
        moves.append(
            TagMove(
                tag_id=tag.id or 0,
                target=tag.target,
                coder=tag.coder,
                agreed=tag.agreed,
                from_version=tag.typology_version,
                from_code=tag.code,
                to_codes=list(mapped.codes),
                needs_choice=mapped.needs_choice,
                dropped=dropped,
                note=note,
            )
        )
    return TagMigrationPreview(
        to_version=to_version,
        moves=moves,
        needs_choice=sum(m.needs_choice for m in moves),
        dropped=sum(m.dropped for m in moves),
    )


def apply(
    *, session: Session, review: Review, data: TagMigrationApply, actor: str | None = None
) -> TagMigrationPreview:
    """Move every older tag, using the person's choice where the mapping splits a code.

    All or nothing: a split without a choice, or a choice outside the split, changes nothing.
    Two tags that land on the same code for the same record and coder become one. A tag whose
    code has no successor is deleted; it cannot be given a code by choice.
    """
    planned = preview(session=session, review=review, to_version=data.to_version)
    choices = {c.tag_id: c.code for c in data.choices}
    missing = [m for m in planned.moves if m.needs_choice and m.tag_id not in choices]
    if missing:
        named = record_names.of(session, [f"tag:{m.tag_id}" for m in missing[:20]])
        listed = "; ".join(
            f"{named[f'tag:{m.tag_id}']} ({m.from_code}: "
            f"{' or '.join(m.to_codes) or 'no successor'})"
            for m in missing[:20]
        )
        raise InvalidInput(
            f"{len(missing)} tag(s) need a person to choose their new code: {listed}.",
            field=("body", "choices"),
            tags=[m.tag_id for m in missing],
        )
    for move in planned.moves:
        chosen = choices.get(move.tag_id)
        if chosen is not None and move.dropped:
            raise InvalidInput(
                f"{record_names.one(session, f'tag:{move.tag_id}')} ({move.from_code}) has no "
                f"successor in {data.to_version}; "
                "the move drops it, so it takes no choice.",
                field=("body", "choices"),
            )
        if chosen is not None and chosen not in move.to_codes:
            raise InvalidInput(
                f"{record_names.one(session, f'tag:{move.tag_id}')} ({move.from_code}) can "
                f"become {' or '.join(move.to_codes)}, not {chosen}.",
                field=("body", "choices"),
            )
    kept: set[tuple[str, str, str, bool]] = set()
    for move in planned.moves:
        tag = session.get(Tag, move.tag_id)
        assert tag is not None
        if move.dropped:
            session.delete(tag)
            continue
        code = choices.get(move.tag_id) or move.to_codes[0]
        key = (tag.target, code, tag.coder, tag.agreed)
        already = session.exec(
            select(Tag).where(
                Tag.review_id == review.id,
                Tag.target_kind == tag.target_kind,
                Tag.target_id == tag.target_id,
                Tag.typology_version == data.to_version,
                Tag.code == code,
                Tag.coder == tag.coder,
                Tag.agreed == tag.agreed,
            )
        ).first()
        if key in kept or already is not None:
            session.delete(tag)
            continue
        kept.add(key)
        crud.apply_changes(tag, {"typology_version": data.to_version, "code": code}, actor=actor)
        session.flush()
    session.flush()
    return planned
