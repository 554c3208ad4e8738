"""The sealer: one loop per server that seals new audit entries into the keyed chain."""

from __future__ import annotations

from sqlalchemy import Engine

from scr.audit import service as audit_service
from scr.db import session_scope


def seal_all(*, key: bytes, engine: Engine | None = None) -> int:
    """Seal every committed entry, a batch per transaction; how many were sealed."""
    total = 0
    while True:
        with session_scope(engine, writer=True) as session:
            sealed = audit_service.seal(session=session, key=key)
        total += sealed
        if sealed < audit_service.SEAL_BATCH:
            return total
