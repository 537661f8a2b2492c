"""Setting a ticket's fault category after intake (the tickets service behind an accepted fault suggestion)."""

from __future__ import annotations

import pytest

from app.sync.policy import LOCAL_ACTION, outbound_item, policy_for_region
from app.sync.store_source import StoreOutbox
from app.tickets import moves
from app.tickets.errors import FaultCategoryRefused
from app.tickets.fault_category import set_fault_category
from app.tickets.intake import open_ticket
from tests.integration.tickets.conftest import SIGNED, walk_in

pytestmark = pytest.mark.integration
BASIS = {"diagnostics_run": "run-1", "findings": ["touch_failure"]}


def _category_changes(manager) -> list[dict]:
    return [item.payload for item in manager.store.pending_outbox(1000) if item.action == "fault_category"]


def test_a_new_category_is_stored_journaled_and_queued_once(manager) -> None:
    number = open_ticket(manager, walk_in(fault_category="other", agreement=SIGNED)).number
    detail = set_fault_category(manager, number, "screen", BASIS)
    assert detail.fault_category == "screen" == moves.load(manager, number).fault_category
    set_fault_category(manager, number, "screen", BASIS)  # the category it has: nothing new to record
    assert _category_changes(manager) == [
        {"number": number, "from": "other", "to": "screen", "basis": BASIS, "fault_category": "screen"}
    ]


def test_an_unknown_category_and_a_closed_ticket_are_refused_and_nothing_changes(manager) -> None:
    number = open_ticket(manager, walk_in(fault_category="other", agreement=SIGNED)).number
    with pytest.raises(FaultCategoryRefused) as unknown:
        set_fault_category(manager, number, "broken_somehow", BASIS)
    assert unknown.value.code == "unknown_fault_category"
    moves.move_ticket(manager, number, "cancelled")
    with pytest.raises(FaultCategoryRefused) as closed:
        set_fault_category(manager, number, "screen", BASIS)
    assert closed.value.code == "fault_category_ticket_closed" and closed.value.params["current"] == "cancelled"
    assert moves.load(manager, number).fault_category == "other" and _category_changes(manager) == []


def test_the_change_leaves_for_the_upstream_under_the_shipped_policy(manager) -> None:
    """A ticket change the region's allow-list names: the category and its basis leave, nothing else."""
    number = open_ticket(manager, walk_in(fault_category="other", agreement=SIGNED)).number
    set_fault_category(manager, number, "screen", {**BASIS, "suggestion_rank": 1, "note": "Zhang Wei 13812345678"})
    queued = next(
        i for i in StoreOutbox(manager.store).pending(1000) if i.payload.get(LOCAL_ACTION) == "fault_category"
    )
    sent = outbound_item(queued, policy_for_region("CN"))
    assert sent is not None and sent.entity == "ticket"
    assert {k: v for k, v in sent.payload.items() if k != LOCAL_ACTION} == {
        "number": number,
        "from": "other",
        "to": "screen",
        "basis": {**BASIS, "suggestion_rank": 1},  # a field the policy does not name stays at the counter
    }
