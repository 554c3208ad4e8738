"""Every fault a mapping file can have is named, with the code it concerns."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.typology.second_version import SECOND_ENTRIES, derive, write_second_version
from typology import loader
from typology.loader import TypologyError

Entries = list[dict[str, Any]]


def _rewrite(tree: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    path = tree / "mappings" / "1.0__1.1.json"
    mapping = json.loads(path.read_text())
    change(mapping)
    path.write_text(json.dumps(mapping))
    return path


def _entries(entries: Entries) -> Callable[[dict[str, Any]], None]:
    def change(mapping: dict[str, Any]) -> None:
        mapping["entries"] = entries

    return change


def _entry(code: str, to: list[str], kind: str) -> dict[str, Any]:
    return {"from": code, "to": to, "kind": kind}


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        (
            SECOND_ENTRIES[1:],
            "code sp.management.caseload was removed but is neither mapped nor marked retired",
        ),
        (
            [*SECOND_ENTRIES, _entry("pt.escalation", ["pt.no-such-code"], "rename")],
            "maps pt.escalation to pt.no-such-code, which is not in version 1.1",
        ),
        (
            [*SECOND_ENTRIES, _entry("pt.gone", ["pt.escalation"], "merge")],
            "maps pt.gone, which is not in version 1.0",
        ),
        (
            [*SECOND_ENTRIES, _entry("pt.recording", ["pt.recording"], "split")],
            "pt.recording is a split but names fewer than two new codes",
        ),
        (
            [*SECOND_ENTRIES, SECOND_ENTRIES[1]],
            "sp.reasoning.fixed-view is mapped more than once",
        ),
        (
            [
                *SECOND_ENTRIES,
                _entry("pt.recording", ["pt.escalation", "pt.risk-assessment"], "merge"),
            ],
            "pt.recording is a merge, so it must name exactly one new code",
        ),
        (
            [*SECOND_ENTRIES, _entry("pt.recording", ["pt.recording"], "rename")],
            "pt.recording is a rename but keeps its id",
        ),
        (
            [*SECOND_ENTRIES, _entry("pt.recording", ["pt.escalation"], "unchanged")],
            "pt.recording is unchanged, so it must map to itself alone",
        ),
        (
            [*SECOND_ENTRIES, _entry("pt.recording", ["pt.recording"], "deprecate")],
            "pt.recording is deprecated but is not marked deprecated in the new version",
        ),
        (
            [*SECOND_ENTRIES, _entry("pt.recording", ["pt.escalation"], "retire")],
            "pt.recording is retired, so it names no new code",
        ),
        (
            [*SECOND_ENTRIES, _entry("pt.recording", [], "retire")],
            "pt.recording is retired but is still in the new version",
        ),
        (
            [*SECOND_ENTRIES, _entry("sp.crisis.strategy", ["sp.crisis.out-of-hours"], "merge")],
            "sp.crisis.strategy is mapped to sp.crisis.out-of-hours, which is deprecated in the "
            "new version",
        ),
        (
            [
                *SECOND_ENTRIES[:-1],
                _entry("sp.crisis.out-of-hours", ["sp.crisis.out-of-hours"], "redefine"),
            ],
            "sp.crisis.out-of-hours is mapped to sp.crisis.out-of-hours, which is deprecated in "
            "the new version",
        ),
        (
            [*SECOND_ENTRIES, _entry("pt.recording", ["pt.recording"], "shuffle")],
            "entries[5] (from pt.recording): kind: Input should be",
        ),
    ],
)
def test_each_fault_in_a_mapping_is_named(tmp_path: Path, entries: Entries, expected: str) -> None:
    tree = write_second_version(tmp_path)
    problems = loader.validate_file(_rewrite(tree, _entries(entries)))
    assert any(expected in p for p in problems), problems
    with pytest.raises(TypologyError) as refused:
        loader.load_mapping("1.0", "1.1", tree)
    assert refused.value.problems


def test_a_changed_code_must_be_covered_too(tmp_path: Path) -> None:
    tree = write_second_version(tmp_path)
    path = tree / "versions" / "1.1.json"
    second = json.loads(path.read_text())
    for code in second["codes"]:
        if code["id"] == "pt.recording":
            code["includes"] = ["case notes"]
        if code["id"] == "pt.escalation":
            code["label"] = "Escalation"
            code["applies_to"] = ["finding"]
    path.write_text(json.dumps(second))
    problems = loader.validate_file(tree / "mappings" / "1.0__1.1.json")
    assert problems == [
        "mapping 1.0 -> 1.1: code pt.escalation changed (label, applies_to) "
        "but the mapping does not cover it",
        "mapping 1.0 -> 1.1: code pt.recording changed (includes) "
        "but the mapping does not cover it",
    ]
    redefined = [
        _entry("pt.escalation", ["pt.escalation"], "redefine"),
        _entry("pt.recording", ["pt.recording"], "redefine"),
    ]
    assert loader.validate_file(_rewrite(tree, _entries([*SECOND_ENTRIES, *redefined]))) == []


def test_a_mapping_must_lead_forward_and_be_named_for_its_versions(tmp_path: Path) -> None:
    tree = write_second_version(tmp_path)

    def backwards(mapping: dict[str, Any]) -> None:
        mapping |= {"from_version": "1.1", "to_version": "1.0", "entries": []}

    problems = loader.validate_file(_rewrite(tree, backwards))
    assert (
        "1.0__1.1.json: holds the mapping 1.1__1.0, so it must be named 1.1__1.0.json" in problems
    )
    assert (
        "mapping 1.1 -> 1.0: a mapping must lead from an older version to a newer one" in problems
    )


def test_a_mapping_without_its_versions_beside_it_says_so(tmp_path: Path) -> None:
    tree = write_second_version(tmp_path)
    (tree / "versions" / "1.1.json").unlink()
    [problem] = loader.validate_file(tree / "mappings" / "1.0__1.1.json")
    assert problem.startswith("1.0__1.1.json: version 1.1 is not on file at ")


def test_a_mapping_missing_its_entries_is_read_as_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "1.0__1.1.json"
    path.write_text(json.dumps({"from_version": "1.0", "to_version": "1.1"}))
    assert loader.validate_file(path) == ["1.0__1.1.json: entries: Field required"]


def test_a_code_deprecated_already_may_carry_over_to_itself(tmp_path: Path) -> None:
    # 1.1 deprecates out-of-hours; a 1.2 that keeps it deprecated may say it is unchanged.
    tree = derive(
        write_second_version(tmp_path),
        "1.1",
        "1.2",
        lambda codes: codes,
        [_entry("sp.crisis.out-of-hours", ["sp.crisis.out-of-hours"], "unchanged")],
    )
    assert loader.validate_file(tree / "mappings" / "1.1__1.2.json") == []
