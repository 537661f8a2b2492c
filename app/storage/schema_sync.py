"""Schema for sync: reference data pulled from upstream with its cursor, sync status, receipts."""

from __future__ import annotations

SYNC_SCHEMA: list[str] = [
    """CREATE TABLE sync_reference (
        kind TEXT NOT NULL, position INTEGER NOT NULL, item TEXT NOT NULL, received_at TEXT NOT NULL,
        PRIMARY KEY (kind, position))""",
    "CREATE TABLE sync_cursor (kind TEXT PRIMARY KEY, cursor TEXT NOT NULL, saved_at TEXT NOT NULL)",
    """CREATE TABLE sync_receipt (
        seq INTEGER PRIMARY KEY, head TEXT NOT NULL, receipt TEXT NOT NULL, received_at TEXT NOT NULL)""",
    "CREATE TABLE sync_status (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
]
