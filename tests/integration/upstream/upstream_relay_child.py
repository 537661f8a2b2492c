"""A relay in its own process, for the test that kills the client between the upstream's
answer and the local acknowledgement.

Usage: python upstream_relay_child.py OUTBOX_DB UPSTREAM_URL OUTLET TOKEN STOP_AT
It pushes normally; at the STOP_AT-th acknowledgement, after the upstream has answered and
before the outbox is updated, it prints ANSWERED and waits to be killed.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping
from pathlib import Path

from upstream_harness import TRANSPORT_POLICY
from upstream_sqlite_outbox import SqliteOutbox

from app.sync.relay import SyncRelay
from app.sync.transport import UpstreamEndpoint


class StopBeforeAck(SqliteOutbox):
    def __init__(self, path: Path, stop_at: int) -> None:
        super().__init__(path)
        self.stop_at = stop_at
        self.acks = 0

    def mark_sent(self, op_ids: list[str], digests: Mapping[str, str] | None = None) -> None:
        self.acks += 1
        if self.acks == self.stop_at:
            print("ANSWERED", flush=True)
            time.sleep(120)  # the parent kills us here
        super().mark_sent(op_ids, digests)


def main() -> int:
    db, url, outlet, token, stop_at = sys.argv[1:6]
    box = StopBeforeAck(Path(db), int(stop_at))
    with SyncRelay(box, UpstreamEndpoint(url), outlet, token, policy=TRANSPORT_POLICY) as relay:
        relay.push_pending()
    print("FINISHED", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
