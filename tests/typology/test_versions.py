"""A second version with a split, a merge, a rename and a deprecation, built in the test."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from typology import loader
from typology.loader import TypologyError

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


@pytest.fixture
def tree(tmp_path: Path) -> Path:
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


def test_the_second_version_and_its_mapping_validate(tree: Path) -> None:
    assert loader.validate_file(tree / "versions" / "1.1.json") == []
    assert loader.validate_file(tree / "mappings" / "1.0__1.1.json") == []
    assert loader.current_version(tree) == "1.1"


def test_codes_carry_forward_and_a_split_is_left_to_a_person(tree: Path) -> None:
    def mapped(code: str) -> tuple[tuple[str, ...], bool]:
        m = loader.map_code(code, "1.0", "1.1", tree)
        return m.codes, m.needs_choice

    assert mapped("sp.reasoning.fixed-view") == (("sp.reasoning.narrow-view",), False)
    assert mapped("sp.reasoning.incident-focus") == (("sp.reasoning.narrow-view",), False)
    assert mapped("sp.family.men-invisible") == (("sp.family.fathers-and-partners",), False)
    assert mapped("sp.crisis.out-of-hours") == (("sp.crisis.out-of-hours",), False)
    assert mapped("pt.escalation") == (("pt.escalation",), False)
    assert mapped("sp.management.caseload") == (
        ("sp.management.caseload-volume", "sp.management.caseload-complexity"),
        True,
    )
    with pytest.raises(TypologyError):
        loader.map_code("pt.escalation", "1.1", "1.0", tree)


def test_tags_made_under_the_first_version_count_under_the_second(tree: Path) -> None:
    # One tag per review, made under 1.0; counted under 1.1 and rolled up to the categories.
    tags = {
        "review 1": "sp.reasoning.fixed-view",
        "review 2": "sp.reasoning.incident-focus",
        "review 3": "sp.family.men-invisible",
        "review 4": "sp.reasoning.over-optimism",
        "review 5": "sp.family.hostility",
    }
    second = loader.load("1.1", tree)
    counts: Counter[str] = Counter()
    for code in tags.values():
        [new] = loader.map_code(code, "1.0", "1.1", tree).codes
        for counted in {new, *second.ancestors(new)}:
            counts[counted] += 1
    assert counts["sp.reasoning.narrow-view"] == 2
    assert counts["sp.reasoning"] == 3
    assert counts["sp.family.fathers-and-partners"] == 1
    assert counts["sp.family"] == 2


def test_a_mapping_that_misses_a_removed_code_or_names_an_unknown_one_is_refused(
    tree: Path,
) -> None:
    path = tree / "mappings" / "1.0__1.1.json"
    mapping = json.loads(path.read_text())
    mapping["entries"] = [
        *mapping["entries"][1:],
        {"from": "pt.escalation", "to": ["pt.no-such-code"], "kind": "rename"},
        {"from": "pt.recording", "to": ["pt.recording"], "kind": "split"},
    ]
    path.write_text(json.dumps(mapping))
    problems = loader.validate_file(path)
    assert any(
        "code sp.management.caseload was removed but the mapping does not cover it" in p
        for p in problems
    )
    assert any(
        "maps pt.escalation to pt.no-such-code, which is not in version 1.1" in p for p in problems
    )
    assert any("pt.recording is a split but names fewer than two new codes" in p for p in problems)
