"""The region's spare parts (issue 18): which outlets hold a part, and the transfers between them.

Read from the records the outlets pushed: a `part_stock` record per outlet and part holds that
outlet's counts after its last stock move (absolute counts, so a resent operation can never add
a part twice); a `part_transfer` record is one transfer sent.  Counts and outlet codes only:
nothing else of a stock move leaves the outlet (the sharing policy).  The JSON field reads come
from the store's dialect, so the SQL runs on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from app.upstream.storage.store import UpstreamStore

#: Most outlets one answer lists (a region has hundreds at most).
MAX_HOLDERS = 500


def _number(value: object) -> int:
    try:
        return max(0, int(str(value)))
    except ValueError:
        return 0


def part_holders(store: UpstreamStore, part_id: str) -> list[tuple[str, int, int]]:
    """(outlet, on hand, available) of every outlet holding the part, most available first."""
    part, on_hand, available = (store.json_text("payload", key) for key in ("part_id", "on_hand", "available"))
    rows = store.aggregate(
        f"SELECT outlet, {on_hand}, {available} FROM records"
        f" WHERE entity = 'part_stock' AND action = 'upsert' AND {part} = ? ORDER BY outlet LIMIT ?",
        (part_id, MAX_HOLDERS),
    )
    found = [(str(outlet), _number(held), _number(free)) for outlet, held, free in rows]
    return sorted((row for row in found if row[1] > 0), key=lambda row: (-row[2], row[0]))


def transfers(store: UpstreamStore, part_id: str | None = None) -> list[tuple[str, str, str, int]]:
    """(from outlet, to outlet, part, quantity) of every transfer sent, as the senders reported them."""
    part, target, quantity = (store.json_text("payload", key) for key in ("part_id", "to_outlet", "quantity"))
    only_part = f" AND {part} = ?" if part_id is not None else ""  # no untyped NULL parameter for PostgreSQL
    rows = store.aggregate(
        f"SELECT outlet, {target}, {part}, {quantity} FROM records"
        f" WHERE entity = 'part_transfer' AND action = 'upsert'{only_part} ORDER BY outlet",
        () if part_id is None else (part_id,),
    )
    return [(str(r[0]), str(r[1]), str(r[2]), _number(r[3])) for r in rows]
