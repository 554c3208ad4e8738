"""The browser's API client is generated from frontend/openapi.json: that file must be the API's.

After changing routes or schemas, run ``make openapi``: it rewrites the document and
regenerates ``frontend/src/client`` from it (the frontend's ``client.test.ts`` checks that
the generated client matches the document).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from api.main import create_app

COMMITTED = Path(__file__).resolve().parents[2] / "frontend" / "openapi.json"


def _differences(committed: dict[str, Any], current: dict[str, Any]) -> list[str]:
    """Name the paths and schemas that were added, removed or changed."""
    found = []
    for section, key in (("path", "paths"), ("schema", "components")):
        old = committed.get(key, {})
        new = current.get(key, {})
        if key == "components":
            old, new = old.get("schemas", {}), new.get("schemas", {})
        for name in sorted(old.keys() | new.keys()):
            if name not in new:
                found.append(f"{section} {name} is gone")
            elif name not in old:
                found.append(f"{section} {name} is new")
            elif old[name] != new[name]:
                found.append(f"{section} {name} changed")
    return found or ["the document's other parts changed"]


def test_the_committed_openapi_document_is_the_apis() -> None:
    current = json.loads(json.dumps(create_app(check_migrations=False).openapi()))
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    if committed != current:
        raise AssertionError(
            "frontend/openapi.json is not the API's OpenAPI document; run `make openapi` to "
            "rewrite it and regenerate the browser's client: "
            + "; ".join(_differences(committed, current)[:20])
        )
