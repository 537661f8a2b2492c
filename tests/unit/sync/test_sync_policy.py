"""What leaves the outlet, per region (app/sync/policy.py)."""

from __future__ import annotations

import pytest

from app.sync.policy import DEFAULT_POLICY, SharingPolicy, deidentified, imei_hash, outbound_item
from app.sync.relay import OutboxItem

KEY = b"network-secret-0123456789abcdef"
DEIDENTIFY = SharingPolicy(region="EU", deidentify=True, imei_key=KEY)


def item(entity: str, payload: dict[str, object], action: str = "upsert") -> OutboxItem:
    return OutboxItem(
        "0" * 8 + "-0000-4000-8000-" + "0" * 12,
        1,
        entity,
        "1" * 8 + "-1111-4111-8111-" + "1" * 12,
        action,
        payload,
        "2026-11-23T10:00:00+00:00",
    )


@pytest.mark.parametrize("entity", ["device", "part", "price_item", "consent", "erasure", "rectification"])
def test_default_entities_leave_unchanged(entity: str) -> None:
    original = item(entity, {"status": "open", "imei": "356938035643809", "customer_name": "Li Lei"})
    assert outbound_item(original, DEFAULT_POLICY) is original


CONTACT = {
    "customer_name": "Li Lei",
    "customer_phone": "13812345678",
    "customer_email": "l@example.org",
    "customer_address": "88 Shennan Road",
}


def test_a_walk_in_ticket_leaves_without_the_customers_contact() -> None:
    sent = outbound_item(
        item("ticket", {"service_type": "maintenance", "fault": "no power", **CONTACT}), DEFAULT_POLICY
    )
    assert sent is not None and sent.payload == {"service_type": "maintenance", "fault": "no power"}


def test_a_send_in_ticket_carries_only_what_the_courier_needs() -> None:
    sent = outbound_item(item("ticket", {"service_type": "send_in", **CONTACT}), DEFAULT_POLICY)
    assert sent is not None
    assert set(sent.payload) == {"service_type", "customer_name", "customer_phone", "customer_address"}


@pytest.mark.parametrize("entity", ["payment", "staff", "note", "audit_entry", "something_new"])
def test_everything_else_stays_at_the_counter(entity: str) -> None:
    assert outbound_item(item(entity, {"amount": 1}), DEFAULT_POLICY) is None
    assert outbound_item(item(entity, {}, action="erase"), DEFAULT_POLICY) is None


def test_only_the_diagnosis_summary_leaves() -> None:
    run = item(
        "diagnostic_run",
        {
            "ticket_id": "t",
            "completeness": 0.9,
            "summary": "battery worn",
            "raw_output": "dumpsys battery ...",
            "wifi_list": ["home"],
        },
    )
    shaped = outbound_item(run, DEFAULT_POLICY)
    assert shaped is not None
    assert shaped.payload == {"ticket_id": "t", "completeness": 0.9, "summary": "battery worn"}
    assert shaped.op_id == run.op_id and shaped.seq == run.seq


def test_customer_contact_leaves_only_for_send_in_and_only_what_logistics_needs() -> None:
    walk_in = item("customer", {"service_type": "walk_in", "name": "Li Lei", "phone": "138"})
    assert outbound_item(walk_in, DEFAULT_POLICY) is None
    send_in = item(
        "customer",
        {
            "service_type": "send_in",
            "name": "Li Lei",
            "phone": "138",
            "address": "1 Rd",
            "email": "l@x",
            "birthday": "1990",
        },
    )
    shaped = outbound_item(send_in, DEFAULT_POLICY)
    assert shaped is not None
    assert shaped.payload == {"service_type": "send_in", "name": "Li Lei", "phone": "138", "address": "1 Rd"}


def test_logs_leave_only_when_consent_covers_sending_them() -> None:
    assert outbound_item(item("log_capture", {"text": "E/x"}), DEFAULT_POLICY) is None
    assert outbound_item(item("log_capture", {"text": "E/x", "consent_covers_upload": "yes"}), DEFAULT_POLICY) is None
    covered = item("log_capture", {"text": "E/x", "consent_covers_upload": True})
    assert outbound_item(covered, DEFAULT_POLICY) is covered


def test_erasures_leave_without_the_data_they_erase() -> None:
    erase = item("customer", {"request_id": "R-1", "reason": "customer asked", "phone": "138"}, action="erase")
    shaped = outbound_item(erase, DEFAULT_POLICY)
    assert shaped is not None and shaped.payload == {"request_id": "R-1", "reason": "customer asked"}


def test_deidentifying_region_hashes_imeis_and_drops_names_at_any_depth() -> None:
    device = item(
        "ticket",
        {
            "customer_name": "Li Lei",
            "device": {"imei": "356938035643809", "imeis": ["1", "2"]},
            "notes": [{"signer_name": "Han", "text": "ok"}],
            "status": "open",
        },
    )
    shaped = outbound_item(device, DEIDENTIFY)
    assert shaped is not None
    assert shaped.payload == {
        "device": {"imei": imei_hash("356938035643809", KEY), "imeis": [imei_hash("1", KEY), imei_hash("2", KEY)]},
        "notes": [{"text": "ok"}],
        "status": "open",
    }
    assert "356938035643809" not in repr(shaped) and "Li Lei" not in repr(shaped)


def test_imei_hash_is_keyed() -> None:
    assert imei_hash("356938035643809", KEY) == imei_hash(" 356938035643809 ", KEY)
    assert imei_hash("356938035643809", KEY) != imei_hash("356938035643809", b"another key")
    assert imei_hash("356938035643809", KEY).startswith("hmac-sha256:")


def test_deidentification_needs_a_key_and_drops_unreasonably_deep_data() -> None:
    with pytest.raises(ValueError):
        SharingPolicy(region="EU", deidentify=True)
    deep: dict[str, object] = {"imei": "1"}
    for _ in range(20):
        deep = {"nested": deep}
    assert "'1'" not in repr(deidentified(deep, KEY))
