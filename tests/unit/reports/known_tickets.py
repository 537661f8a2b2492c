"""A hand-built week of tickets at a Shanghai counter whose report figures are known by hand.

The outlet opens Monday to Friday 09:00-18:00 (Asia/Shanghai, UTC+8) and is
closed for a holiday on Tuesday 1 December 2026.  Report range: Monday 30 November
to Sunday 6 December; the report is read on Friday 4 December at 12:00.

=====  ====  ==========  ===========  ==  =====================  ===================================
no.    tech  service     fault        P   received (local)       what happened (local times)
=====  ====  ==========  ===========  ==  =====================  ===================================
T1     E1001 maintenance screen       2   Mon 30 Nov 17:00       due Wed 10:00 (1 h Mon, holiday
                                                                  Tue, 1 h Wed); answered Wed 09:30
                                                                  (met only because of the holiday);
                                                                  collected Wed 15:00 (2,760 min)
T2     E1001 maintenance screen       1   Wed 2 Dec 10:00        due 10:30, answered 10:45 (missed);
                                                                  failed quality check once;
                                                                  collected 16:00 (360 min)
T3     E2002 send_in     battery      3   Thu 3 Dec 09:00        same IMEI as T1: a repeat; due Mon
                                                                  7 Dec 15:00, unanswered: pending
T4     E2002 maintenance battery      2   Thu 3 Dec 10:00        answered 10:30 (met); returned
                                                                  unrepaired 12:00 (120 min)
T5     E1001 maintenance screen       4   Fri 4 Dec 09:00        cancelled 09:10 (answer, met)
T6     E2002 maintenance no_charge    1   Mon 30 Nov 10:00       due 10:30, never answered: missed
T7     E2002 maintenance screen       3   Mon 30 Nov 11:00       answered 11:30 (met); collected
                                                                  Fri 4 Dec 10:00 (5,700 min)
=====  ====  ==========  ===========  ==  =====================  ===================================

Battery verdicts: T2 free replacement (Wed 11:00), T4 paid replacement (Thu 10:20);
T6's diagnostics were declined (Mon 10:05).  Data-subject requests: an access
request for T7's customer on Mon 30 Nov 12:00 answered Wed 2 Dec 12:00
(2,880 min, on time), an erasure request for T4's customer on Thu 3 Dec 11:00, open.

Every customer's name carries MARKER_NAME, every phone and IMEI is listed in
MARKER_VALUES, so a test can scan any output for them.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from app.accounts.session import Session
from app.core.deadlines import BusinessCalendar, parse_hours
from app.core.identifiers import luhn_check_digit
from app.privacy import requests
from app.storage import diagnostics_repository, staff_repository, ticket_repository
from app.storage.ticket_records import NewTicket
from app.tickets.outlet_clock import OutletClock
from tests.fixtures_store import SettableClock

SHANGHAI = ZoneInfo("Asia/Shanghai")
HOLIDAY = date(2026, 12, 1)
FIRST_DAY, LAST_DAY = date(2026, 11, 30), date(2026, 12, 6)
MARKER_NAME = "Qmarkername"
_WEEKDAY = parse_hours("09:00-18:00")
CALENDAR = BusinessCalendar({d: _WEEKDAY for d in range(5)}, holidays=frozenset({HOLIDAY}))
OUTLET_CLOCK = OutletClock(SHANGHAI, CALENDAR)
READ_AT = datetime(2026, 12, 4, 12, 0, tzinfo=SHANGHAI)


def _imei(n: int) -> str:
    body = f"35791{n}4682{n}0{n}5"  # distinctive digits, so a scan for them cannot hit a count by chance
    return body + str(luhn_check_digit(body))


def _phone(n: int) -> str:
    return f"13{n}7{n}58{n}4{n}2"


SHARED_IMEI = _imei(1)
PHONES = [_phone(n) for n in range(1, 8)]
IMEIS = [SHARED_IMEI, _imei(2), SHARED_IMEI, _imei(4), _imei(5), _imei(6), _imei(7)]
#: What must never appear in a report: names, phones, IMEIs and the IMEI tails the counter shows.
MARKER_VALUES = [MARKER_NAME, *PHONES, *sorted(set(IMEIS)), *sorted({i[-6:] for i in IMEIS})]


def local(day: int, hour: int, minute: int = 0, month: int = 12) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=SHANGHAI)


#: (tech, service, fault, priority, received, moves as (status, local time)).
PLAN = [
    (
        "E1001",
        "maintenance",
        "screen",
        2,
        local(30, 17, month=11),
        [
            ("diagnosing", local(2, 9, 30)),
            ("repairing", local(2, 11)),
            ("quality_check", local(2, 13)),
            ("ready_for_pickup", local(2, 14)),
            ("collected", local(2, 15)),
        ],
    ),
    (
        "E1001",
        "maintenance",
        "screen",
        1,
        local(2, 10),
        [
            ("diagnosing", local(2, 10, 45)),
            ("repairing", local(2, 11, 30)),
            ("quality_check", local(2, 12)),
            ("repairing", local(2, 13)),
            ("quality_check", local(2, 14)),
            ("ready_for_pickup", local(2, 15)),
            ("collected", local(2, 16)),
        ],
    ),
    ("E2002", "send_in", "battery_drain", 3, local(3, 9), []),
    (
        "E2002",
        "maintenance",
        "battery_drain",
        2,
        local(3, 10),
        [("diagnosing", local(3, 10, 30)), ("returned_unrepaired", local(3, 12))],
    ),
    ("E1001", "maintenance", "screen", 4, local(4, 9), [("cancelled", local(4, 9, 10))]),
    ("E2002", "maintenance", "no_charge", 1, local(30, 10, month=11), []),
    (
        "E2002",
        "maintenance",
        "screen",
        3,
        local(30, 11, month=11),
        [
            ("diagnosing", local(30, 11, 30, month=11)),
            ("repairing", local(1, 10)),
            ("quality_check", local(3, 10)),
            ("ready_for_pickup", local(3, 11)),
            ("collected", local(4, 10)),
        ],
    ),
]


def build(session: Session, clock: SettableClock) -> list[str]:
    """Write the week into the session's store; returns the ticket numbers T1..T7."""
    outlet = staff_repository.outlet(session.store)
    assert outlet is not None
    numbers = [_open(session, clock, outlet.code, n, plan) for n, plan in enumerate(PLAN)]
    for n, (tech, *_, moves) in enumerate(PLAN):
        _move(session, clock, tech, numbers[n], moves)
    _battery(session, clock, numbers)
    _requests(session, clock, numbers)
    clock.now = READ_AT
    return numbers


def _open(session: Session, clock: SettableClock, code: str, n: int, plan: tuple) -> str:
    tech, service, fault, priority, received, _ = plan
    clock.now = received
    new = NewTicket(
        service_type=service,
        customer_name=f"{MARKER_NAME} {n}",
        customer_phone=PHONES[n],
        device_model="PHN110",
        imei=IMEIS[n],
        fault="hand-built",
        priority=priority,
        fault_category=fault,
    )
    due = OUTLET_CLOCK.due_at(received, priority).isoformat(timespec="milliseconds")
    with session.store.transaction(tech) as work:
        customer = ticket_repository.save_customer(work, new, None)
        number = ticket_repository.next_ticket_number(work, code, f"{received:%Y%m%d}")
        ticket = ticket_repository.insert_ticket(work, number, customer, new, due_at=due)
        # The payload the intake service records (app/tickets/intake.py), which is what syncs upstream.
        work.record(
            "ticket",
            ticket.id,
            "create",
            {"number": number, "customer": customer, "due_at": due, **new.journal_change()},
        )
    return number


def _move(session: Session, clock: SettableClock, tech: str, number: str, moves: list) -> None:
    row = ticket_repository.ticket_by_number(session.store, number)
    assert row is not None
    current = "received"
    for status, at in moves:
        clock.now = at
        with session.store.transaction(tech) as work:
            assert ticket_repository.set_status(work, row.id, current, status, "")
            # As app/tickets/moves.py records a move.
            work.record("ticket", row.id, "move", {"number": number, "from": current, "to": status, "note": ""})
        current = status


def _battery(session: Session, clock: SettableClock, numbers: list[str]) -> None:
    for number, advice, at, status in (
        (numbers[1], "free_replacement", local(2, 11), "complete"),
        (numbers[3], "paid_replacement", local(3, 10, 20), "complete"),
        (numbers[5], None, local(30, 10, 5, month=11), "declined"),
    ):
        clock.now = at
        with session.store.transaction("E2002") as work:
            consent = diagnostics_repository.insert_consent(
                work,
                text_id="diagnostics",
                text_version=1,
                language="en",
                categories=("battery",),
                customer_name=f"{MARKER_NAME} consent",
                ticket_number=number,
                method="tick",
                signature_png=None,
            )
            run = diagnostics_repository.insert_run(
                work,
                consent_id=consent.id,
                ticket_number=number,
                transport="usb",
                functions=("battery",),
                categories=("battery",),
                refused=(),
                tool_package=None,
                tool_required_version=None,
            )
            if advice:
                diagnostics_repository.insert_battery(
                    work,
                    run,
                    advice=advice,
                    health_percent=72.0,
                    health_basis="diagnostic_tool",
                    in_warranty=advice == "free_replacement",
                    readings={},
                )
            diagnostics_repository.finish_run(work, run, status)


def _requests(session: Session, clock: SettableClock, numbers: list[str]) -> None:
    clock.now = local(30, 12, month=11)
    access = requests.new_request_for_ticket(session, "access", numbers[6], "ID card shown")
    clock.now = local(2, 12)
    requests.close_request(session, access.number, "done", "export handed over")
    clock.now = local(3, 11)
    requests.new_request_for_ticket(session, "erasure", numbers[3], "ID card shown")


def minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)
