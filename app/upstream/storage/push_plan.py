"""Deciding, for one pushed batch, what each operation does: a pure function over what the
store already holds, so the store can then write the whole batch in a few bulk statements.

Rules (per outlet):
- an op_id already stored is a replay: answer its stored status (or `conflict` when the
  content differs); a repeat inside the batch is answered the same way;
- a new operation is `applied` when its seq is above the record's current seq, else
  `superseded` (kept, record unchanged);
- after an erasure, no stored operation older than it keeps its payload, including older
  operations that arrive late.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from app.upstream.storage.records import ERASED_PAYLOAD, IncomingOperation, OperationOutcome

RecordKey = tuple[str, str]


@dataclass(frozen=True)
class StoredOperation:
    status: str
    digest: str


@dataclass(frozen=True)
class RecordState:
    seq: int
    action: str


@dataclass
class PushPlan:
    #: One per input operation, in input order.
    outcomes: list[OperationOutcome] = field(default_factory=list)
    #: New operations to store, with (status, payload as stored).
    new_rows: list[tuple[IncomingOperation, str]] = field(default_factory=list)
    #: The winning operation per record, to write into `records`.
    record_writes: dict[RecordKey, IncomingOperation] = field(default_factory=dict)
    #: Erasures applied: (entity, entity_id, seq): older stored payloads are scrubbed.
    erasures: list[tuple[str, str, int]] = field(default_factory=list)


def plan_push(
    operations: Sequence[IncomingOperation],
    stored: Mapping[str, StoredOperation],
    records: Mapping[RecordKey, RecordState],
    erased_at: Mapping[RecordKey, int],
) -> PushPlan:
    """The plan for `operations` (any order; applied in seq order) given the stored state."""
    plan = PushPlan()
    current = dict(records)
    erased = dict(erased_at)
    first_seen: dict[str, tuple[IncomingOperation, str]] = {}
    outcome_by_position: dict[int, OperationOutcome] = {}
    order = sorted(range(len(operations)), key=lambda i: operations[i].seq)
    for position in order:
        op = operations[position]
        outcome_by_position[position] = _plan_one(op, stored, first_seen, current, erased, plan)
    plan.outcomes = [outcome_by_position[i] for i in range(len(operations))]
    return plan


def _plan_one(
    op: IncomingOperation,
    stored: Mapping[str, StoredOperation],
    first_seen: dict[str, tuple[IncomingOperation, str]],
    current: dict[RecordKey, RecordState],
    erased: dict[RecordKey, int],
    plan: PushPlan,
) -> OperationOutcome:
    earlier = stored.get(op.op_id)
    if earlier is not None:
        return _replay(op, earlier.status, earlier.digest)
    if op.op_id in first_seen:
        first, status = first_seen[op.op_id]
        return _replay(op, status, first.digest)
    key = (op.entity, op.entity_id)
    state = current.get(key)
    status = "applied" if state is None or op.seq > state.seq else "superseded"
    if status == "applied":
        current[key] = RecordState(op.seq, op.action)
        plan.record_writes[key] = op
        if op.action == "erase":
            erased[key] = max(op.seq, erased.get(key, -1))
            plan.erasures.append((op.entity, op.entity_id, op.seq))
    payload = ERASED_PAYLOAD if op.seq < erased.get(key, -1) else op.payload_json
    plan.new_rows.append((replace(op, payload_json=payload), status))
    first_seen[op.op_id] = (op, status)
    return OperationOutcome(op.op_id, status, replayed=False)


def _replay(op: IncomingOperation, status: str, digest: str) -> OperationOutcome:
    return OperationOutcome(op.op_id, status if digest == op.digest else "conflict", replayed=True)
