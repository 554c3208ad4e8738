"""Tagging records against the typology, blind double coding, and agreement."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from typing import Any

from sqlalchemy import delete as sql_delete
from sqlalchemy import distinct, func
from sqlmodel import Session, col, select

from scr.account.access import Principal
from scr.coding import agreement, catalogue
from scr.common import crud
from scr.common.columns import utcnow
from scr.common.lookup import get_in_review, id_of
from scr.common.types import MAX_INT
from scr.errors import Conflict, InvalidInput, NotFound
from scr.records import kinds as record_kinds
from scr.records import names as record_names
from scr.review import frozen
from scr.review.models import Review
from scr.tag.models import Adjudication, Tag
from scr.tag.schemas import (
    AdjudicationCreate,
    AgreementRead,
    CodeAgreement,
    Disagreement,
    TagCreate,
)
from scr.vocabulary import Role, TagTarget

_RECORDS = (TagTarget.episode, TagTarget.factor, TagTarget.finding)
"""The records a tag may point at besides the review itself, in the order they are listed
(their models are ``scr.records.kinds``')."""


def coder_of(principal: Principal) -> str | None:
    """Whose own tags the caller sees beside the others: a coder's (a reviewer's or an
    administrator's); a board member does not code."""
    return principal.name if principal.role in (Role.reviewer, Role.admin) else None


def has_submitted(session: Session, review: Review, coder: str) -> bool:
    """Whether ``coder`` has submitted their coding of ``review`` (a lead's agreed tags that
    are their coding count as submitted: an agreed tag is final)."""
    stmt = select(Tag.id).where(
        Tag.review_id == review.id, Tag.coder == coder, col(Tag.submitted_at).is_not(None)
    )
    return session.exec(stmt).first() is not None


def _closed(session: Session, review: Review, coder: str) -> bool:
    """Whether ``coder``'s coding of the review is closed: submitted, or given up by
    recording agreed tags or deciding disagreements as its lead."""
    if has_submitted(session, review, coder):
        return True
    agreed = select(Tag.id).where(Tag.review_id == review.id, Tag.coder == coder, col(Tag.agreed))
    decided = select(Adjudication.id).where(
        Adjudication.review_id == review.id, Adjudication.updated_by == coder
    )
    return session.exec(agreed).first() is not None or session.exec(decided).first() is not None


def is_blind(session: Session, review: Review, principal: Principal) -> bool:
    """Whether the caller codes ``review`` blind, and so may see no tag but their own: a
    reviewer, until they submit their coding or, as its lead, record an agreed tag or decide
    a disagreement. An administrator (who does what the lead does) and a board member, who
    do not code blind, never are."""
    return principal.role == Role.reviewer and not _closed(session, review, principal.name)


def list_(
    *, session: Session, review: Review, principal: Principal, limit: int, offset: int
) -> tuple[list[Tag], int]:
    """The tags the caller may see: only their own while they code blind (agreed tags
    included: they would anchor the coding); after that, their own, the agreed ones and the
    other coders' submitted ones. A board member sees the agreed and submitted tags."""
    stmt = select(Tag).where(Tag.review_id == review.id)
    coder = coder_of(principal)
    if is_blind(session, review, principal):
        visible = col(Tag.coder) == coder
    else:
        visible = col(Tag.agreed) | col(Tag.submitted_at).is_not(None)
        if coder is not None:
            visible = visible | (col(Tag.coder) == coder)
    stmt = stmt.where(visible).order_by(col(Tag.target_kind), col(Tag.target_id), col(Tag.id))
    return crud.page(session, stmt, limit=limit, offset=offset)


def get(*, session: Session, review: Review, tag_id: int) -> Tag:
    """Load one of the review's tags or raise NotFound."""
    return get_in_review(session, Tag, id_of(review), tag_id, "tag")


def _target(session: Session, review: Review, key: str) -> tuple[TagTarget, int]:
    kind_text, _, raw = key.partition(":")
    kind, item_id = TagTarget(kind_text), int(raw)
    if kind == TagTarget.review:
        exists = item_id == review.id
    else:
        record = session.get(record_kinds.model(kind), item_id) if item_id <= MAX_INT else None
        exists = record is not None and record.review_id == review.id
    if not exists:
        raise InvalidInput(f"{key} is not a record of this review.", field=("body", "target"))
    return kind, item_id


def check_code(version: str, code: str, kind: TagTarget, *, old_tag: bool = False) -> None:
    """Refuse a code the version lacks, or that may not tag ``kind``, or that is deprecated;
    an ``old_tag`` (one made elsewhere, arriving in an import) may keep a deprecated code,
    as a tag moved to the version that deprecated it does."""
    try:
        typology = catalogue.get(version)
    except NotFound as exc:
        raise InvalidInput(exc.message, field=("body", "typology_version")) from None
    found = typology.code(code)
    if found is None:
        raise InvalidInput(
            f"Typology {version} has no code {code}.", field=("body", "code"), code=code
        )
    if kind.value not in found.applies_to:
        raise InvalidInput(
            f"Code {code} of typology {version} may tag a {' or '.join(found.applies_to)}, "
            f"not {'an' if kind.value[0] in 'aeiou' else 'a'} {kind.value}.",
            field=("body", "code"),
            code=code,
        )
    if found.deprecated and not old_tag:
        raise InvalidInput(
            f"Code {code} is deprecated in typology {version}; choose a current code.",
            field=("body", "code"),
            code=code,
        )


def _agreed_is_coding(session: Session, review: Review, lead: str) -> bool:
    """Whether an agreed tag the lead records now is their coding of the review: they have
    no blind coding of their own, and fewer than two other coders have submitted theirs (so
    there is no agreement between others for the lead to decide instead). Then the agreement
    compares the lead's agreed tags with the other coder's, and the lead need not code twice."""
    own = select(Tag.id).where(
        Tag.review_id == review.id, Tag.coder == lead, col(Tag.agreed).is_(False)
    )
    if session.exec(own).first() is not None:
        return False
    others = select(func.count(distinct(col(Tag.coder)))).where(
        Tag.review_id == review.id,
        Tag.coder != lead,
        col(Tag.agreed).is_(False),
        col(Tag.submitted_at).is_not(None),
    )
    return session.exec(others).one() < 2


def create(
    *, session: Session, review: Review, data: TagCreate, coder: str, decided: bool = False
) -> Tag:
    """Tag a record of the review with a code of the typology, as ``coder``; ``decided``: an
    agreed tag made by the lead's decision on a disagreement, never part of a coding."""
    kind, target_id = _target(session, review, data.target)
    version = data.typology_version or catalogue.current_version()
    check_code(version, data.code, kind)
    # Publication is said first: it is why nothing may be tagged, whoever codes.
    frozen.ensure_not_published(review)
    if not data.agreed and _closed(session, review, coder):
        raise Conflict(
            f"{coder} no longer codes this review blind (their coding is submitted, or they "
            "have recorded its agreed tags); their coding is closed."
        )
    tag = Tag(
        review_id=id_of(review),
        target_kind=kind,
        target_id=target_id,
        typology_version=version,
        code=data.code,
        coder=coder,
        rationale=data.rationale,
        agreed=data.agreed,
    )
    duplicate = session.exec(
        select(Tag).where(
            Tag.review_id == review.id,
            Tag.target_kind == kind,
            Tag.target_id == target_id,
            Tag.typology_version == version,
            Tag.code == data.code,
            Tag.coder == coder,
            Tag.agreed == data.agreed,
        )
    ).first()
    if duplicate is not None:
        named = record_names.one(session, data.target)
        raise Conflict(f"{coder} has already tagged {named} with {data.code}.")
    if data.agreed and not decided and _agreed_is_coding(session, review, coder):
        tag.submitted_at = utcnow()
    crud.add(session, tag, actor=coder)
    return tag


def recode(
    *, session: Session, review: Review, tag: Tag, code: str, version: str | None = None
) -> None:
    """Give a tag another code, in its place among the record's tags (a finding's systemic
    pattern changed on its form): allowed as removing it and tagging anew would be."""
    version = version or catalogue.current_version()
    check_code(version, code, tag.target_kind)
    frozen.ensure_not_published(review)
    if tag.submitted and not tag.agreed:
        raise Conflict("This tag belongs to a submitted coding and cannot be changed.")
    crud.apply_changes(
        tag, {"code": code, "typology_version": version, "rationale": None}, actor=tag.coder
    )
    session.flush()


def delete(*, session: Session, tag: Tag) -> None:
    """Remove a tag; a submitted coding stays as it was submitted."""
    if tag.submitted and not tag.agreed:
        raise Conflict("This tag belongs to a submitted coding and cannot be removed.")
    session.delete(tag)
    session.flush()


def delete_for(*, session: Session, kind: TagTarget, item_id: int) -> None:
    """Remove the tags of a record that is being deleted."""
    session.execute(
        sql_delete(Tag).where(col(Tag.target_kind) == kind, col(Tag.target_id) == item_id)
    )


def submit(*, session: Session, review: Review, coder: str) -> int:
    """Close a coder's coding of the review; the other coders' tags become visible to them."""
    tags = list(
        session.exec(
            select(Tag).where(
                Tag.review_id == review.id,
                Tag.coder == coder,
                col(Tag.agreed).is_(False),
                col(Tag.submitted_at).is_(None),
            )
        )
    )
    if not tags and has_submitted(session, review, coder):
        raise Conflict(f"{coder} has submitted their coding of this review already.")
    if not tags:
        raise Conflict(f"{coder} has no unsubmitted tags on this review to submit.")
    now = utcnow()
    for tag in tags:
        tag.submitted_at = now
    session.flush()
    return len(tags)


def _units(session: Session, review: Review, kinds: Collection[str]) -> list[str]:
    keys = [f"review:{review.id}"] if "review" in kinds else []
    for kind in _RECORDS:
        model = record_kinds.model(kind)
        if kind.value in kinds:
            ids = session.exec(
                select(model.id).where(model.review_id == review.id).order_by(model.id)
            )
            keys += [f"{kind.value}:{i}" for i in ids]
    return keys


def _measures(code: str, units: list[list[int]]) -> CodeAgreement:
    two = len(units[0]) == 2 if units else False
    kappa = agreement.cohen_kappa([u[0] for u in units], [u[1] for u in units]) if two else None
    return CodeAgreement(
        code=code,
        units=len(units),
        percent_agreement=agreement.percent_agreement(units),
        cohen_kappa=kappa,
        krippendorff_alpha=agreement.krippendorff_alpha(units),
    )


def _decisions(
    session: Session, review: Review, version: str
) -> dict[tuple[str, str], tuple[Any, str | None]]:
    """The lead reviewer's decisions by (target, code): the adjudications, and the agreed
    tags recorded directly (which agree the code)."""
    agreed = select(Tag).where(
        Tag.review_id == review.id, Tag.typology_version == version, col(Tag.agreed)
    )
    found: dict[tuple[str, str], tuple[Any, str | None]] = {
        (t.target, t.code): ("agreed", t.rationale) for t in session.exec(agreed)
    }
    decided = select(Adjudication).where(
        Adjudication.review_id == review.id, Adjudication.typology_version == version
    )
    found |= {(a.target, a.code): (a.decision, a.rationale) for a in session.exec(decided)}
    return found


def agreement_of(*, session: Session, review: Review, version: str | None) -> AgreementRead:
    """Agreement between the coders who submitted, per code used and over all of them.

    For each code any coder used, the units are the review's records that code may tag; a
    coder's value for a unit is whether they tagged it with the code.
    """
    version = version or catalogue.current_version()
    typology = catalogue.get(version)
    # The submitted codings: the coders' blind tags and a lead's agreed tags that are their
    # coding; agreed tags made by deciding a disagreement were never submitted.
    stmt = select(Tag).where(
        Tag.review_id == review.id,
        Tag.typology_version == version,
        col(Tag.submitted_at).is_not(None),
    )
    tags = list(session.exec(stmt))
    coders = sorted({t.coder for t in tags})
    if len(coders) < 2:
        raise Conflict(
            "Agreement needs at least two coders who have submitted their coding of this "
            f"review under typology {version}; there are {len(coders)}."
        )
    tagged: dict[tuple[str, str], set[str]] = defaultdict(set)
    for t in tags:
        tagged[(t.target, t.code)].add(t.coder)
    decisions = _decisions(session, review, version)
    per_code, pooled, disagreements = [], [], []
    for code in sorted({t.code for t in tags}):
        found = typology.code(code)
        kinds = set(found.applies_to) if found else set()
        units = []
        for target in _units(session, review, kinds):
            by = tagged.get((target, code), set())
            units.append([int(c in by) for c in coders])
            if by and len(by) < len(coders):
                decision, why = decisions.get((target, code), (None, None))
                disagreements.append(
                    Disagreement(
                        target=target,
                        code=code,
                        tagged_by=sorted(by),
                        not_tagged_by=[c for c in coders if c not in by],
                        adjudication=decision,
                        adjudication_rationale=why,
                    )
                )
        per_code.append(_measures(code, units))
        pooled += units
    return AgreementRead(
        typology_version=version,
        coders=coders,
        overall=_measures("all codes used", pooled),
        codes=per_code,
        disagreements=disagreements,
        open_disagreements=sum(d.adjudication is None for d in disagreements),
    )


def adjudicate(
    *, session: Session, review: Review, data: AdjudicationCreate, lead: str
) -> AgreementRead:
    """Decide one listed disagreement: an agreed code becomes the review's agreed tag on the
    record; a rejected one does not. Each is decided once."""
    version = data.typology_version or catalogue.current_version()
    current = agreement_of(session=session, review=review, version=version)
    listed = [d for d in current.disagreements if (d.target, d.code) == (data.target, data.code)]
    if not listed:
        raise InvalidInput(
            f"{data.code} on {record_names.one(session, data.target)} is not among the "
            "disagreements of this review "
            f"under typology {version}.",
            field=("body", "code"),
        )
    if listed[0].adjudication is not None:
        named = record_names.one(session, data.target)
        raise Conflict(f"{data.code} on {named} was adjudicated already.")
    kind, target_id = _target(session, review, data.target)
    if data.decision == "agreed":
        agreed = TagCreate(
            target=data.target,
            code=data.code,
            typology_version=version,
            rationale=data.rationale,
            agreed=True,
        )
        create(session=session, review=review, data=agreed, coder=lead, decided=True)
    decision = Adjudication(
        review_id=id_of(review),
        target_kind=kind,
        target_id=target_id,
        typology_version=version,
        code=data.code,
        decision=data.decision,
        rationale=data.rationale,
    )
    crud.add(session, decision, actor=lead)
    return agreement_of(session=session, review=review, version=version)
