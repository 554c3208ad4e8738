"""Reading the national typology for the API and the command line."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from scr.coding.schemas import (
    CodeChange,
    CodeDetail,
    CodeNode,
    CodeRead,
    CodeRef,
    TypologyChanges,
    TypologySummary,
    TypologyTree,
)
from scr.config import get_settings
from scr.errors import InvalidInput, NotFound
from typology import diff, loader
from typology.checks import version_key
from typology.loader import Typology, TypologyError
from typology.schema import Code


def _read(code: Code) -> CodeRead:
    return CodeRead.model_validate(code.model_dump())


def _dir() -> Path | None:
    return get_settings().typology_dir


def current_version() -> str:
    """The newest published version."""
    return loader.current_version(_dir())


def get(version: str) -> Typology:
    """A published or draft version, or NotFound naming the versions there are."""
    try:
        return loader.load(version, _dir())
    except TypologyError as exc:
        raise NotFound(str(exc)) from None


def map_code(code: str, from_version: str, to_version: str) -> loader.Mapped:
    """Where ``code`` lands in a later version (see ``typology.loader.map_code``)."""
    try:
        return loader.map_code(code, from_version, to_version, _dir())
    except TypologyError as exc:
        raise InvalidInput(str(exc), field=("body", "to_version")) from None


def summaries() -> list[TypologySummary]:
    """Every version on file, newest first."""
    current = current_version()
    found = []
    for version in reversed(loader.available_versions(_dir())):
        t = get(version).version
        found.append(
            TypologySummary(
                version=t.version,
                title=t.title,
                published=t.published,
                status=t.status,
                codes=len(t.codes),
                current=t.version == current,
            )
        )
    return found


def tree(version: str) -> TypologyTree:
    """The version's codes as a tree, top-level codes first in file order."""
    t = get(version)

    def node(code_id: str) -> CodeNode:
        code = t.codes[code_id]
        return CodeNode(**code.model_dump(), children=[node(c) for c in t.children(code_id)])

    v = t.version
    return TypologyTree(
        version=v.version,
        title=v.title,
        published=v.published,
        status=v.status,
        codes=[node(c) for c in t.children(None)],
    )


def code(version: str, code_id: str) -> CodeDetail:
    """One code with where it sits in the tree."""
    t = get(version)
    found = t.code(code_id)
    if found is None:
        raise NotFound(f"Typology {version} has no code {code_id}.")
    return CodeDetail(
        **found.model_dump(),
        version=version,
        ancestors=t.ancestors(code_id),
        children=t.children(code_id),
    )


def search(version: str, text: str) -> list[CodeRead]:
    """Codes whose id, label, definition or includes mention ``text``."""
    return [_read(c) for c in get(version).search(text)]


def ensure_codes(
    codes: list[str], kind: str, field: tuple[str | int, ...], version: str | None = None
) -> None:
    """Refuse codes the typology (the current one by default) does not have, or that may not
    tag ``kind``."""
    version = version or current_version()
    typology = get(version)
    for index, code_id in enumerate(codes):
        code = typology.code(code_id)
        where = (*field, index) if len(codes) > 1 or field[-1] != "category" else field
        if code is None:
            raise InvalidInput(f"Typology {version} has no code {code_id}.", field=where)
        if kind not in code.applies_to:
            raise InvalidInput(
                f"Code {code_id} of typology {version} may tag a "
                f"{' or '.join(code.applies_to)}, not a {kind}.",
                field=where,
            )


def version_holding(current: str, codes: Iterable[str], tagged: Iterable[str]) -> str:
    """The version a record's own codes are in, when they carry none: the newest of the
    ``current`` one and the ``tagged`` versions (those of the review's tags) that holds every
    one of them (a review coded under an older version keeps its codes until its tags move)."""
    wanted = set(codes)
    for version in sorted({current, *tagged}, key=version_key, reverse=True):
        if all(get(version).code(c) is not None for c in wanted):
            return version
    return current


def changes(version: str) -> TypologyChanges:
    """What changed from the version before ``version``: every code added, and what became
    of every code the mapping covers (so a browser can say "replaced by" and "formerly")."""
    after = get(version)
    versions = loader.available_versions(_dir())
    at = versions.index(version)
    if at == 0:
        return TypologyChanges(from_version=None, to_version=version, changes=[])
    old = versions[at - 1]
    try:
        found = diff.diff(old, version, _dir())
    except TypologyError as exc:
        raise NotFound(str(exc)) from None
    before = get(old)

    def ref(code_id: str) -> CodeRef:
        return CodeRef(id=code_id, label=after.require(code_id).label)

    def change(kind: str, moved: diff.Moved) -> CodeChange:
        return CodeChange.model_validate(
            {
                "kind": kind,
                "from_code": moved.from_code,
                "from_label": before.require(moved.from_code).label,
                "to": [ref(c) for c in moved.to if c != moved.from_code],
                "note": moved.note,
            }
        )

    listed = [
        CodeChange(kind="added", from_code=None, from_label=None, to=[ref(c.id)], note="")
        for c in found.added
    ]
    listed += [change("retired", m) for m in found.retired]
    listed += [change("merged", m) for sources in found.merged.values() for m in sources]
    listed += [change("split", m) for m in found.split]
    listed += [change("deprecated", m) for m in found.deprecated]
    listed += [change("renamed", m) for m in found.renamed]
    listed += [change("redefined", m) for m in found.redefined]
    listed += [
        CodeChange(
            kind="relabelled", from_code=r.code, from_label=r.before, to=[ref(r.code)], note=""
        )
        for r in found.relabelled
    ]
    return TypologyChanges(from_version=old, to_version=version, changes=listed)
