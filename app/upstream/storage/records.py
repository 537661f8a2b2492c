"""Plain records the upstream store takes and returns (no driver types leak out)."""

from __future__ import annotations

from dataclasses import dataclass

REMOVING_ACTIONS = ("delete", "erase")
#: What an erased record's payload, and every older payload of it, becomes.
ERASED_PAYLOAD = "{}"


@dataclass(frozen=True)
class IncomingOperation:
    """An operation as the store keeps it; payload already JSON-encoded by the service."""

    op_id: str
    seq: int
    entity: str
    entity_id: str
    action: str
    payload_json: str
    digest: str
    created_at: str


@dataclass(frozen=True)
class OperationOutcome:
    op_id: str
    status: str
    replayed: bool


@dataclass(frozen=True)
class AnchorRow:
    outlet: str
    seq: int
    head: str
    received_at: str
    key_id: str
    signature: str


@dataclass(frozen=True)
class RecordRow:
    entity: str
    entity_id: str
    seq: int
    op_id: str
    action: str
    payload_json: str


@dataclass(frozen=True)
class OutletCounts:
    live: dict[str, int]
    removed: dict[str, int]
    operations: int
