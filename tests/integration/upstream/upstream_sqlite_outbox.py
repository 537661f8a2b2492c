"""A test OutboxSource over a plain sqlite3 file.

The production OutboxSource is the counter's SQLCipher store (app/storage/, built by the
lead); this one has the same contract so the relay is tested against a real file on disk
that survives a "crash" (a new relay and a new connection over the same file).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.sync.outbox import OutboxItem


class SqliteOutbox:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.executescript(
            """
            CREATE TABLE IF NOT EXISTS outbox (
                seq INTEGER PRIMARY KEY, op_id TEXT UNIQUE NOT NULL, entity TEXT NOT NULL,
                entity_id TEXT NOT NULL, action TEXT NOT NULL, payload TEXT NOT NULL,
                created_at TEXT NOT NULL, sent INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (sent, seq);
            CREATE TABLE IF NOT EXISTS reference (
                kind TEXT NOT NULL, key TEXT NOT NULL, item TEXT NOT NULL, PRIMARY KEY (kind, key));
            CREATE TABLE IF NOT EXISTS cursors (kind TEXT PRIMARY KEY, cursor TEXT NOT NULL);
            """
        )

    def close(self) -> None:
        self.conn.close()

    # -- writing, as the business layer would ------------------------------------------------

    def add(self, entity: str, entity_id: str, action: str, payload: dict[str, Any]) -> str:
        return self.add_many([(entity, entity_id, action, payload)])[0]

    def add_many(self, rows: list[tuple[str, str, str, dict[str, Any]]]) -> list[str]:
        now = datetime.now(UTC).isoformat()
        op_ids = [str(uuid.uuid4()) for _ in rows]
        with self.conn:
            self.conn.execute("BEGIN")
            self.conn.executemany(
                "INSERT INTO outbox (op_id, entity, entity_id, action, payload, created_at) VALUES (?,?,?,?,?,?)",
                [(op_id, e, eid, a, json.dumps(p), now) for op_id, (e, eid, a, p) in zip(op_ids, rows, strict=False)],
            )
        return op_ids

    # -- the OutboxSource contract -----------------------------------------------------------

    def pending(self, limit: int) -> list[OutboxItem]:
        rows = self.conn.execute(
            "SELECT op_id, seq, entity, entity_id, action, payload, created_at FROM outbox"
            " WHERE sent = 0 ORDER BY seq LIMIT ?",
            (limit,),
        ).fetchall()
        return [OutboxItem(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6]) for r in rows]

    def mark_sent(self, op_ids: list[str], digests: Mapping[str, str] | None = None) -> None:
        with self.conn:
            self.conn.execute("BEGIN")
            self.conn.executemany("UPDATE outbox SET sent = 1 WHERE op_id = ?", [(i,) for i in op_ids])

    def save_reference(self, kind: str, cursor: str, items: list[dict[str, Any]]) -> None:
        with self.conn:
            self.conn.execute("BEGIN")
            self.conn.executemany(
                "INSERT INTO reference (kind, key, item) VALUES (?, ?, ?)"
                " ON CONFLICT (kind, key) DO UPDATE SET item = excluded.item",
                [(kind, str(item["key"]), json.dumps(item)) for item in items],
            )
            self.conn.execute(
                "INSERT INTO cursors (kind, cursor) VALUES (?, ?)"
                " ON CONFLICT (kind) DO UPDATE SET cursor = excluded.cursor",
                (kind, cursor),
            )

    def reference_cursor(self, kind: str) -> str | None:
        row = self.conn.execute("SELECT cursor FROM cursors WHERE kind = ?", (kind,)).fetchone()
        return None if row is None else str(row[0])

    def pending_count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM outbox WHERE sent = 0").fetchone()[0])

    # -- reads for assertions ------------------------------------------------------------------

    def reference_items(self, kind: str) -> dict[str, dict[str, Any]]:
        rows = self.conn.execute("SELECT key, item FROM reference WHERE kind = ?", (kind,)).fetchall()
        return {key: json.loads(item) for key, item in rows}

    def last_op_per_record(self) -> dict[tuple[str, str], tuple[int, str]]:
        rows = self.conn.execute(
            "SELECT entity, entity_id, MAX(seq), op_id FROM outbox GROUP BY entity, entity_id"
        ).fetchall()
        return {(r[0], r[1]): (int(r[2]), r[3]) for r in rows}
