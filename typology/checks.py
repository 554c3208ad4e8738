"""Validation of typology files: every problem found, each said in a sentence naming the code."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from typology.schema import AXIS_PREFIX, VERSION, Code, Mapping, MappingEntry, TypologyVersion

_ONE_TARGET = ("rename", "merge", "move", "redefine")


def version_key(version: str) -> tuple[int, ...]:
    """Sort key for "1.10" after "1.9"."""
    return tuple(int(part) for part in version.split("."))


def is_version(text: str) -> bool:
    return re.fullmatch(VERSION, text) is not None


def _item_name(raw: Any, loc: tuple[int | str, ...]) -> str:
    """``codes[3] (pt.a)``: the item's place and, where the file gives it, its id."""
    if len(loc) < 2 or loc[0] not in ("codes", "entries") or not isinstance(loc[1], int):
        return ""
    name = f"{loc[0]}[{loc[1]}]"
    try:
        item = raw[loc[0]][loc[1]]
    except (KeyError, IndexError, TypeError):
        return name
    key = "id" if loc[0] == "codes" else "from"
    if isinstance(item, dict) and isinstance(item.get(key), str):
        name += f" ({item[key]})" if key == "id" else f" (from {item[key]})"
    return name


def _schema_problems(where: str, raw: Any, error: ValidationError) -> list[str]:
    problems = []
    for e in error.errors():
        loc = tuple(e["loc"])
        item = _item_name(raw, loc)
        rest = loc[2:] if item else loc
        path = ".".join(str(p) for p in rest) or "(top level)"
        got = e.get("input")
        shown = f" (got {got!r:.60})" if isinstance(got, str | int | float | bool) else ""
        problems.append(f"{where}: {item + ': ' if item else ''}{path}: {e['msg']}{shown}")
    return problems


def parse(path: Path) -> tuple[TypologyVersion | Mapping | None, list[str]]:
    """Read a version or mapping file; the model, or None and the problems."""
    try:
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return None, [f"{path.name}: cannot be read ({exc})"]
    except json.JSONDecodeError as exc:
        return None, [
            f"{path.name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ]
    is_mapping = isinstance(raw, dict) and bool({"entries", "from_version"} & raw.keys())
    model: type[TypologyVersion] | type[Mapping] = Mapping if is_mapping else TypologyVersion
    try:
        return model.model_validate(raw), []
    except ValidationError as exc:
        return None, _schema_problems(path.name, raw, exc)


def name_problems(path: Path, model: TypologyVersion | Mapping) -> list[str]:
    """A file named like a version or mapping must hold that version or mapping."""
    if isinstance(model, TypologyVersion):
        if is_version(path.stem) and path.stem != model.version:
            return [f"{path.name}: holds version {model.version}, not {path.stem}"]
        return []
    expected = f"{model.from_version}__{model.to_version}"
    if "__" in path.stem and path.stem != expected:
        return [f"{path.name}: holds the mapping {expected}, so it must be named {expected}.json"]
    return []


def version_problems(version: TypologyVersion) -> list[str]:
    """Duplicate ids, ids off the scheme, missing parents, parent cycles, axis mismatches."""
    where = f"version {version.version}"
    problems: list[str] = []
    by_id: dict[str, Code] = {}
    for code in version.codes:
        if code.id in by_id:
            problems.append(f"{where}: code {code.id} appears more than once")
        by_id[code.id] = code
        prefix = AXIS_PREFIX[code.axis]
        if code.id.split(".")[0] != prefix:
            problems.append(
                f"{where}: code {code.id} is on axis {code.axis}, so its id must start with "
                f"'{prefix}.'"
            )
    for code in version.codes:
        if code.parent is None:
            continue
        parent = by_id.get(code.parent)
        if parent is None:
            problems.append(
                f"{where}: code {code.id} names parent {code.parent}, which does not exist"
            )
            continue
        if parent.axis != code.axis:
            problems.append(
                f"{where}: code {code.id} is on axis {code.axis} but its parent {parent.id} "
                f"is on axis {parent.axis}"
            )
        if code.id.rpartition(".")[0] != parent.id:
            problems.append(
                f"{where}: code {code.id} is under {parent.id}, so its id must be "
                f"{parent.id}.<slug>"
            )
    for code in version.codes:
        seen = [code.id]
        above = code.parent
        while above is not None and above in by_id:
            if above in seen:
                chain = " -> ".join([*seen, above])
                problems.append(f"{where}: code {code.id} is its own ancestor ({chain})")
                break
            seen.append(above)
            above = by_id[above].parent
    return problems


def _entry_problems(
    where: str, entry: MappingEntry, old: dict[str, Code], new: dict[str, Code]
) -> list[str]:
    problems: list[str] = []
    code, to, kind = entry.from_code, entry.to, entry.kind
    for target in sorted({t for t in to if to.count(t) > 1}):
        problems.append(f"{where}: {code} names {target} more than once")
    if kind == "split" and len(set(to)) < 2:
        problems.append(f"{where}: {code} is a split but names fewer than two new codes")
    if kind in _ONE_TARGET and len(to) != 1:
        problems.append(f"{where}: {code} is a {kind}, so it must name exactly one new code")
    if kind in ("rename", "move") and to == (code,):
        problems.append(f"{where}: {code} is a {kind} but keeps its id")
    if kind == "deprecate":
        if len(to) > 1:
            problems.append(f"{where}: {code} is deprecated, so it may name at most one new code")
        kept = new.get(code)
        if to == (code,) and kept is not None and not kept.deprecated:
            problems.append(
                f"{where}: {code} is deprecated but is not marked deprecated in the new version"
            )
    if kind == "retire":
        if to:
            problems.append(f"{where}: {code} is retired, so it names no new code")
        if code in new:
            problems.append(f"{where}: {code} is retired but is still in the new version")
    was = old.get(code)
    for target in dict.fromkeys(to):
        # A deprecated code keeps its own old tags; nothing else may be carried onto it, and a
        # code is deprecated by a deprecate entry, not by any other.
        found = new.get(target)
        own = target == code and (kind == "deprecate" or (was is not None and was.deprecated))
        if found is not None and found.deprecated and not own:
            problems.append(
                f"{where}: {code} is mapped to {target}, which is deprecated in the new version"
            )
    if kind == "unchanged":
        if to != (code,):
            problems.append(f"{where}: {code} is unchanged, so it must map to itself alone")
        before, after = old.get(code), new.get(code)
        if before is not None and after is not None and before != after:
            problems.append(f"{where}: {code} is marked unchanged but differs in the new version")
    return problems


def mapping_problems(old: TypologyVersion, new: TypologyVersion, mapping: Mapping) -> list[str]:
    """Every code removed or changed from ``old`` to ``new`` must be covered, correctly.

    ``old`` and ``new`` are the versions the mapping names.
    """
    where = f"mapping {mapping.from_version} -> {mapping.to_version}"
    problems: list[str] = []
    if version_key(mapping.to_version) <= version_key(mapping.from_version):
        problems.append(f"{where}: a mapping must lead from an older version to a newer one")
    old_codes = {c.id: c for c in old.codes}
    new_codes = {c.id: c for c in new.codes}
    covered: set[str] = set()
    for entry in mapping.entries:
        if entry.from_code in covered:
            problems.append(f"{where}: {entry.from_code} is mapped more than once")
        covered.add(entry.from_code)
        if entry.from_code not in old_codes:
            problems.append(
                f"{where}: maps {entry.from_code}, which is not in version {old.version}"
            )
        for target in dict.fromkeys(entry.to):
            if target not in new_codes:
                problems.append(
                    f"{where}: maps {entry.from_code} to {target}, "
                    f"which is not in version {new.version}"
                )
        problems += _entry_problems(where, entry, old_codes, new_codes)
    for code_id, code in old_codes.items():
        # Any change, even to an include or the deprecated flag, changes what a tag means or
        # whether coders may use it, so the mapping must say what became of the code.
        after = new_codes.get(code_id)
        if code_id in covered or after == code:
            continue
        changed = [f for f in Code.model_fields if getattr(code, f) != getattr(after, f, None)]
        if after is None:
            problems.append(
                f"{where}: code {code_id} was removed but is neither mapped nor marked retired"
            )
        else:
            problems.append(
                f"{where}: code {code_id} changed ({', '.join(changed)}) "
                "but the mapping does not cover it"
            )
    return problems
