"""The outlet hub's operation log (issue 22): SQL over the upstream store's connection.

Every counter's operations are kept once per op_id, numbered in arrival order; that number
(`position`) is the order every counter applies them in, so every replica computes the same
records.  The hub also remembers when each counter last called and how far it has applied,
for the "counters online, waiting" view, and how far the region has acknowledged.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.core.canonical_json import canonical_json
from app.storage.replica_erasure import CUSTOMER, TICKET, scrubbed_payload
from app.upstream.storage.store import UpstreamStore

FORWARDED = "hub_forwarded_position"


@dataclass(frozen=True)
class HubOperationRow:
    position: int
    counter: str
    op_id: str
    seq: int
    entity: str
    entity_id: str
    action: str
    payload_json: str
    digest: str
    hub_seen: int
    created_at: str


@dataclass(frozen=True)
class CounterState:
    counter: str
    last_seen_at: str
    applied_position: int


_COLUMNS = "position, counter, op_id, seq, entity, entity_id, action, payload, digest, hub_seen, created_at"


def append_operations(store: UpstreamStore, rows: Sequence[HubOperationRow], received_at: str) -> dict[str, str]:
    """Store the new ones (the position given is ignored: the hub numbers them); returns
    op_id -> the digest the hub holds, so a repeat is told apart from a clash.

    An erasure of a ticket or a customer scrubs the payloads of every earlier operation of it
    (and of a customer's tickets), and an operation of a record already erased (its author had
    not seen the erasure) is stored scrubbed: see `_scrub_erased`.  Then the WAL is checkpointed,
    so no copy of the old payloads stays in the hub's files."""
    erasures = 0
    with store._transaction(write=True) as cur:
        held: dict[str, str] = {}
        for row in rows:
            found = cur.execute("SELECT digest FROM hub_operations WHERE op_id = ?", (row.op_id,)).fetchone()
            if found is not None:
                held[row.op_id] = str(found[0])
                continue
            if row.action == ERASE and row.entity in (TICKET, CUSTOMER):
                _scrub_erased(cur, row.entity, row.entity_id)
                erasures += 1
            elif _erased(cur, row):
                row = _scrubbed(row)
            cur.execute(
                "INSERT INTO hub_operations (counter, op_id, seq, entity, entity_id, action, payload, digest,"
                " hub_seen, created_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    row.counter,
                    row.op_id,
                    row.seq,
                    row.entity,
                    row.entity_id,
                    row.action,
                    row.payload_json,
                    row.digest,
                    row.hub_seen,
                    row.created_at,
                    received_at,
                ),
            )
            held[row.op_id] = row.digest
    if erasures:
        store._forget_old_copies()
    return held


ERASE = "erase"


def _erased(cur: Any, row: HubOperationRow) -> bool:
    """An erase of this record is held, or of the customer a ticket's operation names (a ticket
    taken in where the erasure was not seen yet).  One look-up each in the erasures' index."""
    if row.entity not in (TICKET, CUSTOMER):
        return False
    records = [(row.entity, row.entity_id)]
    customer = json.loads(row.payload_json).get(CUSTOMER) if row.entity == TICKET else None
    if isinstance(customer, str):
        records.append((CUSTOMER, customer))
    return any(
        cur.execute(
            # 'erase' written out, not bound: the planner then surely takes the partial index
            "SELECT 1 FROM hub_operations WHERE entity = ? AND entity_id = ? AND action = 'erase'",
            (entity, entity_id),
        ).fetchone()
        is not None
        for entity, entity_id in records
    )


def _scrubbed(row: HubOperationRow) -> HubOperationRow:
    """The same operation (id, position, digest) with a payload that names no one."""
    return HubOperationRow(**{**row.__dict__, "payload_json": _scrubbed_json(row.payload_json)})


def _scrubbed_json(payload_json: str) -> str:
    """A stored payload without personal values, in the service's canonical form."""
    return canonical_json(scrubbed_payload(json.loads(payload_json))).decode("utf-8")


def _scrub_erased(cur: Any, entity: str, entity_id: str) -> None:
    """Every held operation of the record, and of a customer's tickets, keeps only what the
    statistics keep (app/storage/replica_erasure.py); the rows, positions and digests stay, so
    replication and idempotency hold and a counter joining later gets the scrubbed payloads."""
    ids = [entity_id]
    if entity == CUSTOMER:
        tickets = cur.execute(
            "SELECT DISTINCT entity_id FROM hub_operations WHERE entity = ?"
            " AND json_extract(payload, '$.customer') = ?",
            (TICKET, entity_id),
        ).fetchall()
        ids += [str(t[0]) for t in tickets]
    # one pass over the log (record ids are UUIDs: a ticket's never is a customer's)
    held = cur.execute(
        f"SELECT position, payload FROM hub_operations WHERE entity IN (?, ?) AND action <> 'erase'"
        f" AND entity_id IN ({', '.join('?' * len(ids))})",
        (TICKET, CUSTOMER, *ids),
    ).fetchall()
    scrubbed = [(_scrubbed_json(str(payload)), int(position)) for position, payload in held]
    cur.executemany(
        "UPDATE hub_operations SET payload = ? WHERE position = ? AND payload <> ?",
        [(payload, position, payload) for payload, position in scrubbed],
    )


def operations_after(store: UpstreamStore, after: int, limit: int) -> list[HubOperationRow]:
    with store._transaction(write=False) as cur:
        rows = cur.execute(
            f"SELECT {_COLUMNS} FROM hub_operations WHERE position > ? ORDER BY position LIMIT ?", (after, limit)
        ).fetchall()
    return [_row(r) for r in rows]


def last_position(store: UpstreamStore) -> int:
    with store._transaction(write=False) as cur:
        row = cur.execute("SELECT max(position) FROM hub_operations").fetchone()
    return int(row[0] or 0)


def counter_called(store: UpstreamStore, counter: str, at: str, applied_position: int | None) -> None:
    with store._transaction(write=True) as cur:
        cur.execute(
            "INSERT INTO hub_counters (counter, last_seen_at, applied_position) VALUES (?, ?, ?)"
            " ON CONFLICT (counter) DO UPDATE SET last_seen_at = excluded.last_seen_at,"
            " applied_position = CASE WHEN excluded.applied_position > hub_counters.applied_position"
            " THEN excluded.applied_position ELSE hub_counters.applied_position END",
            (counter, at, applied_position or 0),
        )


def counters(store: UpstreamStore) -> list[CounterState]:
    with store._transaction(write=False) as cur:
        rows = cur.execute(
            "SELECT counter, last_seen_at, applied_position FROM hub_counters ORDER BY counter"
        ).fetchall()
    return [CounterState(str(r[0]), str(r[1]), int(r[2])) for r in rows]


def forwarded_position(store: UpstreamStore) -> int:
    with store._transaction(write=False) as cur:
        row = cur.execute("SELECT value FROM upstream_meta WHERE name = ?", (FORWARDED,)).fetchone()
    return int(row[0]) if row else 0


def set_forwarded_position(store: UpstreamStore, position: int) -> None:
    with store._transaction(write=True) as cur:
        cur.execute(
            "INSERT INTO upstream_meta (name, value) VALUES (?, ?)"
            " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (FORWARDED, str(position)),
        )


def meta_value(store: UpstreamStore, name: str) -> str | None:
    with store._transaction(write=False) as cur:
        row = cur.execute("SELECT value FROM upstream_meta WHERE name = ?", (name,)).fetchone()
    return str(row[0]) if row else None


def set_meta_value(store: UpstreamStore, name: str, value: str) -> None:
    with store._transaction(write=True) as cur:
        cur.execute(
            "INSERT INTO upstream_meta (name, value) VALUES (?, ?)"
            " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (name, value),
        )


def _row(r: Sequence[object]) -> HubOperationRow:
    return HubOperationRow(
        position=int(str(r[0])),
        counter=str(r[1]),
        op_id=str(r[2]),
        seq=int(str(r[3])),
        entity=str(r[4]),
        entity_id=str(r[5]),
        action=str(r[6]),
        payload_json=str(r[7]),
        digest=str(r[8]),
        hub_seen=int(str(r[9])),
        created_at=str(r[10]),
    )
