"""The repair ticket's states and the moves between them.

The allowed moves are one table (`TRANSITIONS`), so the counter queue, the
command line (`ticket move NO STATUS`) and the tests read the same rules.
The ticket service journals every move with who and when; this module only
says whether a move is allowed, and if not, why, in both languages.

Main path::

    received -> diagnosing -> awaiting_approval -> repairing -> quality_check
             -> ready_for_pickup -> collected

Side states: `waiting_for_parts` and `sent_to_repair_centre` (both return to
the main path), `cancelled` and `returned_unrepaired` (both final, like
`collected`).  Choices worth knowing:

* a repair under warranty needs no price approval: `diagnosing -> repairing`;
* a phone handed back unrepaired (no fault found, estimate declined, part
  not available, the repair centre cannot fix it) ends in
  `returned_unrepaired`, which is final: the move is made when the phone
  leaves the outlet;
* once repair work has begun, the ticket cannot be cancelled (the phone has
  been opened); it can still be returned unrepaired;
* a failed quality check goes back to `repairing`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from app.core.localized import LocalizedText as T


class Status(enum.StrEnum):
    """Where a repair ticket is."""

    RECEIVED = "received"
    DIAGNOSING = "diagnosing"
    AWAITING_APPROVAL = "awaiting_approval"
    REPAIRING = "repairing"
    QUALITY_CHECK = "quality_check"
    READY_FOR_PICKUP = "ready_for_pickup"
    COLLECTED = "collected"
    WAITING_FOR_PARTS = "waiting_for_parts"
    SENT_TO_REPAIR_CENTRE = "sent_to_repair_centre"
    CANCELLED = "cancelled"
    RETURNED_UNREPAIRED = "returned_unrepaired"


S = Status

#: Every allowed move; a status missing from the values is reachable only as listed.
TRANSITIONS: Mapping[Status, frozenset[Status]] = MappingProxyType(
    {
        S.RECEIVED: frozenset({S.DIAGNOSING, S.SENT_TO_REPAIR_CENTRE, S.CANCELLED}),
        S.DIAGNOSING: frozenset(
            {
                S.AWAITING_APPROVAL,
                S.REPAIRING,
                S.WAITING_FOR_PARTS,
                S.SENT_TO_REPAIR_CENTRE,
                S.CANCELLED,
                S.RETURNED_UNREPAIRED,
            }
        ),
        S.AWAITING_APPROVAL: frozenset({S.REPAIRING, S.WAITING_FOR_PARTS, S.CANCELLED, S.RETURNED_UNREPAIRED}),
        S.REPAIRING: frozenset({S.QUALITY_CHECK, S.WAITING_FOR_PARTS, S.SENT_TO_REPAIR_CENTRE, S.RETURNED_UNREPAIRED}),
        S.QUALITY_CHECK: frozenset({S.READY_FOR_PICKUP, S.REPAIRING}),
        S.READY_FOR_PICKUP: frozenset({S.COLLECTED}),
        S.WAITING_FOR_PARTS: frozenset({S.REPAIRING, S.AWAITING_APPROVAL, S.CANCELLED, S.RETURNED_UNREPAIRED}),
        S.SENT_TO_REPAIR_CENTRE: frozenset({S.QUALITY_CHECK, S.RETURNED_UNREPAIRED}),
        S.COLLECTED: frozenset(),
        S.CANCELLED: frozenset(),
        S.RETURNED_UNREPAIRED: frozenset(),
    }
)

INITIAL = Status.RECEIVED
#: States with no way out: the ticket is closed.
TERMINAL: frozenset[Status] = frozenset(s for s, exits in TRANSITIONS.items() if not exits)
#: Tickets the counter queue shows (everything not closed).
OPEN: frozenset[Status] = frozenset(Status) - TERMINAL

LABELS: Mapping[Status, T] = MappingProxyType(
    {
        S.RECEIVED: T("已接收", "Received"),
        S.DIAGNOSING: T("检测中", "Diagnosing"),
        S.AWAITING_APPROVAL: T("等待客户确认", "Awaiting customer approval"),
        S.REPAIRING: T("维修中", "Repairing"),
        S.QUALITY_CHECK: T("质检中", "Quality check"),
        S.READY_FOR_PICKUP: T("待取机", "Ready for pickup"),
        S.COLLECTED: T("已取机", "Collected"),
        S.WAITING_FOR_PARTS: T("等待备件", "Waiting for parts"),
        S.SENT_TO_REPAIR_CENTRE: T("已送修理中心", "Sent to repair centre"),
        S.CANCELLED: T("已取消", "Cancelled"),
        S.RETURNED_UNREPAIRED: T("未修复退回", "Returned unrepaired"),
    }
)


class TransitionRefused(ValueError):
    """A move the workflow does not allow; `message` says why in both languages."""

    def __init__(self, current: Status, target: Status, message: T) -> None:
        super().__init__(message.en)
        self.current = current
        self.target = target
        self.message = message


def parse_status(value: str) -> Status:
    """A status from its identifier (as typed on the command line); ValueError otherwise."""
    try:
        return Status(value.strip().lower())
    except ValueError:
        known = ", ".join(s.value for s in Status)
        raise ValueError(f"unknown ticket status {value!r}; known: {known}") from None


def allowed_targets(current: Status) -> frozenset[Status]:
    """Where a ticket in `current` may go next."""
    return TRANSITIONS[current]


def _refusal(current: Status, target: Status) -> T:
    now, then = LABELS[current], LABELS[target]
    if current in TERMINAL:
        return T(
            f"工单已是“{now.zh_CN}”，已结束，不能再更改状态。",
            f"The ticket is {now.en.lower()} and closed; its status cannot change.",
        )
    if current == target:
        return T(f"工单已经是“{now.zh_CN}”。", f"The ticket is already {now.en.lower()}.")
    options_zh = "、".join(f"“{LABELS[s].zh_CN}”" for s in _ordered(TRANSITIONS[current]))
    options_en = ", ".join(LABELS[s].en.lower() for s in _ordered(TRANSITIONS[current]))
    return T(
        f"工单不能从“{now.zh_CN}”改为“{then.zh_CN}”。可以改为：{options_zh}。",
        f"A ticket cannot go from {now.en.lower()} to {then.en.lower()}. It can go to: {options_en}.",
    )


def _ordered(statuses: Iterable[Status]) -> list[Status]:
    order = list(Status)
    return sorted(statuses, key=order.index)


def check_transition(current: Status, target: Status) -> Status:
    """Return `target` if the move is allowed, else raise `TransitionRefused`."""
    if target not in TRANSITIONS[current]:
        raise TransitionRefused(current, target, _refusal(current, target))
    return target


def apply_transitions(targets: Iterable[Status], start: Status = INITIAL) -> Status:
    """Walk a sequence of moves from `start`; the first refused one raises."""
    current = start
    for target in targets:
        current = check_transition(current, target)
    return current
