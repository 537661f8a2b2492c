"""The ticket workflow (issue 5 item 3): allowed moves as data, refused moves explained."""

from __future__ import annotations

import re
from collections import deque

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from app.core.workflow import (
    INITIAL,
    LABELS,
    OPEN,
    TERMINAL,
    TRANSITIONS,
    Status,
    TransitionRefused,
    allowed_targets,
    apply_transitions,
    check_transition,
    parse_status,
)

S = Status
HAPPY_PATH = [S.DIAGNOSING, S.AWAITING_APPROVAL, S.REPAIRING, S.QUALITY_CHECK, S.READY_FOR_PICKUP, S.COLLECTED]


def _reachable(start: Status) -> set[Status]:
    seen, queue = {start}, deque([start])
    while queue:
        for target in TRANSITIONS[queue.popleft()]:
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def test_the_happy_path_is_allowed() -> None:
    assert apply_transitions(HAPPY_PATH) is S.COLLECTED


@pytest.mark.parametrize(
    "path",
    [
        [
            S.DIAGNOSING,
            S.REPAIRING,
            S.WAITING_FOR_PARTS,
            S.REPAIRING,
            S.QUALITY_CHECK,
            S.REPAIRING,
            S.QUALITY_CHECK,
            S.READY_FOR_PICKUP,
            S.COLLECTED,
        ],
        [S.SENT_TO_REPAIR_CENTRE, S.QUALITY_CHECK, S.READY_FOR_PICKUP, S.COLLECTED],
        [S.DIAGNOSING, S.AWAITING_APPROVAL, S.RETURNED_UNREPAIRED],
        [S.CANCELLED],
    ],
)
def test_side_paths_end_closed(path: list[Status]) -> None:
    assert apply_transitions(path) in TERMINAL


def test_the_side_and_main_states_are_those_of_the_issue() -> None:
    assert {s.value for s in Status} == {
        "received",
        "diagnosing",
        "awaiting_approval",
        "repairing",
        "quality_check",
        "ready_for_pickup",
        "collected",
        "waiting_for_parts",
        "sent_to_repair_centre",
        "cancelled",
        "returned_unrepaired",
    }
    assert TERMINAL == {S.COLLECTED, S.CANCELLED, S.RETURNED_UNREPAIRED}
    assert OPEN == set(Status) - TERMINAL


def test_every_state_is_reachable_and_every_open_state_can_close() -> None:
    assert _reachable(INITIAL) == set(Status)
    for status in OPEN:
        assert _reachable(status) & TERMINAL, f"{status} is a dead end"


def test_no_state_moves_to_itself() -> None:
    assert all(status not in targets for status, targets in TRANSITIONS.items())


def test_a_refused_move_says_why_in_both_languages() -> None:
    with pytest.raises(TransitionRefused) as caught:
        check_transition(S.RECEIVED, S.COLLECTED)
    refusal = caught.value
    assert (refusal.current, refusal.target) == (S.RECEIVED, S.COLLECTED)
    assert "cannot go from received to collected" in refusal.message.en
    assert "diagnosing" in refusal.message.en
    assert "已接收" in refusal.message.zh_CN and "已取机" in refusal.message.zh_CN
    assert str(refusal) == refusal.message.en


def test_a_closed_ticket_says_it_is_closed() -> None:
    with pytest.raises(TransitionRefused, match="closed") as caught:
        check_transition(S.COLLECTED, S.REPAIRING)
    assert "已结束" in caught.value.message.zh_CN


def test_cancel_is_refused_once_the_phone_is_opened() -> None:
    with pytest.raises(TransitionRefused):
        apply_transitions([S.DIAGNOSING, S.REPAIRING, S.CANCELLED])


def test_parse_status() -> None:
    assert parse_status(" Ready_For_Pickup ") is S.READY_FOR_PICKUP
    with pytest.raises(ValueError, match="known: received"):
        parse_status("lost")


def test_labels_cover_every_state_in_both_languages() -> None:
    assert set(LABELS) == set(Status)
    assert all(re.search(r"[\u4e00-\u9fff]", label.zh_CN) for label in LABELS.values())


@given(st.lists(st.sampled_from(list(Status)), max_size=40))
def test_any_sequence_either_follows_the_table_or_stops_at_the_first_bad_move(moves: list[Status]) -> None:
    current = INITIAL
    for move in moves:
        if move in allowed_targets(current):
            current = check_transition(current, move)
        else:
            with pytest.raises(TransitionRefused):
                check_transition(current, move)
    assert current in _reachable(INITIAL)


class TicketMachine(RuleBasedStateMachine):
    """Random moves, allowed or not, against a ticket; the invariants must hold after each."""

    def __init__(self) -> None:
        super().__init__()
        self.status = INITIAL
        self.history = [INITIAL]

    @rule(wanted=st.sampled_from(list(Status)))
    def move(self, wanted: Status) -> None:
        target = wanted
        before = self.status
        try:
            self.status = check_transition(self.status, target)
            self.history.append(self.status)
        except TransitionRefused as refused:
            assert target not in TRANSITIONS[before]
            assert refused.current is before
            assert self.status is before

    @invariant()
    def every_step_was_allowed(self) -> None:
        for before, after in zip(self.history, self.history[1:], strict=False):
            assert after in TRANSITIONS[before]

    @invariant()
    def closed_tickets_stay_closed(self) -> None:
        closed_at = next((i for i, s in enumerate(self.history) if s in TERMINAL), None)
        if closed_at is not None:
            assert closed_at == len(self.history) - 1
            assert allowed_targets(self.status) == frozenset()


TestTicketMachine = TicketMachine.TestCase
