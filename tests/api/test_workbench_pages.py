"""The workbench's addresses open the page; the API's and missing files keep their 404."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from scr.config import get_settings

PAGE = "<!doctype html><title>SCR Workbench</title><div id=root></div>"


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    (tmp_path / "index.html").write_text(PAGE)
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "app.js").write_text("console.log('workbench')")
    monkeypatch.setenv("SCR_FRONTEND_DIST", str(tmp_path))
    get_settings.cache_clear()
    yield TestClient(create_app(check_migrations=False))
    get_settings.cache_clear()


@pytest.mark.parametrize(
    "address", ["/", "/reviews", "/reviews/12/chronology", "/reviews/12/episodes/new"]
)
def test_an_address_of_the_workbench_opens_the_page(client: TestClient, address: str) -> None:
    response = client.get(address)
    assert response.status_code == 200
    assert response.text == PAGE
    assert response.headers["content-type"].startswith("text/html")


def test_the_builds_files_are_served_as_themselves(client: TestClient) -> None:
    response = client.get("/static/app.js")
    assert response.status_code == 200
    assert response.text == "console.log('workbench')"


@pytest.mark.parametrize("address", ["/static/gone.js", "/assets/fonts/gone.woff2", "/logo.png"])
def test_a_file_the_build_lacks_is_404_not_the_page(client: TestClient, address: str) -> None:
    response = client.get(address)
    assert response.status_code == 404
    assert PAGE not in response.text


def test_an_unknown_api_address_answers_json_404_not_the_page(client: TestClient) -> None:
    for address in ("/api/v1/no-such-thing", "/api/v2/reviews", "/api"):
        response = client.get(address)
        assert response.status_code == 404, address
        assert response.headers["content-type"] == "application/json", address


def test_only_reading_is_allowed_on_the_pages(client: TestClient) -> None:
    assert client.post("/reviews/12").status_code == 405


def test_an_api_route_asked_with_another_method_is_405_with_the_workbench_built(
    client: TestClient,
) -> None:
    """As without a build: the workbench at / does not take an API path's GET."""
    for method, address in (
        ("GET", "/api/v1/reviews/1/tags/submit"),
        ("GET", "/api/v1/auth/token"),
    ):
        response = client.request(method, address)
        assert response.status_code == 405, (method, address, response.text)
        assert response.headers["content-type"] == "application/json"
