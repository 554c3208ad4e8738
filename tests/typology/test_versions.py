"""A second version with a split, a merge, a rename and a deprecation, built in the test,
and codes carried forward through one mapping or several."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.typology.second_version import Codes, derive, pattern, write_second_version
from typology import loader
from typology.loader import TypologyError

CASELOAD_SPLIT = ("sp.management.caseload-volume", "sp.management.caseload-complexity")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return write_second_version(tmp_path)


def test_the_second_version_and_its_mapping_validate(tree: Path) -> None:
    assert loader.validate_file(tree / "versions" / "1.1.json") == []
    assert loader.validate_file(tree / "mappings" / "1.0__1.1.json") == []
    assert loader.available_versions(tree) == ["1.0", "1.1"]
    assert loader.current_version(tree) == "1.1"
    assert len(loader.load_mapping("1.0", "1.1", tree).entries) == 5


def test_each_code_carries_forward_and_a_split_is_left_to_a_person(tree: Path) -> None:
    def mapped(code: str) -> tuple[tuple[str, ...], bool]:
        m = loader.map_code(code, "1.0", "1.1", tree)
        return m.codes, m.needs_choice

    assert mapped("sp.reasoning.fixed-view") == (("sp.reasoning.narrow-view",), False)
    assert mapped("sp.reasoning.incident-focus") == (("sp.reasoning.narrow-view",), False)
    assert mapped("sp.family.men-invisible") == (("sp.family.fathers-and-partners",), False)
    assert mapped("sp.crisis.out-of-hours") == (("sp.crisis.out-of-hours",), False)
    assert loader.load("1.1", tree).require("sp.crisis.out-of-hours").deprecated
    assert mapped("sp.management.caseload") == (CASELOAD_SPLIT, True)
    assert loader.map_code("sp.management.caseload", "1.0", "1.1", tree).changes == (
        "1.0 -> 1.1: sp.management.caseload (split) -> " + ", ".join(CASELOAD_SPLIT),
    )
    # Every other code of 1.0 is unchanged and keeps its id.
    first = loader.load("1.0", tree)
    moved = {"sp.management.caseload", "sp.reasoning.fixed-view"}
    moved |= {"sp.reasoning.incident-focus", "sp.family.men-invisible", "sp.crisis.out-of-hours"}
    for code in set(first.codes) - moved:
        assert mapped(code) == ((code,), False)
    assert mapped("pt.escalation") == (("pt.escalation",), False)


def test_mapping_refuses_unknown_codes_versions_and_going_back(tree: Path) -> None:
    with pytest.raises(TypologyError, match="forward only"):
        loader.map_code("pt.escalation", "1.1", "1.0", tree)
    with pytest.raises(TypologyError, match=r"Typology 1\.0 has no code pt\.nothing"):
        loader.map_code("pt.nothing", "1.0", "1.1", tree)
    with pytest.raises(TypologyError, match=r"no typology version 1\.5"):
        loader.map_code("pt.escalation", "1.0", "1.5", tree)
    assert loader.map_code("pt.escalation", "1.1", "1.1", tree).codes == ("pt.escalation",)


def test_tags_made_under_the_first_version_count_under_the_second(tree: Path) -> None:
    # Tags made under 1.0 on eight factors; the split one waits for a person's choice.
    tags = [
        "sp.reasoning.fixed-view",
        "sp.reasoning.incident-focus",
        "sp.reasoning.over-optimism",
        "sp.family.men-invisible",
        "sp.family.hostility",
        "sp.crisis.out-of-hours",
        "sp.management.caseload",
        "pt.escalation",
    ]
    chosen = {"sp.management.caseload": "sp.management.caseload-complexity"}
    counts: Counter[str] = Counter()
    waiting = []
    for code in tags:
        mapped = loader.map_code(code, "1.0", "1.1", tree)
        if mapped.needs_choice:
            waiting.append(code)
            assert chosen[code] in mapped.codes
            counts[chosen[code]] += 1
        else:
            [new] = mapped.codes
            counts[new] += 1
    assert waiting == ["sp.management.caseload"]
    totals = loader.load("1.1", tree).roll_up(counts)
    assert totals["sp.reasoning.narrow-view"] == 2
    assert totals["sp.reasoning"] == 3
    assert totals["sp.family.fathers-and-partners"] == 1
    assert totals["sp.family"] == 2
    assert totals["sp.crisis"] == 1
    assert totals["sp.management"] == 1
    assert totals["sp.management.caseload-volume"] == 0
    assert totals["pt.escalation"] == 1
    assert sum(totals[c] for c in loader.load("1.1", tree).children(None)) == len(tags)


def _third(tree: Path, change: Codes, entries: list[object]) -> None:
    def changed(codes: Codes) -> Codes:
        drop = {e["from"] for e in entries if isinstance(e, dict)}
        return [c for c in codes if c["id"] not in drop] + change

    derive(tree, "1.1", "1.2", changed, entries)


def test_a_split_merged_back_later_needs_no_choice(tree: Path) -> None:
    demand = "sp.management.demand"
    merges = [{"from": c, "to": [demand], "kind": "merge"} for c in CASELOAD_SPLIT]
    _third(tree, [pattern("sp.management", demand, "Demand against capacity")], merges)
    assert loader.validate_file(tree / "mappings" / "1.1__1.2.json") == []
    mapped = loader.map_code("sp.management.caseload", "1.0", "1.2", tree)
    assert (mapped.codes, mapped.needs_choice) == ((demand,), False)
    assert len(mapped.changes) == 3  # the split, then each half merged
    renamed = loader.map_code("sp.family.men-invisible", "1.0", "1.2", tree)
    assert renamed.codes == ("sp.family.fathers-and-partners",)


def test_a_split_with_a_branch_dropped_later_still_needs_a_person(tree: Path) -> None:
    dropped = [{"from": CASELOAD_SPLIT[1], "to": [], "kind": "deprecate"}]
    _third(tree, [], dropped)
    assert loader.validate_file(tree / "mappings" / "1.1__1.2.json") == []
    mapped = loader.map_code("sp.management.caseload", "1.0", "1.2", tree)
    assert (mapped.codes, mapped.needs_choice) == ((CASELOAD_SPLIT[0],), True)
    gone = loader.map_code(CASELOAD_SPLIT[1], "1.1", "1.2", tree)
    assert (gone.codes, gone.needs_choice) == ((), False)


def test_a_missing_step_in_the_chain_is_named(tree: Path) -> None:
    _third(tree, [], [])
    (tree / "mappings" / "1.1__1.2.json").unlink()
    with pytest.raises(TypologyError, match=r"no mapping from typology 1\.1 to 1\.2"):
        loader.map_code("pt.escalation", "1.0", "1.2", tree)
