"""Name, pinyin and initials search at one million tickets, and every search on first touch (issue 23).

    python tests/bench/bench_search_speed.py [--tickets N] [--data DIR]

The store is built by the bulk path of tests/bench/bulk_store.py, not by `repair-counter seed`
(the searches read only customers, tickets and the name keys); the real backfill of migration 13
that makes the name keys is timed too.

Each search is timed through the service (`app.tickets.search.search`) and, in the same run, as
its raw SQL on the same connection.  The name search is also shown against the LIKE statement it
replaced.  "First touch" reopens the store (an empty page cache: every page read is decrypted
again) before each kind of search.  Prints rows `name | value | baseline | ratio`.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pypinyin import lazy_pinyin  # noqa: E402

from app.storage import ticket_repository  # noqa: E402
from app.tickets.search import DEFAULT_LIMIT, search  # noqa: E402
from tests.bench import bulk_store  # noqa: E402
from tests.bench.timing import p50_ms, row  # noqa: E402

SAMPLES = 200


def build_store(data: Path, count: int) -> None:
    built = bulk_store.build_store(data, count)
    label = f"backfill name keys of {built.keyed:,} customers (once, after migration 13)"
    row(label, built.backfill_s, built.insert_s, "s")


sign_in = bulk_store.sign_in


def name_queries(session: Any, rng: random.Random) -> dict[str, list[str]]:
    """Names, pinyin and initials of customers picked at random, as the counter types them."""
    count = session.store.query_one("SELECT max(rowid) FROM customer")[0]
    picks = ",".join(str(rng.randrange(1, count + 1)) for _ in range(SAMPLES * 2))
    names = [r[0] for r in session.store.query(f"SELECT name FROM customer WHERE rowid IN ({picks}) AND name <> ''")]
    han = [n for n in names if not n.isascii()][:SAMPLES]
    return {
        "name (as typed: 王芳 / Wang Fang)": names[:SAMPLES],
        "pinyin in full (wangfang)": ["".join(lazy_pinyin(n)) for n in han],
        "initials (wf)": ["".join(s[0] for s in lazy_pinyin(n)) for n in han],
    }


def bench_names(session: Any, queries: dict[str, list[str]]) -> None:
    store = session.store
    sql = ticket_repository.search_sql("name")
    for label, values in queries.items():
        raw = [(sql, ticket_repository.search_args("name", v, DEFAULT_LIMIT)) for v in values]
        service_args = [(session, v) for v in values]
        p50_ms(lambda s, q: search(s, q), service_args)  # warm
        service_ms = p50_ms(lambda s, q: search(s, q), service_args)
        raw_ms = p50_ms(store.query, raw)
        row(f"search by {label} p50 (target < 5 ms) vs its raw SQL", service_ms, raw_ms)
    like_sql = f"{ticket_repository._TICKET_SELECT} {ticket_repository.NAME_LIKE_WHERE} LIMIT ?"
    latin = [v for v in queries["name (as typed: 王芳 / Wang Fang)"] if v.isascii()][:40]
    like_ms = p50_ms(store.query, [(like_sql, (v + "%", DEFAULT_LIMIT, DEFAULT_LIMIT)) for v in latin])
    keyed_ms = p50_ms(lambda s, q: search(s, q), [(session, v) for v in latin])
    row("search by a Latin name p50: key table vs the LIKE prefix it replaced", keyed_ms, like_ms)


def other_queries(session: Any, rng: random.Random) -> dict[str, list[str]]:
    count = session.store.query_one("SELECT max(rowid) FROM ticket")[0]
    picks = ",".join(str(rng.randrange(1, count + 1)) for _ in range(SAMPLES))
    rows = session.store.query(
        "SELECT t.number, t.imei, c.phone FROM ticket t JOIN customer c ON c.id = t.customer_id"
        f" WHERE t.rowid IN ({picks})"
    )
    return {
        "ticket number": [r[0] for r in rows],
        "IMEI": [r[1] for r in rows],
        "IMEI last 6": [r[1][-6:] for r in rows],
        "phone": [r[2] for r in rows],
        "phone last 4": [r[2][-4:] for r in rows],
    }


def read_through(path: Path) -> None:
    """Bring the file into the OS page cache, as any earlier use of the store would have."""
    with path.open("rb") as f:
        while f.read(1 << 20):
            pass


def bench_first_touch(data: Path, queries: dict[str, list[str]]) -> None:
    """Each kind on a freshly opened store (SQLCipher's page cache empty: every page read is decrypted
    again), then warm.  The OS cache holds the file: on a cold OS cache (after a reboot) each page is a
    disk read, 5-15 ms each on this virtual disk, which no query plan avoids."""
    read_through(data / "counter.db")
    for label, values in queries.items():
        session = sign_in(data)
        try:
            cold = p50_ms(lambda s, q: search(s, q), [(session, v) for v in values])
            warm = p50_ms(lambda s, q: search(s, q), [(session, v) for v in values])
        finally:
            session.lock()
        row(f"search by {label} p50, first touch after opening the store (target < 5 ms) vs warm", cold, warm)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args()
    data = args.data or Path(tempfile.mkdtemp(prefix="bench-search-")) / "data"
    if not (data / "counter.db").exists():
        build_store(data, args.tickets)
    rng = random.Random(5)
    session = sign_in(data)
    print(f"# store {data}: {session.store.query_one('SELECT count(*) FROM ticket')[0]:,} tickets", file=sys.stderr)
    names, others = name_queries(session, rng), other_queries(session, rng)
    session.lock()
    bench_first_touch(data, {**others, **{k: v[:60] for k, v in names.items()}})
    session = sign_in(data)
    try:
        bench_names(session, names)
    finally:
        session.lock()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
