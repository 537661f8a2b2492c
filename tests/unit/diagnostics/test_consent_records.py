"""Consent records: what is checked before one is stored, what the journal and outbox carry, withdrawal."""

from __future__ import annotations

import json

import pytest

from app.core.reference_data import default_resources_dir, load_reference_data
from app.diagnostics.consent import ConsentInput, give_consent, withdraw_consent
from app.diagnostics.errors import InvalidConsentInput, RunNotFound
from app.errors import PermissionDenied
from app.storage import diagnostics_repository as repo

PNG = bytes.fromhex("89504e470d0a1a0a") + b"drawn strokes"
LIBRARY = load_reference_data(default_resources_dir()).consents


def consent(**changes) -> ConsentInput:
    fields = dict(
        customer_name="Chen Jing",
        categories=("battery_record", "device_info"),
        language="en",
        method="signature",
        signature_png=PNG,
        ticket_number=None,
    )
    fields.update(changes)
    return ConsentInput(**fields)


def test_a_signed_consent_is_stored_with_its_text_and_evidence(manager) -> None:
    record = give_consent(manager, LIBRARY, consent())
    stored = repo.consent_by_id(manager.store, record.id)
    assert stored == record
    assert (stored.text_id, stored.text_version, stored.language) == ("diagnostics", 1, "en")
    assert stored.categories == ("device_info", "battery_record")  # catalogue order
    assert stored.signature_png == PNG and stored.technician == manager.engineer_id and stored.active


def test_the_outbox_carries_the_signature_digest_not_the_drawing_or_the_name(manager) -> None:
    record = give_consent(manager, LIBRARY, consent())
    (item,) = [i for i in manager.store.pending_outbox() if i.entity_id == record.id]
    text = json.dumps(item.payload)
    assert "Chen Jing" not in text and item.payload["signature_sha256"] == record.signature_sha256
    assert [e.action for e in manager.store.journal_entries() if e.entity_id == record.id] == ["give"]


@pytest.mark.parametrize(
    "changes",
    [
        {"customer_name": "  "},
        {"categories": ()},
        {"categories": ("device_info", "face_id")},
        {"signature_png": None},
        {"signature_png": b"GIF89a"},
        {"signature_png": PNG + bytes(600 * 1024)},
        {"method": "tick", "ticked": False, "signature_png": None},
        {"method": "shrug"},
        {"language": "fr"},
        {"ticket_number": "SZ01; DROP"},
    ],
)
def test_incomplete_consents_are_refused(manager, changes) -> None:
    with pytest.raises(InvalidConsentInput):
        give_consent(manager, LIBRARY, consent(**changes))
    assert manager.store.query("SELECT count(*) FROM diag_consent") == [(0,)]


def test_a_tick_or_verbal_consent_needs_no_drawing(manager) -> None:
    ticked = give_consent(manager, LIBRARY, consent(method="tick", ticked=True, signature_png=None))
    verbal = give_consent(manager, LIBRARY, consent(method="verbal", signature_png=PNG))
    assert (ticked.method, ticked.signature_png) == ("tick", None)
    assert (verbal.method, verbal.signature_png) == ("verbal", None)


def test_withdrawal_is_journaled_and_only_once_effective(manager) -> None:
    record = give_consent(manager, LIBRARY, consent(ticket_number="SZ01-20261123-0003"))
    withdrawal = withdraw_consent(manager, record.id)
    assert repo.consent_by_id(manager.store, record.id).withdrawn_at == withdrawal.withdrawn_at
    actions = [e.action for e in manager.store.journal_entries() if e.entity_id == record.id]
    assert actions == ["give", "withdraw", "erase_data"]
    with pytest.raises(RunNotFound):
        withdraw_consent(manager, "no-such-consent")


def test_an_intake_clerk_may_not_record_diagnostic_consent(manager) -> None:
    from app.accounts import service
    from app.core.roles import Role
    from tests.fixtures_store import ADMIN_PASSWORD

    service.add_account(manager, "C0002", "Clerk", Role.INTAKE_CLERK, ADMIN_PASSWORD)
    clerk = service.sign_in(manager.vault, "C0002", ADMIN_PASSWORD)
    try:
        with pytest.raises(PermissionDenied):
            give_consent(clerk, LIBRARY, consent())
    finally:
        clerk.lock()


def test_consent_is_recorded_only_for_what_the_chosen_functions_read(manager) -> None:
    from app.diagnostics.errors import ConsentBeyondNeed

    with pytest.raises(ConsentBeyondNeed) as refused:
        give_consent(manager, LIBRARY, consent(categories=("location", "ssid"), functions=("identity",)))
    assert "ssid, location" in refused.value.message and refused.value.exit_code == 87
    assert manager.store.query("SELECT id FROM diag_consent") == []
    record = give_consent(manager, LIBRARY, consent(categories=("device_info",), functions=("identity", "battery")))
    assert record.categories == ("device_info",), "consenting to less than the checks read stays allowed"


def test_a_consent_names_the_customer_of_its_ticket_or_the_one_chosen(manager) -> None:
    from app.tickets.intake import open_ticket
    from tests.fixtures_store import sample_ticket

    ticket = open_ticket(manager, sample_ticket(1, phone="13812345670"))
    customer = manager.store.query_one("SELECT customer_id FROM ticket")[0]
    by_ticket = give_consent(manager, LIBRARY, consent(ticket_number=ticket.number))
    by_customer = give_consent(manager, LIBRARY, consent(customer_id=customer))
    assert by_ticket.customer_id == by_customer.customer_id == customer
    with pytest.raises(InvalidConsentInput):
        give_consent(manager, LIBRARY, consent(customer_id="no-such-customer"))


def test_withdrawing_twice_answers_with_the_first_time_and_journals_nothing(manager) -> None:
    record = give_consent(manager, LIBRARY, consent())
    first = withdraw_consent(manager, record.id)
    entries = len(manager.store.journal_entries())
    second = withdraw_consent(manager, record.id)
    assert second.already and second.withdrawn_at == first.withdrawn_at and not first.already
    assert "already withdrawn at" in second.describe() and len(manager.store.journal_entries()) == entries
