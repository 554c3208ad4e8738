"""Later typology versions for tests: the shipped 1.0 changed by a split, a merge, a rename
and a deprecation (1.1), and helpers to derive further versions with their mappings."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typology import loader

FIRST = json.loads((Path(loader.__file__).parent / "versions" / "1.0.json").read_text())

Codes = list[dict[str, Any]]


def pattern(parent: str, id: str, label: str) -> dict[str, Any]:
    """A new systemic-pattern code under ``parent``."""
    return {
        "id": id,
        "label": label,
        "definition": f"{label}: a code added after version 1.0.",
        "parent": parent,
        "axis": "systemic_pattern",
        "applies_to": ["factor", "finding"],
    }


def derive(
    folder: Path, old: str, new: str, change: Callable[[Codes], Codes], entries: list[Any]
) -> Path:
    """Write version ``new`` as ``change`` of version ``old``, and the mapping between them."""
    before = json.loads((folder / "versions" / f"{old}.json").read_text())
    after = before | {"version": new, "codes": change(before["codes"])}
    (folder / "versions" / f"{new}.json").write_text(json.dumps(after))
    mapping = {"from_version": old, "to_version": new, "entries": entries}
    (folder / "mappings" / f"{old}__{new}.json").write_text(json.dumps(mapping))
    return folder


def _second(codes: Codes) -> Codes:
    removed = {
        "sp.management.caseload",  # split in two
        "sp.reasoning.fixed-view",  # merged ...
        "sp.reasoning.incident-focus",  # ... with this one
        "sp.family.men-invisible",  # renamed
    }
    kept = [c | {"deprecated": c["id"] == "sp.crisis.out-of-hours"} for c in codes]
    return [c for c in kept if c["id"] not in removed] + [
        pattern("sp.management", "sp.management.caseload-volume", "Caseload volume"),
        pattern("sp.management", "sp.management.caseload-complexity", "Caseload complexity"),
        pattern("sp.reasoning", "sp.reasoning.narrow-view", "Narrow or fixed view"),
        pattern("sp.family", "sp.family.fathers-and-partners", "Fathers and partners not known"),
    ]


SECOND_ENTRIES = [
    {
        "from": "sp.management.caseload",
        "to": ["sp.management.caseload-volume", "sp.management.caseload-complexity"],
        "kind": "split",
    },
    {"from": "sp.reasoning.fixed-view", "to": ["sp.reasoning.narrow-view"], "kind": "merge"},
    {"from": "sp.reasoning.incident-focus", "to": ["sp.reasoning.narrow-view"], "kind": "merge"},
    {
        "from": "sp.family.men-invisible",
        "to": ["sp.family.fathers-and-partners"],
        "kind": "rename",
    },
    {"from": "sp.crisis.out-of-hours", "to": ["sp.crisis.out-of-hours"], "kind": "deprecate"},
]


def write_second_version(tmp_path: Path) -> Path:
    """A typology folder with the shipped 1.0 and a 1.1 that splits, merges, renames and
    deprecates codes, with its mapping."""
    (tmp_path / "versions").mkdir()
    (tmp_path / "mappings").mkdir()
    (tmp_path / "versions" / "1.0.json").write_text(json.dumps(FIRST))
    return derive(tmp_path, "1.0", "1.1", _second, SECOND_ENTRIES)
