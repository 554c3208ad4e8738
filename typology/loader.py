"""Load published typology versions and mappings, look codes up, and carry codes forward.

Versions live in ``versions/<version>.json`` and mappings in ``mappings/<old>__<new>.json``
beside this module, or in another folder given as ``directory`` (tests use that).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from typology import checks
from typology.schema import Code, Mapping, TypologyVersion

PACKAGE_DIR = Path(__file__).resolve().parent


class TypologyError(Exception):
    """A typology file is missing or invalid; ``problems`` lists every fault found."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def available_versions(directory: Path | None = None) -> list[str]:
    """Every version on file, oldest first."""
    folder = (directory or PACKAGE_DIR) / "versions"
    return sorted((p.stem for p in folder.glob("*.json")), key=_key)


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

    def children(self, code_id: str | None) -> list[str]:
        """Direct children (``None`` gives the top-level codes)."""
        return list(self._children.get(code_id, []))

    def descendants(self, code_id: str) -> list[str]:
        """Every code below ``code_id``, depth first."""
        found: list[str] = []
        stack = list(reversed(self.children(code_id)))
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(reversed(self.children(current)))
        return found

    def ancestors(self, code_id: str) -> list[str]:
        """The chain of parents, nearest first."""
        chain: list[str] = []
        parent = self.codes[code_id].parent
        while parent is not None:
            chain.append(parent)
            parent = self.codes[parent].parent
        return chain

    def search(self, text: str) -> list[Code]:
        """Codes whose id, label, definition or includes mention ``text`` (any case)."""
        needle = text.casefold()
        return [
            c
            for c in self.version.codes
            if needle in c.id.casefold()
            or needle in c.label.casefold()
            or needle in c.definition.casefold()
            or any(needle in i.casefold() for i in c.includes)
        ]


@lru_cache(maxsize=64)
def load(version: str, directory: Path | None = None) -> Typology:
    """Load and validate a version (cached: published versions never change)."""
    path = (directory or PACKAGE_DIR) / "versions" / f"{version}.json"
    if not path.is_file():
        known = ", ".join(available_versions(directory)) or "none"
        raise TypologyError(f"There is no typology version {version} (known: {known}).")
    model, problems = checks.parse(path)
    if isinstance(model, TypologyVersion):
        problems += checks.version_problems(model)
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
        problems += checks.mapping_problems(
            load(old, directory).version, load(new, directory).version, model
        )
    if problems or not isinstance(model, Mapping):
        raise TypologyError(f"The mapping from {old} to {new} is not valid.", problems)
    return model


@dataclass(frozen=True)
class Mapped:
    """Where an old code lands: one code, several for a person to choose from (a split), or
    none (deprecated without a successor)."""

    codes: tuple[str, ...]
    needs_choice: bool


def map_code(
    code: str, from_version: str, to_version: str, directory: Path | None = None
) -> Mapped:
    """Carry ``code`` forward through each mapping between the two versions."""
    versions = available_versions(directory)
    if _key(to_version) < _key(from_version):
        raise TypologyError(
            f"Codes are carried forward only, not from {from_version} to {to_version}."
        )
    steps = [v for v in versions if _key(from_version) < _key(v) <= _key(to_version)]
    current: tuple[str, ...] = (code,)
    needs_choice = False
    previous = from_version
    for step in steps:
        entries = {e.from_code: e for e in load_mapping(previous, step, directory).entries}
        carried: list[str] = []
        for c in current:
            entry = entries.get(c)
            targets = entry.to if entry is not None else (c,)
            needs_choice = needs_choice or (entry is not None and entry.kind == "split")
            carried.extend(t for t in targets if t not in carried)
        current = tuple(carried)
        previous = step
    return Mapped(codes=current, needs_choice=needs_choice)


def validate_file(path: Path) -> list[str]:
    """Every problem with a version or mapping file (mappings are checked against the
    versions in the ``versions`` folder beside their own folder)."""
    model, problems = checks.parse(path)
    if isinstance(model, TypologyVersion):
        problems += checks.version_problems(model)
    elif isinstance(model, Mapping):
        root = path.resolve().parent.parent
        try:
            old = load(model.from_version, root).version
            new = load(model.to_version, root).version
        except TypologyError as exc:
            return [*problems, str(exc), *exc.problems]
        problems += checks.mapping_problems(old, new, model)
    return problems
