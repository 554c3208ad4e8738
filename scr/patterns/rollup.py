"""Fill the ``code_rollup`` table for a typology version, from the typology files.

Published versions never change, so the rows for a version are computed once and kept; the
fingerprint of the rows makes a changed set of files (a different SCR_TYPOLOGY_DIR) rebuild
them rather than count against stale ones.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from sqlalchemy import delete, insert, text
from sqlmodel import Session

from scr.coding import catalogue
from scr.config import get_settings
from scr.patterns.models import CodeRollup, CodeRollupSource
from typology import loader
from typology.checks import version_key

Row = tuple[str, str, str, int]  # from_version, from_code, to_code, depth


def _landing(target: loader.Typology, codes: tuple[str, ...]) -> str | None:
    """Where a tag counts: its one successor, or the nearest code several successors share."""
    if not codes:
        return None
    lines = [[c, *target.ancestors(c)] for c in codes]
    shared = set(lines[0]).intersection(*lines[1:])
    return next((c for c in lines[0] if c in shared), None)


@lru_cache(maxsize=16)
def rows(to_version: str, directory: Path | None) -> tuple[Row, ...]:
    """Where each code of ``to_version`` and of every earlier version counts in it."""
    target = catalogue.get(to_version)
    rows: list[Row] = []
    for version in loader.available_versions(directory):
        if version_key(version) > version_key(to_version):
            continue
        for code in catalogue.get(version).version.codes:
            if version == to_version:
                landing: str | None = code.id
            else:
                mapped = catalogue.map_code(code.id, version, to_version)
                landing = _landing(target, mapped.codes)
            if landing is None:
                continue  # deprecated without a successor: it counts nowhere
            for depth, counted in enumerate([landing, *target.ancestors(landing)]):
                rows.append((version, code.id, counted, depth))
    return tuple(rows)


@lru_cache(maxsize=16)
def _fingerprint(to_version: str, directory: Path | None) -> str:
    return hashlib.sha256(json.dumps(rows(to_version, directory)).encode()).hexdigest()


def ensure(session: Session, to_version: str) -> None:
    """Make sure the roll-up rows for ``to_version`` are in the database and current."""
    directory = get_settings().typology_dir
    found, fingerprint = rows(to_version, directory), _fingerprint(to_version, directory)
    source = session.get(CodeRollupSource, to_version)
    if source is not None and source.fingerprint == fingerprint:
        return
    session.execute(delete(CodeRollup).where(CodeRollup.to_version == to_version))  # type: ignore[arg-type]
    session.execute(
        insert(CodeRollup),
        [
            {"to_version": to_version, "from_version": v, "from_code": c, "to_code": t, "depth": d}
            for v, c, t, d in found
        ],
    )
    if source is None:
        session.add(CodeRollupSource(to_version=to_version, fingerprint=fingerprint))
    else:
        source.fingerprint = fingerprint
        session.add(source)
    session.flush()
    # The planner must know the table's new size, or it joins the pattern queries badly.
    session.execute(text("ANALYZE code_rollup"))
