"""Make the stores earlier releases left behind, for the migration tests (tests/old_stores/*).

A migration test needs a store written by the code of before the migration.  Running today's
code against an older schema stops working as soon as a migration changes what today's SQL
writes (migration 20 dropped `ticket.outlet_id` and keeps moments as milliseconds), so the
stores are made once by the release that wrote them and kept here as files:

    git worktree add --detach /tmp/rc-old f222a95       # the release before migration 20
    cd /tmp/rc-old
    PYTHONPATH=. python /path/to/tests/old_stores/make_old_stores.py /path/to/tests/old_stores v19  # v15, v18

Each store is a data directory (`<version>/data`, the encrypted database and the key file
sealed by the test password) and `<version>/expected.json`: what that release read back from
it, which the tests compare with what today's code reads after migrating.  The passwords and
the outlet are those of tests/fixtures_store.py.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import sys
from pathlib import Path
from typing import Any

from app.accounts import service
from app.paths import DataPaths
from app.storage import journal, migrations, packed_json, row_seals, store
from app.storage.sealing import Argon2Params
from app.storage.vault import Vault

ADMIN, ADMIN_PASSWORD = "E1001", "manager-pass-1"
OUTLET = service.OutletInfo("SZ01", "Shenzhen Futian Service Centre", "CN", "6008 Shennan Avenue, Futian")
FAST_KDF = Argon2Params(time_cost=1, memory_kib=8192, parallelism=1)
ACK_DIGEST = "cd" * 32


def plain(value: Any) -> Any:
    """A record as JSON (dataclasses as dicts, Decimals and dates as text), for expected.json."""
    return json.loads(json.dumps(dataclasses.asdict(value) if dataclasses.is_dataclass(value) else value, default=str))


def _fresh(folder: Path) -> Vault:
    shutil.rmtree(folder, ignore_errors=True)
    return Vault(DataPaths(folder / "data"), argon2=FAST_KDF)


def _stop_at(version: int) -> None:
    migrations.MIGRATIONS[:] = migrations.MIGRATIONS[:version]
    migrations.LATEST_VERSION = version


def _text_forms() -> None:
    """What the code of before migration 19 stored: hex digests, UUID text ids, JSON text."""

    def as_text(value: Any) -> Any:
        return value

    for module in (journal, row_seals, store):
        module.stored = as_text  # type: ignore[attr-defined]
    for module in (journal, row_seals):
        module.stored_id = as_text  # type: ignore[attr-defined]
    packed_json.pack = as_text  # type: ignore[assignment]


def _walk_in(**changes: Any) -> Any:
    """The integration tests' walk-in with a signed agreement (from the release's own tests)."""
    from tests.integration.tickets.conftest import SIGNED, walk_in

    return walk_in(**{"agreement": SIGNED, **changes})


def make_v15(folder: Path) -> None:
    """Before migration 16 (journal and seals rebuilt smaller): one ticket
    (tests/unit/storage/test_sizes_migration.py)."""
    from app.storage.ticket_records import NewTicket
    from app.tickets.intake import open_ticket

    _stop_at(15)
    vault = _fresh(folder)
    session = service.initialise_store(vault, OUTLET, ADMIN, "Li Na", ADMIN_PASSWORD).session
    open_ticket(
        session,
        NewTicket("maintenance", "Zhang Wei", "13812345678", "PHN110", "490154203237518", "battery drains fast #0"),
    )
    counts = {
        "entries": session.store.query_one("SELECT count(*) FROM audit_journal")[0],
        "seals": session.store.query_one("SELECT count(*) FROM row_seal")[0],
    }
    session.lock()
    (folder / "expected.json").write_text(json.dumps(counts, indent=1))


def make_v18(folder: Path) -> None:
    """Before migration 19 (digests, ids and JSON as bytes): one ticket moved once, one operation acknowledged
    (tests/unit/storage/test_compact_migration.py)."""
    from app.tickets.intake import open_ticket
    from app.tickets.moves import load, move_ticket

    _stop_at(18)
    _text_forms()
    vault = _fresh(folder)
    session = service.initialise_store(vault, OUTLET, ADMIN, "Li Na", ADMIN_PASSWORD).session
    number = open_ticket(session, _walk_in()).number
    move_ticket(session, number, "diagnosing")
    written = load(session, number)
    entries = session.store.journal_entries(limit=10_000)
    acknowledged = session.store.pending_outbox()[0].op_id
    session.store.mark_outbox_sent([acknowledged], {acknowledged: ACK_DIGEST})
    session.lock()
    expected = {"written": plain(written), "entries": [plain(e) for e in entries], "acknowledged": acknowledged}
    (folder / "expected.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False))


def make_v19(folder: Path) -> None:
    """The last release before migration 20 (moments as milliseconds, ...): a counter's working store --
    seeded history over a year, a walk-in taken through to collection, a returning customer, a ticket
    continued by moves, acknowledged operations (tests/unit/storage/test_lean_migration.py)."""
    from app.storage import ticket_repository
    from app.tickets.intake import open_ticket
    from app.tickets.moves import load, move_ticket
    from app.tickets.seeding import seed_tickets

    vault = _fresh(folder)
    session = service.initialise_store(vault, OUTLET, ADMIN, "Li Na", ADMIN_PASSWORD).session
    seed_tickets(session, 60, seed=19)
    walk_in = open_ticket(session, _walk_in()).number
    for status in ("diagnosing", "repairing", "quality_check", "ready_for_pickup"):
        move_ticket(session, walk_in, status)
    returning = open_ticket(session, _walk_in(imei="356938035643809", fault="no sound")).number
    move_ticket(session, returning, "diagnosing")
    pending = session.store.pending_outbox(limit=20)
    session.store.mark_outbox_sent([c.op_id for c in pending], {c.op_id: f"{i:064x}" for i, c in enumerate(pending)})
    numbers = [row.number for row in ticket_repository.recent_tickets(session.store, limit=500)]
    expected = {
        "tickets": {number: plain(load(session, number)) for number in numbers},
        "recent": numbers,
        "open_queue": [row.number for row in ticket_repository.open_queue(session.store)],
        "entries": len(session.store.journal_entries(limit=100_000)),
        "seals": session.store.query_one("SELECT count(*) FROM row_seal")[0],
        "done": session.store.query_one("SELECT count(*) FROM outbox_done")[0],
        "walk_in": walk_in,
        "returning": returning,
    }
    session.lock()
    (folder / "expected.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False))


MAKERS = {"v15": make_v15, "v18": make_v18, "v19": make_v19}


def main(out: Path, name: str) -> None:
    """One store a run: the older ones narrow MIGRATIONS and switch encoders for the whole process."""
    MAKERS[name](out / name)
    (out / name / "data" / "counter.lock").unlink(missing_ok=True)  # the writer lock of the process that made it


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
