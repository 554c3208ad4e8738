"""``scr chronology import REVIEW FILE --agency CODE``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlmodel import select
from typer.testing import CliRunner

from scr.chronology.models import ChronologyEntry
from scr.cli import app
from scr.db import session_scope
from tests.scr.chronology.files import police_workbook, workbook

runner = CliRunner()


def test_the_command_previews_imports_and_refuses_with_the_rows_reasons(
    scratch_database_url: str, configured_for: Callable[[str], None], tmp_path: Path
) -> None:
    configured_for(scratch_database_url)
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    loaded = runner.invoke(app, ["demo"])
    review_id = loaded.output.splitlines()[0].rsplit("id ", 1)[1].strip(" .\n")
    with session_scope() as session:
        before = len(session.exec(select(ChronologyEntry)).all())
    police = tmp_path / "police.xlsx"
    police.write_bytes(police_workbook())

    preview = runner.invoke(
        app, ["chronology", "import", review_id, str(police), "--agency", "police", "--preview"]
    )
    assert preview.exit_code == 0, preview.output
    assert "3 to import, 0 likely duplicates left out, 0 refused." in preview.output
    imported = runner.invoke(
        app, ["chronology", "import", review_id, str(police), "--agency", "police"]
    )
    assert imported.exit_code == 0, imported.output
    assert "3 imported" in imported.output
    assert "date <- 'Date/Time'" in imported.output

    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(workbook([["Date", "Summary"], ["31/02/2019", "No such day."]]))
    refused = runner.invoke(app, ["chronology", "import", review_id, str(bad), "--agency", "gp"])
    assert refused.exit_code == 1
    assert "row 2: refused: the date '31/02/2019' is not a day of the calendar" in refused.output
    with session_scope() as session:
        assert len(session.exec(select(ChronologyEntry)).all()) == before + 3


def test_the_command_reads_the_sheet_named_and_lists_the_others(
    scratch_database_url: str, configured_for: Callable[[str], None], tmp_path: Path
) -> None:
    configured_for(scratch_database_url)
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    loaded = runner.invoke(app, ["demo"])
    review_id = loaded.output.splitlines()[0].rsplit("id ", 1)[1].strip(" .\n")
    book = tmp_path / "gp.xlsx"
    book.write_bytes(
        workbook(
            [["Date", "Summary"], ["03/04/2019 2pm", "Surgery appointment; not brought."]],
            title="2019",
            **{"2020": [["Date", "Summary"], ["05/01/2020", "Repeat prescription."]]},
        )
    )
    command = ["chronology", "import", review_id, str(book), "--agency", "gp", "--preview"]

    first = runner.invoke(app, command)
    assert first.exit_code == 0, first.output
    assert "Sheet '2019'" in first.output
    assert "Other sheets (--sheet): '2020'." in first.output
    chosen = runner.invoke(app, [*command, "--sheet", "2020"])
    assert chosen.exit_code == 0, chosen.output
    assert "Sheet '2020'" in chosen.output
    assert "Other sheets (--sheet): '2019'." in chosen.output
    missing = runner.invoke(app, [*command, "--sheet", "Summary"])
    assert missing.exit_code == 1
    assert "has no sheet called 'Summary'; its sheets are '2019' and '2020'" in missing.output
