"""A second typology version for tests: the shipped 1.0 changed by a split, a merge, a
rename and a deprecation, with the mapping that covers them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typology import loader

FIRST = json.loads((Path(loader.__file__).parent / "versions" / "1.0.json").read_text())


def _without(codes: list[dict[str, Any]], *ids: str) -> list[dict[str, Any]]:
    return [c for c in codes if c["id"] not in ids]


def _add(parent: str, id: str, label: str) -> dict[str, Any]:
    return {
        "id": id,
        "label": label,
        "definition": f"{label}: a new code of version 1.1.",
        "parent": parent,
        "axis": "systemic_pattern",
        "applies_to": ["factor", "finding"],
    }


def write_second_version(tmp_path: Path) -> Path:
    """A typology folder with the shipped 1.0 and a 1.1 that splits, merges, renames and
    deprecates codes, with its mapping."""
    (tmp_path / "versions").mkdir()
    (tmp_path / "mappings").mkdir()
    (tmp_path / "versions" / "1.0.json").write_text(json.dumps(FIRST))
    codes = _without(
        FIRST["codes"],
        "sp.management.caseload",  # split in two
        "sp.reasoning.fixed-view",  # merged ...
        "sp.reasoning.incident-focus",  # ... with this one
        "sp.family.men-invisible",  # renamed
    )
    codes = [c | {"deprecated": True} if c["id"] == "sp.crisis.out-of-hours" else c for c in codes]
    codes += [
        _add("sp.management", "sp.management.caseload-volume", "Caseload volume"),
        _add("sp.management", "sp.management.caseload-complexity", "Caseload complexity"),
        _add("sp.reasoning", "sp.reasoning.narrow-view", "Narrow or fixed view"),
        _add("sp.family", "sp.family.fathers-and-partners", "Fathers and partners not known"),
    ]
    second = FIRST | {"version": "1.1", "codes": codes}
    (tmp_path / "versions" / "1.1.json").write_text(json.dumps(second))
    entries = [
        {
            "from": "sp.management.caseload",
            "to": ["sp.management.caseload-volume", "sp.management.caseload-complexity"],
            "kind": "split",
        },
        {"from": "sp.reasoning.fixed-view", "to": ["sp.reasoning.narrow-view"], "kind": "merge"},
        {
            "from": "sp.reasoning.incident-focus",
            "to": ["sp.reasoning.narrow-view"],
            "kind": "merge",
        },
        {
            "from": "sp.family.men-invisible",
            "to": ["sp.family.fathers-and-partners"],
            "kind": "rename",
        },
        {"from": "sp.crisis.out-of-hours", "to": ["sp.crisis.out-of-hours"], "kind": "deprecate"},
    ]
    mapping = {"from_version": "1.0", "to_version": "1.1", "entries": entries}
    (tmp_path / "mappings" / "1.0__1.1.json").write_text(json.dumps(mapping))
    return tmp_path
