"""A restricted customer's ticket cannot be diagnosed, synced or printed, and each refusal says why.
Another customer's ticket goes through the same paths untouched: the refusals are the restriction's doing."""

from __future__ import annotations

import subprocess

import pytest

from app.core.reference_data import default_resources_dir, load_reference_data
from app.diagnostics.flow import DiagnosticsFlow, RunRequest
from app.privacy import actions, requests
from app.privacy_rules.errors import ProcessingRestricted
from app.slip.print_service import print_to_file
from app.storage import diagnostics_repository as diag
from app.sync.relay import SyncRelay
from app.sync.restriction_hold import RestrictionAwareOutbox
from app.sync.store_source import StoreOutbox
from app.sync.transport import UpstreamEndpoint
from app.tickets.intake import open_ticket
from tests.integration.privacy.conftest import MARKERS, add_diagnostics, other_ticket
from tests.integration.upstream.upstream_harness import (
    OUTLET,
    UpstreamServer,
    enrol_outlet,
)


@pytest.fixture
def restricted(manager, clock, marked):
    """The marker customer, restricted through a request; returns (ticket, request)."""
    add_diagnostics(manager, marked.number, MARKERS["name"], with_log=False)
    customer = manager.store.query_one("SELECT customer_id FROM ticket WHERE number = ?", (marked.number,))[0]
    request = requests.new_request(manager, "restriction", customer, "ID card seen")
    actions.restrict(manager, request.number)
    return marked, request


def test_diagnostics_refuse_before_anything_reaches_the_phone(manager, restricted) -> None:
    ticket, request = restricted
    consent = diag.consents_for_ticket(manager.store, ticket.number)[0]
    flow = DiagnosticsFlow(manager, load_reference_data(default_resources_dir()))
    runs_before = manager.store.query_one("SELECT count(*) FROM diag_run")[0]
    # No phone is given: the refusal must come before the flow touches one.
    with pytest.raises(ProcessingRestricted) as refused:
        flow.run(None, RunRequest(("battery",), consent, ticket.number), prompts=None)  # type: ignore[arg-type]
    assert f"Ticket {ticket.number} cannot be diagnosed" in refused.value.message
    assert "restricted the processing" in refused.value.message and request.number in refused.value.message
    assert refused.value.code == "restricted_diagnostics" and refused.value.params["ticket"] == ticket.number
    assert manager.store.query_one("SELECT count(*) FROM diag_run")[0] == runs_before


def test_printing_refuses_and_writes_nothing_while_another_ticket_prints(manager, restricted, tmp_path) -> None:
    ticket, _ = restricted
    other = open_ticket(manager, other_ticket())
    out = tmp_path / "restricted.pdf"
    prints_before = manager.store.query_one("SELECT count(*) FROM slip_print")[0]
    with pytest.raises(ProcessingRestricted) as refused:
        print_to_file(manager, ticket.number, out, lang="en")
    assert f"Ticket {ticket.number} cannot be printed" in refused.value.message
    assert not out.exists()
    assert manager.store.query_one("SELECT count(*) FROM slip_print")[0] == prints_before
    allowed = tmp_path / "allowed.pdf"
    print_to_file(manager, other.number, allowed, lang="en")
    text = subprocess.run(["pdftotext", str(allowed), "-"], capture_output=True, text=True, check=True).stdout
    assert other.number in text


def test_sync_holds_back_the_restricted_customers_records_and_says_why(manager, restricted, tmp_path) -> None:
    ticket, _ = restricted
    other = open_ticket(manager, other_ticket())
    server = UpstreamServer(f"sqlite:///{tmp_path / 'upstream.db'}")
    server.start()
    try:
        token = enrol_outlet(server)
        source = RestrictionAwareOutbox(StoreOutbox(manager.store), manager.store)
        with SyncRelay(source, UpstreamEndpoint(server.url), OUTLET, token, batch_size=2) as relay:
            relay.push_pending()
        upstream_ids = {r.entity_id for r in server.store.records(OUTLET)}
    finally:
        server.stop()
    assert other.id in upstream_ids
    assert ticket.id not in upstream_ids
    held = [op for op in manager.store.pending_outbox() if op.entity_id == ticket.id]
    assert held, "the restricted ticket's records wait in the outbox"
    assert all("restricted the processing" in source.held_back[op.op_id] for op in held)


def test_lifting_the_restriction_lets_the_ticket_be_processed_again(manager, restricted, tmp_path) -> None:
    ticket, request = restricted
    customer = request.customer_id
    assert actions.lift_restriction(manager, customer)
    out = tmp_path / "now.pdf"
    print_to_file(manager, ticket.number, out, lang="en")
    assert out.stat().st_size > 0
    assert not actions.lift_restriction(manager, customer)
