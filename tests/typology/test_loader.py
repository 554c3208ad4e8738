"""The shipped version, lookups, and every fault a version file can have."""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

import pytest

from typology import loader
from typology.loader import TypologyError

PACKAGE = Path(loader.__file__).resolve().parent


def test_the_first_version_is_published_and_valid_and_the_second_is_current() -> None:
    first = loader.load("1.0")
    assert first.published
    assert loader.available_versions() == ["1.0", "1.1"]
    assert loader.load("1.1").published
    assert loader.current_version() == "1.1"
    assert loader.validate_file(PACKAGE / "versions" / "1.0.json") == []
    top_patterns = [c for c in first.children(None) if c.startswith("sp.")]
    assert len(top_patterns) == 6  # SCIE's six categories
    assert loader.load("1.0") is first  # cached: a published version never changes


def test_the_first_version_covers_the_four_axes_for_the_right_records() -> None:
    codes = loader.load("1.0").version.codes
    by_axis: dict[str, set[str]] = {}
    for code in codes:
        by_axis.setdefault(code.axis, set()).update(code.applies_to)
    assert by_axis == {
        "systemic_pattern": {"factor", "finding"},
        "factor_level": {"factor"},
        "case_context": {"review"},
        "practice_theme": {"episode", "factor", "finding"},
    }
    assert 80 <= len(codes) <= 120
    assert all(len(c.definition.split()) >= 5 for c in codes)


def test_lookup_children_descendants_ancestors_and_search() -> None:
    t = loader.load("1.0")
    assert t.require("sp.reasoning.over-optimism").label == "Over-optimism about progress"
    assert "sp.reasoning.fixed-view" in t.children("sp.reasoning")
    assert t.descendants("cc.harm") == [
        "cc.harm.neglect",
        "cc.harm.physical",
        "cc.harm.sexual",
        "cc.harm.emotional",
        "cc.harm.multiple",
    ]
    assert t.descendants("cc.harm.neglect") == []
    assert t.ancestors("cc.cp-plan.neglect-only") == ["cc.cp-plan"]
    assert t.ancestors("cc.cp-plan") == []
    assert [c.id for c in t.search("  Toxic TRIO ")] == [
        "cc.family.domestic-abuse",
        "cc.family.parental-mental-health",
        "cc.family.parental-substance-misuse",
    ]
    assert [c.id for c in t.search("cc.fatal-class.")] == t.descendants("cc.fatal-class")
    assert t.code("pt.nothing") is None
    with pytest.raises(TypologyError, match=r"Typology 1.0 has no code pt.nothing\."):
        t.ancestors("pt.nothing")


def test_counts_roll_up_to_every_ancestor() -> None:
    t = loader.load("1.0")
    totals = t.roll_up({"cc.harm.neglect": 3, "cc.harm.physical": 2, "cc.harm": 1})
    assert totals["cc.harm"] == 6
    assert totals["cc.harm.neglect"] == 3
    assert totals["cc.cp-plan"] == 0


def test_versions_on_file_skip_other_files_and_the_current_one_is_published(
    tmp_path: Path,
) -> None:
    _version(tmp_path, "1.0", [_code("pt.a")])
    _version(tmp_path, "1.10", [_code("pt.a")], status="draft")
    _version(tmp_path, "1.2", [_code("pt.a")])
    (tmp_path / "versions" / "notes.json").write_text("{}")
    assert loader.available_versions(tmp_path) == ["1.0", "1.2", "1.10"]
    assert loader.current_version(tmp_path) == "1.2"
    with pytest.raises(TypologyError, match=r"no typology version 2.0 \(known: 1.0, 1.2, 1.10\)"):
        loader.load("2.0", tmp_path)


def test_the_package_imports_nothing_of_scr_or_api() -> None:
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0] in ("scr", "api") for n in names), path


def _version(tmp_path: Path, version: str, codes: list[Any], status: str = "published") -> Path:
    folder = tmp_path / "versions"
    folder.mkdir(exist_ok=True)
    path = folder / f"{version}.json"
    doc = {"version": version, "title": "t", "published": "2026-01-01", "status": status}
    path.write_text(json.dumps(doc | {"codes": codes}))
    return path


def _code(id: str, parent: str | None = None, **extra: Any) -> dict[str, Any]:
    return {
        "id": id,
        "label": id,
        "definition": f"The definition of {id}.",
        "parent": parent,
        "axis": "practice_theme",
        "applies_to": ["episode"],
    } | extra


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        ([_code("pt.a"), _code("pt.a")], "code pt.a appears more than once"),
        ([_code("pt.a", parent="pt.zz")], "code pt.a names parent pt.zz, which does not exist"),
        (
            [_code("pt.a.b", parent="pt.a.b.c"), _code("pt.a.b.c", parent="pt.a.b")],
            "code pt.a.b is its own ancestor (pt.a.b -> pt.a.b.c -> pt.a.b)",
        ),
        (
            [_code("pt.a", applies_to=["episode", "board"])],
            "codes[0] (pt.a): applies_to.1: Input should be 'review', 'episode', 'factor' or "
            "'finding' (got 'board')",
        ),
        (
            [_code("pt.a", applies_to=["episode", "episode"])],
            "codes[0] (pt.a): applies_to: Value error, lists episode more than once",
        ),
        (
            [_code("pt.a", applies_to=[])],
            "codes[0] (pt.a): applies_to: Value error, names no record",
        ),
        (
            [_code("pt.a"), _code("pt.a.b", parent="pt.a", axis="factor_level")],
            "code pt.a.b is on axis factor_level but its parent pt.a is on axis practice_theme",
        ),
        (
            [_code("pt.a"), _code("pt.b", parent="pt.a")],
            "code pt.b is under pt.a, so its id must be pt.a.<slug>",
        ),
        (
            [_code("fl.a")],
            "code fl.a is on axis practice_theme, so its id must start with 'pt.'",
        ),
        ([_code("Not An Id")], "codes[0] (Not An Id): id: String should match pattern"),
        ([{"id": "pt.a", "axis": "practice_theme"}], "codes[0] (pt.a): label: Field required"),
    ],
)
def test_each_fault_in_a_version_is_named(tmp_path: Path, codes: list[Any], expected: str) -> None:
    problems = loader.validate_file(_version(tmp_path, "9.0", codes))
    assert any(expected in p for p in problems), problems
    with pytest.raises(TypologyError) as refused:
        loader.load("9.0", tmp_path)
    assert refused.value.problems == problems


def test_a_file_must_hold_the_version_it_is_named_for(tmp_path: Path) -> None:
    path = _version(tmp_path, "9.0", [_code("pt.a")])
    path.rename(path.with_name("9.1.json"))
    assert loader.validate_file(path.with_name("9.1.json")) == [
        "9.1.json: holds version 9.0, not 9.1"
    ]


def test_malformed_json_is_reported_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"version": "1.0",\n "codes": [}')
    [problem] = loader.validate_file(path)
    assert problem.startswith("broken.json: not valid JSON (line 2")


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    codes = [_code("pt.a"), _code("pt.a"), _code("pt.b", parent="pt.none"), _code("fl.c")]
    assert len(loader.validate_file(_version(tmp_path, "9.0", codes))) == 3
    schema_faults = [_code("pt.a", applies_to=["board"]), _code("pt.b", axis="none")]
    assert len(loader.validate_file(_version(tmp_path, "9.1", schema_faults))) == 2
