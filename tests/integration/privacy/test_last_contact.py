"""Last contact per customer: a visit (a returning customer's new ticket), a call logged at the counter
and a pickup each restart the retention clock, and each leaves a contact event."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.privacy_rules.contact import log_contact
from app.privacy_rules.errors import InvalidRequestInput, UnknownCustomer
from app.tickets import moves, pickup
from app.tickets.intake import open_ticket
from tests.integration.privacy.conftest import START
from tests.integration.tickets.conftest import SIGNED, walk_in


def _last_contact(manager) -> str:
    return manager.store.query_one("SELECT time_text(last_contact_at) FROM customer")[0]


def _events(manager) -> list[str]:
    return [r[0] for r in manager.store.query("SELECT kind FROM contact_event ORDER BY seq")]


def test_a_visit_a_call_and_a_pickup_each_reset_the_last_contact(manager, clock) -> None:
    number = open_ticket(manager, walk_in(agreement=SIGNED)).number
    assert _last_contact(manager).startswith("2026-11-23")
    clock.now = START + timedelta(days=10)
    open_ticket(manager, walk_in(agreement=SIGNED, fault="second visit"))  # a visit: the returning customer
    assert _last_contact(manager).startswith("2026-12-03")
    clock.now = START + timedelta(days=20)
    log_contact(manager, manager.store.query_one("SELECT id FROM customer")[0], "call")
    assert _last_contact(manager).startswith("2026-12-13")
    for status in ("diagnosing", "repairing", "quality_check", "ready_for_pickup"):
        moves.move_ticket(manager, number, status)
    clock.now = START + timedelta(days=30)
    pickup.collect(manager, number, "5678", "Zhang Wei", b"sig")
    assert _last_contact(manager).startswith("2026-12-23")
    assert _events(manager) == ["call", "pickup"]


def test_a_contact_needs_a_known_customer_and_a_known_kind(manager, clock) -> None:
    open_ticket(manager, walk_in(agreement=SIGNED))
    with pytest.raises(UnknownCustomer):
        log_contact(manager, "nobody", "call")
    with pytest.raises(InvalidRequestInput):
        log_contact(manager, manager.store.query_one("SELECT id FROM customer")[0], "letter")
