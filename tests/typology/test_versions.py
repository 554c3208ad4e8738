"""A second version with a split, a merge, a rename and a deprecation, built in the test."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.typology.second_version import write_second_version
from typology import loader
from typology.loader import TypologyError


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return write_second_version(tmp_path)


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
