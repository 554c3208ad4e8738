from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

import pytest

from typology import loader

PACKAGE = Path(loader.__file__).resolve().parent


def test_the_first_version_is_published_valid_and_current() -> None:
    first = loader.load("1.0")
    assert first.published
    assert loader.current_version() == "1.0"
    assert loader.validate_file(PACKAGE / "versions" / "1.0.json") == []
    axes = {c.axis for c in first.version.codes}
    assert axes == {"systemic_pattern", "factor_level", "case_context", "practice_theme"}
    top_patterns = [c for c in first.children(None) if c.startswith("sp.")]
    assert len(top_patterns) == 6  # SCIE's six categories


def test_lookup_children_descendants_ancestors_and_search() -> None:
    t = loader.load("1.0")
    assert t.code("sp.reasoning.over-optimism").label == "Over-optimism about progress"
    assert "sp.reasoning.fixed-view" in t.children("sp.reasoning")
    assert set(t.descendants("cc.harm")) == {
        "cc.harm.neglect",
        "cc.harm.physical",
        "cc.harm.sexual",
        "cc.harm.emotional",
        "cc.harm.multiple",
    }
    assert t.ancestors("cc.cp-plan.neglect-only") == ["cc.cp-plan"]
    assert [c.id for c in t.search("APPOINTMENT")] == ["sp.tools.it-silos", "pt.was-not-brought"]


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


def _version(tmp_path: Path, version: str, codes: list[dict[str, Any]]) -> Path:
    folder = tmp_path / "versions"
    folder.mkdir(exist_ok=True)
    path = folder / f"{version}.json"
    doc = {"version": version, "title": "t", "published": "2026-01-01", "status": "published"}
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
        ([_code("pt.a", parent="pt.b"), _code("pt.b", parent="pt.a")], "is its own ancestor"),
        ([_code("pt.a", applies_to=["board"])], "applies_to.0: Input should be"),
        (
            [_code("pt.a"), _code("pt.a.b", parent="pt.a", axis="factor_level")],
            "code pt.a.b is on axis factor_level but its parent pt.a is on axis practice_theme",
        ),
        ([_code("Not An Id")], "id: String should match pattern"),
    ],
)
def test_each_fault_in_a_version_is_named(tmp_path: Path, codes: list, expected: str) -> None:
    problems = loader.validate_file(_version(tmp_path, "9.0", codes))
    assert any(expected in p for p in problems), problems


def test_malformed_json_is_reported_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"version": "1.0",\n "codes": [}')
    [problem] = loader.validate_file(path)
    assert problem.startswith("broken.json: not valid JSON (line 2")


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    codes = [_code("pt.a"), _code("pt.a"), _code("pt.b", parent="pt.none")]
    assert len(loader.validate_file(_version(tmp_path, "9.0", codes))) == 2
