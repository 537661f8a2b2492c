"""Report benchmark (issue 16): the monthly report over a store of up to one million tickets.

    python tests/bench/bench_reports.py [--tickets N] [--seed-minutes M] [--data DIR]

Seeds through the seeding service (journal + outbox per ticket) in rounds of 50,000 until N
tickets or M minutes (default 5) are reached, whichever first, and says which; with --data
naming an existing folder its store is reused.  Then, on the same store connection:

* the outlet report of the last full month (by nothing, by technician, service and fault);
* its baseline, the bare SQL aggregate of the same month (`count(*)` over the created_at range);

each the median of 3 runs.  Prints rows `name | value | baseline | ratio`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.accounts import service  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from app.reports.periods import Granularity, split_periods  # noqa: E402
from app.reports.service import outlet_report  # noqa: E402
from app.storage.report_queries import bare_monthly_aggregate  # noqa: E402
from app.storage.sealing import Argon2Params  # noqa: E402
from app.storage.vault import Vault  # noqa: E402
from app.tickets.outlet_clock import OutletClock  # noqa: E402
from app.tickets.seeding import seed_tickets  # noqa: E402

ADMIN, PASSWORD = "E1001", "bench-pass-123"
KDF = Argon2Params(time_cost=1, memory_kib=8192, parallelism=1)
ROUND = 50_000
RUNS = 3


def row(name: str, value: float, baseline: float, unit: str = "ms") -> None:
    ratio = value / baseline if baseline else float("nan")
    print(f"{name} | {value:.3f} {unit} | {baseline:.3f} {unit} | {ratio:.2f}", flush=True)


def median_ms(fn) -> float:
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def open_store(data: Path, tickets: int, minutes: float):
    vault = Vault(DataPaths(data), argon2=KDF)
    if vault.paths.database.exists():
        session = service.sign_in(vault, ADMIN, PASSWORD)
        count = session.store.query_one("SELECT count(*) FROM ticket")[0]  # noqa: S608 - bench, not app code
        print(f"reusing a store of {count:,} tickets", file=sys.stderr)
        return session, count
    first = service.initialise_store(vault, service.OutletInfo("SZ01", "Bench outlet", "CN"), ADMIN, "Bench", PASSWORD)
    start, seeded = time.perf_counter(), 0
    while seeded < tickets and time.perf_counter() - start < minutes * 60:
        seeded += seed_tickets(first.session, min(ROUND, tickets - seeded), seed=2026 + seeded)
        print(f"seeded {seeded:,} in {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - start
    print(f"seeded {seeded:,} tickets in {elapsed:.0f} s ({'all' if seeded >= tickets else 'time cap reached'})")
    return first.session, seeded


def last_full_month(today: date) -> tuple[date, date]:
    end = today.replace(day=1) - timedelta(days=1)
    return end.replace(day=1), end


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--seed-minutes", type=float, default=5.0)
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args()
    data = args.data or Path(tempfile.mkdtemp(prefix="bench-reports-")) / "data"
    session, count = open_store(data, args.tickets, args.seed_minutes)
    try:
        clock = OutletClock.for_region("CN")
        first, last = last_full_month(clock.local(session.store.clock()).date())
        (month,) = split_periods(first, last, Granularity.MONTH, clock.zone)
        received = bare_monthly_aggregate(session.store, month.bounds.start_at, month.bounds.end_at)
        print(f"store: {count:,} tickets; month {month.label}: {received:,} received")
        baseline = median_ms(lambda: bare_monthly_aggregate(session.store, month.bounds.start_at, month.bounds.end_at))
        for by in ("none", "technician", "service", "fault"):
            took = median_ms(lambda by=by: outlet_report(session, first, last, "month", by))
            row(f"monthly report by {by} ({count:,} tickets)", took, baseline)
        took = median_ms(lambda: outlet_report(session, first, last, "day", "none"))
        row(f"month per day ({count:,} tickets)", took, baseline)
    finally:
        session.lock()


if __name__ == "__main__":
    main()
