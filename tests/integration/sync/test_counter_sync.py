"""The counter's own store syncing with the real upstream over loopback HTTP."""

from __future__ import annotations

import json
import shutil

import pytest

from app.accounts import service as accounts
from app.storage.errors import JournalBroken
from app.storage.ticket_records import NewTicket
from app.sync import service as sync
from app.sync.verification import verify_store
from app.tickets.intake import open_ticket
from app.upstream.enrolment import issue_enrol_code
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD, sample_ticket
from tests.integration.upstream.upstream_harness import UpstreamServer

pytestmark = pytest.mark.integration
MAINTENANCE_PHONE, SEND_IN_PHONE = "13911112222", "13933334444"


@pytest.fixture
def upstream(tmp_path):
    server = UpstreamServer(f"sqlite:///{tmp_path / 'upstream.db'}")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def enrolled(manager, upstream):
    code = issue_enrol_code(upstream.store, "SZ01")
    sync.enroll(manager, upstream.url, code)
    return manager


def _send_in(phone: str) -> NewTicket:
    return NewTicket(
        service_type="send_in",
        customer_name="Courier Person",
        customer_phone=phone,
        device_model="PHN110",
        imei="356938035643809",
        fault="no power",
        customer_email="c@example.org",
        customer_address="88 Shennan Road, Shenzhen",
        courier="SF",
        tracking_number="SF1234567890",
        parcel_condition="intact",
    )


def test_enrolment_keeps_the_token_sealed_beside_the_key_slots(enrolled) -> None:
    keys_text = enrolled.vault.paths.key_file.read_text()
    enrolment = sync.load_enrolment(enrolled)
    assert enrolment.outlet == "SZ01" and len(enrolment.token) >= 32
    assert enrolment.token not in keys_text, "the token must not be readable in the key file"


def test_a_sync_round_pushes_everything_once_and_anchors_the_journal(enrolled, upstream) -> None:
    for i in range(5):
        open_ticket(enrolled, sample_ticket(i, phone=MAINTENANCE_PHONE))
    open_ticket(enrolled, _send_in(SEND_IN_PHONE))
    pending = enrolled.store.pending_outbox_count()

    first = sync.sync_once(enrolled).as_json()
    # the outlet and staff rows stay at the counter (policy); the six tickets go up
    assert pending == 8 and first["errors"] == [] and first["pushed"] == 6 and first["pending"] == 0
    again = sync.sync_once(enrolled).as_json()
    assert again["pushed"] == 0 and again["pending"] == 0

    tickets = [r for r in upstream.store.records("SZ01") if r.entity == "ticket"]
    assert len(tickets) == 6, "exactly one copy of every ticket"
    everything = " ".join(r.payload_json for r in upstream.store.records("SZ01"))
    assert MAINTENANCE_PHONE not in everything, "a walk-in customer's phone never leaves the outlet"
    assert SEND_IN_PHONE in everything, "a send-in's contact goes up for the courier"
    receipt = sync.latest_receipt(enrolled)
    assert receipt is not None and receipt.seq == enrolled.store.journal_head().seq
    state = sync.sync_state(enrolled)
    assert state.enrolled and state.pending == 0 and state.last_sync and not state.last_error


def test_verify_uses_the_receipt_to_catch_an_older_copy(enrolled, upstream, vault, tmp_path) -> None:
    open_ticket(enrolled, sample_ticket(1))
    sync.sync_once(enrolled)
    enrolled.lock()
    shutil.copy(vault.paths.database, tmp_path / "old.db")
    session = accounts.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    open_ticket(session, sample_ticket(2))
    sync.sync_once(session)
    session.lock()
    shutil.copy(tmp_path / "old.db", vault.paths.database)
    keys = json.loads(vault.paths.key_file.read_text())
    keys["anchor"] = None  # even with the local anchor gone, the upstream's receipt catches it
    vault.paths.key_file.write_text(json.dumps(keys))
    with pytest.raises(JournalBroken, match="anchor has been removed"):
        accounts.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    session = accounts.sign_in(vault, ADMIN, ADMIN_PASSWORD, check_anchor=False)  # as `verify` does
    report = verify_store(session)
    session.lock()
    assert not report.ok
    assert any("anchor has been removed" in p for p in report.problems)
    assert any("older copy" in p and "upstream receipt" in p for p in report.problems)


def test_an_unreachable_upstream_keeps_everything_queued_and_says_why(enrolled, upstream) -> None:
    open_ticket(enrolled, sample_ticket(1))
    upstream.stop()
    pending = enrolled.store.pending_outbox_count()
    report = sync.sync_once(enrolled).as_json()
    assert report["errors"] and report["pushed"] == 0 and report["pending"] == pending
    assert enrolled.store.pending_outbox_count() == pending
    state = sync.sync_state(enrolled)
    assert "did not answer" in state.last_error and not state.last_sync
