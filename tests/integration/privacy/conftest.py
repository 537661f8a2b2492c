"""Privacy-desk fixtures: a real SQLCipher store (tests/fixtures_store.py) with a clock the tests set,
and a customer whose every field is a marker value the erasure tests look for afterwards."""

from __future__ import annotations

import pytest

from app.storage import diagnostics_repository as diag
from app.storage.ticket_records import NewTicket
from app.tickets.intake import open_ticket
from tests.fixtures_store import MONDAY_10

START = MONDAY_10  # the shared clock fixture starts here

MARKERS = {
    "name": "Ottoline Markerfield",
    "phone": "13907559876",
    "email": "ottoline.marker@example.org",
    "address": "Markergasse 19 Nanshan",
    "imei": "356938035643809",
    "serial": "SNMARKER7781",
    "fault": "Markerfault: speaker crackles",
}


def marker_ticket(**changes) -> NewTicket:
    fields = dict(
        service_type="send_in",
        customer_name=MARKERS["name"],
        customer_phone=MARKERS["phone"],
        customer_email=MARKERS["email"],
        customer_address=MARKERS["address"],
        device_model="RC-X1",
        imei=MARKERS["imei"],
        serial=MARKERS["serial"],
        fault=MARKERS["fault"],
        fault_category="other",
    )
    return NewTicket(**{**fields, **changes})


def other_ticket() -> NewTicket:
    return NewTicket(
        service_type="maintenance",
        customer_name="Zhang Wei",
        customer_phone="13812345678",
        device_model="RC-X1",
        imei="490154203237518",
        fault="cracked screen",
        fault_category="screen",
    )


def add_diagnostics(manager, ticket_number: str, customer_name: str, *, with_log: bool = True) -> str:
    """A consent, a run with identity, network and battery readings, and a log, captured now."""
    with manager.store.transaction(manager.actor) as work:
        consent = diag.insert_consent(
            work,
            text_id="diagnostics",
            text_version=1,
            language="en",
            categories=("device_info", "logs", "network_record"),
            customer_name=customer_name,
            ticket_number=ticket_number,
            method="signature",
            signature_png=b"\x89PNG fake signature of " + customer_name.encode(),
        )
        run_id = diag.insert_run(
            work,
            consent_id=consent.id,
            ticket_number=ticket_number,
            transport="usb",
            functions=("identity", "network", "logs"),
            categories=("device_info",),
            refused=(),
            tool_package=None,
            tool_required_version=None,
        )
        diag.upsert_result(work, run_id, "identity", ("device_info",), "getprop", {"imei": MARKERS["imei"]})
        diag.upsert_result(work, run_id, "network", ("network_record",), "tool", {"ssid": "MarkerNet"})
        if with_log:
            diag.insert_log(work, run_id, f"log line for {ticket_number}", 1, "2099-01-01T00:00:00.000+00:00")
        work.record("diag_run", run_id, "create", {"ticket": ticket_number})
    return run_id


@pytest.fixture
def marked(manager, clock):
    """The marker customer's ticket, opened at START."""
    return open_ticket(manager, marker_ticket())


def queue_a_message(manager, number: str) -> None:
    """The customer agrees to messages about the repair, and one waits with their number in it."""
    from app.core.after_repair import MessageChoice
    from app.messages import consent
    from app.tickets.moves import move_ticket, sign_agreement
    from app.tickets.warranty_check import shipped_reference

    agreement = shipped_reference().consents.latest("service_agreement")
    sign_agreement(manager, number, agreement, "en", MARKERS["name"], b"strokes")
    consent.give(manager, number, MessageChoice("en", "message"))
    for status in ("diagnosing", "waiting_for_parts"):  # the second queues a message
        move_ticket(manager, number, status)
