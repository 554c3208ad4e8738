"""The codes an imported line carries: checked against the typologies this instance knows,
and turned into the records' agreed tags."""

from __future__ import annotations

from scr.coding import catalogue
from scr.errors import DomainError, InvalidInput
from scr.exchange.document import ExchangeReview
from scr.tag import service as tag_service
from scr.vocabulary import TagTarget


def check(line: ExchangeReview) -> None:
    version = line.typology_version
    try:
        catalogue.get(version)
    except DomainError:
        raise InvalidInput(f"Typology version {version} is not known to this instance.") from None
    catalogue.ensure_codes(
        line.review.context_codes, "review", ("review", "context_codes"), version
    )
    for f in line.factors:
        catalogue.ensure_codes(f.typology_codes, "factor", ("factors", f.id), version)
    for g in line.findings:
        if g.category is not None:
            catalogue.ensure_codes([g.category], "finding", ("findings", g.id, "category"), version)
    for t in line.tags:
        kind = TagTarget(t.target.partition(":")[0])
        tag_service.check_code(t.typology_version, t.code, kind, old_tag=True)


def agreed(line: ExchangeReview) -> list[tuple[str, str, str, str | None]]:
    """The line's agreed tags (target, code, version, rationale): its tags, and the codes its
    records carry (a review's context codes, a factor's codes, a finding's category, in the
    line's version) that no tag of the record has already; the codes a record's form shows
    are its agreed tags here."""
    found = [(t.target, t.code, t.typology_version, t.rationale) for t in line.tags]
    fields = [("review", c) for c in line.review.context_codes]
    fields += [(f"factor:{f.id}", c) for f in line.factors for c in f.typology_codes]
    fields += [(f"finding:{g.id}", g.category) for g in line.findings if g.category]
    seen = {(target, code) for target, code, _, _ in found}
    for target, code in fields:
        if (target, code) not in seen:
            seen.add((target, code))
            found.append((target, code, line.typology_version, None))
    return found
