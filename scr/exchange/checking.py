"""Checking an ``scr-exchange/1.1`` (or ``/1``) file as a whole before anything of it is
imported: every line is JSON of a format this instance reads and matches the schema, no
review comes twice, and the closing manifest counts and hashes exactly the lines before it.
Any fault refuses the whole file (a truncated or altered file cannot be trusted).

A review line is validated from its bytes (``model_validate_json``); one that does not pass
is looked at again step by step, to say what is wrong with it. The check keeps each line's
SHA-256, so that the import's second reading knows a line is the very line checked and reads
it with ``again`` (without checking again that its records hold together), and reads any
other line as if it had never been checked.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from pydantic import ValidationError

from scr.exchange.document import CHECKED, FORMAT, READS, ExchangeReview, Manifest, Withdrawal


@dataclass
class Checked:
    problems: list[str] = field(default_factory=list)
    review_lines: int = 0
    withdrawal_lines: int = 0
    digests: bytearray = field(default_factory=bytearray)
    """The SHA-256 of each review line as checked (without its newline), 32 bytes a line
    in the order of the lines."""

    def digest(self, review: int) -> bytes:
        """The SHA-256 of the file's ``review``th review line (from 0) as checked."""
        return bytes(self.digests[32 * review : 32 * review + 32])


def again(raw: bytes) -> ExchangeReview:
    """The review line ``raw``, the very bytes of a line that ``check`` validated (its SHA-256
    says so), read again without checking again that its records hold together."""
    return ExchangeReview.model_validate_json(raw, context=CHECKED)


def _review(raw: bytes) -> ExchangeReview | None:
    """The review line ``raw`` if it is one that matches the schema."""
    try:
        return ExchangeReview.model_validate_json(raw)
    except ValidationError:
        return None


def _error_text(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors()[:3]:
        where = ".".join(str(p) for p in error["loc"])
        parts.append(f"{where}: {error['msg']}" if where else error["msg"])
    more = len(exc.errors()) - 3
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


def numbered(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    yield from enumerate(stream, start=1)


def _reviewed(
    checked: Checked,
    number: int,
    line: ExchangeReview,
    raw: bytes,
    seen: dict[tuple[str, str, str, int], int],
) -> None:
    """Count a review line that matches the schema, and keep its SHA-256."""
    checked.review_lines += 1
    checked.digests += hashlib.sha256(raw.rstrip(b"\n")).digest()
    s = line.source
    key = (s.instance, s.board, s.reference, s.revision)
    if key in seen:
        checked.problems.append(
            f"Line {number} repeats line {seen[key]}: review {s.reference} of board "
            f"{s.board}, revision {s.revision}, twice in one file."
        )
    seen.setdefault(key, number)


def check(stream: BinaryIO) -> Checked:
    """The faults of the file as a whole (empty when it may be imported)."""
    checked = Checked()
    problems = checked.problems
    digest = hashlib.sha256()
    seen: dict[tuple[str, str, str, int], int] = {}
    manifest: Manifest | None = None
    manifest_line = 0
    last = 0
    for number, raw in numbered(stream):
        last = number
        if len(problems) >= 20:
            problems.append("Further lines were not checked.")
            break
        if manifest is not None:
            problems.append(
                f"Line {number} follows the manifest (line {manifest_line}), which must be last."
            )
            break
        line = _review(raw)
        if line is not None:  # (else what is wrong with it is found below)
            digest.update(raw if raw.endswith(b"\n") else raw + b"\n")
            _reviewed(checked, number, line, raw, seen)
            continue
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
        _reviewed(checked, number, line, raw, seen)
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
