from __future__ import annotations

from datetime import date

from scr.graph.checks import completeness_checks
from tests.scr.graph.rows import Episode, Factor, Finding, graph


def _codes(checks: list) -> list[tuple[str, str, list[str]]]:
    return [(c.code, c.severity, c.records) for c in checks]


def test_a_complete_review_passes_every_check() -> None:
    episodes = [Episode(1, period_start=date(2022, 1, 1), chronology_entry_ids=[1])]
    g = graph(
        episodes=episodes,
        factors=[Factor(1)],
        findings=[Finding(1)],
        links=[
            ("contributed_to", "factor:1", "episode:1"),
            ("evidenced_by", "finding:1", "factor:1"),
        ],
    )
    assert completeness_checks(g, episodes=episodes, entry_dates={1: date(2021, 12, 30)}) == []


def test_each_gap_is_reported_with_its_severity_blocking_first() -> None:
    episodes = [
        Episode(1, appraisal=None, appraisal_rating=None),
        Episode(2, ordinal=2, appraisal_rating=None),
        Episode(
            3,
            ordinal=3,
            period_start=date(2022, 3, 1),
            period_end=date(2022, 3, 31),
            chronology_entry_ids=[1, 2],
        ),
    ]
    g = graph(
        episodes=episodes,
        factors=[Factor(1), Factor(2)],
        findings=[Finding(1, question_count=0)],
        links=[
            ("contributed_to", "factor:1", "episode:1"),
            ("contributed_to", "factor:1", "episode:2"),
            ("contributed_to", "factor:1", "episode:3"),
            ("led_to", "episode:2", "episode:3"),
            ("led_to", "episode:3", "episode:1"),
        ],
    )
    g.nodes["episode:1"]["period_start"] = "2022-01-01"
    g.nodes["episode:3"]["period_start"] = "2022-03-01"
    checks = completeness_checks(
        g, episodes=episodes, entry_dates={1: date(2022, 3, 10), 2: date(2022, 5, 1)}
    )
    assert _codes(checks) == [
        ("episode-without-appraisal", "blocking", ["episode:1"]),
        ("episode-without-appraisal", "blocking", ["episode:2"]),
        ("finding-without-evidence", "blocking", ["finding:1"]),
        ("finding-without-questions", "blocking", ["finding:1"]),
        ("hindsight", "blocking", ["episode:3"]),
        ("factor-unlinked", "advisory", ["factor:2"]),
        ("led-to-backwards", "advisory", ["episode:3", "episode:1"]),
    ]
    hindsight = next(c for c in checks if c.code == "hindsight")
    assert "(1 May 2022)" in hindsight.message
    assert "10 March 2022" not in hindsight.message
    assert "KPE 3" in hindsight.message
    backwards = next(c for c in checks if c.code == "led-to-backwards")
    assert "(1 January 2022 before 1 March 2022)" in backwards.message


def test_an_episode_with_no_factor_blocks() -> None:
    episodes = [Episode(1)]
    g = graph(episodes=episodes)
    assert _codes(completeness_checks(g, episodes=episodes, entry_dates={})) == [
        ("episode-without-factor", "blocking", ["episode:1"])
    ]
