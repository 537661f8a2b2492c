"""The outlet's records as every counter sees them, built from the hub's operations (issue 22).

Each counter applies every operation of the outlet, its own included, in the hub's order
(`position`), each once.  So every replica computes the same rows from the same sequence,
which is what makes the counters converge; this module holds the one merge rule:

- A change sets fields of a record (the payload's top-level keys); a workflow move
  (`local_action` "move") sets the record's `status`, but only when the workflow allows that
  move from the status the record has here; otherwise the move is refused and listed.  A
  pickup is such a move (to collected) that also sets its fields; refused, it sets none.
- The change later in the hub's order wins a field.  When its author had not seen the change
  it overwrites (its `hub_seen` is before that change's position) and it came from another
  counter with another value, the two were made offline of each other: a conflict is listed
  with both values, who and when.  Nothing is lost silently: the value overwritten stays in
  the conflict until a person settles it.

The same transaction projects the tickets a page touched into the counter's own ticket tables
(app/storage/replica_projection.py), so the queue, the search and the ticket page show them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.core.ticket_numbers import InvalidTicketNumber, parse_ticket_number
from app.core.workflow import Status, allowed_targets
from app.storage import replica_erasure, replica_projection
from app.storage.replica_projection import Applied
from app.storage.store import Store, UnitOfWork
from app.storage.ticket_repository import COUNTER_CODE

HUB_SEEN = "hub_seen"
REPLICA_ENTITY = "hub_replica"
STATUS_FIELD = "status"
CREATED_STATUS = Status.RECEIVED.value
CONCURRENT_CHANGE, MOVE_REFUSED = "concurrent_change", "move_refused"
#: A person's choice between a conflict's two values (app/sync/hub_settle.py makes it).
SETTLE = "settle"
_NOT_FIELDS = frozenset({"local_action"})
ERASED_FIELD = replica_erasure.ERASED_FIELD


@dataclass(frozen=True)
class ReplicaOperation:
    position: int
    counter: str
    op_id: str
    seq: int
    entity: str
    entity_id: str
    payload: dict[str, Any]
    created_at: str
    hub_seen: int

    @property
    def local_action(self) -> str:
        action = self.payload.get("local_action")
        return action if isinstance(action, str) else ""


@dataclass(frozen=True)
class FieldValue:
    value: str
    op_id: str
    author: str
    position: int
    changed_at: str


@dataclass(frozen=True)
class Conflict:
    id: int
    kind: str
    entity: str
    entity_id: str
    field: str
    kept_value: str | None
    kept_author: str | None
    kept_at: str | None
    other_value: str
    other_author: str
    other_at: str
    position: int
    settled_at: str | None
    settled_by: str | None
    other_op: str

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class ApplyReport:
    applied: int
    skipped: int
    conflicts: int
    position: int


def hub_seen(store: Store) -> int:
    return int(store.meta_value(HUB_SEEN) or 0)


def apply_operations(store: Store, operations: Sequence[ReplicaOperation], actor: str) -> ApplyReport:
    """Apply a page of the hub's operations, in position order, each once, in one transaction."""
    applied = skipped = conflicts = 0
    position = hub_seen(store)
    with store.transaction(actor) as work:
        mine = _counter_code(work)
        taken: list[Applied] = []
        for op in sorted(operations, key=lambda o: o.position):
            if op.position <= position or _already_applied(work, op.op_id):
                skipped += 1
                continue
            listed, accepted = _apply_one(store, work, op)
            conflicts += listed
            taken.append(
                Applied(
                    op.entity,
                    op.entity_id,
                    op.local_action,
                    op.payload,
                    replica_projection.millisecond_text(op.created_at),
                    op.counter == mine,
                    accepted,
                )
            )
            work.execute(
                "INSERT INTO replica_applied (op_id, author, author_seq, hub_position, applied_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (op.op_id, op.counter, op.seq, op.position, work.at),
            )
            applied += 1
            position = op.position
        work.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (HUB_SEEN, str(position)))
        replica_projection.project_page(work, taken)
        if applied:
            work.record(REPLICA_ENTITY, "", "apply", {"applied": applied, "to": position}, upstream=False)
    return ApplyReport(applied, skipped, conflicts, position)


def _already_applied(work: UnitOfWork, op_id: str) -> bool:
    return work.execute("SELECT 1 FROM replica_applied WHERE op_id = ?", (op_id,)).fetchone() is not None


def _counter_code(work: UnitOfWork) -> str | None:
    row = work.execute("SELECT value FROM meta WHERE key = ?", (COUNTER_CODE,)).fetchone()
    return str(row[0]) if row else None


def _apply_one(store: Store, work: UnitOfWork, op: ReplicaOperation) -> tuple[int, bool]:
    """Apply one operation: (conflicts listed, False when it was a refused status move)."""
    conflicts = 0
    accepted = True
    now = _fields_now(work, op.entity, op.entity_id)  # one read per record, not one per field
    fields = _fields_of(work, op, now.get(STATUS_FIELD))
    writes = []
    if replica_erasure.is_erasure(op.entity, op.local_action):
        erased = replica_erasure.erase_here(store, work, op.entity, op.entity_id)
        now = {}  # scrubbed: nothing personal is left to conflict with
        writes = [_write(op, entity, entity_id, ERASED_FIELD, _encoded(op.created_at)) for entity, entity_id in erased]
    elif replica_erasure.is_erased(work, op.entity, op.entity_id):
        # made where the erasure was not seen yet: its statistics only, and nothing left to settle
        fields = replica_erasure.kept_fields(fields)
        replica_erasure.drop_conflicts(work, op.entity, op.entity_id)
    for field, value in fields:
        if value is None:  # a refused workflow move: listed, the record keeps its status
            conflicts += 1
            accepted = False
            continue
        current = now.get(field)
        if current is not None and _concurrent(current, op) and current.value != value:
            kept = (value, op.counter, op.created_at, op.op_id)
            _list_conflict(work, CONCURRENT_CHANGE, op, field, kept=kept, other=current)
            conflicts += 1
        writes.append(_write(op, op.entity, op.entity_id, field, value))
    _keep_own_numbers_unique(work, op)
    work.executemany(
        "INSERT OR REPLACE INTO replica_field (entity, entity_id, field, value, op_id, author, hub_position,"
        " changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        writes,
    )
    return conflicts, accepted


def _write(op: ReplicaOperation, entity: str, entity_id: str, field: str, value: str) -> tuple[Any, ...]:
    """A replica_field row as this operation sets it."""
    return (entity, entity_id, field, value, op.op_id, op.counter, op.position, op.created_at)


def _keep_own_numbers_unique(work: UnitOfWork, op: ReplicaOperation) -> None:
    """A counter rebuilt from the hub (a replaced PC joining again under its old code) must not hand
    out its old numbers again: its own tickets seen on the hub move its sequence past them."""
    number = op.payload.get("number")
    if op.entity != "ticket" or op.local_action != "create" or not isinstance(number, str):
        return
    try:
        parsed = parse_ticket_number(number)
    except InvalidTicketNumber:
        return
    if not parsed.counter or parsed.counter != _counter_code(work):
        return
    work.execute(
        "INSERT INTO ticket_sequence (outlet_code, day, last) VALUES (?, ?, ?) ON CONFLICT (outlet_code, day)"
        " DO UPDATE SET last = max(last, excluded.last)",
        (f"{parsed.outlet}-{parsed.counter}", f"{parsed.day:%Y%m%d}", parsed.sequence),
    )


def _fields_now(work: UnitOfWork, entity: str, entity_id: str) -> dict[str, FieldValue]:
    rows = work.execute(
        "SELECT field, value, op_id, author, hub_position, changed_at FROM replica_field"
        " WHERE entity = ? AND entity_id = ?",
        (entity, entity_id),
    ).fetchall()
    return {str(r[0]): FieldValue(str(r[1]), str(r[2]), str(r[3]), int(r[4]), str(r[5])) for r in rows}


def _concurrent(current: FieldValue, op: ReplicaOperation) -> bool:
    """Made without seeing `current`: another counter's change the author had not applied yet."""
    return current.author != op.counter and op.hub_seen < current.position


def _fields_of(work: UnitOfWork, op: ReplicaOperation, status: FieldValue | None) -> list[tuple[str, str | None]]:
    target = _status_target(op)
    if target is not None:
        moved = _checked_move(work, op, status, target)
        if moved is None or op.local_action == "move":  # a move sets only the status; refused, nothing
            return [(STATUS_FIELD, moved)]
        return [(STATUS_FIELD, moved), *_payload_fields(op)]
    if op.local_action == SETTLE:
        return _settled_field(work, op)
    fields = _payload_fields(op)
    if op.local_action == "create" and op.entity == "ticket":
        fields.append((STATUS_FIELD, _encoded(CREATED_STATUS)))
    return fields


def _payload_fields(op: ReplicaOperation) -> list[tuple[str, str | None]]:
    return [(name, _encoded(value)) for name, value in sorted(op.payload.items()) if name not in _NOT_FIELDS]


def _status_target(op: ReplicaOperation) -> Any:
    """The status a workflow move or a pickup asks for; None for any other change."""
    if op.local_action == "move":
        return op.payload.get("to") or ""  # a move without a target is refused, not taken for a change
    if op.local_action == "pickup" and op.entity == "ticket":
        return Status.COLLECTED.value
    return None


def _settled_field(work: UnitOfWork, op: ReplicaOperation) -> list[tuple[str, str | None]]:
    """A settle: the field takes the chosen value and the conflict it names is settled, by the
    op's author at the op's time, so every replica marks it alike at the same place in the order."""
    field, settles = op.payload.get("field"), op.payload.get("settles")
    if not isinstance(field, str) or not field or field in _NOT_FIELDS or not isinstance(settles, str):
        return []  # not a settle this version can read: nothing changes, on every replica alike
    work.execute(
        "UPDATE replica_conflict SET settled_at = ?, settled_by = ? WHERE other_op = ? AND field = ?"
        " AND settled_at IS NULL",
        (op.created_at, op.counter, settles, field),
    )
    return [(field, _encoded(op.payload.get("value")))]


def _checked_move(work: UnitOfWork, op: ReplicaOperation, current: FieldValue | None, target: Any) -> str | None:
    """The new status, when the workflow allows the move from the status this replica holds."""
    here = json.loads(current.value) if current else None
    allowed = (
        isinstance(target, str)
        and here in {s.value for s in Status}
        and target in {s.value for s in allowed_targets(Status(here))}
    )
    if allowed:
        return _encoded(target)
    kept = (current.value, current.author, current.changed_at, current.op_id) if current else (None, None, None, None)
    _list_conflict(work, MOVE_REFUSED, op, STATUS_FIELD, kept=kept, other=None, other_value=_encoded(target))
    return None


def _list_conflict(
    work: UnitOfWork,
    kind: str,
    op: ReplicaOperation,
    field: str,
    *,
    kept: tuple[str | None, str | None, str | None, str | None],
    other: FieldValue | None,
    other_value: str | None = None,
) -> None:
    """Both sides: for a concurrent change the value now kept (op's) and the one it overwrote."""
    if other is not None:
        lost = (other.value, other.author, other.changed_at, other.op_id)
    else:
        lost = (other_value or "null", op.counter, op.created_at, op.op_id)
    work.execute(
        "INSERT OR IGNORE INTO replica_conflict (kind, entity, entity_id, field, kept_value, kept_author, kept_at,"
        " kept_op, other_value, other_author, other_at, other_op, hub_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " ?, ?, ?)",
        (kind, op.entity, op.entity_id, field, *kept, *lost, op.position),
    )


def _encoded(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


# --- reading ---------------------------------------------------------------------------------


_CONFLICT_COLUMNS = (
    "id, kind, entity, entity_id, field, kept_value, kept_author, kept_at, other_value, other_author, other_at,"
    " hub_position, settled_at, settled_by, other_op"
)


def conflicts(store: Store, *, include_settled: bool = False) -> list[Conflict]:
    where = "" if include_settled else " WHERE settled_at IS NULL"
    rows = store.query(f"SELECT {_CONFLICT_COLUMNS} FROM replica_conflict{where} ORDER BY hub_position, id")
    return [Conflict(*row) for row in rows]


def conflict(store: Store, conflict_id: int) -> Conflict | None:
    """One listed conflict, settled or not; None for an id this replica does not hold."""
    row = store.query_one(f"SELECT {_CONFLICT_COLUMNS} FROM replica_conflict WHERE id = ?", (conflict_id,))
    return Conflict(*row) if row else None


def settle_waiting(store: Store, other_op: str, field: str) -> bool:
    """This counter already chose for that conflict: its settle waits in the outbox for the hub."""
    row = store.query_one(
        "SELECT 1 FROM outbox WHERE sent_at IS NULL AND action = ? AND json_extract(payload, '$.settles') = ?"
        " AND json_extract(payload, '$.field') = ?",
        (SETTLE, other_op, field),
    )
    return row is not None


def record(store: Store, entity: str, entity_id: str) -> dict[str, Any]:
    rows = store.query(
        "SELECT field, value FROM replica_field WHERE entity = ? AND entity_id = ? ORDER BY field", (entity, entity_id)
    )
    return {str(field): json.loads(value) for field, value in rows}


def find_by_field(store: Store, entity: str, field: str, value: Any) -> list[str]:
    rows = store.query(
        "SELECT entity_id FROM replica_field WHERE entity = ? AND field = ? AND value = ? ORDER BY entity_id",
        (entity, field, _encoded(value)),
    )
    return [str(r[0]) for r in rows]


def applied_count(store: Store) -> int:
    row = store.query_one("SELECT count(*) FROM replica_applied")
    return int(row[0]) if row else 0


def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every replica table, ordered: two counters that converged give equal snapshots."""
    return {
        "replica_field": store.query("SELECT * FROM replica_field ORDER BY entity, entity_id, field"),
        "replica_applied": store.query(
            "SELECT op_id, author, author_seq, hub_position FROM replica_applied ORDER BY hub_position"
        ),
        "replica_conflict": store.query(
            "SELECT kind, entity, entity_id, field, kept_value, kept_author, kept_at, kept_op, other_value,"
            " other_author, other_at, other_op, hub_position, settled_at, settled_by FROM replica_conflict"
            " ORDER BY hub_position, id"
        ),
    }
