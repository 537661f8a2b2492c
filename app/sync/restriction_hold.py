"""Sync and restriction: holding back restricted customers' records.

`RestrictionAwareOutbox` wraps the relay's source (production:
`app.sync.store_source.StoreOutbox`) and holds back every record of a
customer who restricted processing (their tickets, consents, runs and the
customer record), saying why in `held_back`.  Erase and delete operations
always leave: forgetting is not processing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.storage import privacy_repository as repo
from app.storage.store import Store
from app.sync.outbox import OutboxItem, OutboxSource
from app.sync.policy import FORGETTING_ACTIONS


class RestrictionAwareOutbox:
    """An `OutboxSource` that holds back the records of customers who restricted processing.

    Held items stay unsent in the outbox and leave once the restriction is
    lifted.  Erase and delete operations always leave.
    """

    def __init__(self, source: OutboxSource, store: Store) -> None:
        self._source = source
        self._store = store
        #: op_id -> why it was held back, from the last `pending` call.
        self.held_back: dict[str, str] = {}

    def _held(self, item: OutboxItem, restricted: set[str]) -> bool:
        return item.action not in FORGETTING_ACTIONS and item.entity_id in restricted

    def pending(self, limit: int) -> list[OutboxItem]:
        restricted = repo.restricted_entity_ids(self._store)
        want = limit
        while True:
            items = self._source.pending(want)
            allowed = [item for item in items if not self._held(item, restricted)]
            self.held_back = {item.op_id: self._why(item) for item in items if self._held(item, restricted)}
            if len(allowed) >= limit or len(items) < want:
                return allowed[:limit]
            want += limit - len(allowed)

    def _why(self, item: OutboxItem) -> str:
        return f"{item.entity} {item.entity_id}: held back, the customer restricted the processing of their data."

    def mark_sent(self, op_ids: list[str], digests: Mapping[str, str] | None = None) -> None:
        self._source.mark_sent(op_ids, digests)

    def save_reference(self, kind: str, cursor: str, items: list[dict[str, Any]]) -> None:
        self._source.save_reference(kind, cursor, items)

    def reference_cursor(self, kind: str) -> str | None:
        return self._source.reference_cursor(kind)

    def pending_count(self) -> int:
        return max(0, self._source.pending_count() - len(self.held_back))
