"""What changed from the shipped 1.0 to 1.1, read from the versions and their mapping."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.typology.second_version import write_second_version
from typology import loader
from typology.diff import Moved, Relabelled, describe, diff
from typology.loader import TypologyError


def test_the_shipped_versions_differ_as_the_changelog_says() -> None:
    changes = diff("1.0", "1.1")
    assert [c.id for c in changes.added] == [
        "cc.child.online-harm",
        "cc.extra-familial",
        "cc.extra-familial.peer-harm",
    ]
    assert [m.from_code for m in changes.retired] == [
        c for c in loader.load("1.0").codes if c.startswith("fl.")
    ]
    assert {into: [m.from_code for m in sources] for into, sources in changes.merged.items()} == {
        "pt.over-optimism": ["sp.reasoning.over-optimism"],
        "pt.supervision": ["sp.management.supervision"],
    }
    assert [(m.from_code, m.to) for m in changes.split] == [
        (
            "sp.management.caseload",
            ("sp.management.caseload-volume", "sp.management.caseload-complexity"),
        )
    ]
    assert [(m.from_code, m.to) for m in changes.deprecated] == [
        ("sp.crisis.out-of-hours", ("sp.crisis.out-of-hours",))
    ]
    assert [(m.from_code, m.to[0]) for m in changes.renamed] == [
        ("cc.child.criminal-exploitation", "cc.extra-familial.criminal-exploitation"),
        ("cc.child.sexual-exploitation", "cc.extra-familial.sexual-exploitation"),
    ]
    assert changes.relabelled == (
        Relabelled(
            "pt.supervision", "Supervision and reflection", "Supervision, reflection and oversight"
        ),
    )
    # Every code that 1.0 has and 1.1 lacks is accounted for by one of the kinds of change.
    gone = set(loader.load("1.0").codes) - set(loader.load("1.1").codes)
    said = [*changes.retired, *changes.split, *changes.renamed]
    said += [m for sources in changes.merged.values() for m in sources]
    assert {m.from_code for m in said} == gone


def test_the_diff_is_said_a_heading_a_kind_and_a_line_a_code() -> None:
    lines = describe(diff("1.0", "1.1"))
    assert lines[0] == "Typology 1.0 -> 1.1"
    assert "Added (3):" in lines
    assert "Merged (2):" in lines
    assert "Retired, no successor (tags with them are dropped on a move) (9):" in lines
    split = lines[lines.index("Split (a person chooses for each tag) (1):") + 1]
    assert split.startswith(
        "  sp.management.caseload -> sp.management.caseload-volume or "
        "sp.management.caseload-complexity: Too broad"
    )
    deprecated = lines.index("Deprecated (kept for old tags, not for new ones) (1):")
    assert lines[deprecated + 1].startswith("  sp.crisis.out-of-hours: Kept for old tags")
    assert (
        '  pt.supervision: "Supervision and reflection" -> "Supervision, reflection and oversight"'
        in lines
    )


def test_a_fixture_version_with_a_rename_and_no_addition(tmp_path: Path) -> None:
    tree = write_second_version(tmp_path)
    changes = diff("1.0", "1.1", tree)
    # The split and merge targets are new ids but not additions: old tags land on them.
    assert changes.added == ()
    assert changes.renamed == (
        Moved("sp.family.men-invisible", ("sp.family.fathers-and-partners",)),
    )
    assert list(changes.merged) == ["sp.reasoning.narrow-view"]
    assert "Renamed or moved (1):" in describe(changes)


def test_versions_without_a_mapping_between_them_are_refused(tmp_path: Path) -> None:
    with pytest.raises(TypologyError, match=r"no mapping from typology 1\.1 to 1\.0"):
        diff("1.1", "1.0")
    with pytest.raises(TypologyError, match=r"no typology version 2\.0"):
        diff("1.0", "2.0", write_second_version(tmp_path))
