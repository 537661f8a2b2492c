"""Push throughput: 100,000 operations through the relay, against bare httpx posting the same bytes.

    python tests/bench/bench_sync.py [--operations N] [--batch N] [--rounds N] [--postgres]

Both runs go to a fresh embedded (SQLite) upstream (with --postgres: a fresh database in a
throwaway PostgreSQL cluster) started with `repair-counter upstream` in
its own process, over loopback.  The baseline posts the relay's exact request bodies,
encoded before the clock starts, from a plain httpx client: the upstream's own work is the
same in both, so the ratio is what the relay adds (reading the outbox, policy, validation,
encoding, checking acknowledgements, marking rows sent).  Prints
`name | value | baseline | ratio` rows; the target is a ratio >= 0.7.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
HELPERS = ROOT / "tests" / "integration" / "upstream"
sys.path[:0] = [str(ROOT), str(HELPERS)]

from upstream_harness import TRANSPORT_POLICY, PostgresCluster, free_port, postgres_bin_dir  # noqa: E402
from upstream_sqlite_outbox import SqliteOutbox  # noqa: E402

from app.sync.relay import SyncRelay, encode_batch  # noqa: E402
from app.sync.transport import UpstreamEndpoint  # noqa: E402
from app.upstream.enrolment import issue_enrol_code  # noqa: E402
from app.upstream.storage import open_upstream_store  # noqa: E402

OUTLET = "SZ01"


class UpstreamProcess:
    """`repair-counter upstream` on a fresh SQLite file, in its own process."""

    def __init__(self, folder: Path, db: str | None = None) -> None:
        self.db = db or f"sqlite:///{folder / 'upstream.db'}"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.folder = folder

    def __enter__(self) -> UpstreamProcess:
        store = open_upstream_store(self.db)
        self.code = issue_enrol_code(store, OUTLET)
        store.close()
        command = [
            sys.executable,
            "-m",
            "app",
            "upstream",
            "--db",
            self.db,
            "--port",
            str(self.port),
            "--signing-key",
            str(self.folder / "signing-key.pem"),
        ]
        self.process = subprocess.Popen(
            command, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{self.url}/openapi.json", timeout=1)
                return self
            except httpx.TransportError:
                time.sleep(0.1)
        self.process.kill()
        raise RuntimeError("upstream did not start")

    def __exit__(self, *_: object) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)

    def token(self) -> str:
        from app.sync.relay import enrol

        return enrol(UpstreamEndpoint(self.url), OUTLET, self.code)[0].token


def fill(outbox: SqliteOutbox, count: int) -> None:
    rng = random.Random(1)
    records = [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(max(1, count // 4))]
    outbox.add_many(
        [
            (
                "ticket",
                records[rng.randrange(len(records))],
                "upsert",
                {"n": n, "status": "repairing", "model": "X1 Pro", "fault": "screen", "price": 899},
            )
            for n in range(count)
        ]
    )


def bare_httpx(folder: Path, outbox: SqliteOutbox, batch: int, db: str | None) -> tuple[float, int]:
    items = outbox.pending(10**9)
    bodies = [encode_batch(items[i : i + batch]) for i in range(0, len(items), batch)]
    with UpstreamProcess(folder, db) as upstream:
        headers = {"authorization": f"Bearer {upstream.token()}", "content-type": "application/json"}
        with httpx.Client(base_url=upstream.url, headers=headers, timeout=60) as client:
            start = time.perf_counter()
            for body in bodies:
                client.post(f"/v1/outlets/{OUTLET}/push", content=body).raise_for_status()
            elapsed = time.perf_counter() - start
    return elapsed, sum(len(b) for b in bodies)


def relay_push(folder: Path, outbox: SqliteOutbox, batch: int, db: str | None) -> tuple[float, int]:
    with UpstreamProcess(folder, db) as upstream:
        with SyncRelay(
            outbox, UpstreamEndpoint(upstream.url), OUTLET, upstream.token(), batch_size=batch, policy=TRANSPORT_POLICY
        ) as relay:
            start = time.perf_counter()
            pushed, _, _ = relay.push_pending()
            elapsed = time.perf_counter() - start
    return elapsed, pushed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--operations", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=2, help="alternating runs per side; the best counts")
    parser.add_argument("--postgres", action="store_true", help="upstream on a throwaway PostgreSQL cluster")
    args = parser.parse_args()
    cluster = None
    if args.postgres:
        bin_dir = postgres_bin_dir()
        if bin_dir is None:
            print("PostgreSQL binaries absent: apt-get install -y postgresql", file=sys.stderr)
            return 2
        cluster = PostgresCluster.start(bin_dir)
    try:
        return run(args, cluster)
    finally:
        if cluster is not None:
            cluster.stop()


def run(args: argparse.Namespace, cluster: PostgresCluster | None) -> int:
    """Alternate baseline and relay runs (fresh upstream each) and keep each side's best,
    so a burst of load from elsewhere on the machine does not decide the ratio."""
    label = "postgres" if cluster else "sqlite"
    bare_times: list[float] = []
    relay_times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as temp:
        base = Path(temp)
        outbox = SqliteOutbox(base / "outbox.db")
        fill(outbox, args.operations)
        for round_ in range(args.rounds):
            for side in ("bare", "relay"):
                folder = base / f"{side}{round_}"
                folder.mkdir()
                db = cluster.database(f"bench_{side}{round_}") if cluster else None
                outbox.conn.execute("UPDATE outbox SET sent = 0")  # the same operations again
                if side == "bare":
                    seconds, body_bytes = bare_httpx(folder, outbox, args.batch, db)
                    bare_times.append(seconds)
                else:
                    seconds, pushed = relay_push(folder, outbox, args.batch, db)
                    assert pushed == args.operations, f"relay pushed {pushed} of {args.operations}"
                    relay_times.append(seconds)
        outbox.close()
    bare_seconds, relay_seconds = min(bare_times), min(relay_times)
    bare_rate = args.operations / bare_seconds
    relay_rate = args.operations / relay_seconds
    print("name | value | baseline | ratio")
    print(
        f"push ops/s ({label}, {args.operations} ops, batch {args.batch}, best of {args.rounds}) | "
        f"{relay_rate:.0f} | {bare_rate:.0f} | {relay_rate / bare_rate:.2f}"
    )
    print(f"push seconds | {relay_seconds:.2f} | {bare_seconds:.2f} | {bare_seconds / relay_seconds:.2f}")
    print(
        f"all runs, seconds | {' '.join(f'{t:.1f}' for t in relay_times)} | "
        f"{' '.join(f'{t:.1f}' for t in bare_times)} | -"
    )
    print(f"request bytes per op | {body_bytes / args.operations:.0f} | {body_bytes / args.operations:.0f} | 1.00")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
