"""Storage benchmarks (issues 2, 23): raw-key open, Argon2id unlock, one ticket write with journal and
outbox, and that write as a ratio to a bare sqlcipher3 insert in the same run and settings.

The write is measured twice: the unit of work alone (customer, ticket row, journal entry, outbox
row in one transaction: the write path) and a ticket opened through the service (plus validation,
the returning-customer match and the warranty verdict).  Service write, unit of work and bare insert
take turns, ticket by ticket, so a burst of load on the shared machine hits all three alike.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import sqlcipher3  # noqa: E402  (the baseline: bare SQLCipher with the same pragmas)

from app.accounts import service  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from app.storage import staff_repository, ticket_repository  # noqa: E402
from app.storage.vault import Vault  # noqa: E402
from app.tickets.intake import open_ticket  # noqa: E402
from app.tickets.synthetic import synthetic_tickets  # noqa: E402

WRITES = 400
WARMUP = 30


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[18]


def timed(fn, repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


class BareTable:
    """The baseline: one row into a bare sqlcipher3 table, its own transaction, the same pragmas."""

    def __init__(self, path: Path, key: bytes) -> None:
        self.conn = sqlcipher3.connect(str(path), isolation_level=None)
        self.conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        self.conn.execute("PRAGMA journal_mode = WAL").fetchone()
        self.conn.execute("PRAGMA synchronous = FULL")
        self.conn.execute("CREATE TABLE t (id TEXT, name TEXT, phone TEXT, model TEXT, imei TEXT, fault TEXT)")
        self.count = 0

    def insert(self, r) -> None:
        self.count += 1
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)",
            (str(self.count), r.customer_name, r.customer_phone, r.device_model, r.imei, r.fault),
        )
        self.conn.execute("COMMIT")


def unit_of_work_write(session, outlet, new) -> None:
    """The write path alone: customer, ticket row, journal entry and outbox row in one transaction."""
    with session.store.transaction(session.actor) as work:
        customer_id = ticket_repository.save_customer(work, new, None)
        number = ticket_repository.next_ticket_number(work, outlet.code)
        ticket = ticket_repository.insert_ticket(work, number, customer_id, new)
        work.record("ticket", ticket.id, "create", {"number": number, "customer": customer_id, **new.journal_change()})


def write_samples(session, bare: BareTable, rows: list) -> tuple[list[float], list[float], list[float]]:
    """(service, unit of work, bare) per write, interleaved so each sees the same load on the shared machine."""
    outlet = staff_repository.outlet(session.store)
    service_times, uow_times, bare_times = [], [], []
    for new in rows:
        start = time.perf_counter()
        open_ticket(session, new)
        service_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        unit_of_work_write(session, outlet, new)
        uow_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        bare.insert(new)
        bare_times.append(time.perf_counter() - start)
    return service_times, uow_times, bare_times


def bare_keyed_open(path: Path, key: bytes) -> None:
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        vault = Vault(DataPaths(Path(tmp) / "data"))  # the production Argon2id cost
        first = service.initialise_store(vault, service.OutletInfo("SZ01", "Bench", "CN"), "E1", "", "bench-password")
        session = first.session
        key = session.store.key
        rows = synthetic_tickets(WRITES + WARMUP)
        bare_table = BareTable(Path(tmp) / "bare.db", key)
        write_samples(session, bare_table, rows[:WARMUP])  # statements prepared, pages cached
        write, uow, bare = write_samples(session, bare_table, rows[WARMUP:])
        bare_table.conn.close()
        session.lock()

        opens = timed(lambda: vault.open_with_raw_key(key).close(), 50)
        bare_opens = timed(lambda: bare_keyed_open(Path(tmp) / "bare.db", key), 50)
        unlocks = timed(lambda: service.sign_in(vault, "E1", "bench-password").lock(), 7)

    med_open, med_bare_open = statistics.median(opens), statistics.median(bare_opens)
    print(
        f"open with raw key (median, target < 5 ms) | {ms(med_open)} | {ms(med_bare_open)} bare keyed open"
        f" | {med_open / med_bare_open:.1f}"
    )
    print(f"unlock with Argon2id (median, target 150-500 ms) | {ms(statistics.median(unlocks))} | - | -")
    for label, samples in (
        ("ticket row + journal + outbox, one transaction (target <= 2x)", uow),
        ("open a ticket through the service (validation, customer match, warranty, write)", write),
    ):
        for stat, fn in (("median", statistics.median), ("p95", p95)):
            value, baseline = fn(samples), fn(bare)
            print(f"{label}, {stat} | {ms(value)} | {ms(baseline)} bare insert {stat} | {value / baseline:.2f}")


if __name__ == "__main__":
    main()
