"""The outbox as the relay sees it: one queued operation on the wire, and where they come from.

Its own module so the policy (which shapes an item) and the relay (which sends it) both
depend on it and not on each other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class OutboxItem:
    """One queued change, as the local store hands it over."""

    op_id: str
    seq: int
    entity: str
    entity_id: str
    action: str
    payload: dict[str, Any]
    created_at: str


class OutboxSource(Protocol):
    """The local store as the relay sees it (production: the SQLCipher store)."""

    def pending(self, limit: int) -> list[OutboxItem]:
        """Unsent items, lowest seq first."""

    def mark_sent(self, op_ids: list[str], digests: Mapping[str, str] | None = None) -> None:
        """Record these items as done; called only after the upstream acknowledged them.

        `digests` (op_id -> SHA-256 of the operation as the upstream received it, the digest it
        checks a repeated op_id against) is kept in place of the payload, which a store may drop.
        Items the policy kept at the counter have no digest.
        """

    def save_reference(self, kind: str, cursor: str, items: list[dict[str, Any]]) -> None:
        """Store pulled items and the cursor after them in one transaction."""

    def reference_cursor(self, kind: str) -> str | None:
        """The cursor saved with the last page of `kind`, or None before the first pull."""

    def pending_count(self) -> int:
        """How many items wait to be sent (for the status bar and `sync --once`)."""
