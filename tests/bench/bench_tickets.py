"""Ticket benchmarks (issue 5) at one million tickets, on a real SQLCipher store.

    python tests/bench/bench_tickets.py [--tickets N] [--data DIR]

* seeding N tickets through the service (journal + outbox per ticket), against the 10-minute target;
* search by ticket number, IMEI and phone last 4 through the service: p50, and its ratio to the same
  raw SQL on the same store connection (the baseline measured in this run);
* opening a ticket (everything the detail page shows): p50 against the 50 ms target, and the ratio
  to the bare row read;
* the counter queue with 500 open tickets, painted (QueuePage filled and grabbed offscreen).

With --data pointing at an existing folder the store there is reused (seeding is then not timed).
Prints rows `name | value | baseline | ratio`.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.accounts import service  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from app.storage import ticket_repository  # noqa: E402
from app.storage.sealing import Argon2Params  # noqa: E402
from app.storage.vault import Vault  # noqa: E402
from app.tickets import moves  # noqa: E402
from app.tickets.search import DEFAULT_LIMIT, search  # noqa: E402
from app.tickets.seeding import seed_tickets  # noqa: E402
from tests.bench.timing import p50_ms, row  # noqa: E402

ADMIN, PASSWORD = "E1001", "bench-pass-123"
KDF = Argon2Params(time_cost=1, memory_kib=8192, parallelism=1)
SAMPLES = 300
RAW_ROW = (
    "SELECT t.id, t.number, t.status, t.service_type, t.priority, c.name, c.phone, t.device_model, t.imei,"
    " t.fault, t.created_at, t.due_at FROM ticket t LEFT JOIN customer c ON c.id = t.customer_id"
)


def open_store(data: Path, tickets: int):
    vault = Vault(DataPaths(data), argon2=KDF)
    if (data / "counter.db").exists() or vault.paths.database.exists():
        return service.sign_in(vault, ADMIN, PASSWORD), None
    first = service.initialise_store(vault, service.OutletInfo("SZ01", "Bench outlet", "CN"), ADMIN, "Bench", PASSWORD)
    start = time.perf_counter()
    seed_tickets(
        first.session,
        tickets,
        seed=2026,
        progress=lambda done: print(f"\rseeded {done:,}", end="", file=sys.stderr, flush=True),
    )
    print(file=sys.stderr)
    return first.session, time.perf_counter() - start


def bench_search(session, picks: list[tuple]) -> None:
    """Each search through the service, and the very statement it runs, as raw SQL on the same connection."""
    store = session.store
    names = [
        r[0]
        for r in store.query(
            "SELECT c.name FROM customer c WHERE c.rowid IN (" + ",".join(str(7 * i + 1) for i in range(60)) + ")"
        )
    ]
    cases = {
        "ticket number": ("ticket", [n for n, _, _ in picks]),
        "IMEI": ("imei", [i for _, i, _ in picks]),
        "phone last 4": ("phone_tail", [p[-4:] for _, _, p in picks]),
        "customer name (informational, no target)": ("name", names),
    }
    for label, (kind, values) in cases.items():
        sql = ticket_repository.search_sql(kind)
        raw_args = [(sql, ticket_repository.search_args(kind, v, DEFAULT_LIMIT)) for v in values]
        service_args = [(session, v) for v in values]
        cold = p50_ms(lambda s, q: search(s, q), service_args)  # first touch: pages read and decrypted
        p50_ms(store.query, raw_args)
        service_ms = p50_ms(lambda s, q: search(s, q), service_args)
        raw_ms = p50_ms(store.query, raw_args)
        row(f"search by {label} p50, warm (target < 5 ms) vs the same SQL raw", service_ms, raw_ms)
        row(f"search by {label} p50, first touch vs warm", cold, service_ms)


def bench_open(session, picks: list[tuple]) -> None:
    args = [(session, n) for n, _, _ in picks]
    p50_ms(moves.load, args[:20])
    opened = p50_ms(moves.load, args)
    bare = p50_ms(lambda s, n: s.store.query(RAW_ROW + " WHERE t.number = ?", (n,)), args)
    row("open a ticket p50 (target < 50 ms) vs bare row read", opened, bare)


def bench_queue(session) -> None:
    from PySide6.QtWidgets import QApplication

    from app.tickets.queue import counter_queue
    from app.ui.pages.queue_page import QueuePage

    app = QApplication.instance() or QApplication([])
    page = QueuePage()
    page.resize(1200, 800)
    page.show()
    samples, bare = [], []
    for _ in range(7):
        start = time.perf_counter()
        page.show_session(session)
        page.grab()  # paint it
        app.processEvents()
        samples.append(time.perf_counter() - start)
        start = time.perf_counter()
        counter_queue(session)
        bare.append(time.perf_counter() - start)
    shown = page.model.rowCount()
    row(
        f"queue of {shown} open tickets painted (target < 300 ms) vs its query",
        statistics.median(samples) * 1000,
        statistics.median(bare) * 1000,
    )
    page.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args()
    data = args.data or Path(tempfile.mkdtemp(prefix="bench-tickets-")) / "data"
    session, seeding = open_store(data, args.tickets)
    count = session.store.query_one("SELECT count(*) FROM ticket")[0]
    print(f"# store {data}: {count:,} tickets", file=sys.stderr)
    if seeding is not None:
        row(f"seed {args.tickets:,} tickets (target 600 s)", seeding, 600.0, "s")
    rng = random.Random(5)
    picks = [
        tuple(r)
        for r in session.store.query(
            "SELECT t.number, t.imei, c.phone FROM ticket t JOIN customer c ON c.id = t.customer_id"
            " WHERE t.rowid IN (" + ",".join(str(rng.randrange(1, count + 1)) for _ in range(SAMPLES)) + ")"
        )
    ]
    bench_search(session, picks)
    bench_open(session, picks)
    bench_queue(session)
    session.lock()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
