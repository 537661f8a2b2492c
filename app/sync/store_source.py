"""The SQLCipher store as the relay's `OutboxSource`.

The journal keeps fine-grained local actions (create, move, pickup...); on the
wire an operation is one of upsert / delete / erase / rectify, with the local
action kept in the payload.  Local entity names map to the upstream's.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from app.core.reference_updates import ReferenceDataError, check_item, item_key
from app.storage import sync_repository
from app.storage.store import QueuedChange, Store
from app.sync.outbox import OutboxItem
from app.tickets.reference_in_force import reference_in_force

#: Local entity -> the upstream's name for it (entities not listed keep their name).
WIRE_ENTITIES = {"diag_consent": "consent", "diag_run": "diagnostic_run", "diag_log": "log_capture"}
ERASING_ACTIONS = frozenset({"erase", "erase_data"})
DELETING_ACTIONS = frozenset({"delete"})
RECTIFYING_ACTIONS = frozenset({"rectify"})


def wire_action(local_action: str) -> str:
    if local_action in ERASING_ACTIONS:
        return "erase"
    if local_action in DELETING_ACTIONS:
        return "delete"
    if local_action in RECTIFYING_ACTIONS:
        return "rectify"
    return "upsert"


def wire_entity_id(entity: str, entity_id: str) -> str:
    """The record's UUID; a local id that is not one gets a stable UUID derived from it."""
    try:
        return str(uuid.UUID(entity_id))
    except ValueError:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"repair-counter:{entity}:{entity_id}"))


def to_wire(item: QueuedChange) -> OutboxItem:
    payload: dict[str, Any] = dict(item.payload) if isinstance(item.payload, dict) else {"value": item.payload}
    payload.setdefault("local_action", item.action)
    return OutboxItem(
        op_id=item.op_id,
        seq=item.seq,
        entity=WIRE_ENTITIES.get(item.entity, item.entity),
        entity_id=wire_entity_id(item.entity, item.entity_id),
        action=wire_action(item.action),
        payload=payload,
        created_at=item.created_at,
    )


class StoreOutbox:
    """`OutboxSource` over an open store (one relay at a time, on one worker thread)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def pending(self, limit: int) -> list[OutboxItem]:
        return [to_wire(item) for item in self._store.pending_outbox(limit)]

    def mark_sent(self, op_ids: list[str], digests: Mapping[str, str] | None = None) -> None:
        self._store.mark_outbox_sent(op_ids, digests)

    def save_reference(self, kind: str, cursor: str, items: list[dict[str, Any]]) -> None:
        """Each item is checked whole against the reference in force; one that fails is set aside
        with its reason and none of it applies (issue 12)."""
        base = reference_in_force(self._store).data
        kept, rejected = [], []
        for item in items:
            try:
                check_item(kind, item, base)
            except ReferenceDataError as error:
                rejected.append((item_key(item), item, str(error)))
                continue
            kept.append(item)
        sync_repository.save_reference(self._store, kind, cursor, kept, rejected)

    def reference_cursor(self, kind: str) -> str | None:
        return sync_repository.reference_cursor(self._store, kind)

    def pending_count(self) -> int:
        return self._store.pending_outbox_count()
