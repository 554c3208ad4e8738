from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect

from scr import migrate


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_migrations_go_up_down_and_up_again_and_match_the_models(
    scratch_database_url: str,
) -> None:
    url = scratch_database_url
    migrate.upgrade(url)
    command.check(migrate.alembic_config(url))  # raises when the models and migrations differ
    assert {"review", "key_practice_episode", "causal_link", "finding"} <= _tables(url)

    migrate.downgrade(url, "base")
    assert _tables(url) <= {"alembic_version"}

    migrate.upgrade(url)
    command.check(migrate.alembic_config(url))
    assert "board_question" in _tables(url)


def test_a_database_behind_the_migrations_is_refused_with_what_to_run(
    scratch_database_url: str,
) -> None:
    engine = create_engine(scratch_database_url)
    try:
        with pytest.raises(migrate.DatabaseBehind, match="Run `scr db upgrade`"):
            migrate.ensure_current(engine)
        migrate.upgrade(scratch_database_url)
        migrate.ensure_current(engine)
    finally:
        engine.dispose()
