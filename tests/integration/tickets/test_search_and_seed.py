"""Search over a seeded store, and the seed itself: every ticket journaled, statuses reachable."""

from __future__ import annotations

import re

import pytest

from app.core.ticket_numbers import parse_ticket_number, qr_payload
from app.core.workflow import TRANSITIONS, Status
from app.storage import name_search, ticket_repository
from app.storage.journal import verify_chain
from app.storage.schema_tickets import CLOSED_STATUSES_SQL
from app.tickets.intake import open_ticket
from app.tickets.search import SlipNotGenuine, search
from app.tickets.seeding import seed_tickets
from tests.integration.tickets.conftest import walk_in

KEY = b"example-slip-key-0123"
SEEDED = 1_200


@pytest.fixture
def seeded(manager, clock):
    seed_tickets(manager, SEEDED, seed=11, batch_size=500)
    mine = open_ticket(
        manager,
        walk_in(
            service_type="send_in",
            customer_name="Ouyang Xiu",
            customer_phone="13700009876",
            imei="490154203237518",
            imei2="860955027785041",
            customer_address="88 Shennan Road",
            tracking_number="SF998877665544",
        ),
    )
    return manager, mine


def test_the_seed_journals_and_queues_every_ticket(manager, clock) -> None:
    head, outbox = manager.store.journal_head().seq, manager.store.pending_outbox_count()
    assert seed_tickets(manager, 700, seed=3, batch_size=300) == 700
    # one entry per ticket, and one per batch saying its tickets are synthetic
    assert manager.store.journal_head().seq == head + 700 + 3
    assert manager.store.pending_outbox_count() == outbox + 700
    assert verify_chain(manager.store.connection).ok
    numbers = manager.store.query("SELECT number FROM ticket")
    assert len({n for (n,) in numbers}) == 700
    assert all(parse_ticket_number(n) for (n,) in numbers)


def test_seeded_histories_only_use_allowed_moves(manager, clock) -> None:
    seed_tickets(manager, 400, seed=5)
    steps = manager.store.query("SELECT from_status, to_status FROM ticket_event WHERE from_status IS NOT NULL")
    assert steps and all(Status(b) in TRANSITIONS[Status(a)] for a, b in steps)
    statuses = {s for (s,) in manager.store.query("SELECT DISTINCT status FROM ticket")}
    assert {"collected", "received"} <= statuses and statuses <= {s.value for s in Status}


@pytest.mark.parametrize(
    "query",
    [
        "SZ01-20261123-0001",
        "sz01-20261123-0001",
        "490154203237518",
        "237518",
        "860955027785041",
        "785041",
        "13700009876",
        "9876",
        "+86 137 0000 9876",
        "Ouyang",
        "ouyang x",
        "SF998877665544",
    ],
)
def test_each_kind_of_query_finds_the_ticket(seeded, query) -> None:
    manager, mine = seeded
    assert mine.number in [row.number for row in search(manager, query)]


def test_a_slip_qr_code_opens_its_ticket_and_a_forged_one_is_refused(seeded) -> None:
    manager, mine = seeded
    content = qr_payload(parse_ticket_number(mine.number), KEY)
    assert [r.number for r in search(manager, content, slip_key=KEY)] == [mine.number]
    forged = content[:-1] + ("A" if content[-1] != "A" else "B")
    with pytest.raises(SlipNotGenuine):
        search(manager, forged, slip_key=KEY)


def test_search_results_are_bounded_and_a_miss_is_empty(seeded) -> None:
    manager, _ = seeded
    assert len(search(manager, "Wang", limit=20)) == 20
    assert search(manager, "SZ01-20200101-0001") == []
    assert search(manager, "Nobody Here") == []


def test_searches_use_an_index(seeded) -> None:
    manager, _ = seeded
    plans = {
        "imei_tail": "SELECT id FROM ticket WHERE imei_tail = '237518'",
        "phone_tail": "SELECT id FROM ticket WHERE phone_tail = '9876' ORDER BY created_at DESC",
        "tracking": "SELECT id FROM ticket WHERE tracking_number = 'SF1'",
        **{kind: ticket_repository.search_sql(kind) for kind in ticket_repository.SEARCH_WHERE},
        "name prefix": name_search.CANDIDATES_SQL,
        "queue": f"SELECT id FROM ticket WHERE status NOT IN ({CLOSED_STATUSES_SQL}) AND status = 'received'"
        " ORDER BY due_at",
        "queue answered": f"SELECT id FROM ticket WHERE status NOT IN ({CLOSED_STATUSES_SQL})"
        " AND status <> 'received' ORDER BY due_at",
    }
    for name, sql in plans.items():
        params = ("x",) * sql.count("?")
        steps = [str(r[-1]) for r in manager.store.query("EXPLAIN QUERY PLAN " + sql, params)]
        assert not [step for step in steps if re.fullmatch(r"SCAN (t|c|ticket|customer|customer_search_key)", step)], (
            name,
            steps,
        )
        if name in (
            "phone_tail",
            "queue",
            "queue answered",
        ):  # many matches at a million tickets: read in order, never sorted
            assert not [step for step in steps if "TEMP B-TREE" in step], (name, steps)
