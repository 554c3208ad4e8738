"""Importing an ``scr-exchange/1.1`` (or ``/1``) file: check the whole file, then each review
all or nothing.

First pass: every line is JSON of a format this instance reads and matches the schema, no
review comes twice, and the closing manifest counts and hashes exactly the lines before it.
Any fault there refuses the whole file (a truncated or altered file cannot be trusted), and
nothing is imported. Second pass: each line in its own savepoint, keyed by (source instance,
board, reference): a new review is created, the same revision again changes nothing, a newer
revision replaces the older, an older one (or one withdrawn at its source since) is left
out; a withdrawal removes the copy held here if it is not newer than the withdrawal, and is
kept, so that it is passed on and an older line sent again is not taken back in.

The second pass commits every ``BATCH`` reviews (through the caller's ``checkpoint``), so a
long import does not hold the database from everyone else, and an import cut short keeps
the batches it finished: run again, those reviews count as unchanged and it goes on where it
stopped.

The file is read twice from disk, never held whole in memory.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from scr.agency import service as agency_service
from scr.agency.models import Agency
from scr.board.models import Board
from scr.coding import catalogue
from scr.common.columns import utcnow
from scr.common.lookup import id_of
from scr.episode.models import KeyPracticeEpisode
from scr.errors import Conflict, DomainError, InvalidInput
from scr.exchange import lines, withdrawals, withdrawing
from scr.exchange.document import FORMAT, READS, ExchangeReview, Manifest, Withdrawal
from scr.exchange.lines import versions_of
from scr.exchange.models import ImportedReview
from scr.exchange.schemas import ImportLineReport, ImportReport
from scr.factor.models import ContributoryFactor
from scr.finding.models import BoardAction, BoardQuestion, Finding
from scr.link.models import CausalLink
from scr.records import write
from scr.review import frozen, revision
from scr.review import service as review_service
from scr.review.models import Review
from scr.tag import service as tag_service
from scr.tag.models import Tag
from scr.vocabulary import NodeKind, ReviewStatus, TagTarget

Progress = Callable[[int], None]
"""Told the number of each review line as it is dealt with."""

Checkpoint = Callable[[], None]
"""Commits the work so far (see ``scr.db.take_turns``)."""

BATCH = 50
"""Reviews imported between two checkpoints."""


@dataclass
class _Checked:
    problems: list[str] = field(default_factory=list)
    review_lines: int = 0
    withdrawal_lines: int = 0


def _error_text(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors()[:3]:
        where = ".".join(str(p) for p in error["loc"])
        parts.append(f"{where}: {error['msg']}" if where else error["msg"])
    more = len(exc.errors()) - 3
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


def _lines(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    yield from enumerate(stream, start=1)


def check(stream: BinaryIO) -> _Checked:
    """The faults of the file as a whole (empty when it may be imported)."""
    checked = _Checked()
    problems = checked.problems
    digest = hashlib.sha256()
    seen: dict[tuple[str, str, str, int], int] = {}
    manifest: Manifest | None = None
    manifest_line = 0
    last = 0
    for number, raw in _lines(stream):
        last = number
        if len(problems) >= 20:
            problems.append("Further lines were not checked.")
            break
        if manifest is not None:
            problems.append(
                f"Line {number} follows the manifest (line {manifest_line}), which must be last."
            )
            break
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            problems.append(f"Line {number} is not JSON ({exc}).")
            continue
        except RecursionError:
            problems.append(f"Line {number} is nested too deeply to read.")
            continue
        if not isinstance(data, dict):
            problems.append(f"Line {number} is not a JSON object.")
            continue
        if data.get("format") not in READS:
            problems.append(
                f"Line {number} is in format {data.get('format')!r}; this instance reads "
                + " and ".join(READS)
                + "."
            )
            continue
        if data.get("type") == "manifest":
            try:
                manifest = Manifest.model_validate(data)
                manifest_line = number
            except ValidationError as exc:
                problems.append(
                    f"Line {number} is a manifest that does not match the schema: "
                    + _error_text(exc)
                )
            continue
        digest.update(raw if raw.endswith(b"\n") else raw + b"\n")
        if data.get("type") == "withdrawal":
            try:
                Withdrawal.model_validate(data)
                checked.withdrawal_lines += 1
            except ValidationError as exc:
                problems.append(
                    f"Line {number} is a withdrawal that does not match the schema: "
                    + _error_text(exc)
                )
            continue
        try:
            line = ExchangeReview.model_validate(data)
        except ValidationError as exc:
            problems.append(f"Line {number} does not match the schema: {_error_text(exc)}")
            continue
        checked.review_lines += 1
        s = line.source
        key = (s.instance, s.board, s.reference, s.revision)
        if key in seen:
            problems.append(
                f"Line {number} repeats line {seen[key]}: review {s.reference} of board "
                f"{s.board}, revision {s.revision}, twice in one file."
            )
        seen.setdefault(key, number)
    if last == 0:
        problems.append(f"The file is empty: an {FORMAT} file ends with a manifest line.")
    elif manifest is None and not any("manifest" in p for p in problems):
        problems.append(
            "The file ends without its manifest line: it was cut short in transit, or is not "
            "a whole export."
        )
    elif manifest is not None:
        if manifest.count != checked.review_lines:
            problems.append(
                f"The manifest counts {manifest.count} review line(s) but the file has "
                f"{checked.review_lines}."
            )
        elif manifest.withdrawals != checked.withdrawal_lines:
            problems.append(
                f"The manifest counts {manifest.withdrawals} withdrawal line(s) but the file "
                f"has {checked.withdrawal_lines}."
            )
        elif manifest.sha256 != digest.hexdigest():
            problems.append(
                "The lines do not match the manifest's SHA-256: the file was changed or "
                "damaged after it was exported."
            )
    return checked


def import_file(
    *,
    session: Session,
    path: Path,
    actor: str | None,
    own_instance: str,
    progress: Progress | None = None,
    checkpoint: Checkpoint | None = None,
    batch: int = BATCH,
) -> ImportReport:
    """Import the file at ``path``: refused whole if it has faults, else review by review,
    calling ``checkpoint`` after every ``batch`` reviews."""
    with path.open("rb") as stream:
        checked = check(stream)
    if checked.problems:
        return ImportReport(
            accepted=False,
            problems=checked.problems,
            lines=[],
            imported=0,
            replaced=0,
            unchanged=0,
            older=0,
            refused=0,
            withdrawn=0,
        )
    reports: list[ImportLineReport] = []
    with path.open("rb") as stream:
        for number, raw in _lines(stream):
            data = json.loads(raw)
            if data.get("type") == "manifest":
                break
            if data.get("type") == "withdrawal":
                withdrawal = Withdrawal.model_validate(data)
                reports.append(withdrawing.apply(session, number, withdrawal, own_instance))
            else:
                line = ExchangeReview.model_validate(data)
                text = raw.rstrip(b"\n").decode("utf-8")
                digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
                reports.append(
                    _import_line(session, number, line, text, digest, actor, own_instance)
                )
            if checkpoint is not None and len(reports) % batch == 0:
                checkpoint()
            if progress is not None:
                progress(number)
    counts = {
        o: sum(r.outcome == o for r in reports)
        for o in ("imported", "replaced", "unchanged", "older", "refused", "withdrawn")
    }
    return ImportReport(accepted=True, problems=[], lines=reports, **counts)


def _import_line(
    session: Session,
    number: int,
    line: ExchangeReview,
    text: str,
    digest: str,
    actor: str | None,
    own_instance: str,
) -> ImportLineReport:
    s = line.source

    def report(outcome: Any, message: str) -> ImportLineReport:
        return ImportLineReport(
            line=number, reference=s.reference, outcome=outcome, message=message
        )

    if s.instance == own_instance:
        return report("refused", "This review was exported by this instance; it is here already.")
    held = withdrawals.held_copy(session, s)
    if held is not None and held.revision == s.revision:
        if held.line_sha256 == digest:
            return report("unchanged", f"Revision {s.revision} is here already; nothing changed.")
        return report(
            "refused",
            f"Revision {s.revision} is here already with different content; the source must "
            "send a new revision.",
        )
    if held is not None and held.revision > s.revision:
        return report(
            "older", f"Revision {s.revision} is older than revision {held.revision}, kept here."
        )
    gone = withdrawals.standing(session, instance=s.instance, board=s.board, reference=s.reference)
    if gone is not None and gone.revision >= s.revision:
        return report(
            "older",
            f"Revision {s.revision} was withdrawn at its source ({gone.reason.value}) at "
            f"revision {gone.revision}, so it is not taken back in.",
        )
    held_revision = None if held is None else held.revision
    try:
        with session.begin_nested():
            record_key = None
            if gone is not None:  # published again since it was withdrawn
                session.delete(gone)
            if held is not None:
                old = review_service.get(session=session, review_id=held.review_id)
                record_key = old.record_key  # a new revision is the same review to patterns
                # (its ImportedReview row goes with it, and an imported copy is no
                # withdrawal of this instance's)
                review_service.delete(session=session, review=old, cascade=True)
            review = _create(session, line, actor, record_key)
            session.add(
                ImportedReview(
                    source_instance=s.instance,
                    source_board=s.board,
                    reference=s.reference,
                    revision=s.revision,
                    line_sha256=digest,
                    review_id=id_of(review),
                )
            )
            session.flush()
            # The source scanned what it sent (its own identifiers never leave it), and the
            # line passed on is the line received.
            review.cleared_revision = review.revision
            lines.keep(session, review, text, versions_of(json.loads(text)))
    except DomainError as exc:
        return report("refused", f"Not imported: {exc.message}")
    except IntegrityError as exc:
        return report("refused", f"Not imported: it could not be stored ({exc.orig}).")
    if held_revision is not None:
        return report("replaced", f"Revision {s.revision} replaced revision {held_revision}.")
    return report("imported", f"Imported as review {review.id}.")


def _first_of_year(year: int | None) -> date | None:
    return None if year is None else date(year, 1, 1)


def _first_of_month(month: str | None) -> date | None:
    return None if month is None else date(int(month[:4]), int(month[5:7]), 1)


def _board(session: Session, line: ExchangeReview, actor: str | None) -> Board:
    board = session.exec(select(Board).where(Board.code == line.board.code)).first()
    if board is None:
        board = Board(
            code=line.board.code, name=line.board.name, region=line.board.region, updated_by=actor
        )
        session.add(board)
        session.flush()
    return board


def _agencies(
    session: Session, line: ExchangeReview, board: Board, actor: str | None
) -> dict[str, int]:
    ids: dict[str, int] = {}
    for entry in line.agencies:
        agency = agency_service.get_by_code(session=session, code=entry.code)
        if agency is None:
            agency = Agency(code=entry.code, name=entry.name, board_id=board.id, updated_by=actor)
            session.add(agency)
            session.flush()
        elif agency.board_id not in (None, board.id):
            raise Conflict(f"Agency code {entry.code!r} belongs to another board's list here.")
        ids[entry.code] = id_of(agency)
    return ids


def _check_codes(line: ExchangeReview) -> None:
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


def _agreed(line: ExchangeReview) -> list[tuple[str, str, str, str | None]]:
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


def _create(
    session: Session, line: ExchangeReview, actor: str | None, record_key: int | None
) -> Review:
    _check_codes(line)
    board = _board(session, line, actor)
    if review_service.get_by_reference(
        session=session, board_id=id_of(board), reference=line.review.reference
    ):
        raise Conflict(
            f"Board {board.code} already has a review {line.review.reference} here that was "
            "not imported from that instance."
        )
    agencies = _agencies(session, line, board, actor)
    r = line.review
    review = Review(
        board_id=id_of(board),
        reference=r.reference,
        child_pseudonym=r.child_pseudonym,
        review_type=r.review_type,
        learning_together_size=r.learning_together_size,
        status=ReviewStatus.published,
        incident_date=_first_of_year(r.incident_year),
        notification_date=_first_of_year(r.notification_year),
        publication_date=r.publication_date,
        child_age_band=r.child_age_band,
        outcome=r.outcome,
        updated_by=actor,
    )
    if record_key is not None:
        review.record_key = record_key
    session.add(review)
    session.flush()
    frozen.thaw(session, review)  # (it is published from the start; its records follow)
    rid = id_of(review)
    # The records go in as one Core insert per table (no ORM object, no flush per row).
    stamp: dict[str, Any] = {"review_id": rid, **write.stamp(actor)}
    episode_ids = write.insert(
        session,
        KeyPracticeEpisode,
        [
            e.model_dump(exclude={"id", "agencies", "period_start", "period_end"})
            | {
                "period_start": _first_of_month(e.period_start),
                "period_end": _first_of_month(e.period_end),
                "agency_ids": [agencies[a] for a in e.agencies],
            }
            | stamp
            for e in line.episodes
        ],
        ids=True,
    )
    factor_ids = write.insert(
        session,
        ContributoryFactor,
        [f.model_dump(exclude={"id", "typology_codes"}) | stamp for f in line.factors],
        ids=True,
    )
    finding_ids = write.insert(
        session,
        Finding,
        [
            {
                "ordinal": g.ordinal or n,
                "title": g.title,
                "statement": g.statement,
                "pattern_kind": g.pattern_kind,
                "how_it_appeared": g.how_it_appeared,
                "evidence_beyond_case": g.evidence_beyond_case,
                "why_it_matters": g.why_it_matters,
            }
            | stamp
            for n, g in enumerate(line.findings, start=1)
        ],
        ids=True,
    )
    asked = [
        (q, {"finding_id": finding_id, "ordinal": k, "question": q.question})
        for g, finding_id in zip(line.findings, finding_ids, strict=True)
        for k, q in enumerate(g.questions, start=1)
    ]
    bookkeeping = write.stamp(actor)
    question_ids = write.insert(
        session,
        BoardQuestion,
        [
            row
            | {"board_response": q.board_response, "response_date": q.response_date}
            | bookkeeping
            for q, row in asked
        ],
        ids=True,
    )
    write.insert(
        session,
        BoardAction,
        [
            {
                "question_id": question_id,
                "ordinal": j,
                "description": a.description,
                "owner_role": a.owner_role,
                "due_date": a.due_date,
                "status": a.status,
            }
            | bookkeeping
            for (q, _), question_id in zip(asked, question_ids, strict=True)
            for j, a in enumerate(q.actions, start=1)
        ],
    )
    ids = {
        "episode": {e.id: x for e, x in zip(line.episodes, episode_ids, strict=True)},
        "factor": {f.id: x for f, x in zip(line.factors, factor_ids, strict=True)},
        "finding": {g.id: x for g, x in zip(line.findings, finding_ids, strict=True)},
    }

    def node(key: str) -> tuple[NodeKind, int]:
        kind, _, number = key.partition(":")
        return NodeKind(kind), ids[kind][int(number)]

    links = []
    for x in line.links:
        (sk, si), (tk, ti) = node(x.source), node(x.target)
        links.append(
            {
                "kind": x.kind,
                "source_kind": sk,
                "source_id": si,
                "target_kind": tk,
                "target_id": ti,
                "evidence_note": x.evidence_note,
            }
            | stamp
        )
    now = utcnow()
    tags = []
    for target, code, version, rationale in _agreed(line):
        kind, target_id = (
            (TagTarget.review, rid)
            if target == "review"
            else (TagTarget(node(target)[0].value), node(target)[1])
        )
        tags.append(
            {
                "target_kind": kind,
                "target_id": target_id,
                "typology_version": version,
                "code": code,
                "coder": f"import:{line.source.instance}",
                "rationale": rationale,
                "agreed": True,
                "submitted_at": now,
            }
            | stamp
        )
    write.insert(session, CausalLink, links)
    write.insert(session, Tag, tags)
    revision.revise(session, rid)  # as the flush hook would have for ORM rows
    return review
