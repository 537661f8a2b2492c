"""Ticket numbers of an outlet with several counters: each counter's code in the number, found by search."""

from __future__ import annotations

from app.core.ticket_numbers import parse_ticket_number, qr_payload
from app.storage import ticket_repository
from app.tickets.intake import open_ticket
from app.tickets.search import search
from tests.integration.tickets.conftest import walk_in

KEY = b"example-slip-key-0123"


def test_a_counter_with_a_code_numbers_its_own_run_and_search_finds_it(manager, clock) -> None:
    before = open_ticket(manager, walk_in(customer_name="Old Number"))
    manager.store.set_meta_value(ticket_repository.COUNTER_CODE, "B")
    first = open_ticket(manager, walk_in(customer_name="Counter B One"))
    second = open_ticket(manager, walk_in(customer_name="Counter B Two"))

    assert parse_ticket_number(before.number).counter == ""
    assert first.number.endswith("-B0001") and second.number.endswith("-B0002")
    assert parse_ticket_number(first.number).day == parse_ticket_number(before.number).day
    assert [r.number for r in search(manager, first.number.lower())] == [first.number]
    assert [r.number for r in search(manager, before.number)] == [before.number]
    slip = qr_payload(parse_ticket_number(second.number), KEY)
    assert [r.number for r in search(manager, slip, slip_key=KEY)] == [second.number]
