"""How many refused requests of one caller the audit trail records: enough to see someone
probing for other boards' reviews, never so many that a flood of them floods the trail."""

from __future__ import annotations

import threading
import time
from collections import deque

REFUSALS_PER_MINUTE = 20
"""Per caller (account, or address when not signed in) and server process."""


class Limiter:
    """At most ``per_minute`` events per key in any 60 seconds (a sliding window)."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        """Count an event for ``key``; whether it is within the limit."""
        now = time.monotonic()
        with self._lock:
            seen = self._seen.setdefault(key, deque())
            while seen and now - seen[0] >= 60:
                seen.popleft()
            if len(seen) >= self.per_minute:
                return False
            seen.append(now)
            if len(self._seen) > 10_000:  # forget callers gone quiet, so memory stays bounded
                for stale in [k for k, v in self._seen.items() if not v or now - v[-1] >= 60]:
                    del self._seen[stale]
            return True
