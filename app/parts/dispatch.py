"""Dispatch between outlets: requests for a part the outlet lacks, and transfers out and in.

Requests and transfers go upstream as outbox changes carrying counts and outlet codes only;
the upstream answers which outlets of the region hold a part.  A transfer received here
enters stock when its parts are scanned (`receive_transfer`), which also closes the oldest
open request for that part.
"""

from __future__ import annotations

import re
import uuid

from app.accounts.session import Session
from app.core.part_labels import MakerKeys, PartLabel
from app.core.roles import Permission
from app.parts.errors import StockMoveRefused
from app.parts.stock import MAX_QUANTITY, Move, known_part, move_in, receive_label
from app.storage import parts_repository, staff_repository
from app.storage.parts_repository import DispatchRequest, StockLevel
from app.storage.store import UnitOfWork

DISPATCH_ENTITY = "part_dispatch"
TRANSFER_ENTITY = "part_transfer"
_OUTLET = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,31}$")


def request_in(work: UnitOfWork, part_id: str, quantity: int, ticket_id: str | None) -> str:
    """Raise (or keep) the open request for this part and ticket inside the caller's transaction."""
    existing = parts_repository.open_dispatch_for(work, part_id, ticket_id)
    if existing is not None:
        return existing
    dispatch_id = str(uuid.uuid4())
    parts_repository.add_dispatch(work, dispatch_id, part_id, quantity, ticket_id)
    counts = {"part_id": part_id, "quantity": quantity, "state": "open"}
    work.record(DISPATCH_ENTITY, dispatch_id, "request", {**counts, "ticket_id": ticket_id}, outbox_payload=counts)
    return dispatch_id


def request_dispatch(session: Session, part_id: str, quantity: int = 1) -> str:
    """A manager's or technician's request for a part the outlet does not hold."""
    session.require(Permission.WRITE_TICKETS)
    part_id = known_part(session, part_id)
    if not 1 <= quantity <= MAX_QUANTITY:
        raise StockMoveRefused(
            f"Request 1 to {MAX_QUANTITY} parts.", code="quantity_invalid", params={"quantity": quantity}
        )
    with session.store.transaction(session.actor) as work:
        return request_in(work, part_id, quantity, None)


def open_requests(session: Session) -> list[DispatchRequest]:
    session.require(Permission.READ_TICKETS)
    return parts_repository.dispatch_requests(session.store)


def _outlet_code(session: Session) -> str:
    outlet = staff_repository.outlet(session.store)
    return outlet.code if outlet else ""


def transfer_out(session: Session, part_id: str, quantity: int, to_outlet: str, reason: str) -> StockLevel:
    """Send parts to another outlet: they leave this stock, and the transfer goes upstream."""
    session.require(Permission.MANAGE_STOCK)
    part_id = known_part(session, part_id)
    target = to_outlet.strip().upper()[:40]
    if not _OUTLET.match(target) or target == _outlet_code(session):
        raise StockMoveRefused(f"{target!r} is not another outlet's code.", code="outlet_invalid")
    with session.store.transaction(session.actor) as work:
        level = move_in(work, Move(part_id, "transfer_out", quantity, reason))
        transfer = {"part_id": part_id, "quantity": quantity, "from_outlet": _outlet_code(session), "to_outlet": target}
        work.record(TRANSFER_ENTITY, str(uuid.uuid4()), "send", transfer)
    return level


def receive_transfer(
    session: Session, scanned: str, reason: str = "transfer received", *, makers: MakerKeys | None = None
) -> tuple[StockLevel, PartLabel]:
    """A transferred part scanned in; the oldest open request for its part is then met."""
    level, label = receive_label(session, scanned, reason, kind="transfer_in", makers=makers)
    requests = [r for r in parts_repository.dispatch_requests(session.store) if r.part_id == label.part_id]
    if requests:
        with session.store.transaction(session.actor) as work:
            if parts_repository.close_dispatch(work, requests[0].id, "received"):
                counts = {"part_id": label.part_id, "quantity": requests[0].quantity, "state": "received"}
                work.record(DISPATCH_ENTITY, requests[0].id, "received", counts)
    return level, label
