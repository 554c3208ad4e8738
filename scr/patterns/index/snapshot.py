"""One state of the pattern index, immutable; a newer one is made from it for the reviews that
changed (their rows dropped and read again, appended at the end: row order means nothing)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property

import numpy as np
from sqlmodel import Session

from scr.config import get_settings
from scr.patterns import rollup
from scr.patterns.index import load
from scr.patterns.index.load import Fingerprint, Paths, Rows, Source, Stamp, Tags


@dataclass(frozen=True)
class Coded:
    """The reviews' codes in one typology version: which review has which code (rolled up to
    its ancestors, or exactly the code its tags map to), by kind of record; and their chains."""

    codes: tuple[str, ...]  # the columns, in code order
    rolled: np.ndarray  # bool, kinds x rows x codes
    exact: np.ndarray
    chains: list[tuple[str, str, str]]  # each chain of codes seen, by id
    chain_row: np.ndarray  # each (review, chain) once: the review's row ...
    chain_id: np.ndarray  # ... and the chain's id

    @cached_property
    def column(self) -> dict[str, int]:
        return {code: i for i, code in enumerate(self.codes)}

    @cached_property
    def chain_rank(self) -> np.ndarray:
        """Each chain's place when the chains are sorted by their codes."""
        rank = np.empty(len(self.chains), dtype=np.int64)
        rank[sorted(range(len(self.chains)), key=self.chains.__getitem__)] = np.arange(
            len(self.chains)
        )
        return rank

    @cached_property
    def _every_kind(self) -> dict[bool, np.ndarray]:
        return {
            exact: self._of(self.exact if exact else self.rolled, None) for exact in (False, True)
        }

    @staticmethod
    def _of(held: np.ndarray, kinds: Sequence[int] | None) -> np.ndarray:
        chosen = held if kinds is None else held[list(kinds)]
        return np.logical_or.reduce(chosen, axis=0).astype(np.float64)  # type: ignore[no-any-return]

    def matrix(self, kinds: Sequence[int], *, exact: bool) -> np.ndarray:
        """Which review has which code (rows x codes, 0.0 or 1.0, ready for matrix products),
        counting the tags of ``kinds`` of record (every kind when empty; kept in memory)."""
        if not kinds:
            return self._every_kind[exact]
        return self._of(self.exact if exact else self.rolled, kinds)


def _mapping(version: str) -> tuple[tuple[str, ...], dict[Source, list[tuple[int, int]]]]:
    """The version's codes, and where each (version, code) a tag can carry counts in it."""
    rows = rollup.rows(version, get_settings().typology_dir)
    codes = tuple(sorted({to_code for _, _, to_code, _ in rows}))
    column = {code: i for i, code in enumerate(codes)}
    where: dict[Source, list[tuple[int, int]]] = {}
    for from_version, from_code, to_code, depth in rows:
        where.setdefault((from_version, from_code), []).append((column[to_code], depth))
    return codes, where


def _places(ids: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """The row of each of ``wanted`` among ``ids`` (every one of them is there)."""
    order = np.argsort(ids, kind="stable")
    return np.asarray(order[np.searchsorted(ids[order], wanted)])


def _spread(starts: np.ndarray, widths: np.ndarray) -> np.ndarray:
    """``starts[n], starts[n] + 1, ...`` for ``widths[n]`` places each, one after another."""
    ends = np.cumsum(widths)
    return np.repeat(starts - ends + widths, widths) + np.arange(int(ends[-1]) if len(ends) else 0)


def _each(keys: np.ndarray, values: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, ...]:
    """Every ``values[n]`` whose ``keys[n]`` is one of ``wanted``: for each, its place in
    ``wanted`` and the value (a join of two arrays)."""
    order = np.argsort(keys, kind="stable")
    keys, values = keys[order], values[order]
    low = np.searchsorted(keys, wanted, side="left")
    widths = np.searchsorted(keys, wanted, side="right") - low
    return np.repeat(np.arange(len(wanted)), widths), values[_spread(low, widths)]


def _chains(
    codes: tuple[str, ...], rows: np.ndarray, paths: Paths, records: dict[int, np.ndarray]
) -> tuple[list[tuple[str, str, str]], np.ndarray, np.ndarray]:
    """Each chain of codes a path's records carry, and each (row, chain) once. ``records``
    holds, for factors and episodes, their ids and codes (a two-column array each)."""
    factors, episodes = records[load.KINDS.index("factor")], records[load.KINDS.index("episode")]
    at, first = _each(factors[:, 0], factors[:, 1], paths.first)
    row, second_id, episode_id = rows[at], paths.second[at], paths.episode[at]
    at, second = _each(factors[:, 0], factors[:, 1], second_id)
    row, first, episode_id = row[at], first[at], episode_id[at]
    at, episode = _each(episodes[:, 0], episodes[:, 1], episode_id)
    width = len(codes)
    chain = (first[at] * width + second[at]) * width + episode
    occurrence = np.unique(row[at] * width**3 + chain)
    found, chain_id = np.unique(occurrence % width**3, return_inverse=True)
    a, rest = np.divmod(found, width**2)
    b, c = np.divmod(rest, width)
    triples = [(codes[x], codes[y], codes[z]) for x, y, z in zip(a, b, c, strict=True)]
    return triples, occurrence // width**3, chain_id.reshape(-1)


def code(version: str, rows: Rows, tags: Tags, paths: Paths) -> Coded:
    """The codes of ``rows`` (and only theirs) in ``version``."""
    codes, where = _mapping(version)
    shape = (len(load.KINDS), len(rows.ids), len(codes))
    rolled, exact = np.zeros(shape, dtype=bool), np.zeros(shape, dtype=bool)
    # Each source (version, code) a tag carries, expanded to the codes it counts under.
    targets = [where.get(source, []) for source in load.sources]
    width = np.array([len(t) for t in targets] + [0], dtype=np.int64)
    start = np.concatenate([[0], np.cumsum(width)])
    flat = np.array([c for t in targets for c in t] or [(0, 0)], dtype=np.int64).reshape(-1, 2)
    repeats = width[tags.source]
    landed = flat[_spread(start[tags.source], repeats)]
    k = np.repeat(tags.kind.astype(np.int64), repeats)
    r = np.repeat(_places(rows.ids, tags.review), repeats)
    c, d = landed[:, 0], landed[:, 1]
    rolled[k, r, c] = True
    exact[k[d == 0], r[d == 0], c[d == 0]] = True
    # The records' own codes (depth 0), once each, for the chains.
    record = np.repeat(tags.target, repeats)[d == 0]
    kind, column = k[d == 0], c[d == 0]
    records = {}
    for n in range(len(load.KINDS)):
        pairs = np.unique(record[kind == n] * len(codes) + column[kind == n])
        records[n] = np.stack(np.divmod(pairs, len(codes)), axis=1)
    chains, chain_row, chain_id = _chains(codes, _places(rows.ids, paths.review), paths, records)
    return Coded(codes, rolled, exact, chains, chain_row, chain_id)


def _joined(old: Coded, kept: np.ndarray, new: Coded) -> Coded:
    """``old``'s kept rows, then ``new``'s rows after them (same version, same columns)."""
    renumbered = np.cumsum(kept) - 1
    ids = {chain: n for n, chain in enumerate(old.chains)}
    for chain in new.chains:
        ids.setdefault(chain, len(ids))
    new_ids = np.array([ids[chain] for chain in new.chains], dtype=np.int64)
    keep_chain = kept[old.chain_row]
    return Coded(
        old.codes,
        np.concatenate([old.rolled[:, kept], new.rolled], axis=1),
        np.concatenate([old.exact[:, kept], new.exact], axis=1),
        list(ids),
        np.concatenate([renumbered[old.chain_row[keep_chain]], new.chain_row + int(kept.sum())]),
        np.concatenate([old.chain_id[keep_chain], new_ids[new.chain_id]]),
    )


@dataclass(frozen=True)
class Snapshot:
    """Every review as the index holds it, and its codes in each version asked for so far."""

    fingerprint: Fingerprint
    stamps: dict[int, Stamp]  # review id -> (revision, revision time)
    boards: dict[int, tuple[str, int]]  # board id -> (code, region's place)
    rows: Rows
    tags: Tags
    paths: Paths
    coded: dict[str, Coded] = field(default_factory=dict)

    @cached_property
    def region(self) -> np.ndarray:
        places = {board: region for board, (_, region) in self.boards.items()}
        return np.array([places.get(int(b), -1) for b in self.rows.board], dtype=np.int8)

    def in_version(self, version: str) -> Coded:
        """The codes in ``version``, worked out the first time it is asked for."""
        if version not in self.coded:
            self.coded[version] = code(version, self.rows, self.tags, self.paths)
        return self.coded[version]


def build(session: Session, fingerprint: Fingerprint) -> Snapshot:
    """Every review, read from the database."""
    return Snapshot(
        fingerprint=fingerprint,
        stamps=load.revisions(session),
        boards=load.boards(session),
        rows=load.review_rows(session, None),
        tags=load.agreed_tags(session, None),
        paths=load.chains(session, None),
    )


def _rows(old: Rows, kept: np.ndarray, new: Rows) -> Rows:
    return Rows(
        ids=np.concatenate([old.ids[kept], new.ids]),
        board=np.concatenate([old.board[kept], new.board]),
        key=np.concatenate([old.key[kept], new.key]),
        year=np.concatenate([old.year[kept], new.year]),
        attributes={
            name: np.concatenate([values[kept], new.attributes[name]])
            for name, values in old.attributes.items()
        },
    )


RECENT_MARGIN = timedelta(minutes=10)
"""How long before the newest revision time an index has seen it looks for the reviews revised
since: so that a change stamped earlier, whose transaction committed later, is found among
them. (One that took longer still is found by comparing every review, see ``_revised_since``.)"""


def _revised_since(
    session: Session, old: Snapshot, fingerprint: Fingerprint
) -> dict[int, Stamp] | None:
    """The stamps of the reviews revised since ``old`` was made, read among the recently
    revised alone (at 200,000 reviews, reading every stamp took 0.6 s); None when those do not
    account for every change the fingerprints show, and every stamp must be compared.

    Revisions only grow, so when the recent reviews' growth is all the growth of the sum of
    revisions, no other review changed; and when the reviews new among them are all the
    change of the count and of the sum of ids, none was added with an older time or removed."""
    count, id_sum, revision_sum, newest = old.fingerprint.reviews
    if newest is None:
        return None
    recent = load.revisions(session, since=newest - RECENT_MARGIN)
    added = [i for i in recent if i not in old.stamps]
    growth = [recent[i][0] - old.stamps[i][0] for i in recent if i in old.stamps]
    if any(g < 0 for g in growth):
        return None
    now_count, now_id_sum, now_revision_sum, _ = fingerprint.reviews
    accounted = (
        int(now_count) == int(count) + len(added)
        and int(now_id_sum or 0) == int(id_sum or 0) + sum(added)
        and int(now_revision_sum or 0)
        == int(revision_sum or 0) + sum(growth) + sum(recent[i][0] for i in added)
    )
    return recent if accounted else None


def updated(session: Session, old: Snapshot, fingerprint: Fingerprint) -> Snapshot:
    """``old`` with the reviews changed, added or removed since it was made read again."""
    recent = _revised_since(session, old, fingerprint)
    if recent is not None:
        stamps = old.stamps | recent
        changed = sorted(i for i, stamp in recent.items() if old.stamps.get(i) != stamp)
        gone: set[int] = set()
    else:
        stamps = load.revisions(session)
        changed = sorted(i for i, stamp in stamps.items() if old.stamps.get(i) != stamp)
        gone = set(old.stamps) - set(stamps)
    if len(changed) + len(gone) > len(stamps) // 2:
        return build(session, fingerprint)  # most of it: reading everything is as quick
    dropped = np.array(sorted(gone | set(changed)), dtype=np.int64)
    kept = ~np.isin(old.rows.ids, dropped)
    rows, tags = load.review_rows(session, changed), load.agreed_tags(session, changed)
    paths = load.chains(session, changed)
    snapshot = Snapshot(
        fingerprint=fingerprint,
        stamps=stamps,
        boards=load.boards(session),
        rows=_rows(old.rows, kept, rows),
        tags=old.tags.without(dropped).then(tags),
        paths=old.paths.without(dropped).then(paths),
    )
    for version, coded in old.coded.items():
        snapshot.coded[version] = _joined(coded, kept, code(version, rows, tags, paths))
    return snapshot
