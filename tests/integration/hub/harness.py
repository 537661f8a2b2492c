"""Counters and an outlet hub on loopback: real SQLCipher stores, a real TLS hub, real HTTP."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlcipher3

from app.accounts import service
from app.accounts.session import Session
from app.hub.server import hub_key, issue_join_code
from app.paths import DataPaths
from app.storage.vault import Vault
from app.sync import hub_client
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD, FAST_KDF

HUB_PASSPHRASE = "hub-passphrase-for-tests"
OUTLET = service.OutletInfo("SZ01", "Shenzhen Futian Service Centre", "CN", "6008 Shennan Avenue, Futian")


def new_counter(root: Path, name: str) -> Session:
    vault = Vault(DataPaths(root / f"counter-{name}"), argon2=FAST_KDF)
    return service.initialise_store(vault, OUTLET, ADMIN, "Li Na", ADMIN_PASSWORD).session


def reopen(session: Session) -> Session:
    """Lock and sign in again: what a restarted counter does."""
    vault = session.vault
    session.lock()
    return service.sign_in(vault, ADMIN, ADMIN_PASSWORD)


def key_of(hub_folder: Path) -> bytes:
    """The hub's database key (cheap Argon2id, fixed in the folder at first use)."""
    return hub_key(hub_folder, HUB_PASSPHRASE, FAST_KDF)


def join(session: Session, hub_folder: Path, url: str, counter: str) -> None:
    code, fingerprint = issue_join_code(hub_folder, key_of(hub_folder), counter)
    hub_client.join(session, url, counter, code, fingerprint)


def every_row(db: Path) -> str:
    """Every row of every table of a plain SQLite file (the region's upstream), as text to search."""
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return "\n".join(repr(row) for t in tables for row in conn.execute(f'SELECT * FROM "{t}"'))
    finally:
        conn.close()


def every_encrypted_row(db: Path, key: bytes) -> str:
    """Every row of every table of the hub's SQLCipher store, decrypted, as text to search."""
    conn = sqlcipher3.connect(str(db))
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return "\n".join(repr(row) for t in tables for row in conn.execute(f'SELECT * FROM "{t}"'))
    finally:
        conn.close()


WAL_HEADER, FRAME_HEADER = 32, 24


def wal_frames(db: Path) -> int:
    """How many page images the database's write-ahead log holds (a checkpoint with TRUNCATE empties it)."""
    wal = Path(f"{db}-wal")
    if not wal.exists() or wal.stat().st_size <= WAL_HEADER:
        return 0
    data = wal.read_bytes()
    page_size = int.from_bytes(data[8:12], "big")
    return (len(data) - WAL_HEADER) // (page_size + FRAME_HEADER)


#: Columns each counter keeps as its own (app/storage/replica_projection.py says why): its own
#: outlet row's id, the privacy desk's marks; and the history's seq (not compared).
LOCAL_TICKET_COLUMNS = ("outlet_id", "retention_anchor", "anonymised_at")


def domain_rows(session: Session) -> dict[str, list[tuple[object, ...]]]:
    """The outlet's records in a counter's own ticket tables, ordered, without its local columns:
    two counters whose projection converged give equal results."""
    store = session.store
    names = [r[1] for r in store.query("PRAGMA table_info(ticket)") if r[1] not in LOCAL_TICKET_COLUMNS]
    columns = ", ".join(names)
    return {
        "ticket": store.query(f"SELECT {columns} FROM ticket ORDER BY id"),
        "customer": store.query(
            "SELECT id, name, phone, email, address, created_at, last_contact_at FROM customer ORDER BY id"
        ),
        "ticket_event": store.query(
            "SELECT ticket_id, at, actor, from_status, to_status, note FROM ticket_event"
            " ORDER BY ticket_id, at, to_status"
        ),
        "ticket_line": store.query(
            "SELECT id, ticket_id, kind, part_id, description, quantity, unit_price, created_at FROM ticket_line"
            " ORDER BY id"
        ),
    }
