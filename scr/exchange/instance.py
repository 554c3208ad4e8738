"""This instance's name in the exchange."""

from __future__ import annotations

import uuid

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from scr.exchange.models import InstanceIdentity


def instance_id(session: Session) -> str:
    """This instance's name in the exchange, made (at random) the first time it is asked for."""
    found = session.get(InstanceIdentity, 1)
    if found is not None:
        return found.instance_id
    try:
        with session.begin_nested():
            session.add(InstanceIdentity(id=1, instance_id=f"scr-{uuid.uuid4().hex}"))
    except IntegrityError:  # (another request made it first)
        pass
    made = session.get(InstanceIdentity, 1)
    assert made is not None
    return made.instance_id
