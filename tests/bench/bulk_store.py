"""A store of a million tickets in minutes, for the benchmarks that read tickets (not itself a benchmark).

Seeding a million tickets through the service (journal and outbox per ticket) takes over six
minutes on a quiet machine and far longer on the shared 2-core one, and neither the searches
(bench_search_speed.py) nor the reports (bench_reports.py) read the journal or the outbox.  So
customers and tickets go in with one `executemany` each inside one transaction, on a store made by
the real first run (real SQLCipher, real migrations), and the name keys are then made by the real
backfill of migration 13 (`name_search.backfill`).

Names: two thirds Chinese (common surnames and given names, as the counter sees them), one third
Latin pinyin.  A customer has 1-3 tickets.  Tickets spread over the two years before 2026-11-23,
each with the facts a report reads (service type, fault category, priority, technician, deadline,
first response, closing) drawn from a second random stream, so the identifiers the searches look
for are the same whatever the report columns hold.
"""

from __future__ import annotations

import random
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.accounts import service
from app.paths import DataPaths
from app.storage import name_search
from app.storage.sealing import Argon2Params
from app.storage.stored_time import time_ms
from app.storage.vault import Vault
from app.tickets.synthetic import FAULTS, SERVICE_TYPES, luhn_imei

ADMIN, PASSWORD = "E1001", "bench-pass-123"
KDF = Argon2Params(time_cost=1, memory_kib=8192, parallelism=1)
#: The newest ticket's day; tickets go back two years from it.
NEWEST = datetime(2026, 11, 23, tzinfo=UTC)
SPREAD_MINUTES = 730 * 24 * 60
HAN_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
HAN_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力斌宇浩凯鹏飞鑫波晶欣怡雪梅琳丹宁晨阳佳颖"
LATIN_SURNAMES = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma"]
LATIN_GIVEN = ["Wei", "Fang", "Na", "Min", "Jing", "Lei", "Yan", "Jun", "Tao", "Ming", "Xiu", "Hui", "Qiang"]
TECHNICIANS = [ADMIN, "E1002", "E1003", "E1004", "E1005"]
#: Hours to the response deadline by priority (1 = most urgent), as the after-sales guide's levels.
DEADLINE_HOURS = {1: 0.5, 2: 2, 3: 24, 4: 72}
CLOSED = ("collected", "collected", "collected", "collected", "returned_unrepaired", "cancelled")
TICKET_COLUMNS = (
    "id, number, customer_id, service_type, status, priority, device_model, imei, fault, created_by,"
    " created_at, updated_at, due_at, imei_tail, phone_tail, fault_category, responded_at, closed_at, qc_failed,"
    " repeat_visit, came_back"
)


@dataclass(frozen=True)
class Built:
    customers: int
    insert_s: float
    backfill_s: float
    keyed: int


def customer_name(rng: random.Random) -> str:
    if rng.random() < 2 / 3:
        given = "".join(rng.choice(HAN_GIVEN) for _ in range(rng.choice((1, 2, 2))))
        return rng.choice(HAN_SURNAMES) + given
    return f"{rng.choice(LATIN_SURNAMES)} {rng.choice(LATIN_GIVEN)}"


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


def _ms(moment: datetime) -> int:
    """A moment as the store keeps it (app/storage/stored_time.py: integer milliseconds)."""
    return int(time_ms(_iso(moment)))


def _report_facts(rng: random.Random, created: datetime) -> tuple[Any, ...]:
    """(service_type, status, priority, created_by, due_at, fault_category, responded_at, closed_at,
    qc_failed, repeat_visit, came_back) of one ticket, as a counter's month would have them."""
    priority = rng.choice((1, 2, 3, 3, 3, 4))
    due = created + timedelta(hours=DEADLINE_HOURS[priority])
    responded = created + timedelta(minutes=rng.randrange(5, 60 * 30))
    age = NEWEST - created
    closed = (
        None if age < timedelta(days=14) and rng.random() < 0.5 else responded + timedelta(hours=rng.randrange(1, 96))
    )
    status = rng.choice(CLOSED) if closed else rng.choice(("received", "diagnosing", "repairing", "ready_for_pickup"))
    return (
        rng.choice(SERVICE_TYPES),
        status,
        priority,
        rng.choice(TECHNICIANS),
        _ms(due),
        rng.choice(FAULTS)[0],
        _ms(responded),
        _ms(closed) if closed else None,
        int(rng.random() < 0.03),
        int(rng.random() < 0.05),
        int(rng.random() < 0.05),
    )


def bulk_rows(
    count: int, rng: random.Random, facts: random.Random
) -> tuple[list[tuple[Any, ...]], Iterator[tuple[Any, ...]]]:
    """(customers, tickets): about one customer per two tickets, tickets spread over two years.
    `rng` draws who and which phone (what the searches look for), `facts` what the reports count."""
    customers: list[tuple[Any, ...]] = []
    while len(customers) * 2 < count:
        phone = f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
        at = _ms(NEWEST - timedelta(minutes=rng.randrange(SPREAD_MINUTES)))
        customers.append((str(uuid.uuid4()), customer_name(rng), phone, at, at))

    def tickets() -> Iterator[tuple[Any, ...]]:
        per_day: dict[str, int] = {}
        for _ in range(count):
            customer = customers[rng.randrange(len(customers))]
            moment = NEWEST - timedelta(minutes=rng.randrange(SPREAD_MINUTES))
            imei = luhn_imei(rng)
            day = _iso(moment)[:10].replace("-", "")
            per_day[day] = per_day.get(day, 0) + 1
            service_type, status, priority, by, due, category, responded, closed, *flags = _report_facts(facts, moment)
            yield (
                str(uuid.uuid4()),
                f"SZ01-{day}-{per_day[day]:04d}",
                customer[0],
                service_type,
                status,
                priority,
                "PHN110",
                imei,
                "cracked screen",
                by,
                _ms(moment),
                closed or _ms(moment),
                due,
                imei[-6:],
                customer[2][-4:],
                category,
                responded,
                closed,
                *flags,
            )

    return customers, tickets()


def build_store(data: Path, count: int) -> Built:
    """A signed-out store of `count` tickets in `data`, made by the real first run and bulk inserts."""
    vault = Vault(DataPaths(data), argon2=KDF)
    first = service.initialise_store(vault, service.OutletInfo("SZ01", "Bench outlet", "CN"), ADMIN, "Bench", PASSWORD)
    store = first.session.store
    customers, tickets = bulk_rows(count, random.Random(2026), random.Random(16))
    conn = store.connection
    start = time.perf_counter()
    conn.execute("PRAGMA cache_size = -1048576")
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        "INSERT INTO customer (id, name, phone, created_at, last_contact_at) VALUES (?, ?, ?, ?, ?)", customers
    )
    marks = ", ".join("?" * len(TICKET_COLUMNS.split(",")))
    conn.executemany(f"INSERT INTO ticket ({TICKET_COLUMNS}) VALUES ({marks})", tickets)  # noqa: S608 - fixed text
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('name_keys_backfill', 'pending')")
    conn.execute("COMMIT")
    inserted = time.perf_counter() - start
    start = time.perf_counter()
    keyed = name_search.backfill(conn)
    backfill = time.perf_counter() - start
    print(f"# bulk insert {count:,} tickets, {len(customers):,} customers: {inserted:.0f} s", file=sys.stderr)
    first.session.lock()
    return Built(len(customers), inserted, backfill, keyed)


def sign_in(data: Path) -> Any:
    return service.sign_in(Vault(DataPaths(data), argon2=KDF), ADMIN, PASSWORD)
