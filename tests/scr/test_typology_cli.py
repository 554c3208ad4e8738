"""``scr typology diff`` and ``validate`` against the shipped versions and a broken mapping."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scr.cli import app
from scr.config import get_settings
from typology import loader

runner = CliRunner()
SHIPPED = Path(loader.__file__).parent


def test_diff_says_what_changed_from_1_0_to_1_1() -> None:
    result = runner.invoke(app, ["typology", "diff", "1.0", "1.1"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Typology 1.0 -> 1.1"
    for heading in [
        "Added (3):",
        "Retired, no successor (tags with them are dropped on a move) (9):",
        "Merged (2):",
        "Split (a person chooses for each tag) (1):",
        "Deprecated (kept for old tags, not for new ones) (1):",
        "Renamed or moved (2):",
        "Relabelled (1):",
    ]:
        assert heading in lines
    assert any(
        line.startswith("  sp.reasoning.over-optimism -> pt.over-optimism") for line in lines
    )
    assert any(line.startswith("  sp.management.supervision -> pt.supervision") for line in lines)
    assert "  cc.child.online-harm  Online harm" in lines


def test_diff_refuses_versions_it_cannot_join() -> None:
    backwards = runner.invoke(app, ["typology", "diff", "1.1", "1.0"])
    assert backwards.exit_code == 1
    assert "There is no mapping from typology 1.1 to 1.0." in backwards.output
    assert runner.invoke(app, ["typology", "diff", "1.0", "4.2"]).exit_code == 1


def test_validate_passes_every_shipped_version_and_mapping() -> None:
    result = runner.invoke(app, ["typology", "validate"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{SHIPPED / 'versions' / '1.0.json'} is valid.",
        f"{SHIPPED / 'versions' / '1.1.json'} is valid.",
        f"{SHIPPED / 'mappings' / '1.0__1.1.json'} is valid.",
    ]
    mapping = runner.invoke(app, ["typology", "validate", str(SHIPPED / "mappings/1.0__1.1.json")])
    assert mapping.exit_code == 0


@pytest.fixture
def broken_mapping(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The shipped versions with their mapping broken: a retired code left out, and a merge
    onto the deprecated out-of-hours code."""
    shutil.copytree(SHIPPED / "versions", tmp_path / "versions")
    (tmp_path / "mappings").mkdir()
    mapping = json.loads((SHIPPED / "mappings" / "1.0__1.1.json").read_text())
    entries = [e for e in mapping["entries"] if e["from"] != "fl.other"]
    for entry in entries:
        if entry["from"] == "sp.reasoning.over-optimism":
            entry["to"] = ["sp.crisis.out-of-hours"]
    path = tmp_path / "mappings" / "1.0__1.1.json"
    path.write_text(json.dumps(mapping | {"entries": entries}))
    monkeypatch.setenv("SCR_TYPOLOGY_DIR", str(tmp_path))
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()


def test_validate_rejects_a_broken_mapping(broken_mapping: Path) -> None:
    for args in (["typology", "validate", str(broken_mapping)], ["typology", "validate"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1
        assert f"{broken_mapping} has 2 problem(s):" in result.output
        assert (
            "mapping 1.0 -> 1.1: code fl.other was removed but is neither mapped nor marked "
            "retired" in result.output
        )
        assert (
            "mapping 1.0 -> 1.1: sp.reasoning.over-optimism is mapped to sp.crisis.out-of-hours, "
            "which is deprecated in the new version" in result.output
        )
    assert runner.invoke(app, ["typology", "diff", "1.0", "1.1"]).exit_code == 1
