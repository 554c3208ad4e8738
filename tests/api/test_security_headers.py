"""Every answer says what the browser may load, frame, sniff and refer; API answers, which
mostly hold case data, are never stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from api.headers import DOCS_POLICY, WORKBENCH_POLICY
from api.main import create_app
from scr.config import get_settings
from scr.report.markup import STYLE_SOURCE
from tests.factories import make_review


def _directives(policy: str) -> dict[str, list[str]]:
    parts = (p.split() for p in policy.split(";") if p.strip())
    return {name: values for name, *values in parts}


def _same_everywhere(answer_headers: dict[str, str]) -> None:
    assert answer_headers["x-content-type-options"] == "nosniff"
    assert answer_headers["x-frame-options"] == "DENY"
    assert answer_headers["referrer-policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in answer_headers["content-security-policy"]


def test_case_data_is_never_stored_and_carries_the_headers(
    client: TestClient, session: Session
) -> None:
    review = make_review(session)
    for path in (f"/api/v1/reviews/{review.id}", f"/api/v1/reviews/{review.id}/graph"):
        answer = client.get(path)
        assert answer.status_code == 200
        assert answer.headers["cache-control"] == "no-store"
        _same_everywhere(dict(answer.headers))
    refused = client.get("/api/v1/reviews/999999")
    assert refused.status_code == 404
    assert refused.headers["cache-control"] == "no-store"
    _same_everywhere(dict(refused.headers))


def test_the_workbench_policy_allows_no_inline_script_nor_other_origins() -> None:
    directives = _directives(WORKBENCH_POLICY)
    assert directives["script-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert not any("unsafe" in v for values in directives.values() for v in values)
    # Inline style only the report's own style sheet, by its hash (the preview's frame).
    assert directives["style-src"] == ["'self'", STYLE_SOURCE]
    assert STYLE_SOURCE.startswith("'sha256-")
    docs = _directives(DOCS_POLICY)
    assert docs["script-src"] == ["'self'"]  # Swagger UI starts from a file, not inline


def test_the_built_workbench_has_no_inline_script(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = (Path(__file__).resolve().parents[2] / "frontend" / "index.html").read_text()
    assert "<script" in index
    assert all(" src=" in tag.split(">")[0] for tag in index.split("<script")[1:])
    (tmp_path / "index.html").write_text(index)
    monkeypatch.setenv("SCR_FRONTEND_DIST", str(tmp_path))
    get_settings.cache_clear()
    try:
        client = TestClient(create_app(check_migrations=False))
        for path in ("/", "/reviews/12/chronology"):
            page = client.get(path)
            assert page.status_code == 200
            assert page.headers["content-security-policy"] == WORKBENCH_POLICY
            assert (
                "cache-control" not in page.headers
                or "no-store" not in page.headers["cache-control"]
            )
            _same_everywhere(dict(page.headers))
    finally:
        get_settings.cache_clear()


def test_the_documentation_page_starts_swagger_from_a_file(anonymous: TestClient) -> None:
    page = anonymous.get("/api/v1/docs")
    assert page.status_code == 200
    assert page.headers["content-security-policy"] == DOCS_POLICY
    _same_everywhere(dict(page.headers))
    scripts = page.text.split("<script")[1:]
    assert scripts
    assert all(tag.split(">", 1)[1].startswith("</script") for tag in scripts)
    start = anonymous.get("/api/v1/docs/start.js")
    assert start.status_code == 200
    assert "SwaggerUIBundle" in start.text
    assert "/api/v1/openapi.json" in start.text
    bundle = anonymous.get("/api/v1/docs-assets/swagger-ui-bundle.js")
    assert bundle.status_code == 200
    assert "no-store" not in bundle.headers.get("cache-control", "")
