"""``scr exchange pull --sources FILE``: every instance listed, each with its own token and
cursor; one that fails is reported and the others are still pulled."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from scr import exchange_cli
from scr.cli import app
from scr.errors import DomainError, InvalidInput
from scr.exchange.schemas import ImportReport
from scr.intake import sources

runner = CliRunner()

LISTED = """
[[source]]
name = "North East"
url = "https://scr.north-east.example.org"
token_env = "SCR_TOKEN_NORTH_EAST"

[[source]]
url = "https://scr.south-west.example.org/api/v1/exports/national"
token_env = "SCR_TOKEN_SOUTH_WEST"

[[source]]
name = "Midlands"
url = "https://scr.midlands.example.org"
token_env = "SCR_TOKEN_MIDLANDS"
"""


def _report(**counts: int) -> ImportReport:
    outcomes = ("imported", "replaced", "unchanged", "older", "refused", "withdrawn")
    base = dict.fromkeys(outcomes, 0)
    return ImportReport(accepted=True, problems=[], lines=[], **{**base, **counts})


def test_each_source_is_pulled_with_its_own_token_and_a_failure_does_not_stop_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = tmp_path / "sources.toml"
    listed.write_text(LISTED, encoding="utf-8")
    monkeypatch.setenv("SCR_TOKEN_NORTH_EAST", "token-ne")
    monkeypatch.setenv("SCR_TOKEN_SOUTH_WEST", "token-sw")
    monkeypatch.delenv("SCR_TOKEN_MIDLANDS", raising=False)
    asked: list[tuple[str, str]] = []

    def pull_one(url: str, token: str) -> ImportReport:
        asked.append((url, token))
        if "south-west" in url:
            raise InvalidInput(f"Could not fetch {url}: connection refused.")
        return _report(imported=3, withdrawn=1)

    monkeypatch.setattr(exchange_cli, "_pull_one", pull_one)
    result = runner.invoke(app, ["exchange", "pull", "--sources", str(listed)])

    assert result.exit_code == 1, result.output
    assert asked == [
        ("https://scr.north-east.example.org", "token-ne"),
        ("https://scr.south-west.example.org/api/v1/exports/national", "token-sw"),
    ], "the Midlands has no token set, so it is not asked"
    assert "North East: 3 imported, 0 replaced" in result.output
    assert "1 withdrawn at their source." in result.output
    assert "south-west.example.org/api/v1/exports/national: not pulled: Could not" in (
        result.output
    )
    assert "Midlands: not pulled: SCR_TOKEN_MIDLANDS is not set" in result.output
    assert "1 of 3 sources pulled in full." in result.output


def test_all_sources_pulled_exits_cleanly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    listed = tmp_path / "sources.toml"
    listed.write_text(LISTED, encoding="utf-8")
    for name in ("SCR_TOKEN_NORTH_EAST", "SCR_TOKEN_SOUTH_WEST", "SCR_TOKEN_MIDLANDS"):
        monkeypatch.setenv(name, "t")
    monkeypatch.setattr(exchange_cli, "_pull_one", lambda url, token: _report(unchanged=2))
    result = runner.invoke(app, ["exchange", "pull", "--sources", str(listed)])
    assert result.exit_code == 0, result.output
    assert "3 of 3 sources pulled in full." in result.output


def test_an_address_or_a_sources_file_but_not_both(tmp_path: Path) -> None:
    listed = tmp_path / "sources.toml"
    listed.write_text(LISTED, encoding="utf-8")
    both = runner.invoke(
        app, ["exchange", "pull", "https://x.example.org", "--sources", str(listed)]
    )
    assert both.exit_code == 2
    assert "not both" in both.output
    assert runner.invoke(app, ["exchange", "pull"]).exit_code == 2


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("not = [toml", "is not TOML"),
        ("[other]\nx = 1\n", "lists no [[source]]"),
        ('[[source]]\nurl = "ftp://x"\ntoken_env = "T"\n', "no url starting http"),
        ('[[source]]\nurl = "https://x.example.org"\n', "no token_env naming"),
        ('[[source]]\nurl = "https://x.example.org"\ntoken_env = "lower-case"\n', "token_env"),
        (
            '[[source]]\nurl = "https://x.example.org"\ntoken_env = "T"\ntoken = "secret"\n',
            "keys this file does not take: ['token']",
        ),
        (
            '[[source]]\nurl = "https://x.example.org"\ntoken_env = "T"\n'
            '[[source]]\nurl = "https://x.example.org/"\ntoken_env = "U"\n',
            "source 2 repeats the address",
        ),
    ],
)
def test_a_sources_file_that_is_wrong_says_where(tmp_path: Path, text: str, why: str) -> None:
    listed = tmp_path / "sources.toml"
    listed.write_text(text, encoding="utf-8")
    with pytest.raises(DomainError, match=why.replace("[", r"\[").replace("]", r"\]")):
        sources.read(listed)
    result = runner.invoke(app, ["exchange", "pull", "--sources", str(listed)])
    assert result.exit_code == 2
