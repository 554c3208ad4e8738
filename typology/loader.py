"""Load typology versions and mappings, look codes up, and carry codes forward.

Versions live in ``versions/<version>.json`` and mappings in ``mappings/<old>__<new>.json``
beside this module, or in another folder given as ``directory`` (tests and
``SCR_TYPOLOGY_DIR`` use that). Loaded versions and mappings are cached for the life of the
process: a published file never changes, and a draft is re-read only by ``validate_file``.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Mapping as MappingOf
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from typology import checks
from typology.schema import Code, Mapping, TypologyVersion

# A path relative to the module works from a checkout and from an installed wheel (the JSON
# files are package data); a zipped install is not supported.
PACKAGE_DIR = Path(__file__).resolve().parent


class TypologyError(Exception):
    """A typology file, version, code or mapping is missing or invalid; ``problems`` lists
    every fault found."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


def available_versions(directory: Path | None = None) -> list[str]:
    """Every version on file, published or draft, oldest first."""
    folder = (directory or PACKAGE_DIR) / "versions"
    found = (p.stem for p in folder.glob("*.json") if checks.is_version(p.stem))
    return sorted(found, key=checks.version_key)


def current_version(directory: Path | None = None) -> str:
    """The newest published version."""
    published = [v for v in available_versions(directory) if load(v, directory).published]
    if not published:
        raise TypologyError("No published typology version is on file.")
    return published[-1]


class Typology:
    """One loaded version with its codes indexed for lookup."""

    def __init__(self, version: TypologyVersion) -> None:
        self.version = version
        self.codes = {code.id: code for code in version.codes}

    @property
    def published(self) -> bool:
        return self.version.status == "published"

    @cached_property
    def _children(self) -> dict[str | None, list[str]]:
        children: dict[str | None, list[str]] = {}
        for code in self.version.codes:
            children.setdefault(code.parent, []).append(code.id)
        return children

    def code(self, code_id: str) -> Code | None:
        return self.codes.get(code_id)

    def require(self, code_id: str) -> Code:
        """The code, or a TypologyError naming it and the version."""
        found = self.codes.get(code_id)
        if found is None:
            raise TypologyError(f"Typology {self.version.version} has no code {code_id}.")
        return found

    def children(self, code_id: str | None) -> list[str]:
        """Direct children in file order (``None`` gives the top-level codes)."""
        if code_id is not None:
            self.require(code_id)
        return list(self._children.get(code_id, []))

    def descendants(self, code_id: str) -> list[str]:
        """Every code below ``code_id``, depth first."""
        found: list[str] = []
        stack = list(reversed(self.children(code_id)))
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(reversed(self._children.get(current, [])))
        return found

    def ancestors(self, code_id: str) -> list[str]:
        """The chain of parents, nearest first."""
        self.require(code_id)
        chain: list[str] = []
        parent = self.codes[code_id].parent
        while parent is not None:
            chain.append(parent)
            parent = self.codes[parent].parent
        return chain

    def roll_up(self, counts: MappingOf[str, int]) -> dict[str, int]:
        """Each code's count plus the counts of every code below it.

        A record tagged with both a code and its parent is counted twice at the parent; count
        distinct records with ``ancestors`` where that matters.
        """
        totals = dict.fromkeys(self.codes, 0)
        for code_id, n in counts.items():
            for counted in (code_id, *self.ancestors(code_id)):
                totals[counted] += n
        return totals

    def search(self, text: str) -> list[Code]:
        """Codes whose id, label, definition or includes mention ``text`` (any case), in
        file order."""
        needle = text.casefold().strip()
        return [c for c in self.version.codes if any(needle in f for f in _searchable(c))]


def _searchable(code: Code) -> Iterable[str]:
    return (s.casefold() for s in (code.id, code.label, code.definition, *code.includes))


@lru_cache(maxsize=64)
def load(version: str, directory: Path | None = None) -> Typology:
    """Load and validate a version (cached: published versions never change)."""
    path = (directory or PACKAGE_DIR) / "versions" / f"{version}.json"
    if not checks.is_version(version) or not path.is_file():
        known = ", ".join(available_versions(directory)) or "none"
        raise TypologyError(f"There is no typology version {version} (known: {known}).")
    model, problems = checks.parse(path)
    if isinstance(model, TypologyVersion):
        problems += checks.name_problems(path, model) + checks.version_problems(model)
    if problems or not isinstance(model, TypologyVersion):
        raise TypologyError(f"Typology version {version} is not valid.", problems)
    return Typology(model)


@lru_cache(maxsize=64)
def load_mapping(old: str, new: str, directory: Path | None = None) -> Mapping:
    """The mapping from ``old`` to ``new``, checked against both versions."""
    path = (directory or PACKAGE_DIR) / "mappings" / f"{old}__{new}.json"
    if not path.is_file():
        raise TypologyError(f"There is no mapping from typology {old} to {new}.")
    model, problems = checks.parse(path)
    if isinstance(model, Mapping):
        problems += checks.name_problems(path, model)
        if not problems:
            before, after = load(old, directory).version, load(new, directory).version
            problems += checks.mapping_problems(before, after, model)
    if problems or not isinstance(model, Mapping):
        raise TypologyError(f"The mapping from {old} to {new} is not valid.", problems)
    return model


@dataclass(frozen=True)
class Mapped:
    """Where an old code lands.

    ``codes`` holds every new code the old one may now be, in mapping order. When a split
    made the old code ambiguous (several codes, or a code and nothing because one branch was
    deprecated without a successor), ``needs_choice`` is true and a person must choose;
    nothing here picks for them. An empty ``codes`` means the code was deprecated without a
    successor. ``changes`` says, a sentence a step, what happened on the way.
    """

    codes: tuple[str, ...]
    needs_choice: bool
    changes: tuple[str, ...] = ()


def _step(
    live: Iterable[str], mapping: Mapping, changes: list[str]
) -> tuple[dict[str, None], bool]:
    """Carry ``live`` codes over one mapping; the codes reached and whether any was dropped."""
    entries = {e.from_code: e for e in mapping.entries}
    reached: dict[str, None] = {}  # an ordered set: splits keep the mapping's order
    dropped = False
    where = f"{mapping.from_version} -> {mapping.to_version}"
    for code in live:
        entry = entries.get(code)
        if entry is None:
            reached[code] = None
            continue
        reached.update(dict.fromkeys(entry.to))
        dropped = dropped or not entry.to
        if entry.kind != "unchanged":
            into = ", ".join(entry.to) or "no successor"
            changes.append(f"{where}: {code} ({entry.kind}) -> {into}")
    return reached, dropped


def map_code(
    code: str, from_version: str, to_version: str, directory: Path | None = None
) -> Mapped:
    """Carry ``code`` of ``from_version`` forward through each mapping up to ``to_version``."""
    if checks.version_key(to_version) < checks.version_key(from_version):
        raise TypologyError(
            f"Codes are carried forward only, not from {from_version} to {to_version}."
        )
    start = load(from_version, directory)
    load(to_version, directory)  # refuses a version that is not on file
    start.require(code)
    low, high = checks.version_key(from_version), checks.version_key(to_version)
    live: dict[str, None] = {code: None}
    dropped = False
    changes: list[str] = []
    previous = from_version
    for step in available_versions(directory):
        if low < checks.version_key(step) <= high:
            live, lost = _step(live, load_mapping(previous, step, directory), changes)
            dropped = dropped or lost
            previous = step
    outcomes = len(live) + (1 if dropped and live else 0)
    return Mapped(codes=tuple(live), needs_choice=outcomes > 1, changes=tuple(changes))


def shipped_files(directory: Path | None = None) -> list[Path]:
    """Every version file, oldest first, then every mapping file in the typology folder."""
    folder = directory or PACKAGE_DIR
    versions = [folder / "versions" / f"{v}.json" for v in available_versions(directory)]
    return versions + sorted((folder / "mappings").glob("*.json"))


def validate_file(path: Path) -> list[str]:
    """Every problem with a version or mapping file; an empty list when it is valid.

    A mapping is checked against the versions in the ``versions`` folder beside its own
    folder. Nothing is cached, so a file being edited is read as it is now.
    """
    model, problems = checks.parse(path)
    if isinstance(model, TypologyVersion):
        return problems + checks.name_problems(path, model) + checks.version_problems(model)
    if not isinstance(model, Mapping):
        return problems
    problems += checks.name_problems(path, model)
    versions: list[TypologyVersion] = []
    for version in (model.from_version, model.to_version):
        beside = path.resolve().parent.parent / "versions" / f"{version}.json"
        if not beside.is_file():
            problems.append(f"{path.name}: version {version} is not on file at {beside}")
            continue
        found, faults = checks.parse(beside)
        if isinstance(found, TypologyVersion):
            faults += checks.version_problems(found)
        if faults or not isinstance(found, TypologyVersion):
            problems.append(f"{path.name}: version {version} is not valid, so it cannot be used")
            problems += faults
        else:
            versions.append(found)
    if len(versions) == 2:
        problems += checks.mapping_problems(versions[0], versions[1], model)
    return problems
