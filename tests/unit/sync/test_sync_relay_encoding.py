"""The push body the relay builds from outbox items (app/sync/relay.encode_batch)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.sync.protocol import PushBatch
from app.sync.relay import OutboxItem, encode_batch
from app.sync.transport import UpstreamProtocolError

GOOD = OutboxItem(
    "0b6f3c1e-2d4a-4c8e-9f1a-3b5c7d9e1f20",
    7,
    "ticket",
    "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
    "upsert",
    {"status": "维修中", "price": 899},
    "2026-11-23T10:00:00+00:00",
)


def test_the_body_is_what_the_upstream_model_reads_back() -> None:
    (op,) = PushBatch.model_validate_json(encode_batch([GOOD])).operations
    assert (op.op_id, op.seq, op.entity, op.entity_id, op.action, op.payload) == (
        GOOD.op_id,
        7,
        "ticket",
        GOOD.entity_id,
        "upsert",
        {"status": "维修中", "price": 899},
    )
    assert op.created_at == datetime(2026, 11, 23, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    "change",
    [
        {"op_id": "42"},
        {"action": "merge"},
        {"created_at": "yesterday"},
        {"entity": "Ticket"},
        {"payload": {"when": datetime(2026, 1, 1)}},
        {"payload": {"x": float("nan")}},
    ],
)
def test_an_item_outside_the_protocol_is_a_known_error_before_anything_is_sent(change: dict[str, object]) -> None:
    bad = OutboxItem(**{**GOOD.__dict__, **change})  # type: ignore[arg-type]
    with pytest.raises(UpstreamProtocolError):
        encode_batch([GOOD, bad])
