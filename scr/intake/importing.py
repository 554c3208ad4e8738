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

The second pass takes ``BATCH`` lines at a time: it reads what is held here for all of them at
once, checks each line fully, then writes the new reviews that passed in one go
(``scr.exchange.storing``); a line that replaces or withdraws a review is dealt with on its
own, in order, and a batch whose write still fails is written again line by line. It
commits after every batch (through the caller's ``checkpoint``), so a long import does not
hold the database from everyone else, and an import cut short keeps the batches it
finished: run again, those reviews count as unchanged and it goes on where it stopped.

The file is read twice from disk, never held whole in memory. The second reading takes a
review line that is the very line the first checked (its SHA-256 says so) without checking
it again; a line changed in between is checked again as it is read.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from scr.errors import DomainError
from scr.exchange import references, withdrawals
from scr.exchange.checking import Checked, again, check, numbered
from scr.exchange.document import ExchangeReview, Withdrawal
from scr.exchange.lines import versions_of
from scr.exchange.models import ExchangeWithdrawal, ImportedReview
from scr.exchange.schemas import ImportLineReport, ImportReport
from scr.exchange.storing import Ready, Store
from scr.intake import withdrawing
from scr.workflow import service as review_service

Progress = Callable[[int], None]
"""Told the number of each review line as it is dealt with."""

Checkpoint = Callable[[], None]
"""Commits the work so far (see ``scr.db.take_turns``)."""

BATCH = 50
"""Lines imported between two checkpoints."""

_Key = tuple[str, str, str]
"""A review's source key: (instance, board, reference)."""


@dataclass
class _Line:
    number: int
    withdrawal: Withdrawal | None = None
    review: ExchangeReview | None = None
    text: str = ""
    digest: str = ""
    versions: list[str] | None = None


def _read(path: Path, checked: Checked) -> Iterator[_Line]:
    """The file's lines before its manifest, each parsed once: a review line that is the very
    line checked (its SHA-256 says so) without the checks it passed, any other as if it had
    never been checked."""
    reviews = 0  # the review lines read so far
    with path.open("rb") as stream:
        for number, raw in numbered(stream):
            body = raw.rstrip(b"\n")
            sha = hashlib.sha256(body)
            if reviews < checked.review_lines and sha.digest() == checked.digest(reviews):
                reviews += 1
                line = again(raw)
                yield _Line(
                    number,
                    review=line,
                    text=body.decode("utf-8"),
                    digest=sha.hexdigest(),
                    versions=sorted(
                        {line.typology_version, *(t.typology_version for t in line.tags)}
                    ),
                )
                continue
            data = json.loads(raw)
            if data.get("type") == "manifest":
                return
            if data.get("type") == "withdrawal":
                yield _Line(number, withdrawal=Withdrawal.model_validate(data))
                continue
            reviews += 1
            text = body.decode("utf-8")
            yield _Line(
                number,
                review=ExchangeReview.model_validate(data),
                text=text,
                digest=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                versions=versions_of(data),
            )


def _chunks(items: Iterator[_Line], size: int) -> Iterator[list[_Line]]:
    chunk: list[_Line] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


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
    calling ``checkpoint`` after every ``batch`` lines."""
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
    store = Store(session, actor)
    for chunk in _chunks(_read(path, checked), batch):
        reports.extend(_Batch(session, store, own_instance).run(chunk))
        brought = [x.review.source.reference for x in chunk if x.review is not None]
        references.resolve(session, own_instance=own_instance, actor=actor, among=brought)
        for item in chunk:
            if checkpoint is not None and item is chunk[-1] and len(chunk) == batch:
                checkpoint()
            if progress is not None:
                progress(item.number)
    references.resolve(session, own_instance=own_instance, actor=actor)
    counts = {
        o: sum(r.outcome == o for r in reports)
        for o in ("imported", "replaced", "unchanged", "older", "refused", "withdrawn")
    }
    return ImportReport(accepted=True, problems=[], lines=reports, **counts)


def _report(number: int, reference: str, outcome: Any, message: str) -> ImportLineReport:
    return ImportLineReport(line=number, reference=reference, outcome=outcome, message=message)


class _Batch:
    """One batch of lines: what is held here for them read at once, then each line decided
    in order; new reviews wait in a group written together, before any line that changes
    what is held here (a replacement, a withdrawal) and at the end."""

    def __init__(self, session: Session, store: Store, own_instance: str) -> None:
        self.session, self.store, self.own = session, store, own_instance
        self.reports: dict[int, ImportLineReport] = {}
        self.group: list[Ready] = []
        self.fresh = False

    def run(self, chunk: list[_Line]) -> list[ImportLineReport]:
        self.chunk = chunk
        self._load()
        for item in chunk:
            if item.withdrawal is not None:
                self._write_group()
                self.reports[item.number] = withdrawing.apply(
                    self.session, item.number, item.withdrawal, self.own
                )
                self.fresh = False
            else:
                self._review(item)
        self._write_group()
        return [self.reports[item.number] for item in chunk]

    def _load(self) -> None:
        """Read the copies held, the withdrawals kept and the reviews here that the batch's
        lines name."""
        sources = [x.review.source for x in self.chunk if x.review is not None]
        wanted = sorted({s.reference for s in sources})
        connection = self.session.connection()
        held = ImportedReview.__table__  # type: ignore[attr-defined]
        gone = ExchangeWithdrawal.__table__  # type: ignore[attr-defined]
        self.held: dict[_Key, tuple[int, str]] = {
            (i, b, r): (revision, digest)
            for i, b, r, revision, digest in connection.execute(
                sa.select(
                    held.c.source_instance,
                    held.c.source_board,
                    held.c.reference,
                    held.c.revision,
                    held.c.line_sha256,
                ).where(col(held.c.reference).in_(wanted))
            )
        }
        self.gone: dict[_Key, int] = {
            (i, b, r): revision
            for i, b, r, revision in connection.execute(
                sa.select(
                    gone.c.source_instance, gone.c.source_board, gone.c.reference, gone.c.revision
                ).where(col(gone.c.reference).in_(wanted))
            )
        }
        self.here = self.store.references([x.review for x in self.chunk if x.review is not None])
        self.pending: set[_Key] = set()
        self.fresh = True

    def _review(self, item: _Line) -> None:
        line = item.review
        assert line is not None
        s = line.source
        key = (s.instance, s.board, s.reference)
        if key in self.pending:  # a second revision of a review in this batch
            self._write_group()
        if not self.fresh:
            self._load()

        def report(outcome: Any, message: str) -> None:
            self.reports[item.number] = _report(item.number, s.reference, outcome, message)

        if s.instance == self.own:
            return report(
                "refused", "This review was exported by this instance; it is here already."
            )
        held = self.held.get(key)
        if held is not None and held[0] == s.revision:
            if held[1] == item.digest:
                return report(
                    "unchanged", f"Revision {s.revision} is here already; nothing changed."
                )
            return report(
                "refused",
                f"Revision {s.revision} is here already with different content; the source "
                "must send a new revision.",
            )
        if held is not None and held[0] > s.revision:
            return report(
                "older", f"Revision {s.revision} is older than revision {held[0]}, kept here."
            )
        gone = self.gone.get(key)
        if gone is not None and gone >= s.revision:
            standing = withdrawals.standing(
                self.session, instance=s.instance, board=s.board, reference=s.reference
            )
            assert standing is not None
            return report(
                "older",
                f"Revision {s.revision} was withdrawn at its source ({standing.reason.value}) "
                f"at revision {gone}, so it is not taken back in.",
            )
        if held is not None or gone is not None:
            self._write_group()
            self.reports[item.number] = self._replace(item)
            self.fresh = False
            return None
        try:
            self.store.prepare(line, self.here)
        except DomainError as exc:
            return report("refused", f"Not imported: {exc.message}")
        self.group.append(_ready(item))
        self.pending.add(key)
        return None

    def _write_group(self) -> None:
        """Write the new reviews waiting, together; if that fails, each on its own."""
        group, self.group = self.group, []
        self.pending = set()
        if not group:
            return
        try:
            with self.session.begin_nested():
                self.store.write(group)
        except IntegrityError:
            self.store.reload()
            for ready in group:
                self.reports[ready.number] = self._alone(ready)
            self.fresh = False
            return
        for ready in group:
            self.reports[ready.number] = _imported(ready)
            s = ready.line.source
            self.held[(s.instance, s.board, s.reference)] = (s.revision, ready.digest)
            self.here.add((ready.line.board.code, ready.line.review.reference))

    def _alone(self, ready: Ready) -> ImportLineReport:
        """Write one new review on its own (after its batch's write failed)."""
        reference = ready.line.source.reference
        try:
            with self.session.begin_nested():
                self.store.prepare(ready.line, self.store.references([ready.line]))
                self.store.write([ready])
        except DomainError as exc:
            self.store.reload()
            return _report(ready.number, reference, "refused", f"Not imported: {exc.message}")
        except IntegrityError as exc:
            self.store.reload()
            return _report(
                ready.number,
                reference,
                "refused",
                f"Not imported: it could not be stored ({exc.orig}).",
            )
        return _imported(ready)

    def _replace(self, item: _Line) -> ImportLineReport:
        """A newer revision of a review held here, or a review published again since it was
        withdrawn: the old copy and the withdrawal go, and the line goes in, all or
        nothing."""
        line = item.review
        assert line is not None
        s = line.source
        ready = _ready(item)
        held = withdrawals.held_copy(self.session, s)
        held_revision = None if held is None else held.revision
        try:
            with self.session.begin_nested():
                gone = withdrawals.standing(
                    self.session, instance=s.instance, board=s.board, reference=s.reference
                )
                if gone is not None:  # published again since it was withdrawn
                    self.session.delete(gone)
                if held is not None:
                    old = review_service.get(session=self.session, review_id=held.review_id)
                    ready.record_key = old.record_key  # the same review to patterns
                    # (its ImportedReview row goes with it, and an imported copy is no
                    # withdrawal of this instance's)
                    review_service.delete(session=self.session, review=old, cascade=True)
                self.session.flush()
                self.store.prepare(line, self.store.references([line]))
                self.store.write([ready])
        except DomainError as exc:
            self.store.reload()
            return _report(item.number, s.reference, "refused", f"Not imported: {exc.message}")
        except IntegrityError as exc:
            self.store.reload()
            return _report(
                item.number,
                s.reference,
                "refused",
                f"Not imported: it could not be stored ({exc.orig}).",
            )
        if held_revision is not None:
            return _report(
                item.number,
                s.reference,
                "replaced",
                f"Revision {s.revision} replaced revision {held_revision}.",
            )
        return _imported(ready)


def _ready(item: _Line) -> Ready:
    assert item.review is not None
    assert item.versions is not None
    return Ready(item.number, item.review, item.text, item.digest, item.versions)


def _imported(ready: Ready) -> ImportLineReport:
    return _report(
        ready.number,
        ready.line.source.reference,
        "imported",
        f"Imported as review {ready.review_id}.",
    )
