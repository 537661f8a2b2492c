"""The access export: validates against its schema, reads back into the same facts, is encrypted
(password or key shown once), journaled, and only managers and auditors may make it."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from app.accounts import service
from app.core.roles import Role
from app.errors import PermissionDenied
from app.privacy import requests
from app.privacy.export import make_export, open_export, schema_problems
from app.privacy_rules.contact import log_contact
from app.privacy_rules.errors import ExportUnreadable, WeakExportPassword
from app.storage import ticket_repository
from app.storage.privacy_repository import customer_facts
from tests.integration.privacy.conftest import MARKERS, add_diagnostics, queue_a_message

PASSWORD = "customer chose this"


@pytest.fixture
def customer(manager, clock, marked) -> str:
    add_diagnostics(manager, marked.number, MARKERS["name"])
    with manager.store.transaction(manager.actor) as work:
        ticket_repository.add_line(work, marked.id, "estimate", None, "Speaker module", 1, Decimal("89.00"))
        work.record("ticket", marked.id, "estimate", {"n": 1})
    customer_id = manager.store.query_one("SELECT id FROM customer")[0]
    log_contact(manager, customer_id, "call")
    requests.new_request(manager, "access", customer_id, "ID card seen")
    return customer_id


def test_the_export_validates_and_reads_back_into_the_same_facts(manager, customer, tmp_path) -> None:
    result = make_export(manager, customer, tmp_path / "export.rcx", password=PASSWORD)
    raw = result.path.read_bytes()
    assert MARKERS["name"].encode() not in raw and MARKERS["phone"].encode() not in raw  # encrypted
    document = open_export(raw, password=PASSWORD)
    assert schema_problems(document) == []
    facts = customer_facts(manager.store, customer)
    assert document["customer"] == facts.customer
    assert document["customer"]["name"] == MARKERS["name"] and document["customer"]["email"] == MARKERS["email"]
    [ticket] = document["tickets"]
    assert (ticket["imei"], ticket["serial"], ticket["fault"]) == (MARKERS["imei"], MARKERS["serial"], MARKERS["fault"])
    assert ticket["events"][0]["to_status"] == "received"
    assert ticket["lines"] == [
        {"kind": "estimate", "description": "Speaker module", "quantity": 1, "unit_price": "89.00"}
    ]
    assert document["consents"][0]["categories"] == ["device_info", "logs", "network_record"]
    assert document["diagnostic_runs"][0]["functions"] == ["identity", "network", "logs"]
    assert document["contacts"] == [{"kind": "call", "at": facts.contacts[0]["at"]}]
    assert [r["kind"] for r in document["requests"]] == ["access"]


def test_the_schema_catches_a_broken_document(manager, customer, tmp_path) -> None:
    document = open_export(
        make_export(manager, customer, tmp_path / "e.rcx", password=PASSWORD).path.read_bytes(), password=PASSWORD
    )
    document["tickets"][0]["imei"] = "12345"
    del document["customer"]["phone"]
    problems = schema_problems(document)
    assert any(p.startswith("tickets/0/imei") for p in problems)
    assert any("'phone' is a required property" in p for p in problems)


def test_a_key_shown_once_opens_it_and_a_wrong_password_does_not(manager, customer, tmp_path) -> None:
    result = make_export(manager, customer, tmp_path / "k.rcx")
    assert result.protection == "key" and len(result.key_shown_once.replace("-", "")) == 52
    assert result.key_shown_once not in json.dumps(manager.store.query("SELECT * FROM privacy_export"))
    assert open_export(result.path.read_bytes(), key=result.key_shown_once.lower())["customer"]["id"] == customer
    with pytest.raises(ExportUnreadable):
        open_export(result.path.read_bytes(), key="A" * 52)
    sealed = make_export(manager, customer, tmp_path / "p.rcx", password=PASSWORD)
    with pytest.raises(ExportUnreadable):
        open_export(sealed.path.read_bytes(), password="not the password")
    with pytest.raises(WeakExportPassword):
        make_export(manager, customer, tmp_path / "w.rcx", password="short")


def test_each_export_is_journaled_without_the_data(manager, customer, tmp_path) -> None:
    before = manager.store.journal_head().seq
    result = make_export(manager, customer, tmp_path / "j.rcx", password=PASSWORD)
    assert manager.store.journal_head().seq == before + 1
    row = manager.store.query_one(
        "SELECT made_by, protection, sha256 FROM privacy_export WHERE id = ?", (result.export_id,)
    )
    assert row == ("E1001", "password", result.sha256)
    entry = manager.store.journal_entries(after=before)[0]
    assert (entry.entity, entry.action) == ("privacy_export", "export")


def test_only_managers_and_auditors_export(vault, manager, customer, tmp_path) -> None:
    service.add_account(manager, "A3003", "Auditor Chen", Role.AUDITOR, "auditor-pass-33")
    service.add_account(manager, "C4004", "Clerk Liu", Role.INTAKE_CLERK, "clerk-pass-444")
    auditor = service.sign_in(vault, "A3003", "auditor-pass-33")
    clerk = service.sign_in(vault, "C4004", "clerk-pass-444")
    try:
        assert make_export(auditor, customer, tmp_path / "a.rcx", password=PASSWORD).path.exists()
        with pytest.raises(PermissionDenied):
            make_export(clerk, customer, tmp_path / "c.rcx", password=PASSWORD)
        assert not (tmp_path / "c.rcx").exists()
    finally:
        auditor.store.close()
        clerk.store.close()


def test_the_export_carries_every_stored_value_including_the_collected_readings(manager, customer, tmp_path) -> None:
    from app.storage import diagnostics_repository as diag
    from app.tickets import moves
    from app.tickets.warranty_check import shipped_reference

    (run_id,) = manager.store.query_one("SELECT id FROM diag_run")
    readings = {"level": 57, "cycle_count": 812, "voltage_mv": 3871, "source": {"level": "dumpsys_battery"}}
    with manager.store.transaction(manager.actor) as work:
        diag.insert_battery(
            work,
            run_id,
            advice="replace",
            health_percent=78.5,
            health_basis="charge_full",
            in_warranty=False,
            readings=readings,
        )
    number = manager.store.query_one("SELECT number FROM ticket")[0]
    agreement = shipped_reference().consents.latest("service_agreement")
    moves.sign_agreement(manager, number, agreement, "en", "Markersigner Agreement", b"strokes")

    document = open_export(
        make_export(manager, customer, tmp_path / "e.rcx", password=PASSWORD).path.read_bytes(), password=PASSWORD
    )
    assert schema_problems(document) == []
    [run] = document["diagnostic_runs"]
    assert run["battery"]["readings"] == readings and run["battery"]["health_percent"] == 78.5
    assert {r["function"]: r["data"] for r in run["results"]} == {
        "identity": {"imei": MARKERS["imei"]},
        "network": {"ssid": "MarkerNet"},
    }
    assert [log["text"] for log in run["logs"]] == [f"log line for {number}"]
    [ticket] = document["tickets"]
    assert ticket["agreement"]["signed_by"] == "Markersigner Agreement"
    assert ticket["priority"] == 3 and ticket["intake"] is not None


def test_the_export_carries_messages_the_rating_and_data_forgetting(manager, customer, marked, tmp_path) -> None:
    """Every stored value of the customer: the after-repair tables and the wipe jobs too (issue 13)."""
    from app.erasure.consent import WipeDecision, record_wipe_decision
    from app.tickets.warranty_check import shipped_reference

    queue_a_message(manager, marked.number)
    refusal = WipeDecision(marked.number, MARKERS["name"], agreed=False, method="verbal")
    record_wipe_decision(manager, shipped_reference().consents, refusal)
    document = open_export(make_export(manager, customer, tmp_path / "a.rcx", password=PASSWORD).path.read_bytes(),
                           password=PASSWORD)  # fmt: skip
    assert schema_problems(document) == []
    [ticket] = document["tickets"]
    assert (ticket["message_consent"]["language"], ticket["message_consent"]["care_guide"]) == ("en", "message")
    assert ticket["message_consent"]["withdrawn_at"] is None
    assert [(m["event"], m["state"]) for m in ticket["messages"]] == [("waiting_for_parts", "queued")]
    assert ticket["messages"][0]["holds_phone_number"] is True  # held until sent: the customer is told so
    assert ticket["rating"] is None  # not collected yet
    [wipe] = ticket["data_forgetting"]
    assert (wipe["decision"], wipe["signed_by"], wipe["certificate"]) == ("refused", MARKERS["name"], None)
