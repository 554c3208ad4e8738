from __future__ import annotations

import io
import json
import logging
import logging.config
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
import uvicorn
from typer.testing import CliRunner

from scr import migrate
from scr.cli import APP_LOGGERS, app
from scr.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from scr.demo.partnership_words import REVIEWS as PARTNERSHIP_REVIEWS
from typology import loader

runner = CliRunner()


def _id_in(line: str) -> str:
    return line.rsplit("id ", 1)[1].strip(" .\n")


def test_serve_refuses_a_database_that_is_behind(
    scratch_database_url: str, configured_for: Callable[[str], None]
) -> None:
    configured_for(scratch_database_url)
    result = runner.invoke(app, ["serve", "--port", "0"], env={"SCR_DEMO": "true"})
    assert result.exit_code == 1
    assert "Run `scr db upgrade`" in result.output


def test_db_upgrade_says_what_it_did_to_a_new_an_older_and_a_current_database(
    scratch_database_url: str, configured_for: Callable[[str], None]
) -> None:
    configured_for(scratch_database_url)
    head = ", ".join(sorted(migrate.head_revisions(scratch_database_url)))
    new = runner.invoke(app, ["db", "upgrade"])
    assert new.exit_code == 0
    assert f"The database was new: its tables are made, at revision {head}." in new.output
    assert "up to date" not in new.output
    again = runner.invoke(app, ["db", "upgrade"])
    assert f"The database was already at revision {head}: nothing to do." in again.output
    migrate.downgrade(scratch_database_url, "-1")
    older = runner.invoke(app, ["db", "upgrade"])
    assert older.exit_code == 0
    assert "The database is migrated from revision " in older.output
    assert older.output.rstrip().endswith(f" to {head}.")


def test_serve_refuses_to_start_without_a_signing_secret(
    scratch_database_url: str,
    configured_for: Callable[[str], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SCR_SECRET_KEY")
    configured_for(scratch_database_url)
    runner.invoke(app, ["db", "upgrade"])
    result = runner.invoke(app, ["serve", "--port", "0"])
    assert result.exit_code == 1
    assert "Set SCR_SECRET_KEY" in result.output


def test_demo_loads_once_and_round_trips_through_a_file(
    scratch_database_url: str, configured_for: Callable[[str], None], tmp_path: Path
) -> None:
    configured_for(scratch_database_url)
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    first = runner.invoke(app, ["demo"])
    assert first.exit_code == 0, first.output
    assert first.output.startswith("Loaded demo review")
    again = runner.invoke(app, ["demo"])
    assert again.output.startswith("Already loaded")
    assert "No demo accounts" in first.output

    review_id = _id_in(first.output.splitlines()[0])
    exported = runner.invoke(app, ["review", "export", review_id])
    assert exported.exit_code == 0, exported.output
    data = json.loads(exported.output)
    assert len(data["episodes"]) >= 8

    data["review"]["reference"] += "-COPY"
    copy = tmp_path / "copy.json"
    copy.write_text(json.dumps(data))
    imported = runner.invoke(app, ["review", "import", str(copy)])
    assert imported.exit_code == 0, imported.output
    new_id = _id_in(imported.output)
    re_exported = json.loads(runner.invoke(app, ["review", "export", new_id]).output)
    for document in (data, re_exported):
        document.pop("exported_at")
    assert re_exported == data


def test_import_refuses_a_file_that_does_not_validate_and_writes_nothing(
    scratch_database_url: str, configured_for: Callable[[str], None], tmp_path: Path
) -> None:
    configured_for(scratch_database_url)
    runner.invoke(app, ["db", "upgrade"])
    runner.invoke(app, ["demo"])
    data = json.loads(runner.invoke(app, ["review", "export", "1"]).output)
    data["review"]["reference"] = "BROKEN-1"
    data["links"].append({"kind": "led_to", "source": "episode:1", "target": "episode:999"})
    data["episodes"][0]["appraisal_rating"] = "superb"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data))

    result = runner.invoke(app, ["review", "import", str(broken)])
    assert result.exit_code == 1
    assert "nothing was imported" in result.output
    assert "episodes.0.appraisal_rating must be one of" in result.output

    data["episodes"][0]["appraisal_rating"] = "as_expected"
    broken.write_text(json.dumps(data))
    result = runner.invoke(app, ["review", "import", str(broken)])
    assert result.exit_code == 1
    assert "links[" in result.output
    assert "episode:999" in result.output

    data["links"].pop()
    data["links"].append({"kind": "led_to", "source": "episode:2", "target": "episode:1"})
    data["links"].append({"kind": "led_to", "source": "episode:1", "target": "episode:2"})
    broken.write_text(json.dumps(data))
    result = runner.invoke(app, ["review", "import", str(broken)])
    assert result.exit_code == 1
    assert "Nothing was imported" in result.output
    # The demo review and its partnership's others took the ids before it.
    after_the_demo = str(len(PARTNERSHIP_REVIEWS) + 2)
    assert runner.invoke(app, ["review", "export", after_the_demo]).exit_code == 1

    not_json = tmp_path / "not.json"
    not_json.write_text("{")
    result = runner.invoke(app, ["review", "import", str(not_json)])
    assert result.exit_code == 1
    assert "not valid JSON" in result.output


def test_check_exits_non_zero_on_blocking_checks_and_graph_writes_graphml(
    scratch_database_url: str, configured_for: Callable[[str], None]
) -> None:
    configured_for(scratch_database_url)
    runner.invoke(app, ["db", "upgrade"])
    runner.invoke(app, ["demo"])
    checked = runner.invoke(app, ["check", "1"])
    assert checked.exit_code == 1
    assert "2 blocking, 1 advisory." in checked.output
    assert "hindsight" in checked.output

    graphml = runner.invoke(app, ["graph", "1", "--format", "graphml"])
    assert graphml.exit_code == 0
    assert graphml.output.startswith("<?xml")
    assert 'id="factor:1"' in graphml.output
    assert runner.invoke(app, ["graph", "1", "--format", "pdf"]).exit_code == 1


def test_typology_commands_list_show_and_validate(tmp_path: Path) -> None:
    listed = runner.invoke(app, ["typology", "list"])
    assert "1.0" in listed.output
    assert "(current)" in listed.output
    shown = runner.invoke(app, ["typology", "show", "1.0", "pt.was-not-brought"])
    assert shown.exit_code == 0
    assert "Children not brought to appointments" in shown.output
    assert runner.invoke(app, ["typology", "show", "1.0", "pt.nothing"]).exit_code == 1

    broken = tmp_path / "9.0.json"
    code = {"label": "x", "definition": "A definition.", "axis": "practice_theme"}
    broken.write_text(
        json.dumps(
            {
                "version": "9.0",
                "title": "t",
                "published": "2026-01-01",
                "status": "draft",
                "codes": [
                    code | {"id": "pt.a", "applies_to": ["episode"]},
                    code | {"id": "pt.a", "applies_to": ["episode"]},
                    code | {"id": "pt.b", "parent": "pt.gone", "applies_to": ["episode"]},
                ],
            }
        )
    )
    result = runner.invoke(app, ["typology", "validate", str(broken)])
    assert result.exit_code == 1
    assert "has 2 problem(s)" in result.output
    assert "code pt.a appears more than once" in result.output
    assert "pt.b names parent pt.gone, which does not exist" in result.output
    first = Path(loader.__file__).parent / "versions" / "1.0.json"
    valid = runner.invoke(app, ["typology", "validate", str(first)])
    assert valid.exit_code == 0


def test_users_are_created_listed_assigned_and_disabled(
    scratch_database_url: str, configured_for: Callable[[str], None]
) -> None:
    configured_for(scratch_database_url)
    runner.invoke(app, ["db", "upgrade"])
    runner.invoke(app, ["demo"])
    made = runner.invoke(
        app,
        ["users", "create", "reviewer@example.org", "--role", "reviewer", "--password-stdin"],
        input="a long enough password\n",
    )
    assert made.exit_code == 0, made.output
    assert "Created reviewer account reviewer@example.org." in made.output
    weak = runner.invoke(
        app,
        ["users", "create", "x@example.org", "--role", "admin", "--password-stdin"],
        input="short\n",
    )
    assert weak.exit_code == 1
    assert "at least 12 characters" in weak.output
    assert runner.invoke(app, ["users", "assign", "reviewer@example.org", "1"]).exit_code == 0
    assert runner.invoke(app, ["users", "assign", "reviewer@example.org", "99"]).exit_code == 1
    assert runner.invoke(app, ["users", "disable", "reviewer@example.org"]).exit_code == 0
    listed = runner.invoke(app, ["users", "list"])
    assert "reviewer@example.org" in listed.output
    assert "(disabled)" in listed.output


def test_a_demonstration_instance_gets_an_account_for_each_role_once(
    scratch_database_url: str,
    configured_for: Callable[[str], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SCR_DEMO", "true")
    configured_for(scratch_database_url)
    runner.invoke(app, ["db", "upgrade"])
    first = runner.invoke(app, ["demo"])
    assert first.exit_code == 0, first.output
    assert f"password {DEMO_PASSWORD}" in first.output
    again = runner.invoke(app, ["demo"])
    assert again.exit_code == 0, again.output
    listed = runner.invoke(app, ["users", "list"]).output
    for account in DEMO_ACCOUNTS:
        assert account.email in first.output
        assert listed.count(account.email) == 1
    assert "lead.reviewer@demo.example.org" in listed


def test_serve_shows_the_apps_own_messages_beside_uvicorns(
    scratch_database_url: str,
    configured_for: Callable[[str], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda *_, **options: asked.update(options))
    configured_for(scratch_database_url)
    runner.invoke(app, ["db", "upgrade"])
    assert runner.invoke(app, ["serve", "--port", "0"], env={"SCR_DEMO": "true"}).exit_code == 0
    # uvicorn would believe X-Forwarded-For from 127.0.0.1; the app decides (api.addresses).
    assert asked["proxy_headers"] is False

    config = asked["log_config"]
    shown = io.StringIO()
    config["handlers"]["default"]["stream"] = shown
    try:
        logging.config.dictConfig(config)
        logging.getLogger("api.main").info("Refreshed the planner's statistics of tag.")
        logging.getLogger("scr.planner").debug("not shown")
    finally:
        for name in (*APP_LOGGERS, "uvicorn", "uvicorn.error", "uvicorn.access"):
            logger = logging.getLogger(name)
            logger.handlers.clear()
            logger.setLevel(logging.NOTSET)
            logger.propagate = True
    assert shown.getvalue() == "INFO:     Refreshed the planner's statistics of tag.\n"


def test_review_report_writes_the_word_document_and_refuses_an_unknown_format(
    scratch_database_url: str, configured_for: Callable[[str], None], tmp_path: Path
) -> None:
    configured_for(scratch_database_url)
    runner.invoke(app, ["db", "upgrade"])
    review_id = _id_in(runner.invoke(app, ["demo"]).output.splitlines()[0])
    out = tmp_path / "report.docx"
    result = runner.invoke(app, ["review", "report", review_id, "--format", "docx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Wrote the report (a draft,")
    headings = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == ["Contents", "1. Introduction", "2. Findings"]
    refused = runner.invoke(app, ["review", "report", review_id, "--format", "odt", "-o", "x.odt"])
    assert refused.exit_code == 1
    assert "Unknown format 'odt'" in refused.output
    missing = runner.invoke(app, ["review", "report", "999", "-o", str(tmp_path / "x.pdf")])
    assert missing.exit_code == 1
    assert not (tmp_path / "x.pdf").exists()


def test_search_finds_as_the_account_sees_and_refuses_whom_search_is_not_for(
    scratch_database_url: str,
    configured_for: Callable[[str], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SCR_DEMO", "true")
    configured_for(scratch_database_url)
    runner.invoke(app, ["db", "upgrade"])
    assert runner.invoke(app, ["demo"]).exit_code == 0
    query = '"routine enquiry" "domestic abuse"'

    member = runner.invoke(app, ["search", query, "--as", "board.member@demo.example.org"])
    assert member.exit_code == 0, member.output
    assert "KPE 1: Booking appointment" in member.output
    chronology = ["search", "midwife", "--kind", "chronology", "--as"]
    lead = runner.invoke(app, [*chronology, "lead.reviewer@demo.example.org"])
    assert "Chronology, " in lead.output
    board = runner.invoke(app, [*chronology, "board.member@demo.example.org"])
    assert board.output.endswith("0 of 0 shown.\n")
    analyst = runner.invoke(app, ["search", query, "--as", "national.analyst@demo.example.org"])
    assert analyst.exit_code == 1
    assert "As a national analyst you cannot search" in analyst.output
    signs = runner.invoke(app, ["search", "*", "--as", "board.member@demo.example.org"])
    assert signs.exit_code == 1
    assert "at least one word" in signs.output
