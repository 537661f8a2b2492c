"""`repair-counter seed --tickets N`: a store full of realistic tickets, fast.

One million tickets must go in in under ten minutes, so tickets are written
in batches of a few thousand per transaction; each ticket still gets its
journal entry and its outbox row, exactly as a ticket opened at the counter.
Tickets are spread over the past two years (so no day runs out of the
4-digit sequence), and each has a status reached by allowed moves: old ones
closed, recent ones anywhere on the way.  Recent tickets carry their full
history; older ones their first and last step (their middle is not what a
demo or a benchmark looks at).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from app.accounts.session import Session
from app.core.roles import Permission
from app.core.workflow import TERMINAL, Status
from app.errors import UsageError
from app.storage import staff_repository, ticket_repository
from app.storage.store import UnitOfWork
from app.storage.ticket_records import Agreement, NewTicket
from app.tickets.outlet_clock import OutletClock
from app.tickets.synthetic import synthetic_ticket
from app.tickets.warranty_check import check_warranty, shipped_reference, verdict_record

log = logging.getLogger(__name__)

#: Tickets per transaction.  Big on purpose: each commit rewrites every index page its rows touched
#: (random keys: UUIDs, phones, IMEIs), so fewer, larger commits write far fewer pages per ticket.
BATCH = 50_000
#: Page cache while seeding, so the indexes of a million tickets stay in memory.
SEED_CACHE_MIB = 1024
MAX_SEED = 5_000_000
SPREAD_DAYS = 730
FULL_HISTORY_DAYS = 30
S = Status
#: Ways a ticket's life goes, as the moves made (each allowed by app.core.workflow).
PATHS: tuple[tuple[Status, ...], ...] = (
    (S.DIAGNOSING, S.REPAIRING, S.QUALITY_CHECK, S.READY_FOR_PICKUP, S.COLLECTED),
    (S.DIAGNOSING, S.AWAITING_APPROVAL, S.REPAIRING, S.QUALITY_CHECK, S.READY_FOR_PICKUP, S.COLLECTED),
    (S.DIAGNOSING, S.WAITING_FOR_PARTS, S.REPAIRING, S.QUALITY_CHECK, S.READY_FOR_PICKUP, S.COLLECTED),
    (S.SENT_TO_REPAIR_CENTRE, S.QUALITY_CHECK, S.READY_FOR_PICKUP, S.COLLECTED),
    (S.DIAGNOSING, S.AWAITING_APPROVAL, S.RETURNED_UNREPAIRED),
    (S.CANCELLED,),
)
PATH_WEIGHTS = (50, 20, 8, 8, 9, 5)
#: Seeded tickets carry a signed agreement (version 1, signed by the customer at intake).
SEED_SIGNATURE = "0" * 64


@dataclass(frozen=True)
class SeedTicket:
    new: NewTicket
    received: datetime
    moves: tuple[Status, ...]


def _plan(rng: random.Random, now: datetime) -> SeedTicket:
    age = timedelta(minutes=rng.randrange(SPREAD_DAYS * 24 * 60))
    received = now - age
    new = synthetic_ticket(rng, received.date())
    new = replace(new, agreement=Agreement("service_agreement", 1, "zh_CN", new.customer_name, SEED_SIGNATURE))
    path = rng.choices(PATHS, PATH_WEIGHTS)[0]
    if age < timedelta(days=14):  # recent: somewhere on its way, possibly still just received
        path = path[: rng.randrange(len(path))]
    return SeedTicket(new, received, path)


def plans(count: int, seed: int, now: datetime) -> Iterator[SeedTicket]:
    rng = random.Random(seed)
    for _ in range(count):
        yield _plan(rng, now)


def _write(
    session: Session, outlet: staff_repository.Outlet, clock: OutletClock, batch: list[SeedTicket], now: datetime
) -> None:
    reference = shipped_reference()
    numbers: list[str] = []
    with session.store.transaction(session.actor) as work:
        for plan in sorted(batch, key=lambda p: p.received):  # neighbouring numbers and times: fewer pages
            received = plan.received
            at = received.isoformat(timespec="milliseconds")
            day = f"{clock.local(received):%Y%m%d}"
            customer_id = ticket_repository.save_customer(work, plan.new, None)
            number = ticket_repository.next_ticket_number(work, outlet.code, day)
            status = plan.moves[-1].value if plan.moves else "received"
            due = clock.due_at(received, plan.new.priority).isoformat(timespec="milliseconds")
            warranty = check_warranty(
                reference, outlet.region, plan.new.imei, plan.new.purchase_date, clock.local(received).date()
            )
            ticket = ticket_repository.insert_ticket(
                work,
                number,
                customer_id,
                plan.new,
                status=status,
                due_at=due,
                created_at=at,
                warranty=verdict_record(warranty),
            )
            _history(work, ticket.id, plan, now)
            work.record(
                "ticket",
                ticket.id,
                "seed",
                {
                    "number": number,
                    "customer": customer_id,
                    "status": status,
                    "due_at": due,
                    **plan.new.journal_change(),
                },
            )
            numbers.append(number)
        # the journal says which tickets are synthetic, so nobody takes them for real customers
        work.record(SYNTHETIC_ENTITY, numbers[0], "seed", {"synthetic": True, "tickets": numbers}, upstream=False)


SYNTHETIC_ENTITY = "synthetic_tickets"


def _history(work: UnitOfWork, ticket_id: str, plan: SeedTicket, now: datetime) -> None:
    if not plan.moves:
        return
    full = now - plan.received < timedelta(days=FULL_HISTORY_DAYS)
    steps = plan.moves if full else plan.moves[-1:]
    previous = "received" if full else (plan.moves[-2].value if len(plan.moves) > 1 else "received")
    span = min(now - plan.received, timedelta(days=3)) / (len(steps) + 1)
    moments = []
    for index, step in enumerate(steps, start=1):
        at = (plan.received + span * index).isoformat(timespec="milliseconds")
        ticket_repository.add_event(work, ticket_id, previous, step.value, "" if full else "seeded", at=at)
        previous = step.value
        moments.append(at)
    closed = plan.moves[-1] in TERMINAL
    ticket_repository.set_report_facts(
        work, ticket_id, responded_at=moments[0], closed_at=moments[-1] if closed else None, qc_failed=False
    )


def seed_tickets(
    session: Session,
    count: int,
    seed: int = 7,
    *,
    progress: Callable[[int], None] | None = None,
    batch_size: int = BATCH,
) -> int:
    """Add `count` synthetic tickets; returns how many were added (managers only)."""
    session.require(Permission.SEED_SYNTHETIC)
    if not 0 < count <= MAX_SEED:
        raise UsageError(f"Seed between 1 and {MAX_SEED:,} tickets.")
    outlet = staff_repository.outlet(session.store)
    if outlet is None:
        raise UsageError("This store has no outlet yet.")
    clock, now = OutletClock.for_region(outlet.region), session.store.clock()
    with ticket_repository.large_page_cache(session.store, SEED_CACHE_MIB):
        done = _seed_batches(session, outlet, clock, plans(count, seed, now), now, batch_size, progress)
    log.info("seeded %d tickets", done)
    return done


def _seed_batches(
    session: Session,
    outlet: staff_repository.Outlet,
    clock: OutletClock,
    planned: Iterator[SeedTicket],
    now: datetime,
    batch_size: int,
    progress: Callable[[int], None] | None,
) -> int:
    batch: list[SeedTicket] = []
    done = 0
    for plan in planned:
        batch.append(plan)
        if len(batch) >= batch_size:
            _write(session, outlet, clock, batch, now)
            done += len(batch)
            batch = []
            if progress:
                progress(done)
    if batch:
        _write(session, outlet, clock, batch, now)
        done += len(batch)
    return done
