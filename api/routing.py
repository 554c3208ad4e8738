"""An APIRouter that a request for none of its routes passes by at once.

FastAPI keeps each included router as a branch and, for every request, tries the routes of
every branch in order, each a regular expression matched with some bookkeeping, twice: once
to find the branch and once to hand the request to it. With some two hundred routes that was
about a millisecond a request (a hundred route matches). Here a branch first asks, in one
step, whether any of its routes' paths fits the request's path: its fixed prefix (the path
up to the first parameter) must begin it, and one regular expression, the alternation of its
routes' own, must match it. If not, no route of the branch can match (neither fully nor by
path alone, the 405 case), so the branch says "no match" without trying them; otherwise
FastAPI tries them as before. The answer is the one the routes would have given; the OpenAPI
document, the dependencies and the routes themselves are unchanged.
"""

from __future__ import annotations

import re
from typing import Any

import fastapi
from fastapi import routing as fastapi_routing
from starlette._utils import get_route_path
from starlette.routing import Match
from starlette.types import Scope

_NAMED_GROUP = re.compile(r"\(\?P<[^>]+>")


def _alternation(candidates: list[Any]) -> re.Pattern[str] | None:
    """One pattern matching the paths any of ``candidates`` (a branch's routes, under its
    prefixes) matches; None if one of them is not a plain route (a router or a mount within
    the router), which is then left to FastAPI."""
    patterns = []
    for candidate in candidates:
        regex = getattr(candidate, "path_regex", None)
        if not isinstance(getattr(candidate, "original_route", None), fastapi.routing.APIRoute):
            return None
        if not isinstance(regex, re.Pattern):
            return None
        patterns.append(f"(?:{_NAMED_GROUP.sub('(?:', regex.pattern)})")
    return re.compile("|".join(patterns)) if patterns else None


class APIRouter(fastapi.APIRouter):
    """``fastapi.APIRouter``, skipped at once by a request whose path none of its routes fits."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Per place the router is included (its prefix there): the version of the router's
        # routes it was made from, and the pattern of their paths.
        self._paths: dict[str, tuple[int, re.Pattern[str] | None]] = {}

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        # FastAPI names the branch being tried: this router, included under a prefix.
        branch = fastapi_routing._get_scope_included_router(scope)
        if isinstance(branch, fastapi_routing._IncludedRouter) and branch.original_router is self:
            prefix = branch.include_context.prefix + self.prefix
            path = get_route_path(scope)
            if not path.startswith(prefix.partition("{")[0]):
                return Match.NONE, {}
            # The router's own count of changes to its routes: a router that includes others
            # (whose changes it does not count) has no pattern, so it is never stale.
            known = self._paths.get(prefix)
            if known is None or known[0] != self._routes_version:
                pattern = _alternation(branch.effective_candidates())
                known = self._paths[prefix] = (self._routes_version, pattern)
            if known[1] is not None and known[1].match(path) is None:
                return Match.NONE, {}
        return super().matches(scope)
