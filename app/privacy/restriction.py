"""Restriction of processing: the customer's data is kept but not used.

While a customer's restriction stands, their tickets cannot be diagnosed,
synced or printed.  Each refusal says why (since when, which request) in
English and Chinese:

* diagnostics: `ensure_may_process(store, ticket_number, Purpose.DIAGNOSTICS)`
  is called by `DiagnosticsFlow.run` before anything reaches the phone;
* printing: `write_ticket_slip` (or `ensure_may_process(..., Purpose.PRINTING)`
  in any other print path) before a slip of a stored ticket is rendered;
* sync: `RestrictionAwareOutbox` wraps the relay's outbox source and holds
  back the customer's records (erasures still leave: forgetting is not
  processing); `held_back` says which and why.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Any

from app.privacy.errors import ProcessingRestricted
from app.slip.content import SlipContent
from app.slip.print_record import SlipFormat, SlipPrintRecord
from app.storage import privacy_repository as repo
from app.storage.store import Store
from app.sync.policy import FORGETTING_ACTIONS
from app.sync.relay import OutboxItem, OutboxSource


class Purpose(enum.StrEnum):
    DIAGNOSTICS = "diagnostics"
    PRINTING = "printing"
    SYNC = "sync"


_WHAT = {
    Purpose.DIAGNOSTICS: ("cannot be diagnosed", "不能进行诊断"),
    Purpose.PRINTING: ("cannot be printed", "不能打印"),
    Purpose.SYNC: ("is not sent upstream", "不会上传"),
}


def refusal(store: Store, ticket_number: str | None, purpose: Purpose) -> str | None:
    """Why `purpose` may not touch this ticket's data, or None when it may."""
    if not ticket_number:
        return None
    customer_id = repo.customer_of_ticket(store, ticket_number)
    if customer_id is None:
        return None
    restricted = repo.restriction_of_customer(store, customer_id)
    if restricted is None:
        return None
    since, request_id = restricted
    request = repo.request_by_number(store, request_id) if request_id else None
    by = f" (request {request.number})" if request else ""
    en, zh = _WHAT[purpose]
    return (f"Ticket {ticket_number} {en}: the customer restricted the processing of their data on {since[:10]}{by}. "
            f"工单 {ticket_number} {zh}：客户已于 {since[:10]} 申请限制处理其个人信息。")


def ensure_may_process(store: Store, ticket_number: str | None, purpose: Purpose) -> None:
    """Raise `ProcessingRestricted`, saying why, when the ticket's customer restricted processing."""
    why = refusal(store, ticket_number, purpose)
    if why is not None:
        raise ProcessingRestricted(why)


def write_ticket_slip(store: Store, content: SlipContent, out_path: Path, slip_format: SlipFormat = "a5", *,
                      verification_key: bytes) -> SlipPrintRecord:
    """Render a stored ticket's slip, unless its customer restricted processing (then nothing is written)."""
    ensure_may_process(store, content.ticket_number, Purpose.PRINTING)
    from app.slip.layout import build_layout
    from app.slip.render_fonts import ensure_gui_application
    from app.slip.render_output import write_slip

    _app = ensure_gui_application()  # held until rendering is done
    return write_slip(build_layout(content, verification_key), out_path, slip_format)


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
        return (f"{item.entity} {item.entity_id}: held back, the customer restricted the processing of their data."
                " 客户已申请限制处理，暂不上传。")

    def mark_sent(self, op_ids: list[str]) -> None:
        self._source.mark_sent(op_ids)

    def save_reference(self, kind: str, cursor: str, items: list[dict[str, Any]]) -> None:
        self._source.save_reference(kind, cursor, items)

    def reference_cursor(self, kind: str) -> str | None:
        return self._source.reference_cursor(kind)

    def pending_count(self) -> int:
        return max(0, self._source.pending_count() - len(self.held_back))


#: The sync protocol's actions; a local action outside them ("create", "pickup", "move") is an upsert upstream.
PROTOCOL_ACTIONS = frozenset({"upsert", "delete", "erase", "rectify"})


class StoreOutbox:
    """The SQLCipher store's outbox as the relay's `OutboxSource` (push side; reference pulls are not kept).

    The journal's actions are finer than the protocol's: every change that is
    not a deletion, erasure or rectification reaches the upstream as an upsert.
    """

    def __init__(self, store: Store) -> None:
        self._store = store
        self._cursors: dict[str, str] = {}

    def pending(self, limit: int) -> list[OutboxItem]:
        return [OutboxItem(i.op_id, i.seq, i.entity, i.entity_id,
                           i.action if i.action in PROTOCOL_ACTIONS else "upsert", i.payload, i.created_at)
                for i in self._store.pending_outbox(limit)]

    def mark_sent(self, op_ids: list[str]) -> None:
        self._store.mark_outbox_sent(op_ids)

    def save_reference(self, kind: str, cursor: str, items: list[dict[str, Any]]) -> None:
        self._cursors[kind] = cursor

    def reference_cursor(self, kind: str) -> str | None:
        return self._cursors.get(kind)

    def pending_count(self) -> int:
        return self._store.pending_outbox_count()


__all__ = ["Purpose", "RestrictionAwareOutbox", "StoreOutbox", "ensure_may_process", "refusal", "write_ticket_slip"]
