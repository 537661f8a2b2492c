"""Storage benchmarks (issue 2): raw-key open, Argon2id unlock, one ticket write with journal and
outbox, and that write as a ratio to a bare sqlcipher3 insert in the same run and settings."""

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
from app.storage.vault import Vault  # noqa: E402
from app.tickets.intake import open_ticket  # noqa: E402
from app.tickets.synthetic import synthetic_tickets  # noqa: E402

WRITES = 400


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


def bare_insert_samples(path: Path, key: bytes, rows: list) -> list[float]:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA journal_mode = WAL").fetchone()
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (id TEXT, name TEXT, phone TEXT, model TEXT, imei TEXT, fault TEXT)")
    samples = []
    for i, r in enumerate(rows):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)",
            (str(i), r.customer_name, r.customer_phone, r.device_model, r.imei, r.fault),
        )
        conn.execute("COMMIT")
        samples.append(time.perf_counter() - start)
    conn.close()
    return samples


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
        rows = synthetic_tickets(WRITES)
        write = [0.0] * WRITES
        for i, new in enumerate(rows):
            start = time.perf_counter()
            open_ticket(session, new)
            write[i] = time.perf_counter() - start
        session.lock()

        bare = bare_insert_samples(Path(tmp) / "bare.db", key, rows)
        opens = timed(lambda: vault.open_with_raw_key(key).close(), 50)
        bare_opens = timed(lambda: bare_keyed_open(Path(tmp) / "bare.db", key), 50)
        unlocks = timed(lambda: service.sign_in(vault, "E1", "bench-password").lock(), 7)

    med_open, med_bare_open = statistics.median(opens), statistics.median(bare_opens)
    print(
        f"open with raw key (median, target < 5 ms) | {ms(med_open)} | {ms(med_bare_open)} bare keyed open"
        f" | {med_open / med_bare_open:.1f}"
    )
    print(f"unlock with Argon2id (median, target 150-500 ms) | {ms(statistics.median(unlocks))} | - | -")
    print(
        f"ticket write + journal + outbox (p95, target < 10 ms) | {ms(p95(write))} | {ms(p95(bare))} bare insert p95"
        f" | {p95(write) / p95(bare):.2f}"
    )
    print(
        f"ticket write + journal + outbox (median) | {ms(statistics.median(write))}"
        f" | {ms(statistics.median(bare))} bare insert | {statistics.median(write) / statistics.median(bare):.2f}"
    )


if __name__ == "__main__":
    main()
