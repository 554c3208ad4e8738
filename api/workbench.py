"""The built workbench (frontend/dist) served at /, with its addresses opening the page.

The workbench routes in the browser: /reviews/12/chronology is an address of the page, not a
file. A bookmarked or reloaded address must still open the workbench, with status 200. The
API's own addresses, and files the build does not have (a stale script, a missing image),
keep their 404, so a wrong API call never gets a page of HTML back.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, Response
from starlette.routing import Match, Mount
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Scope

# Folders of the build and of the API: a path under these is a file or an API call, never
# an address of the page.
NOT_PAGES = ("api", "static", "assets")


def is_page_address(path: str) -> bool:
    """Whether ``path`` (relative, as StaticFiles sees it) names a screen of the workbench."""
    parts = PurePosixPath(path).parts
    if parts and parts[0] in NOT_PAGES:
        return False
    return not (parts and "." in parts[-1])


class WorkbenchFiles(StaticFiles):
    """The build's files, and its index.html for every address of the page."""

    def __init__(self, directory: Path) -> None:
        super().__init__(directory=directory, html=True)
        self.index = directory / "index.html"

    async def get_response(self, path: str, scope: Scope) -> Response:
        try:
            return await super().get_response(path, scope)
        except HTTPException as exc:
            if exc.status_code != 404 or not is_page_address(path):
                raise
            # The page decides what the address shows, or says it has no such screen.
            return FileResponse(self.index, headers={"Cache-Control": "no-cache"})


class WorkbenchMount(Mount):
    """The workbench mounted at /, matching no path of the API: an API path with a method its
    route does not take answers 405, and an unknown one 404, whether or not the workbench is
    built (the mount at / used to take every GET the API's routes did not, so a GET where
    only a POST goes was 404 with a build and 405 without)."""

    def __init__(self, app: ASGIApp, *, api: str) -> None:
        super().__init__("/", app=app, name="workbench")
        self.api = api

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        path = scope.get("path", "")
        if path == self.api or path.startswith(self.api + "/"):
            return Match.NONE, {}
        return super().matches(scope)
