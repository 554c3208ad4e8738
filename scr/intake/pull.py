"""Pulling national learning from another instance: download its export, then import it.

The download goes to a temporary file as it arrives, so the import reads it twice from disk
(see ``importing``). The next pull asks only for what changed since the last whole one: the
manifest's ``next_since`` is kept per source URL, and kept back when a line was refused, so
that a refused review is offered again.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import httpx
from sqlmodel import Session, select

from scr.common.columns import utcnow
from scr.errors import InvalidInput
from scr.exchange.instance import instance_id
from scr.exchange.models import ExchangePull
from scr.exchange.schemas import ImportReport
from scr.intake import importing

EXPORT_PATH = "/api/v1/exports/national"


def export_url(url: str) -> str:
    """The export's address, from an instance's base address or the export's own."""
    url = url.rstrip("/")
    return url if url.endswith(EXPORT_PATH) else url + EXPORT_PATH


def last_since(session: Session, url: str) -> datetime | None:
    """Where the last whole pull from ``url`` left off, if there was one."""
    row = session.exec(select(ExchangePull).where(ExchangePull.url == export_url(url))).first()
    return None if row is None else row.next_since


def _download(
    client: httpx.Client,
    url: str,
    token: str,
    since: datetime | None,
    received: Callable[[int], None] | None,
) -> Path:
    params = {"since": since.isoformat()} if since is not None else {}
    headers = {"Authorization": f"Bearer {token}"}
    with tempfile.NamedTemporaryFile(prefix="scr-pull-", suffix=".ndjson", delete=False) as out:
        try:
            with client.stream("GET", url, params=params, headers=headers) as answer:
                if answer.status_code != 200:
                    answer.read()
                    try:
                        detail = answer.json().get("detail", answer.text)
                    except ValueError:
                        detail = answer.text[:200]
                    raise InvalidInput(f"{url} answered {answer.status_code}: {detail}")
                for chunk in answer.iter_bytes():
                    out.write(chunk)
                    if received is not None:
                        received(len(chunk))
        except httpx.HTTPError as exc:
            Path(out.name).unlink(missing_ok=True)
            raise InvalidInput(f"Could not fetch {url}: {exc}.") from None
        except BaseException:
            Path(out.name).unlink(missing_ok=True)
            raise
    return Path(out.name)


def _next_since(path: Path) -> datetime | None:
    last = b""
    with path.open("rb") as stream:
        for raw in stream:
            last = raw
    return datetime.fromisoformat(json.loads(last)["next_since"])


def pull(
    *,
    session: Session,
    client: httpx.Client,
    url: str,
    token: str,
    since: datetime | None = None,
    received: Callable[[int], None] | None = None,
    progress: importing.Progress | None = None,
    checkpoint: importing.Checkpoint | None = None,
    actor: str | None = None,
) -> ImportReport:
    """Fetch the export at ``url`` (from ``since``, or where the last pull left off) and
    import it; remember where to start next time when every line was taken."""
    target = export_url(url)
    since = since if since is not None else last_since(session, target)
    path = _download(client, target, token, since, received)
    try:
        report = importing.import_file(
            session=session,
            path=path,
            actor=actor,
            own_instance=instance_id(session),
            progress=progress,
            checkpoint=checkpoint,
        )
        if report.accepted and report.refused == 0:
            _remember(session, target, _next_since(path))
    finally:
        path.unlink(missing_ok=True)
    return report


def _remember(session: Session, url: str, next_since: datetime | None) -> None:
    if next_since is None:
        return
    row = session.exec(select(ExchangePull).where(ExchangePull.url == url)).first()
    if row is None:
        row = ExchangePull(url=url, next_since=next_since)
    row.next_since = next_since
    row.pulled_at = utcnow()
    session.add(row)
    session.flush()
