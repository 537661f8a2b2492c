"""The outlet's records in every counter's own ticket tables: found, continued and handed back at
another counter than the one that took the phone in (issue 22's projection).

Real SQLCipher stores, a real TLS hub on loopback, real HTTP (tests/integration/hub/harness.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.ticket_numbers import parse_ticket_number
from app.hub.server import HubServer
from app.storage import replica_repository
from app.sync import hub_client, hub_settle
from app.tickets.fault_category import set_fault_category
from app.tickets.intake import open_ticket
from app.tickets.moves import load, move_ticket
from app.tickets.pickup import collect
from app.tickets.pricing import add_estimate, approve_estimate, invoice, parts_for
from app.tickets.search import search
from tests.integration.hub.harness import domain_rows, join, new_counter
from tests.integration.tickets.conftest import SIGNED, walk_in

pytestmark = pytest.mark.integration


def _sync(*sessions) -> None:
    for _ in range(2):  # the second pass pulls what the others pushed after one's pull
        for session in sessions:
            hub_client.hub_sync_once(session)


def _status_on_replica(session, ticket_id: str) -> str:
    return str(replica_repository.record(session.store, "ticket", ticket_id)["status"])


READY = ("sent_to_repair_centre", "quality_check", "ready_for_pickup")


def test_a_phone_taken_in_at_one_counter_is_found_moved_and_handed_back_at_another(counters) -> None:
    a, b = counters["A"], counters["B"]
    ticket = open_ticket(
        a, walk_in(customer_name="Ouyang Xiu", customer_phone="139 8765 4321", imei="860955027785041", agreement=SIGNED)
    )
    assert search(b, ticket.number) == []  # not yet synced: B does not know it
    _sync(a, b)

    for query in (ticket.number, "785041", "4321", "Ouyang"):
        assert [row.number for row in search(b, query)] == [ticket.number], query
    shown = load(b, ticket.number)
    assert shown.row.id == ticket.id and shown.row.customer_name == "Ouyang Xiu"
    assert shown.agreement is not None and shown.agreement["signed_by"] == SIGNED.signed_by
    assert [e.to_status for e in shown.events] == ["received"]
    for target in READY:
        move_ticket(b, ticket.number, target)
    collect(b, ticket.number, "4321", "Ouyang Xiu", b"strokes")
    _sync(b, a)

    at_a = load(a, ticket.number)
    assert at_a.status == "collected"
    assert at_a.pickup is not None and at_a.pickup["signed_by"] == "Ouyang Xiu"
    assert [e.to_status for e in at_a.events] == ["received", *READY, "collected"]
    assert at_a.events[-1].actor == load(b, ticket.number).events[-1].actor  # who handed it over, at B
    assert domain_rows(a) == domain_rows(b)
    assert replica_repository.snapshot(a.store) == replica_repository.snapshot(b.store)


def test_a_move_refused_on_the_replica_is_taken_back_where_it_was_made(counters) -> None:
    a, b = counters["A"], counters["B"]
    ticket = open_ticket(a, walk_in(customer_name="Refused Move", agreement=SIGNED))
    _sync(a, b)
    move_ticket(b, ticket.number, "cancelled")  # offline of each other: B's move reaches the hub first
    move_ticket(a, ticket.number, "diagnosing")
    _sync(b, a)

    assert _status_on_replica(a, ticket.id) == "cancelled"
    for session in (a, b):
        shown = load(session, ticket.number)
        assert shown.status == "cancelled"
        assert [e.to_status for e in shown.events] == ["received", "cancelled"]  # A's diagnosing line went
    assert [c.kind for c in hub_client.conflicts(a)] == [replica_repository.MOVE_REFUSED]
    assert domain_rows(a) == domain_rows(b)


def test_the_replicas_merged_value_is_projected_not_each_operations(counters) -> None:
    a, b = counters["A"], counters["B"]
    ticket = open_ticket(a, walk_in(customer_name="Two Categories", fault_category="screen"))
    _sync(a, b)
    set_fault_category(b, ticket.number, "battery_drain", {"by": "test"})
    set_fault_category(a, ticket.number, "no_charge", {"by": "test"})  # later in the hub's order: it wins
    hub_client.hub_sync_once(b)
    hub_client.hub_sync_once(a)  # A's page: B's change, then its own
    hub_client.hub_sync_once(b)

    for session in (a, b):
        assert load(session, ticket.number).fault_category == "no_charge"
    (conflict,) = [c for c in hub_client.conflicts(a) if c.field == "fault_category"]
    assert domain_rows(a) == domain_rows(b)

    hub_settle.settle(b, conflict.id, "other")  # a person keeps B's category: the settle sets the field
    _sync(b, a)
    for session in (a, b):
        assert load(session, ticket.number).fault_category == "battery_drain"
    assert domain_rows(a) == domain_rows(b)


def test_a_local_change_not_pushed_yet_keeps_its_value_until_it_merges(counters) -> None:
    a, b = counters["A"], counters["B"]
    ticket = open_ticket(a, walk_in(customer_name="Pending Change", agreement=SIGNED))
    _sync(a, b)
    move_ticket(a, ticket.number, "diagnosing")  # A's move waits in its outbox
    set_fault_category(b, ticket.number, "battery_drain", {"by": "test"})
    hub_client.hub_sync_once(b)
    page = _pull_without_pushing(a)

    assert page >= 1 and a.store.pending_outbox_count() == 1
    shown = load(a, ticket.number)
    assert shown.status == "diagnosing"  # the local value stays, though the replica still says received
    assert _status_on_replica(a, ticket.id) == "received"
    assert shown.fault_category == "battery_drain"  # the other counter's change to another field is projected
    _sync(a, b)
    assert load(b, ticket.number).status == "diagnosing"
    assert domain_rows(a) == domain_rows(b)


def _pull_without_pushing(session) -> int:
    """One pull as `hub_sync_once` makes it, with nothing pushed: the state after a push failed."""
    link = hub_client.load_link(session)
    with hub_client._client(link.url, link.certificate, link.token) as client:  # noqa: SLF001 - the pull half alone
        pulled, _applied, _conflicts = hub_client._pull_all(session, client, link)  # noqa: SLF001
    return pulled


def test_a_wiped_counter_rejoining_gets_its_tickets_back_and_continues_them(
    tmp_path: Path, counters, hub: HubServer
) -> None:
    a, b = counters["A"], counters["B"]
    first = [
        open_ticket(a, walk_in(customer_name=f"Before Wipe {n}", customer_phone=f"1391234000{n}", agreement=SIGNED))
        for n in range(2)
    ]
    move_ticket(a, first[0].number, "diagnosing")
    open_ticket(b, walk_in(customer_name="At Counter B", customer_phone="13912349999"))
    _sync(a, b)
    a.lock()

    replaced = new_counter(tmp_path / "new-pc", "A")  # the disk died; a new PC, the same counter code
    try:
        join(replaced, hub.folder, hub.url, "A")
        _sync(replaced)
        assert [row.number for row in search(replaced, first[1].number)] == [first[1].number]
        assert [row.number for row in search(replaced, "At Counter")] == [search(b, "At Counter")[0].number]
        assert load(replaced, first[0].number).status == "diagnosing"
        move_ticket(replaced, first[0].number, "cancelled")
        number = open_ticket(replaced, walk_in(customer_name="After Wipe")).number
        assert number not in {t.number for t in first} and parse_ticket_number(number).sequence == 3
        _sync(replaced, b)
        assert load(b, first[0].number).status == "cancelled"
        assert domain_rows(replaced) == domain_rows(b)
    finally:
        replaced.lock()


def test_an_estimate_made_at_one_counter_is_approved_and_invoiced_at_another(counters) -> None:
    a, b = counters["A"], counters["B"]
    ticket = open_ticket(
        a, walk_in(customer_name="Estimate Across", agreement=SIGNED, imei="861234040000013", device_model="RC-A5")
    )
    move_ticket(a, ticket.number, "diagnosing")
    part = parts_for(a, load(a, ticket.number))[0]
    add_estimate(a, ticket.number, [part.part_id])
    _sync(a, b)

    at_b = load(b, ticket.number)
    assert [line.part_id for line in at_b.lines] == [part.part_id] and at_b.estimate is not None
    assert at_b.warranty is not None and not at_b.warranty["in_warranty"]  # so the repair needs the approval
    # refused without the estimate lines on B's own row, projected from A
    approve_estimate(b, ticket.number, "Estimate Across", b"strokes")
    move_ticket(b, ticket.number, "repairing")  # out of warranty: needs the approval
    move_ticket(b, ticket.number, "quality_check")
    invoice(b, ticket.number)
    _sync(b, a)

    at_a = load(a, ticket.number)
    assert at_a.approval is not None and at_a.approval["approved_by"] == "Estimate Across"
    assert sorted(line.kind for line in at_a.lines) == ["estimate", "invoice"]
    assert at_a.status == "quality_check"
    assert domain_rows(a) == domain_rows(b)
