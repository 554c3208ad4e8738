"""The demo review comes with its lead reviewer's agreed tags, so its board has patterns."""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import select
from typer.testing import CliRunner

from scr.cli import app
from scr.db import session_scope
from scr.demo.loader import demo_file
from scr.demo.tags import CASE_CONTEXT, DEMO_CODER, FACTORS, FINDINGS
from scr.factor.models import ContributoryFactor
from scr.review.models import Review
from scr.tag.models import Tag

runner = CliRunner()
DEMO_REVIEW = demo_file().review.reference


def test_the_demo_review_is_loaded_with_agreed_tags_once(
    scratch_database_url: str, configured_for: Callable[[str], None]
) -> None:
    configured_for(scratch_database_url)
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    first = runner.invoke(app, ["demo"])
    assert first.exit_code == 0, first.output
    wanted = len(CASE_CONTEXT) + len(FACTORS) + len(FINDINGS) + 1
    assert f"Recorded {wanted} agreed tags of the demo review." in first.output
    assert "agreed tags" not in runner.invoke(app, ["demo"]).output

    with session_scope() as session:
        review = session.exec(select(Review).where(Review.reference == DEMO_REVIEW)).one()
        tags = session.exec(select(Tag).where(Tag.review_id == review.id)).all()
        assert len(tags) == wanted
        assert all(t.agreed and t.coder == DEMO_CODER for t in tags)
        factors = session.exec(
            select(ContributoryFactor).where(ContributoryFactor.review_id == review.id)
        ).all()
        # Every line of the mapping names exactly one factor of the shipped demo.
        for start in FACTORS:
            assert sum(f.description.startswith(start) for f in factors) == 1, start
        on_factors = {t.code for t in tags if t.target_kind == "factor"}
        assert on_factors == set(FACTORS.values())
        assert {t.code for t in tags if t.target_kind == "review"} == set(CASE_CONTEXT)
