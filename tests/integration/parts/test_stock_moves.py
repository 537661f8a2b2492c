"""Stock moves on a real SQLCipher store: the stock is the sum of the journaled moves and never negative."""

from __future__ import annotations

import threading

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from app.accounts import service
from app.core.roles import Role
from app.errors import PermissionDenied
from app.parts import stock
from app.parts.errors import NotEnoughStock, StockMoveRefused, UnknownPart
from app.parts.stock import Move
from app.storage import parts_repository

pytestmark = pytest.mark.integration
PARTS = ("SCR-X1", "BAT-X1", "CHG-X1")


def journaled_moves(session) -> int:
    return sum(1 for entry in session.store.journal_entries(limit=100_000) if entry.entity == stock.STOCK_ENTITY)


class StockMachine(RuleBasedStateMachine):
    """Random receives, reserves, releases, uses, returns, transfers, corrections and counts."""

    def __init__(self, session) -> None:
        super().__init__()
        self.session = session
        self.expected = {
            level.part_id: (level.on_hand, level.reserved) for level in parts_repository.stock_levels(session.store)
        }

    def _counts(self, part: str) -> tuple[int, int]:
        return self.expected.get(part, (0, 0))

    def _try(self, move: Move, on_hand_change: int, reserved_change: int) -> None:
        on_hand, reserved = self._counts(move.part_id)
        after = (on_hand + on_hand_change, reserved + reserved_change)
        allowed = after[0] >= 0 and 0 <= after[1] <= after[0]
        try:
            level = stock.make_move(self.session, move)
        except NotEnoughStock:
            assert not allowed, f"{move} refused although {on_hand} on hand, {reserved} reserved"
            return
        assert allowed, f"{move} made although it leaves {after}"
        self.expected[move.part_id] = after
        assert (level.on_hand, level.reserved) == after

    @rule(part=st.sampled_from(PARTS), kind=st.sampled_from(sorted(stock.MOVES)), quantity=st.integers(1, 4))
    def signed_move(self, part: str, kind: str, quantity: int) -> None:
        on_hand_sign, reserved_sign = stock.MOVES[kind]
        self._try(Move(part, kind, quantity, f"test {kind}"), on_hand_sign * quantity, reserved_sign * quantity)

    @rule(part=st.sampled_from(PARTS), change=st.integers(-5, 5).filter(bool))
    def correct(self, part: str, change: int) -> None:
        self._try(Move(part, "correct", change, "miscounted"), change, 0)

    @rule(part=st.sampled_from(PARTS), counted=st.integers(0, 6))
    def count(self, part: str, counted: int) -> None:
        self._try(Move(part, "count", counted, "stock-take"), counted - self._counts(part)[0], 0)

    @invariant()
    def stock_is_the_sum_of_the_moves(self) -> None:
        levels = {level.part_id: level for level in parts_repository.stock_levels(self.session.store)}
        sums = parts_repository.move_sums(self.session.store)
        for part, level in levels.items():
            assert (level.on_hand, level.reserved) == sums.get(part, (0, 0))
            assert level.on_hand >= 0 and 0 <= level.reserved <= level.on_hand
            assert (level.on_hand, level.reserved) == self._counts(part)
        assert journaled_moves(self.session) == len(parts_repository.moves(self.session.store, limit=100_000))


def test_stock_after_any_sequence_equals_the_journal_sum(manager) -> None:
    run_state_machine_as_test(
        lambda: StockMachine(manager),
        settings=settings(
            max_examples=25,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        ),
    )


def test_a_move_is_journaled_with_who_and_why(manager) -> None:
    before = manager.store.journal_head().seq
    stock.make_move(manager, Move("bat-x1", "receive", 3, "delivery 4711"))
    entries = manager.store.journal_entries(after=before)
    assert [(e.actor, e.entity, e.entity_id, e.action) for e in entries] == [
        ("E1001", "part_stock", "BAT-X1", "receive")
    ]
    (move,) = parts_repository.moves(manager.store, "BAT-X1")
    assert (move.actor, move.reason, move.on_hand_change) == ("E1001", "delivery 4711", 3)
    queued = [c for c in manager.store.pending_outbox() if c.entity == "part_stock"]
    assert queued[-1].payload == {
        "part_id": "BAT-X1",
        "on_hand": 3,
        "reserved": 0,
        "available": 3,
        "minimum": 0,
        "move": "receive",
    }


def test_bad_moves_are_refused_and_change_nothing(manager) -> None:
    stock.make_move(manager, Move("SCR-X1", "receive", 1, "delivery"))
    with pytest.raises(UnknownPart):
        stock.make_move(manager, Move("NOPE-1", "receive", 1, "delivery"))
    with pytest.raises(StockMoveRefused) as empty_reason:
        stock.make_move(manager, Move("SCR-X1", "receive", 1, "   "))
    assert empty_reason.value.code == "reason_missing"
    with pytest.raises(StockMoveRefused):
        stock.make_move(manager, Move("SCR-X1", "receive", 0, "delivery"))
    with pytest.raises(NotEnoughStock) as short:
        stock.make_move(manager, Move("SCR-X1", "reserve", 2, "ticket"))
    assert short.value.params == {"part": "SCR-X1", "available": 1, "wanted": 2}
    level = parts_repository.stock_level(manager.store, "SCR-X1")
    assert level is not None and (level.on_hand, level.reserved) == (1, 0)


def test_corrections_and_counts_are_for_managers(vault, manager) -> None:
    service.add_account(manager, "T001", "Tech", Role.TECHNICIAN, "tech-pass-1234")
    technician = service.sign_in(vault, "T001", "tech-pass-1234")
    try:
        stock.make_move(technician, Move("SCR-X1", "receive", 2, "delivery"))
        with pytest.raises(PermissionDenied):
            stock.make_move(technician, Move("SCR-X1", "correct", -1, "dropped"))
        with pytest.raises(PermissionDenied):
            stock.make_move(technician, Move("SCR-X1", "count", 0, "stock-take"))
    finally:
        technician.store.close()


def test_low_stock_lists_parts_below_their_minimum(manager) -> None:
    stock.set_place(manager, "SCR-X1", "A-01", 2)
    stock.make_move(manager, Move("SCR-X1", "receive", 1, "delivery"))
    stock.set_place(manager, "BAT-X1", "B-02", 1)
    stock.make_move(manager, Move("BAT-X1", "receive", 5, "delivery"))
    assert [(level.part_id, level.bin, level.available) for level in stock.low_stock(manager)] == [
        ("SCR-X1", "A-01", 1)
    ]


def test_two_sessions_of_one_process_racing_for_the_last_part_take_it_once(vault, manager) -> None:
    """Two counter windows: two connections to one store; the conditional update lets one win."""
    stock.make_move(manager, Move("CHG-X1", "receive", 1, "delivery"))
    second = service.sign_in(vault, "E1001", "manager-pass-1")
    outcomes: list[str] = []
    start = threading.Barrier(2)

    def reserve(session) -> None:
        start.wait()
        try:
            stock.make_move(session, Move("CHG-X1", "reserve", 1, "window race"))
            outcomes.append("reserved")
        except NotEnoughStock:
            outcomes.append("refused")

    try:
        threads = [threading.Thread(target=reserve, args=(s,)) for s in (manager, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        second.store.close()
    assert sorted(outcomes) == ["refused", "reserved"]
    level = parts_repository.stock_level(manager.store, "CHG-X1")
    assert level is not None and (level.on_hand, level.reserved) == (1, 1)
