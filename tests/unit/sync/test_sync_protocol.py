"""Protocol models refuse what they should, and receipts verify (app/sync/protocol.py, anchors.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pydantic
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.sync.anchors import public_key_bytes, sign_anchor, verify_receipt
from app.sync.protocol import MAX_PAYLOAD_BYTES, AnchorReceipt, Operation, PushBatch, canonical_json

OP = {
    "op_id": "0b6f3c1e-2d4a-4c8e-9f1a-3b5c7d9e1f20",
    "seq": 3,
    "entity": "ticket",
    "entity_id": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
    "action": "upsert",
    "payload": {"status": "open"},
    "created_at": "2026-11-23T10:00:00Z",
}


def test_a_valid_operation_round_trips() -> None:
    op = Operation.model_validate(OP)
    assert Operation.model_validate_json(op.model_dump_json()) == op


@pytest.mark.parametrize(
    "change",
    [
        {"op_id": "not-a-uuid"},
        {"op_id": OP["op_id"].upper()},
        {"seq": -1},
        {"entity": "Ticket; DROP"},
        {"action": "drop"},
        {"created_at": "2026-11-23T10:00:00"},
        {"payload": [1, 2]},
        {"extra": 1},
        {"payload": {"blob": "x" * MAX_PAYLOAD_BYTES}},
    ],
)
def test_operations_outside_the_protocol_are_refused(change: dict[str, object]) -> None:
    with pytest.raises(pydantic.ValidationError):
        Operation.model_validate({**OP, **change})


def test_batches_are_bounded() -> None:
    with pytest.raises(pydantic.ValidationError):
        PushBatch.model_validate({"operations": []})
    with pytest.raises(pydantic.ValidationError):
        PushBatch.model_validate({"operations": [OP] * 1001})


def test_canonical_json_ignores_key_order_and_keeps_chinese_readable() -> None:
    assert canonical_json({"b": 1, "a": "屏幕"}) == canonical_json({"a": "屏幕", "b": 1})
    assert "屏幕".encode() in canonical_json({"a": "屏幕"})


def test_a_receipt_verifies_only_with_its_key_and_its_fields() -> None:
    key = Ed25519PrivateKey.generate()
    when = datetime(2026, 11, 23, 10, 0, 0, 123456, tzinfo=UTC)
    key_id, signature = sign_anchor(key, "SZ01", 42, "a" * 64, when)
    receipt = AnchorReceipt(outlet="SZ01", seq=42, head="a" * 64, received_at=when, key_id=key_id, signature=signature)
    public = public_key_bytes(key)
    assert verify_receipt(AnchorReceipt.model_validate_json(receipt.model_dump_json()), public)
    assert not verify_receipt(receipt.model_copy(update={"seq": 43}), public)
    assert not verify_receipt(receipt.model_copy(update={"outlet": "SZ02"}), public)
    assert not verify_receipt(receipt.model_copy(update={"signature": "!!"}), public)
    assert not verify_receipt(receipt, public_key_bytes(Ed25519PrivateKey.generate()))


def test_not_a_number_is_refused_in_payloads() -> None:
    with pytest.raises(pydantic.ValidationError):
        Operation.model_validate_json(
            '{"op_id":"0b6f3c1e-2d4a-4c8e-9f1a-3b5c7d9e1f20","seq":1,"entity":"ticket",'
            '"entity_id":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d","action":"upsert","payload":{"x":NaN},'
            '"created_at":"2026-11-23T10:00:00Z"}'
        )


def test_receipts_catch_a_store_replaced_by_an_older_or_edited_copy() -> None:
    from app.sync.anchors import ReceiptProblem, receipt_problems

    key = Ed25519PrivateKey.generate()
    when = datetime(2026, 11, 23, tzinfo=UTC)

    def receipt(seq: int, head: str) -> AnchorReceipt:
        key_id, signature = sign_anchor(key, "SZ01", seq, head, when)
        return AnchorReceipt(outlet="SZ01", seq=seq, head=head, received_at=when, key_id=key_id, signature=signature)

    receipts = [receipt(10, "a" * 64), receipt(20, "b" * 64), receipt(30, "c" * 64)]
    journal = {10: "a" * 64, 20: "b" * 64, 30: "c" * 64}
    public = public_key_bytes(key)
    assert receipt_problems(receipts, journal.get, public) == []
    older_copy = {10: "a" * 64, 20: "b" * 64}
    assert receipt_problems(receipts, older_copy.get, public) == [ReceiptProblem(30, "journal_behind_receipt")]
    edited = {**journal, 20: "e" * 64}
    assert receipt_problems(receipts, edited.get, public) == [ReceiptProblem(20, "journal_differs_from_receipt")]
    forged = receipts[0].model_copy(update={"head": "f" * 64})
    assert receipt_problems([forged], {10: "f" * 64}.get, public) == [ReceiptProblem(10, "signature_invalid")]
