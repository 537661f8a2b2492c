"""The upstream service's tables, written once for SQLite and PostgreSQL.

Only the auto-numbered key differs between the two; `{serial}` is filled in per dialect.
Every statement is `IF NOT EXISTS`, so creating the schema twice (two workers starting at
once, or a restart) changes nothing.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

_STATEMENTS = (
    """CREATE TABLE IF NOT EXISTS upstream_meta (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL)""",
    # One-time enrolment codes, stored only as a hash; used_at set when redeemed.
    """CREATE TABLE IF NOT EXISTS enrol_codes (
        code_hash TEXT PRIMARY KEY,
        outlet TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT)""",
    # An enrolled outlet and the hash of its current bearer token.
    """CREATE TABLE IF NOT EXISTS outlets (
        outlet TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        enrolled_at TEXT NOT NULL)""",
    # Every operation received, once per (outlet, op_id): the idempotency record.
    """CREATE TABLE IF NOT EXISTS operations (
        outlet TEXT NOT NULL,
        op_id TEXT NOT NULL,
        seq BIGINT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        action TEXT NOT NULL,
        payload TEXT NOT NULL,
        digest TEXT NOT NULL,
        created_at TEXT NOT NULL,
        received_at TEXT NOT NULL,
        status TEXT NOT NULL,
        PRIMARY KEY (outlet, op_id))""",
    """CREATE INDEX IF NOT EXISTS operations_by_record ON operations (outlet, entity, entity_id)""",
    # The region's reports read ticket operations by when the counter made them (issue 16).
    """CREATE INDEX IF NOT EXISTS operations_by_time ON operations (entity, action, created_at)""",
    # The current state of each record: the operation with the highest seq wins.
    """CREATE TABLE IF NOT EXISTS records (
        outlet TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        seq BIGINT NOT NULL,
        op_id TEXT NOT NULL,
        action TEXT NOT NULL,
        payload TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (outlet, entity, entity_id))""",
    # A pushed batch looks its records up by id, and erasures by id (partial: erasures are rare).
    """CREATE INDEX IF NOT EXISTS records_by_id ON records (outlet, entity_id)""",
    """CREATE INDEX IF NOT EXISTS operations_erasures ON operations (outlet, entity_id) WHERE action = 'erase'""",
    # Published reference data; the id is the pull cursor.
    """CREATE TABLE IF NOT EXISTS reference_items (
        id {serial},
        kind TEXT NOT NULL,
        item TEXT NOT NULL,
        published_at TEXT NOT NULL)""",
    """CREATE INDEX IF NOT EXISTS reference_items_by_kind ON reference_items (kind, id)""",
    # Journal heads each outlet anchored, with the receipt's signature.
    """CREATE TABLE IF NOT EXISTS anchors (
        outlet TEXT NOT NULL,
        seq BIGINT NOT NULL,
        head TEXT NOT NULL,
        received_at TEXT NOT NULL,
        key_id TEXT NOT NULL,
        signature TEXT NOT NULL,
        PRIMARY KEY (outlet, seq))""",
    # The outlet hub (issue 22): every counter's operations in the one order all counters apply
    # them in (`position`), once per op_id; what reached the region is a cursor in upstream_meta.
    """CREATE TABLE IF NOT EXISTS hub_operations (
        position {serial},
        counter TEXT NOT NULL,
        op_id TEXT NOT NULL UNIQUE,
        seq BIGINT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        action TEXT NOT NULL,
        payload TEXT NOT NULL,
        digest TEXT NOT NULL,
        hub_seen BIGINT NOT NULL,
        created_at TEXT NOT NULL,
        received_at TEXT NOT NULL)""",
    # An arriving operation asks whether its record (or a ticket's customer) was erased: partial, erasures are rare.
    """CREATE INDEX IF NOT EXISTS hub_operations_erasures ON hub_operations (entity, entity_id)
        WHERE action = 'erase'""",
    """CREATE TABLE IF NOT EXISTS hub_counters (
        counter TEXT PRIMARY KEY,
        last_seen_at TEXT NOT NULL,
        applied_position BIGINT NOT NULL)""",
)

SQLITE_SERIAL = "INTEGER PRIMARY KEY AUTOINCREMENT"
POSTGRES_SERIAL = "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"


def schema_statements(serial: str) -> list[str]:
    """The DDL for one dialect, given how it spells an auto-numbered primary key."""
    return [statement.replace("{serial}", serial) for statement in _STATEMENTS]
