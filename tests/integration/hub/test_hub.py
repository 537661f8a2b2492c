"""The outlet hub: joining with a pinned certificate, two-way sync, conflicts, and what reaches the region."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.ticket_numbers import parse_ticket_number
from app.hub import forwarder
from app.hub.certificate import CERTIFICATE_FILE, KEY_FILE
from app.hub.server import DATABASE_FILE, HubServer, hub_key, issue_join_code, open_hub_store
from app.storage import replica_repository
from app.sync import hub_client
from app.sync.policy import policy_for_region
from app.tickets.intake import open_ticket
from app.tickets.moves import move_ticket
from app.tickets.outlet_calendar import set_hours
from app.upstream.enrolment import issue_enrol_code
from app.upstream.loopback import LoopbackUpstream
from app.upstream.storage import UpstreamDatabaseUnavailable, hub_log
from tests.integration.hub.harness import every_row, join, new_counter
from tests.integration.tickets.conftest import SIGNED, walk_in


def test_join_refuses_a_certificate_other_than_the_one_shown(tmp_path: Path, hub: HubServer) -> None:
    session = new_counter(tmp_path, "C")
    try:
        code, fingerprint = issue_join_code(hub.folder, hub.key, "C")
        wrong = ("0" if fingerprint[0] != "0" else "1") + fingerprint[1:32]
        with pytest.raises(hub_client.HubCertificateMismatch):
            hub_client.join(session, hub.url, "C", code, wrong)
        assert not hub_client.is_joined(session)
        link = hub_client.join(session, hub.url, "C", code, fingerprint[:16])
        assert link.fingerprint == fingerprint and link.counter == "C"
    finally:
        session.lock()


def test_a_counter_refuses_a_hub_with_another_certificate_at_the_same_address(
    tmp_path: Path, counters, hub: HubServer
) -> None:
    hub.stop()
    for name in (CERTIFICATE_FILE, KEY_FILE):  # the same address, a new key: an impostor, or a rebuilt box
        (hub.folder / name).unlink()
    impostor = HubServer(hub.folder, "SZ01", hub.key, port=hub.port).start()
    try:
        with pytest.raises(hub_client.HubCertificateMismatch):
            hub_client.hub_sync_once(counters["A"])
    finally:
        impostor.stop()


def _sync(*sessions) -> None:
    for session in sessions:
        hub_client.hub_sync_once(session)
    for session in sessions:  # a second pass: each now pulls what the others pushed after its pull
        hub_client.hub_sync_once(session)


def test_a_ticket_taken_in_at_one_counter_is_at_the_other(counters) -> None:
    a, b = counters["A"], counters["B"]
    ticket = open_ticket(a, walk_in(customer_name="Ouyang Xiu", agreement=SIGNED))
    assert parse_ticket_number(ticket.number).counter == "A"
    move_ticket(a, ticket.number, "diagnosing")
    _sync(a, b)

    found = replica_repository.find_by_field(b.store, "ticket", "number", ticket.number)
    assert len(found) == 1
    record = replica_repository.record(b.store, "ticket", found[0])
    assert record["customer_name"] == "Ouyang Xiu"
    assert record["status"] == "diagnosing"
    assert replica_repository.snapshot(a.store) == replica_repository.snapshot(b.store)
    assert a.store.pending_outbox_count() == 0
    _sync(a, b)  # nothing new: nothing applied twice
    assert replica_repository.applied_count(b.store) == replica_repository.applied_count(a.store)


def test_the_same_field_changed_offline_at_two_counters_is_listed_with_both_values(counters) -> None:
    a, b = counters["A"], counters["B"]
    _sync(a, b)
    set_hours(a, "mon", "09:00-18:00")
    set_hours(b, "mon", "10:00-20:00")  # neither has seen the other's change
    _sync(a, b)

    listed = hub_client.conflicts(a)
    assert len(listed) == 1
    conflict = listed[0]
    assert conflict.entity == "outlet_calendar" and conflict.field == "hours"
    assert {json.loads(conflict.kept_value or "null"), json.loads(conflict.other_value)} == {
        "09:00-18:00",
        "10:00-20:00",
    }
    assert {conflict.kept_author, conflict.other_author} == {"A", "B"}
    assert [c.to_json() for c in hub_client.conflicts(b)] == [c.to_json() for c in listed]
    assert replica_repository.snapshot(a.store) == replica_repository.snapshot(b.store)

    set_hours(b, "mon", "08:00-17:00")  # B has now seen A's change: a plain update, no new conflict
    _sync(a, b)
    assert len(hub_client.conflicts(a)) == 1


def test_no_walk_in_personal_field_reaches_the_region_behind_the_hub(tmp_path: Path, counters, hub: HubServer) -> None:
    markers = {
        "customer_name": "Marker Name Qx7",
        "customer_phone": "13912340077",
    }
    fault_phone = "13912340099"
    a, b = counters["A"], counters["B"]
    open_ticket(a, walk_in(**markers, fault=f"no sound; call back on {fault_phone}"))
    open_ticket(b, walk_in(customer_name="Marker Other Qx8", customer_phone="13912340088"))
    _sync(a, b)
    assert replica_repository.find_by_field(b.store, "ticket", "customer_name", "Marker Name Qx7")  # inside: all

    with LoopbackUpstream(f"sqlite:///{tmp_path / 'region.db'}") as region:
        code = issue_enrol_code(region.store, "SZ01")
        assert hub.store is not None
        forwarder.enrol_with_region(hub.store, region.url, "SZ01", code)
        forwarded = forwarder.forward_once(hub.store, policy_for_region("CN"))
        assert forwarded > 0
        assert region.store.outlet_counts("SZ01").live.get("ticket") == 2  # both counters' tickets went up
    text = every_row(tmp_path / "region.db")
    for value in [*markers.values(), fault_phone, "Marker Other Qx8", "13912340088"]:
        assert value not in text
    assert forwarder.forward_once(hub.store, policy_for_region("CN")) == 0  # nothing is sent twice


def test_the_hub_keeps_its_records_encrypted_under_its_passphrase(tmp_path: Path, counters, hub: HubServer) -> None:
    open_ticket(counters["A"], walk_in(customer_name="Marker Hub Qx9", customer_phone="13912340066"))
    _sync(counters["A"])
    hub.stop()
    raw = b"".join(p.read_bytes() for p in hub.folder.glob(f"{DATABASE_FILE}*"))
    assert b"Marker Hub Qx9" not in raw and b"13912340066" not in raw
    assert not raw.startswith(b"SQLite format 3")
    with pytest.raises(UpstreamDatabaseUnavailable):
        open_hub_store(hub.folder, hub_key(hub.folder, "another-passphrase-1"))
    store = open_hub_store(hub.folder, hub.key)
    try:
        assert hub_log.last_position(store) > 0
    finally:
        store.close()


def test_a_wiped_counter_joining_again_gets_the_outlets_records_and_keeps_numbers_unique(
    tmp_path: Path, counters, hub: HubServer
) -> None:
    a, b = counters["A"], counters["B"]
    first = [open_ticket(a, walk_in(customer_name=f"Before Wipe {n}")).number for n in range(2)]
    open_ticket(b, walk_in(customer_name="At Counter B"))
    _sync(a, b)
    before = replica_repository.snapshot(b.store)

    replaced = new_counter(tmp_path / "new-pc", "A")  # the disk died; a new PC, the same counter code
    try:
        join(replaced, hub.folder, hub.url, "A")
        _sync(replaced)
        rebuilt = replica_repository.snapshot(replaced.store)
        # Everything the outlet had is back (the new PC's own set-up operations come on top).
        assert set(before["replica_field"]) <= set(rebuilt["replica_field"])
        assert rebuilt["replica_applied"][: len(before["replica_applied"])] == before["replica_applied"]
        assert replica_repository.find_by_field(replaced.store, "ticket", "customer_name", "Before Wipe 1")
        number = open_ticket(replaced, walk_in(customer_name="After Wipe")).number
        assert number not in first and parse_ticket_number(number).sequence == 3
    finally:
        replaced.lock()
