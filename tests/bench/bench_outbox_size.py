"""The counter store's size per ticket after sync, now that the outbox forgets (issue 13).

    python tests/bench/bench_outbox_size.py [--tickets N]

Seeds N tickets through the service (journal + outbox row each) into a real SQLCipher store,
syncs them through a real `python -m app upstream` on loopback, and prints the store's bytes
per ticket:

* baseline: the same store before the sync, every payload still in the outbox, which is what
  the store kept after a sync before the outbox forgot (it only set `sent_at` then);
* after sync: acknowledged rows keep op_id, seq and digest, their payloads are dropped.

"live" counts the pages in use ((page_count - freelist_count) x page_size): the freed pages are
reused by the next writes, so that is what the store grows by.  "file" is the file (+ WAL) as it
stands, and after VACUUM.  Rows: `name | value | baseline | ratio`.  Target: < 1.5 KB a ticket.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from bench_sync import UpstreamProcess  # noqa: E402

from app.accounts import service  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from app.storage.sealing import Argon2Params  # noqa: E402
from app.storage.vault import Vault  # noqa: E402
from app.sync import service as sync  # noqa: E402
from app.tickets.seeding import seed_tickets  # noqa: E402

ADMIN, PASSWORD = "E1001", "bench-pass-123"
KDF = Argon2Params(time_cost=1, memory_kib=8192, parallelism=1)
TARGET_BYTES = 1536


def row(name: str, value: float, baseline: float, unit: str = "B") -> None:
    ratio = value / baseline if baseline else float("nan")
    print(f"{name} | {value:,.0f} {unit} | {baseline:,.0f} {unit} | {ratio:.2f}", flush=True)


def live_bytes(session) -> int:  # noqa: ANN001 - a signed-in Session
    pragma = {name: int(session.store.query(f"PRAGMA {name}")[0][0]) for name in ("page_count", "freelist_count")}
    size = int(session.store.query("PRAGMA page_size")[0][0])
    return (pragma["page_count"] - pragma["freelist_count"]) * size


def file_bytes(session, vault: Vault) -> int:  # noqa: ANN001
    """The database file once its WAL is checkpointed into it and truncated."""
    session.store.query("PRAGMA wal_checkpoint(TRUNCATE)")
    return vault.paths.database.stat().st_size


def outbox_bytes(session) -> int:  # noqa: ANN001
    """The outbox's own share (pending rows and done records), from column sizes (no dbstat in SQLCipher)."""
    common = "length(op_id) + length(entity_id) + length(action) + 16"
    pending = session.store.query(
        f"SELECT coalesce(sum({common} + length(entity) + length(payload) + length(created_at)"
        " + coalesce(length(sent_at), 0)), 0) FROM outbox"
    )[0][0]
    done = session.store.query(  # sent_at as milliseconds: a 6-byte integer (length() would count its digits)
        f"SELECT coalesce(sum({common} + coalesce(length(digest), 0) + 6), 0) FROM outbox_done"
    )[0][0]
    return int(pending) + int(done)


def table_bytes(session) -> dict[str, int]:  # noqa: ANN001
    """Column bytes per table (rows only; indexes and page slack come on top), to show where the rest is."""
    sizes = {}
    for (table,) in session.store.query("SELECT name FROM sqlite_master WHERE type = 'table'"):
        columns = [r[1] for r in session.store.query(f'PRAGMA table_info("{table}")')]
        if not columns:
            continue
        total = " + ".join(f'coalesce(length("{c}"), 0)' for c in columns)
        sizes[table] = int(session.store.query(f'SELECT coalesce(sum({total}), 0) FROM "{table}"')[0][0])
    return sizes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rc-bench-outbox-") as folder:
        base = Path(folder)
        vault = Vault(DataPaths(base / "data"), argon2=KDF)
        info = service.OutletInfo("SZ01", "Bench outlet", "CN")
        session = service.initialise_store(vault, info, ADMIN, "Bench", PASSWORD).session
        start = time.perf_counter()
        seed_tickets(session, args.tickets, seed=2026)
        print(f"# seeded {args.tickets:,} tickets in {time.perf_counter() - start:.0f} s", flush=True)
        before = (live_bytes(session), file_bytes(session, vault), outbox_bytes(session))

        (base / "upstream").mkdir()
        with UpstreamProcess(base / "upstream") as upstream:
            sync.enroll(session, upstream.url, upstream.code)
            start = time.perf_counter()
            report = sync.sync_once(session)
            print(f"# synced in {time.perf_counter() - start:.0f} s: {report.as_json()}", flush=True)
        after = (live_bytes(session), file_bytes(session, vault), outbox_bytes(session))
        tables = table_bytes(session)
        session.store.connection.execute("VACUUM")
        vacuumed = file_bytes(session, vault)
        session.lock()

    n = args.tickets
    print(f"# {n:,} tickets; baseline = the same store before sync (payloads kept); target < {TARGET_BYTES} B")
    print("name | value | baseline | ratio")
    row("store per ticket after sync, live pages", after[0] / n, before[0] / n)
    row("store per ticket after sync, file", after[1] / n, before[1] / n)
    row("store per ticket after sync and VACUUM, file", vacuumed / n, before[1] / n)
    row("outbox per ticket (column bytes)", after[2] / n, before[2] / n)
    for table, size in sorted(tables.items(), key=lambda item: -item[1])[:8]:
        print(f"# after sync, {table}: {size / n:,.0f} B a ticket in row data (indexes not counted)")
    verdict = "under" if after[0] / n < TARGET_BYTES else "OVER"
    print(f"# live bytes per ticket after sync: {after[0] / n:,.0f} B, {verdict} the {TARGET_BYTES} B target")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
