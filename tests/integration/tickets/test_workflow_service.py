"""Moving tickets on a real store: refusals with reasons, the agreement and approval rules, pickup,
the progress query, and the property that no sequence of moves reaches a state the workflow forbids."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.workflow import TRANSITIONS, Status
from app.tickets import moves, pickup, pricing
from app.tickets.errors import (
    AgreementMissing,
    ApprovalMissing,
    PickupRefused,
    ProgressNotFound,
    TicketError,
    TransitionNotAllowed,
)
from app.tickets.intake import open_ticket
from app.tickets.progress import query_progress
from app.tickets.warranty_check import shipped_reference
from tests.integration.tickets.conftest import SIGNED, walk_in

OUT_OF_WARRANTY = dict(imei="861234040000013", device_model="RC-A5")


def _to_ready(manager, number: str) -> None:
    for status in ("diagnosing", "repairing", "quality_check", "ready_for_pickup"):
        moves.move_ticket(manager, number, status)


def test_a_refused_move_says_where_the_ticket_can_go_in_both_languages(manager, clock) -> None:
    number = open_ticket(manager, walk_in(agreement=SIGNED)).number
    with pytest.raises(TransitionNotAllowed) as refused:
        moves.move_ticket(manager, number, "ready_for_pickup")
    assert "cannot go from received to ready for pickup" in refused.value.message
    assert refused.value.code == "transition_not_allowed"  # the GUI words it from the code and the statuses
    assert refused.value.params == {
        "current": "received",
        "target": "ready_for_pickup",
        "allowed": ["diagnosing", "sent_to_repair_centre", "cancelled"],
    }
    assert refused.value.exit_code == 51


def test_no_work_before_the_agreement_is_signed(manager, clock) -> None:
    number = open_ticket(manager, walk_in()).number
    with pytest.raises(AgreementMissing):
        moves.move_ticket(manager, number, "diagnosing")
    document = shipped_reference().consents.latest("service_agreement")
    moves.sign_agreement(manager, number, document, "zh_CN", "Zhang Wei", b"strokes")
    assert moves.move_ticket(manager, number, "diagnosing").status == "diagnosing"
    assert moves.load(manager, number).agreement["version"] == document.version


def test_a_chargeable_repair_waits_for_the_approved_estimate(manager, clock) -> None:
    number = open_ticket(manager, walk_in(agreement=SIGNED, **OUT_OF_WARRANTY)).number
    moves.move_ticket(manager, number, "diagnosing")
    moves.move_ticket(manager, number, "awaiting_approval")
    with pytest.raises(ApprovalMissing):
        moves.move_ticket(manager, number, "repairing")
    lines = pricing.add_estimate(manager, number, ["SCR-A5", "LAB-STD"])
    assert [str(line.unit_price) for line in lines] == ["499.00", "50.00"]
    detail = pricing.approve_estimate(manager, number, "Zhang Wei", b"strokes")
    assert str(detail.estimate) == "549.00" and detail.approval["total"] == "549.00"
    assert moves.move_ticket(manager, number, "repairing").status == "repairing"
    moves.move_ticket(manager, number, "quality_check")
    invoice = pricing.invoice(manager, number)
    assert sum(line.total for line in invoice) == detail.estimate


def test_a_part_for_another_model_is_refused(manager, clock) -> None:
    number = open_ticket(manager, walk_in(agreement=SIGNED, **OUT_OF_WARRANTY)).number
    with pytest.raises(TicketError, match="does not fit"):
        pricing.add_estimate(manager, number, ["SCR-X1"])


def test_a_warranty_repair_needs_no_approval_and_is_invoiced_at_zero(manager, clock) -> None:
    number = open_ticket(manager, walk_in(agreement=SIGNED)).number
    moves.move_ticket(manager, number, "diagnosing")
    pricing.add_estimate(manager, number, ["SCR-X1"])
    moves.move_ticket(manager, number, "repairing")
    moves.move_ticket(manager, number, "quality_check")
    (line,) = pricing.invoice(manager, number)
    assert line.total == 0 and "guide price 1099.00" in line.description


def test_pickup_checks_the_phone_last_4_and_records_the_signature(manager, clock) -> None:
    number = open_ticket(manager, walk_in(agreement=SIGNED)).number
    with pytest.raises(PickupRefused, match="not ready"):
        pickup.collect(manager, number, "5678", "Zhang Wei", b"sig")
    _to_ready(manager, number)
    with pytest.raises(TransitionNotAllowed):
        moves.move_ticket(manager, number, "collected")  # only through the pickup check
    with pytest.raises(PickupRefused, match="do not match"):
        pickup.collect(manager, number, "5679", "Zhang Wei", b"sig")
    detail = pickup.collect(manager, number, "5678", "Zhang Wei", b"sig")
    assert detail.status == "collected"
    assert detail.pickup["signed_by"] == "Zhang Wei" and len(detail.pickup["signature_digest"]) == 64
    assert [e.to_status for e in detail.events][-1] == "collected"


def test_the_progress_query_needs_the_phone_or_imei_and_shows_nothing_else(manager, clock) -> None:
    number = open_ticket(manager, walk_in(agreement=SIGNED)).number
    other = open_ticket(manager, walk_in(customer_phone="13900001111", imei="490154203237518")).number
    moves.move_ticket(manager, number, "diagnosing", note="customer called about price")
    report = query_progress(manager, number, "13812345678")
    assert [s.status for s in report.history] == ["received", "diagnosing"]
    assert "Zhang" not in str(report.to_json()) and "price" not in str(report.to_json())
    assert query_progress(manager, number, "860955027785041").status == "diagnosing"
    for wrong in (
        (number, "13900001111"),
        (other, "13812345678"),
        ("SZ01-20261123-0999", "13812345678"),
        ("not a number", "13812345678"),
        (number, ""),
    ):
        with pytest.raises(ProgressNotFound) as refused:
            query_progress(manager, *wrong)
        assert refused.value.message == "No ticket matches that number together with that phone number or IMEI."


ACTIONS = st.lists(st.sampled_from(list(Status)), max_size=12)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ACTIONS)
def test_no_sequence_of_moves_reaches_a_state_the_workflow_does_not_allow(manager, clock, targets) -> None:
    number = open_ticket(manager, walk_in(agreement=SIGNED)).number
    expected = Status.RECEIVED
    for target in targets:
        try:
            moves.move_ticket(manager, number, target)
        except TicketError:
            pass
        else:
            assert target in TRANSITIONS[expected]
            expected = target
        assert moves.load(manager, number).status == expected
    events = moves.load(manager, number).events
    for event in events[1:]:
        assert Status(event.to_status) in TRANSITIONS[Status(event.from_status)]
    assert [e.to_status for e in events] == ["received", *[e.to_status for e in events[1:]]]


def test_every_move_is_journaled_with_who_and_when(manager, clock) -> None:
    ticket = open_ticket(manager, walk_in(agreement=SIGNED))
    head = manager.store.journal_head().seq
    moves.move_ticket(manager, ticket.number, "diagnosing", note="back cover loose")
    (entry,) = manager.store.journal_entries(after=head)
    assert (entry.actor, entry.entity, entry.entity_id, entry.action) == ("E1001", "ticket", ticket.id, "move")
    assert entry.at == "2026-11-23T02:00:00.000+00:00"
    assert manager.store.pending_outbox(1000)[-1].payload == {
        "number": ticket.number,
        "from": "received",
        "to": "diagnosing",
        "note": "back cover loose",
        "by": "E1001",  # who, for the same history line on the outlet's other counters
    }
    with pytest.raises(TransitionNotAllowed):
        moves.move_ticket(manager, ticket.number, "collected")
    assert manager.store.journal_head().seq == head + 1  # a refused move writes nothing
