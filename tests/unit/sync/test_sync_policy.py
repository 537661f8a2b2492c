"""What leaves the outlet, per region: the allow-list (app/sync/policy.py, app/core/sharing_rules.py)."""

from __future__ import annotations

import json

import pytest

from app.core.reference_data import ReferenceDataError, default_resources_dir, load_reference_data
from app.core.sharing_rules import SharingRulesError, parse_sharing_rules
from app.sync.outbox import OutboxItem
from app.sync.policy import (
    SharingPolicy,
    deidentified,
    imei_hash,
    outbound_item,
    policy_for_region,
    shipped_rules,
)

KEY = b"network-secret-0123456789abcdef"
CN = policy_for_region("CN")
DEIDENTIFY = SharingPolicy(region="EU", rules=CN.rules, deidentify=True, imei_key=KEY)


def item(entity: str, payload: dict[str, object], action: str = "create") -> OutboxItem:
    return OutboxItem(
        "0" * 8 + "-0000-4000-8000-" + "0" * 12,
        1,
        entity,
        "1" * 8 + "-1111-4111-8111-" + "1" * 12,
        action,
        payload,
        "2026-11-23T10:00:00+00:00",
    )


CONTACT = {
    "customer_name": "Li Lei",
    "customer_phone": "13812345678",
    "customer_email": "l@example.org",
    "customer_address": "88 Shennan Road",
}
AGREEMENT = {
    "text_id": "service_agreement",
    "version": 1,
    "language": "zh_CN",
    "signed_by": "Li Lei",
    "signature_digest": "ab" * 32,
    "signed_at": "2026-11-23T10:00:00+00:00",
}


def ticket(service_type: str, **more: object) -> dict[str, object]:
    return {
        "number": "SZ01-20261123-0001",
        "service_type": service_type,
        "device_model": "PHN110",
        "imei": "490154203237518",
        "fault": "no power, call me on 13912345678 or li@example.org, Li Lei",
        "agreement": AGREEMENT,
        "condition": {"screen": "scratched"},
        "photos": [{"part": "back", "sha256": "cd" * 32}],
        "customer": "customer-uuid",
        **CONTACT,
        **more,
    }


def test_a_walk_in_ticket_leaves_without_any_contact_signer_or_personal_text() -> None:
    sent = outbound_item(item("ticket", ticket("maintenance", courier="SF")), CN)
    assert sent is not None
    text = json.dumps(sent.payload, ensure_ascii=False)
    for personal in ("Li Lei", "13812345678", "l@example.org", "Shennan", "13912345678", "li@example.org"):
        assert personal not in text
    assert sent.payload["agreement"] == {k: v for k, v in AGREEMENT.items() if k != "signed_by"}
    assert sent.payload["fault"] == "no power, call me on [PHONE] or [EMAIL], [NAME]"
    assert sent.payload["condition"] == {"screen": "scratched"}
    assert sent.payload["photos"] == [{"part": "back", "sha256": "cd" * 32}]
    assert "customer" not in sent.payload and "courier" not in sent.payload


def test_a_send_in_ticket_carries_only_what_the_courier_needs() -> None:
    sent = outbound_item(item("ticket", ticket("send_in", courier="SF", tracking_number="SF1")), CN)
    assert sent is not None
    contact = {k for k in sent.payload if k.startswith("customer")}
    assert contact == {"customer_name", "customer_phone", "customer_address"}
    assert sent.payload["courier"] == "SF" and sent.payload["tracking_number"] == "SF1"
    assert "signed_by" not in sent.payload["agreement"]
    assert "13912345678" not in sent.payload["fault"] and "li@example.org" not in sent.payload["fault"]


def test_signers_never_leave_from_the_agreement_the_pickup_or_the_approval() -> None:
    for action, payload in (
        ("sign_agreement", {"number": "N1", **AGREEMENT}),
        (
            "pickup",
            {"number": "N1", "signed_by": "Li Lei", "signature_digest": "ab", "at": "t", "handed_over_by": "E1"},
        ),
        ("approve_estimate", {"number": "N1", "approved_by": "Li Lei", "total": "10.00", "at": "t"}),
    ):
        sent = outbound_item(item("ticket", payload, action=action), CN)
        assert sent is not None and "Li Lei" not in json.dumps(sent.payload), action
        assert sent.payload["number"] == "N1"


def test_a_new_nested_field_stays_by_default() -> None:
    payload = ticket("maintenance")
    payload["agreement"] = {**AGREEMENT, "witness": {"name": "Han Meimei"}}
    payload["extra"] = {"anything": "new"}
    sent = outbound_item(item("ticket", payload), CN)
    assert sent is not None and "witness" not in sent.payload["agreement"] and "extra" not in sent.payload


def test_an_object_where_a_plain_value_was_allowed_is_dropped() -> None:
    sent = outbound_item(item("ticket", {**ticket("maintenance"), "device_model": {"owner": "Li Lei"}}), CN)
    assert sent is not None and "device_model" not in sent.payload


@pytest.mark.parametrize("entity", ["payment", "staff", "outlet", "privacy_export", "purge_receipt", "something_new"])
def test_everything_unlisted_stays_at_the_counter(entity: str) -> None:
    assert outbound_item(item(entity, {"amount": 1}), CN) is None
    assert outbound_item(item(entity, {}, action="erase"), CN) is None


def test_the_local_action_decides_the_rule_and_is_kept() -> None:
    wire = item("ticket", {"number": "N1", "signed_by": "Li Lei", "local_action": "pickup"}, action="upsert")
    sent = outbound_item(wire, CN)
    assert sent is not None and sent.payload == {"number": "N1", "local_action": "pickup"}


def test_an_unlisted_action_stays_at_the_counter() -> None:
    assert outbound_item(item("ticket", {"number": "N1"}, action="something_new"), CN) is None


def test_customer_changes_leave_without_contact_even_when_corrected() -> None:
    rectify = item("customer", {"request_id": "R-1", "name": "Li Lei", "phone": "139"}, action="rectify")
    sent = outbound_item(rectify, CN)
    assert sent is not None and sent.payload == {"request_id": "R-1"}


def test_only_the_diagnosis_summary_leaves() -> None:
    run = item(
        "diagnostic_run", {"status": "complete", "collected": ["battery"], "raw_output": "dumpsys"}, action="finish"
    )
    shaped = outbound_item(run, CN)
    assert shaped is not None and shaped.payload == {"status": "complete", "collected": ["battery"]}
    assert shaped.op_id == run.op_id and shaped.seq == run.seq


def test_erasures_leave_without_the_data_they_erase() -> None:
    erase = item("customer", {"request_id": "R-1", "reason": "customer asked", "phone": "138"}, action="erase")
    shaped = outbound_item(erase, CN)
    assert shaped is not None and shaped.payload == {"request_id": "R-1", "reason": "customer asked"}


def test_deidentifying_region_hashes_imeis_and_drops_names_at_any_depth() -> None:
    shaped = outbound_item(item("ticket", ticket("send_in")), DEIDENTIFY)
    assert shaped is not None
    assert shaped.payload["imei"] == imei_hash("490154203237518", KEY)
    assert "customer_name" not in shaped.payload and "490154203237518" not in repr(shaped)


def test_imei_hash_is_keyed() -> None:
    assert imei_hash("356938035643809", KEY) == imei_hash(" 356938035643809 ", KEY)
    assert imei_hash("356938035643809", KEY) != imei_hash("356938035643809", b"another key")
    assert imei_hash("356938035643809", KEY).startswith("hmac-sha256:")


def test_deidentification_needs_a_key_and_drops_unreasonably_deep_data() -> None:
    with pytest.raises(ValueError):
        SharingPolicy(region="EU", rules=CN.rules, deidentify=True)
    deep: dict[str, object] = {"imei": "1"}
    for _ in range(20):
        deep = {"nested": deep}
    assert "'1'" not in repr(deidentified(deep, KEY))


# --- the rules as data ----------------------------------------------------------------------


def test_the_shipped_policy_is_reference_data_with_a_version() -> None:
    reference = load_reference_data(default_resources_dir())
    assert reference.sharing.version == shipped_rules().version
    assert set(reference.sharing.regions) >= {"CN", "EU", "IN"}
    assert policy_for_region("XX").region == reference.sharing.default_region, "an unknown region gets the default"


def minimal(**region: object) -> dict[str, object]:
    return {"format": 1, "version": "t", "default_region": "CN", "regions": {"CN": region}}


def test_a_region_based_on_another_changes_only_what_it_names() -> None:
    data = minimal(entities={"ticket": {"move": {"*": {"fields": ["number"]}}, "seed": "move"}})
    data["regions"]["EU"] = {  # type: ignore[index]
        "based_on": "CN",
        "entities": {"ticket": {"move": {"*": {"fields": ["to"]}}}},
    }
    rules = parse_sharing_rules(data)
    assert rules.regions["CN"].rule("ticket", "seed", None) == rules.regions["CN"].rule("ticket", "move", None)
    eu = SharingPolicy("EU", rules.for_region("EU"))
    sent = outbound_item(item("ticket", {"number": "N", "to": "ready"}, action="move"), eu)
    assert sent is not None and sent.payload == {"to": "ready"}


@pytest.mark.parametrize(
    ("bad", "where"),
    [
        (minimal(entities={"ticket": {"move": {"*": {"fields": ["Number"]}}}}), "ticket.move"),
        (minimal(entities={"ticket": {"move": {"*": {"fields": ["a"], "free_text": ["a"]}}}}), "both"),
        (minimal(entities={"ticket": {"move": {"*": {"field": ["a"]}}}}), "unknown keys"),
        (minimal(entities={"ticket": {"seed": "create"}}), "seed"),
        ({**minimal(entities={}), "format": 2}, "format"),
    ],
)
def test_a_malformed_policy_is_refused_saying_where(bad: dict[str, object], where: str) -> None:
    with pytest.raises(SharingRulesError, match=where):
        parse_sharing_rules(bad)


def test_a_broken_policy_file_is_a_reference_data_error(tmp_path) -> None:
    import shutil

    shutil.copytree(default_resources_dir(), tmp_path / "resources")
    (tmp_path / "resources" / "reference" / "sharing_policy.json").write_text('{"format": 1}')
    with pytest.raises(ReferenceDataError, match="version"):
        load_reference_data(tmp_path / "resources")
