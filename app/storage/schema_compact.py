"""Schema migration 19: the same records in fewer bytes (issue 13: under 1.5 KB a ticket at 1 M).

Appended to `migrations.MIGRATIONS` (append-only: never edit it once shipped).

* `audit_journal`, `row_seal`, `outbox_done`: each hash and digest as its 32 bytes instead of
  64 hex characters (app/storage/digest_bytes.py); the hex form stays at every API, so the hash
  chain, the anchors and `verify` see exactly what they saw before.  Each is copied into a new
  table; the journal and the seals get their triggers that refuse UPDATE and DELETE again.
  The journal, the seals and the done outbox (op id and record id) also keep a UUID as its 16
  bytes (`stored_id`; mark_outbox_sent calls it in SQL as `id_as_bytes`);
* `outbox_done` loses the UNIQUE index on `op_id` (a second copy of every op id): nothing looks
  a done operation up by it, and each came from the outbox, where op ids are unique;
* `ticket_event` keyed by (ticket_id, seq) WITHOUT ROWID: the rows are stored in the order the
  history query reads them, so its separate (ticket_id, seq) index and its copy of every ticket
  id go.  `seq` now counts within a ticket (ticket_repository.add_event); copied rows keep theirs,
  which are in the same order;
* the ticket's JSON columns packed (app/storage/packed_json.py).  Row seals digest those columns
  as their text, so every seal still fits the row and nothing is resealed.

The conversions are Python functions that SQL calls (`FUNCTIONS`, registered by migrations.migrate
on every connection it opens), so the migration, the app and its SQL share one encoding.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.storage import digest_bytes, packed_json
from app.storage.schema_sizes import copied, rebuilt

#: SQL name -> the function the statements below call (one argument each).
FUNCTIONS: dict[str, Callable[[Any], Any]] = {
    "digest_as_bytes": digest_bytes.stored,
    "id_as_bytes": digest_bytes.stored_id,
    "json_packed": packed_json.pack_stored,
}

_JOURNAL_COLUMNS = "seq, at, actor, entity, entity_id, action, change_digest, prev_hash, hash"
_DONE_COLUMNS = "seq, op_id, entity, entity_id, action, digest, sent_at"
_EVENT_COLUMNS = "ticket_id, seq, at, actor, from_status, to_status, note"

COMPACT_SCHEMA: list[str] = [
    *rebuilt(
        "audit_journal",
        """CREATE TABLE audit_journal_compact (
            seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, entity TEXT NOT NULL,
            entity_id BLOB NOT NULL, action TEXT NOT NULL, change_digest BLOB NOT NULL,
            prev_hash BLOB NOT NULL, hash BLOB NOT NULL)""",
        _JOURNAL_COLUMNS,
        "audit journal entries",
        values="seq, at, actor, entity, id_as_bytes(entity_id), action,"
        " digest_as_bytes(change_digest), digest_as_bytes(prev_hash), digest_as_bytes(hash)",
    ),
    *rebuilt(
        "row_seal",
        """CREATE TABLE row_seal_compact (
            seq INTEGER NOT NULL, entity TEXT NOT NULL, entity_id BLOB NOT NULL, digest BLOB NOT NULL,
            PRIMARY KEY (entity, entity_id, seq)) WITHOUT ROWID""",
        "seq, entity, entity_id, digest",
        "row seals",
        values="seq, entity, id_as_bytes(entity_id), digest_as_bytes(digest)",
    ),
    *copied(
        "outbox_done",
        """CREATE TABLE outbox_done_compact (
            seq INTEGER PRIMARY KEY, op_id BLOB NOT NULL, entity TEXT NOT NULL,
            entity_id BLOB NOT NULL, action TEXT NOT NULL, digest BLOB, sent_at TEXT NOT NULL)""",
        _DONE_COLUMNS,
        values="seq, id_as_bytes(op_id), entity, id_as_bytes(entity_id), action, digest_as_bytes(digest), sent_at",
    ),
    *copied(
        "ticket_event",
        """CREATE TABLE ticket_event_compact (
            ticket_id TEXT NOT NULL REFERENCES ticket (id), seq INTEGER NOT NULL, at TEXT NOT NULL,
            actor TEXT NOT NULL, from_status TEXT, to_status TEXT NOT NULL, note TEXT,
            PRIMARY KEY (ticket_id, seq)) WITHOUT ROWID""",
        _EVENT_COLUMNS,
    ),
    "UPDATE ticket SET "
    + ", ".join(f"{column} = json_packed({column})" for column in packed_json.PACKED_COLUMNS)
    + " WHERE "
    + " OR ".join(f"typeof({column}) = 'text'" for column in packed_json.PACKED_COLUMNS),
]
