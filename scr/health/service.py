"""Probe that the database can still be written to, as ``/health`` reports it."""

from __future__ import annotations

import os

from sqlmodel import Session

from scr.health.models import WriteProbe

PROBE_BYTES = 8192
"""More than a page of either engine (and random, so PostgreSQL cannot compress it): the probe
needs room the database does not already have, so a full disk shows."""


def probe_writing(*, session: Session) -> None:
    """Write a row of ``PROBE_BYTES`` and remove it again in the caller's transaction.

    The pages it touched are written when the transaction commits, so a disk that is full
    fails the probe (as the insert or as the commit) as it would fail any change.
    """
    probe = WriteProbe(body=os.urandom(PROBE_BYTES // 2).hex())
    session.add(probe)
    session.flush()
    session.delete(probe)
    session.flush()
