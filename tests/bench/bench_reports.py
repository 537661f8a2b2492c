"""Report benchmark (issue 16): the monthly report over a store of up to one million tickets.

    python tests/bench/bench_reports.py [--tickets N] [--data DIR]

Builds a store of N tickets (default one million) by the bulk path the search benchmark uses
(tests/bench/bulk_store.py: real first run and migrations, customers and tickets inserted in one
transaction with the facts a report reads), since seeding a million through the service takes
far longer than the report it is for; with --data naming an existing folder its store is reused.
Then, on the same store connection:

* the outlet report of the last full month (by nothing, by technician, service and fault);
* its baseline, the bare SQL aggregate of the same month (`count(*)` over the created_at range);

* a second baseline: the report's own aggregate queries run bare (no permission check, no
  figure assembly), so the ratio shows what the service adds on top of its SQL;

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

from app.clock import iso  # noqa: E402
from app.reports.periods import Granularity, split_periods  # noqa: E402
from app.reports.service import outlet_report, read_aggregates  # noqa: E402
from app.storage.report_queries import bare_monthly_aggregate  # noqa: E402
from app.tickets.outlet_clock import OutletClock  # noqa: E402
from tests.bench import bulk_store  # noqa: E402

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


def open_store(data: Path, tickets: int):
    if not (data / "counter.db").exists():
        start = time.perf_counter()
        built = bulk_store.build_store(data, tickets)
        took = time.perf_counter() - start
        print(f"built a store of {tickets:,} tickets, {built.customers:,} customers in {took:.0f} s")
    session = bulk_store.sign_in(data)
    count = session.store.query_one("SELECT count(*) FROM ticket")[0]  # noqa: S608 - bench, not app code
    return session, count


def last_full_month(today: date) -> tuple[date, date]:
    end = today.replace(day=1) - timedelta(days=1)
    return end.replace(day=1), end


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args()
    data = args.data or Path(tempfile.mkdtemp(prefix="bench-reports-")) / "data"
    session, count = open_store(data, args.tickets)
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
            queries = median_ms(lambda by=by: read_aggregates(session, [month], by, iso(session.store.clock())))
            row(f"  the same against its bare aggregate queries (by {by})", took, queries)
        took = median_ms(lambda: outlet_report(session, first, last, "day", "none"))
        row(f"month per day ({count:,} tickets)", took, baseline)
    finally:
        session.lock()


if __name__ == "__main__":
    main()
