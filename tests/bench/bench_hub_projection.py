"""What projecting the outlet's tickets into a counter's own tables costs when it applies the hub's
operations (app/storage/replica_projection.py).

    python tests/bench/bench_hub_projection.py [--tickets N]

Counter A takes in N tickets (`open_ticket`) and moves each one once; its outbox, numbered as the
hub numbers it, is applied in the hub client's pages to two fresh counters' real SQLCipher stores:
one projects as the counters do, the other applies to the replica alone (the projection switched
off in this process: the baseline, what applying cost before the projection).  The ratio is what
the projection adds to applying a page.  No network: the hub's own cost is in bench_hub.py.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT)]

from app.core.identifiers import luhn_check_digit  # noqa: E402
from app.storage import replica_projection, replica_repository  # noqa: E402
from app.storage.replica_repository import ReplicaOperation  # noqa: E402
from app.storage.ticket_repository import COUNTER_CODE  # noqa: E402
from app.sync.hub_client import PULL_PAGE  # noqa: E402
from app.sync.store_source import to_wire  # noqa: E402
from app.tickets.intake import open_ticket  # noqa: E402
from app.tickets.moves import move_ticket  # noqa: E402
from tests.bench.bench_hub import new_counter  # noqa: E402
from tests.bench.timing import row  # noqa: E402
from tests.integration.tickets.conftest import SIGNED, walk_in  # noqa: E402


def distinct_imei(n: int) -> str:
    """The n-th IMEI of one model's TAC: phones at a counter are different phones."""
    body = f"86123404{n:06d}"
    return f"{body}{luhn_check_digit(body)}"


def operations_of(root: Path, tickets: int) -> list[ReplicaOperation]:
    """Counter A's intakes and moves, as the hub hands them out (positions in A's order)."""
    a = new_counter(root, "A")
    a.store.set_meta_value(COUNTER_CODE, "A")
    for n in range(tickets):
        person = walk_in(
            customer_name=f"Bench Person {n}",
            customer_phone=f"139{n:08d}",
            imei=distinct_imei(n),
            device_model="RC-A5",
            agreement=SIGNED,
        )
        number = open_ticket(a, person).number
        move_ticket(a, number, "diagnosing")
    changes = a.store.pending_outbox(10 * tickets + 100)
    a.lock()
    return [
        ReplicaOperation(position, "A", c.op_id, c.seq, c.entity, c.entity_id, to_wire(c).payload, c.created_at, 0)
        for position, c in enumerate(changes, start=1)
    ]


def apply_all(root: Path, name: str, operations: list[ReplicaOperation]) -> float:
    """Seconds to apply every operation at a fresh counter, in pages as the hub client pulls them."""
    counter = new_counter(root, name)
    counter.store.set_meta_value(COUNTER_CODE, name)
    start = time.perf_counter()
    for first in range(0, len(operations), PULL_PAGE):
        replica_repository.apply_operations(counter.store, operations[first : first + PULL_PAGE], "#hub")
    elapsed = time.perf_counter() - start
    counter.lock()
    return elapsed


def with_and_without_projection(root: Path, operations: list[ReplicaOperation]) -> tuple[float, float]:
    """(seconds with the projection, seconds with the replica alone) for the same operations."""
    projected = apply_all(root, "B", operations)
    project_page = replica_projection.project_page
    replica_projection.project_page = lambda work, applied: 0  # the baseline: the replica alone
    try:
        return projected, apply_all(root, "C", operations)
    finally:
        replica_projection.project_page = project_page


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=1000)
    tickets = parser.parse_args().tickets
    with tempfile.TemporaryDirectory(prefix="bench-projection-") as folder:
        operations = operations_of(Path(folder), tickets)
        projected, alone = with_and_without_projection(Path(folder), operations)
    row(f"{len(operations)} hub operations applied with the tickets projected (s)", projected, alone, unit="s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
