"""The outlet hub (issue 22): how soon a change at one counter shows at another, and replication speed.

    python tests/bench/bench_hub.py [--operations N] [--latency-samples N]

Everything on loopback, real SQLCipher stores, the hub over TLS in this process's thread.

1. Latency: counter A changes a weekday's hours and runs one hub round; counter B runs one round;
   the time until B's replica holds the value, median over the samples.  Baseline: the same
   change's local commit alone (what the person at A waits for anyway).
2. Replication: a counter with N queued operations (seeded tickets) pushes them through the hub
   and two other counters pull and apply them all.  Baseline: the same counter's outbox pushed
   by the ordinary relay to the region's upstream (the single-counter push), from a copy of the
   same store.  The ratio says what a second and third replica cost over pushing once.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT)]

from app.accounts import service  # noqa: E402
from app.hub.server import HubServer, hub_key, issue_join_code  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from app.storage import replica_repository  # noqa: E402
from app.storage.sealing import Argon2Params  # noqa: E402
from app.storage.vault import Vault  # noqa: E402
from app.sync import hub_client  # noqa: E402
from app.sync import service as sync  # noqa: E402
from app.tickets.outlet_calendar import set_hours  # noqa: E402
from app.tickets.seeding import seed_tickets  # noqa: E402
from app.upstream.enrolment import issue_enrol_code  # noqa: E402
from app.upstream.loopback import LoopbackUpstream  # noqa: E402
from tests.bench.timing import row  # noqa: E402

FAST_KDF = Argon2Params(time_cost=1, memory_kib=8192, parallelism=1)
ADMIN, PASSWORD = "E1001", "manager-pass-1"
PASSPHRASE = "bench-hub-passphrase"
OUTLET = service.OutletInfo("SZ01", "Bench outlet", "CN", "")


def new_counter(root: Path, name: str) -> service.Session:
    vault = Vault(DataPaths(root / f"counter-{name}"), argon2=FAST_KDF)
    return service.initialise_store(vault, OUTLET, ADMIN, "Bench", PASSWORD).session


def sign_in(root: Path) -> service.Session:
    return service.sign_in(Vault(DataPaths(root), argon2=FAST_KDF), ADMIN, PASSWORD)


def join(session: service.Session, hub: HubServer, name: str) -> None:
    code, fingerprint = issue_join_code(hub.folder, hub.key, name)
    hub_client.join(session, hub.url, name, code, fingerprint)


def latency(root: Path, samples: int) -> None:
    with HubServer(root / "hub-latency", "SZ01", hub_key(root / "hub-latency", PASSPHRASE, FAST_KDF)) as hub:
        a, b = new_counter(root / "lat", "A"), new_counter(root / "lat", "B")
        join(a, hub, "A")
        join(b, hub, "B")
        visible, commits = [], []
        for n in range(samples):
            hours = f"09:{n % 60:02d}-18:00"
            start = time.perf_counter()
            set_hours(a, "mon", hours)
            commits.append(time.perf_counter() - start)
            hub_client.hub_sync_once(a)
            hub_client.hub_sync_once(b)
            visible.append(time.perf_counter() - start)
            entity = replica_repository.find_by_field(b.store, "outlet_calendar", "hours", hours)
            assert entity, "the change did not reach counter B"
        a.lock()
        b.lock()
    row(
        "hub change visible at another counter (p50)",
        statistics.median(visible) * 1000,
        statistics.median(commits) * 1000,
    )


def replication(root: Path, operations: int) -> None:
    source = new_counter(root / "rep", "A")
    seed_tickets(source, operations, batch_size=1000)
    queued = source.store.pending_outbox_count()
    source.lock()
    shutil.copytree(root / "rep" / "counter-A", root / "rep" / "counter-A-region")

    with LoopbackUpstream(f"sqlite:///{root / 'region.db'}") as region:
        alone = sign_in(root / "rep" / "counter-A-region")
        sync.enroll(alone, region.url, issue_enrol_code(region.store, "SZ01"))
        start = time.perf_counter()
        sync.sync_once(alone)
        baseline = time.perf_counter() - start
        alone.lock()

    with HubServer(root / "hub-rep", "SZ01", hub_key(root / "hub-rep", PASSPHRASE, FAST_KDF)) as hub:
        a = sign_in(root / "rep" / "counter-A")
        b, c = new_counter(root / "rep", "B"), new_counter(root / "rep", "C")
        for session, name in ((a, "A"), (b, "B"), (c, "C")):
            join(session, hub, name)
        start = time.perf_counter()
        hub_client.hub_sync_once(a)
        hub_client.hub_sync_once(b)
        hub_client.hub_sync_once(c)
        through_hub = time.perf_counter() - start
        counts = [replica_repository.applied_count(s.store) for s in (b, c)]
        for session in (a, b, c):
            session.lock()
    assert min(counts) >= queued, counts  # each also holds the other new counter's few set-up operations
    row(f"{queued} operations replicated to two counters via the hub (s)", through_hub, baseline, unit="s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--operations", type=int, default=100_000, help="tickets seeded (one operation each)")
    parser.add_argument("--latency-samples", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-hub-") as folder:
        root = Path(folder)
        latency(root, args.latency_samples)
        replication(root, args.operations)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
