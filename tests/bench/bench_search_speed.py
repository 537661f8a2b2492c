"""Name, pinyin and initials search at one million tickets, and every search on first touch (issue 23).

    python tests/bench/bench_search_speed.py [--tickets N] [--data DIR]

The store is built by a bulk path in this file, not by `repair-counter seed`: seeding a million
tickets through the service (journal and outbox per ticket) takes over six minutes on a quiet
machine and far longer on the shared 2-core one, and the searches read only customers, tickets
and the name keys.  So customers and tickets go in with one `executemany` each inside one
transaction, on a store made by the real first run (real SQLCipher, real migrations), and the
name keys are then made by the real backfill of migration 13 (`name_search.backfill`), which is
timed too.  Names: two thirds Chinese (common surnames and given names, as the counter sees
them), one third Latin pinyin.  A customer has 1-3 tickets.

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
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pypinyin import lazy_pinyin  # noqa: E402

from app.accounts import service  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from app.storage import name_search, ticket_repository  # noqa: E402
from app.storage.sealing import Argon2Params  # noqa: E402
from app.storage.vault import Vault  # noqa: E402
from app.tickets.search import DEFAULT_LIMIT, search  # noqa: E402
from app.tickets.synthetic import luhn_imei  # noqa: E402
from tests.bench.timing import p50_ms, row  # noqa: E402

ADMIN, PASSWORD = "E1001", "bench-pass-123"
KDF = Argon2Params(time_cost=1, memory_kib=8192, parallelism=1)
SAMPLES = 200
HAN_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
HAN_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力斌宇浩凯鹏飞鑫波晶欣怡雪梅琳丹宁晨阳佳颖"
LATIN_SURNAMES = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma"]
LATIN_GIVEN = ["Wei", "Fang", "Na", "Min", "Jing", "Lei", "Yan", "Jun", "Tao", "Ming", "Xiu", "Hui", "Qiang"]


def customer_name(rng: random.Random) -> str:
    if rng.random() < 2 / 3:
        given = "".join(rng.choice(HAN_GIVEN) for _ in range(rng.choice((1, 2, 2))))
        return rng.choice(HAN_SURNAMES) + given
    return f"{rng.choice(LATIN_SURNAMES)} {rng.choice(LATIN_GIVEN)}"


def bulk_rows(
    count: int, outlet_id: str, rng: random.Random
) -> tuple[list[tuple[Any, ...]], Iterator[tuple[Any, ...]]]:
    """(customers, tickets): about one customer per two tickets, tickets spread over two years."""
    now = datetime(2026, 11, 23, tzinfo=UTC)
    customers: list[tuple[Any, ...]] = []
    while len(customers) * 2 < count:
        phone = f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
        at = (now - timedelta(minutes=rng.randrange(730 * 24 * 60))).isoformat(timespec="milliseconds")
        customers.append((str(uuid.uuid4()), customer_name(rng), phone, at, at))

    def tickets() -> Iterator[tuple[Any, ...]]:
        per_day: dict[str, int] = {}
        for _ in range(count):
            customer = customers[rng.randrange(len(customers))]
            created = (now - timedelta(minutes=rng.randrange(730 * 24 * 60))).isoformat(timespec="milliseconds")
            imei = luhn_imei(rng)
            day = created[:10].replace("-", "")
            per_day[day] = per_day.get(day, 0) + 1
            yield (
                str(uuid.uuid4()),
                f"SZ01-{day}-{per_day[day]:04d}",
                outlet_id,
                customer[0],
                "maintenance",
                "collected" if rng.random() < 0.97 else "received",
                3,
                "PHN110",
                imei,
                "cracked screen",
                ADMIN,
                created,
                created,
                created,
                imei[-6:],
                customer[2][-4:],
            )

    return customers, tickets()


def build_store(data: Path, count: int) -> None:
    vault = Vault(DataPaths(data), argon2=KDF)
    first = service.initialise_store(vault, service.OutletInfo("SZ01", "Bench outlet", "CN"), ADMIN, "Bench", PASSWORD)
    store = first.session.store
    outlet_id = store.query_one("SELECT id FROM outlet")[0]
    customers, tickets = bulk_rows(count, outlet_id, random.Random(2026))
    conn = store.connection
    start = time.perf_counter()
    conn.execute("PRAGMA cache_size = -1048576")
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        "INSERT INTO customer (id, name, phone, created_at, last_contact_at) VALUES (?, ?, ?, ?, ?)", customers
    )
    conn.executemany(
        "INSERT INTO ticket (id, number, outlet_id, customer_id, service_type, status, priority, device_model, imei,"
        " fault, created_by, created_at, updated_at, due_at, imei_tail, phone_tail)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        tickets,
    )
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('name_keys_backfill', 'pending')")
    conn.execute("COMMIT")
    inserted = time.perf_counter() - start
    start = time.perf_counter()
    keyed = name_search.backfill(conn)
    backfill = time.perf_counter() - start
    print(f"# bulk insert {count:,} tickets, {len(customers):,} customers: {inserted:.0f} s", file=sys.stderr)
    row(f"backfill name keys of {keyed:,} customers (once, after migration 13)", backfill, inserted, "s")
    first.session.lock()


def sign_in(data: Path) -> Any:
    return service.sign_in(Vault(DataPaths(data), argon2=KDF), ADMIN, PASSWORD)


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
