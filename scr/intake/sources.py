"""The instances ``scr exchange pull --sources FILE`` pulls from, read from a TOML file.

One ``[[source]]`` table per instance::

    [[source]]
    name = "North East"                          # optional: how the summary names it
    url = "https://scr.north-east.example.org"   # the instance, or its export's address
    token_env = "SCR_TOKEN_NORTH_EAST"           # the environment variable holding a
                                                 # national machine token there

Tokens stay out of the file: it names the variable that holds each one. Every source keeps
its own cursor (where its last whole pull ended), by its export's address.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from scr.errors import InvalidInput
from scr.intake.pull import export_url

_ENV_NAME = re.compile(r"^[A-Z_][A-Z0-9_]*$")


@dataclass(frozen=True)
class Source:
    name: str
    url: str
    token_env: str


def read(path: Path) -> list[Source]:
    """The sources listed in ``path``; InvalidInput naming the entry that is wrong."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"{path} could not be read ({exc}).") from None
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInput(f"{path} is not TOML: {exc}.") from None
    entries = data.get("source")
    if not isinstance(entries, list) or not entries:
        raise InvalidInput(f"{path} lists no [[source]] with a url and a token_env.")
    found: list[Source] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        where = f"{path}, source {number}"
        if not isinstance(entry, dict):
            raise InvalidInput(f"{where} is not a table of url and token_env.")
        url, env = entry.get("url"), entry.get("token_env")
        if not isinstance(url, str) or not re.match(r"^https?://[^\s/]+", url):
            raise InvalidInput(f"{where} has no url starting http:// or https://.")
        if not isinstance(env, str) or not _ENV_NAME.match(env):
            raise InvalidInput(
                f"{where} has no token_env naming an environment variable (such as "
                "SCR_TOKEN_NORTH)."
            )
        unknown = set(entry) - {"name", "url", "token_env"}
        if unknown:
            raise InvalidInput(f"{where} has keys this file does not take: {sorted(unknown)}.")
        if export_url(url) in seen:
            raise InvalidInput(f"{where} repeats the address {url}.")
        seen.add(export_url(url))
        name = entry.get("name", url)
        found.append(Source(name=str(name), url=url, token_env=env))
    return found
