"""What every node of the causal graph does alike, whatever kind of record it is."""

from __future__ import annotations

from sqlmodel import Session

from scr.common.columns import Tracked
from scr.common.lookup import id_of
from scr.link import service as link_service
from scr.tag import service as tag_service
from scr.vocabulary import NodeKind, TagTarget


def delete(*, session: Session, kind: NodeKind, node: Tracked, label: str, cascade: bool) -> None:
    """Delete a node with its tags; links to it block this unless ``cascade`` deletes them
    too (``label`` names it in the refusal)."""
    item_id = id_of(node)
    link_service.guard_delete(
        session=session, kind=kind, item_id=item_id, label=label, cascade=cascade
    )
    tag_service.delete_for(session=session, kind=TagTarget(kind.value), item_id=item_id)
    session.delete(node)
    session.flush()
