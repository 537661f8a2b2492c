"""What the hub sends on to the region: every counter's operations, under the region's policy.

The hub is the outlet's one client of the region's upstream.  Its operation log is the
relay's outbox: the existing relay, with the existing region policy (app/sync/policy.py),
decides field by field what leaves the outlet, exactly as a counter without a hub would.
Operations go up numbered by their hub position, the one order the region can compare
across counters (each counter's own sequence counts only its own changes).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from threading import Event
from typing import Any

from app.errors import KnownError
from app.sync.outbox import OutboxItem
from app.sync.policy import SharingPolicy
from app.sync.relay import SyncRelay, enrol
from app.sync.transport import UpstreamEndpoint
from app.upstream.storage import UpstreamStore, hub_log

log = logging.getLogger(__name__)
REGION_URL, REGION_TOKEN, REGION_OUTLET = "region_url", "region_token", "region_outlet"


class HubOutbox:
    """`OutboxSource` over the hub's log: pending is everything after the forwarded position."""

    def __init__(self, store: UpstreamStore) -> None:
        self.store = store
        self._positions: dict[str, int] = {}
        self._done: set[int] = set()

    def pending(self, limit: int) -> list[OutboxItem]:
        after = max([hub_log.forwarded_position(self.store), *self._done])
        rows = hub_log.operations_after(self.store, after, limit)
        self._positions.update({r.op_id: r.position for r in rows})
        return [
            OutboxItem(r.op_id, r.position, r.entity, r.entity_id, r.action, json.loads(r.payload_json), r.created_at)
            for r in rows
        ]

    def mark_sent(self, op_ids: list[str], digests: Mapping[str, str] | None = None) -> None:
        self._done.update(self._positions[op_id] for op_id in op_ids if op_id in self._positions)
        start = hub_log.forwarded_position(self.store)
        position = start
        while position + 1 in self._done:  # only a gap-free run moves the cursor
            position += 1
        if position > start:
            hub_log.set_forwarded_position(self.store, position)

    def save_reference(self, kind: str, cursor: str, items: list[dict[str, Any]]) -> None:
        return None  # the hub forwards; reference data reaches counters from the region directly

    def reference_cursor(self, kind: str) -> str | None:
        return None

    def pending_count(self) -> int:
        return hub_log.last_position(self.store) - hub_log.forwarded_position(self.store)


def enrol_with_region(store: UpstreamStore, region_url: str, outlet: str, code: str) -> None:
    """Redeem the region's one-time code for the outlet; the hub keeps the token."""
    response, _ = enrol(UpstreamEndpoint(region_url), outlet, code)
    hub_log.set_meta_value(store, REGION_URL, region_url)
    hub_log.set_meta_value(store, REGION_OUTLET, outlet)
    hub_log.set_meta_value(store, REGION_TOKEN, response.token)


def forward_once(store: UpstreamStore, policy: SharingPolicy, *, endpoint: UpstreamEndpoint | None = None) -> int:
    """Push what the region has not acknowledged yet; returns how many it acknowledged."""
    url, token, outlet = (hub_log.meta_value(store, name) for name in (REGION_URL, REGION_TOKEN, REGION_OUTLET))
    if not (url and token and outlet):
        return 0
    with SyncRelay(HubOutbox(store), endpoint or UpstreamEndpoint(url), outlet, token, policy=policy) as relay:
        pushed, _, _ = relay.push_pending()
    return pushed


def forward_every(store: UpstreamStore, policy: SharingPolicy, interval: float, stop: Event) -> None:
    """The hub's background forwarding: a failed round (the line is down) waits for the next one."""
    while not stop.wait(interval):
        try:
            forward_once(store, policy)
        except KnownError as exc:
            log.warning("forwarding to the region failed: %s", exc.message)
