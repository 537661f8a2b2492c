"""Stock at the outlet: every change is a move, journaled with who and why.

A move changes the quantity on hand and the quantity reserved by fixed signs (`MOVES`); the
stock is the sum of the moves and never goes below zero or below what is reserved
(app/storage/parts_repository.py says how two processes are kept from both taking the last
part).  Each move is one transaction: the stock row, the move row, one audit-journal entry
(who, the move, why) and one outbox row carrying the part's new counts and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.accounts.session import Session
from app.core.part_labels import MakerKeys, PartLabel
from app.core.reference_data import PriceList
from app.core.roles import Permission
from app.parts.errors import NotEnoughStock, StockMoveRefused, UnknownPart
from app.parts.genuine import check_label, maker_keys_in_force
from app.storage import parts_repository
from app.storage.parts_repository import StockLevel
from app.storage.store import UnitOfWork
from app.tickets.pricing import prices_in_force

#: kind -> (sign of the change on hand, sign of the change reserved) per unit moved.
MOVES: dict[str, tuple[int, int]] = {
    "receive": (1, 0),
    "transfer_in": (1, 0),
    "reserve": (0, 1),
    "release": (0, -1),
    "consume": (-1, -1),
    "return_to_maker": (-1, 0),
    "transfer_out": (-1, 0),
}
#: Moves only a manager makes: they change what the outlet is accountable for.
MANAGER_MOVES = frozenset({"correct", "count", "return_to_maker", "transfer_out"})
MAX_QUANTITY = 10_000
MAX_REASON = 200
MAX_BIN = 32
STOCK_ENTITY = "part_stock"


@dataclass(frozen=True)
class Move:
    """One move as asked: which part, what kind, how many (a signed change for corrections), why."""

    part_id: str
    kind: str
    quantity: int
    reason: str
    ticket_id: str | None = None
    serial: str | None = None


def known_part(session: Session, part_id: str, prices: PriceList | None = None) -> str:
    """The part number as the price list spells it, or UnknownPart."""
    wanted = part_id.strip().upper()[:64]
    for item in (prices or prices_in_force(session)).items:
        if item.kind == "part" and item.part_id.upper() == wanted:
            return item.part_id
    raise UnknownPart(f"No part {wanted!r} in the price list.", params={"part": wanted})


def _changes(move: Move, current: StockLevel | None) -> tuple[int, int]:
    if move.kind == "correct":
        if move.quantity == 0 or abs(move.quantity) > MAX_QUANTITY:
            raise StockMoveRefused(
                f"A correction changes the stock by 1 to {MAX_QUANTITY} either way.",
                code="quantity_invalid",
                params={"quantity": move.quantity},
            )
        return move.quantity, 0
    if move.kind == "count":  # a stock-take: the move is the difference to what was counted
        if not 0 <= move.quantity <= MAX_QUANTITY:
            raise StockMoveRefused(
                f"A count is 0 to {MAX_QUANTITY}.", code="quantity_invalid", params={"quantity": move.quantity}
            )
        return move.quantity - (current.on_hand if current else 0), 0
    if not 1 <= move.quantity <= MAX_QUANTITY:
        raise StockMoveRefused(
            f"Move 1 to {MAX_QUANTITY} parts at a time.", code="quantity_invalid", params={"quantity": move.quantity}
        )
    on_hand_sign, reserved_sign = MOVES[move.kind]
    return on_hand_sign * move.quantity, reserved_sign * move.quantity


def level_payload(level: StockLevel, kind: str) -> dict[str, object]:
    """What goes upstream of a move: the part's counts after it, no person, no ticket, no reason."""
    return {
        "part_id": level.part_id,
        "on_hand": level.on_hand,
        "reserved": level.reserved,
        "available": level.available,
        "minimum": level.minimum,
        "move": kind,
    }


def move_in(work: UnitOfWork, move: Move) -> StockLevel:
    """Make one move inside the caller's transaction; NotEnoughStock rolls the whole of it back."""
    reason = move.reason.strip()[:MAX_REASON]
    if not reason:
        raise StockMoveRefused("Every stock move needs a reason.", code="reason_missing")
    on_hand_change, reserved_change = _changes(move, parts_repository.level_in(work, move.part_id))
    level = parts_repository.apply_move(
        work,
        move.part_id,
        move.kind,
        on_hand_change,
        reserved_change,
        reason=reason,
        ticket_id=move.ticket_id,
        serial=move.serial,
    )
    if level is None:
        raise _not_enough(work, move)
    change = {
        "part_id": move.part_id,
        "kind": move.kind,
        "on_hand_change": on_hand_change,
        "reserved_change": reserved_change,
        "reason": reason,
        "ticket_id": move.ticket_id,
        "serial": move.serial,
    }
    work.record(STOCK_ENTITY, move.part_id, move.kind, change, outbox_payload=level_payload(level, move.kind))
    return level


def _not_enough(work: UnitOfWork, move: Move) -> NotEnoughStock:
    current = parts_repository.level_in(work, move.part_id)
    available = current.available if current else 0
    return NotEnoughStock(
        f"Part {move.part_id}: {available} available, the {move.kind.replace('_', ' ')} needs {abs(move.quantity)}.",
        params={"part": move.part_id, "available": available, "wanted": abs(move.quantity)},
    )


def make_move(session: Session, move: Move) -> StockLevel:
    """One move in a transaction of its own (the kind's permission checked)."""
    session.require(Permission.MANAGE_STOCK if move.kind in MANAGER_MOVES else Permission.WRITE_TICKETS)
    part_id = known_part(session, move.part_id)
    fixed = Move(part_id, move.kind, move.quantity, move.reason, move.ticket_id, move.serial)
    with session.store.transaction(session.actor) as work:
        return move_in(work, fixed)


def receive_label(
    session: Session, scanned: str, reason: str = "received", *, kind: str = "receive", makers: MakerKeys | None = None
) -> tuple[StockLevel, PartLabel]:
    """Scan one serialised part into stock: genuine, of a listed part, and never scanned in before."""
    session.require(Permission.WRITE_TICKETS)
    label = check_label(scanned, makers or maker_keys_in_force(session.store))
    part_id = known_part(session, label.part_id)
    with session.store.transaction(session.actor) as work:
        parts_repository.ensure_part(work, part_id)
        if not parts_repository.add_serial(work, label.serial, part_id, verified=True):
            raise StockMoveRefused(
                f"Serial {label.serial} was scanned in before; a part is counted once.",
                code="serial_already_received",
                params={"serial": label.serial},
            )
        level = move_in(work, Move(part_id, kind, 1, reason, serial=label.serial))
    return level, label


def set_place(session: Session, part_id: str, bin_location: str | None, minimum: int | None) -> StockLevel:
    """Where the part is kept and the level below which it counts as low (a manager's setting)."""
    session.require(Permission.MANAGE_STOCK)
    part_id = known_part(session, part_id)
    if minimum is not None and not 0 <= minimum <= MAX_QUANTITY:
        raise StockMoveRefused(
            f"A minimum is 0 to {MAX_QUANTITY}.", code="quantity_invalid", params={"quantity": minimum}
        )
    place = None if bin_location is None else bin_location.strip()[:MAX_BIN]
    with session.store.transaction(session.actor) as work:
        level = parts_repository.set_place(work, part_id, place, minimum)
        work.record(
            STOCK_ENTITY,
            part_id,
            "set_place",
            {"part_id": part_id, "bin": level.bin, "minimum": level.minimum},
            outbox_payload=level_payload(level, "set_place"),
        )
    return level


def compatible_models(session: Session) -> dict[str, tuple[str, ...]]:
    """part -> the phone models it fits, from the price list in force (empty: fits every model)."""
    return {item.part_id: item.models for item in prices_in_force(session).items if item.kind == "part"}


def stock(session: Session) -> list[StockLevel]:
    session.require(Permission.READ_TICKETS)
    return parts_repository.stock_levels(session.store)


def low_stock(session: Session) -> list[StockLevel]:
    """Parts below their minimum level (what the manager reorders or asks dispatch for)."""
    return [level for level in stock(session) if level.low]
