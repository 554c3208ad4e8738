"""A router passes by a request none of its routes fits (api.routing) with the answer its
routes would have given: for every route's path, filled in and altered, and every method,
each included router matches exactly as FastAPI's own matching does."""

from __future__ import annotations

import itertools
import re
from typing import Any

import fastapi
import pytest
from fastapi import FastAPI
from fastapi import routing as fastapi_routing
from fastapi.testclient import TestClient
from starlette.routing import Match

from api import routing
from tests.responses import ok

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")


def _branches(candidates: list[Any]) -> list[Any]:
    found = []
    for candidate in candidates:
        if isinstance(candidate, fastapi_routing._IncludedRouter):
            found.append(candidate)
            found.extend(_branches(candidate.effective_candidates()))
    return found


def _paths(branches: list[Any]) -> set[str]:
    """Each route's path with its parameters filled in several ways, and near misses."""
    paths = {"/", "/api", "/api/v1", "/api/v1/", "/api/v1/nothing", "/index.html"}
    routes = [c for b in branches for c in b.effective_candidates()]
    assert len(routes) > 100
    for route in routes:
        template = getattr(route, "path", None)
        if not isinstance(template, str):
            continue
        for value in ("1", "abc", "1/2"):
            path = re.sub(r"\{[^}]+\}", value, template)
            paths |= {path, path + "/", path.rstrip("/") + "/more", path[:-1] or "/"}
    return paths


@pytest.fixture(scope="module")
def branches(_app: FastAPI) -> list[Any]:
    found = _branches(
        [r for r in _app.router.routes if isinstance(r, fastapi_routing._IncludedRouter)]
    )
    assert sum(isinstance(b.original_router, routing.APIRouter) for b in found) >= 20
    return found


def _match(branch: Any, path: str, method: str) -> Match:
    scope = {"type": "http", "path": path, "root_path": "", "method": method}
    match, _ = branch.matches(scope)
    return match


def test_every_router_matches_as_fastapi_does(
    branches: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = list(itertools.product(branches, sorted(_paths(branches)), METHODS))
    pruned = [_match(b, p, m) for b, p, m in cases]
    monkeypatch.setattr(routing.APIRouter, "matches", fastapi.APIRouter.matches)
    plain = [_match(b, p, m) for b, p, m in cases]
    differ = [(c[1], c[2]) for c, a, b in zip(cases, pruned, plain, strict=True) if a != b]
    assert differ == []
    assert Match.FULL in pruned
    assert Match.PARTIAL in pruned
    assert pruned.count(Match.NONE) > 0.9 * len(pruned)


def test_a_request_reaches_its_route_and_a_wrong_method_is_405(client: Any) -> None:
    assert client.get("/api/v1/audit").status_code == 200
    assert client.get("/api/v1/reviews/1/nothing").status_code == 404
    assert client.put("/api/v1/health").status_code == 405


def test_a_route_added_after_the_first_request_is_found() -> None:
    router = routing.APIRouter(prefix="/things")
    router.add_api_route("/a", lambda: "a", methods=["GET"])
    app = FastAPI()
    app.include_router(router, prefix="/api")
    client = TestClient(app)
    assert ok(client.get("/api/things/a")) == "a"
    assert client.get("/api/things/b").status_code == 404
    router.add_api_route("/b", lambda: "b", methods=["GET"])
    assert ok(client.get("/api/things/b")) == "b"
