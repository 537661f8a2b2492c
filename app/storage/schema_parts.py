"""Schema migration for spare parts (issue 18): stock per part, its moves, serials, returns, dispatch.

Appended to `migrations.MIGRATIONS` (append-only: never edit it once shipped).

* `part_move` is the parts journal: every change of stock is one row with the change of
  the quantity on hand and of the quantity reserved, who, why, and the ticket or serial it
  concerns.  Stock is the sum of these rows; the audit journal gets one entry per move.
* `part_stock` holds that sum per part (so reading stock is one row, not a scan of moves),
  with the bin and the minimum level.  It is changed only in the transaction that adds the
  move, by a conditional UPDATE that refuses to go below zero or below what is reserved;
  the CHECKs are the last line should a bug ever try anyway.
* `part_serial`: every serialised part scanned in, with the state it is in (one row per
  serial, so one part scanned twice is refused, not counted twice).
* `ticket_part`: what a ticket reserved and used, with the serial fitted and whether its
  label was verified genuine (printed on the slip).
* `part_return`: faulty parts taken out of phones, kept for return to the maker.
* `part_dispatch`: requests for a part the outlet does not hold (synced upstream).
"""

from __future__ import annotations

#: The kinds of stock moves (app/parts/moves.py says what each one does to the counts).
MOVE_KINDS_SQL = (
    "'receive','correct','count','reserve','release','consume','return_to_maker','transfer_out','transfer_in'"
)

PARTS_SCHEMA: list[str] = [
    """CREATE TABLE part_stock (
        part_id TEXT PRIMARY KEY, bin TEXT NOT NULL DEFAULT '',
        minimum INTEGER NOT NULL DEFAULT 0 CHECK (minimum >= 0),
        on_hand INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
        reserved INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= on_hand),
        updated_at TEXT NOT NULL)""",
    f"""CREATE TABLE part_move (
        seq INTEGER PRIMARY KEY, part_id TEXT NOT NULL REFERENCES part_stock (part_id),
        kind TEXT NOT NULL CHECK (kind IN ({MOVE_KINDS_SQL})),
        on_hand_change INTEGER NOT NULL, reserved_change INTEGER NOT NULL,
        ticket_id TEXT, serial TEXT, reason TEXT NOT NULL, actor TEXT NOT NULL, at TEXT NOT NULL)""",
    "CREATE INDEX part_move_part ON part_move (part_id, seq)",
    "CREATE INDEX part_move_ticket ON part_move (ticket_id) WHERE ticket_id IS NOT NULL",
    """CREATE TABLE part_serial (
        serial TEXT PRIMARY KEY, part_id TEXT NOT NULL REFERENCES part_stock (part_id),
        state TEXT NOT NULL CHECK (state IN ('in_stock','used','returned','transferred_out')),
        ticket_id TEXT, verified INTEGER NOT NULL, received_at TEXT NOT NULL, changed_at TEXT NOT NULL)""",
    """CREATE TABLE ticket_part (
        seq INTEGER PRIMARY KEY, ticket_id TEXT NOT NULL REFERENCES ticket (id), part_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('reserved','used','released')),
        serial TEXT, genuine INTEGER NOT NULL DEFAULT 0, at TEXT NOT NULL)""",
    "CREATE INDEX ticket_part_ticket ON ticket_part (ticket_id, state)",
    """CREATE TABLE part_return (
        id TEXT PRIMARY KEY, part_id TEXT NOT NULL, ticket_id TEXT REFERENCES ticket (id),
        faulty_serial TEXT, reason TEXT NOT NULL, logged_by TEXT NOT NULL, logged_at TEXT NOT NULL)""",
    """CREATE TABLE part_dispatch (
        id TEXT PRIMARY KEY, part_id TEXT NOT NULL, quantity INTEGER NOT NULL CHECK (quantity > 0),
        ticket_id TEXT REFERENCES ticket (id), state TEXT NOT NULL CHECK (state IN ('open','received','cancelled')),
        created_at TEXT NOT NULL, changed_at TEXT NOT NULL)""",
    "CREATE INDEX part_dispatch_open ON part_dispatch (part_id) WHERE state = 'open'",
]
