"""What changed between two consecutive versions: read from the versions and their mapping.

The mapping says what became of each old code; the versions say what is new and what was
relabelled. ``diff`` gathers both, ``describe`` says them as text for the command line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from typology import loader
from typology.schema import Code


@dataclass(frozen=True)
class Moved:
    """An old code and the new code(s) it became, with the mapping's note."""

    from_code: str
    to: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class Relabelled:
    code: str
    before: str
    after: str


@dataclass(frozen=True)
class VersionDiff:
    from_version: str
    to_version: str
    added: tuple[Code, ...] = ()
    retired: tuple[Moved, ...] = ()  # left the version with no successor
    merged: dict[str, tuple[Moved, ...]] = field(default_factory=dict)  # by the code they became
    split: tuple[Moved, ...] = ()
    deprecated: tuple[Moved, ...] = ()
    renamed: tuple[Moved, ...] = ()  # a rename or a move: a new id, the same meaning
    redefined: tuple[Moved, ...] = ()
    relabelled: tuple[Relabelled, ...] = ()

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.added,
                self.retired,
                self.merged,
                self.split,
                self.deprecated,
                self.renamed,
                self.redefined,
                self.relabelled,
            )
        )


def diff(old: str, new: str, directory: Path | None = None) -> VersionDiff:
    """What changed from version ``old`` to ``new``, which the mapping ``old__new`` joins."""
    before, after = loader.load(old, directory), loader.load(new, directory)
    mapping = loader.load_mapping(old, new, directory)
    kinds: dict[str, list[Moved]] = {}
    targets: set[str] = set()
    for entry in mapping.entries:
        moved = Moved(entry.from_code, entry.to, entry.note)
        kind = "renamed" if entry.kind in ("rename", "move") else entry.kind
        if entry.kind == "deprecate" and entry.from_code not in after.codes:
            kind = "retire"  # gone from the version: no different from a retirement
        kinds.setdefault(kind, []).append(moved)
        targets.update(t for t in entry.to if t != entry.from_code)
    merged: dict[str, list[Moved]] = {}
    for moved in kinds.get("merge", []):
        merged.setdefault(moved.to[0], []).append(moved)
    relabelled = [
        Relabelled(code.id, before.codes[code.id].label, code.label)
        for code in after.version.codes
        if code.id in before.codes and before.codes[code.id].label != code.label
    ]
    return VersionDiff(
        from_version=old,
        to_version=new,
        added=tuple(
            c for c in after.version.codes if c.id not in before.codes and c.id not in targets
        ),
        retired=tuple(kinds.get("retire", [])),
        merged={code: tuple(sources) for code, sources in merged.items()},
        split=tuple(kinds.get("split", [])),
        deprecated=tuple(kinds.get("deprecate", [])),
        renamed=tuple(kinds.get("renamed", [])),
        redefined=tuple(kinds.get("redefine", [])),
        relabelled=tuple(relabelled),
    )


def _noted(text: str, note: str) -> str:
    return f"{text}: {note}" if note else text


def describe(changes: VersionDiff) -> list[str]:
    """The changes as lines of text, a heading per kind of change and a line per code."""
    lines = [f"Typology {changes.from_version} -> {changes.to_version}"]
    if changes.empty:
        return [*lines, "  no change"]

    def section(title: str, items: list[str], codes: int | None = None) -> None:
        if items:
            lines.append(f"{title} ({len(items) if codes is None else codes}):")
            lines.extend(f"  {item}" for item in items)

    section("Added", [f"{c.id}  {c.label}" for c in changes.added])
    retired: dict[str, list[str]] = {}  # codes retired for one reason are said once
    for m in changes.retired:
        retired.setdefault(m.note, []).append(m.from_code)
    section(
        "Retired, no successor (tags with them are dropped on a move)",
        [_noted(", ".join(codes), note) for note, codes in retired.items()],
        len(changes.retired),
    )
    section(
        "Merged",
        [
            _noted(f"{', '.join(m.from_code for m in sources)} -> {into}", sources[0].note)
            for into, sources in changes.merged.items()
        ],
    )
    section(
        "Split (a person chooses for each tag)",
        [_noted(f"{m.from_code} -> {' or '.join(m.to)}", m.note) for m in changes.split],
    )
    section(
        "Deprecated (kept for old tags, not for new ones)",
        [
            _noted(m.from_code + (f" -> {m.to[0]}" if m.to[:1] != (m.from_code,) else ""), m.note)
            for m in changes.deprecated
        ],
    )
    section(
        "Renamed or moved",
        [_noted(f"{m.from_code} -> {m.to[0]}", m.note) for m in changes.renamed],
    )
    section(
        "Redefined",
        [
            _noted(m.from_code + (f" -> {m.to[0]}" if m.to != (m.from_code,) else ""), m.note)
            for m in changes.redefined
        ],
    )
    section(
        "Relabelled",
        [f'{r.code}: "{r.before}" -> "{r.after}"' for r in changes.relabelled],
    )
    return lines
