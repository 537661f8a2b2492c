"""Schema migrations by `PRAGMA user_version`, each applied in one transaction.

A migration is append-only: never edit one that has shipped; add the next.
"""

from __future__ import annotations

from typing import Any

from app.storage.name_search import KEY_FUNCTIONS, NAME_SEARCH_SCHEMA
from app.storage.row_seals import SCHEMA as ROW_SEAL_SCHEMA
from app.storage.schema_compact import COMPACT_SCHEMA, FUNCTIONS
from app.storage.schema_diagnostics import DIAGNOSTICS_SCHEMA
from app.storage.schema_erasure import ERASURE_SCHEMA
from app.storage.schema_hub import HUB_SCHEMA
from app.storage.schema_lean import LEAN_SCHEMA
from app.storage.schema_lean_journal import LEAN_JOURNAL_SCHEMA
from app.storage.schema_lean_keys import LEAN_KEYS_SCHEMA
from app.storage.schema_lean_seals import LEAN_SEALS_SCHEMA
from app.storage.schema_messages import MESSAGES_SCHEMA
from app.storage.schema_parts import PARTS_SCHEMA
from app.storage.schema_privacy import PRIVACY_SCHEMA
from app.storage.schema_record import RECORD_SCHEMA
from app.storage.schema_reports import REPORTS_SCHEMA
from app.storage.schema_sizes import SIZES_SCHEMA
from app.storage.schema_slips import SLIPS_SCHEMA
from app.storage.schema_sync import SYNC_SCHEMA
from app.storage.schema_tickets import TICKETS_V2
from app.storage.stored_time import shown_time, stored_time, time_ms

ROLES_SQL = "'technician','intake_clerk','manager','auditor'"

MIGRATIONS: list[list[str]] = [
    # 1: outlet, staff, audit journal, outbox, and the base customer/ticket tables.
    [
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE outlet (
            id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
            region TEXT NOT NULL, created_at TEXT NOT NULL)""",
        f"""CREATE TABLE staff (
            id TEXT PRIMARY KEY, engineer_id TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ({ROLES_SQL})),
            active INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL, removed_at TEXT)""",
        """CREATE TABLE audit_journal (
            seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, entity TEXT NOT NULL,
            entity_id TEXT NOT NULL, action TEXT NOT NULL, change_digest TEXT NOT NULL,
            prev_hash TEXT NOT NULL, hash TEXT NOT NULL UNIQUE)""",
        """CREATE TRIGGER audit_journal_no_update BEFORE UPDATE ON audit_journal
           BEGIN SELECT RAISE(ABORT, 'audit journal entries cannot be changed'); END""",
        """CREATE TRIGGER audit_journal_no_delete BEFORE DELETE ON audit_journal
           BEGIN SELECT RAISE(ABORT, 'audit journal entries cannot be deleted'); END""",
        """CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY, op_id TEXT NOT NULL UNIQUE, entity TEXT NOT NULL,
            entity_id TEXT NOT NULL, action TEXT NOT NULL, payload TEXT NOT NULL,
            created_at TEXT NOT NULL, sent_at TEXT)""",
        "CREATE INDEX outbox_pending ON outbox (seq) WHERE sent_at IS NULL",
        """CREATE TABLE customer (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, phone TEXT, email TEXT, address TEXT,
            created_at TEXT NOT NULL, last_contact_at TEXT NOT NULL)""",
        "CREATE INDEX customer_phone ON customer (phone)",
        """CREATE TABLE ticket (
            id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE,
            outlet_id TEXT NOT NULL REFERENCES outlet (id),
            customer_id TEXT REFERENCES customer (id), service_type TEXT NOT NULL,
            status TEXT NOT NULL, priority INTEGER NOT NULL, device_model TEXT, imei TEXT,
            fault TEXT, created_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)""",
        "CREATE INDEX ticket_customer ON ticket (customer_id)",
        """CREATE TABLE ticket_sequence (
            outlet_code TEXT NOT NULL, day TEXT NOT NULL, last INTEGER NOT NULL,
            PRIMARY KEY (outlet_code, day))""",
    ],
    DIAGNOSTICS_SCHEMA,  # 2: consents, diagnostic runs, results, logs, battery verdicts (issue 4)
    TICKETS_V2,  # 3: repair tickets: workflow, history, prices, photos, search indexes (issue 5)
    SYNC_SCHEMA,  # 4: reference data pulled from upstream, cursors, anchor receipts, sync status (issue 7)
    SLIPS_SCHEMA,  # 5: slip print journal and thermal retry queue (issue 6)
    PRIVACY_SCHEMA,  # 6: privacy desk: requests, restrictions, contacts, purge receipts, exports (issue 8)
    # 7: the outlet's postal address, printed on the slip.
    ["ALTER TABLE outlet ADD COLUMN address TEXT NOT NULL DEFAULT ''"],
    # 8: staff records signed by a manager (or the recovery key), and business rows sealed
    # into the journal (app/storage/row_seals.py), issue 21.
    [
        "ALTER TABLE staff ADD COLUMN signing_public TEXT",
        "ALTER TABLE staff ADD COLUMN signed_by TEXT",
        "ALTER TABLE staff ADD COLUMN signature TEXT",
        *ROW_SEAL_SCHEMA,
    ],
    # 9: a consent names its customer, so restriction and withdrawal reach consents given without a ticket.
    [
        "ALTER TABLE diag_consent ADD COLUMN customer_id TEXT",
        "UPDATE diag_consent SET customer_id = (SELECT customer_id FROM ticket WHERE ticket.number ="
        " diag_consent.ticket_number) WHERE ticket_number IS NOT NULL",
        "CREATE INDEX diag_consent_customer ON diag_consent (customer_id)",
    ],
    # 10: the outbox forgets: an acknowledged operation moves to outbox_done, which keeps its op_id,
    #    seq and the digest the upstream holds (the idempotency proof) and no payload.
    [
        """CREATE TABLE outbox_done (
            seq INTEGER PRIMARY KEY, op_id TEXT NOT NULL UNIQUE, entity TEXT NOT NULL,
            entity_id TEXT NOT NULL, action TEXT NOT NULL, digest TEXT, sent_at TEXT NOT NULL)""",
        "INSERT INTO outbox_done (seq, op_id, entity, entity_id, action, digest, sent_at)"
        " SELECT seq, op_id, entity, entity_id, action, NULL, sent_at FROM outbox WHERE sent_at IS NOT NULL",
        "DELETE FROM outbox WHERE sent_at IS NOT NULL",
    ],
    RECORD_SCHEMA,  # 11: pulled reference items set aside; the outlet's own hours and holidays (issue 12)
    REPORTS_SCHEMA,  # 12: time indexes the outlet reports read (issue 16)
    NAME_SEARCH_SCHEMA,  # 13: name search keys (name, words, pinyin, initials), dropped with the name (issue 23)
    PARTS_SCHEMA,  # 14: spare parts: stock, moves, serials, ticket parts, returns, dispatch requests (issue 18)
    HUB_SCHEMA,  # 15: two-way sync through the outlet hub: replica, applied operations, conflicts (issue 22)
    SIZES_SCHEMA,  # 16: row seals WITHOUT ROWID, the journal without its hash index: same rows, fewer bytes (issue 13)
    ERASURE_SCHEMA,  # 17: data forgetting: wipe jobs and their steps, certificates of erasure (issue 20)
    MESSAGES_SCHEMA,  # 18: messages after the repair, their consent and attempts, ratings (issue 17)
    COMPACT_SCHEMA,  # 19: digests as bytes, ticket history WITHOUT ROWID, ticket JSON packed (issue 13)
    LEAN_SCHEMA,  # 20: moments as integer milliseconds, no outlet on each ticket, history by id bytes (issue 13)
    LEAN_JOURNAL_SCHEMA,  # 21: the journal without prev_hash, its time and sent_at as milliseconds (issue 13)
    LEAN_SEALS_SCHEMA,  # 22: row seals named by one letter, new ones of 16 bytes (issue 13)
    LEAN_KEYS_SCHEMA,  # 23: name search keys with byte customer ids and no customer_id index (issue 13)
]

LATEST_VERSION = len(MIGRATIONS)


#: SQL name -> the Python function migrations and the app's statements call (one argument each):
#: the stored forms of digests, ids and JSON (schema_compact.py) and of moments (stored_time.py;
#: `stored_time` for a moment a digest covers as text, the journal's `at`), a name's search keys and
#: a key row's customer id as text (name_search.py).
SQL_FUNCTIONS = {
    **FUNCTIONS,
    "time_ms": time_ms,
    "time_text": shown_time,
    "stored_time": stored_time,
    **KEY_FUNCTIONS,
}


def register_functions(conn: Any) -> None:
    for name, function in SQL_FUNCTIONS.items():
        conn.create_function(name, 1, function, deterministic=True)


def migrate(conn: Any) -> int:
    """Bring the schema up to LATEST_VERSION; returns how many migrations ran.

    Foreign keys are not enforced while migrations run: a migration that rebuilds a table others
    refer to (schema_lean.py) drops the old one, and enforcement would empty or refuse that.  Each
    migration is checked with `PRAGMA foreign_key_check` before it commits instead.
    """
    current = int(conn.execute("PRAGMA user_version").fetchone()[0])
    register_functions(conn)
    if current >= LATEST_VERSION:
        return 0
    enforced = int(conn.execute("PRAGMA foreign_keys").fetchone()[0])
    conn.execute("PRAGMA foreign_keys = OFF")  # only takes effect outside a transaction
    try:
        for version in range(current + 1, LATEST_VERSION + 1):
            _apply(conn, version)
    finally:
        conn.execute(f"PRAGMA foreign_keys = {enforced:d}")
    return LATEST_VERSION - current


def _apply(conn: Any, version: int) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in MIGRATIONS[version - 1]:
            conn.execute(statement)
        broken = conn.execute("PRAGMA foreign_key_check").fetchmany(3)
        if broken:
            raise MigrationError(f"migration {version} would leave rows referring to missing rows: {broken}")
        conn.execute(f"PRAGMA user_version = {version:d}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


class MigrationError(Exception):
    """A migration that would break the store's references; nothing of it is kept."""
