"""Validation of typology files: every problem found, each said in a sentence naming the code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from typology.schema import Code, Mapping, TypologyVersion

_COMPARED = ("label", "definition", "parent", "axis", "applies_to", "deprecated")


def _schema_problems(where: str, error: ValidationError) -> list[str]:
    problems = []
    for e in error.errors():
        path = ".".join(str(p) for p in e["loc"]) or "(top level)"
        problems.append(f"{where}: {path}: {e['msg']}")
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
    model: type[TypologyVersion] | type[Mapping] = (
        Mapping if isinstance(raw, dict) and "entries" in raw else TypologyVersion
    )
    try:
        return model.model_validate(raw), []
    except ValidationError as exc:
        return None, _schema_problems(path.name, exc)


def version_problems(version: TypologyVersion) -> list[str]:
    """Duplicate ids, missing parents, parent cycles, children on another axis."""
    where = f"version {version.version}"
    problems: list[str] = []
    by_id: dict[str, Code] = {}
    for code in version.codes:
        if code.id in by_id:
            problems.append(f"{where}: code {code.id} appears more than once")
        by_id[code.id] = code
    for code in version.codes:
        if code.parent is None:
            continue
        parent = by_id.get(code.parent)
        if parent is None:
            problems.append(
                f"{where}: code {code.id} names parent {code.parent}, which does not exist"
            )
        elif parent.axis != code.axis:
            problems.append(
                f"{where}: code {code.id} is on axis {code.axis} but its parent {parent.id} "
                f"is on axis {parent.axis}"
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


def mapping_problems(old: TypologyVersion, new: TypologyVersion, mapping: Mapping) -> list[str]:
    """Every code removed or changed from ``old`` to ``new`` must be covered, correctly."""
    where = f"mapping {mapping.from_version} -> {mapping.to_version}"
    problems: list[str] = []
    old_codes = {c.id: c for c in old.codes}
    new_codes = {c.id: c for c in new.codes}
    covered: set[str] = set()
    for entry in mapping.entries:
        covered.add(entry.from_code)
        if entry.from_code not in old_codes:
            problems.append(
                f"{where}: maps {entry.from_code}, which is not in version {old.version}"
            )
        for target in entry.to:
            if target not in new_codes:
                problems.append(
                    f"{where}: maps {entry.from_code} to {target}, "
                    f"which is not in version {new.version}"
                )
        if entry.kind == "split" and len(entry.to) < 2:
            problems.append(
                f"{where}: {entry.from_code} is a split but names fewer than two new codes"
            )
        if entry.kind != "split" and len(entry.to) > 1:
            problems.append(
                f"{where}: {entry.from_code} names several new codes but is not a split"
            )
        if entry.kind != "deprecate" and not entry.to:
            problems.append(f"{where}: {entry.from_code} is a {entry.kind} but names no new code")
    for code_id, code in old_codes.items():
        after = new_codes.get(code_id)
        changed = after is None or any(getattr(code, f) != getattr(after, f) for f in _COMPARED)
        if changed and code_id not in covered:
            what = "removed" if after is None else "changed"
            problems.append(f"{where}: code {code_id} was {what} but the mapping does not cover it")
    return problems
