"""Parts on a ticket: the approved estimate reserves them, the repair uses them, a cancel releases them.

* `approve_and_reserve`: the customer's approval (tickets.pricing), then each part line of
  the estimate is reserved; a part not available raises a dispatch request and the ticket
  goes to "waiting for parts".  Reservation is one transaction, which holds the store's
  write lock, so what it reads as available is still available when it reserves.
* `use_parts`: the repair consumes the reserved parts; a scanned label is verified
  (genuine, of the reserved part) and its serial recorded on the ticket, and the faulty
  part taken out is logged for return to the maker.
* `release_parts`: a cancelled (or unrepaired) ticket gives its reservation back.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from app.accounts.session import Session
from app.core.part_labels import MakerKeys, PartLabel
from app.core.roles import Permission
from app.core.workflow import TERMINAL, Status, allowed_targets
from app.parts.dispatch import DISPATCH_ENTITY, request_in
from app.parts.errors import StockMoveRefused, TicketPartsRefused
from app.parts.genuine import check_label, maker_keys_in_force
from app.parts.stock import Move, move_in
from app.storage import parts_repository
from app.storage.parts_repository import TicketPart
from app.storage.store import UnitOfWork
from app.storage.ticket_records import TicketDetail
from app.tickets import moves, pricing

TICKET_ENTITY = "ticket"


@dataclass(frozen=True)
class Reservation:
    reserved: tuple[str, ...]
    missing: tuple[str, ...]
    dispatch_ids: tuple[str, ...]
    status: str


def _estimate_parts(session: Session, detail: TicketDetail) -> list[str]:
    """Part numbers of the estimate's part lines, one per unit (labour lines left out)."""
    prices = pricing.prices_in_force(session)
    kinds = {item.part_id: item.kind for item in prices.items}
    wanted = []
    for line in detail.lines:
        if line.kind == "estimate" and line.part_id and kinds.get(line.part_id) == "part":
            wanted.extend([line.part_id] * line.quantity)
    return wanted


def approve_and_reserve(session: Session, number: str, approved_by: str, signature: bytes) -> Reservation:
    """Record the approval, then reserve the estimate's parts (what is missing is requested)."""
    pricing.approve_estimate(session, number, approved_by, signature)
    return reserve_for_ticket(session, number)


def reserve_for_ticket(session: Session, number: str) -> Reservation:
    """Reserve every part of the estimate not yet reserved; missing ones go to dispatch and the
    ticket to waiting for parts."""
    session.require(Permission.WRITE_TICKETS)
    detail = moves.load(session, number)
    if not _may_take_parts(detail):
        raise TicketPartsRefused(
            f"Ticket {detail.number}: the estimate is not approved and the repair is not under warranty.",
            code="estimate_not_approved",
            params={"ticket": detail.number},
        )
    held = [p.part_id for p in parts_repository.ticket_parts(session.store, detail.row.id) if p.state != "released"]
    wanted = _estimate_parts(session, detail)
    for part in held:
        if part in wanted:
            wanted.remove(part)
    reserved: list[str] = []
    missing: list[str] = []
    with session.store.transaction(session.actor) as work:
        for part in wanted:
            level = parts_repository.level_in(work, part)
            if level is not None and level.available >= 1:
                move_in(work, Move(part, "reserve", 1, f"ticket {detail.number}", ticket_id=detail.row.id))
                parts_repository.add_ticket_part(work, detail.row.id, part, "reserved")
                reserved.append(part)
            else:
                missing.append(part)
        dispatch_ids = tuple(
            request_in(work, part, missing.count(part), detail.row.id) for part in dict.fromkeys(missing)
        )
    status = _wait_for_parts(session, detail) if missing else detail.status
    return Reservation(tuple(reserved), tuple(missing), dispatch_ids, status)


def _may_take_parts(detail: TicketDetail) -> bool:
    """What repairing needs (tickets.moves): an approved estimate, a warranty repair, or nothing to pay."""
    in_warranty = bool(detail.warranty and detail.warranty.get("in_warranty"))
    estimate = [line for line in detail.lines if line.kind == "estimate"]
    free = bool(estimate) and all(line.total == 0 for line in estimate)
    return bool(detail.approval) or in_warranty or free


def _wait_for_parts(session: Session, detail: TicketDetail) -> str:
    current = moves.load(session, detail.number).status
    if Status.WAITING_FOR_PARTS in allowed_targets(Status(current)):
        moves.move_ticket(session, detail.number, Status.WAITING_FOR_PARTS, "parts requested by dispatch")
        return Status.WAITING_FOR_PARTS.value
    return current


def use_parts(
    session: Session,
    number: str,
    labels: Sequence[str] = (),
    *,
    faulty_serials: dict[str, str] | None = None,
    makers: MakerKeys | None = None,
) -> list[TicketPart]:
    """The repair fits the reserved parts: each consumed, its label's serial on the ticket, the
    replaced faulty part logged for return to the maker."""
    session.require(Permission.WRITE_TICKETS)
    detail = moves.load(session, number)
    if detail.status != Status.REPAIRING:
        raise TicketPartsRefused(
            f"Ticket {detail.number} is {detail.status}: parts are fitted while it is repairing.",
            code="parts_ticket_status",
            params={"ticket": detail.number, "current": detail.status},
        )
    reserved = [p for p in parts_repository.ticket_parts(session.store, detail.row.id) if p.state == "reserved"]
    if not reserved:
        raise TicketPartsRefused(
            f"Ticket {detail.number} has no parts reserved.", code="nothing_reserved", params={"ticket": detail.number}
        )
    keys = makers or maker_keys_in_force(session.store)
    scanned = _labels_for(reserved, [check_label(text, keys) for text in labels])
    with session.store.transaction(session.actor) as work:
        for part in reserved:
            label = scanned.get(part.seq)
            _fit(work, detail, part, label)
            faulty = (faulty_serials or {}).get(part.part_id)
            parts_repository.add_return(work, str(uuid.uuid4()), part.part_id, detail.row.id, faulty, "replaced faulty")
        used = [{"part_id": p.part_id, "serial": scanned[p.seq].serial if p.seq in scanned else None} for p in reserved]
        work.record(TICKET_ENTITY, detail.row.id, "use_parts", {"number": detail.number, "parts": used})
    return parts_repository.ticket_parts(session.store, detail.row.id)


def _labels_for(reserved: list[TicketPart], labels: list[PartLabel]) -> dict[int, PartLabel]:
    """Match each scanned label to a reserved part of its number; a label for no reserved part is refused."""
    matched: dict[int, PartLabel] = {}
    for label in labels:
        slot = next((p for p in reserved if p.part_id == label.part_id and p.seq not in matched), None)
        if slot is None:
            raise TicketPartsRefused(
                f"No reserved {label.part_id} left on this ticket for serial {label.serial}.",
                code="part_not_reserved",
                params={"part": label.part_id, "serial": label.serial},
            )
        matched[slot.seq] = label
    return matched


def _fit(work: UnitOfWork, detail: TicketDetail, part: TicketPart, label: PartLabel | None) -> None:
    serial = label.serial if label else None
    if label is not None and not _take_serial(work, label, detail.row.id):
        raise StockMoveRefused(
            f"Serial {label.serial} is not in this outlet's stock (used or sent away already).",
            code="serial_not_in_stock",
            params={"serial": label.serial},
        )
    move_in(work, Move(part.part_id, "consume", 1, f"ticket {detail.number}", ticket_id=detail.row.id, serial=serial))
    parts_repository.set_ticket_part(work, part.seq, "reserved", "used", serial, label is not None)


def _take_serial(work: UnitOfWork, label: PartLabel, ticket_id: str) -> bool:
    """A scanned-in serial moves to used; one received by count only is recorded now, used."""
    if parts_repository.serial_state(work, label.serial) is None:
        parts_repository.add_serial(work, label.serial, label.part_id, verified=True)
    return parts_repository.move_serial(work, label.serial, ("in_stock",), "used", ticket_id)


def release_parts(session: Session, number: str, reason: str = "ticket cancelled") -> int:
    """Give back every part the ticket still holds reserved and cancel its open dispatch requests."""
    session.require(Permission.WRITE_TICKETS)
    detail = moves.load(session, number)
    reserved = [p for p in parts_repository.ticket_parts(session.store, detail.row.id) if p.state == "reserved"]
    requests = [r for r in parts_repository.dispatch_requests(session.store) if r.ticket_id == detail.row.id]
    if not reserved and not requests:
        return 0
    with session.store.transaction(session.actor) as work:
        for part in reserved:
            move_in(work, Move(part.part_id, "release", 1, reason, ticket_id=detail.row.id))
            parts_repository.set_ticket_part(work, part.seq, "reserved", "released", None, False)
        for request in requests:
            if parts_repository.close_dispatch(work, request.id, "cancelled"):
                counts = {"part_id": request.part_id, "quantity": request.quantity, "state": "cancelled"}
                work.record(DISPATCH_ENTITY, request.id, "cancelled", counts)
    return len(reserved)


def move_and_release(session: Session, number: str, target: str | Status, note: str = "") -> tuple[str, int]:
    """Move a ticket; a move that closes it unrepaired (cancelled, returned) releases its parts."""
    row = moves.move_ticket(session, number, target, note)
    released = release_parts(session, number) if Status(row.status) in TERMINAL - {Status.COLLECTED} else 0
    return row.status, released


def parts_on_ticket(session: Session, number: str) -> list[TicketPart]:
    """The parts reserved, used or released on this ticket (for `ticket show` and the slip)."""
    detail = moves.load(session, number)
    return parts_repository.ticket_parts(session.store, detail.row.id)
