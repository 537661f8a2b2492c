"""Settling a conflict of the outlet hub's replica: a person picks one of its two values.

Two counters changed one field offline, or a workflow move was refused; the replica lists both
values (app/storage/replica_repository.py).  Settling is a normal change of that record, queued
in the outbox and journaled like any other, with the payload

    {"local_action": "settle", "field": F, "value": V, "settles": OTHER_OP_ID}

Every counter applies it at its place in the hub's order: the field takes V and the conflict of
that other op and field is marked settled, by the settling op's author at its time, so the
counters agree on the record and on the conflict alike.

Who may settle: whoever may change the record.  A ticket's field is settled by staff who write
tickets (technicians and intake clerks too: they have the phone and the customer in front of
them, and either value is one a colleague of theirs typed); anything else (the outlet's hours,
its holidays) only by a manager, who alone may change it in the first place.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from app.accounts.session import Session
from app.core.roles import Permission
from app.errors import KnownError, UsageError
from app.storage import replica_repository
from app.storage.replica_repository import SETTLE, Conflict

Keep = Literal["kept", "other"]
KEEP_CHOICES: tuple[Keep, ...] = ("kept", "other")
#: Records whose fields staff at the counter may change; the rest are the outlet's settings.
COUNTER_RECORDS = frozenset({"ticket"})


class UnknownConflict(KnownError):
    exit_code = 127
    next_step = "List the conflicts with: repair-counter hub conflicts --all"


class ConflictAlreadySettled(KnownError):
    exit_code = 128
    next_step = "Nothing to do: sync with the hub to see the choice everywhere (repair-counter hub sync --once)."


@dataclass(frozen=True)
class Settlement:
    conflict_id: int
    entity: str
    entity_id: str
    field: str
    value: Any

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def permission_to_settle(entity: str) -> Permission:
    return Permission.WRITE_TICKETS if entity in COUNTER_RECORDS else Permission.MANAGE_REFERENCE_DATA


def settle(session: Session, conflict_id: int, keep: str) -> Settlement:
    """Queue the choice of `keep` ("kept": the value the replica holds; "other": the one it overwrote)."""
    if keep not in KEEP_CHOICES:
        raise UsageError(f"Keep which value? Say kept or other, not {keep!r}.")
    session.require(Permission.READ_TICKETS)
    conflict = replica_repository.conflict(session.store, conflict_id)
    if conflict is None:
        raise UnknownConflict(f"No conflict #{conflict_id} on this counter.", params={"conflict": conflict_id})
    session.require(permission_to_settle(conflict.entity))
    _refuse_settled(session, conflict)
    chosen = conflict.kept_value if keep == "kept" else conflict.other_value
    value = json.loads(chosen) if chosen is not None else None
    payload = {"local_action": SETTLE, "field": conflict.field, "value": value, "settles": conflict.other_op}
    with session.store.transaction(session.actor) as work:
        work.record(conflict.entity, conflict.entity_id, SETTLE, payload)
    return Settlement(conflict.id, conflict.entity, conflict.entity_id, conflict.field, value)


def _refuse_settled(session: Session, conflict: Conflict) -> None:
    if conflict.settled_at is not None:
        raise ConflictAlreadySettled(
            f"Conflict #{conflict.id} was settled by counter {conflict.settled_by} at {conflict.settled_at}.",
            params={"conflict": conflict.id, "by": conflict.settled_by or "", "at": conflict.settled_at},
        )
    if replica_repository.settle_waiting(session.store, conflict.other_op, conflict.field):
        raise ConflictAlreadySettled(
            f"Conflict #{conflict.id} is already settled here; the choice waits to be sent to the hub.",
            code="conflict_settle_waiting",
            params={"conflict": conflict.id},
        )
