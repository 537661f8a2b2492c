"""Spare-part rows: stock per part, the moves that make it, serials, ticket parts, returns, dispatch.

Every write runs inside the caller's `UnitOfWork` (one SQL transaction, begun IMMEDIATE, so a
second connection waits for it) and is followed by the caller's `work.record(...)`.  The one
way stock changes is `apply_move`: a conditional UPDATE that does nothing when the move would
take the stock below zero or below what is reserved, and the move row beside it.  Two counter
windows on one store can then never both take the last part: the second UPDATE finds the
first one's result and changes no row.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.storage.store import Store, UnitOfWork

#: Most rows a list returns (a stock list of an outlet is a few hundred parts).
MAX_ROWS = 2000


@dataclass(frozen=True)
class StockLevel:
    part_id: str
    bin: str
    minimum: int
    on_hand: int
    reserved: int

    @property
    def available(self) -> int:
        """What may still be reserved or used without a reservation."""
        return self.on_hand - self.reserved

    @property
    def low(self) -> bool:
        """Below the minimum level the manager set (a part with no minimum is never low)."""
        return self.available < self.minimum


@dataclass(frozen=True)
class PartMove:
    seq: int
    part_id: str
    kind: str
    on_hand_change: int
    reserved_change: int
    ticket_id: str | None
    serial: str | None
    reason: str
    actor: str
    at: str


@dataclass(frozen=True)
class TicketPart:
    seq: int
    ticket_id: str
    part_id: str
    state: str
    serial: str | None
    genuine: bool
    at: str


@dataclass(frozen=True)
class DispatchRequest:
    id: str
    part_id: str
    quantity: int
    ticket_id: str | None
    state: str
    created_at: str


_LEVEL = "SELECT part_id, bin, minimum, on_hand, reserved FROM part_stock"


def _level(row: tuple[object, ...]) -> StockLevel:
    return StockLevel(str(row[0]), str(row[1]), int(str(row[2])), int(str(row[3])), int(str(row[4])))


# --- stock ---------------------------------------------------------------------------------


def ensure_part(work: UnitOfWork, part_id: str) -> None:
    """A stock row at zero for a part the outlet has never held."""
    work.execute(
        "INSERT INTO part_stock (part_id, updated_at) VALUES (?, ?) ON CONFLICT (part_id) DO NOTHING",
        (part_id, work.at),
    )


def apply_move(
    work: UnitOfWork,
    part_id: str,
    kind: str,
    on_hand_change: int,
    reserved_change: int,
    *,
    reason: str,
    ticket_id: str | None = None,
    serial: str | None = None,
) -> StockLevel | None:
    """Change the stock and log the move, or return None (nothing written) if it would go negative."""
    ensure_part(work, part_id)
    changed = work.execute(
        "UPDATE part_stock SET on_hand = on_hand + ?1, reserved = reserved + ?2, updated_at = ?3"
        " WHERE part_id = ?4 AND on_hand + ?1 >= 0 AND reserved + ?2 >= 0 AND reserved + ?2 <= on_hand + ?1",
        (on_hand_change, reserved_change, work.at, part_id),
    ).rowcount
    if changed != 1:
        return None
    work.execute(
        "INSERT INTO part_move (part_id, kind, on_hand_change, reserved_change, ticket_id, serial, reason, actor, at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (part_id, kind, on_hand_change, reserved_change, ticket_id, serial, reason, work.actor, work.at),
    )
    return level_in(work, part_id)


def set_place(work: UnitOfWork, part_id: str, bin_location: str | None, minimum: int | None) -> StockLevel:
    ensure_part(work, part_id)
    work.execute(
        "UPDATE part_stock SET bin = coalesce(?, bin), minimum = coalesce(?, minimum), updated_at = ?"
        " WHERE part_id = ?",
        (bin_location, minimum, work.at, part_id),
    )
    found = level_in(work, part_id)
    assert found is not None
    return found


def level_in(work: UnitOfWork, part_id: str) -> StockLevel | None:
    row = work.execute(f"{_LEVEL} WHERE part_id = ?", (part_id,)).fetchone()
    return _level(row) if row else None


def stock_level(store: Store, part_id: str) -> StockLevel | None:
    row = store.query_one(f"{_LEVEL} WHERE part_id = ?", (part_id,))
    return _level(row) if row else None


def stock_levels(store: Store) -> list[StockLevel]:
    return [_level(r) for r in store.query(f"{_LEVEL} ORDER BY part_id LIMIT ?", (MAX_ROWS,))]


def move_sums(store: Store) -> dict[str, tuple[int, int]]:
    """part -> (sum of on-hand changes, sum of reserved changes) over every move ever made."""
    rows = store.query("SELECT part_id, sum(on_hand_change), sum(reserved_change) FROM part_move GROUP BY part_id")
    return {str(r[0]): (int(r[1]), int(r[2])) for r in rows}


def moves(store: Store, part_id: str | None = None, limit: int = MAX_ROWS) -> list[PartMove]:
    rows = store.query(
        "SELECT seq, part_id, kind, on_hand_change, reserved_change, ticket_id, serial, reason, actor, at"
        " FROM part_move WHERE ?1 IS NULL OR part_id = ?1 ORDER BY seq DESC LIMIT ?2",
        (part_id, limit),
    )
    return [PartMove(*r) for r in rows]


# --- serials -------------------------------------------------------------------------------


def serial_state(work: UnitOfWork, serial: str) -> tuple[str, str] | None:
    """(part, state) of a serial scanned before, or None."""
    row = work.execute("SELECT part_id, state FROM part_serial WHERE serial = ?", (serial,)).fetchone()
    return (str(row[0]), str(row[1])) if row else None


def add_serial(work: UnitOfWork, serial: str, part_id: str, *, verified: bool) -> bool:
    """False (nothing written) when the serial is already known: one part is never counted twice."""
    return bool(
        work.execute(
            "INSERT INTO part_serial (serial, part_id, state, verified, received_at, changed_at)"
            " VALUES (?, ?, 'in_stock', ?, ?, ?) ON CONFLICT (serial) DO NOTHING",
            (serial, part_id, int(verified), work.at, work.at),
        ).rowcount
    )


def move_serial(
    work: UnitOfWork, serial: str, from_states: tuple[str, ...], to_state: str, ticket_id: str | None
) -> bool:
    """Move a serial from one of `from_states`; False when it was not in any of them."""
    marks = ", ".join("?" for _ in from_states)
    return bool(
        work.execute(
            f"UPDATE part_serial SET state = ?, ticket_id = coalesce(?, ticket_id), changed_at = ?"
            f" WHERE serial = ? AND state IN ({marks})",
            (to_state, ticket_id, work.at, serial, *from_states),
        ).rowcount
    )


# --- ticket parts --------------------------------------------------------------------------


def add_ticket_part(work: UnitOfWork, ticket_id: str, part_id: str, state: str) -> None:
    work.execute(
        "INSERT INTO ticket_part (ticket_id, part_id, state, at) VALUES (?, ?, ?, ?)",
        (ticket_id, part_id, state, work.at),
    )


def set_ticket_part(
    work: UnitOfWork, seq: int, from_state: str, to_state: str, serial: str | None, genuine: bool
) -> bool:
    return bool(
        work.execute(
            "UPDATE ticket_part SET state = ?, serial = ?, genuine = ?, at = ? WHERE seq = ? AND state = ?",
            (to_state, serial, int(genuine), work.at, seq, from_state),
        ).rowcount
    )


def ticket_parts(store: Store, ticket_id: str) -> list[TicketPart]:
    rows = store.query(
        "SELECT seq, ticket_id, part_id, state, serial, genuine, at FROM ticket_part WHERE ticket_id = ? ORDER BY seq",
        (ticket_id,),
    )
    return [TicketPart(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6]) for r in rows]


# --- returns and dispatch ------------------------------------------------------------------


def add_return(
    work: UnitOfWork, return_id: str, part_id: str, ticket_id: str | None, faulty_serial: str | None, reason: str
) -> None:
    work.execute(
        "INSERT INTO part_return (id, part_id, ticket_id, faulty_serial, reason, logged_by, logged_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (return_id, part_id, ticket_id, faulty_serial, reason, work.actor, work.at),
    )


def returns(store: Store, ticket_id: str | None = None) -> list[tuple[str, str, str | None, str | None, str]]:
    """(id, part, ticket, faulty serial, reason) of faulty parts logged for return to the maker."""
    rows = store.query(
        "SELECT id, part_id, ticket_id, faulty_serial, reason FROM part_return"
        " WHERE ?1 IS NULL OR ticket_id = ?1 ORDER BY logged_at LIMIT ?2",
        (ticket_id, MAX_ROWS),
    )
    return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]


def add_dispatch(work: UnitOfWork, dispatch_id: str, part_id: str, quantity: int, ticket_id: str | None) -> None:
    work.execute(
        "INSERT INTO part_dispatch (id, part_id, quantity, ticket_id, state, created_at, changed_at)"
        " VALUES (?, ?, ?, ?, 'open', ?, ?)",
        (dispatch_id, part_id, quantity, ticket_id, work.at, work.at),
    )


def close_dispatch(work: UnitOfWork, dispatch_id: str, state: str) -> bool:
    return bool(
        work.execute(
            "UPDATE part_dispatch SET state = ?, changed_at = ? WHERE id = ? AND state = 'open'",
            (state, work.at, dispatch_id),
        ).rowcount
    )


def dispatch_requests(store: Store, *, open_only: bool = True) -> list[DispatchRequest]:
    rows = store.query(
        "SELECT id, part_id, quantity, ticket_id, state, created_at FROM part_dispatch"
        " WHERE ?1 = 0 OR state = 'open' ORDER BY created_at LIMIT ?2",
        (int(open_only), MAX_ROWS),
    )
    return [DispatchRequest(*r) for r in rows]


def open_dispatch_for(work: UnitOfWork, part_id: str, ticket_id: str | None) -> str | None:
    row = work.execute(
        "SELECT id FROM part_dispatch WHERE part_id = ? AND state = 'open' AND ticket_id IS ?",
        (part_id, ticket_id),
    ).fetchone()
    return str(row[0]) if row else None
